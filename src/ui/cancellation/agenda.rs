//! "Ajouter à mon agenda": the outcome's deadlines and the start as an iCalendar file.

use leptos::prelude::*;

use crate::domain::cancellation::CancellationOutcome;
use crate::domain::ics::{calendar_file_name, outcome_calendar};
use crate::edge::clock::now_utc;
use crate::ui::calendar_button::CalendarButton;
use crate::ui::context::use_app;

/// A button that downloads the deadlines of `outcome` as a `.ics` file, and what became
/// of it.
#[component]
pub fn AgendaButton(outcome: CancellationOutcome) -> impl IntoView {
    let catalogue = use_app().catalogue.clone();
    let file = calendar_file_name(&outcome);
    let text = Callback::new(move |()| outcome_calendar(&outcome, &catalogue, now_utc()));
    view! {
        <CalendarButton label="Ajouter à mon agenda" file=file text=text describedby="aide-agenda" />
        <p id="aide-agenda" class="hint">"Un fichier .ics avec chaque date limite et le démarrage, en journées entières."</p>
    }
}
