//! The late-payment form: amount, dates, client kind, and the rates to type for
//! half-years missing from the data file.

use leptos::prelude::*;

use crate::domain::fr::half_year_fr;
use crate::domain::late_payment::ClientKind;
use crate::domain::late_payment_form::LatePaymentEdit;
use crate::ui::form::{ChoiceSelect, TextField};

use super::state::{Field, HalfYear, Inputs};

#[component]
pub fn LatePaymentForm(
    inputs: Inputs,
    missing: Memo<Vec<HalfYear>>,
    message_for: impl Fn(Field) -> Option<String> + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let visit = move |field: Field| Callback::new(move |()| inputs.visits.visit(field));
    let clients = vec![
        ("particulier".to_string(), "Particulier".to_string()),
        (
            "professionnel".to_string(),
            "Professionnel (entreprise)".to_string(),
        ),
    ];
    view! {
        <form class="late-payment-form" on:submit=|ev| ev.prevent_default() aria-label="Paramètres du retard de paiement">
            <TextField id="montant-du" label="Montant dû" inputmode="decimal" maxlength=20
                hint="La somme restée impayée à l'échéance, en euros, telle que facturée (par exemple 4 800,00).".to_string()
                value=inputs.text(|f| &f.amount) on_input=Callback::new(move |v| inputs.edit(LatePaymentEdit::Amount(v)))
                message=Signal::derive(move || message_for(Field::Amount)) on_visit=visit(Field::Amount) />
            <TextField id="date-echeance" label="Date d'échéance" kind="date"
                value=inputs.text(|f| &f.due) on_input=Callback::new(move |v| inputs.edit(LatePaymentEdit::Due(v)))
                message=Signal::derive(move || message_for(Field::Due)) on_visit=visit(Field::Due) />
            <TextField id="date-paiement" label="Date de paiement" kind="date"
                hint="Le jour où le paiement est reçu (aujourd'hui par défaut).".to_string()
                value=inputs.text(|f| &f.paid) on_input=Callback::new(move |v| inputs.edit(LatePaymentEdit::Paid(v)))
                message=Signal::derive(move || message_for(Field::Paid)) on_visit=visit(Field::Paid) />
            <ChoiceSelect id="type-client" label="Type de client" options=clients
                value=Signal::derive(move || if inputs.form.with(|f| f.client) == ClientKind::Business { "professionnel" } else { "particulier" }.to_string())
                on_change=Callback::new(move |v: String| inputs.edit(LatePaymentEdit::Client(if v == "professionnel" { ClientKind::Business } else { ClientKind::Individual }))) />
            <Show when=move || missing.with(|m| !m.is_empty())>
                <fieldset class="typed-rates">
                    <legend>"Taux d'intérêt légal à saisir"</legend>
                    <p id="aide-taux-saisis" class="hint">"Les données du simulateur ne contiennent pas encore le taux de tous les semestres du retard. Pour chaque semestre ci-dessous, saisissez le taux d'intérêt légal publié « pour tous les autres cas » (créancier autre qu'un particulier), en pourcentage, par exemple 3,5. Ce taux est fixé chaque semestre par un arrêté publié au Journal officiel ; la Banque de France le publie aussi sur son site."</p>
                    <For each=move || missing.get() key=|hy| *hy let:hy>
                        <TypedRateField half_year=hy inputs=inputs
                            message=Signal::derive(move || message_for(Field::Rate(hy.0, hy.1))) />
                    </For>
                </fieldset>
            </Show>
        </form>
    }
}

/// The rate typed for one half-year missing from the data file, in percent.
#[component]
fn TypedRateField(
    half_year: HalfYear,
    inputs: Inputs,
    message: Signal<Option<String>>,
) -> impl IntoView {
    let (year, half) = half_year;
    view! {
        <TextField id=format!("taux-{year}-s{half}")
            label=format!("Taux d'intérêt légal du {} (%)", half_year_fr(year, half))
            inputmode="decimal" maxlength=20 shared_hint="aide-taux-saisis"
            value=Signal::derive(move || inputs.form.with(|f| f.typed.get(&half_year).cloned().unwrap_or_default()))
            on_input=Callback::new(move |text: String| inputs.edit(LatePaymentEdit::Rate(half_year, text)))
            message=message
            on_visit=Callback::new(move |()| inputs.visits.visit(Field::Rate(year, half))) />
    }
}
