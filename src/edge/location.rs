//! Where the app is served from (the base path Trunk wrote into `<base href>`), the
//! page's address, and the history: the only code that reads or changes them.

use crate::domain::site::FRAME_PARAM;

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

/// The page's address under `base`: its path after the base, without a trailing slash
/// (`"/"` at the base itself), and its query string (`"?devis=…"`, or `""`).
pub fn current_address(base: &str) -> (String, String) {
    let Some(location) = web_sys::window().map(|w| w.location()) else {
        return ("/".into(), String::new());
    };
    let path = location.pathname().unwrap_or_default();
    let search = location.search().unwrap_or_default();
    (path_under(&path, base), search)
}

/// `/base/module/3/` → `/module/3`; `/base/` → `/`.
fn path_under(path: &str, base: &str) -> String {
    let inner = path
        .strip_prefix(base)
        .unwrap_or(path)
        .trim_end_matches('/');
    if inner.is_empty() {
        "/".into()
    } else if inner.starts_with('/') {
        inner.into()
    } else {
        format!("/{inner}")
    }
}

/// The value of `key` in the query string `search`, decoded.
pub fn query_param(search: &str, key: &str) -> Option<String> {
    web_sys::UrlSearchParams::new_with_str(search)
        .ok()?
        .get(key)
}

/// Every value of `key` in the query string `search`, in order.
pub fn query_params(search: &str, key: &str) -> Vec<String> {
    web_sys::UrlSearchParams::new_with_str(search)
        .map(|p| {
            p.get_all(key)
                .iter()
                .filter_map(|v| v.as_string())
                .collect()
        })
        .unwrap_or_default()
}

/// The current history entry's address becomes `url` (no load, no new entry).
pub fn replace_address(url: &str) {
    if let Some(history) = web_sys::window().and_then(|w| w.history().ok()) {
        let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(url));
    }
}

/// True when this page is a screen framed in another site (`integrer.js`): its first script
/// marks the document with the class [`FRAME_PARAM`].
pub fn is_framed() -> bool {
    web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
        .is_some_and(|html| html.class_list().contains(FRAME_PARAM))
}

/// Loads the page at `url` (another page of the site, with its own app): in a new tab when
/// this page is a screen framed in another site ([`is_framed`]), as its links do there.
pub fn load_page(url: &str) {
    let Some(window) = web_sys::window() else {
        return;
    };
    if is_framed() {
        let _ = window.open_with_url_and_target_and_features(url, "_blank", "noopener");
    } else {
        let _ = window.location().assign(url);
    }
}

/// Sets the document's title (the browser tab, history entries, screen readers).
pub fn set_document_title(title: &str) {
    if let Some(document) = web_sys::window().and_then(|w| w.document()) {
        document.set_title(title);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_address_under_the_base_is_its_path_after_it() {
        assert_eq!(path_under("/sous/chemin/", "/sous/chemin"), "/");
        assert_eq!(path_under("/sous/chemin", "/sous/chemin"), "/");
        assert_eq!(
            path_under("/sous/chemin/module/3/", "/sous/chemin"),
            "/module/3"
        );
        assert_eq!(path_under("/simulateur", ""), "/simulateur");
        assert_eq!(path_under("/", ""), "/");
    }
}
