//! The modules as cards, with an accent-insensitive search and a duration filter.

use leptos::prelude::*;

use crate::domain::catalogue::Module;
use crate::domain::fr::days_fr;
use crate::domain::money::format_eur;
use crate::domain::search::{search_modules, DurationFilter};
use crate::ui::context::use_app;
use crate::ui::routes::module_path;

#[component]
pub fn ModuleSearch() -> impl IntoView {
    let app = use_app();
    let (query, set_query) = signal(String::new());
    let (filter, set_filter) = signal(DurationFilter::All);
    let cat = app.catalogue.clone();
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
    let app_for_cards = app.clone();
    view! {
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
                    view! { <ModuleCard href=app_for_cards.href(&module_path(m.number)) module=m /> }
                } />
            </ul>
        </section>

    }
}

#[component]
fn ModuleCard(module: Module, href: String) -> impl IntoView {
    let title_id = format!("module-{}-titre", module.number);
    let labelled_by = title_id.clone();
    view! {
        <li class="card" aria-labelledby=labelled_by data-testid="carte-module">
            <h3 id=title_id>
                <a href=href>
                    {format!("Module {} : {}", module.number, module.title)}
                </a>
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
