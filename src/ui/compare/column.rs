//! One column of the comparison: its heading, what the quote is, its inputs, its actions.

use leptos::prelude::*;

use crate::domain::compare::{quote_name, summary};
use crate::domain::pricing::{FormulaCode, QuoteField};
use crate::ui::context::use_app;
use crate::ui::form::ChoiceSelect;
use crate::ui::quote_state::QuoteState;

use super::actions::ColumnActions;
use super::fields::{CountFields, FundingFields};
use super::state::Columns;

/// The column at `index` (of `count`): ids start with `c1-`, labels end with « (devis 1) ».
#[component]
pub fn CompareColumn(
    index: usize,
    count: usize,
    state: QuoteState,
    columns: Columns,
) -> impl IntoView {
    let name = quote_name(index);
    let prefix = format!("c{}", index + 1);
    let heading_id = format!("titre-{prefix}");
    let heading = NodeRef::<leptos::html::H2>::new();
    // After an add or a removal, the heading of the column concerned takes the focus.
    Effect::new(move |_| {
        if columns.focus.get() == Some(index) {
            if let Some(h) = heading.get() {
                let _ = h.focus();
                columns.focus.set(None);
            }
        }
    });
    let description = move || {
        let quote = state.last_quote.get();
        quote.map(|q| summary(&q)).unwrap_or_default()
    };
    let invalid = move || state.result.with(|r| r.is_err());
    let remove_label = format!(" ({})", name.to_lowercase());
    view! {
        <section class="compare-column" aria-labelledby=heading_id.clone() data-testid=format!("colonne-{}", index + 1)>
            <h2 id=heading_id.clone() tabindex="-1" node_ref=heading>{name.clone()}</h2>
            <p class="small">{description}</p>
            <form on:submit=|ev| ev.prevent_default() aria-label=format!("Paramètres du {}", name.to_lowercase())>
                <FormulaFields state=state prefix=prefix.clone() suffix=name.to_lowercase() />
                <CountFields state=state prefix=prefix.clone() suffix=name.to_lowercase() />
                <FundingFields state=state prefix=prefix.clone() suffix=name.to_lowercase() />
            </form>
            <Show when=invalid>
                <p class="notice warn" role="status">"Saisie incomplète ou invalide : le dernier devis valide de cette colonne reste comparé."</p>
            </Show>
            <ColumnActions state=state prefix=prefix.clone() suffix=name.to_lowercase() />
            {(count > 2).then(|| view! {
                <p class="no-print">
                    <button type="button" class="secondary danger" on:click=move |_| columns.remove(index)>
                        "Retirer ce devis"<span class="visually-hidden">{remove_label}</span>
                    </button>
                </p>
            })}
        </section>
    }
}

/// The formula as a select, and a checkbox per module (unticking one of the full course
/// switches to the modular formula, as in the simulator).
#[component]
fn FormulaFields(state: QuoteState, prefix: String, suffix: String) -> impl IntoView {
    let app = use_app();
    let form = state.form;
    let all: Vec<u8> = app.catalogue.modules.iter().map(|m| m.number).collect();
    let boxes = all
        .iter()
        .map(|&n| {
            let id = format!("{prefix}-module-{n}");
            let all = all.clone();
            view! {
                <div class="choice">
                    <input type="checkbox" id=id.clone()
                        prop:checked=move || form.read().module_ticked(n)
                        on:change=move |ev| { let ticked = event_target_checked(&ev); form.update(|f| f.set_module(n, ticked, &all)); } />
                    <label for=id>{format!("Module {n}")}<span class="visually-hidden">{format!(" ({suffix})")}</span></label>
                </div>
            }
        })
        .collect_view();
    let error_id = format!("erreur-{prefix}-modules");
    let modules_error = state.field_error(QuoteField::Modules);
    view! {
        <ChoiceSelect id=format!("{prefix}-formule") label=format!("Formule ({suffix})") options=FormulaCode::choices()
            value=Signal::derive(move || if form.read().full_course { FormulaCode::Full } else { FormulaCode::Modular }.key().to_string())
            on_change=Callback::new(move |v: String| form.update(|f| f.choose_full_course(v == FormulaCode::Full.key()))) />
        <fieldset class="module-ticks" aria-describedby=error_id.clone()>
            <legend>{format!("Modules ({suffix})")}</legend>
            {boxes}
            <p id=error_id.clone() class="error-text" aria-live="polite">{move || modules_error.get()}</p>
        </fieldset>
    }
}
