#[cfg(feature = "web")]
fn main() {
    use cosens_simulateur::edge::preview;

    #[cfg(debug_assertions)]
    console_error_panic_hook::set_once();
    let Some(root) = preview::app_root() else {
        return;
    };
    let place = preview::take_over(&root);
    leptos::mount::mount_to(root.clone(), cosens_simulateur::ui::App).forget();
    if let Some(place) = place {
        // The router fills in the screen after mounting: put the reader back once it has,
        // before the next frame is painted.
        leptos::prelude::request_animation_frame(move || preview::restore(&root, place));
    }
}

#[cfg(not(feature = "web"))]
fn main() {}
