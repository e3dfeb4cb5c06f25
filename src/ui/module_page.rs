//! `/module/N`: one module, its programme, duration and price.

use leptos::prelude::*;

use crate::domain::fr::days_fr;
use crate::domain::money::{format_eur, format_number};
use crate::ui::context::use_app;
use crate::ui::first_render::Later;
use crate::ui::not_found::NotFound;
use crate::ui::router::use_router;
use crate::ui::routes::{module_path, simulator_module_path, CATALOGUE, MODULE_PREFIX};
use crate::ui::sessions::ModuleSessionDates;
use crate::ui::title::DocumentTitle;

#[component]
pub fn ModulePage() -> impl IntoView {
    let app = use_app();
    let address = use_router().address();
    move || {
        let number = address.with(|a| a.segment_after(MODULE_PREFIX)?.parse::<u8>().ok());
        let Some(module) = number.and_then(|n| app.catalogue.module(n)).cloned() else {
            return view! { <NotFound /> }.into_any();
        };
        let hours = app.catalogue.hours(module.days);
        let total = app.catalogue.modules.len();
        let prev = (module.number > 1).then(|| module.number - 1);
        let next = (usize::from(module.number) < total).then(|| module.number + 1);
        view! {
            <nav aria-label="Fil d'Ariane" class="breadcrumb">
                <a href=app.href(CATALOGUE.path)>"Catalogue"</a>
                " › "
                <span aria-current="page">{format!("Module {}", module.number)}</span>
            </nav>
            <article class="module-detail">
                <DocumentTitle name=format!("Module {} : {}", module.number, module.title) />
                <h1>{format!("Module {} : {}", module.number, module.title)}</h1>
                <ul class="facts" aria-label="En bref">
                    <li><strong>{days_fr(module.days)}</strong>{format!(" ({} h)", format_number(hours))}</li>
                    <li><strong>{format_eur(module.price_ht)}</strong>" HT par stagiaire en parcours modulaire"</li>
                </ul>
                <p><a href=app.href(&simulator_module_path(module.number))>"Simuler le coût de ce module"</a></p>
                <h2>"Programme"</h2>
                <ul>{module.programme.iter().map(|b| view! { <li>{b.clone()}</li> }).collect_view()}</ul>
                <p class="small">"Contenus fournis à titre indicatif ; l'intervenant peut les adapter à l'actualité et au groupe."</p>
                <Later><ModuleSessionDates number=module.number /></Later>
            </article>
            <nav aria-label="Autres modules" class="pager">
                {prev.map(|p| view! { <a href=app.href(&module_path(p))>{format!("← Module {p}")}</a> })}
                {next.map(|n| view! { <a href=app.href(&module_path(n))>{format!("Module {n} →")}</a> })}
            </nav>
        }
        .into_any()
    }
}
