//! The app of the simulator pages (see `ui::app::groups::Simulator`).

#[cfg(feature = "web")]
fn main() {
    cosens_simulateur::ui::start::<cosens_simulateur::ui::groups::Simulator>();
}

#[cfg(not(feature = "web"))]
fn main() {}
