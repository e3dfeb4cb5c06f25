//! Share links: the simulator's "Lien de partage" panel (with "Envoyer par e-mail"), the
//! field that copies a link (the comparison's too), the link of any quote's inputs, and a
//! link's arrival on the simulator's page (decoded, loaded into the simulator, with a
//! notice).

use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::domain::mail::quote_mail;
use crate::domain::quote_form::QuoteForm;
use crate::domain::share_link::{decode_for, encode, share_url, PARAM};
use crate::edge::clipboard::copy_text;
use crate::edge::clock::today;
use crate::edge::location::is_framed;
use crate::ui::context::{use_app, AppContext};
use crate::ui::quote_state::{use_quote_state, ArrivalNotice};
use crate::ui::router::use_router;
use crate::ui::routes::{DEVIS, SIMULATOR};

/// The share link of the quote `form` gives, on this site: it opens the simulator's page.
pub fn share_link_of(app: &AppContext, form: &QuoteForm) -> String {
    share_url(
        &app.url(SIMULATOR.path),
        &encode(form, &app.catalogue.version),
    )
}

/// The link to the page at `path` (the devis's, the comparison's) that shows this tab's
/// quote `form`: plain, the page reading this tab's storage (a CPF balance included); or,
/// framed in another site, whose new tab does not share the frame's storage, carrying the
/// quote as its share code (without a CPF balance, as a share link).
pub fn quote_page_href(app: &AppContext, path: &str, form: Option<&QuoteForm>) -> String {
    match form {
        Some(form) if is_framed() => {
            share_url(&app.href(path), &encode(form, &app.catalogue.version))
        }
        _ => app.href(path),
    }
}

/// The link to the last valid quote, a button that copies it, the message that sends it,
/// and the way to the devis.
#[component]
pub fn SharePanel() -> impl IntoView {
    let app = use_app();
    let state = use_quote_state();
    let catalogue = app.catalogue.clone();
    let link_app = app.clone();
    let devis_app = app.clone();
    let devis = move || {
        state
            .last_valid_form
            .with(|f| quote_page_href(&devis_app, DEVIS.path, f.as_ref()))
    };
    let link = Memo::new(move |_| {
        state
            .last_valid_form
            .with(|f| f.as_ref().map(|f| share_link_of(&link_app, f)))
            .unwrap_or_default()
    });
    let mail = Memo::new(move |_| {
        state.last_quote.with(|q| {
            q.as_ref()
                .map(|q| quote_mail(q, &link.get(), &catalogue).url())
                .unwrap_or_default()
        })
    });
    view! {
        <section class="share" aria-labelledby="titre-partage">
            <h3 id="titre-partage">"Partager ou imprimer ce devis"</h3>
            <LinkToCopy name="partage" label="Lien de partage" copy_label="Copier le lien" link=link
                hint="Le lien ne contient que la sélection (formule, modules, stagiaires, options, financement) : aucune donnée personnelle ni solde CPF. Les prix sont recalculés à l'ouverture.">
                <Show when=move || mail.with(|m| !m.is_empty())>
                    <a href=move || mail.get() aria-describedby="aide-partage" data-testid="envoyer-email">"Envoyer par e-mail"</a>
                </Show>
                <a href=devis>"Imprimer le devis"</a>
            </LinkToCopy>
        </section>
    }
}

/// A link to copy: its label, the read-only field (all of it selected when focused), the
/// hint that says what it carries, « `copy_label` » with the status it gives (copied, or
/// why not), and the screen's other `children` actions beside that button. `name` names
/// the parts: the field `lien-{name}` (also its test id), `aide-{name}`, `statut-{name}`.
#[component]
pub fn LinkToCopy(
    name: &'static str,
    label: &'static str,
    hint: &'static str,
    copy_label: &'static str,
    link: Memo<String>,
    #[prop(optional)] children: Option<Children>,
) -> impl IntoView {
    let field = format!("lien-{name}");
    let help = format!("aide-{name}");
    let status_id = format!("statut-{name}");
    let status = RwSignal::new(String::new());
    let copy = move |_| {
        let text = link.get_untracked();
        spawn_local(async move { status.set(copy_link(&text).await) });
    };
    view! {
        <div class="field">
            <label for=field.clone()>{label}</label>
            <input id=field.clone() type="text" readonly data-testid=field
                aria-describedby=format!("{help} {status_id}")
                prop:value=move || link.get()
                on:focus=|ev| { event_target::<web_sys::HtmlInputElement>(&ev).select() } />
            <p id=help class="hint">{hint}</p>
        </div>
        <div class="actions">
            <button type="button" on:click=copy>{copy_label}</button>
            {children.map(|c| c())}
        </div>
        <p id=status_id role="status" class="small">{move || status.get()}</p>
    }
}

/// Puts `link` on the clipboard; says that it did, or why not.
pub async fn copy_link(link: &str) -> String {
    match copy_text(link).await {
        Ok(()) => "Lien copié dans le presse-papiers.".to_owned(),
        Err(message) => message,
    }
}

/// Handles `?devis=…` on the simulator's page: loads the shared selection (prices
/// recomputed from the catalogue), with a notice, and drops the code from the address; a
/// link that cannot be read leaves the quote as it was and says why. (A link to the site's
/// root, as sent before the simulator had a page of its own, is sent here by the page's
/// first script, in `index.html`; a comparison link is the comparison's own.)
pub fn arrive_from_share_link() {
    let app = use_app();
    let state = use_quote_state();
    let router = use_router();
    let Some(code) = router.param(PARAM) else {
        return;
    };
    let notice = match decode_for(&app.catalogue, &code, today()) {
        Ok(shared) => {
            let current = &app.catalogue.version;
            let mut message =
                "Devis ouvert depuis un lien de partage : les prix sont ceux du catalogue en vigueur."
                    .to_owned();
            if let Some(version) = shared.version_notice(current) {
                message = format!("{message} {version}");
            }
            state.form.set(shared.form);
            state.draft.set(None);
            ArrivalNotice {
                message,
                is_error: false,
                session: shared.session_notice,
            }
        }
        Err(error) => ArrivalNotice {
            message: error.0,
            is_error: true,
            session: None,
        },
    };
    state.touched.set(true);
    state.arrival_notice.set(Some(notice));
    router.forget_query();
}

/// The arrival notice, above the simulator, until dismissed.
#[component]
pub fn ArrivalNoticeBanner() -> impl IntoView {
    let state = use_quote_state();
    move || {
        state.arrival_notice.get().map(|notice| {
            let class = if notice.is_error { "notice warn" } else { "notice" };
            view! {
                <div class=class role="status" data-testid="avis-lien">
                    <p>{notice.message}</p>
                    {notice.session.map(|s| view! { <p data-testid="notice-session">{s}</p> })}
                    <button type="button" on:click=move |_| state.arrival_notice.set(None)>"Fermer ce message"</button>
                </div>
            }
        })
    }
}
