//! The trainees of a draft: name, e-mail and job each, added and removed.

use leptos::prelude::*;

use crate::domain::draft::{Draft, DraftField, Trainee, MAX_LINE_CHARS};
use crate::ui::form::TextField;

use super::editor::Editor;

#[component]
pub fn TraineesFields(ed: Editor) -> impl IntoView {
    let count = move || {
        ed.draft
            .with(|d| d.as_ref().map_or(0, |d| d.enrolment.trainees.len()))
    };
    let add = move |_| {
        ed.visits.visit(DraftField::Trainees);
        ed.edit(Box::new(Draft::add_trainee));
    };
    view! {
        <fieldset aria-describedby="erreur-stagiaires-liste">
            <legend>"Stagiaires"</legend>
            <p class="hint">"Les personnes qui suivront la formation ; leur nombre ne peut dépasser celui de la simulation."</p>
            <For each=move || 0..count() key=|i| *i let:i>
                <TraineeFields index=i ed=ed />
            </For>
            <p id="erreur-stagiaires-liste" class="error-text">{move || ed.message(DraftField::Trainees).get()}</p>
            <button type="button" class="secondary"
                disabled=move || ed.draft.with(|d| d.as_ref().is_some_and(|d| !d.can_add_trainee()))
                on:click=add>"Ajouter un stagiaire"</button>
        </fieldset>
    }
}

/// One of a trainee's texts, read and written by index.
fn trainee_field(
    ed: Editor,
    index: usize,
    (suffix, field, kind): (&'static str, DraftField, &'static str),
    get: fn(&Trainee) -> String,
    set: fn(&mut Trainee, String),
) -> impl IntoView {
    let value = Signal::derive(move || {
        ed.draft.with(|d| {
            d.as_ref()
                .and_then(|d| d.enrolment.trainees.get(index))
                .map(get)
                .unwrap_or_default()
        })
    });
    let on_input = Callback::new(move |v: String| {
        ed.visits.visit(field);
        ed.edit(Box::new(move |d| {
            if let Some(t) = d.enrolment.trainees.get_mut(index) {
                set(t, v);
            }
        }));
    });
    view! {
        <TextField id=format!("stagiaire-{}-{suffix}", index + 1) label=field.label() kind=kind
            maxlength=MAX_LINE_CHARS value=value message=ed.message(field) on_input=on_input />
    }
}

/// One trainee's name, e-mail and job, and the button that removes them.
#[component]
fn TraineeFields(index: usize, ed: Editor) -> impl IntoView {
    let n = index + 1;
    view! {
        <div class="trainee" data-testid="stagiaire">
            <h3>{format!("Stagiaire {n}")}</h3>
            <div class="trainee-fields">
                {trainee_field(ed, index, ("nom", DraftField::TraineeName(index), "text"), |t| t.name.clone(), |t, v| t.name = v)}
                {trainee_field(ed, index, ("email", DraftField::TraineeEmail(index), "email"), |t| t.email.clone(), |t, v| t.email = v)}
                {trainee_field(ed, index, ("fonction", DraftField::TraineeJob(index), "text"), |t| t.job.clone(), |t, v| t.job = v)}
            </div>
            <button type="button" class="secondary"
                on:click=move |_| ed.edit(Box::new(move |d| d.remove_trainee(index)))>
                {format!("Retirer le stagiaire {n}")}
            </button>
        </div>
    }
}
