//! The course page a trainee is owed before any contract (Qualiopi, indicator 1): each
//! item under a heading of its name, from the data file.

use leptos::prelude::*;

use crate::domain::catalogue::Catalogue;
use crate::domain::fr::{date_fr, days_fr, lowercase_fr};
use crate::domain::money::format_number;
use crate::domain::sessions::{next_open_fr, NONE_SCHEDULED_FR};
use crate::edge::clock::today;
use crate::ui::context::use_app;
use crate::ui::first_render::Later;
use crate::ui::sessions::Referents;

fn bullet_list(items: &[String]) -> impl IntoView {
    let items = items
        .iter()
        .map(|i| view! { <li>{i.clone()}</li> })
        .collect_view();
    view! { <ul>{items}</ul> }
}

/// The course page's items, each group in a task of its own on the first render.
#[component]
pub fn CourseDetails() -> impl IntoView {
    view! {
        <div class="columns" data-testid="fiche-formation">
            <Later><Basics /></Later>
            <Later><Access /></Later>
            <Later><Prices /></Later>
            <Later><Support /></Later>
            <Later><PastResults /></Later>
        </div>
    }
}

/// « Prérequis », « Objectifs », « Durée ».
#[component]
fn Basics() -> impl IntoView {
    let course = use_app().catalogue.course.clone();
    view! {
        <section><h2>"Prérequis"</h2>
            {bullet_list(&course.prerequisites)}
            <h3>"Publics visés"</h3>
            {bullet_list(&course.audiences)}
        </section>
        <section><h2>"Objectifs"</h2>{bullet_list(&course.aims)}</section>
        <section><h2>"Durée"</h2>
            <p>{format!(
                "La formation complète dure {} h ({} de {} h), auxquelles peuvent s'ajouter jusqu'à {} heures d'accompagnement sur votre projet.",
                format_number(course.total_hours), days_fr(course.total_days),
                format_number(course.hours_per_day), format_number(course.coaching_max_hours))}</p>
        </section>
    }
}

/// « Contacts », « Méthodes mobilisées », « Modalités d'évaluation », « Accessibilité aux
/// personnes handicapées », « Certification ».
#[component]
fn Support() -> impl IntoView {
    let course = use_app().catalogue.course.clone();
    view! {
        <section><h2>"Contacts"</h2>
            <ul><Referents /></ul>
            <p><a href=course.enrolment_url.clone() rel="noopener">"Inscriptions sur le site de Co&Sens"</a></p>
        </section>
        <section><h2>"Méthodes mobilisées"</h2>{bullet_list(&course.modalities)}</section>
        <section><h2>"Modalités d'évaluation"</h2>
            <p>{format!("Cette certification atteste l'acquisition de {} compétences, évaluées selon 3 modalités :", course.evaluation.competences)}</p>
            {bullet_list(&course.evaluation.methods)}
            <p>{format!("L'évaluation finale (soutenance) dure {} h.", format_number(course.evaluation.final_oral_hours))}</p>
        </section>
        <section><h2>"Accessibilité aux personnes handicapées"</h2>
            <p>{course.accessibility.clone()}</p>
            <p>"Votre contact :"</p>
            <ul><Referents /></ul>
        </section>
        <section><h2>"Certification"</h2>
            <p>{format!("Code {} — {}.", course.code, course.registration)}</p>
        </section>
    }
}

/// « Modalités et délais d'accès »: how one enrols, where and how, and how soon: the next
/// open session and the OPCO's deadline, or whom to ask.
#[component]
fn Access() -> impl IntoView {
    let c = use_app().catalogue.clone();
    let course = c.course.clone();
    // The sessions' list, with their OPCO deadline, and the contacts are further on the page.
    let next = next_open_fr(&c, today()).unwrap_or_else(|| NONE_SCHEDULED_FR.to_owned());
    view! {
        <section><h2>"Modalités et délais d'accès"</h2>
            <p>{course.access_note.clone()}</p>
            <p>{next}</p>
            <p>{course.schedule.clone()}</p>
            <p>{format!("Lieux : {}. Modes : {}.", course.places.join(", "), lowercase_fr(&course.modes.join(", ")))}</p>
        </section>
    }
}

/// « Tarifs », HT and TTC.
#[component]
fn Prices() -> impl IntoView {
    let c = use_app().catalogue.clone();
    let p = c.prices.clone();
    let tariff = p
        .modular_by_days
        .iter()
        .map(|t| view! { <li>{format!("Module de {} : {} par stagiaire", days_fr(t.days), c.price_ht_ttc_fr(t.price_ht))}</li> })
        .collect_view();
    view! {
        <section><h2>"Tarifs"</h2>
            <ul>
                <li>{format!("Parcours complet ({} modules, {}) : {} par stagiaire", c.modules.len(), days_fr(c.course.total_days), c.price_ht_ttc_fr(p.full_course_ht))}</li>
                {tariff}
                <li>{format!("Accompagnement : de 1 à {} jours, {} par jour et par personne", p.coaching_max_days, c.price_ht_ttc_fr(p.coaching_per_day_ht))}</li>
                <li>{format!("Accès à la certification : {} par stagiaire", c.price_ht_ttc_fr(p.certification_ht))}</li>
            </ul>
            <p class="small">{Catalogue::TTC_NOTE_FR}</p>
            {c.course.cpf_eligible.then(|| view! { <p>"Cette offre de formation est éligible au financement par le CPF."</p> })}
        </section>
    }
}

/// The results of past sessions, when the data file has them, each with its date.
#[component]
fn PastResults() -> impl IntoView {
    let c = use_app().catalogue.clone();
    (!c.past_results.is_empty()).then(|| {
        let items = c
            .past_results
            .iter()
            .map(|r| view! { <li>{format!("{} (au {})", r.text, date_fr(r.date))}</li> })
            .collect_view();
        view! { <section><h2>"Résultats des sessions passées"</h2><ul>{items}</ul></section> }
    })
}
