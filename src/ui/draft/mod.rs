//! `/brouillons/ID`: one draft — the enrolment details (client, trainees, funding, session
//! wishes, accessibility, notes), saved as the user types, its quote priced from the
//! catalogue, and its export as an enrolment request (file or clipboard).

mod client;
mod editor;
mod export;
mod funding;
mod mail;
mod session;
mod trainees;

use leptos::prelude::*;

use crate::domain::draft::DraftField;
use crate::ui::context::use_app;
use crate::ui::drafts_state::{use_drafts, SaveState};
use crate::ui::form::TextField;
use crate::ui::router::use_router;
use crate::ui::routes::{DRAFTS, DRAFT_PREFIX};
use crate::ui::storage_messages::StorageMessages;
use crate::ui::title::DocumentTitle;

use client::ClientFields;
use editor::Editor;
use export::DraftSide;
use funding::FundingFields;
use session::{NotesFields, SessionFields};
use trainees::TraineesFields;

#[component]
pub fn DraftPage() -> impl IntoView {
    let drafts = use_drafts();
    let address = use_router().address();
    let id = Memo::new(move |_| {
        address
            .with(|a| a.segment_after(DRAFT_PREFIX))
            .unwrap_or_default()
    });
    // The open draft is kept as it is here when another tab writes.
    Effect::new(move |_| drafts.editing.set(Some(id.get())));
    on_cleanup(move || drafts.editing.set(None));
    let exists = Memo::new(move |_| {
        let id = id.get();
        drafts.store.with(|s| s.get(&id).is_some())
    });
    view! {
        <Show when=move || exists.get() fallback=move || view! { <UnknownDraft id=id.get() /> }>
            {move || view! { <DraftEditor id=id.get() /> }}
        </Show>
    }
}

#[component]
fn UnknownDraft(id: String) -> impl IntoView {
    let app = use_app();
    let shown: String = id.chars().take(64).collect();
    view! {
        <DocumentTitle name="Brouillon introuvable".to_string() />
        <h1>"Brouillon introuvable"</h1>
        <p role="alert" data-testid="brouillon-introuvable">
            {format!("Aucun brouillon « {shown} » n'est enregistré dans ce navigateur : il a peut-être été supprimé, ou créé dans un autre navigateur (importez-le alors depuis la liste).")}
        </p>
        <p><a href=app.href(DRAFTS.path)>"Revenir à la liste des brouillons"</a></p>
    }
}

#[component]
fn DraftEditor(id: String) -> impl IntoView {
    let app = use_app();
    let drafts = use_drafts();
    let ed = Editor::new(drafts, id);
    // Leaving the editor writes what typing left waiting.
    on_cleanup(move || drafts.write_pending());
    let name = move || ed.read(|d| d.name.clone());
    view! {
        <nav aria-label="Fil d'Ariane" class="breadcrumb">
            <a href=app.href(DRAFTS.path)>"Brouillons"</a>
            " › "
            <span aria-current="page">{name}</span>
        </nav>
        <DocumentTitle name=Signal::derive(move || format!("Brouillon « {} »", name())) />
        <h1>"Brouillon : "{name}</h1>
        <p class="hint">"Chaque saisie est enregistrée dans ce navigateur. Les champs marqués d'un astérisque (*) sont nécessaires à la demande d'inscription."</p>
        <p class="save-state" data-testid="etat-enregistrement"
            class:pending=move || drafts.save_state.get() == SaveState::Pending>
            {move || drafts.save_state.get().label_fr()}
        </p>
        <StorageMessages />
        <p role="status" aria-live="polite" class="draft-status" data-testid="statut-brouillon">{move || ed.status.get()}</p>
        <div class="layout-2">
            <form class="draft-form" aria-label="Détails de l'inscription" on:submit=|ev| ev.prevent_default()>
                <TextField id="nom-brouillon" label="Nom du brouillon *" maxlength=crate::domain::draft::MAX_LINE_CHARS
                    value=ed.text(|d| d.name.clone()) message=ed.message(DraftField::Name)
                    on_input=ed.on_text(DraftField::Name, |d, v| d.name = v) />
                <ClientFields ed=ed />
                <TraineesFields ed=ed />
                <FundingFields ed=ed />
                <SessionFields ed=ed />
                <NotesFields ed=ed />
            </form>
            <DraftSide ed=ed />
        </div>
    }
}
