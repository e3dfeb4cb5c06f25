//! What a column can become: the simulator's quote, a draft, or a share link.

use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::ui::context::use_app;
use crate::ui::draft_hand_off::open_as_draft;
use crate::ui::quote_state::{use_quote_state, QuoteState};
use crate::ui::router::use_router;
use crate::ui::routes::SIMULATOR;
use crate::ui::share_panel::{copy_link, share_link_of};

/// « Ouvrir dans le simulateur », « Enregistrer comme brouillon » (the quote handed to the
/// draft's page, which keeps it: the comparison carries no drafts code), the column's
/// share link and « Copier le lien »; each names its column for assistive technologies.
#[component]
pub fn ColumnActions(state: QuoteState, prefix: String, suffix: String) -> impl IntoView {
    let simulator = use_quote_state();
    let router = use_router();
    let link_app = use_app();
    let link = Memo::new(move |_| {
        state
            .last_valid_form
            .with(|f| f.as_ref().map(|f| share_link_of(&link_app, f)))
            .unwrap_or_default()
    });
    let status = RwSignal::new(None::<String>);
    let open = move |_| {
        // The simulator then shows this quote, not a draft it may have come from.
        simulator.load(state.form.get_untracked());
        router.go(SIMULATOR.path);
    };
    let save = move |_| {
        if let Err(refused) = open_as_draft(router, state.form.get_untracked(), None) {
            status.set(Some(refused.to_string()));
        }
    };
    let copy = move |_| {
        let text = link.get_untracked();
        spawn_local(async move {
            let message = copy_link(&text).await;
            status.set(Some(message));
        });
    };
    let (link_id, status_id) = (format!("{prefix}-lien"), format!("statut-{prefix}"));
    let hidden = format!(" ({suffix})");
    view! {
        <div class="column-actions no-print">
            <button type="button" on:click=open>"Ouvrir dans le simulateur"<span class="visually-hidden">{hidden.clone()}</span></button>
            <button type="button" class="secondary" on:click=save>"Enregistrer comme brouillon"<span class="visually-hidden">{hidden.clone()}</span></button>
            <div class="field">
                <label for=link_id.clone()>{format!("Lien de partage ({suffix})")}</label>
                <input id=link_id type="text" readonly aria-describedby=status_id.clone()
                    prop:value=move || link.get() />
            </div>
            <button type="button" class="secondary" on:click=copy>"Copier le lien"<span class="visually-hidden">{hidden}</span></button>
            <p id=status_id role="status" aria-live="polite" class="small">
                {move || status.get()}
            </p>
        </div>
    }
}
