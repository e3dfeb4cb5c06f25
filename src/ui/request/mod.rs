//! `/demande?brouillon=ID`: a draft's enrolment request — what it still lacks, its quote,
//! and how to send it to Co&Sens (a JSON file, the clipboard, an e-mail). Its own page, so
//! that the draft's page, where the details are typed, carries none of the sending.

mod mail;
mod send;

use leptos::prelude::*;

use crate::domain::pricing::Quote;
use crate::ui::context::use_app;
use crate::ui::draft_check::Checklist;
use crate::ui::draft_view::{DraftView, NoQuote};
use crate::ui::drafts_state::use_drafts;
use crate::ui::quote_lines::QuoteLines;
use crate::ui::quote_totals::QuoteTotals;
use crate::ui::router::use_router;
use crate::ui::routes::{draft_link, DRAFTS, DRAFT_PARAM, REQUEST};
use crate::ui::storage_messages::StorageMessages;
use crate::ui::title::DocumentTitle;

use send::SendSection;

#[component]
pub fn RequestPage() -> impl IntoView {
    let drafts = use_drafts();
    let address = use_router().address();
    move || {
        let id = address
            .with(|a| a.param(DRAFT_PARAM))
            .filter(|id| drafts.store.with_untracked(|s| s.get(id).is_some()));
        match id {
            Some(id) => view! { <DraftRequest id=id /> }.into_any(),
            None => view! { <NoDraft /> }.into_any(),
        }
    }
}

#[component]
fn NoDraft() -> impl IntoView {
    let app = use_app();
    view! {
        <DocumentTitle name=REQUEST.name.to_string() />
        <h1>{REQUEST.name}</h1>
        <p role="alert" data-testid="demande-introuvable">"Ce brouillon n'existe pas (ou plus) dans ce navigateur : ouvrez la demande depuis la page du brouillon."</p>
        <p><a href=app.href(DRAFTS.path)>"Revenir à la liste des brouillons"</a></p>
    }
}

#[component]
fn DraftRequest(id: String) -> impl IntoView {
    let app = use_app();
    let v = DraftView::new(use_drafts(), id.clone());
    let status = RwSignal::new(None::<String>);
    let name = move || {
        v.draft
            .with(|d| d.as_ref().map(|d| d.name.clone()).unwrap_or_default())
    };
    let href_draft = app.href(&draft_link(&id));
    view! {
        <nav aria-label="Fil d'Ariane" class="breadcrumb">
            <a href=app.href(DRAFTS.path)>"Brouillons"</a>
            " › "
            <a href=href_draft.clone()>{name}</a>
            " › "
            <span aria-current="page">{REQUEST.name}</span>
        </nav>
        <DocumentTitle name=Signal::derive(move || format!("{} « {} »", REQUEST.name, name())) />
        <h1>{REQUEST.name}" : "{name}</h1>
        <p class="hint">"Un document JSON à envoyer à Co&Sens : client, stagiaires, sélection, financement et devis détaillé. Rien n'est envoyé sans vous : téléchargez-le ou copiez-le, puis joignez-le à votre message."</p>
        <StorageMessages />
        <p role="status" aria-live="polite" class="draft-status" data-testid="statut-demande">{move || status.get()}</p>
        <div class="layout-2">
            <div>
                <section aria-labelledby="titre-verification">
                    <h2 id="titre-verification">"Vérification"</h2>
                    <Checklist problems=v.problems />
                    <p><a href=href_draft>"Compléter le brouillon"</a></p>
                </section>
                <SendSection v=v status=status />
            </div>
            <section class="results" aria-labelledby="titre-devis-demande">
                <h2 id="titre-devis-demande">"Devis de la demande"</h2>
                {move || v.priced.get().map(|p| match p {
                    Ok(q) => view! { <RequestQuote quote=q /> }.into_any(),
                    Err(errors) => view! { <NoQuote errors=errors testid="demande-devis-invalide" /> }.into_any(),
                })}
            </section>
        </div>
    }
}

/// The request's quote: its lines and totals.
#[component]
fn RequestQuote(quote: Quote) -> impl IntoView {
    view! {
        <QuoteLines lines=quote.lines.clone() caption="Lignes du devis, en euros hors taxes" />
        <QuoteTotals quote=quote.clone() prefix="demande-" funding_rows=true />
        {quote.vat_mention.clone().map(|m| view! { <p class="small">{m}</p> })}
    }
}
