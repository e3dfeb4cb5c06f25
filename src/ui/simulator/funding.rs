//! The simulator's funding: none, an OPCO's amount granted, or a CPF balance.

use leptos::prelude::*;

use crate::domain::pricing::QuoteField;
use crate::domain::quote_form::FundingChoice;
use crate::ui::form::{ChoiceSelect, TextField};
use crate::ui::quote_state::use_quote_state;

use super::{edit, field_error};

#[component]
pub fn FundingFields() -> impl IntoView {
    let state = use_quote_state();
    let form = state.form;
    let choice = move || form.read().funding;
    let choices = FundingChoice::choices();
    view! {
        <ChoiceSelect id="financement" label="Financement" options=choices
            value=Signal::derive(move || choice().key().to_string())
            message=field_error(state, QuoteField::Funding)
            on_change=Callback::new(move |v: String| {
                let c = FundingChoice::from_key(&v).unwrap_or_default();
                edit(state, |f| f.funding = c);
            }) />
        <Show when=move || choice() == FundingChoice::Opco>
            <TextField id="montant-opco" key="opco" label="Montant pris en charge par l'OPCO" inputmode="decimal" maxlength=20
                hint="En euros, tel qu'indiqué sur l'accord de prise en charge. La différence est facturée au client.".to_string()
                value=Signal::derive(move || form.read().opco_amount.clone())
                on_input=Callback::new(move |v| edit(state, |f| f.opco_amount = v))
                message=field_error(state, QuoteField::OpcoAmount) />
        </Show>
        <Show when=move || choice() == FundingChoice::Cpf>
            <TextField id="solde-cpf" key="cpf" label="Solde CPF" inputmode="decimal" maxlength=20
                hint=state.cpf_balance_hint()
                value=Signal::derive(move || form.read().cpf_balance.clone())
                on_input=Callback::new(move |v| edit(state, |f| f.cpf_balance = v))
                message=field_error(state, QuoteField::CpfBalance) />
            <div class="choice">
                <input type="checkbox" id="cpf-exonere"
                    prop:checked=move || form.read().cpf_exempt
                    on:change=move |ev| { let v = event_target_checked(&ev); edit(state, |f| f.cpf_exempt = v); } />
                <label for="cpf-exonere">"Dispensé de la participation forfaitaire (demandeur d'emploi, abondement de l'employeur)"</label>
            </div>
        </Show>
    }
}
