//! The interruption's lines: each module's start, state and split.

use leptos::prelude::*;

use crate::domain::cancellation::ModuleLine;
use crate::domain::cancellation_text::{line_name_fr, line_start_fr, line_status_fr};
use crate::domain::money::format_eur;
use crate::ui::context::use_app;
use crate::ui::details_table::{Column, DetailsTable};

const COLUMNS: &[Column] = &[
    ("Module", false),
    ("Début", false),
    ("Situation", false),
    ("Prix HT", true),
    ("Journées suivies HT", true),
    ("Absence ou annulation HT", true),
    ("Dû HT", true),
];

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
        <DetailsTable class="modules-detail" title_id="titre-detail-modules" title="Détail par module"
            testid="modules-interruption" columns=COLUMNS
            caption="Montants hors taxes ; seules les journées suivies peuvent être prises en charge par un OPCO.">
            {rows}
        </DetailsTable>
    }
}
