//! The course's details: aims, audiences and prerequisites, modalities, evaluation,
//! prices, accessibility and contacts.

use leptos::prelude::*;

use crate::domain::fr::{days_fr, lowercase_fr};
use crate::domain::money::{format_eur, format_number};
use crate::ui::context::use_app;

fn bullet_list(items: &[String]) -> impl IntoView {
    let items = items
        .iter()
        .map(|i| view! { <li>{i.clone()}</li> })
        .collect_view();
    view! { <ul>{items}</ul> }
}

#[component]
pub fn CourseDetails() -> impl IntoView {
    let c = use_app().catalogue.clone();
    let course = &c.course;
    let p = &c.prices;
    let tariff = p
        .modular_by_days
        .iter()
        .map(|t| view! { <li>{format!("Module de {} : {} HT par stagiaire", days_fr(t.days), format_eur(t.price_ht))}</li> })
        .collect_view();
    view! {
        <div class="columns">
            <section aria-labelledby="titre-objectifs">
                <h2 id="titre-objectifs">"Objectifs pédagogiques"</h2>
                {bullet_list(&course.aims)}
            </section>
            <section aria-labelledby="titre-publics">
                <h2 id="titre-publics">"Publics visés"</h2>
                {bullet_list(&course.audiences)}
                <h2>"Prérequis et modalités d'accès"</h2>
                {bullet_list(&course.prerequisites)}
                <p class="small">{course.access_note.clone()}</p>
            </section>
            <section aria-labelledby="titre-modalites">
                <h2 id="titre-modalites">"Modalités et durée"</h2>
                {bullet_list(&course.modalities)}
                <p>{format!(
                    "La formation complète dure {} h ({} de {} h), auxquelles peuvent s'ajouter jusqu'à {} heures d'accompagnement sur votre projet.",
                    format_number(course.total_hours), days_fr(course.total_days),
                    format_number(course.hours_per_day), format_number(course.coaching_max_hours))}</p>
                <p>{course.schedule.clone()}</p>
                <p>{format!("Lieux : {}. Modes : {}.", course.places.join(", "), lowercase_fr(&course.modes.join(", ")))}</p>
            </section>
            <section aria-labelledby="titre-evaluation">
                <h2 id="titre-evaluation">"Évaluation"</h2>
                <p>{format!("Cette certification atteste l'acquisition de {} compétences, évaluées selon 3 modalités :", course.evaluation.competences)}</p>
                {bullet_list(&course.evaluation.methods)}
                <p>{format!("L'évaluation finale (soutenance) dure {} h.", format_number(course.evaluation.final_oral_hours))}</p>
            </section>
            <section aria-labelledby="titre-tarifs">
                <h2 id="titre-tarifs">"Tarifs"</h2>
                <ul>
                    <li>{format!("Parcours complet ({} modules, {}) : {} HT par stagiaire", c.modules.len(), days_fr(course.total_days), format_eur(p.full_course_ht))}</li>
                    {tariff}
                    <li>{format!("Accompagnement : de 1 à {} jours, {} HT par jour et par personne", p.coaching_max_days, format_eur(p.coaching_per_day_ht))}</li>
                    <li>{format!("Accès à la certification : {} HT par stagiaire", format_eur(p.certification_ht))}</li>
                </ul>
                <p class="small">"Prix hors taxes, majorés de la TVA au taux en vigueur."</p>
                {course.cpf_eligible.then(|| view! { <p>"Cette offre de formation est éligible au financement par le CPF."</p> })}
            </section>
            <section aria-labelledby="titre-accessibilite">
                <h2 id="titre-accessibilite">"Accessibilité et contacts"</h2>
                <p>{course.accessibility.clone()}</p>
                <h3>"Référents pédagogiques"</h3>
                <ul><Referents /></ul>
                <p><a href=course.enrolment_url.clone() rel="noopener">"Inscriptions sur le site de Co&Sens"</a></p>
            </section>
        </div>
    }
}

#[component]
fn Referents() -> impl IntoView {
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
