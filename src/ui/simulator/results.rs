//! The simulator's answer: one sentence first, then the key figures and the advice, then
//! the lines and the arithmetic on demand; saving the quote as a draft, sharing it, and
//! the way to the comparison.

use leptos::prelude::*;

use crate::domain::fr::days_fr;
use crate::domain::money::{format_eur, format_number};
use crate::domain::pricing::{answer_fr, explain_quote, Quote};
use crate::ui::context::use_app;
use crate::ui::first_render::Later;
use crate::ui::quote_lines::QuoteLines;
use crate::ui::quote_state::use_quote_state;
use crate::ui::quote_totals::QuoteTotals;
use crate::ui::routes::COMPARE;
use crate::ui::save_draft_button::SaveDraftButton;
use crate::ui::sessions::{ChosenSessionAgenda, ChosenSessionDates};
use crate::ui::share_panel::{quote_page_href, SharePanel};

/// The answer, figures and details of the last valid quote.
#[component]
pub fn QuoteResults() -> impl IntoView {
    let state = use_quote_state();
    let invalid = move || state.result.with(|r| r.is_err());
    let app = use_app();
    let compare = move || {
        state
            .last_valid_form
            .with(|f| quote_page_href(&app, COMPARE.path, f.as_ref()))
    };
    view! {
        <section class="results" aria-labelledby="titre-resultat">
            <h2 id="titre-resultat">"Votre devis estimatif"</h2>
            <Show when=invalid>
                <p class="notice warn" role="status">"Saisie incomplète ou invalide : le dernier devis valide reste affiché. Corrigez le champ signalé."</p>
            </Show>
            <Later>{move || state.last_quote.get().map(|q| view! { <QuoteBreakdown quote=q /> })}</Later>
            <Later><ChosenSessionDates form=state.form /><ChosenSessionAgenda form=state.form /></Later>
            <p class="no-print"><a href=compare>"Comparer avec une autre formule"</a></p>
            <Later><SaveDraftButton /></Later>
            <Later><SharePanel /></Later>
        </section>
    }
}

/// A quote's figures with the sentences that explain them (only this screen shows them,
/// so only it writes them: `explain_quote`); the details each in a task of their own on
/// the page's first render.
#[component]
fn QuoteBreakdown(quote: Quote) -> impl IntoView {
    let quote = explain_quote(quote, &use_app().catalogue);
    let (lines, how) = (quote.lines.clone(), quote.clone());
    view! {
        <p class="answer" data-testid="reponse-devis">{answer_fr(&quote)}</p>
        // (Their announcement is the total bar's, see `total_bar.rs`.)
        <QuoteTotals quote=quote.clone() prefix="" funding_rows=true />
        {quote.advice.clone().map(|a| view! {
            <p class="notice" data-testid="conseil-parcours-complet">{a.message}</p>
        })}
        {quote.vat_mention.clone().map(|m| view! { <p class="small" data-testid="mention-tva">{m}</p> })}
        <Later>
            <details class="disclosure">
                <summary>"Détail des lignes"</summary>
                <QuoteLines lines=lines.clone() caption="Détail des lignes, en euros hors taxes" />
            </details>
        </Later>
        <Later><HowComputed quote=how.clone() /></Later>
    }
}

/// « Comment ces montants sont calculés »: the explanations and the per-trainee figures.
#[component]
fn HowComputed(quote: Quote) -> impl IntoView {
    let explanations = quote
        .explanations
        .iter()
        .map(|e| view! { <li>{e.clone()}</li> })
        .collect_view();
    view! {
        <details class="disclosure">
            <summary>"Comment ces montants sont calculés"</summary>
            <ul class="explain">{explanations}</ul>
            <p class="small">{format!(
                "Par stagiaire : {} HT, {} TTC (indicatif). Formation : {} ({} h) ; accompagnement : {} h.",
                format_eur(quote.per_trainee_ht), format_eur(quote.per_trainee_ttc),
                days_fr(quote.training_days), format_number(quote.training_hours), format_number(quote.coaching_hours))}</p>
        </details>
    }
}
