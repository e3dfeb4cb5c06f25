//! `/brouillons`: the draft enrolments kept in this browser — create, open, rename,
//! duplicate, delete (with undo), export all as one backup file, import a backup or an
//! enrolment request.

use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::components::A;
use leptos_router::hooks::use_navigate;
use leptos_router::NavigateOptions;

use crate::domain::draft::{format_timestamp_fr, Removed};
use crate::domain::exchange::{
    backup, backup_file_name, import_document, ImportError, MAX_IMPORT_BYTES,
};
use crate::domain::money::format_eur;
use crate::edge::clock::now_rfc3339;
use crate::edge::files::{download_text, read_chosen_file, ReadError};
use crate::edge::storage::set_aside_text;
use crate::ui::app::use_app;
use crate::ui::drafts_state::use_drafts;
use crate::ui::quote_state::use_quote_state;
use crate::ui::title::DocumentTitle;

/// One row of the list, as shown (the key of its row: any change re-renders it).
#[derive(Clone, PartialEq, Eq, Hash)]
struct Row {
    id: String,
    name: String,
    updated: String,
    total: String,
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

#[component]
pub fn DraftsPage() -> impl IntoView {
    let app = use_app();
    let drafts = use_drafts();
    let quote = use_quote_state();
    let navigate = use_navigate();

    let status = RwSignal::new(None::<String>);
    let import_error = RwSignal::new(None::<String>);
    let undo = RwSignal::new(None::<Removed>);
    // The draft just renamed, whose new row takes the focus.
    let renamed = RwSignal::new(None::<String>);
    // After a deletion the row (and the focused button) is gone: focus goes to "Annuler".
    let undo_button = NodeRef::<leptos::html::Button>::new();
    Effect::new(move |_| {
        let deleted = undo.with(|u| u.as_ref().map(|r| r.draft.id.clone()));
        if let (Some(_), Some(button)) = (deleted, undo_button.get()) {
            let _ = button.focus();
        }
    });

    let catalogue = app.catalogue.clone();
    let today = drafts.today;
    let rows = Memo::new(move |_| {
        drafts.store.with(|s| {
            s.list(&catalogue, today)
                .into_iter()
                .map(|d| Row {
                    updated: format_timestamp_fr(&d.updated)
                        .unwrap_or_else(|| "date inconnue".into()),
                    total: d
                        .total_ttc
                        .map(format_eur)
                        .unwrap_or_else(|| "non chiffrable".into()),
                    id: d.id,
                    name: d.name,
                })
                .collect::<Vec<_>>()
        })
    });

    let say = move |message: String| {
        import_error.set(None);
        status.set(Some(message));
    };

    let create = move |_| {
        let form = quote.form.get_untracked();
        match drafts.apply(|s, now| s.create("", form, now)) {
            Ok(id) => navigate(&format!("/brouillons/{id}"), NavigateOptions::default()),
            Err(message) => say(message),
        }
    };

    let catalogue_version = app.catalogue.version.clone();
    let export_all = move |_| {
        let now = now_rfc3339();
        let count = drafts.store.with_untracked(|s| s.drafts.len());
        let result = drafts
            .store
            .with_untracked(|s| backup(s, &catalogue_version, &now))
            .map_err(|e| format!("La sauvegarde n'a pas pu être faite. {e}"))
            .and_then(|text| {
                let file = backup_file_name(&now);
                download_text(&file, &text, "application/json").map(|()| file)
            });
        match result {
            Ok(file) => say(format!(
                "Sauvegarde de {count} brouillon{} téléchargée : {file}.",
                if count > 1 { "s" } else { "" }
            )),
            Err(message) => say(message),
        }
    };

    let file_input = NodeRef::<leptos::html::Input>::new();
    let catalogue = app.catalogue.clone();
    let on_import = move |ev: leptos::ev::Event| {
        let input: web_sys::HtmlInputElement = event_target(&ev);
        let catalogue = catalogue.clone();
        spawn_local(async move {
            let text = match read_chosen_file(&input, MAX_IMPORT_BYTES).await {
                Ok(Some(text)) => text,
                Ok(None) => return,
                Err(ReadError::TooLarge(bytes)) => {
                    status.set(None);
                    import_error.set(Some(ImportError::TooLarge { bytes }.message()));
                    return;
                }
                Err(ReadError::Unreadable) => {
                    status.set(None);
                    import_error.set(Some(
                        "Le fichier n'a pas pu être lu par le navigateur. Rien n'a été importé."
                            .into(),
                    ));
                    return;
                }
            };
            let imported = match import_document(&text, &catalogue) {
                Ok(imported) => imported,
                Err(e) => {
                    status.set(None);
                    import_error.set(Some(e.message()));
                    return;
                }
            };
            let notice = imported.notice.clone();
            match drafts.apply(move |s, now| s.merge_imported(imported.drafts, now)) {
                Ok(summary) => {
                    let mut message = summary.message();
                    if let Some(n) = notice {
                        message.push(' ');
                        message.push_str(&n);
                    }
                    say(message);
                }
                Err(message) => {
                    status.set(None);
                    import_error.set(Some(format!("{message} Rien n'a été importé.")));
                }
            }
        });
    };

    let restore = move |_| {
        let Some(removed) = undo.get_untracked() else {
            return;
        };
        let name = removed.draft.name.clone();
        match drafts.apply(move |s, _| s.restore(removed).map(|s| (s, ()))) {
            Ok(()) => {
                undo.set(None);
                say(format!("Brouillon « {name} » rétabli."));
            }
            Err(message) => say(message),
        }
    };

    view! {
        <DocumentTitle name="Brouillons d'inscription".to_string() />
        <h1>"Brouillons d'inscription"</h1>
        <p class="hint">"Vos brouillons restent dans ce navigateur, enregistrés à chaque saisie ; aucune donnée n'est envoyée. Exportez-les pour les transmettre ou les conserver ailleurs."</p>
        <StorageMessages />
        <div class="toolbar drafts-toolbar">
            <button type="button" on:click=create>"Nouveau brouillon"</button>
            <button type="button" class="secondary" on:click=export_all
                disabled=move || drafts.store.with(|s| s.drafts.is_empty())>"Tout exporter"</button>
            // A real button (SPEC lists "Importer" among the buttons) opening the
            // browser's file chooser through a hidden file input.
            <input type="file" id="importer" hidden accept=".json,application/json"
                node_ref=file_input on:change=on_import />
            <button type="button" class="secondary" aria-describedby="aide-import erreur-import"
                on:click=move |_| if let Some(input) = file_input.get() { input.click() }>"Importer"</button>
        </div>
        <p id="aide-import" class="hint">"Importer accepte une sauvegarde (« Tout exporter ») ou une demande d'inscription exportée d'un brouillon ; les brouillons déjà présents sont conservés."</p>
        <div class="drafts-status">
            <p role="status" aria-live="polite" data-testid="statut-brouillons">{move || status.get()}</p>
            <Show when=move || undo.with(Option::is_some)>
                <button type="button" class="secondary" node_ref=undo_button on:click=restore>"Annuler"</button>
            </Show>
        </div>
        <p id="erreur-import" class="error-text" role="alert" data-testid="erreur-import">{move || import_error.get()}</p>
        <h2>"Vos brouillons"</h2>
        <Show
            when=move || rows.with(|r| !r.is_empty())
            fallback=|| view! { <p data-testid="aucun-brouillon">"Aucun brouillon pour l'instant. Créez-en un ici ou depuis le simulateur (« Enregistrer le brouillon »)."</p> }
        >
            <ul class="drafts-list">
                <For each=move || rows.get() key=|row| row.clone() let:row>
                    <DraftRow row=row status=status import_error=import_error undo=undo renamed=renamed />
                </For>
            </ul>
        </Show>
    }
}

#[component]
fn DraftRow(
    row: Row,
    status: RwSignal<Option<String>>,
    import_error: RwSignal<Option<String>>,
    undo: RwSignal<Option<Removed>>,
    renamed: RwSignal<Option<String>>,
) -> impl IntoView {
    let app = use_app();
    let drafts = use_drafts();
    let renaming = RwSignal::new(false);
    // A renamed draft's row is drawn anew: its "Renommer" button takes the focus back.
    let rename_button = NodeRef::<leptos::html::Button>::new();
    let row_id = row.id.clone();
    Effect::new(move |_| {
        if let Some(button) = rename_button.get() {
            if renamed.with_untracked(|r| r.as_deref() == Some(row_id.as_str())) {
                renamed.set(None);
                let _ = button.focus();
            }
        }
    });
    let new_name = RwSignal::new(row.name.clone());
    let rename_error = RwSignal::new(None::<String>);
    let say = move |message: String| {
        import_error.set(None);
        status.set(Some(message));
    };

    let id = row.id.clone();
    let submit_rename = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let name = new_name.get_untracked();
        let id = id.clone();
        match drafts.apply(|s, now| s.rename(&id, &name, now).map(|s| (s, ()))) {
            Ok(()) => {
                rename_error.set(None);
                renaming.set(false);
                renamed.set(Some(id.clone()));
                say(format!("Brouillon renommé « {} ».", name.trim()));
            }
            Err(message) => rename_error.set(Some(message)),
        }
    };
    let id = row.id.clone();
    let name = row.name.clone();
    let duplicate = move |_| {
        let id = id.clone();
        match drafts.apply(|s, now| s.duplicate(&id, now)) {
            Ok(_) => say(format!("Brouillon « {name} » dupliqué.")),
            Err(message) => say(message),
        }
    };
    let id = row.id.clone();
    let name = row.name.clone();
    let delete = move |_| {
        let id = id.clone();
        match drafts.apply(|s, _| s.delete(&id)) {
            Ok(removed) => {
                undo.set(Some(removed));
                say(format!(
                    "Brouillon « {name} » supprimé. « Annuler » le rétablit."
                ));
            }
            Err(message) => say(message),
        }
    };

    let input_id = format!("renommer-{}", row.id);
    let error_id = format!("erreur-renommer-{}", row.id);
    let href = app.href(&format!("/brouillons/{}", row.id));
    let name = row.name.clone();
    view! {
        <li class="draft-row" data-testid="brouillon">
            <h3 class="draft-name"><A href=href.clone()>{row.name.clone()}</A></h3>
            <p class="small">"Modifié le "{row.updated.clone()}</p>
            <p>"Total TTC : "<strong data-testid="brouillon-total">{row.total.clone()}</strong></p>
            <Show when=move || renaming.get()>
                <form class="rename-form" on:submit=submit_rename.clone()>
                    <div class="field">
                        <label for=input_id.clone()>"Nouveau nom"</label>
                        <input type="text" id=input_id.clone() maxlength="254" autocomplete="off"
                            aria-describedby=error_id.clone()
                            aria-invalid=move || rename_error.with(Option::is_some).to_string()
                            prop:value=move || new_name.get()
                            on:input=move |ev| new_name.set(event_target_value(&ev)) />
                        <p id=error_id.clone() class="error-text">{move || rename_error.get()}</p>
                    </div>
                    <button type="submit">"Valider le nom"</button>
                    " "
                    <button type="button" class="secondary" on:click=move |_| { renaming.set(false); rename_error.set(None); }>"Abandonner"</button>
                </form>
            </Show>
            <div class="row-actions">
                <A href=href attr:class="button secondary" attr:aria-label=format!("Ouvrir « {name} »")>"Ouvrir"</A>
                <button type="button" class="secondary" aria-label=format!("Renommer « {name} »") node_ref=rename_button
                    aria-expanded=move || renaming.get().to_string()
                    on:click=move |_| renaming.update(|r| *r = !*r)>"Renommer"</button>
                <button type="button" class="secondary" aria-label=format!("Dupliquer « {name} »") on:click=duplicate>"Dupliquer"</button>
                <button type="button" class="secondary danger" aria-label=format!("Supprimer « {name} »") on:click=delete>"Supprimer"</button>
            </div>
        </li>
    }
}
