//! `/simulateur`: every way to buy the course, priced as the user types.

mod form;
mod funding;
mod results;
mod total_bar;

use leptos::prelude::*;

use crate::domain::pricing::QuoteField;
use crate::domain::quote_form::QuoteForm;
use crate::edge::clock::today;
use crate::ui::context::use_app;
use crate::ui::first_render::Later;
use crate::ui::quote_state::{use_quote_state, QuoteState};
use crate::ui::router::use_router;
use crate::ui::routes::{MODULE_PARAM, SIMULATOR};
use crate::ui::share_panel::{arrive_from_share_link, ArrivalNoticeBanner};
use crate::ui::title::DocumentTitle;

use form::SimulatorForm;
use results::QuoteResults;
use total_bar::TotalBar;

/// The error message for `field`, if the current input has one (shown at once).
fn field_error(state: QuoteState, field: QuoteField) -> Signal<Option<String>> {
    state.field_error(field)
}

/// A change to the simulator's inputs, made by the user.
fn edit(state: QuoteState, change: impl FnOnce(&mut QuoteForm)) {
    state.touched.set(true);
    state.form.update(change);
}

#[component]
pub fn SimulatorPage() -> impl IntoView {
    let app = use_app();
    let state = use_quote_state();
    state.leave_unavailable_session(&app.catalogue, today());
    arrive_from_share_link();
    // `?module=N` (from a module page) pre-selects that module, once, on arrival.
    let module = use_router()
        .param(MODULE_PARAM)
        .and_then(|n| n.parse::<u8>().ok());
    if let Some(n) = module.filter(|n| app.catalogue.module(*n).is_some()) {
        state.form.set(QuoteForm::for_module(n));
        state.touched.set(true);
    }
    view! {
        <DocumentTitle name=SIMULATOR.name.to_string() />
        <h1>"Simulateur de prix"</h1>
        <ArrivalNoticeBanner />
        <p class="hint">"Les montants se mettent à jour à chaque saisie. Prix hors taxes, majorés de la TVA au taux en vigueur ; simulation indicative, seul le devis signé vaut engagement."</p>
        <div class="layout-2">
            // The bar follows the form in its column: it sticks to the bottom of a phone's
            // screen while the form is in view, then rests just above the results.
            <div class="form-column">
                <Later><SimulatorForm /></Later>
                <Later><TotalBar /></Later>
            </div>
            <Later><QuoteResults /></Later>
        </div>
    }
}
