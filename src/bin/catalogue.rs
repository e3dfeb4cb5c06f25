//! The app of the catalogue pages (see `ui::app::groups::Catalogue`).

#[cfg(feature = "web")]
fn main() {
    cosens_simulateur::ui::start::<cosens_simulateur::ui::groups::Catalogue>();
}

#[cfg(not(feature = "web"))]
fn main() {}
