//! Files: a text downloaded as a file, and the text of a file the user chose.

use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

/// How long the object URL of a download lives before it is revoked.
const REVOKE_AFTER_MS: i32 = 10_000;

/// Offers `text` as a file named `file_name` (a Blob, an object URL and a clicked
/// `<a download>`; the URL is revoked afterwards). `Err` is a French message.
pub fn download_text(file_name: &str, text: &str, mime: &str) -> Result<(), String> {
    let failed = || {
        "Le navigateur n'a pas pu créer le fichier : utilisez « Copier le JSON » à la place."
            .to_string()
    };
    let window = web_sys::window().ok_or_else(failed)?;
    let document = window.document().ok_or_else(failed)?;
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let parts = js_sys::Array::of1(&JsValue::from_str(text));
    let blob =
        web_sys::Blob::new_with_str_sequence_and_options(&parts, &options).map_err(|_| failed())?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).map_err(|_| failed())?;
    let link: web_sys::HtmlAnchorElement = document
        .create_element("a")
        .map_err(|_| failed())?
        .unchecked_into();
    link.set_href(&url);
    link.set_download(file_name);
    link.set_hidden(true);
    let body = document.body().ok_or_else(failed)?;
    body.append_child(&link).map_err(|_| failed())?;
    link.click();
    link.remove();
    let revoke = Closure::once_into_js(move || {
        let _ = web_sys::Url::revoke_object_url(&url);
    });
    let _ = window.set_timeout_with_callback_and_timeout_and_arguments_0(
        revoke.unchecked_ref(),
        REVOKE_AFTER_MS,
    );
    Ok(())
}

/// Why a chosen file was not read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ReadError {
    /// Over the cap: its size in bytes.
    TooLarge(usize),
    /// The browser could not read it (removed meanwhile, not text…).
    Unreadable,
}

/// The text of the first file chosen in `input` (`None`: no file chosen), refused unread
/// above `max_bytes`. The input is emptied, so that choosing the same file again reads it
/// again.
pub async fn read_chosen_file(
    input: &web_sys::HtmlInputElement,
    max_bytes: usize,
) -> Result<Option<String>, ReadError> {
    let Some(file) = input.files().and_then(|files| files.get(0)) else {
        return Ok(None);
    };
    input.set_value("");
    let size = file.size();
    if !(0.0..=max_bytes as f64).contains(&size) {
        return Err(ReadError::TooLarge(if size.is_finite() && size > 0.0 {
            size as usize
        } else {
            usize::MAX
        }));
    }
    let text = JsFuture::from(file.text())
        .await
        .map_err(|_| ReadError::Unreadable)?;
    text.as_string().map(Some).ok_or(ReadError::Unreadable)
}
