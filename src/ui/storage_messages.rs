//! The notice from reading the drafts' storage, the last storage error (with the backup
//! that keeps what could not be written), and the data set aside: shown on the drafts
//! screens.

use leptos::prelude::*;

use crate::domain::exchange::{backup, backup_file_name};
use crate::domain::fr::count_fr;
use crate::edge::clock::now_rfc3339;
use crate::edge::files::download_text;
use crate::edge::storage::set_aside_text;
use crate::ui::context::use_app;
use crate::ui::drafts_state::{use_drafts, DraftsState, SaveState};

/// Downloads the backup of every draft as shown (« Tout exporter »), written or not; the
/// message says which file, or why not.
pub fn download_backup(drafts: DraftsState, catalogue_version: &str) -> String {
    let now = now_rfc3339();
    let count = drafts.store.with_untracked(|s| s.drafts.len());
    let result = drafts
        .store
        .with_untracked(|s| backup(s, catalogue_version, &now))
        .map_err(|e| format!("La sauvegarde n'a pas pu être faite. {e}"))
        .and_then(|text| {
            let file = backup_file_name(&now);
            download_text(&file, &text, "application/json").map(|()| file)
        });
    result.map_or_else(
        |m| m,
        |file| {
            format!(
                "Sauvegarde de {} téléchargée : {file}.",
                count_fr(count, "brouillon", "brouillons")
            )
        },
    )
}

/// The notice from reading the storage and the last storage error, for both drafts
/// screens.
#[component]
pub fn StorageMessages() -> impl IntoView {
    let drafts = use_drafts();
    view! {
        {move || drafts.notice.get().map(|n| view! {
            <p class="notice warn" role="status" data-testid="avis-stockage">{n}</p>
        })}
        {move || drafts.error.get().map(|e| view! {
            <p class="notice error" role="alert" data-testid="erreur-stockage">{e}</p>
        })}
        <Show when=move || drafts.save_state.get() == SaveState::Failed>
            <UnsavedBackup />
        </Show>
        <Show when=move || drafts.set_aside.with(|keys| !keys.is_empty())>
            <div class="notice" data-testid="donnees-mises-de-cote">
                <p>"Données de brouillons illisibles, conservées telles quelles dans ce navigateur :"</p>
                <ul class="plain">
                    {move || drafts.set_aside.get().into_iter().map(|key| view! {
                        <li><SetAsideDownload key=key /></li>
                    }).collect_view()}
                </ul>
            </div>
        </Show>
    }
}

/// When a change could not be written: the backup of every draft as shown, which the
/// drafts' list imports back (what it did is said as the storage's notice).
#[component]
fn UnsavedBackup() -> impl IntoView {
    let drafts = use_drafts();
    let version = use_app().catalogue.version.clone();
    let download = move |_| drafts.notice.set(Some(download_backup(drafts, &version)));
    view! {
        <p><button type="button" class="secondary" on:click=download>"Télécharger une sauvegarde des brouillons"</button></p>
    }
}

/// Offers the text set aside under `key` as a file, exactly as it was stored.
#[component]
fn SetAsideDownload(key: String) -> impl IntoView {
    let failed = RwSignal::new(None::<String>);
    let label = format!("Télécharger « {key} »");
    let download = move |_| {
        let result = set_aside_text(&key)
            .ok_or_else(|| "Ces données ne sont plus dans ce navigateur.".to_string())
            .and_then(|text| download_text(&format!("{key}.txt"), &text, "text/plain"));
        failed.set(result.err());
    };
    view! {
        <button type="button" class="secondary" on:click=download>{label}</button>
        {move || failed.get().map(|m| view! { <span class="error-text" role="alert">" "{m}</span> })}
    }
}
