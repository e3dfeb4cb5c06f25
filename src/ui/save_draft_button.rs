//! The simulator's "Enregistrer le brouillon": keeps the current quote as a draft — a new
//! one, or the draft the simulator was loaded from — and says where it is.

use leptos::prelude::*;
use leptos_router::components::A;

use crate::domain::draft::Draft;
use crate::ui::context::use_app;
use crate::ui::drafts_state::DraftsState;
use crate::ui::quote_state::use_quote_state;
use crate::ui::routes::draft_path;

/// What the last click did: the message and the draft it concerns.
#[derive(Clone)]
struct Saved {
    message: String,
    id: Option<String>,
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
        drafts.simulator_draft.get().and_then(|id| {
            drafts
                .store
                .with(|s| s.get(&id).map(|d| (d.id.clone(), d.name.clone())))
        })
    });

    let create = move || {
        let form = quote.form.get_untracked();
        let result = drafts.apply(|s, now| s.create("", form, now));
        saved.set(Some(match result {
            Ok(id) => {
                let name = drafts
                    .store
                    .with_untracked(|s| s.get(&id).map(|d| d.name.clone()))
                    .unwrap_or_default();
                drafts.simulator_draft.set(Some(id.clone()));
                Saved {
                    message: with_storage_error(
                        drafts.error.get_untracked(),
                        format!("Brouillon « {name} » enregistré."),
                    ),
                    id: Some(id),
                }
            }
            Err(message) => Saved { message, id: None },
        }));
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
                        " " <A href=app.href(&draft_path(&id))>"Ouvrir le brouillon"</A>
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
