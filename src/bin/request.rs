//! The app of a draft's enrolment request (see `ui::app::groups::Request`).

#[cfg(feature = "web")]
fn main() {
    cosens_simulateur::ui::start::<cosens_simulateur::ui::groups::Request>();
}

#[cfg(not(feature = "web"))]
fn main() {}
