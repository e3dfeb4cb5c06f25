//! Beside the draft's form: its quote (to the simulator, to the devis) and its export as an
//! enrolment request (file, clipboard, check, e-mail).

use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::domain::exchange::{enrolment_request_json, request_file_name};
use crate::domain::fr::count_fr;
use crate::domain::pricing::Quote;
use crate::edge::clipboard::copy_text;
use crate::edge::clock::now_rfc3339;
use crate::edge::files::download_text;
use crate::ui::context::use_app;
use crate::ui::drafts_state::use_drafts;
use crate::ui::quote_lines::QuoteLines;
use crate::ui::quote_state::{use_quote_state, DraftLink};
use crate::ui::quote_totals::QuoteTotals;
use crate::ui::router::use_router;
use crate::ui::routes::{draft_devis_path, SIMULATOR};

use super::editor::Editor;
use super::mail::DraftMail;

#[component]
pub fn DraftSide(ed: Editor) -> impl IntoView {
    view! {
        <div class="draft-side">
            <DraftQuoteSection ed=ed />
            <ExportSection ed=ed />
        </div>
    }
}

#[component]
fn DraftQuoteSection(ed: Editor) -> impl IntoView {
    let app = use_app();
    let quote_state = use_quote_state();
    let router = use_router();
    let load_into_simulator = move |_| {
        if let Some(d) = ed.draft.get_untracked() {
            quote_state.load_draft(
                d.form,
                DraftLink {
                    id: d.id,
                    name: d.name,
                },
            );
            router.go(SIMULATOR.path);
        }
    };
    let href_devis = app.href(&draft_devis_path(&ed.id()));
    view! {
        <section class="results" aria-labelledby="titre-devis-brouillon">
            <h2 id="titre-devis-brouillon">"Devis de ce brouillon"</h2>
            {move || ed.priced.get().map(|p| match p {
                Ok(q) => view! { <DraftQuote quote=q /> }.into_any(),
                Err(errors) => view! {
                    <p class="notice warn" data-testid="brouillon-devis-invalide">
                        "La simulation de ce brouillon ne donne pas de devis : "
                        {errors.iter().map(|e| format!("{} : {}", e.field.label(), e.message)).collect::<Vec<_>>().join(" ")}
                    </p>
                }.into_any(),
            })}
            <div class="toolbar">
                <button type="button" class="secondary" on:click=load_into_simulator>"Modifier dans le simulateur"</button>
                <Show when=move || ed.priced.with(|p| matches!(p, Some(Ok(_))))>
                    <a href=href_devis.clone() class="button secondary">"Imprimer le devis"</a>
                </Show>
            </div>
        </section>
    }
}

/// The draft's quote: its lines and totals.
#[component]
fn DraftQuote(quote: Quote) -> impl IntoView {
    view! {
        <QuoteLines lines=quote.lines.clone() caption="Lignes du devis, en euros hors taxes" />
        <div aria-live="polite" aria-atomic="true">
            <QuoteTotals quote=quote.clone() prefix="brouillon-" funding_rows=true />
        </div>
        {quote.vat_mention.clone().map(|m| view! { <p class="small">{m}</p> })}
    }
}

/// "Demande d'inscription téléchargée : FILE." and how many points are left to complete.
fn exported_fr(file: &str, missing: usize) -> String {
    if missing == 0 {
        format!("Demande d'inscription téléchargée : {file}.")
    } else {
        let verb = if missing > 1 { "restent" } else { "reste" };
        format!(
            "Demande d'inscription téléchargée : {file}. Attention, {} {verb} à compléter (« Vérifier la demande »).",
            count_fr(missing, "point", "points")
        )
    }
}

#[component]
fn ExportSection(ed: Editor) -> impl IntoView {
    let catalogue = use_app().catalogue.clone();
    let today = use_drafts().today;
    let copied_json = RwSignal::new(None::<String>);
    let cat = catalogue.clone();
    let export = move |_| {
        let Some(d) = ed.draft.get_untracked() else {
            return;
        };
        let now = now_rfc3339();
        let result = enrolment_request_json(&d, &cat, today, &now)
            .map_err(|e| format!("La demande n'a pas pu être exportée. {e}"))
            .and_then(|json| {
                let file = request_file_name(&d, &now);
                download_text(&file, &json, "application/json").map(|()| file)
            });
        let missing = ed.problems.with_untracked(Vec::len);
        ed.status.set(Some(
            result.map_or_else(|m| m, |file| exported_fr(&file, missing)),
        ));
    };
    let copy = move |_| {
        let Some(d) = ed.draft.get_untracked() else {
            return;
        };
        match enrolment_request_json(&d, &catalogue, today, &now_rfc3339()) {
            Ok(json) => spawn_local(async move {
                match copy_text(&json).await {
                    Ok(()) => {
                        copied_json.set(None);
                        ed.status.set(Some(
                            "JSON de la demande copié dans le presse-papiers.".into(),
                        ));
                    }
                    Err(message) => {
                        copied_json.set(Some(json));
                        ed.status.set(Some(message));
                    }
                }
            }),
            Err(e) => ed
                .status
                .set(Some(format!("La demande n'a pas pu être exportée. {e}"))),
        }
    };
    view! {
        <section aria-labelledby="titre-export">
            <h2 id="titre-export">"Demande d'inscription"</h2>
            <p class="hint">"Un document JSON à envoyer à Co&Sens : client, stagiaires, sélection, financement et devis détaillé."</p>
            <div class="toolbar">
                <button type="button" on:click=export>"Exporter en JSON"</button>
                <button type="button" class="secondary" on:click=copy>"Copier le JSON"</button>
                <button type="button" class="secondary" on:click=move |_| ed.visits.show_all()>"Vérifier la demande"</button>
            </div>
            <DraftMail ed=ed />
            <Show when=move || ed.visits.showing_all()>
                <Checklist ed=ed />
            </Show>
            {move || copied_json.get().map(|json| view! {
                <div class="field">
                    <label for="json-demande">"JSON de la demande (à copier)"</label>
                    <textarea id="json-demande" readonly rows="8">{json}</textarea>
                </div>
            })}
        </section>
    }
}

/// "Vérifier la demande": every point left to complete, or that the request is complete.
#[component]
fn Checklist(ed: Editor) -> impl IntoView {
    view! {
        <div class="checklist" data-testid="verification">
            {move || {
                let problems = ed.problems.get();
                if problems.is_empty() {
                    return view! { <p class="ok-text">"La demande est complète."</p> }.into_any();
                }
                let n = problems.len();
                view! {
                    <p>{format!("{} à compléter :", count_fr(n, "point", "points"))}</p>
                    <ul>
                        {problems.into_iter().map(|(f, m)| view! { <li>{format!("{} — {m}", f.label())}</li> }).collect_view()}
                    </ul>
                }.into_any()
            }}
        </div>
    }
}
