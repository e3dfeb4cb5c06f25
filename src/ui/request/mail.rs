//! "Envoyer par e-mail": the draft's quote in a message to Co&Sens's registration address,
//! the enrolment request to attach. Only the quote goes in the link, never the draft's
//! client or trainees (`domain::mail::draft_mail` is never given the draft).

use leptos::prelude::*;

use crate::domain::mail::draft_mail;
use crate::ui::context::use_app;
use crate::ui::draft_view::DraftView;
use crate::ui::share_panel::share_link_of;

#[component]
pub fn DraftMail(v: DraftView) -> impl IntoView {
    let app = use_app();
    let to = app.catalogue.course.registration_email.clone();
    let href = Memo::new(move |_| {
        let link = v
            .draft
            .with(|d| d.as_ref().map(|d| share_link_of(&app, &d.form)))?;
        v.priced.with(|p| match p {
            Some(Ok(quote)) => Some(draft_mail(quote, &link, &app.catalogue).url()),
            _ => None,
        })
    });
    view! {
        <Show when=move || href.with(Option::is_some)>
            <div class="toolbar">
                <a class="button secondary" href=move || href.get().unwrap_or_default()
                    aria-describedby="aide-email-brouillon" data-testid="envoyer-email">"Envoyer par e-mail"</a>
            </div>
            <p id="aide-email-brouillon" class="hint">{format!(
                "Ouvre votre messagerie avec un message à {to} : le devis et son lien, sans nom, e-mail ni téléphone. Joignez-y la demande d'inscription téléchargée avec « Exporter en JSON »."
            )}</p>
        </Show>
    }
}
