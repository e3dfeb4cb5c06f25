//! A quote's lines as a table (label, unit price HT, quantity, total HT): one component for
//! the simulator, a draft and the devis.

use leptos::prelude::*;

use crate::domain::money::format_eur;
use crate::domain::pricing::QuoteLine;

/// The table of `lines` under `caption`; with `explained`, each label is followed by how
/// its line was computed.
#[component]
pub fn QuoteLines(
    lines: Vec<QuoteLine>,
    caption: &'static str,
    #[prop(optional)] explained: bool,
) -> impl IntoView {
    let rows = lines
        .into_iter()
        .map(|l| {
            let explanation = explained
                .then(|| view! { <span class="explain">{format!(" — {}", l.explanation)}</span> });
            view! {
                <tr>
                    <th scope="row">{l.label}{explanation}</th>
                    <td class="num">{format_eur(l.unit_ht)}</td>
                    <td class="num">{l.quantity}</td>
                    <td class="num">{format_eur(l.total_ht)}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <div class="table-wrap">
            <table>
                <caption class="small">{caption}</caption>
                <thead><tr><th scope="col">"Prestation"</th><th scope="col" class="num">"Prix unitaire HT"</th><th scope="col" class="num">"Quantité"</th><th scope="col" class="num">"Total HT"</th></tr></thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
    }
}
