use std::sync::Arc;

use leptos::prelude::*;
use leptos_router::components::{Route, Router, Routes};
use leptos_router::path;

use crate::domain::catalogue::Catalogue;
use crate::edge::clock::today;
use crate::edge::location::{base_path, drop_trailing_slash};
use crate::ui::cancellation_page::CancellationPage;
use crate::ui::catalogue_page::CataloguePage;
use crate::ui::devis_page::DevisPage;
use crate::ui::draft_page::DraftPage;
use crate::ui::drafts_page::DraftsPage;
use crate::ui::drafts_state::DraftsState;
use crate::ui::late_payment_page::LatePaymentPage;
use crate::ui::layout::{Footer, Header, NotFound};
use crate::ui::module_page::ModulePage;
use crate::ui::quote_state::QuoteState;
use crate::ui::share_panel::ShareLinkArrival;
use crate::ui::simulator_page::SimulatorPage;

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

/// The whole app. A catalogue file that does not validate shows its error instead of
/// the screens: the build embeds the file, so this is a deploy mistake, never a panic.
#[component]
pub fn App() -> impl IntoView {
    let base = base_path();
    drop_trailing_slash(&base);
    match Catalogue::embedded() {
        Ok(catalogue) => {
            let app = AppContext::new(catalogue, &base);
            provide_context(QuoteState::new(app.catalogue.clone(), today()));
            provide_context(DraftsState::from_browser(today()));
            provide_context(app);
            view! { <Shell base=base /> }.into_any()
        }
        Err(error) => view! {
            <main id="contenu" class="page">
                <h1>"Catalogue indisponible"</h1>
                <p role="alert">{error.to_string()}</p>
            </main>
        }
        .into_any(),
    }
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
                    <Route path=path!("/") view=CataloguePage />
                    <Route path=path!("/module/:n") view=ModulePage />
                    <Route path=path!("/simulateur") view=SimulatorPage />
                    <Route path=path!("/annulation") view=CancellationPage />
                    <Route path=path!("/penalites") view=LatePaymentPage />
                    <Route path=path!("/brouillons") view=DraftsPage />
                    <Route path=path!("/brouillons/:id") view=DraftPage />
                    <Route path=path!("/devis") view=DevisPage />
                </Routes>
            </main>
            <Footer />
        </Router>
    }
}
