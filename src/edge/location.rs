//! Where the app is served from: the base path Trunk wrote into `<base href>`.

/// The site's base path without a trailing slash: `""` at the root of a host,
/// `"/sous/chemin"` under a sub-path. Read from `document.baseURI`, which Trunk sets
/// from `--public-url`, so one build works wherever its `<base>` says.
pub fn base_path() -> String {
    let base = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.base_uri().ok().flatten())
        .and_then(|uri| web_sys::Url::new(&uri).ok())
        .map(|url| url.pathname())
        .unwrap_or_default();
    normalise_base(&base)
}

/// `"/a/b/"` → `"/a/b"`, `"/"` → `""`.
pub fn normalise_base(path: &str) -> String {
    path.trim_end_matches('/').to_owned()
}

/// The page's origin, e.g. `http://127.0.0.1:8080`.
pub fn origin() -> String {
    web_sys::window()
        .and_then(|w| w.location().origin().ok())
        .unwrap_or_default()
}

/// A static host serves `<screen>/index.html` for `/base/screen` by redirecting to
/// `/base/screen/`; the router's addresses have no trailing slash, so drop it (in place,
/// without a reload) before the router reads the address. The base itself keeps its slash.
pub fn drop_trailing_slash(base: &str) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let location = window.location();
    let (Ok(path), Ok(search), Ok(hash)) =
        (location.pathname(), location.search(), location.hash())
    else {
        return;
    };
    if let Some(trimmed) = without_trailing_slash(&path, base) {
        if let Ok(history) = window.history() {
            let url = format!("{trimmed}{search}{hash}");
            let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url));
        }
    }
}

/// Sets the document's title (the browser tab, history entries, screen readers).
pub fn set_document_title(title: &str) {
    if let Some(document) = web_sys::window().and_then(|w| w.document()) {
        document.set_title(title);
    }
}

/// `/base/screen/` → `Some("/base/screen")`; the base's own `/base/` and paths without a
/// trailing slash → `None`.
fn without_trailing_slash(path: &str, base: &str) -> Option<String> {
    let trimmed = path.trim_end_matches('/');
    (path.ends_with('/') && trimmed.len() > base.len()).then(|| trimmed.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_screen_address_loses_its_trailing_slash_but_the_base_keeps_it() {
        assert_eq!(
            without_trailing_slash("/sous/chemin/simulateur/", "/sous/chemin"),
            Some("/sous/chemin/simulateur".into())
        );
        assert_eq!(
            without_trailing_slash("/sous/chemin/module/3/", "/sous/chemin"),
            Some("/sous/chemin/module/3".into())
        );
        assert_eq!(
            without_trailing_slash("/sous/chemin/", "/sous/chemin"),
            None
        );
        assert_eq!(without_trailing_slash("/", ""), None);
        assert_eq!(
            without_trailing_slash("/simulateur/", ""),
            Some("/simulateur".into())
        );
        assert_eq!(
            without_trailing_slash("/sous/chemin/simulateur", "/sous/chemin"),
            None
        );
    }
}
