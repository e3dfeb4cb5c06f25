//! Which screen a page shows, and moving between screens.
//!
//! The site is a set of pages, one per screen (or per screen with its address parameters),
//! each loading the app of its page group (`src/bin/`: the catalogue and module pages, the
//! simulator, the comparison, the two calculators, the drafts and devis). A group's app
//! shows the screens of its group in place: a link to one of them is followed without
//! loading a page, the history kept; a link to another group's screen loads that page.

use leptos::prelude::*;

use crate::edge::location::{
    current_address, follow_links_in_place, load_page, on_history_move, push_address, query_param,
    query_params, replace_address, scroll_to_top,
};
use crate::ui::first_render::Later;
use crate::ui::layout::NotFound;
use crate::ui::routes::{draft_path, segment_after, DRAFT_OPENER, DRAFT_PARAM};

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
    /// Reads the page's address and follows the links and history moves within `pages`.
    pub fn new(base: &str, pages: Pages) -> Self {
        let (path, search) = current_address(base);
        let router = Self {
            address: RwSignal::new(Address { path, search }),
            pages,
            base: StoredValue::new(base.to_owned()),
        };
        router.canonicalise();
        on_history_move(move || router.reread());
        follow_links_in_place(
            base.to_owned(),
            // A router gone with its app (a component test's) follows nothing.
            move |path| {
                router.address.try_with_untracked(|_| ()).is_some() && pages(path).is_some()
            },
            move |path, search| router.show(path, search),
        );
        router
    }

    fn reread(self) {
        if let Some(base) = self.base.try_get_value() {
            let (path, search) = current_address(&base);
            let _ = self.address.try_set(Address { path, search });
        }
    }

    /// Shows, in place, the screen at `path` whose address was just pushed to the history.
    fn show(self, path: String, search: String) {
        self.address.set(Address { path, search });
        self.canonicalise();
        scroll_to_top();
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
            let path = draft_path(&id);
            replace_address(&format!("{}{path}", self.base.read_value()));
            self.address.set(Address {
                path,
                search: String::new(),
            });
        }
    }

    /// The current address.
    pub fn address(self) -> ReadSignal<Address> {
        self.address.read_only()
    }

    /// The value of the query parameter `key` on arrival (not tracked).
    pub fn param(self, key: &str) -> Option<String> {
        self.address.with_untracked(|a| a.param(key))
    }

    /// Shows the screen at `path` (with its query): in place when this page group has it,
    /// else by loading its page.
    pub fn go(self, path: &str) {
        let (bare, search) = split_query(path);
        let base = self.base.get_value();
        if (self.pages)(bare).is_some() {
            push_address(&format!("{base}{path}"));
            self.show(bare.to_owned(), search.to_owned());
        } else {
            load_page(&page_href(&base, path));
        }
    }

    /// Drops the query from the address shown (a share link's code, once read).
    pub fn forget_query(self) {
        let path = self.address.with_untracked(|a| a.path.clone());
        replace_address(&format!("{}{path}", self.base.read_value()));
        self.address.update(|a| a.search.clear());
    }
}

/// The address of the page showing `path` under `base`: a screen's folder, with its
/// trailing slash, so that a static host answers without a redirect.
pub fn page_href(base: &str, path: &str) -> String {
    let (bare, query) = split_query(path);
    let folder = bare.trim_end_matches('/');
    format!("{base}{folder}/{query}")
}

/// `/devis?brouillon=b1` → (`/devis`, `?brouillon=b1`); no query → (`path`, ``).
fn split_query(path: &str) -> (&str, &str) {
    path.find('?').map_or((path, ""), |i| path.split_at(i))
}

pub fn use_router() -> Router {
    expect_context::<Router>()
}

/// The screen the address shows, or « Page introuvable ».
#[component]
pub fn CurrentScreen() -> impl IntoView {
    let router = use_router();
    let path = Memo::new(move |_| router.address.with(|a| a.path.clone()));
    // The screen renders after the header and the footer (`Later`).
    move || match (router.pages)(&path.get()) {
        Some(screen) => view! { <Later>{screen()}</Later> }.into_any(),
        None => view! { <NotFound /> }.into_any(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_page_is_linked_by_its_folder_with_the_query_after_it() {
        assert_eq!(page_href("/sous/chemin", "/"), "/sous/chemin/");
        assert_eq!(page_href("", "/simulateur"), "/simulateur/");
        assert_eq!(page_href("", "/module/3"), "/module/3/");
        assert_eq!(
            page_href("", "/comparer?devis=a&devis=b"),
            "/comparer/?devis=a&devis=b"
        );
        assert_eq!(
            page_href("/b", "/brouillon?brouillon=b1"),
            "/b/brouillon/?brouillon=b1"
        );
    }
}
