//! "Ajouter à mon agenda": the outcome's deadlines and the start as an iCalendar file.

use leptos::prelude::*;

use crate::domain::cancellation::CancellationOutcome;
use crate::domain::ics::{calendar_file_name, outcome_calendar, MIME};
use crate::edge::clock::now_utc;
use crate::edge::files::download_text;
use crate::ui::context::use_app;

/// A button that downloads the deadlines of `outcome` as a `.ics` file, and what became
/// of it.
#[component]
pub fn AgendaButton(outcome: CancellationOutcome) -> impl IntoView {
    let catalogue = use_app().catalogue.clone();
    let status = RwSignal::new(String::new());
    let file = calendar_file_name(&outcome);
    let download = move |_| {
        let text = outcome_calendar(&outcome, &catalogue, now_utc());
        status.set(match download_text(&file, &text, MIME) {
            Ok(()) => format!("Fichier d'agenda téléchargé : {file}. Ouvrez-le avec votre agenda (Outlook, Google Agenda, Calendrier…) pour y ajouter ces dates."),
            Err(_) => "Le navigateur n'a pas pu créer le fichier d'agenda : notez les dates ci-dessus.".to_string(),
        });
    };
    view! {
        <div class="actions">
            <button type="button" class="secondary" aria-describedby="aide-agenda" on:click=download>"Ajouter à mon agenda"</button>
        </div>
        <p id="aide-agenda" class="hint">"Un fichier .ics avec chaque date limite et le démarrage, en journées entières."</p>
        <p role="status" class="small" data-testid="statut-agenda">{move || status.get()}</p>
    }
}
