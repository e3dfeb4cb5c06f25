//! The app of the calculators pages (see `ui::app::groups::Calculators`).

#[cfg(feature = "web")]
fn main() {
    cosens_simulateur::ui::start::<cosens_simulateur::ui::groups::Calculators>();
}

#[cfg(not(feature = "web"))]
fn main() {}
