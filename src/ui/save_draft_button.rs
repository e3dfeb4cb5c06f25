//! The simulator's "Enregistrer le brouillon": keeps the current quote as a draft — a new
//! one, or the draft the simulator was loaded from — and says where it is; and
//! [`save_new_draft`], which the comparison's columns use too.

use leptos::prelude::*;

use crate::domain::draft::Draft;
use crate::domain::quote_form::QuoteForm;
use crate::ui::context::use_app;
use crate::ui::drafts_state::DraftsState;
use crate::ui::quote_state::use_quote_state;
use crate::ui::routes::draft_link;

/// What a save did: the message and the draft it concerns.
#[derive(Clone)]
pub struct Saved {
    pub message: String,
    pub id: Option<String>,
}

/// Keeps `form` as a new draft (named by the store) and says so, or why not.
pub fn save_new_draft(drafts: DraftsState, form: QuoteForm) -> Saved {
    match drafts.apply(|s, now| s.create("", form, now)) {
        Ok(id) => {
            let name = drafts
                .store
                .with_untracked(|s| s.get(&id).map(|d| d.name.clone()))
                .unwrap_or_default();
            Saved {
                message: with_storage_error(
                    drafts.error.get_untracked(),
                    format!("Brouillon « {name} » enregistré."),
                ),
                id: Some(id),
            }
        }
        Err(message) => Saved { message, id: None },
    }
}

#[component]
pub fn SaveDraftButton() -> impl IntoView {
    // Screens mounted without the drafts (some component tests) show no button.
    use_context::<DraftsState>().map(|drafts| view! { <SaveDraft drafts=drafts /> })
}

#[component]
fn SaveDraft(drafts: DraftsState) -> impl IntoView {
    let app = use_app();
    let quote = use_quote_state();
    let saved = RwSignal::new(None::<Saved>);

    // The draft the simulator was loaded from, if it still exists.
    let linked = Memo::new(move |_| {
        quote.draft.get().and_then(|id| {
            drafts
                .store
                .with(|s| s.get(&id).map(|d| (d.id.clone(), d.name.clone())))
        })
    });

    let create = move || {
        let result = save_new_draft(drafts, quote.form.get_untracked());
        if let Some(id) = &result.id {
            quote.draft.set(Some(id.clone()));
        }
        saved.set(Some(result));
    };

    let save = move |_| {
        let Some((id, name)) = linked.get_untracked() else {
            create();
            return;
        };
        let form = quote.form.get_untracked();
        let result = drafts.update_draft(&id, move |d: &mut Draft| d.form = form);
        saved.set(Some(match result {
            Ok(()) => Saved {
                message: with_storage_error(
                    drafts.error.get_untracked(),
                    format!("Brouillon « {name} » mis à jour avec ce devis."),
                ),
                id: Some(id),
            },
            Err(message) => Saved { message, id: None },
        }));
    };

    view! {
        <div class="save-draft no-print">
            <div class="toolbar">
                <button type="button" on:click=save>"Enregistrer le brouillon"</button>
                <Show when=move || linked.with(Option::is_some)>
                    <button type="button" class="secondary" on:click=move |_| create()>"Enregistrer comme nouveau brouillon"</button>
                </Show>
            </div>
            {move || linked.get().map(|(_, name)| view! {
                <p class="hint">{format!("Ce devis vient du brouillon « {name} » : « Enregistrer le brouillon » le met à jour.")}</p>
            })}
            <p role="status" aria-live="polite" data-testid="statut-enregistrement">
                {move || saved.get().map(|s| {
                    let link = s.id.map(|id| view! {
                        " " <a href=app.href(&draft_link(&id))>"Ouvrir le brouillon"</a>
                    });
                    view! { {s.message} {link} }
                })}
            </p>
        </div>
    }
}

/// The message, followed by the storage error when the write failed (the draft exists in
/// this page all the same).
fn with_storage_error(error: Option<String>, message: String) -> String {
    match error {
        Some(e) => format!("{message} {e}"),
        None => message,
    }
}
