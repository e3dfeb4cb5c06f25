//! What every screen may read: the validated catalogue and where the site lives.

use std::sync::Arc;

use leptos::prelude::*;

use crate::domain::catalogue::Catalogue;

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

    /// An in-app address under the site's base path: `href("/simulateur")`.
    pub fn href(&self, path: &str) -> String {
        format!("{}{}", self.base, path)
    }

    pub fn base(&self) -> &str {
        &self.base
    }
}

pub fn use_app() -> AppContext {
    expect_context::<AppContext>()
}
