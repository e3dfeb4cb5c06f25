//! Every screen in one app: the development build (`trunk serve`, `index.html`). A release
//! build makes one app per page group instead (`src/bin/`, `scripts/build.mjs`).

#[cfg(feature = "web")]
fn main() {
    cosens_simulateur::ui::start::<cosens_simulateur::ui::groups::All>();
}

#[cfg(not(feature = "web"))]
fn main() {}
