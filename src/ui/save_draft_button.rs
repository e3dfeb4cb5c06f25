//! The simulator's "Enregistrer le brouillon": hands the current quote to the draft's page
//! (`ui::draft_hand_off`), which keeps it — in the draft the simulator was loaded from, or
//! a new one — and opens it at its client details. The simulator's page thus carries no
//! drafts code.

use leptos::prelude::*;

use crate::ui::draft_hand_off::open_as_draft;
use crate::ui::quote_state::use_quote_state;
use crate::ui::router::use_router;

#[component]
pub fn SaveDraftButton() -> impl IntoView {
    let quote = use_quote_state();
    let router = use_router();
    let status = RwSignal::new(None::<&'static str>);
    let save = move |update: bool| {
        let draft = update
            .then(|| quote.draft.get_untracked().map(|d| d.id))
            .flatten();
        if let Err(refused) = open_as_draft(router, quote.form.get_untracked(), draft) {
            status.set(Some(refused));
        }
    };
    let linked = move || quote.draft.get().map(|d| d.name);
    view! {
        <div class="save-draft no-print">
            <div class="toolbar">
                <button type="button" on:click=move |_| save(true)>"Enregistrer le brouillon"</button>
                <Show when=move || linked().is_some()>
                    <button type="button" class="secondary" on:click=move |_| save(false)>"Enregistrer comme nouveau brouillon"</button>
                </Show>
            </div>
            {move || linked().map(|name| view! {
                <p class="hint">{format!("Ce devis vient du brouillon « {name} » : « Enregistrer le brouillon » le met à jour.")}</p>
            })}
            <p role="status" aria-live="polite" data-testid="statut-enregistrement">{move || status.get()}</p>
        </div>
    }
}
