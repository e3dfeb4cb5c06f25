//! The trainees of a draft: name, e-mail and job each, added and removed.

use leptos::prelude::*;

use crate::domain::draft::{DraftEdit, DraftField, MAX_LINE_CHARS};
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
        ed.edit(DraftEdit::AddTrainee);
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

/// One of a trainee's texts.
fn trainee_field(
    ed: Editor,
    index: usize,
    (suffix, field, kind): (&'static str, DraftField, &'static str),
) -> impl IntoView {
    view! {
        <TextField id=format!("stagiaire-{}-{suffix}", index + 1) label=field.label() kind=kind
            maxlength=MAX_LINE_CHARS value=ed.field_text(field) message=ed.message(field) on_input=ed.on_text(field) />
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
                {trainee_field(ed, index, ("nom", DraftField::TraineeName(index), "text"))}
                {trainee_field(ed, index, ("email", DraftField::TraineeEmail(index), "email"))}
                {trainee_field(ed, index, ("fonction", DraftField::TraineeJob(index), "text"))}
            </div>
            <button type="button" class="secondary"
                on:click=move |_| ed.edit(DraftEdit::RemoveTrainee(index))>
                {format!("Retirer le stagiaire {n}")}
            </button>
        </div>
    }
}
