//! The simulator's "Enregistrer le brouillon": hands the current quote to the draft's page
//! (`ui::draft_hand_off`), which keeps it — in the draft the simulator was loaded from, or
//! a new one — and opens it at its client details. The simulator's page thus carries no
//! drafts code.

use leptos::prelude::*;

use crate::ui::draft_hand_off::hand_off;
use crate::ui::quote_state::use_quote_state;
use crate::ui::router::use_router;
use crate::ui::routes::draft_save_path;

#[component]
pub fn SaveDraftButton() -> impl IntoView {
    let quote = use_quote_state();
    let router = use_router();
    let status = RwSignal::new(None::<&'static str>);
    let save = move |update: bool| {
        let draft = update
            .then(|| quote.draft.get_untracked().map(|d| d.id))
            .flatten();
        if hand_off(quote.form.get_untracked(), draft) {
            router.go(&draft_save_path());
        } else {
            status.set(Some(
                "Le brouillon n'a pas pu être enregistré : ce navigateur refuse le stockage de \
                 session (navigation privée ?). Le lien de partage ci-dessous garde ce devis.",
            ));
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
