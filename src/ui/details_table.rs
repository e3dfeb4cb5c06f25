//! A table of details folded under its title: a region that scrolls within its own box, a
//! caption, the column headers (numeric ones aligned right), and rows that reflow into
//! labelled lines on a phone (each cell carries its column's name in `data-label`).

use leptos::prelude::*;

/// A column: its header, and whether it holds numbers.
pub type Column = (&'static str, bool);

#[component]
pub fn DetailsTable(
    /// The class of the `<details>` (e.g. `modules-detail`).
    class: &'static str,
    title_id: &'static str,
    title: &'static str,
    testid: &'static str,
    caption: &'static str,
    columns: &'static [Column],
    children: Children,
) -> impl IntoView {
    let headers = columns
        .iter()
        .map(
            |&(name, numeric)| view! { <th scope="col" class=numeric.then_some("num")>{name}</th> },
        )
        .collect_view();
    view! {
        <details class=format!("disclosure {class}")>
        <summary id=title_id>{title}</summary>
        <div class="table-wrap" tabindex="0" role="region" aria-labelledby=title_id>
            <table class="reflow" data-testid=testid>
                <caption class="small">{caption}</caption>
                <thead><tr>{headers}</tr></thead>
                <tbody>{children()}</tbody>
            </table>
        </div>
        </details>
    }
}
