//! A quote's totals as a list (label, amount): one component for the simulator, a draft
//! and the devis, drawn from the domain's one list of totals (`pricing::total_rows`), so
//! that what each shows adds up the same way. Each amount carries the test id of its
//! figure after the screen's prefix (`devis-total-ttc`).

use leptos::prelude::*;

use crate::domain::pricing::{total_rows, Quote};

/// The totals of `quote`, their test ids after `prefix`; `funding_rows` as
/// [`total_rows`] takes it.
#[component]
pub fn QuoteTotals(quote: Quote, prefix: &'static str, funding_rows: bool) -> impl IntoView {
    let rows = total_rows(&quote, funding_rows)
        .into_iter()
        .map(|row| {
            let testid = format!("{prefix}{}", row.kind.key());
            let class = row.kind.is_headline().then_some("big");
            let amount = row.amount_fr();
            view! { <dt>{row.label}</dt><dd data-testid=testid class=class>{amount}</dd> }
        })
        .collect_view();
    view! { <dl class="totals">{rows}</dl> }
}
