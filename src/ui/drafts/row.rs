//! One draft of the list: open, rename, duplicate, delete.

use leptos::prelude::*;

use crate::ui::context::use_app;
use crate::ui::drafts_state::use_drafts;
use crate::ui::routes::draft_link;

use super::{ListState, Row};

#[component]
pub fn DraftRow(row: Row, list: ListState) -> impl IntoView {
    let drafts = use_drafts();
    let renaming = RwSignal::new(false);
    // A renamed draft's row is drawn anew: its "Renommer" button takes the focus back.
    let rename_button = NodeRef::<leptos::html::Button>::new();
    let row_id = row.id.clone();
    Effect::new(move |_| {
        if let Some(button) = rename_button.get() {
            if list
                .renamed
                .with_untracked(|r| r.as_deref() == Some(row_id.as_str()))
            {
                list.renamed.set(None);
                let _ = button.focus();
            }
        }
    });
    let (id, name) = (row.id.clone(), row.name.clone());
    let duplicate = move |_| match drafts.apply(|s, now| s.duplicate(&id, now)) {
        Ok(_) => list.say(format!("Brouillon « {name} » dupliqué.")),
        Err(message) => list.say(message),
    };
    let (id, name) = (row.id.clone(), row.name.clone());
    let delete = move |_| match drafts.apply(|s, _| s.delete(&id)) {
        Ok(removed) => {
            list.undo.set(Some(removed));
            list.say(format!(
                "Brouillon « {name} » supprimé. « Annuler » le rétablit."
            ));
        }
        Err(message) => list.say(message),
    };
    let href = use_app().href(&draft_link(&row.id));
    let name = row.name.clone();
    let (rename_id, rename_name) = (row.id.clone(), row.name.clone());
    view! {
        <li class="draft-row" data-testid="brouillon">
            <h3 class="draft-name"><a href=href.clone()>{row.name.clone()}</a></h3>
            <p class="small">"Modifié le "{row.updated.clone()}</p>
            <p>"Total TTC : "<strong data-testid="brouillon-total">{row.total.clone()}</strong></p>
            <Show when=move || renaming.get()>
                <RenameForm id=rename_id.clone() name=rename_name.clone() renaming=renaming list=list />
            </Show>
            <div class="row-actions">
                <a href=href class="button secondary" aria-label=format!("Ouvrir « {name} »")>"Ouvrir"</a>
                <button type="button" class="secondary" aria-label=format!("Renommer « {name} »") node_ref=rename_button
                    aria-expanded=move || renaming.get().to_string()
                    on:click=move |_| renaming.update(|r| *r = !*r)>"Renommer"</button>
                <button type="button" class="secondary" aria-label=format!("Dupliquer « {name} »") on:click=duplicate>"Dupliquer"</button>
                <button type="button" class="secondary danger" aria-label=format!("Supprimer « {name} »") on:click=delete>"Supprimer"</button>
            </div>
        </li>
    }
}

/// The new name of a draft, validated or abandoned.
#[component]
fn RenameForm(
    id: String,
    name: String,
    renaming: RwSignal<bool>,
    list: ListState,
) -> impl IntoView {
    let drafts = use_drafts();
    let new_name = RwSignal::new(name);
    let rename_error = RwSignal::new(None::<String>);
    let input_id = format!("renommer-{id}");
    let error_id = format!("erreur-renommer-{id}");
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let name = new_name.get_untracked();
        match drafts.apply(|s, now| s.rename(&id, &name, now).map(|s| (s, ()))) {
            Ok(()) => {
                rename_error.set(None);
                renaming.set(false);
                list.renamed.set(Some(id.clone()));
                list.say(format!("Brouillon renommé « {} ».", name.trim()));
            }
            Err(message) => rename_error.set(Some(message)),
        }
    };
    view! {
        <form class="rename-form" on:submit=submit>
            <div class="field">
                <label for=input_id.clone()>"Nouveau nom"</label>
                <input type="text" id=input_id maxlength="254" autocomplete="off"
                    aria-describedby=error_id.clone()
                    aria-invalid=move || rename_error.with(Option::is_some).to_string()
                    prop:value=move || new_name.get()
                    on:input=move |ev| new_name.set(event_target_value(&ev)) />
                <p id=error_id class="error-text">{move || rename_error.get()}</p>
            </div>
            <button type="submit">"Valider le nom"</button>
            " "
            <button type="button" class="secondary" on:click=move |_| renaming.set(false)>"Abandonner"</button>
        </form>
    }
}
