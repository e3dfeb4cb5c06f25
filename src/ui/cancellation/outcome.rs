//! What the client owes: one sentence first, then the figures and the dates that matter
//! (and their file for an agenda), then the module lines, the explanations and the days
//! counted on demand.

use leptos::prelude::*;

use super::later_sessions::LaterSessions;

use crate::domain::cancellation::{CancellationOutcome, Case, InterruptionTotals};
use crate::domain::cancellation_text::answer_fr;
use crate::domain::fr::format_date_fr;
use crate::domain::individual::{payment_fr, withdrawal_fr};
use crate::domain::money::{format_eur, format_percent};
use crate::ui::context::use_app;

use super::agenda::AgendaButton;
use super::calendar::Deadlines;
use super::counted_days::CountedDays;
use super::table::ModulesTable;

fn explanation_items(explanations: &[String]) -> impl IntoView {
    explanations
        .iter()
        .map(|e| view! { <li>{e.clone()}</li> })
        .collect_view()
}

#[component]
pub fn Outcome(outcome: CancellationOutcome) -> impl IntoView {
    let o = outcome;
    let answer = answer_fr(&o, &use_app().catalogue.cancellation);
    if o.case == Case::Cpf {
        return view! {
            <div class="results-live" aria-live="polite">
                <p class="answer" data-testid="reponse-annulation">{answer}</p>
                <div class="notice" data-testid="annulation-cpf">
                    {o.cpf_free_until.map(|d| view! {
                        <p>"Annulation sans frais jusqu'au "<strong data-testid="date-limite-cpf">{format_date_fr(d)}</strong>" inclus."</p>
                    })}
                    <ul class="plain">{explanation_items(&o.explanations)}</ul>
                </div>
            </div>
        }
        .into_any();
    }
    let interruption = o.case == Case::Interruption;
    view! {
        <div class="results-live" aria-live="polite">
            <p class="answer" data-testid="reponse-annulation">{answer}</p>
            <Figures outcome=o.clone() />
            <TraineeWhoPays outcome=o.clone() />
        </div>
        <Deadlines outcome=o.clone() />
        {(o.case == Case::BeforeStart).then(|| view! { <LaterSessions start=o.start /> })}
        <AgendaButton outcome=o.clone() />
        {interruption.then(|| view! { <ModulesTable lines=o.modules.clone() /> })}
        <details class="disclosure explanations">
            <summary>"Explications"</summary>
            <ul class="explain">{explanation_items(&o.explanations)}</ul>
        </details>
        {(!interruption).then(|| view! { <CountedDays outcome=o /> })}
    }
    .into_any()
}

/// What the law adds for a trainee who pays: the withdrawal period and, within it, nothing
/// due; the payment limits.
#[component]
fn TraineeWhoPays(outcome: CancellationOutcome) -> impl IntoView {
    let o = outcome;
    let withdrawn = (o.case == Case::Withdrawal)
        .then_some(o.withdrawal_end)
        .flatten()
        .map(|end| view! { <p class="notice" data-testid="retractation">{withdrawal_fr(end)}</p> });
    view! {
        {withdrawn}
        {o.withdrawal_end.map(|end| view! {
            <p>"Fin du délai de rétractation : "<strong data-testid="date-fin-retractation">{format_date_fr(end)}</strong></p>
        })}
        {o.payment.as_ref().map(|p| view! { <p data-testid="paiement-particulier">{payment_fr(p)}</p> })}
    }
}

/// The count, the fee and, after the start, its split.
#[component]
fn Figures(outcome: CancellationOutcome) -> impl IntoView {
    let o = outcome;
    let vat_label = if o.vat_rate.is_zero() {
        "TVA (exonérée)".to_string()
    } else {
        format!("TVA ({})", format_percent(o.vat_rate))
    };
    let rate_label = if o.case == Case::Interruption {
        "Part du prix due"
    } else {
        "Taux des frais"
    };
    view! {
        <dl class="totals">
            <dt>"Jours ouvrables avant le démarrage"</dt>
            <dd data-testid="jours-ouvrables">{o.working_days.to_string()}</dd>
            <dt>{rate_label}</dt>
            <dd data-testid="taux-frais">{format_percent(o.rate)}</dd>
            <dt>"Frais HT"</dt>
            <dd data-testid="frais-ht">{format_eur(o.fee_ht)}</dd>
            <dt>{vat_label}</dt>
            <dd data-testid="frais-tva">{format_eur(o.fee_vat)}</dd>
            <dt>"Frais TTC"</dt>
            <dd data-testid="frais-ttc" class="big">{format_eur(o.fee_ttc)}</dd>
            {o.totals.map(|t| view! { <InterruptionFigures totals=t /> })}
        </dl>
    }
}

/// After the start: the days attended, the client's own part, what an OPCO may fund.
#[component]
fn InterruptionFigures(totals: InterruptionTotals) -> impl IntoView {
    let t = totals;
    view! {
        <dt>"Journées effectivement suivies (HT)"</dt>
        <dd data-testid="part-suivie">{format_eur(t.attended_ht)}</dd>
        <dt>"Sommes dues au titre des absences ou de l'annulation, à la charge du client (HT)"</dt>
        <dd data-testid="part-client">{format_eur(t.client_only_ht)}</dd>
        {(!t.unsplit_ht.is_zero()).then(|| view! {
            <dt>"Dû sans détail des journées (HT)"</dt>
            <dd data-testid="part-non-detaillee">{format_eur(t.unsplit_ht)}</dd>
        })}
        {t.opco_chargeable_ht.map(|opco| view! {
            <dt>"Part que l'OPCO peut prendre en charge (HT)"</dt>
            <dd data-testid="part-opco">{format_eur(opco)}</dd>
        })}
    }
}
