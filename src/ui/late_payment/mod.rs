//! `/penalites`: the late-payment penalty of a sum paid after its due date. The domain
//! computes (`late_payment_penalty`); this screen reads the inputs (`state`), calls it and
//! shows the figures, the half-year periods and the explanations (`outcome`). When the
//! delay runs through half-years the data file lacks, it asks for their rates.

mod form;
mod outcome;
mod state;

use leptos::prelude::*;

use crate::domain::late_payment::{example_fr, rates_known_until_fr, terms_fr, LatePaymentOutcome};
use crate::ui::context::use_app;
use crate::ui::form::{kept_result_notice, last_valid};
use crate::ui::result_example::ResultPlaceholder;
use crate::ui::routes::LATE_PAYMENT;
use crate::ui::title::DocumentTitle;

use form::LatePaymentForm;
use outcome::PenaltyOutcome;
use state::{Errors, Field, Inputs};

#[component]
pub fn LatePaymentPage() -> impl IntoView {
    let catalogue = use_app().catalogue.clone();
    let terms = catalogue.late_payment.clone();
    let inputs = Inputs::new();
    let known_until = rates_known_until_fr(&catalogue);
    let missing = {
        let catalogue = catalogue.clone();
        Memo::new(move |_| inputs.missing(&catalogue))
    };
    let computed = Memo::new(move |_| inputs.compute(&catalogue));
    let message_for = move |field: Field| -> Option<String> {
        computed.with(|r| {
            r.as_ref()
                .err()
                .and_then(|e| inputs.visits.message(e, field))
        })
    };
    let intro = terms_fr(&terms);
    view! {
        <DocumentTitle name=LATE_PAYMENT.name.to_string() />
        <h1>"Pénalités de retard"</h1>
        <p class="hint page-intro">{intro}</p>
        <p class="hint page-intro" data-testid="penalites-taux-connus">{known_until}</p>
        <div class="layout-2">
            <LatePaymentForm inputs=inputs missing=missing message_for=message_for />
            <Results computed=computed other_error=Signal::derive(move || message_for(Field::Other)) />
        </div>
    }
}

/// The result panel: the last valid penalty, and why the current input has none.
#[component]
fn Results(
    computed: Memo<Result<LatePaymentOutcome, Errors>>,
    other_error: Signal<Option<String>>,
) -> impl IntoView {
    // The last valid result stays while a field is being retyped; an error the inputs
    // cannot fix field by field (a missing legal rate) clears it.
    let last_ok = last_valid(computed, |e| e.field == Field::Other);
    let example = example_fr(&use_app().catalogue);
    let status = move || {
        if computed.with(Result::is_ok) || other_error.with(Option::is_some) {
            None
        } else if last_ok.with(Option::is_some) {
            Some(kept_result_notice())
        } else {
            Some(view! {
                <ResultPlaceholder testid="exemple-penalites" example=example.clone()
                    hint="Indiquez le montant dû, la date d'échéance et la date de paiement : la réponse s'affiche aussitôt ici, en une phrase comme celle de l'exemple, suivie du détail du calcul." />
            }.into_any())
        }
    };
    view! {
        <section class="results" aria-labelledby="titre-penalites">
            <h2 id="titre-penalites">"Pénalités dues"</h2>
            {move || other_error.get().map(|m| view! {
                <p class="notice error" role="alert" data-testid="penalites-erreur">{m}</p>
            })}
            {status}
            {move || last_ok.get().map(|outcome| view! { <PenaltyOutcome outcome=outcome /> })}
        </section>
    }
}
