//! What stands around every screen: header with navigation, footer.

use leptos::prelude::*;

use crate::ui::context::use_app;
use crate::ui::router::use_router;
use crate::ui::routes::{CATALOGUE, RULES, SCREENS};

#[component]
pub fn Header() -> impl IntoView {
    let app = use_app();
    let address = use_router().address();
    let title = app.catalogue.course.code.clone();
    let links = SCREENS
        .iter()
        .filter_map(|s| s.nav.map(|label| (s.path, label)))
        .map(|(path, label)| {
            // The screen shown, or the one it holds (a draft's page is the drafts list's).
            let current = move || {
                address.with(|a| {
                    let here = a.path.as_str();
                    (here == path
                        || (path != CATALOGUE.path && here.starts_with(&format!("{path}/"))))
                    .then_some("page")
                })
            };
            view! { <li><a href=app.href(path) aria-current=current>{label}</a></li> }
        })
        .collect_view();
    view! {
        <header class="site-header">
            <p class="brand">
                <a href=app.href(CATALOGUE.path)>
                    <span class="brand-name">"Co&Sens"</span>
                    <span class="brand-sub">{format!("Formation certifiante {title}")}</span>
                </a>
            </p>
            <nav aria-label="Navigation principale">
                <ul>{links}</ul>
            </nav>
        </header>
    }
}

#[component]
pub fn Footer() -> impl IntoView {
    let app = use_app();
    let note = app.catalogue.declaration_note.clone();
    let offices = app
        .catalogue
        .offices
        .iter()
        .map(|o| {
            view! {
                <div class="office">
                    <p class="office-name">{o.name.clone()}</p>
                    <p>{o.address.join(", ")}</p>
                    <p>{format!("Tél. : {}", o.phone)}</p>
                    <p>{format!("SIRET : {}", o.siret)}</p>
                    <p>{format!("Déclaration d'activité n° {}", o.declaration_number)}</p>
                </div>
            }
        })
        .collect_view();
    view! {
        <footer class="site-footer">
            <div class="offices">{offices}</div>
            <p class="small">{note}</p>
            <p class="small"><a href=app.href(RULES.path)>"Règles de calcul : chaque règle, sa source et ses exemples"</a></p>
            <p class="small">
                {format!("Catalogue version {} — simulation indicative ; seul le devis signé « Bon pour accord » a valeur contractuelle.", app.catalogue.version)}
            </p>
        </footer>
    }
}
