//! « Type de client », and for a trainee who pays, the contract's signature and a
//! recognised force majeure (the law's rules: `domain::individual`).

use leptos::prelude::*;

use crate::domain::cancellation_form::CancellationEdit;
use crate::domain::individual::ClientType;
use crate::ui::form::{ChoiceSelect, TextField};

use super::state::{Field, Inputs};

#[component]
pub fn ClientFields(
    inputs: Inputs,
    message_for: impl Fn(Field) -> Option<String> + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let options = ClientType::ALL
        .iter()
        .map(|c| (c.key().to_string(), c.label_fr().to_string()))
        .collect();
    let client = move || inputs.form.with(|f| f.client);
    view! {
        <ChoiceSelect id="type-client" label="Type de client" options=options
            hint=Signal::derive(|| "Entreprise : les CGV. Particulier qui paie lui-même : le Code du travail s'y ajoute (rétractation, paiement, force majeure). CPF : les conditions de Mon Compte Formation.".to_string())
            value=Signal::derive(move || client().key().to_string())
            on_change=Callback::new(move |v: String| inputs.edit(CancellationEdit::Client(ClientType::from_key(&v).unwrap_or_default()))) />
        <Show when=move || client() == ClientType::Individual>
            <TextField id="date-signature" label="Date de signature du contrat" kind="date"
                hint="Le contrat de formation professionnelle signé par le stagiaire : le délai de rétractation de dix jours en part.".to_string()
                value=inputs.text(|f| &f.signed) on_input=Callback::new(move |v| inputs.edit(CancellationEdit::Signed(v)))
                message=Signal::derive(move || message_for(Field::Signed)) on_visit=Callback::new(move |()| inputs.visits.visit(Field::Signed)) />
            <div class="choice">
                <input type="checkbox" id="force-majeure"
                    prop:checked=move || inputs.form.with(|f| f.force_majeure)
                    on:change=move |ev| inputs.edit(CancellationEdit::ForceMajeure(event_target_checked(&ev))) />
                <label for="force-majeure">"Force majeure dûment reconnue"</label>
            </div>
        </Show>
    }
}
