//! `/brouillons/ID`: one draft — the enrolment details (client, trainees, funding, session
//! wishes, accessibility, notes), saved as the user types, its quote's totals priced from
//! the catalogue, and the way to its enrolment request (`request`, which sends it).

mod client;
mod editor;
mod funding;
mod session;
mod side;
mod trainees;

use leptos::prelude::*;

use crate::domain::draft::DraftField;
use crate::edge::focus::focus_by_id;
use crate::ui::context::use_app;
use crate::ui::draft_hand_off::take_hand_off;
use crate::ui::drafts_state::{use_drafts, DraftsState, SaveState};
use crate::ui::form::TextField;
use crate::ui::quote_state::{keep_draft_quote, DraftLink};
use crate::ui::router::{use_router, Router};
use crate::ui::routes::{draft_path, DRAFTS, DRAFT_PREFIX, SAVE_PARAM};
use crate::ui::storage_messages::StorageMessages;
use crate::ui::title::DocumentTitle;

use client::ClientFields;
use editor::Editor;
use funding::FundingFields;
use session::{NotesFields, SessionFields};
use side::DraftSide;
use trainees::TraineesFields;

#[component]
pub fn DraftPage() -> impl IntoView {
    let drafts = use_drafts();
    let router = use_router();
    // Opened by « Enregistrer le brouillon »: the quote handed over is kept first (the
    // page then shows the draft at its address, the editor says it was kept).
    if router.param(SAVE_PARAM).is_some() {
        keep_hand_off(drafts, router);
    }
    let address = router.address();
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

/// Keeps the quote the simulator handed over and shows its draft, with what was done
/// (`DraftsState::kept`), or says why it could not be kept. With no quote waiting (the
/// page reloaded), the drafts' list.
fn keep_hand_off(drafts: DraftsState, router: Router) {
    let Some(hand_off) = take_hand_off() else {
        router.go(DRAFTS.path);
        return;
    };
    let form = hand_off.form.clone();
    match drafts.apply(|s, now| s.keep(hand_off, now)) {
        Ok(kept) => {
            router.replace(&draft_path(&kept.id));
            // Back in the simulator, « Enregistrer le brouillon » updates this draft.
            let link = DraftLink {
                id: kept.id.clone(),
                name: kept.name.clone(),
                person: false,
            };
            keep_draft_quote(form, link);
            let message = kept.message_fr();
            let message = match drafts.error.get_untracked() {
                Some(e) => format!("{message} {e}"),
                None => message,
            };
            drafts.kept.set(Some((kept.id, message)));
        }
        Err(message) => drafts.error.set(Some(message)),
    }
}

#[component]
fn UnknownDraft(id: String) -> impl IntoView {
    let app = use_app();
    let shown: String = id.chars().take(64).collect();
    // Why a quote handed over by the simulator could not be kept (too many drafts…).
    let error = use_drafts().error;
    view! {
        <DocumentTitle name="Brouillon introuvable".to_string() />
        <h1>"Brouillon introuvable"</h1>
        {move || error.get().map(|e| view! { <p class="notice error" role="alert">{e}</p> })}
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
    // A quote just kept in this draft: said, and the client's details focused.
    let kept = drafts.kept.with_untracked(|k| {
        k.as_ref()
            .filter(|(kept, _)| *kept == id)
            .map(|(_, m)| m.clone())
    });
    let ed = Editor::new(drafts, id);
    if kept.is_some() {
        ed.status.set(kept);
        request_animation_frame(|| focus_by_id("client-nom"));
    }
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
                    value=ed.field_text(DraftField::Name) message=ed.message(DraftField::Name)
                    on_input=ed.on_text(DraftField::Name) />
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
