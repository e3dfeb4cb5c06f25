//! This tab's `sessionStorage`: what the site's pages hand each other (the quote being
//! simulated), kept until the tab is closed. Unavailable storage keeps nothing, silently.

fn session_storage() -> Option<web_sys::Storage> {
    web_sys::window()?.session_storage().ok().flatten()
}

/// The text kept under `key`, if any.
pub fn read(key: &str) -> Option<String> {
    session_storage()?.get_item(key).ok().flatten()
}

/// The text kept under `key`, removed from the storage (a hand-off read once).
pub fn take(key: &str) -> Option<String> {
    let storage = session_storage()?;
    let text = storage.get_item(key).ok().flatten();
    let _ = storage.remove_item(key);
    text
}

/// Keeps `text` under `key`; false when the storage is full or unavailable.
pub fn write(key: &str, text: &str) -> bool {
    session_storage().is_some_and(|s| s.set_item(key, text).is_ok())
}
