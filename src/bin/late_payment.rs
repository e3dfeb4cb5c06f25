//! The app of the late-payment page (see `ui::app::groups::LatePayment`).

#[cfg(feature = "web")]
fn main() {
    cosens_simulateur::ui::start::<cosens_simulateur::ui::groups::LatePayment>();
}

#[cfg(not(feature = "web"))]
fn main() {}
