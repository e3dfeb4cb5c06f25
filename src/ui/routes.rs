//! The app's addresses and the name of each screen: the one table the router, the
//! navigation, the document titles, the build script's per-screen pages
//! (`scripts/screens.json`, kept equal to this table by a test) and the tests read.

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
}

/// The page group of the module pages.
pub const MODULE_GROUP: &str = "catalogue";
/// The page group of a draft's page (and of the devis), and of any address no page has
/// (`404.html`).
pub const FALLBACK_GROUP: &str = "draft";

pub const CATALOGUE: Screen = Screen {
    path: "/",
    segment: "",
    name: "Catalogue de la formation RS5302",
    nav: Some("Catalogue"),
    group: "catalogue",
};
pub const SIMULATOR: Screen = Screen {
    path: "/simulateur",
    segment: "simulateur",
    name: "Simulateur de prix",
    nav: Some("Simulateur"),
    group: "simulator",
};
pub const COMPARE: Screen = Screen {
    path: "/comparer",
    segment: "comparer",
    name: "Comparer des devis",
    nav: Some("Comparer"),
    group: "compare",
};
pub const CANCELLATION: Screen = Screen {
    path: "/annulation",
    segment: "annulation",
    name: "Frais d'annulation",
    nav: Some("Annulation"),
    group: "calculators",
};
pub const LATE_PAYMENT: Screen = Screen {
    path: "/penalites",
    segment: "penalites",
    name: "Pénalités de retard",
    nav: Some("Pénalités de retard"),
    group: "calculators",
};
pub const DRAFTS: Screen = Screen {
    path: "/brouillons",
    segment: "brouillons",
    name: "Brouillons d'inscription",
    nav: Some("Brouillons"),
    group: "drafts",
};
pub const DEVIS: Screen = Screen {
    path: "/devis",
    segment: "devis",
    name: "Devis",
    nav: None,
    group: "draft",
};
/// The screen of an address no route knows.
pub const NOT_FOUND_NAME: &str = "Page introuvable";

/// The screens with a fixed address, in the navigation's order, then the others.
pub const SCREENS: [Screen; 7] = [
    CATALOGUE,
    SIMULATOR,
    COMPARE,
    CANCELLATION,
    LATE_PAYMENT,
    DRAFTS,
    DEVIS,
];

/// Where a module's page is (`/module/3`).
pub const MODULE_PREFIX: &str = "/module/";

/// Where a draft's page is (`/brouillons/ID`).
pub const DRAFT_PREFIX: &str = "/brouillons/";

/// `/module/3`.
pub fn module_path(number: u8) -> String {
    format!("{MODULE_PREFIX}{number}")
}

/// `/brouillons/ID`: a draft's address.
pub fn draft_path(id: &str) -> String {
    format!("{DRAFT_PREFIX}{id}")
}

/// The page that opens a draft named by its parameter (`/brouillon?brouillon=ID`): a static
/// host has no file for `/brouillons/ID`, so links go there, and its app shows the draft at
/// its own address.
pub const DRAFT_OPENER: &str = "/brouillon";

/// The link to a draft: `/brouillon?brouillon=ID` (see [`DRAFT_OPENER`]).
pub fn draft_link(id: &str) -> String {
    format!("{DRAFT_OPENER}?{DRAFT_PARAM}={id}")
}

/// The one segment after `prefix` in `path`, if that is all there is:
/// (`/module/3`, `/module/`) → `3`.
pub fn segment_after<'a>(path: &'a str, prefix: &str) -> Option<&'a str> {
    path.strip_prefix(prefix)
        .filter(|rest| !rest.is_empty() && !rest.contains('/'))
}

/// The devis's query parameter naming the draft it prints (`/devis?brouillon=ID`).
pub const DRAFT_PARAM: &str = "brouillon";

/// `/devis?brouillon=ID`: the devis of a draft.
pub fn draft_devis_path(id: &str) -> String {
    format!("{}?{DRAFT_PARAM}={id}", DEVIS.path)
}

/// The simulator's query parameter pre-selecting a module (`/simulateur?module=3`).
pub const MODULE_PARAM: &str = "module";

#[cfg(test)]
mod tests {
    use super::*;

    /// `scripts/screens.json`, what the build script and the end-to-end tests read.
    fn screens_json() -> String {
        let screens: Vec<String> = SCREENS
            .iter()
            .map(|s| {
                format!(
                    "    {{ \"path\": \"{}\", \"name\": \"{}\", \"nav\": {}, \"group\": \"{}\" }}",
                    s.path,
                    s.name,
                    s.nav
                        .map(|n| format!("\"{n}\""))
                        .unwrap_or_else(|| "null".into()),
                    s.group
                )
            })
            .collect();
        format!(
            "{{\n  \"screens\": [\n{}\n  ],\n  \"module_path\": \"{MODULE_PREFIX}\",\n  \"module_group\": \"{MODULE_GROUP}\",\n  \"fallback_group\": \"{FALLBACK_GROUP}\",\n  \"draft_opener\": \"{DRAFT_OPENER}\",\n  \"not_found\": \"{NOT_FOUND_NAME}\",\n  \"title_suffix\": \" — Co&Sens\"\n}}\n",
            screens.join(",\n")
        )
    }

    #[test]
    fn the_screen_list_of_the_build_scripts_matches_the_route_table() {
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/scripts/screens.json");
        let expected = screens_json();
        if std::env::var_os("UPDATE_SCREENS").is_some() {
            std::fs::write(path, &expected).expect("scripts/ is writable");
        }
        let actual = std::fs::read_to_string(path).unwrap_or_default();
        assert_eq!(
            actual, expected,
            "scripts/screens.json differs from src/ui/routes.rs: run `UPDATE_SCREENS=1 cargo test screen_list`"
        );
    }

    #[test]
    fn each_path_is_its_segment_under_the_root() {
        for s in SCREENS {
            assert_eq!(s.path, format!("/{}", s.segment));
        }
    }

    #[test]
    fn a_draft_and_its_devis_have_their_addresses() {
        assert_eq!(draft_path("b1"), "/brouillons/b1");
        assert_eq!(draft_devis_path("b1"), "/devis?brouillon=b1");
        assert_eq!(module_path(3), "/module/3");
        assert_eq!(draft_link("b1"), "/brouillon?brouillon=b1");
        assert_eq!(segment_after("/module/3", MODULE_PREFIX), Some("3"));
        assert_eq!(segment_after("/module/", MODULE_PREFIX), None);
        assert_eq!(segment_after("/module/3/x", MODULE_PREFIX), None);
    }
}
