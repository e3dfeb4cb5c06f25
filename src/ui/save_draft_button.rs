//! The simulator's "Enregistrer le brouillon": hands the current quote to the draft's page
//! (`ui::draft_hand_off`), which keeps it — in the draft the simulator was loaded from, or
//! a new one — and opens it at its client details. The simulator's page thus carries no
//! drafts code. Framed in another site, it opens the full simulator with the quote instead.

use leptos::prelude::*;

use crate::domain::share_link::{encode, share_url};
use crate::edge::location::is_framed;
use crate::ui::context::use_app;
use crate::ui::draft_hand_off::open_as_draft;
use crate::ui::quote_state::use_quote_state;
use crate::ui::router::use_router;
use crate::ui::routes::SIMULATOR;

/// What the button says in a screen framed in another site, whose storage is the frame's.
const FRAMED_FR: &str =
    "Le simulateur complet s'ouvre dans un nouvel onglet avec ce devis : enregistrez-le là.";

#[component]
pub fn SaveDraftButton() -> impl IntoView {
    let quote = use_quote_state();
    let router = use_router();
    let status = RwSignal::new(None::<&'static str>);
    let version = StoredValue::new(use_app().catalogue.version.clone());
    let save = move |update: bool| {
        // Framed in another site, the drafts would be the frame's: the full simulator takes
        // the quote, in a new tab.
        if is_framed() {
            let code = quote
                .form
                .with_untracked(|f| version.with_value(|v| encode(f, v)));
            router.go(&share_url(SIMULATOR.path, &code));
            status.set(Some(FRAMED_FR));
            return;
        }
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
