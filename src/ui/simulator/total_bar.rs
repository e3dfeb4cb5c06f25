//! The compact total bar: the TTC total and what is left to pay, kept in view at the
//! bottom of a phone's screen while the form is edited (CSS `position: sticky`).
//!
//! It is also the simulator's one live region, and it speaks only once the user pauses:
//! the figures on screen follow every keystroke, but the sentence read to screen readers
//! (`pricing::answer_fr`) is updated [`ANNOUNCE_AFTER`] after the last change, so typing
//! "12" in "Nombre de stagiaires" is announced once, for 12, not for 1 then 12. Announcing
//! only on `change` (the field left) would stay silent for a user who types and then reads
//! on; a short pause is the moment a sighted user would glance at the total too.

use std::time::Duration;

use leptos::prelude::*;

use crate::domain::pricing::{answer_fr, total_rows, TotalKind};
use crate::ui::quote_state::use_quote_state;

/// The pause after the last change before the new total is announced.
const ANNOUNCE_AFTER: Duration = Duration::from_millis(800);

#[component]
pub fn TotalBar() -> impl IntoView {
    let state = use_quote_state();
    let answer = move || state.last_quote.with(|q| q.as_ref().map(answer_fr));
    let announced = RwSignal::new(
        state
            .last_quote
            .with_untracked(|q| q.as_ref().map(answer_fr))
            .unwrap_or_default(),
    );
    let pending = StoredValue::new(None::<TimeoutHandle>);
    let cancel = move || {
        if let Some(handle) = pending.get_value() {
            handle.clear();
        }
    };
    Effect::new(move |previous: Option<Option<String>>| {
        let text = answer();
        if previous.is_some_and(|p| p != text) {
            cancel();
            let next = text.clone().unwrap_or_default();
            let handle = set_timeout_with_handle(move || announced.set(next), ANNOUNCE_AFTER);
            pending.set_value(handle.ok());
        }
        text
    });
    on_cleanup(cancel);
    let figure = move |kind: TotalKind| {
        move || {
            state.last_quote.with(|q| {
                q.as_ref()
                    .and_then(|q| total_rows(q, true).into_iter().find(|r| r.kind == kind))
                    .map(|r| r.amount_fr())
                    .unwrap_or_default()
            })
        }
    };
    view! {
        <div class="total-bar no-print">
            <p class="total-bar-figures" aria-hidden="true">
                <span>"Total TTC "<strong data-testid="barre-total-ttc">{figure(TotalKind::Ttc)}</strong></span>
                <span>"Reste à charge "<strong data-testid="barre-reste-a-charge">{figure(TotalKind::Remaining)}</strong></span>
            </p>
            <p class="visually-hidden" aria-live="polite" aria-atomic="true">{move || announced.get()}</p>
        </div>
    }
}
