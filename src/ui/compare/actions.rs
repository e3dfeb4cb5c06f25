//! What a column can become: the simulator's quote, a draft, or a share link.

use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::domain::quote_form::QuoteForm;
use crate::ui::context::use_app;
use crate::ui::drafts_state::DraftsState;
use crate::ui::quote_state::{use_quote_state, QuoteState};
use crate::ui::router::use_router;
use crate::ui::routes::{draft_link, SIMULATOR};
use crate::ui::share_panel::{copy_link, share_link_of};

/// « Ouvrir dans le simulateur », « Enregistrer comme brouillon », the column's share link
/// and « Copier le lien »; each names its column for assistive technologies.
#[component]
pub fn ColumnActions(state: QuoteState, prefix: String, suffix: String) -> impl IntoView {
    let app = use_app();
    let simulator = use_quote_state();
    let drafts = use_context::<DraftsState>();
    let router = use_router();
    let link_app = app.clone();
    let link = Memo::new(move |_| {
        state
            .last_valid_form
            .with(|f| f.as_ref().map(|f| share_link_of(&link_app, f)))
            .unwrap_or_default()
    });
    let saved = RwSignal::new(None::<Saved>);
    let open = move |_| {
        // The simulator then shows this quote, not a draft it may have come from.
        simulator.load(state.form.get_untracked());
        router.go(SIMULATOR.path);
    };
    let save = move |_| {
        if let Some(d) = drafts {
            saved.set(Some(save_new_draft(d, state.form.get_untracked())));
        }
    };
    let copy = move |_| {
        let text = link.get_untracked();
        spawn_local(async move {
            let message = copy_link(&text).await;
            saved.set(Some(Saved { message, id: None }));
        });
    };
    let (link_id, status_id) = (format!("{prefix}-lien"), format!("statut-{prefix}"));
    let hidden = format!(" ({suffix})");
    view! {
        <div class="column-actions no-print">
            <button type="button" on:click=open>"Ouvrir dans le simulateur"<span class="visually-hidden">{hidden.clone()}</span></button>
            {drafts.map(|_| view! {
                <button type="button" class="secondary" on:click=save>"Enregistrer comme brouillon"<span class="visually-hidden">{hidden.clone()}</span></button>
            })}
            <div class="field">
                <label for=link_id.clone()>{format!("Lien de partage ({suffix})")}</label>
                <input id=link_id type="text" readonly aria-describedby=status_id.clone()
                    prop:value=move || link.get() />
            </div>
            <button type="button" class="secondary" on:click=copy>"Copier le lien"<span class="visually-hidden">{hidden}</span></button>
            <p id=status_id role="status" aria-live="polite" class="small">
                {move || saved.get().map(|s| {
                    let to_draft = s.id.map(|id| view! {
                        " " <a href=app.href(&draft_link(&id))>"Ouvrir le brouillon"</a>
                    });
                    view! { {s.message} {to_draft} }
                })}
            </p>
        </div>
    }
}

/// What a save or a copy did: the message and the draft it concerns.
#[derive(Clone)]
struct Saved {
    message: String,
    id: Option<String>,
}

/// Keeps `form` as a new draft (named by the store) and says so, or why not; a failed
/// write to the storage is said after (the draft exists in this page all the same).
fn save_new_draft(drafts: DraftsState, form: QuoteForm) -> Saved {
    match drafts.apply(|s, now| s.create("", form, now)) {
        Ok(id) => {
            let name = drafts
                .store
                .with_untracked(|s| s.get(&id).map(|d| d.name.clone()))
                .unwrap_or_default();
            let saved = format!("Brouillon « {name} » enregistré.");
            Saved {
                message: match drafts.error.get_untracked() {
                    Some(e) => format!("{saved} {e}"),
                    None => saved,
                },
                id: Some(id),
            }
        }
        Err(message) => Saved { message, id: None },
    }
}
