//! `/`: the course overview, the modules as cards with search and duration filter
//! (`search`), then the course's details (`details`).

mod details;
mod search;

use leptos::prelude::*;

use crate::domain::fr::{days_fr, lowercase_fr};
use crate::domain::money::{format_eur, format_number};
use crate::ui::context::use_app;
use crate::ui::first_render::Later;
use crate::ui::routes::{CATALOGUE, SIMULATOR};
use crate::ui::sessions::{CourseJsonLd, UpcomingSessions};
use crate::ui::title::DocumentTitle;

use details::CourseDetails;
use search::ModuleSearch;

#[component]
pub fn CataloguePage() -> impl IntoView {
    let app = use_app();
    let c = app.catalogue.clone();
    let course = &c.course;
    let p = &c.prices;
    view! {
        <section class="hero" aria-labelledby="titre-formation">
            <p class="eyebrow">{format!("Certification {} — {}", course.code, course.registration)}</p>
            <DocumentTitle name=CATALOGUE.name.to_string() />
            <h1 id="titre-formation">{course.title.clone()}</h1>
            {course.introduction.iter().map(|t| view! { <p>{t.clone()}</p> }).collect_view()}
            <ul class="facts" aria-label="En bref">
                <li><strong>{days_fr(course.total_days)}</strong>{format!(" soit {} h de formation", format_number(course.total_hours))}</li>
                <li><strong>{format_eur(p.full_course_ht)}</strong>" HT par stagiaire pour le parcours complet"</li>
                <li><strong>{course.places.join(" ou ")}</strong>{format!(", {}", lowercase_fr(&course.modes.join(" ou ")))}</li>
                {course.cpf_eligible.then(|| view! { <li><strong>"Éligible au CPF"</strong>", financement OPCO possible"</li> })}
            </ul>
            <p><a href=app.href(SIMULATOR.path)>"Simuler le coût"</a></p>
        </section>
        // Each part in a task of its own on the page's first render (`Later`).
        <Later><ModuleSearch /></Later>
        <Later><UpcomingSessions /></Later>
        <Later><CourseDetails /></Later>
        <Later><CourseJsonLd /></Later>
    }
}
