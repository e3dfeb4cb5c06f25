//! The app of the drafts list (see `ui::app::groups::Drafts`).

#[cfg(feature = "web")]
fn main() {
    cosens_simulateur::ui::start::<cosens_simulateur::ui::groups::Drafts>();
}

#[cfg(not(feature = "web"))]
fn main() {}
