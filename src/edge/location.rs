//! Where the app is served from (the base path Trunk wrote into `<base href>`), the
//! page's address, and the history: the only code that reads or changes them.

use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

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

/// A new history entry for `url` (same page, no load).
pub fn push_address(url: &str) {
    if let Some(history) = web_sys::window().and_then(|w| w.history().ok()) {
        let _ = history.push_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(url));
    }
}

/// The current history entry's address becomes `url` (no load, no new entry).
pub fn replace_address(url: &str) {
    if let Some(history) = web_sys::window().and_then(|w| w.history().ok()) {
        let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(url));
    }
}

/// Loads the page at `url` (another page of the site, with its own app).
pub fn load_page(url: &str) {
    if let Some(window) = web_sys::window() {
        let _ = window.location().assign(url);
    }
}

/// Scrolls the window back to its top (a new screen shown in place).
pub fn scroll_to_top() {
    if let Some(window) = web_sys::window() {
        window.scroll_to_with_x_and_y(0.0, 0.0);
    }
}

/// Calls `on_move` when the user goes back or forward in the history.
pub fn on_history_move(on_move: impl Fn() + 'static) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let closure = Closure::<dyn Fn()>::new(on_move);
    let _ = window.add_event_listener_with_callback("popstate", closure.as_ref().unchecked_ref());
    closure.forget();
}

/// Follows in place the clicks on links to an address under `base` that `shown_here`
/// accepts (the path after the base): `follow(path, query)` is called instead of loading
/// the page, after the address was pushed to the history. Every other click (another
/// page of the site, a new tab, a download, a link to a place in this page) is the
/// browser's.
pub fn follow_links_in_place(
    base: String,
    shown_here: impl Fn(&str) -> bool + 'static,
    follow: impl Fn(String, String) + 'static,
) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let closure = Closure::<dyn Fn(web_sys::MouseEvent)>::new(move |ev: web_sys::MouseEvent| {
        if ev.default_prevented()
            || ev.button() != 0
            || ev.meta_key()
            || ev.ctrl_key()
            || ev.shift_key()
            || ev.alt_key()
        {
            return;
        }
        let Some(link) = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .and_then(|e| e.closest("a[href]").ok().flatten())
            .and_then(|e| e.dyn_into::<web_sys::HtmlAnchorElement>().ok())
        else {
            return;
        };
        if !link.target().is_empty() || link.has_attribute("download") {
            return;
        }
        let Ok(url) = web_sys::Url::new(&link.href()) else {
            return;
        };
        let here = web_sys::window().map(|w| w.location());
        let same_origin = here.as_ref().and_then(|l| l.origin().ok()) == Some(url.origin());
        let same_page = here.as_ref().and_then(|l| l.pathname().ok()) == Some(url.pathname());
        if !same_origin || (same_page && !url.hash().is_empty()) {
            return;
        }
        let pathname = url.pathname();
        if !(pathname.starts_with(&format!("{base}/")) || pathname == base) {
            return;
        }
        let path = path_under(&pathname, &base);
        if !shown_here(&path) {
            return;
        }
        ev.prevent_default();
        let search = url.search();
        push_address(&format!(
            "{base}{}{search}",
            if path == "/" { "/" } else { &path }
        ));
        follow(path, search);
    });
    let _ = window.add_event_listener_with_callback("click", closure.as_ref().unchecked_ref());
    closure.forget();
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
