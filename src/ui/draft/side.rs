//! Beside the draft's form: its quote's totals (to the simulator, to the devis) and the way
//! to its enrolment request (`/demande?brouillon=ID`, which sends it), with « Vérifier la
//! demande » here, next to the fields.

use leptos::prelude::*;

use crate::domain::draft::ClientKind;
use crate::domain::pricing::Quote;
use crate::ui::context::use_app;
use crate::ui::draft_check::Checklist;
use crate::ui::draft_view::NoQuote;
use crate::ui::quote_state::{keep_draft_quote, DraftLink};
use crate::ui::quote_totals::QuoteTotals;
use crate::ui::router::use_router;
use crate::ui::routes::{draft_devis_path, draft_request_path, SIMULATOR};

use super::editor::Editor;

#[component]
pub fn DraftSide(ed: Editor) -> impl IntoView {
    view! {
        <div class="draft-side">
            <DraftQuoteSection ed=ed />
            <RequestSection ed=ed />
        </div>
    }
}

#[component]
fn DraftQuoteSection(ed: Editor) -> impl IntoView {
    let app = use_app();
    let router = use_router();
    let load_into_simulator = move |_| {
        if let Some(d) = ed.draft.get_untracked() {
            let person = d.enrolment.client.kind == ClientKind::Individual;
            keep_draft_quote(
                d.form,
                DraftLink {
                    id: d.id,
                    name: d.name,
                    person,
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
                Err(errors) => view! { <NoQuote errors=errors testid="brouillon-devis-invalide" /> }.into_any(),
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

/// The draft's quote: its totals (its lines are on the devis and the request's page).
#[component]
fn DraftQuote(quote: Quote) -> impl IntoView {
    view! {
        <div aria-live="polite" aria-atomic="true">
            <QuoteTotals quote=quote.clone() prefix="brouillon-" funding_rows=true />
        </div>
        {quote.vat_mention.clone().map(|m| view! { <p class="small">{m}</p> })}
    }
}

#[component]
fn RequestSection(ed: Editor) -> impl IntoView {
    let href_request = use_app().href(&draft_request_path(&ed.id()));
    view! {
        <section aria-labelledby="titre-export">
            <h2 id="titre-export">"Demande d'inscription"</h2>
            <p class="hint">"Un document JSON à envoyer à Co&Sens : client, stagiaires, sélection, financement et devis détaillé."</p>
            <div class="toolbar">
                <a href=href_request class="button">"Préparer la demande d'inscription"</a>
                <button type="button" class="secondary" on:click=move |_| ed.visits.show_all()>"Vérifier la demande"</button>
            </div>
            <Show when=move || ed.visits.showing_all()>
                <Checklist problems=ed.problems />
            </Show>
        </section>
    }
}
