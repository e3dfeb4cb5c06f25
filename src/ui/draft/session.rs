//! The session a draft chooses (or, with « Dates à convenir », its wishes: place, mode,
//! start), its accessibility needs and notes.

use leptos::prelude::*;

use crate::domain::calendar::{format_iso_date, parse_iso_date};
use crate::domain::draft::{DraftEdit, DraftField, MAX_TEXT_CHARS};
use crate::domain::sessions::{pick, SessionPick};
use crate::edge::clock::today;
use crate::ui::context::use_app;
use crate::ui::form::{ChoiceSelect, TextArea, TextField};
use crate::ui::sessions::{ChosenSessionDates, SessionSelect};

use super::editor::Editor;

fn pairs(list: &[String]) -> Vec<(String, String)> {
    list.iter().map(|o| (o.clone(), o.clone())).collect()
}

#[component]
pub fn SessionFields(ed: Editor) -> impl IntoView {
    let c = use_app().catalogue.clone();
    let form = Signal::derive(move || {
        ed.draft
            .with(|d| d.as_ref().map(|d| d.form.clone()).unwrap_or_default())
    });
    // Chosen and still on offer: its dates; chosen but full, begun or gone: why, and the
    // wishes again; none: the wishes.
    let state = Memo::new(move |_| {
        form.with(|f| match pick(&c, &f.session, today()) {
            SessionPick::Chosen(_) => Ok(()),
            SessionPick::Unavailable(u) => Err(Some(u.draft_fr())),
            SessionPick::None => Err(None),
        })
    });
    view! {
        <fieldset>
            <legend>"Session souhaitée"</legend>
            <SessionSelect id="brouillon-session"
                value=Signal::derive(move || form.with(|f| f.session.clone()))
                on_change=Callback::new(move |id: String| ed.edit(DraftEdit::Session(id))) />
            {move || match state.get() {
                Ok(()) => view! { <ChosenSessionDates form=form /> }.into_any(),
                Err(why) => view! {
                    {why.map(|w| view! { <p class="notice warn" data-testid="notice-session">{w}</p> })}
                    <Wishes ed=ed />
                }
                .into_any(),
            }}
        </fieldset>
    }
}

/// The free wishes, while no session is chosen: place, mode, start.
#[component]
fn Wishes(ed: Editor) -> impl IntoView {
    let course = use_app().catalogue.course.clone();
    let start = Signal::derive(move || {
        ed.draft.with(|d| {
            d.as_ref()
                .and_then(|d| d.enrolment.start_wish)
                .map(format_iso_date)
                .unwrap_or_default()
        })
    });
    view! {
            <ChoiceSelect id="brouillon-lieu" label="Lieu" options=pairs(&course.places) empty="— Indifférent —"
                value=ed.field_text(DraftField::Place) message=ed.message(DraftField::Place)
                on_change=ed.on_text(DraftField::Place) />
            <ChoiceSelect id="brouillon-modalite" label="Modalité" options=pairs(&course.modes) empty="— Indifférent —"
                value=ed.field_text(DraftField::Mode) message=ed.message(DraftField::Mode)
                on_change=ed.on_text(DraftField::Mode) />
            <TextField id="brouillon-debut" label="Date de début souhaitée" kind="date" min="1900-01-01" max="2200-12-31"
                value=start
                on_input=Callback::new(move |v: String| {
                    let date = parse_iso_date(&v);
                    ed.edit(DraftEdit::StartWish(date));
                }) />
    }
}

#[component]
pub fn NotesFields(ed: Editor) -> impl IntoView {
    let accessibility = use_app().catalogue.course.accessibility.clone();
    view! {
        <TextArea id="brouillon-accessibilite" label="Besoins d'accessibilité" rows=3 maxlength=MAX_TEXT_CHARS
            hint=accessibility
            value=ed.field_text(DraftField::Accessibility) message=ed.message(DraftField::Accessibility)
            on_input=ed.on_text(DraftField::Accessibility) />
        <TextArea id="brouillon-notes" label="Notes" rows=4 maxlength=MAX_TEXT_CHARS
            value=ed.field_text(DraftField::Notes) message=ed.message(DraftField::Notes)
            on_input=ed.on_text(DraftField::Notes) />
    }
}
