//! The app of the devis page (see `ui::app::groups::Devis`).

#[cfg(feature = "web")]
fn main() {
    cosens_simulateur::ui::start::<cosens_simulateur::ui::groups::Devis>();
}

#[cfg(not(feature = "web"))]
fn main() {}
