//! Copying text to the clipboard.

use wasm_bindgen_futures::JsFuture;

/// Copies `text` with the asynchronous Clipboard API. `Err` carries a French message for the
/// screen when the browser refuses (no secure context, permission denied): the caller keeps
/// the text selectable so the user can still copy it by hand.
pub async fn copy_text(text: &str) -> Result<(), String> {
    let refused = || {
        "La copie automatique est refusée par le navigateur : sélectionnez le texte et copiez-le (Ctrl+C).".to_owned()
    };
    let clipboard = web_sys::window()
        .map(|w| w.navigator().clipboard())
        .ok_or_else(refused)?;
    JsFuture::from(clipboard.write_text(text))
        .await
        .map(|_| ())
        .map_err(|_| refused())
}
