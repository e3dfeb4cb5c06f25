//! Which screen a page shows.
//!
//! The site is a set of pages, one per screen (or per screen with its address parameters),
//! each loading the app of its page group (`src/bin/`). There is one way to move between
//! screens: a link to a screen loads that screen's page, as in a development build
//! (`scripts/serve.sh` serves the same pages). A page's address changes in place only to
//! take its canonical form (a draft's own address, a share link's code dropped once read).

use leptos::prelude::*;

use crate::edge::location::{
    current_address, load_page, query_param, query_params, replace_address,
};
use crate::ui::first_render::Later;
use crate::ui::not_found::NotFound;
use crate::ui::routes::{draft_path, page_href, segment_after, DRAFT_OPENER, DRAFT_PARAM};

/// A screen, rendered.
pub type ScreenView = fn() -> AnyView;

/// The screens of a page group: the screen shown at a path (under the base, without a
/// trailing slash), if the group has it.
pub type Pages = fn(&str) -> Option<ScreenView>;

/// Where the page is: the path under the base and the query string.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Address {
    pub path: String,
    pub search: String,
}

impl Address {
    /// The value of the query parameter `key`, decoded.
    pub fn param(&self, key: &str) -> Option<String> {
        query_param(&self.search, key)
    }

    /// Every value of the query parameter `key`.
    pub fn params(&self, key: &str) -> Vec<String> {
        query_params(&self.search, key)
    }

    /// The path's one segment after `prefix` (`/module/3` after `/module/` → `3`).
    pub fn segment_after(&self, prefix: &str) -> Option<String> {
        segment_after(&self.path, prefix).map(str::to_owned)
    }
}

/// The page's address and its group's screens.
#[derive(Clone, Copy)]
pub struct Router {
    address: RwSignal<Address>,
    pages: Pages,
    base: StoredValue<String>,
}

impl Router {
    /// Reads the page's address, in its canonical form.
    pub fn new(base: &str, pages: Pages) -> Self {
        let (path, search) = current_address(base);
        let router = Self {
            address: RwSignal::new(Address { path, search }),
            pages,
            base: StoredValue::new(base.to_owned()),
        };
        router.canonicalise();
        router
    }

    /// An address that has another form: a draft asked by its parameter (how links reach
    /// it, as a static host has no file for `/brouillons/ID`). (A share link at the site's
    /// root, as sent before the simulator had a page of its own, is sent on by the page's
    /// first script, before any app: index.html.)
    fn canonicalise(self) {
        let address = self.address.get_untracked();
        if address.path != DRAFT_OPENER {
            return;
        }
        if let Some(id) = address.param(DRAFT_PARAM) {
            self.replace(&draft_path(&id));
        }
    }

    /// Shows the screen at `path` (no query) in place of this address, with no load and no
    /// new history entry: the address a page's content turned out to have (a draft just
    /// kept, `/brouillons/ID`).
    pub fn replace(self, path: &str) {
        replace_address(&format!("{}{path}", self.base.read_value()));
        self.address.set(Address {
            path: path.to_owned(),
            search: String::new(),
        });
    }

    /// The current address.
    pub fn address(self) -> ReadSignal<Address> {
        self.address.read_only()
    }

    /// The value of the query parameter `key` on arrival (not tracked).
    pub fn param(self, key: &str) -> Option<String> {
        self.address.with_untracked(|a| a.param(key))
    }

    /// Loads the page of the screen at `path` (with its query), as a link to it does.
    pub fn go(self, path: &str) {
        load_page(&page_href(&self.base.get_value(), path));
    }

    /// Drops the query from the address shown (a share link's code, once read).
    pub fn forget_query(self) {
        let path = self.address.with_untracked(|a| a.path.clone());
        replace_address(&format!("{}{path}", self.base.read_value()));
        self.address.update(|a| a.search.clear());
    }
}

pub fn use_router() -> Router {
    expect_context::<Router>()
}

/// The screen the address shows, or « Page introuvable ».
#[component]
pub fn CurrentScreen() -> impl IntoView {
    let router = use_router();
    let path = Memo::new(move |_| router.address.with(|a| a.path.clone()));
    // The screen renders in a task of its own (`Later`).
    move || match (router.pages)(&path.get()) {
        Some(screen) => view! { <Later>{screen()}</Later> }.into_any(),
        None => view! { <NotFound /> }.into_any(),
    }
}
