//! The app of « Intégrer le simulateur » (see `ui::app::groups::Embed`).

#[cfg(feature = "web")]
fn main() {
    cosens_simulateur::ui::start::<cosens_simulateur::ui::groups::Embed>();
}

#[cfg(not(feature = "web"))]
fn main() {}
