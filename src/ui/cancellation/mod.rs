//! `/annulation`: what a client owes when it cancels, postpones, drops out or is absent,
//! and the dates that matter. The domain computes (`assess_cancellation`); this screen
//! reads the inputs (`state`), calls it and shows the outcome (`outcome`).

mod agenda;
mod calendar;
mod client;
mod counted_days;
mod form;
mod later_sessions;
mod modules;
mod outcome;
mod state;
mod table;

use leptos::prelude::*;

use crate::domain::sessions::source_fr;

use crate::domain::cancellation::{
    booking_from_catalogue, booking_from_quote, CancellationOutcome,
};
use crate::domain::cancellation_text::example_fr;
use crate::ui::context::use_app;
use crate::ui::first_render::Later;
use crate::ui::form::{kept_result_notice, last_valid};
use crate::ui::quote_state::use_quote_state;
use crate::ui::result_example::ResultPlaceholder;
use crate::ui::routes::{CANCELLATION, SIMULATOR};
use crate::ui::title::DocumentTitle;

use form::{CancellationForm, Prefilled};
use outcome::Outcome;
use state::{assess, Errors, Field, Inputs};

#[component]
pub fn CancellationPage() -> impl IntoView {
    let app = use_app();
    let catalogue = app.catalogue.clone();
    // The simulator's current quote (its default one when untouched) prefills both the
    // amount and the module lines, or neither when there is no valid quote.
    let quote_state = use_quote_state();
    let quote = quote_state.last_quote.get_untracked();
    let default_quote = !quote_state.touched.get_untracked();
    let booking = match &quote {
        Some(q) => booking_from_quote(&catalogue, q),
        None => booking_from_catalogue(&catalogue),
    };
    let certification_ht = booking.certification_ht;
    let source = booking.source;
    let person = quote_state
        .draft
        .with_untracked(|d| d.as_ref().is_some_and(|d| d.person));
    let inputs = Inputs::new(quote.as_ref(), booking.clone(), person);
    // The quote's session, if any, gives the start and the modules' dates.
    let session = quote.as_ref().and_then(|_| {
        quote_state
            .form
            .with_untracked(|f| catalogue.session(&f.session).cloned())
    });
    if let Some(s) = &session {
        inputs.form.update(|f| f.use_session(s));
    }

    // On or after the start: the interruption view (kept while a date is being retyped).
    let after_start =
        Memo::new(move |previous: Option<&bool>| inputs.form.with(|f| f.after_start(previous)));
    let with_modules =
        Signal::derive(move || inputs.form.with(|f| f.with_lines(after_start.get())));
    let computed = Memo::new(move |_| -> Result<CancellationOutcome, Errors> {
        assess(
            &catalogue,
            inputs
                .form
                .with(|f| f.request(&catalogue, with_modules.get()))?,
        )
    });
    let message_for = move |field: Field| -> Option<String> {
        computed.with(|r| {
            r.as_ref()
                .err()
                .and_then(|e| inputs.visits.message(e, field))
        })
    };
    let prefilled = quote.as_ref().map(|_| Prefilled {
        basis: booking.basis_ht,
        certification: certification_ht,
        default_quote,
    });

    view! {
        <DocumentTitle name=CANCELLATION.name.to_string() />
        <h1>"Frais d'annulation"</h1>
        <div class="page-intro">
        <p class="hint">"Ce que doit le client qui annule, reporte, abandonne ou est absent, selon les conditions générales de vente de Co&Sens, et les dates limites à retenir. Les jours sont comptés strictement entre la date de notification et la date de début : ni l'une ni l'autre ne compte."</p>
        {session.map(|s| view! { <p class="notice" data-testid="source-session">{source_fr(&s)}</p> })}
        {quote.is_none().then(|| view! {
            <p class="hint"><a href=app.href(SIMULATOR.path)>"Composez d'abord un devis"</a>" pour que le montant et les modules soient préremplis ici."</p>
        })}
        </div>
        <div class="layout-2">
            <Later><CancellationForm inputs=inputs prefilled=prefilled source=source
                with_modules=with_modules message_for=message_for /></Later>
            <Later><Results computed=computed other_error=Signal::derive(move || message_for(Field::Other)) /></Later>
        </div>
    }
}

/// The result panel: the last valid outcome, and why the current input has none.
#[component]
fn Results(
    computed: Memo<Result<CancellationOutcome, Errors>>,
    other_error: Signal<Option<String>>,
) -> impl IntoView {
    let last_ok = last_valid(computed, |_| false);
    let example = example_fr(&use_app().catalogue);
    let status = move || {
        if computed.with(Result::is_ok) {
            None
        } else if last_ok.with(Option::is_some) {
            Some(kept_result_notice())
        } else {
            Some(view! {
                <ResultPlaceholder testid="exemple-annulation" example=example.clone()
                    hint="Indiquez la date de début de la formation, la date de notification et le montant HT : la réponse s'affiche aussitôt ici, en une phrase comme celle de l'exemple, suivie des montants et des dates limites." />
            }.into_any())
        }
    };
    view! {
        <section class="results" aria-labelledby="titre-resultat-annulation">
            <h2 id="titre-resultat-annulation">"Résultat"</h2>
            {move || other_error.get().map(|m| view! { <p class="notice error" role="alert">{m}</p> })}
            {status}
            {move || last_ok.get().map(|outcome| view! { <Outcome outcome=outcome /> })}
        </section>
    }
}
