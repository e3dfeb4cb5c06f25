//! The app of the rules page (see `ui::app::groups::Rules`).

#[cfg(feature = "web")]
fn main() {
    cosens_simulateur::ui::start::<cosens_simulateur::ui::groups::Rules>();
}

#[cfg(not(feature = "web"))]
fn main() {}
