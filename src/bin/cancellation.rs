//! The app of the cancellation page (see `ui::app::groups::Cancellation`).

#[cfg(feature = "web")]
fn main() {
    cosens_simulateur::ui::start::<cosens_simulateur::ui::groups::Cancellation>();
}

#[cfg(not(feature = "web"))]
fn main() {}
