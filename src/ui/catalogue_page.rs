//! `/`: the course overview, the modules as cards, search and duration filter.

use leptos::prelude::*;
use leptos_router::components::A;

use crate::domain::catalogue::Module;
use crate::domain::fr::days_fr;
use crate::domain::money::{format_eur, format_number};
use crate::domain::search::{search_modules, DurationFilter};
use crate::ui::app::use_app;
use crate::ui::title::DocumentTitle;

fn bullet_list(items: &[String]) -> impl IntoView {
    let items = items
        .iter()
        .map(|i| view! { <li>{i.clone()}</li> })
        .collect_view();
    view! { <ul>{items}</ul> }
}

#[component]
pub fn CataloguePage() -> impl IntoView {
    let app = use_app();
    let c = app.catalogue.clone();
    let course = &c.course;
    let (query, set_query) = signal(String::new());
    let (filter, set_filter) = signal(DurationFilter::All);

    let cat = c.clone();
    let results = Memo::new(move |_| {
        search_modules(&cat, &query.read(), filter.get())
            .into_iter()
            .cloned()
            .collect::<Vec<Module>>()
    });
    let count_text = move || match results.read().len() {
        0 => "Aucun module ne correspond à la recherche.".to_owned(),
        1 => "1 module correspond.".to_owned(),
        n => format!("{n} modules correspondent."),
    };

    let filter_options = DurationFilter::ALL
        .iter()
        .enumerate()
        .map(|(i, f)| view! { <option value=i.to_string()>{f.label()}</option> })
        .collect_view();

    let p = &c.prices;
    let tariff = p
        .modular_by_days
        .iter()
        .map(|t| view! { <li>{format!("Module de {} : {} HT par stagiaire", days_fr(t.days), format_eur(t.price_ht))}</li> })
        .collect_view();
    let referents = c
        .referents
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
        .collect_view();
    let app_for_cards = app.clone();
    let app = app.clone();

    view! {
        <section class="hero" aria-labelledby="titre-formation">
            <p class="eyebrow">{format!("Certification {} — {}", course.code, course.registration)}</p>
            <DocumentTitle name=format!("Catalogue de la formation {}", course.code) />
            <h1 id="titre-formation">{course.title.clone()}</h1>
            {course.introduction.iter().map(|t| view! { <p>{t.clone()}</p> }).collect_view()}
            <ul class="facts" aria-label="En bref">
                <li><strong>{days_fr(course.total_days)}</strong>{format!(" soit {} h de formation", format_number(course.total_hours))}</li>
                <li><strong>{format_eur(p.full_course_ht)}</strong>" HT par stagiaire pour le parcours complet"</li>
                <li><strong>{course.places.join(" ou ")}</strong>{format!(", {}", course.modes.join(" ou ").to_lowercase())}</li>
                {course.cpf_eligible.then(|| view! { <li><strong>"Éligible au CPF"</strong>", financement OPCO possible"</li> })}
            </ul>
            <p><A href=app.href("/simulateur")>"Simuler le coût"</A></p>
        </section>

        <section aria-labelledby="titre-modules">
            <h2 id="titre-modules">"Les modules"</h2>
            <div class="toolbar" role="search">
                <div class="field">
                    <label for="recherche">"Rechercher un module"</label>
                    <input id="recherche" type="search" placeholder="ex. référentiel, jury, note"
                        autocomplete="off" maxlength="200"
                        prop:value=query
                        on:input=move |ev| set_query.set(event_target_value(&ev)) />
                </div>
                <div class="field">
                    <label for="filtre-duree">"Durée"</label>
                    <select id="filtre-duree" on:change=move |ev| {
                        let i: usize = event_target_value(&ev).parse().unwrap_or(0);
                        set_filter.set(DurationFilter::ALL.get(i).copied().unwrap_or(DurationFilter::All));
                    }>{filter_options}</select>
                </div>
            </div>
            <p class="result-count" role="status" aria-live="polite" data-testid="nombre-modules">{count_text}</p>
            <ul class="cards">
                <For each=move || results.get() key=|m| m.number children=move |m| {
                    view! { <ModuleCard module=m href=app_for_cards.href("/module/") /> }
                } />
            </ul>
        </section>

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
                <p>{format!("Lieux : {}. Modes : {}.", course.places.join(", "), course.modes.join(", ").to_lowercase())}</p>
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
                <ul>{referents}</ul>
                <p><a href=course.enrolment_url.clone() rel="noopener">"Inscriptions sur le site de Co&Sens"</a></p>
            </section>
        </div>
    }
}

#[component]
fn ModuleCard(module: Module, href: String) -> impl IntoView {
    let title_id = format!("module-{}-titre", module.number);
    let labelled_by = title_id.clone();
    view! {
        <li class="card" aria-labelledby=labelled_by data-testid="carte-module">
            <h3 id=title_id>
                <A href=format!("{href}{}", module.number)>
                    {format!("Module {} : {}", module.number, module.title)}
                </A>
            </h3>
            <p class="card-meta">
                <span>{days_fr(module.days)}</span>
                <span>{format!("{} HT / stagiaire", format_eur(module.price_ht))}</span>
            </p>
            <ul class="small">
                {module.programme.iter().take(2).map(|b| view! { <li>{b.clone()}</li> }).collect_view()}
            </ul>
        </li>
    }
}
