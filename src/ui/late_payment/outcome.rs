//! The penalty: one sentence first, then its figures, then one row per half-year and the
//! explanations on demand.

use leptos::prelude::*;

use crate::domain::fr::{format_date_fr, half_year_fr};
use crate::domain::late_payment::{answer_fr, LatePaymentOutcome, PenaltyPeriod, RateSource};
use crate::domain::money::{format_eur, format_number, format_percent};
use crate::ui::details_table::{Column, DetailsTable};

/// The answer, the figures, the periods and the explanations of a penalty.
#[component]
pub fn PenaltyOutcome(outcome: LatePaymentOutcome) -> impl IntoView {
    let o = outcome;
    let multiplier = format!(
        "{} × le taux d'intérêt légal{}",
        format_number(o.multiplier),
        if o.business_floor_applied {
            " (plancher du Code de commerce)"
        } else {
            ""
        }
    );
    let has_periods = !o.periods.is_empty();
    let explanations = o
        .explanations
        .iter()
        .map(|e| view! { <li>{e.clone()}</li> })
        .collect_view();
    view! {
        <div class="results-live" aria-live="polite">
            <p class="answer" data-testid="reponse-penalites">{answer_fr(&o)}</p>
            <dl class="totals">
                <dt>"Jours de retard"</dt>
                <dd data-testid="penalites-jours">{o.days_late.to_string()}</dd>
                <dt>"Taux appliqué"</dt>
                <dd data-testid="penalites-multiplicateur">{multiplier}</dd>
                <dt>"Pénalités (intérêts)"</dt>
                <dd data-testid="penalites-interets">{format_eur(o.interest)}</dd>
                <dt>"Indemnité forfaitaire de recouvrement"</dt>
                <dd data-testid="penalites-indemnite">{format_eur(o.indemnity)}</dd>
                <dt>"Total"</dt>
                <dd data-testid="penalites-total" class="big">{format_eur(o.total)}</dd>
            </dl>
        </div>
        {has_periods.then(|| view! { <PeriodsTable periods=o.periods.clone() /> })}
        <details class="disclosure explanations">
            <summary>"Explications"</summary>
            <ul class="explain">{explanations}</ul>
        </details>
    }
}

/// The legal rate of a period, marked when the user typed it.
fn legal_rate_cell(p: &PenaltyPeriod) -> String {
    match p.rate_source {
        RateSource::Data => format_percent(p.legal_rate),
        RateSource::Typed => format!("{} (saisi)", format_percent(p.legal_rate)),
    }
}

const COLUMNS: &[Column] = &[
    ("Semestre", false),
    ("Du", false),
    ("Au", false),
    ("Jours", true),
    ("Jours de l'année", true),
    ("Taux légal", true),
    ("Taux appliqué", true),
    ("Intérêts", true),
];

/// One row per half-year the delay runs through.
#[component]
fn PeriodsTable(periods: Vec<PenaltyPeriod>) -> impl IntoView {
    let rows = periods
        .iter()
        .map(|p| {
            view! {
                <tr>
                    <th scope="row">{half_year_fr(p.year, p.half)}</th>
                    <td data-label="Du">{format_date_fr(p.from)}</td>
                    <td data-label="Au">{format_date_fr(p.to)}</td>
                    <td class="num" data-label="Jours">{p.days.to_string()}</td>
                    <td class="num" data-label="Jours de l'année">{p.year_length.to_string()}</td>
                    <td class="num" data-label="Taux légal">{legal_rate_cell(p)}</td>
                    <td class="num" data-label="Taux appliqué">{format_percent(p.applied_rate)}</td>
                    <td class="num" data-label="Intérêts">{format_eur(p.interest)}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <DetailsTable class="periods-detail" title_id="titre-detail-semestres" title="Détail par semestre"
            testid="penalites-periodes" columns=COLUMNS
            caption="Intérêts = montant dû × taux appliqué × jours de retard du semestre ÷ jours de l'année.">
            {rows}
        </DetailsTable>
    }
}
