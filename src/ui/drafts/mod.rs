//! `/brouillons`: the draft enrolments kept in this browser — create, open, rename,
//! duplicate, delete (with undo), export all as one backup file, import a backup or an
//! enrolment request.

mod row;
mod toolbar;

use leptos::prelude::*;

use crate::domain::draft::{format_timestamp_fr, Removed};
use crate::domain::money::format_eur;
use crate::ui::context::use_app;
use crate::ui::drafts_state::use_drafts;
use crate::ui::routes::DRAFTS;
use crate::ui::storage_messages::StorageMessages;
use crate::ui::title::DocumentTitle;

use row::DraftRow;
use toolbar::Toolbar;

/// One row of the list, as shown (the key of its row: any change re-renders it).
#[derive(Clone, PartialEq, Eq, Hash)]
struct Row {
    id: String,
    name: String,
    updated: String,
    total: String,
}

/// What the list says back: its last message, an import's error, the draft just deleted
/// (to undo) and the draft just renamed (whose row takes the focus).
#[derive(Clone, Copy)]
struct ListState {
    status: RwSignal<Option<String>>,
    import_error: RwSignal<Option<String>>,
    undo: RwSignal<Option<Removed>>,
    renamed: RwSignal<Option<String>>,
}

impl ListState {
    fn say(self, message: String) {
        self.import_error.set(None);
        self.status.set(Some(message));
    }

    fn fail_import(self, message: String) {
        self.status.set(None);
        self.import_error.set(Some(message));
    }
}

#[component]
pub fn DraftsPage() -> impl IntoView {
    let app = use_app();
    let drafts = use_drafts();
    let list = ListState {
        status: RwSignal::new(None),
        import_error: RwSignal::new(None),
        undo: RwSignal::new(None),
        renamed: RwSignal::new(None),
    };
    let catalogue = app.catalogue.clone();
    let today = drafts.today;
    let rows = Memo::new(move |_| {
        drafts.store.with(|s| {
            s.list(&catalogue, today)
                .into_iter()
                .map(|d| Row {
                    updated: format_timestamp_fr(&d.updated)
                        .unwrap_or_else(|| "date inconnue".into()),
                    total: d
                        .total_ttc
                        .map(format_eur)
                        .unwrap_or_else(|| "non chiffrable".into()),
                    id: d.id,
                    name: d.name,
                })
                .collect::<Vec<_>>()
        })
    });
    view! {
        <DocumentTitle name=DRAFTS.name.to_string() />
        <h1>"Brouillons d'inscription"</h1>
        <p class="hint">"Vos brouillons restent dans ce navigateur, enregistrés à chaque saisie ; aucune donnée n'est envoyée. Exportez-les pour les transmettre ou les conserver ailleurs."</p>
        <StorageMessages />
        <Toolbar list=list />
        <h2>"Vos brouillons"</h2>
        <Show
            when=move || rows.with(|r| !r.is_empty())
            fallback=|| view! { <p data-testid="aucun-brouillon">"Aucun brouillon pour l'instant. Créez-en un ici ou depuis le simulateur (« Enregistrer le brouillon »)."</p> }
        >
            <ul class="drafts-list">
                <For each=move || rows.get() key=|row| row.clone() let:row>
                    <DraftRow row=row list=list />
                </For>
            </ul>
        </Show>
    }
}
