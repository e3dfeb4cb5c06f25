//! A column's other inputs: trainees, coaching days, certification, and the funding with
//! its amount. Ids start with the column's prefix (`c2-stagiaires`), labels name it.

use leptos::prelude::*;

use crate::domain::pricing::QuoteField;
use crate::domain::quote_form::FundingChoice;
use crate::ui::context::use_app;
use crate::ui::form::{ChoiceSelect, TextField};
use crate::ui::quote_state::QuoteState;

#[component]
pub fn CountFields(state: QuoteState, prefix: String, suffix: String) -> impl IntoView {
    let form = state.form;
    let p = use_app().catalogue.prices.clone();
    let certification = format!("{prefix}-certification");
    view! {
        <TextField id=format!("{prefix}-stagiaires") label=format!("Nombre de stagiaires ({suffix})")
            kind="number" inputmode="numeric" min="1" max=p.trainees_max.to_string() step="1"
            value=Signal::derive(move || form.read().trainees.clone())
            on_input=Callback::new(move |v| form.update(|f| f.trainees = v))
            message=state.field_error(QuoteField::Trainees) />
        <TextField id=format!("{prefix}-accompagnement") label=format!("Jours d'accompagnement ({suffix})")
            kind="number" inputmode="numeric" min="0" max=p.coaching_max_days.to_string() step="1"
            value=Signal::derive(move || form.read().coaching_days.clone())
            on_input=Callback::new(move |v| form.update(|f| f.coaching_days = v))
            message=state.field_error(QuoteField::Coaching) />
        <div class="choice">
            <input type="checkbox" id=certification.clone()
                prop:checked=move || form.read().certification
                on:change=move |ev| { let v = event_target_checked(&ev); form.update(|f| f.certification = v); } />
            <label for=certification>{format!("Accès à la certification ({suffix})")}</label>
        </div>
    }
}

#[component]
pub fn FundingFields(state: QuoteState, prefix: String, suffix: String) -> impl IntoView {
    let form = state.form;
    let choice = move || form.read().funding;
    let choices = FundingChoice::choices();
    let exempt = format!("{prefix}-cpf-exonere");
    let exempt_label = format!("Dispensé de la participation forfaitaire ({suffix})");
    let (opco_id, opco_label) = (
        format!("{prefix}-montant-opco"),
        format!("Montant pris en charge par l'OPCO ({suffix})"),
    );
    let (cpf_id, cpf_label) = (
        format!("{prefix}-solde-cpf"),
        format!("Solde CPF ({suffix})"),
    );
    view! {
        <ChoiceSelect id=format!("{prefix}-financement") label=format!("Financement ({suffix})") options=choices
            value=Signal::derive(move || choice().key().to_string())
            message=state.field_error(QuoteField::Funding)
            on_change=Callback::new(move |v: String| {
                let c = FundingChoice::from_key(&v).unwrap_or_default();
                form.update(|f| f.funding = c);
            }) />
        <Show when=move || choice() == FundingChoice::Opco>
            <TextField id=opco_id.clone() label=opco_label.clone()
                inputmode="decimal" maxlength=20
                value=Signal::derive(move || form.read().opco_amount.clone())
                on_input=Callback::new(move |v| form.update(|f| f.opco_amount = v))
                message=state.field_error(QuoteField::OpcoAmount) />
        </Show>
        <Show when=move || choice() == FundingChoice::Cpf>
            <TextField id=cpf_id.clone() label=cpf_label.clone()
                inputmode="decimal" maxlength=20
                value=Signal::derive(move || form.read().cpf_balance.clone())
                on_input=Callback::new(move |v| form.update(|f| f.cpf_balance = v))
                message=state.field_error(QuoteField::CpfBalance) />
            <div class="choice">
                <input type="checkbox" id=exempt.clone()
                    prop:checked=move || form.read().cpf_exempt
                    on:change=move |ev| { let v = event_target_checked(&ev); form.update(|f| f.cpf_exempt = v); } />
                <label for=exempt.clone()>{exempt_label.clone()}</label>
            </div>
        </Show>
    }
}
