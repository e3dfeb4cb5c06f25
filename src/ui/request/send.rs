//! Sending a draft's enrolment request: as a file, on the clipboard (or in a field to copy
//! when the browser refuses), and the e-mail to attach it to.

use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::domain::exchange::{enrolment_request_json, request_file_name};
use crate::domain::fr::count_fr;
use crate::edge::clipboard::copy_text;
use crate::edge::clock::now_rfc3339;
use crate::edge::files::download_text;
use crate::ui::context::use_app;
use crate::ui::draft_view::DraftView;
use crate::ui::drafts_state::use_drafts;

use super::mail::DraftMail;

/// "Demande d'inscription téléchargée : FILE." and how many points are left to complete.
fn exported_fr(file: &str, missing: usize) -> String {
    if missing == 0 {
        format!("Demande d'inscription téléchargée : {file}.")
    } else {
        let verb = if missing > 1 { "restent" } else { "reste" };
        format!(
            "Demande d'inscription téléchargée : {file}. Attention, {} {verb} à compléter (« Vérification »).",
            count_fr(missing, "point", "points")
        )
    }
}

#[component]
pub fn SendSection(v: DraftView, status: RwSignal<Option<String>>) -> impl IntoView {
    let catalogue = use_app().catalogue.clone();
    let today = use_drafts().today;
    let copied_json = RwSignal::new(None::<String>);
    let cat = catalogue.clone();
    let export = move |_| {
        let Some(d) = v.draft.get_untracked() else {
            return;
        };
        let now = now_rfc3339();
        let result = enrolment_request_json(&d, &cat, today, &now)
            .map_err(|e| format!("La demande n'a pas pu être exportée. {e}"))
            .and_then(|json| {
                let file = request_file_name(&d, &now);
                download_text(&file, &json, "application/json").map(|()| file)
            });
        let missing = v.problems.with_untracked(Vec::len);
        status.set(Some(
            result.map_or_else(|m| m, |file| exported_fr(&file, missing)),
        ));
    };
    let copy = move |_| {
        let Some(d) = v.draft.get_untracked() else {
            return;
        };
        match enrolment_request_json(&d, &catalogue, today, &now_rfc3339()) {
            Ok(json) => spawn_local(async move {
                match copy_text(&json).await {
                    Ok(()) => {
                        copied_json.set(None);
                        status.set(Some(
                            "JSON de la demande copié dans le presse-papiers.".into(),
                        ));
                    }
                    Err(message) => {
                        copied_json.set(Some(json));
                        status.set(Some(message));
                    }
                }
            }),
            Err(e) => status.set(Some(format!("La demande n'a pas pu être exportée. {e}"))),
        }
    };
    view! {
        <section aria-labelledby="titre-envoi">
            <h2 id="titre-envoi">"Envoi"</h2>
            <div class="toolbar">
                <button type="button" on:click=export>"Exporter en JSON"</button>
                <button type="button" class="secondary" on:click=copy>"Copier le JSON"</button>
            </div>
            <DraftMail v=v />
            {move || copied_json.get().map(|json| view! {
                <div class="field">
                    <label for="json-demande">"JSON de la demande (à copier)"</label>
                    <textarea id="json-demande" readonly rows="8">{json}</textarea>
                </div>
            })}
        </section>
    }
}
