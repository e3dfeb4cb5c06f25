//! The notice from reading the drafts' storage, the last storage error, and the data set
//! aside: shown on both drafts screens.

use leptos::prelude::*;

use crate::edge::files::download_text;
use crate::edge::storage::set_aside_text;
use crate::ui::drafts_state::use_drafts;

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
