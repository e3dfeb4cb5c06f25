//! The app of the compare pages (see `ui::app::groups::Compare`).

#[cfg(feature = "web")]
fn main() {
    cosens_simulateur::ui::start::<cosens_simulateur::ui::groups::Compare>();
}

#[cfg(not(feature = "web"))]
fn main() {}
