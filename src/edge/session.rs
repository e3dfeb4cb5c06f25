//! This tab's `sessionStorage`: what the site's pages hand each other (the quote being
//! simulated), kept until the tab is closed. Unavailable storage keeps nothing, silently.

fn session_storage() -> Option<web_sys::Storage> {
    web_sys::window()?.session_storage().ok().flatten()
}

/// The text kept under `key`, if any.
pub fn read(key: &str) -> Option<String> {
    session_storage()?.get_item(key).ok().flatten()
}

/// Keeps `text` under `key` (a full or unavailable storage keeps nothing).
pub fn write(key: &str, text: &str) {
    if let Some(storage) = session_storage() {
        let _ = storage.set_item(key, text);
    }
}
