//! The app's addresses and the name of each screen, from the route table
//! (`src/ui/routes.json`, the only place an address is written): the router, the
//! navigation, the document titles and the page groups read them here; the build scripts
//! read the same file (`scripts/routes.mjs`).

/// A screen with an address of its own.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Screen {
    /// Its address under the site's base path.
    pub path: &'static str,
    /// The router's segment: the address without its leading slash.
    pub segment: &'static str,
    /// Its name: the document title starts with it.
    pub name: &'static str,
    /// Its label in the main navigation, if it is there.
    pub nav: Option<&'static str>,
    /// The page group whose app shows it (`src/bin/<group>.rs`, `ui::app::groups`).
    pub group: &'static str,
    /// What its first view shows (the build prerenders it; the page's first script hides
    /// the figures that are not the reader's).
    pub first_view: FirstView,
    /// Its name in `integrer.js`'s `data-ecran`, if another site may embed it.
    pub embed: Option<&'static str>,
}

/// What a screen's first view shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FirstView {
    /// The same for everyone.
    Fixed,
    /// This browser's own data when it holds some (a share link, the quote another page
    /// handed over, the drafts).
    OwnData,
    /// The day's (a devis is dated and numbered the day it is made).
    Dated,
}

// The screens and `SCREENS` (in the navigation's order, then the others); `MODULE_PREFIX`
// (`/module/3`), `DRAFT_PREFIX` (`/brouillons/ID`), `DRAFT_OPENER` (`/brouillon?brouillon=ID`:
// a static host has no file for `/brouillons/ID`, so links go there and its app shows the
// draft at its own address); the page groups of the module pages (`MODULE_GROUP`) and of
// any other address (`FALLBACK_GROUP`, `404.html`); `NOT_FOUND_NAME` and `TITLE_SUFFIX`:
// constants written from `src/ui/routes.json` by build.rs. The query parameters
// (`/simulateur?module=3`, `/brouillon?enregistrer=1`…) and the storage keys are in
// `domain::site`, which the domain uses too.
include!(concat!(env!("OUT_DIR"), "/routes.rs"));
pub use crate::domain::site::{DRAFT_PARAM, MODULE_PARAM, SAVE_PARAM, SHARE_PARAM};

/// `/module/3`.
pub fn module_path(number: u8) -> String {
    format!("{MODULE_PREFIX}{number}")
}

/// `/brouillons/ID`: a draft's address.
pub fn draft_path(id: &str) -> String {
    format!("{DRAFT_PREFIX}{id}")
}

/// The link to a draft: `/brouillon?brouillon=ID` (see `DRAFT_OPENER`).
pub fn draft_link(id: &str) -> String {
    format!("{DRAFT_OPENER}?{DRAFT_PARAM}={id}")
}

/// `/brouillon?enregistrer=1`: the draft's page keeping the quote the simulator handed
/// over (`ui::draft_hand_off`).
pub fn draft_save_path() -> String {
    format!("{DRAFT_OPENER}?{SAVE_PARAM}=1")
}

/// `/devis?brouillon=ID`: the devis of a draft.
pub fn draft_devis_path(id: &str) -> String {
    format!("{}?{DRAFT_PARAM}={id}", DEVIS.path)
}

/// `/demande?brouillon=ID`: the enrolment request of a draft.
pub fn draft_request_path(id: &str) -> String {
    format!("{}?{DRAFT_PARAM}={id}", REQUEST.path)
}

/// `/simulateur?module=3`: the simulator with a module chosen.
pub fn simulator_module_path(number: u8) -> String {
    format!("{}?{MODULE_PARAM}={number}", SIMULATOR.path)
}

/// The one segment after `prefix` in `path`, if that is all there is:
/// (`/module/3`, `/module/`) → `3`.
pub fn segment_after<'a>(path: &'a str, prefix: &str) -> Option<&'a str> {
    path.strip_prefix(prefix)
        .filter(|rest| !rest.is_empty() && !rest.contains('/'))
}

/// The address of the page showing `path` under `base`: a screen's folder, with its
/// trailing slash, so that a static host answers without a redirect (the one trailing-slash
/// rule; `scripts/routes.mjs` writes it for the build).
pub fn page_href(base: &str, path: &str) -> String {
    let (bare, query) = split_query(path);
    let folder = bare.trim_end_matches('/');
    format!("{base}{folder}/{query}")
}

/// `/devis?brouillon=b1` → (`/devis`, `?brouillon=b1`); no query → (`path`, ``).
pub fn split_query(path: &str) -> (&str, &str) {
    path.find('?').map_or((path, ""), |i| path.split_at(i))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_path_is_its_segment_under_the_root_and_each_screen_has_one() {
        for s in SCREENS {
            assert_eq!(s.path, format!("/{}", s.segment));
            assert_eq!(SCREENS.iter().filter(|o| o.path == s.path).count(), 1);
        }
    }

    #[test]
    fn a_draft_and_its_devis_have_their_addresses() {
        assert_eq!(draft_path("b1"), "/brouillons/b1");
        assert_eq!(draft_devis_path("b1"), "/devis?brouillon=b1");
        assert_eq!(draft_request_path("b1"), "/demande?brouillon=b1");
        assert_eq!(module_path(3), "/module/3");
        assert_eq!(simulator_module_path(3), "/simulateur?module=3");
        assert_eq!(draft_link("b1"), "/brouillon?brouillon=b1");
        assert_eq!(draft_save_path(), "/brouillon?enregistrer=1");
        assert_eq!(segment_after("/module/3", MODULE_PREFIX), Some("3"));
        assert_eq!(segment_after("/module/", MODULE_PREFIX), None);
        assert_eq!(segment_after("/module/3/x", MODULE_PREFIX), None);
    }

    #[test]
    fn a_page_is_its_screen_folder_with_the_query_kept() {
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
