//! The session a draft wishes (place, mode, start), its accessibility needs and notes.

use leptos::prelude::*;

use crate::domain::calendar::{format_iso_date, parse_iso_date};
use crate::domain::draft::{DraftField, MAX_TEXT_CHARS};
use crate::ui::context::use_app;
use crate::ui::form::{ChoiceSelect, TextArea, TextField};

use super::editor::Editor;

fn pairs(list: &[String]) -> Vec<(String, String)> {
    list.iter().map(|o| (o.clone(), o.clone())).collect()
}

#[component]
pub fn SessionFields(ed: Editor) -> impl IntoView {
    let course = use_app().catalogue.course.clone();
    let on_choice = move |field: DraftField, set: fn(&mut crate::domain::draft::Draft, String)| {
        Callback::new(move |v: String| {
            ed.visits.visit(field);
            ed.edit(Box::new(move |d| set(d, v)));
        })
    };
    let start = Signal::derive(move || {
        ed.draft.with(|d| {
            d.as_ref()
                .and_then(|d| d.enrolment.start_wish)
                .map(format_iso_date)
                .unwrap_or_default()
        })
    });
    view! {
        <fieldset>
            <legend>"Session souhaitée"</legend>
            <ChoiceSelect id="brouillon-lieu" label="Lieu" options=pairs(&course.places) empty="— Indifférent —"
                value=ed.text(|d| d.enrolment.place.clone()) message=ed.message(DraftField::Place)
                on_change=on_choice(DraftField::Place, |d, v| d.enrolment.place = v) />
            <ChoiceSelect id="brouillon-modalite" label="Modalité" options=pairs(&course.modes) empty="— Indifférent —"
                value=ed.text(|d| d.enrolment.mode.clone()) message=ed.message(DraftField::Mode)
                on_change=on_choice(DraftField::Mode, |d, v| d.enrolment.mode = v) />
            <TextField id="brouillon-debut" label="Date de début souhaitée" kind="date" min="1900-01-01" max="2200-12-31"
                value=start
                on_input=Callback::new(move |v: String| {
                    let date = parse_iso_date(&v);
                    ed.edit(Box::new(move |d| d.enrolment.start_wish = date));
                }) />
        </fieldset>
    }
}

#[component]
pub fn NotesFields(ed: Editor) -> impl IntoView {
    let accessibility = use_app().catalogue.course.accessibility.clone();
    view! {
        <TextArea id="brouillon-accessibilite" label="Besoins d'accessibilité" rows=3 maxlength=MAX_TEXT_CHARS
            hint=accessibility
            value=ed.text(|d| d.enrolment.accessibility.clone()) message=ed.message(DraftField::Accessibility)
            on_input=ed.on_text(DraftField::Accessibility, |d, v| d.enrolment.accessibility = v) />
        <TextArea id="brouillon-notes" label="Notes" rows=4 maxlength=MAX_TEXT_CHARS
            value=ed.text(|d| d.enrolment.notes.clone()) message=ed.message(DraftField::Notes)
            on_input=ed.on_text(DraftField::Notes, |d, v| d.enrolment.notes = v) />
    }
}
