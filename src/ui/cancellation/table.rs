//! The interruption's lines: each module's start, state and split.

use leptos::prelude::*;

use crate::domain::cancellation::ModuleLine;
use crate::domain::cancellation_text::{line_name_fr, line_start_fr, line_status_fr};
use crate::domain::money::format_eur;
use crate::ui::context::use_app;

#[component]
pub fn ModulesTable(lines: Vec<ModuleLine>) -> impl IntoView {
    let terms = use_app().catalogue.cancellation.clone();
    let rows = lines
        .iter()
        .map(|l| {
            view! {
                <tr>
                    <th scope="row">{line_name_fr(l)}</th>
                    <td data-label="Début">{line_start_fr(l)}</td>
                    <td data-label="Situation">{line_status_fr(l, &terms)}</td>
                    <td class="num" data-label="Prix HT">{format_eur(l.amount_ht)}</td>
                    <td class="num" data-label="Journées suivies HT">{format_eur(l.attended_ht)}</td>
                    <td class="num" data-label="Absence ou annulation HT">{format_eur(l.client_only_ht)}</td>
                    <td class="num" data-label="Dû HT">{format_eur(l.due_ht)}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <details class="disclosure modules-detail">
        <summary id="titre-detail-modules">"Détail par module"</summary>
        <div class="table-wrap" tabindex="0" role="region" aria-labelledby="titre-detail-modules">
            <table class="reflow" data-testid="modules-interruption">
                <caption class="small">"Montants hors taxes ; seules les journées suivies peuvent être prises en charge par un OPCO."</caption>
                <thead>
                    <tr>
                        <th scope="col">"Module"</th>
                        <th scope="col">"Début"</th>
                        <th scope="col">"Situation"</th>
                        <th scope="col" class="num">"Prix HT"</th>
                        <th scope="col" class="num">"Journées suivies HT"</th>
                        <th scope="col" class="num">"Absence ou annulation HT"</th>
                        <th scope="col" class="num">"Dû HT"</th>
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
        </details>
    }
}
