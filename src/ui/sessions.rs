//! The scheduled sessions as the screens show them: the catalogue's list, a module's
//! dates, the « Session » select of the simulator and of a draft, a quote's dates, the
//! calendar file and the JSON-LD. Their rules and wording are `domain::sessions`'s.

use leptos::prelude::*;

use crate::domain::catalogue::Session;
use crate::domain::ics::{session_calendar, session_file_name};
use crate::domain::json_ld::json_ld;
use crate::domain::quote_form::QuoteForm;
use crate::domain::sessions::{
    chosen_dates, label_fr, module_dates_fr, module_in_session_fr, none_scheduled_with_contacts_fr,
    opco_deadline_fr, pick, place_mode_fr, range_fr, where_and_hours_fr, SessionPick, FULL_FR,
    NONE_SCHEDULED_FR,
};
use crate::edge::clock::{now_utc, today};
use crate::ui::calendar_button::CalendarButton;
use crate::ui::context::use_app;
use crate::ui::first_render::Later;
use crate::ui::form::ChoiceSelect;

/// The referents' contacts, one item each.
#[component]
pub fn Referents() -> impl IntoView {
    let c = use_app().catalogue.clone();
    c.referents
        .iter()
        .map(|r| {
            view! {
                <li>
                    {format!("{} — {}, ", r.city, r.name)}
                    <a href=format!("tel:{}", r.phone.replace(' ', ""))>{r.phone.clone()}</a>
                    ", "
                    <a href=format!("mailto:{}", r.email)>{r.email.clone()}</a>
                </li>
            }
        })
        .collect_view()
}

/// « Prochaines sessions : nous consulter », with whom to ask.
#[component]
pub fn NoSessionScheduled() -> impl IntoView {
    view! {
        <div class="notice" data-testid="sessions-nous-consulter">
            <p>{NONE_SCHEDULED_FR}</p>
            <ul class="small"><Referents /></ul>
        </div>
    }
}

/// Sessions in words, one item each, or « nous consulter » when there is none.
#[component]
pub fn SessionLines(lines: Vec<String>) -> impl IntoView {
    if lines.is_empty() {
        view! { <NoSessionScheduled /> }.into_any()
    } else {
        view! { <ul>{lines.into_iter().map(|l| view! { <li>{l}</li> }).collect_view()}</ul> }
            .into_any()
    }
}

/// The catalogue's « Prochaines sessions »: the upcoming ones in date order, or whom to
/// ask; the next open one's OPCO deadline.
#[component]
pub fn UpcomingSessions() -> impl IntoView {
    let c = use_app().catalogue.clone();
    let upcoming: Vec<Session> = c.upcoming_sessions(today()).into_iter().cloned().collect();
    let opco = c
        .next_open_session(today())
        .and_then(|s| opco_deadline_fr(&c, s, today()));
    let list = (!upcoming.is_empty()).then(|| {
        let items = upcoming
            .into_iter()
            .map(|s| view! { <Later><SessionItem session=s.clone() /></Later> })
            .collect_view();
        view! { <ul class="sessions">{items}</ul> }
    });
    view! {
        <section aria-labelledby="titre-sessions" data-testid="prochaines-sessions">
            <h2 id="titre-sessions">"Prochaines sessions"</h2>
            {match list {
                Some(list) => list.into_any(),
                None => view! { <NoSessionScheduled /> }.into_any(),
            }}
            {opco.map(|text| view! { <p class="small" data-testid="date-limite-opco-session">{text}</p> })}
        </section>
    }
}

/// One session: place, mode, dates; its modules' dates on demand; full or its calendar.
#[component]
fn SessionItem(session: Session) -> impl IntoView {
    let c = use_app().catalogue.clone();
    let all: Vec<u8> = session.modules.iter().map(|m| m.module).collect();
    let modules = chosen_dates(&c, &session, &all)
        .iter()
        .map(|m| view! { <li>{module_dates_fr(m)}</li> })
        .collect_view();
    let line = format!("session-{}-ligne", session.id);
    view! {
        <li data-testid=format!("session-{}", session.id)>
            <p id=line.clone()><strong>{place_mode_fr(&session)}</strong>" — "{range_fr(&session)}</p>
            {(!session.is_open()).then(|| view! { <p class="notice warn">{FULL_FR}</p> })}
            <details class="disclosure">
                <summary>"Dates des modules"</summary>
                <ul>{modules}</ul>
                <p class="small">{where_and_hours_fr(&c, &session)}</p>
            </details>
            {session.is_open().then(|| view! { <SessionAgendaButton session=session.clone() modules=None describedby=line /> })}
        </li>
    }
}

/// A module's dates in each upcoming session (its page).
#[component]
pub fn ModuleSessionDates(number: u8) -> impl IntoView {
    let c = use_app().catalogue.clone();
    let rows: Vec<String> = c
        .upcoming_sessions(today())
        .into_iter()
        .map(|s| module_in_session_fr(s, number))
        .collect();
    view! {
        <section aria-labelledby="titre-dates-module" data-testid="dates-module">
            <h2 id="titre-dates-module">"Dates de ce module"</h2>
            <SessionLines lines=rows />
        </section>
    }
}

/// The « Session » select: « Dates à convenir » and each upcoming open session.
#[component]
pub fn SessionSelect(
    #[prop(into)] id: String,
    #[prop(into)] value: Signal<String>,
    on_change: Callback<String>,
) -> impl IntoView {
    let c = use_app().catalogue.clone();
    let options: Vec<(String, String)> = c
        .open_sessions_after(today())
        .into_iter()
        .map(|s| (s.id.clone(), label_fr(s)))
        .collect();
    if options.is_empty() {
        view! {
            <ChoiceSelect id=id label="Session" options=options empty="Dates à convenir"
                value=value on_change=on_change hint=Signal::stored(none_scheduled_with_contacts_fr(&c)) />
        }
        .into_any()
    } else {
        view! {
            <ChoiceSelect id=id label="Session" options=options empty="Dates à convenir"
                value=value on_change=on_change />
        }
        .into_any()
    }
}

/// The dates of a quote's modules in its session; nothing when the quote has none.
#[component]
pub fn ChosenSessionDates(#[prop(into)] form: Signal<QuoteForm>) -> impl IntoView {
    let c = use_app().catalogue.clone();
    move || {
        let form = form.get();
        let SessionPick::Chosen(session) = pick(&c, &form.session, today()) else {
            return None;
        };
        let rows = chosen_dates(&c, session, &form.chosen_modules(&c))
            .iter()
            .map(|m| view! { <li>{module_dates_fr(m)}</li> })
            .collect_view();
        Some(view! {
            <div data-testid="dates-session">
                <p id="session-choisie"><strong>{format!("Session {}", label_fr(session))}</strong></p>
                <ul>{rows}</ul>
                <p class="small">{where_and_hours_fr(&c, session)}</p>
            </div>
        })
    }
}

/// The calendar file of a quote's days in its session; nothing when the quote has none.
#[component]
pub fn ChosenSessionAgenda(#[prop(into)] form: Signal<QuoteForm>) -> impl IntoView {
    let c = use_app().catalogue.clone();
    move || {
        let form = form.get();
        let SessionPick::Chosen(session) = pick(&c, &form.session, today()) else {
            return None;
        };
        let modules = form.chosen_modules(&c);
        Some(
            view! { <SessionAgendaButton session=session.clone() modules=Some(modules) describedby="session-choisie" /> },
        )
    }
}

/// « Ajouter la session à mon agenda »: `session-<id>.ics`, a day an event (the whole
/// session, or the chosen modules' days); `describedby` names the session's line.
#[component]
pub fn SessionAgendaButton(
    session: Session,
    modules: Option<Vec<u8>>,
    #[prop(into)] describedby: String,
) -> impl IntoView {
    let c = use_app().catalogue.clone();
    let file = session_file_name(&session);
    let text =
        Callback::new(move |()| session_calendar(&c, &session, modules.as_deref(), now_utc()));
    view! {
        <CalendarButton label="Ajouter la session à mon agenda" file=file text=text describedby=describedby />
    }
}

/// The course for search engines and partners (JSON-LD), in the page's HTML.
#[component]
pub fn CourseJsonLd() -> impl IntoView {
    let text = json_ld(&use_app().catalogue, today());
    view! { <script type="application/ld+json" inner_html=text></script> }
}
