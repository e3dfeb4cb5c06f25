//! The app of a page: the main element that holds its screen (the skip link, header and
//! footer around it are the page's own HTML, written by the build: `scripts/chrome.mjs`), the
//! contexts the screens read, and the page groups — which screens each page's app holds
//! (one wasm per group, `src/bin/`).

use leptos::prelude::*;

use crate::domain::catalogue::Catalogue;
use crate::edge::clock::today;
use crate::edge::location::base_path;
use crate::edge::preview;
use crate::ui::cancellation::CancellationPage;
use crate::ui::catalogue::CataloguePage;
use crate::ui::compare::ComparePage;
use crate::ui::context::AppContext;
use crate::ui::devis::DevisPage;
use crate::ui::draft::DraftPage;
use crate::ui::drafts::DraftsPage;
use crate::ui::drafts_state::DraftsState;
use crate::ui::embed::EmbedPage;
use crate::ui::first_render::FirstRender;
use crate::ui::late_payment::LatePaymentPage;
use crate::ui::module_page::ModulePage;
use crate::ui::quote_state::QuoteState;
use crate::ui::request::RequestPage;
use crate::ui::router::{CurrentScreen, Router, ScreenView};
use crate::ui::routes::{
    segment_after, CANCELLATION, CATALOGUE, COMPARE, DEVIS, DRAFTS, DRAFT_OPENER, DRAFT_PREFIX,
    EMBED, LATE_PAYMENT, MODULE_PREFIX, REQUEST, RULES, SIMULATOR,
};
use crate::ui::rules::RulesPage;
use crate::ui::simulator::SimulatorPage;

/// A page group: the screens one wasm holds, and the state they share.
pub trait PageGroup: 'static {
    /// The group's screens read or change the current quote.
    const QUOTE: bool;
    /// The group's screens read or change the drafts.
    const DRAFTS: bool;
    /// The screen shown at a path, if the group has it.
    fn pages(path: &str) -> Option<ScreenView>;
}

/// Mounts the app of a page group into the page, in place of its prerendered preview.
pub fn start<G: PageGroup>() {
    #[cfg(debug_assertions)]
    console_error_panic_hook::set_once();
    let Some(root) = preview::app_root() else {
        return;
    };
    if !preview::is_shown(&root) {
        leptos::mount::mount_to(root, app::<G>).forget();
        return;
    }
    // Render out of the document, in short tasks, then take the preview's place at once.
    let Some(offstage) = preview::offstage() else {
        return;
    };
    let rendered = offstage.clone();
    // In a task of its own: the wasm's instantiation is one already.
    set_timeout(
        move || {
            leptos::mount::mount_to(offstage, move || {
                provide_context(FirstRender::new(move || {
                    let place = preview::take_over(&root);
                    preview::move_children(&rendered, &root);
                    if let Some(place) = place {
                        preview::restore(&root, place);
                    }
                }));
                app::<G>()
            })
            .forget();
        },
        std::time::Duration::ZERO,
    );
}

/// The app of the page group `G`, on the catalogue the build embeds (and has checked).
pub fn app<G: PageGroup>() -> impl IntoView {
    let base = base_path();
    let app = AppContext::new(Catalogue::embedded(), &base);
    if G::QUOTE {
        provide_context(QuoteState::from_session(app.catalogue.clone(), today()));
    }
    if G::DRAFTS {
        provide_context(DraftsState::from_browser(today()));
    }
    provide_context(Router::new(&base, G::pages));
    provide_context(app);
    view! { <Shell /> }
}

/// The screen's place: the skip link of the page (`scripts/chrome.mjs`) focuses it.
#[component]
fn Shell() -> impl IntoView {
    view! {
        <main id="contenu" class="page" tabindex="-1">
            <CurrentScreen />
        </main>
    }
}

/// The page groups (`src/bin/`; `src/ui/routes.json` names each screen's).
pub mod groups {
    use super::*;

    /// `/` and `/module/N`.
    pub struct Catalogue;
    impl PageGroup for Catalogue {
        const QUOTE: bool = false;
        const DRAFTS: bool = false;
        fn pages(path: &str) -> Option<ScreenView> {
            if path == CATALOGUE.path {
                Some(|| view! { <CataloguePage /> }.into_any())
            } else if segment_after(path, MODULE_PREFIX).is_some() {
                Some(|| view! { <ModulePage /> }.into_any())
            } else {
                None
            }
        }
    }

    /// `/simulateur` (and the share links). No drafts: « Enregistrer le brouillon » hands
    /// the quote to the draft's page (`ui::draft_hand_off`).
    pub struct Simulator;
    impl PageGroup for Simulator {
        const QUOTE: bool = true;
        const DRAFTS: bool = false;
        fn pages(path: &str) -> Option<ScreenView> {
            (path == SIMULATOR.path).then_some(|| view! { <SimulatorPage /> }.into_any())
        }
    }

    /// `/comparer`. No drafts: a column is saved as a draft by the draft's page
    /// (`ui::draft_hand_off`).
    pub struct Compare;
    impl PageGroup for Compare {
        const QUOTE: bool = true;
        const DRAFTS: bool = false;
        fn pages(path: &str) -> Option<ScreenView> {
            (path == COMPARE.path).then_some(|| view! { <ComparePage /> }.into_any())
        }
    }

    /// `/annulation` (prefilled from the quote being simulated).
    pub struct Cancellation;
    impl PageGroup for Cancellation {
        const QUOTE: bool = true;
        const DRAFTS: bool = false;
        fn pages(path: &str) -> Option<ScreenView> {
            (path == CANCELLATION.path).then_some(|| view! { <CancellationPage /> }.into_any())
        }
    }

    /// `/penalites`.
    pub struct LatePayment;
    impl PageGroup for LatePayment {
        const QUOTE: bool = false;
        const DRAFTS: bool = false;
        fn pages(path: &str) -> Option<ScreenView> {
            (path == LATE_PAYMENT.path).then_some(|| view! { <LatePaymentPage /> }.into_any())
        }
    }

    /// `/regles` (its examples computed by the calculators' own functions).
    pub struct Rules;
    impl PageGroup for Rules {
        const QUOTE: bool = false;
        const DRAFTS: bool = false;
        fn pages(path: &str) -> Option<ScreenView> {
            (path == RULES.path).then_some(|| view! { <RulesPage /> }.into_any())
        }
    }

    /// `/brouillons`, the list of drafts. No quote state: a new draft takes the quote this
    /// tab kept (`quote_state::kept_form`).
    pub struct Drafts;
    impl PageGroup for Drafts {
        const QUOTE: bool = false;
        const DRAFTS: bool = true;
        fn pages(path: &str) -> Option<ScreenView> {
            (path == DRAFTS.path).then_some(|| view! { <DraftsPage /> }.into_any())
        }
    }

    /// `/brouillons/ID` (reached through `/brouillon?brouillon=ID`); also any other address
    /// (404.html). No quote state: « Modifier dans le simulateur » hands the draft's quote
    /// to the simulator's page (`quote_state::keep_draft_quote`).
    pub struct Draft;
    impl PageGroup for Draft {
        const QUOTE: bool = false;
        const DRAFTS: bool = true;
        fn pages(path: &str) -> Option<ScreenView> {
            (segment_after(path, DRAFT_PREFIX).is_some() || path == DRAFT_OPENER)
                .then_some(|| view! { <DraftPage /> }.into_any())
        }
    }

    /// `/demande?brouillon=ID`: a draft's enrolment request, to send.
    pub struct Request;
    impl PageGroup for Request {
        const QUOTE: bool = false;
        const DRAFTS: bool = true;
        fn pages(path: &str) -> Option<ScreenView> {
            (path == REQUEST.path).then_some(|| view! { <RequestPage /> }.into_any())
        }
    }

    /// `/integrer`: the snippet that embeds a screen in another site.
    pub struct Embed;
    impl PageGroup for Embed {
        const QUOTE: bool = false;
        const DRAFTS: bool = false;
        fn pages(path: &str) -> Option<ScreenView> {
            (path == EMBED.path).then_some(|| view! { <EmbedPage /> }.into_any())
        }
    }

    /// `/devis`: the current quote's, or a draft's (`?brouillon=ID`).
    pub struct Devis;
    impl PageGroup for Devis {
        const QUOTE: bool = true;
        const DRAFTS: bool = true;
        fn pages(path: &str) -> Option<ScreenView> {
            (path == DEVIS.path).then_some(|| view! { <DevisPage /> }.into_any())
        }
    }

    /// Every screen in one app: the component tests' (`tests/harness`).
    pub struct All;
    impl PageGroup for All {
        const QUOTE: bool = true;
        const DRAFTS: bool = true;
        fn pages(path: &str) -> Option<ScreenView> {
            Catalogue::pages(path)
                .or_else(|| Simulator::pages(path))
                .or_else(|| Compare::pages(path))
                .or_else(|| Cancellation::pages(path))
                .or_else(|| LatePayment::pages(path))
                .or_else(|| Rules::pages(path))
                .or_else(|| Drafts::pages(path))
                .or_else(|| Draft::pages(path))
                .or_else(|| Request::pages(path))
                .or_else(|| Embed::pages(path))
                .or_else(|| Devis::pages(path))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::groups::{
        All, Cancellation, Catalogue, Compare, Devis, Draft, Drafts, Embed, LatePayment, Request,
        Rules, Simulator,
    };
    use super::{PageGroup, ScreenView};
    use crate::ui::routes::{
        draft_path, module_path, DRAFT_OPENER, FALLBACK_GROUP, MODULE_GROUP, SCREENS,
    };

    /// The screens of the page group named `name` (`src/bin/<name>.rs`).
    fn pages_of(name: &str) -> fn(&str) -> Option<ScreenView> {
        match name {
            "catalogue" => Catalogue::pages,
            "simulator" => Simulator::pages,
            "compare" => Compare::pages,
            "cancellation" => Cancellation::pages,
            "late_payment" => LatePayment::pages,
            "rules" => Rules::pages,
            "devis" => Devis::pages,
            "drafts" => Drafts::pages,
            "draft" => Draft::pages,
            "request" => Request::pages,
            "embed" => Embed::pages,
            other => panic!("no page group {other}"),
        }
    }

    #[test]
    fn each_screen_is_in_the_page_group_the_route_table_names_and_in_no_other() {
        let names = [
            "catalogue",
            "simulator",
            "compare",
            "cancellation",
            "late_payment",
            "rules",
            "devis",
            "drafts",
            "draft",
            "request",
            "embed",
        ];
        let mut paths: Vec<(String, &str)> = SCREENS
            .iter()
            .map(|s| (s.path.to_owned(), s.group))
            .collect();
        paths.push((module_path(3), MODULE_GROUP));
        paths.push((draft_path("b1"), FALLBACK_GROUP));
        paths.push((DRAFT_OPENER.to_owned(), FALLBACK_GROUP));
        for (path, group) in paths {
            for name in names {
                assert_eq!(
                    pages_of(name)(&path).is_some(),
                    name == group,
                    "{path} in {name}"
                );
            }
            assert!(All::pages(&path).is_some(), "{path} in the development app");
        }
        assert!(All::pages("/inconnue").is_none());
        assert!(All::pages("/module/3/x").is_none());
    }
}
