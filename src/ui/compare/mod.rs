//! `/comparer`: two or three quotes side by side — the full course against the modules
//! chosen, with or without coaching, OPCO against CPF — with the difference per line and in
//! total. The first column starts from the simulator's quote, the second from its variant
//! under the other formula; a comparison link (`/comparer?devis=A&devis=B`) opens its own.

mod actions;
mod column;
mod fields;
mod link;
mod state;
mod table;

use leptos::prelude::*;

use crate::domain::compare::{forms_from_codes, variant_of};
use crate::domain::share_link::PARAM;
use crate::edge::clock::today;
use crate::ui::context::use_app;
use crate::ui::quote_state::{use_quote_state, ArrivalNotice};
use crate::ui::router::use_router;
use crate::ui::routes::COMPARE;
use crate::ui::title::DocumentTitle;

use column::CompareColumn;
use link::ComparisonLink;
use state::Columns;
use table::ComparisonSection;

#[component]
pub fn ComparePage() -> impl IntoView {
    let app = use_app();
    let simulator = use_quote_state();
    let all: Vec<u8> = app.catalogue.modules.iter().map(|m| m.number).collect();
    let codes = use_router().address().with_untracked(|a| a.params(PARAM));
    let notice = RwSignal::new(None::<ArrivalNotice>);
    let forms = if codes.is_empty() {
        // The simulator's quote as typed, or its last valid one while the input is wrong.
        let valid = simulator.result.with_untracked(|r| r.is_ok());
        let first = if valid {
            simulator.form.get_untracked()
        } else {
            simulator
                .last_valid_form
                .get_untracked()
                .unwrap_or_default()
        };
        vec![first.clone(), variant_of(&first, &all)]
    } else {
        let arrival = forms_from_codes(&app.catalogue, &codes, today());
        notice.set(Some(ArrivalNotice {
            message: arrival.message,
            is_error: arrival.is_error,
            session: None,
        }));
        arrival.forms
    };
    let columns = Columns::new(forms, app.catalogue.clone(), today());
    view! {
        <DocumentTitle name=COMPARE.name.to_string() />
        <h1>"Comparer des devis"</h1>
        <Notice notice=notice />
        <p class="hint">"Mettez deux ou trois devis côte à côte : parcours complet ou modules choisis, avec ou sans accompagnement, financement OPCO ou CPF. Le devis 1 part du simulateur ; chaque écart se lit par rapport au devis 1."</p>
        <ColumnList columns=columns />
        <ComparisonSection columns=columns />
        <ComparisonLink columns=columns />
    }
}

/// The columns' inputs side by side, and the button adding a third.
#[component]
fn ColumnList(columns: Columns) -> impl IntoView {
    let list = move || {
        let count = columns.list.with(Vec::len);
        columns
            .list
            .get()
            .into_iter()
            .enumerate()
            .map(|(index, state)| view! { <CompareColumn index=index count=count state=state columns=columns /> })
            .collect_view()
    };
    view! {
        <div class="compare-columns">{list}</div>
        <Show when=move || columns.can_add()>
            <p class="no-print">
                <button type="button" class="secondary" on:click=move |_| columns.add()>"Ajouter une colonne"</button>
                <span class="hint">" La nouvelle colonne part du devis 1."</span>
            </p>
        </Show>
    }
}

/// How the comparison arrived from a link, until dismissed.
#[component]
fn Notice(notice: RwSignal<Option<ArrivalNotice>>) -> impl IntoView {
    move || {
        notice.get().map(|n| {
            let class = if n.is_error { "notice warn" } else { "notice" };
            view! {
                <div class=class role="status" data-testid="avis-comparaison">
                    <p>{n.message}</p>
                    <button type="button" on:click=move |_| notice.set(None)>"Fermer ce message"</button>
                </div>
            }
        })
    }
}
