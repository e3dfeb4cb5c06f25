//! "Voir les jours comptés": the jours ouvrables counted and the holidays left out.

use leptos::prelude::*;

use crate::domain::cancellation::{CancellationOutcome, COUNTED_DAYS_CAP};
use crate::domain::fr::format_date_fr;

/// "Voir les jours comptés": the jours ouvrables counted and the holidays left out.
#[component]
pub fn CountedDays(outcome: CancellationOutcome) -> impl IntoView {
    let o = outcome;
    let listed = o.counted_days.len();
    let more = usize::try_from(o.working_days).is_ok_and(|n| n > listed);
    let days = o
        .counted_days
        .iter()
        .map(|d| view! { <li>{format_date_fr(*d)}</li> })
        .collect_view();
    let holidays = o
        .holidays_skipped
        .iter()
        .map(|(d, name)| view! { <li>{format!("{name} — {}", format_date_fr(*d))}</li> })
        .collect_view();
    let no_holiday = o.holidays_skipped.is_empty();
    view! {
        <details class="disclosure counted-days">
            <summary>"Voir les jours comptés"</summary>
            <p class="small">{format!(
                "Jours ouvrables (du lundi au samedi, hors jours fériés) strictement entre le {} et le {} : {}.",
                format_date_fr(o.notified), format_date_fr(o.start), o.working_days
            )}</p>
            {more.then(|| view! {
                <p class="small">{format!("Seuls les {} premiers sont listés ({} au plus).", listed, COUNTED_DAYS_CAP)}</p>
            })}
            {if listed == 0 {
                view! { <p class="small">"Aucun jour ouvrable entre ces deux dates."</p> }.into_any()
            } else {
                view! { <ol class="counted-list">{days}</ol> }.into_any()
            }}
            <h4>"Jours fériés non comptés"</h4>
            {if no_holiday {
                view! { <p class="small">"Aucun jour férié tombant du lundi au samedi entre ces deux dates."</p> }.into_any()
            } else {
                view! { <ul>{holidays}</ul> }.into_any()
            }}
        </details>
    }
}
