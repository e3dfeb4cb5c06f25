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
