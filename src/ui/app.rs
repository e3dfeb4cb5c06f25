use leptos::prelude::*;
use leptos_router::components::{Route, Router, Routes};
use leptos_router::{ParamSegment, StaticSegment};

use crate::domain::catalogue::Catalogue;
use crate::edge::clock::today;
use crate::edge::location::{base_path, drop_trailing_slash};
use crate::ui::cancellation::CancellationPage;
use crate::ui::catalogue::CataloguePage;
use crate::ui::compare::ComparePage;
use crate::ui::context::AppContext;
use crate::ui::devis::DevisPage;
use crate::ui::draft::DraftPage;
use crate::ui::drafts::DraftsPage;
use crate::ui::drafts_state::DraftsState;
use crate::ui::late_payment::LatePaymentPage;
use crate::ui::layout::{Footer, Header, NotFound};
use crate::ui::module_page::ModulePage;
use crate::ui::quote_state::QuoteState;
use crate::ui::routes::{
    CANCELLATION, CATALOGUE, COMPARE, DEVIS, DRAFTS, LATE_PAYMENT, MODULE_SEGMENT, SIMULATOR,
};
use crate::ui::share_panel::ShareLinkArrival;
use crate::ui::simulator::SimulatorPage;

/// The whole app, on the catalogue the build embeds (and has checked).
#[component]
pub fn App() -> impl IntoView {
    let base = base_path();
    drop_trailing_slash(&base);
    let app = AppContext::new(Catalogue::embedded(), &base);
    provide_context(QuoteState::new(app.catalogue.clone(), today()));
    provide_context(DraftsState::from_browser(today()));
    provide_context(app);
    view! { <Shell base=base /> }
}

#[component]
fn Shell(base: String) -> impl IntoView {
    let main = NodeRef::<leptos::html::Main>::new();
    // The skip link moves focus itself: the router would otherwise take "#contenu" as an
    // address under the base path (and leave focus where it was).
    let skip_to_main = move |ev: leptos::ev::MouseEvent| {
        ev.prevent_default();
        if let Some(main) = main.get() {
            let _ = main.focus();
        }
    };
    view! {
        <Router base=base>
            <a class="skip-link" href="#contenu" on:click:capture=skip_to_main>"Aller au contenu"</a>
            <ShareLinkArrival />
            <Header />
            <main id="contenu" class="page" tabindex="-1" node_ref=main>
                <Routes fallback=NotFound>
                    <Route path=StaticSegment(CATALOGUE.segment) view=CataloguePage />
                    <Route path=(StaticSegment(MODULE_SEGMENT), ParamSegment("n")) view=ModulePage />
                    <Route path=StaticSegment(SIMULATOR.segment) view=SimulatorPage />
                    <Route path=StaticSegment(COMPARE.segment) view=ComparePage />
                    <Route path=StaticSegment(CANCELLATION.segment) view=CancellationPage />
                    <Route path=StaticSegment(LATE_PAYMENT.segment) view=LatePaymentPage />
                    <Route path=StaticSegment(DRAFTS.segment) view=DraftsPage />
                    <Route path=(StaticSegment(DRAFTS.segment), ParamSegment("id")) view=DraftPage />
                    <Route path=StaticSegment(DEVIS.segment) view=DevisPage />
                </Routes>
            </main>
            <Footer />
        </Router>
    }
}
