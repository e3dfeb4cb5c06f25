//! Moving the keyboard focus to an element of the page by its id.

use wasm_bindgen::JsCast;

/// Focuses the element `id`, if the page has it and it can take the focus.
pub fn focus_by_id(id: &str) {
    let element = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(id))
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
    if let Some(element) = element {
        let _ = element.focus();
    }
}
