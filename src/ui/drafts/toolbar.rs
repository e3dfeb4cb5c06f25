//! The list's actions: a new draft, the backup of every draft, an import; the messages
//! they give and the undo of a deletion.

use std::sync::Arc;

use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::domain::catalogue::Catalogue;
use crate::domain::exchange::{import_document, ImportError, MAX_IMPORT_BYTES};
use crate::edge::files::{read_chosen_file, ReadError};
use crate::ui::context::use_app;
use crate::ui::drafts_state::{use_drafts, DraftsState};
use crate::ui::quote_state::kept_form;
use crate::ui::router::use_router;
use crate::ui::routes::draft_link;
use crate::ui::storage_messages::download_backup;

use super::ListState;

/// Reads the file chosen in `input` and merges the drafts it holds.
async fn import_file(
    input: web_sys::HtmlInputElement,
    catalogue: Arc<Catalogue>,
    drafts: DraftsState,
    list: ListState,
) {
    let text = match read_chosen_file(&input, MAX_IMPORT_BYTES).await {
        Ok(Some(text)) => text,
        Ok(None) => return,
        Err(ReadError::TooLarge(bytes)) => {
            return list.fail_import(ImportError::TooLarge { bytes }.message())
        }
        Err(ReadError::Unreadable) => {
            return list.fail_import(
                "Le fichier n'a pas pu être lu par le navigateur. Rien n'a été importé.".into(),
            )
        }
    };
    let imported = match import_document(&text, &catalogue) {
        Ok(imported) => imported,
        Err(e) => return list.fail_import(e.message()),
    };
    let notice = imported.notice.clone();
    match drafts.apply(move |s, now| s.merge_imported(imported.drafts, now)) {
        Ok(summary) => list.say(match notice {
            Some(n) => format!("{} {n}", summary.message()),
            None => summary.message(),
        }),
        Err(message) => list.fail_import(format!("{message} Rien n'a été importé.")),
    }
}

#[component]
pub fn Toolbar(list: ListState) -> impl IntoView {
    let drafts = use_drafts();
    let router = use_router();
    let create = move |_| {
        let form = kept_form();
        match drafts.apply(|s, now| s.create("", form, now)) {
            Ok(id) => router.go(&draft_link(&id)),
            Err(message) => list.say(message),
        }
    };
    let version = use_app().catalogue.version.clone();
    let export_all = move |_| list.say(download_backup(drafts, &version));
    let file_input = NodeRef::<leptos::html::Input>::new();
    let catalogue = use_app().catalogue.clone();
    let on_import = move |ev: leptos::ev::Event| {
        spawn_local(import_file(
            event_target(&ev),
            catalogue.clone(),
            drafts,
            list,
        ));
    };
    view! {
        <div class="toolbar drafts-toolbar">
            <button type="button" on:click=create>"Nouveau brouillon"</button>
            <button type="button" class="secondary" on:click=export_all
                disabled=move || drafts.store.with(|s| s.drafts.is_empty())>"Tout exporter"</button>
            // A real button (SPEC lists "Importer" among the buttons) opening the
            // browser's file chooser through a hidden file input.
            <input type="file" id="importer" hidden accept=".json,application/json"
                node_ref=file_input on:change=on_import />
            <button type="button" class="secondary" aria-describedby="aide-import erreur-import"
                on:click=move |_| if let Some(input) = file_input.get() { input.click() }>"Importer"</button>
        </div>
        <p id="aide-import" class="hint">"Importer accepte une sauvegarde (« Tout exporter ») ou une demande d'inscription exportée d'un brouillon ; les brouillons déjà présents sont conservés."</p>
        <UndoStatus list=list />
        <p id="erreur-import" class="error-text" role="alert" data-testid="erreur-import">{move || list.import_error.get()}</p>
    }
}

/// The list's last message and, after a deletion, "Annuler" (which takes the focus).
#[component]
fn UndoStatus(list: ListState) -> impl IntoView {
    let drafts = use_drafts();
    let undo_button = NodeRef::<leptos::html::Button>::new();
    Effect::new(move |_| {
        if let (true, Some(button)) = (list.undo.with(Option::is_some), undo_button.get()) {
            let _ = button.focus();
        }
    });
    let restore = move |_| {
        let Some(removed) = list.undo.get_untracked() else {
            return;
        };
        let name = removed.draft.name.clone();
        match drafts.apply(move |s, _| s.restore(removed).map(|s| (s, ()))) {
            Ok(()) => {
                list.undo.set(None);
                list.say(format!("Brouillon « {name} » rétabli."));
            }
            Err(message) => list.say(message),
        }
    };
    view! {
        <div class="drafts-status">
            <p role="status" aria-live="polite" data-testid="statut-brouillons">{move || list.status.get()}</p>
            <Show when=move || list.undo.with(Option::is_some)>
                <button type="button" class="secondary" node_ref=undo_button on:click=restore>"Annuler"</button>
            </Show>
        </div>
    }
}
