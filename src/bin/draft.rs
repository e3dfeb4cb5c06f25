//! The app of a draft's page and of the devis (see `ui::app::groups::Draft`).

#[cfg(feature = "web")]
fn main() {
    cosens_simulateur::ui::start::<cosens_simulateur::ui::groups::Draft>();
}

#[cfg(not(feature = "web"))]
fn main() {}
