//! A quote's lines as a table (label, unit price HT, quantity, total HT): one component for
//! the simulator, a draft and the devis. Each line shows its label only; how it was
//! computed is the simulator's « Comment ces montants sont calculés ». On a narrow screen
//! each row becomes a block whose cells name their column (`data-label`, see the CSS).

use leptos::prelude::*;

use crate::domain::money::format_eur;
use crate::domain::pricing::QuoteLine;

/// The table of `lines` under `caption`.
#[component]
pub fn QuoteLines(lines: Vec<QuoteLine>, caption: &'static str) -> impl IntoView {
    let rows = lines
        .into_iter()
        .map(|l| {
            view! {
                <tr>
                    <th scope="row">{l.label}</th>
                    <td class="num" data-label="Prix unitaire HT">{format_eur(l.unit_ht)}</td>
                    <td class="num" data-label="Quantité">{l.quantity}</td>
                    <td class="num" data-label="Total HT">{format_eur(l.total_ht)}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <div class="table-wrap">
            <table class="reflow">
                <caption class="small">{caption}</caption>
                <thead><tr><th scope="col">"Prestation"</th><th scope="col" class="num">"Prix unitaire HT"</th><th scope="col" class="num">"Quantité"</th><th scope="col" class="num">"Total HT"</th></tr></thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
    }
}
