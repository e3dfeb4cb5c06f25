//! The comparison: a sentence per quote against the first, then the table — one row per
//! kind of line, then the totals; a column per quote and per difference from the first.

use leptos::prelude::*;

use crate::domain::compare::{compare_quotes, format_difference, Comparison, ComparisonRow};
use crate::domain::money::format_eur;

use super::state::Columns;

#[component]
pub fn ComparisonSection(columns: Columns) -> impl IntoView {
    let comparison = Memo::new(move |_| columns.quotes().map(|q| compare_quotes(&q)));
    let verdicts = move || {
        comparison.with(|c| match c {
            Some(c) => c.verdicts.iter().map(|v| view! { <li>{v.clone()}</li> }).collect_view().into_any(),
            None => view! { <li>"Un devis n'a pas encore de saisie valide : corrigez-la pour le comparer."</li> }.into_any(),
        })
    };
    view! {
        <section class="comparison">
            <h2 id="titre-comparaison">"Comparaison"</h2>
            <ul class="verdicts" aria-live="polite" aria-atomic="true" data-testid="ecarts">{verdicts}</ul>
            <div class="table-wrap" tabindex="0" role="region" aria-labelledby="titre-comparaison">
                {move || comparison.get().map(|c| view! { <ComparisonTable comparison=c /> })}
            </div>
        </section>
    }
}

#[component]
fn ComparisonTable(comparison: Comparison) -> impl IntoView {
    let heads = comparison
        .headers
        .iter()
        .zip(&comparison.summaries)
        .map(|(h, s)| view! { <th scope="col" class="num">{h.clone()}<span class="column-summary">{s.clone()}</span></th> })
        .collect_view();
    let difference_heads = comparison
        .difference_headers
        .iter()
        .map(|h| view! { <th scope="col" class="num">{h.clone()}</th> })
        .collect_view();
    let lines = comparison.lines.iter().map(row).collect_view();
    let totals = comparison.totals.iter().map(row).collect_view();
    view! {
        <table class="compare-table" data-testid="comparaison">
            <caption class="small">"Lignes en euros hors taxes, puis les totaux ; chaque écart est le montant du devis moins celui du devis 1. « — » : ligne absente de ce devis."</caption>
            <thead><tr><th scope="col">"Prestation"</th>{heads}{difference_heads}</tr></thead>
            <tbody>{lines}</tbody>
            <tbody class="compare-totals">{totals}</tbody>
        </table>
    }
}

/// A row: its label, each quote's amount (« — » where the quote has no such line), each
/// difference. Cells carry `devis-N-KEY` and `ecart-N-KEY` test ids.
fn row(r: &ComparisonRow) -> impl IntoView {
    let key = r.kind.key();
    let amounts = r
        .amounts
        .iter()
        .enumerate()
        .map(|(i, a)| {
            let text = match a {
                Some(a) => view! { {format_eur(*a)} }.into_any(),
                None => view! { <span aria-hidden="true">"—"</span><span class="visually-hidden">"ligne absente"</span> }.into_any(),
            };
            view! { <td class="num" data-testid=format!("devis-{}-{key}", i + 1)>{text}</td> }
        })
        .collect_view();
    let differences = r
        .differences
        .iter()
        .enumerate()
        .map(|(i, d)| view! { <td class="num diff" data-testid=format!("ecart-{}-{key}", i + 2)>{format_difference(*d)}</td> })
        .collect_view();
    view! { <tr><th scope="row">{r.label.clone()}</th>{amounts}{differences}</tr> }
}
