#[cfg(feature = "web")]
fn main() {
    #[cfg(debug_assertions)]
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(cosens_simulateur::ui::App);
}

#[cfg(not(feature = "web"))]
fn main() {}
