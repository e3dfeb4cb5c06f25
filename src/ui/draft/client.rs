//! The client of a draft: company or individual, name, SIRET, address, e-mail, phone.

use leptos::prelude::*;

use crate::domain::draft::{
    ClientKind, DraftEdit, DraftField, MAX_LINE_CHARS, MAX_TEXT_CHARS, MAX_TYPED_CHARS,
};
use crate::ui::form::{TextArea, TextField};

use super::editor::Editor;

#[component]
pub fn ClientFields(ed: Editor) -> impl IntoView {
    let kind = move || {
        ed.draft.with(|d| {
            d.as_ref()
                .map(|d| d.enrolment.client.kind)
                .unwrap_or_default()
        })
    };
    let siret_hint = Signal::derive(move || {
        if kind() == ClientKind::Company {
            "Obligatoire pour une entreprise : 14 chiffres (espaces permis), clé de contrôle vérifiée.".to_string()
        } else {
            "Facultatif pour un particulier.".to_string()
        }
    });
    let kinds = ClientKind::ALL.into_iter().map(|k| {
        let input_id = format!("client-{}", k.key());
        view! {
            <div class="choice">
                <input type="radio" name="client-type" id=input_id.clone()
                    prop:checked=move || kind() == k
                    on:change=move |_| ed.edit(DraftEdit::ClientKind(k)) />
                <label for=input_id>{k.label()}</label>
            </div>
        }
    });
    view! {
        <fieldset>
            <legend>"Client"</legend>
            <div class="choice-row" role="radiogroup" aria-label="Type de client">{kinds.collect_view()}</div>
            <TextField id="client-nom" label="Nom du client *" autocomplete="organization" maxlength=MAX_LINE_CHARS
                value=ed.field_text(DraftField::ClientName) message=ed.message(DraftField::ClientName)
                on_input=ed.on_text(DraftField::ClientName) />
            <TextField id="client-siret" label="SIRET" inputmode="numeric" maxlength=MAX_TYPED_CHARS hint=siret_hint
                value=ed.field_text(DraftField::ClientSiret) message=ed.message(DraftField::ClientSiret)
                on_input=ed.on_text(DraftField::ClientSiret) />
            <TextArea id="client-adresse" label="Adresse" rows=3 maxlength=MAX_TEXT_CHARS
                value=ed.field_text(DraftField::ClientAddress) message=ed.message(DraftField::ClientAddress)
                on_input=ed.on_text(DraftField::ClientAddress) />
            <TextField id="client-email" label="E-mail du client *" kind="email" autocomplete="email" maxlength=MAX_LINE_CHARS
                value=ed.field_text(DraftField::ClientEmail) message=ed.message(DraftField::ClientEmail)
                on_input=ed.on_text(DraftField::ClientEmail) />
            <TextField id="client-telephone" label="Téléphone du client" kind="tel" autocomplete="tel" maxlength=MAX_TYPED_CHARS
                value=ed.field_text(DraftField::ClientPhone) message=ed.message(DraftField::ClientPhone)
                on_input=ed.on_text(DraftField::ClientPhone) />
        </fieldset>
    }
}
