//! Where the app mounts, and the prerendered preview it takes over.
//!
//! A release build's `index.html` carries the catalogue screen as plain HTML inside
//! `<div id="app" class="apercu">` (written at build time by `scripts/prerender.mjs`, with
//! its form controls disabled), so the first screen can be read and its links followed
//! before the wasm has arrived. The app then replaces that preview in one go, within one
//! task (nothing is painted in between), and gives the reader back the scroll position and
//! the focused link or control, found by its rank: the preview is the app's own markup.

use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement};

/// What a reader can focus in the preview and in the app, in document order. Disabled
/// controls count too, so that the ranks match between the preview and the app.
const FOCUSABLE: &str = "a[href], button, input, select, textarea, [tabindex]";

/// The element the app mounts into: `#app` when the page has it, the body otherwise.
pub fn app_root() -> Option<HtmlElement> {
    let document = web_sys::window()?.document()?;
    document
        .get_element_by_id("app")
        .and_then(|e| e.dyn_into::<HtmlElement>().ok())
        .or_else(|| document.body())
}

/// True when `root` shows a prerendered preview.
pub fn is_shown(root: &HtmlElement) -> bool {
    root.class_name().split_whitespace().any(|c| c == "apercu")
}

/// An element out of the document, for the app to render into before it is shown.
pub fn offstage() -> Option<HtmlElement> {
    web_sys::window()?
        .document()?
        .create_element("div")
        .ok()?
        .dyn_into::<HtmlElement>()
        .ok()
}

/// Moves every child of `from` to the end of `to`, in order.
pub fn move_children(from: &HtmlElement, to: &HtmlElement) {
    while let Some(child) = from.first_child() {
        if to.append_child(&child).is_err() {
            return;
        }
    }
}

/// The reader's place in the preview, to give back once the app is mounted.
pub struct PreviewPlace {
    focus_rank: Option<u32>,
    scroll: (f64, f64),
}

/// Removes the preview from `root`, if it holds one, and says where the reader was in it.
pub fn take_over(root: &HtmlElement) -> Option<PreviewPlace> {
    if !is_shown(root) {
        return None;
    }
    let window = web_sys::window()?;
    let active = window.document()?.active_element();
    let focus_rank = active.and_then(|active| rank_of(root, &active));
    let scroll = (
        window.scroll_x().unwrap_or(0.0),
        window.scroll_y().unwrap_or(0.0),
    );
    root.set_text_content(None);
    let _ = root.remove_attribute("class");
    Some(PreviewPlace { focus_rank, scroll })
}

/// Puts the reader back where they were in the preview, now in the app under `root`.
pub fn restore(root: &HtmlElement, place: PreviewPlace) {
    if let Some(window) = web_sys::window() {
        window.scroll_to_with_x_and_y(place.scroll.0, place.scroll.1);
    }
    let target = place
        .focus_rank
        .and_then(|rank| root.query_selector_all(FOCUSABLE).ok()?.get(rank))
        .and_then(|node| node.dyn_into::<HtmlElement>().ok());
    if let Some(target) = target {
        let _ = target.focus();
    }
}

/// The rank of `element` among the focusable elements under `root`, if it is one of them.
fn rank_of(root: &HtmlElement, element: &Element) -> Option<u32> {
    let list = root.query_selector_all(FOCUSABLE).ok()?;
    (0..list.length()).find(|&i| {
        list.get(i)
            .is_some_and(|node| node.is_same_node(Some(element.as_ref())))
    })
}
