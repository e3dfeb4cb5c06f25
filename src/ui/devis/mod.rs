//! `/devis`: the current quote (or the one its `?devis=CODE` carries, from a framed
//! simulator) — or, with `?brouillon=ID`, a draft's quote and client — laid out as a devis
//! to print and sign ("Bon pour accord"), or as the training contract of a person who pays
//! (`domain::agreement`), or to send by e-mail.

mod mentions;

use leptos::prelude::*;

use crate::domain::agreement::PrintedDocument;
use crate::domain::catalogue::Session;
use crate::domain::devis::{devis_number, terms_in_short};
use crate::domain::draft::ClientKind;
use crate::domain::fr::format_date_fr;
use crate::domain::mail::devis_mail;
use crate::domain::pricing::{Funding, Quote};
use crate::domain::share_link::encode;
use crate::edge::clock::today;
use crate::edge::print::print_page;
use crate::ui::context::use_app;
use crate::ui::drafts_state::use_drafts;
use crate::ui::quote_lines::QuoteLines;
use crate::ui::quote_state::use_quote_state;
use crate::ui::quote_totals::QuoteTotals;
use crate::ui::router::use_router;
use crate::ui::routes::{draft_link, DEVIS, DRAFTS, DRAFT_PARAM, SHARE_PARAM, SIMULATOR};
use crate::ui::share_panel::{arrive_from_share_link, share_link_of};
use crate::ui::title::DocumentTitle;

use mentions::{DocumentChoice, Mentions, Signatures};

#[component]
pub fn DevisPage() -> impl IntoView {
    let router = use_router();
    // A framed simulator's « Imprimer le devis » carries its quote (`share_panel::quote_page_href`).
    if router.param(SHARE_PARAM).is_some() {
        arrive_from_share_link();
    }
    let address = router.address();
    move || match address.with(|a| a.param(DRAFT_PARAM)) {
        Some(id) => view! { <DraftDevis id=id /> }.into_any(),
        None => view! { <CurrentQuoteDevis /> }.into_any(),
    }
}

/// The simulator's current quote.
#[component]
fn CurrentQuoteDevis() -> impl IntoView {
    let app = use_app();
    let state = use_quote_state();
    let simulator = app.href(SIMULATOR.path);
    move || match (state.last_quote.get(), state.last_valid_form.get()) {
        (Some(quote), Some(form)) => {
            let number = devis_number(today(), &encode(&form, &app.catalogue.version));
            let link = share_link_of(&app, &form);
            let person = state
                .draft
                .with_untracked(|d| d.as_ref().is_some_and(|d| d.person));
            let document = document_for(&quote, person);
            let session = app.catalogue.session(&form.session).cloned();
            view! { <Devis quote=quote number=number link=link client=(String::new(), String::new())
            document=document session=session /> }
            .into_any()
        }
        _ => view! {
            <DocumentTitle name=DEVIS.name.to_string() />
            <h1>"Devis"</h1>
            <p>"Aucun devis valide à imprimer pour l'instant."</p>
            <p><a href=simulator.clone()>"Composer un devis dans le simulateur"</a></p>
        }
        .into_any(),
    }
}

/// The document a quote prints as: a person's contract unless the CPF funds it.
fn document_for(quote: &Quote, person: bool) -> PrintedDocument {
    let cpf = matches!(quote.request.funding, Funding::Cpf { .. });
    PrintedDocument::for_enrolment(person, cpf)
}

/// A draft's quote, with its client's name and address (never in its e-mail).
#[component]
fn DraftDevis(id: String) -> impl IntoView {
    let app = use_app();
    let drafts = use_drafts();
    let draft = drafts.store.with_untracked(|s| s.get(&id).cloned());
    let priced = draft
        .as_ref()
        .and_then(|d| d.quote(&app.catalogue, drafts.today).map(|q| (d, q)));
    match priced {
        Some((draft, quote)) => {
            let number = devis_number(today(), &encode(&draft.form, &app.catalogue.version));
            let client = &draft.enrolment.client;
            let document = document_for(&quote, client.kind == ClientKind::Individual);
            let client = (client.name.clone(), client.address.clone());
            let link = share_link_of(&app, &draft.form);
            let session = app.catalogue.session(&draft.form.session).cloned();
            view! { <Devis quote=quote number=number link=link client=client document=document session=session /> }
                .into_any()
        }
        None => {
            let (message, href, link) = match draft {
                Some(_) => (
                    "La simulation de ce brouillon ne donne pas de devis : corrigez-la d'abord.",
                    app.href(&draft_link(&id)),
                    "Revenir au brouillon",
                ),
                None => (
                    "Ce brouillon n'existe pas (ou plus) dans ce navigateur.",
                    app.href(DRAFTS.path),
                    "Voir les brouillons",
                ),
            };
            view! {
                <DocumentTitle name=DEVIS.name.to_string() />
            <h1>"Devis"</h1>
                <p>{message}</p>
                <p><a href=href>{link}</a></p>
            }
            .into_any()
        }
    }
}

/// The devis (or the training contract) of `quote`; `link` is its share link, for its
/// e-mail.
#[component]
fn Devis(
    quote: Quote,
    number: String,
    link: String,
    client: (String, String),
    /// The document to start with (the user may switch).
    document: PrintedDocument,
    /// The quote's session, whose dates and place the mentions give.
    session: Option<Session>,
) -> impl IntoView {
    let document = RwSignal::new(document);
    let app = use_app();
    let catalogue = app.catalogue.clone();
    let mail = devis_mail(&quote, &link, &number, &catalogue).url();
    let client_name = RwSignal::new(client.0);
    let client_address = RwSignal::new(client.1);
    let terms = terms_in_short(&catalogue);
    let course = &catalogue.course;
    view! {
        <article class="devis">
            <Letterhead />
            <DocumentTitle name=Signal::derive({
                let number = number.clone();
                move || format!("{} {number}", document.get().title_fr())
            }) />
            <DocumentChoice document=document />
            <h1>{move || document.get().title_fr()}" " <span data-testid="devis-numero">{number}</span></h1>
            <p>{format!("Établi le {}", format_date_fr(quote.request.date))}</p>
            <p>{format!("Formation certifiante {} — {} ({})", course.code, course.title, course.registration)}</p>
            <section class="devis-client" aria-labelledby="titre-client">
                <h2 id="titre-client">"Client"</h2>
                <div class="field no-print">
                    <label for="devis-client-nom">"Nom ou raison sociale du client"</label>
                    <input id="devis-client-nom" type="text" maxlength="200" autocomplete="organization"
                        prop:value=move || client_name.get()
                        on:input=move |ev| client_name.set(event_target_value(&ev)) />
                </div>
                <div class="field no-print">
                    <label for="devis-client-adresse">"Adresse du client"</label>
                    <textarea id="devis-client-adresse" rows="3" maxlength="500"
                        prop:value=move || client_address.get()
                        on:input=move |ev| client_address.set(event_target_value(&ev))></textarea>
                </div>
                <p class="print-only">{move || client_name.get()}</p>
                <p class="print-only pre-line">{move || client_address.get()}</p>
            </section>
            <QuoteLines lines=quote.lines.clone() caption="Prestations, en euros hors taxes" />
            <QuoteTotals quote=quote.clone() prefix="devis-" funding_rows=false />
            {quote.vat_mention.clone().map(|m| view! { <p class="small">{m}</p> })}
            <Show when=move || document.get() == PrintedDocument::Devis>
                <section aria-labelledby="titre-conditions">
                    <h2 id="titre-conditions">"Conditions d'annulation et de report (extrait des CGV)"</h2>
                    <ul class="small">{terms.iter().map(|t| view! { <li>{t.clone()}</li> }).collect_view()}</ul>
                </section>
            </Show>
            {move || {
                let d = document.get();
                view! {
                    <Mentions document=d quote=quote.clone() session=session.clone() />
                    <Signatures document=d />
                }
            }}
            <div class="actions no-print">
                <button type="button" on:click=|_| print_page()>"Imprimer le devis"</button>
                <a href=mail data-testid="envoyer-email">"Envoyer par e-mail"</a>
                <a href=app.href(SIMULATOR.path)>"Modifier le devis dans le simulateur"</a>
            </div>
        </article>
    }
}

/// Co&Sens's letterhead: both offices, their SIRET and declaration numbers.
#[component]
fn Letterhead() -> impl IntoView {
    let catalogue = use_app().catalogue;
    let offices = catalogue
        .offices
        .iter()
        .map(|o| {
            view! {
                <div class="office">
                    <p class="office-name">{o.name.clone()}{o.head_office.then_some(" (siège social)")}</p>
                    <p>{o.address.join(", ")}</p>
                    <p>{format!("Tél. : {}", o.phone)}</p>
                    <p>{format!("{} — SIRET : {}", o.legal_form, o.siret)}</p>
                    <p>{format!("Déclaration d'activité n° {}", o.declaration_number)}</p>
                </div>
            }
        })
        .collect_view();
    view! {
        <header class="devis-head">
            <div class="devis-offices">{offices}</div>
            <p class="small">{catalogue.declaration_note.clone()}</p>
        </header>
    }
}
