//! A button that downloads an iCalendar file (`domain::ics`), and what became of it: the
//! cancellation's deadlines, a session's days.

use leptos::prelude::*;

use crate::domain::ics::MIME;
use crate::edge::files::download_text;

/// `label` downloads `file`, whose text `text` writes when clicked; `describedby` names
/// the element that says what the file holds.
#[component]
pub fn CalendarButton(
    label: &'static str,
    file: String,
    text: Callback<(), String>,
    #[prop(into)] describedby: String,
) -> impl IntoView {
    let status = RwSignal::new(String::new());
    let download = move |_| {
        status.set(match download_text(&file, &text.run(()), MIME) {
            Ok(()) => format!("Fichier d'agenda téléchargé : {file}. Ouvrez-le avec votre agenda (Outlook, Google Agenda, Calendrier…) pour y ajouter ces dates."),
            Err(_) => "Le navigateur n'a pas pu créer le fichier d'agenda : notez les dates ci-dessus.".to_string(),
        });
    };
    view! {
        <div class="actions no-print">
            <button type="button" class="secondary" aria-describedby=describedby on:click=download>{label}</button>
        </div>
        <p role="status" class="small" data-testid="statut-agenda">{move || status.get()}</p>
    }
}
