//! What every screen may read: the validated catalogue and where the site lives.

use std::sync::Arc;

use leptos::prelude::*;

use crate::domain::catalogue::Catalogue;
use crate::edge::location::origin;
use crate::ui::routes::page_href;

/// What every screen may read: the validated catalogue and where the site lives.
#[derive(Clone)]
pub struct AppContext {
    pub catalogue: Arc<Catalogue>,
    base: Arc<str>,
}

impl AppContext {
    pub fn new(catalogue: Catalogue, base: &str) -> Self {
        Self {
            catalogue: Arc::new(catalogue),
            base: base.into(),
        }
    }

    /// The link to a screen under the site's base path: `href("/simulateur")` →
    /// `/base/simulateur/`, its page's folder (see `routes::page_href`).
    pub fn href(&self, path: &str) -> String {
        page_href(&self.base, path)
    }

    /// The whole address of a screen's page, origin included (links to send):
    /// `url("/simulateur")` → `https://exemple.fr/base/simulateur/`.
    pub fn url(&self, path: &str) -> String {
        format!("{}{}", origin(), self.href(path))
    }

    pub fn base(&self) -> &str {
        &self.base
    }
}

pub fn use_app() -> AppContext {
    expect_context::<AppContext>()
}
