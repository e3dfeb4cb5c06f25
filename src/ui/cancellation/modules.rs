//! The booking's lines once the training has started: each module's (and the coaching's)
//! start date, typed or assumed, and its amount.

use leptos::prelude::*;

use crate::domain::cancellation::{moved_date_sentence_fr, BookingKind, BookingSource, Scheduled};
use crate::domain::cancellation_form::{CancellationEdit, FormLine};
use crate::domain::fr::{days_fr, format_date_fr};
use crate::ui::form::TextField;

use super::state::{Field, Inputs};

/// Per line, the start it would be given, assumed or moved (`None` for a line not booked).
type Planned = Vec<Option<Scheduled>>;

fn modules_hint(source: BookingSource) -> &'static str {
    match source {
        BookingSource::FullCourseQuote => {
            "Montants préremplis depuis le simulateur : le prix du parcours complet réparti \
             entre les modules au prorata de leur durée."
        }
        BookingSource::ModularQuote => {
            "Montants préremplis depuis le simulateur : le total HT de chaque module réservé."
        }
        BookingSource::Catalogue => {
            "Les cinq modules, avec le prix du parcours complet réparti au prorata de leur durée."
        }
    }
}

#[component]
pub fn ModuleLines(
    inputs: Inputs,
    source: BookingSource,
    message_for: impl Fn(Field) -> Option<String> + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let planned = Memo::new(move |_| inputs.form.with(|f| f.planned()));
    // The lines are fixed once the form is made: only their texts change.
    let rows = inputs
        .form
        .with_untracked(|f| f.lines.clone())
        .into_iter()
        .enumerate()
        .map(|(i, row)| {
            view! { <ModuleLine inputs=inputs row=row index=i planned=planned message_for=message_for /> }
        });
    view! {
        <fieldset class="modules-interruption">
            <legend>"Modules (absence ou interruption)"</legend>
            <p class="hint">"Notification le jour du démarrage ou après : indiquez la date de début de chaque module. Tout module commencé est dû en totalité ; les modules non commencés suivent le barème, compté jusqu'à leur propre début. Un montant de 0 : module non réservé. Sans date saisie, un module est supposé suivre le précédent, le jour de formation suivant (du lundi au vendredi, hors jours fériés), le premier au début de la formation."</p>
            <p class="hint">{modules_hint(source)}" Les montants suivent le montant HT saisi : le modifier les répartit à nouveau entre les lignes réservées, au prorata de leur durée ; modifier une ligne met à jour le montant HT."</p>
            {rows.collect_view()}
        </fieldset>
    }
}

/// One line: its start date (the assumed one shown while empty) and its amount.
#[component]
fn ModuleLine(
    inputs: Inputs,
    row: FormLine,
    index: usize,
    planned: Memo<Option<Planned>>,
    message_for: impl Fn(Field) -> Option<String> + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let n = row.number;
    let key = match row.kind {
        BookingKind::Module => format!("module-{n}"),
        BookingKind::Coaching => "accompagnement".to_string(),
    };
    let legend = match row.kind {
        BookingKind::Module => format!("Module {n} — {} ({})", row.label, days_fr(row.days)),
        BookingKind::Coaching => format!("Accompagnement ({})", days_fr(row.days)),
    };
    let assumed =
        move || match planned.with(|p| p.as_ref().and_then(|p| p.get(index).copied().flatten())) {
            Some(Scheduled {
                start,
                assumed: true,
                ..
            }) => {
                format!("Vide : date supposée, le {}.", format_date_fr(start))
            }
            Some(Scheduled {
                start,
                moved_from: Some(typed),
                ..
            }) => moved_date_sentence_fr(typed, start),
            Some(_) => "Date saisie.".to_string(),
            None => "Vide : à la suite du module précédent (le premier au début de la formation)."
                .to_string(),
        };
    let of_name = row.of_name();
    let start = inputs.line_text(index, |l| &l.start);
    let amount = inputs.line_text(index, |l| &l.amount);
    view! {
        <fieldset class="module-booking">
            <legend>{legend}</legend>
            <div class="module-fields">
                <TextField id=format!("{key}-debut") label=format!("Début {of_name}") kind="date"
                    hint=Signal::derive(assumed)
                    value=start on_input=Callback::new(move |v| inputs.edit(CancellationEdit::LineStart(index, v)))
                    message=Signal::derive(move || message_for(Field::ModuleStart(n))) />
                <TextField id=format!("{key}-montant") label=format!("Montant {of_name} (HT)")
                    inputmode="decimal" maxlength=20
                    value=amount on_input=Callback::new(move |v| inputs.edit(CancellationEdit::LineAmount(index, v)))
                    message=Signal::derive(move || message_for(Field::ModuleAmount(n))) />
            </div>
        </fieldset>
    }
}
