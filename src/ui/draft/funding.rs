//! How a draft is funded: none, OPCO (which one, how much) or CPF (balance, exemption).

use leptos::prelude::*;

use crate::domain::draft::{DraftEdit, DraftField};
use crate::domain::pricing::QuoteField;
use crate::domain::quote_form::FundingChoice;
use crate::ui::context::use_app;
use crate::ui::form::{ChoiceSelect, TextField};

use super::editor::Editor;

#[component]
pub fn FundingFields(ed: Editor) -> impl IntoView {
    let funding = move || {
        ed.draft
            .with(|d| d.as_ref().map(|d| d.form.funding).unwrap_or_default())
    };
    let funding_error = Signal::derive(move || {
        ed.quote_error(QuoteField::Funding)
            .or_else(|| ed.problem(DraftField::Funding))
    });
    let choices = FundingChoice::choices();
    let opcos: Vec<(String, String)> = use_app()
        .catalogue
        .opcos
        .iter()
        .map(|o| (o.clone(), o.clone()))
        .collect();
    let on_opco = Callback::new(move |v: String| {
        ed.visits.visit(DraftField::OpcoName);
        ed.edit(DraftEdit::Text(DraftField::OpcoName, v));
    });
    let quote_message = move |field| Signal::derive(move || ed.quote_error(field));
    view! {
        <fieldset>
            <legend>"Financement"</legend>
            <ChoiceSelect id="brouillon-financement" label="Financement" options=choices
                value=Signal::derive(move || funding().key().to_string()) message=funding_error
                on_change=Callback::new(move |v: String| {
                    let choice = FundingChoice::from_key(&v).unwrap_or_default();
                    ed.edit(DraftEdit::Funding(choice));
                }) />
            <Show when=move || funding() == FundingChoice::Opco>
                <ChoiceSelect id="brouillon-opco" label="OPCO *" options=opcos.clone() empty="— Choisir l'OPCO —"
                    value=ed.field_text(DraftField::OpcoName)
                    message=ed.message(DraftField::OpcoName) on_change=on_opco />
                <TextField id="brouillon-montant-opco" label="Montant pris en charge par l'OPCO" inputmode="decimal" maxlength=20
                    value=ed.text(|d| d.form.opco_amount.clone()) message=quote_message(QuoteField::OpcoAmount)
                    on_input=Callback::new(move |v: String| ed.edit(DraftEdit::OpcoAmount(v))) />
            </Show>
            <Show when=move || funding() == FundingChoice::Cpf>
                <TextField id="brouillon-solde-cpf" label="Solde CPF" inputmode="decimal" maxlength=20
                    value=ed.text(|d| d.form.cpf_balance.clone()) message=quote_message(QuoteField::CpfBalance)
                    on_input=Callback::new(move |v: String| ed.edit(DraftEdit::CpfBalance(v))) />
                <div class="choice">
                    <input type="checkbox" id="brouillon-cpf-exonere"
                        prop:checked=move || ed.draft.with(|d| d.as_ref().is_some_and(|d| d.form.cpf_exempt))
                        on:change=move |ev| { let v = event_target_checked(&ev); ed.edit(DraftEdit::CpfExempt(v)); } />
                    <label for="brouillon-cpf-exonere">"Dispensé de la participation forfaitaire (demandeur d'emploi, abondement de l'employeur)"</label>
                </div>
            </Show>
        </fieldset>
    }
}
