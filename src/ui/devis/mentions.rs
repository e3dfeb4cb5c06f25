//! What makes the printed quote bind: the document chosen (a devis, or a trainee's training
//! contract), its mentions under their own headings (`domain::agreement`), blanks where the
//! data file lacks a text, and the block it is signed in.

use leptos::prelude::*;

use crate::domain::agreement::{mentions, PrintedDocument};
use crate::domain::catalogue::Session;
use crate::domain::pricing::Quote;
use crate::ui::context::use_app;
use crate::ui::form::ChoiceSelect;

/// « Document » (not printed): a devis or a training contract.
#[component]
pub fn DocumentChoice(document: RwSignal<PrintedDocument>) -> impl IntoView {
    let options = PrintedDocument::ALL
        .iter()
        .map(|d| (d.key().to_string(), d.choice_fr().to_string()))
        .collect();
    view! {
        <div class="no-print">
            <ChoiceSelect id="document-imprime" label="Document" options=options
                hint=Signal::derive(|| "Un particulier qui s'inscrit et paie lui-même signe un contrat de formation professionnelle ; une entreprise, un devis qui vaut convention.".to_string())
                value=Signal::derive(move || document.get().key().to_string())
                on_change=Callback::new(move |v: String| document.set(PrintedDocument::from_key(&v).unwrap_or_default())) />
        </div>
    }
}

/// The document's mentions, on a page of their own when printed.
#[component]
pub fn Mentions(
    document: PrintedDocument,
    quote: Quote,
    session: Option<Session>,
) -> impl IntoView {
    let items = mentions(document, &use_app().catalogue, &quote, session.as_ref())
        .into_iter()
        .map(|m| {
            let body = if m.is_blank() {
                view! { <p class="blank-to-fill" data-testid="mention-a-completer">"À compléter : "</p> }.into_any()
            } else {
                m.paragraphs.into_iter().map(|p| view! { <p>{p}</p> }).collect_view().into_any()
            };
            view! { <section class="mention"><h3>{m.heading}</h3>{body}</section> }
        })
        .collect_view();
    view! {
        <section class="devis-mentions" aria-labelledby="titre-mentions" data-testid="mentions">
            <h2 id="titre-mentions">{format!("Mentions ({})", document.article_fr())}</h2>
            {items}
        </section>
    }
}

/// The block the document is signed in: date, place, and its two boxes.
#[component]
pub fn Signatures(document: PrintedDocument) -> impl IntoView {
    let block = document.signature_block();
    view! {
        <section class="bon-pour-accord" aria-labelledby="titre-signatures">
            <h2 id="titre-signatures">{block.heading}</h2>
            <p class="small">{block.note}</p>
            <div class="accord-grid">
                <p>"Date :"</p>
                <p>"Lieu :"</p>
                <p class="accord-box">{block.boxes[0]}</p>
                <p class="accord-box">{block.boxes[1]}</p>
            </div>
        </section>
    }
}
