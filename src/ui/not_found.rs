//! The screen of an address no page group knows: « Page introuvable ».

use leptos::prelude::*;

use crate::ui::context::use_app;
use crate::ui::routes::{CATALOGUE, NOT_FOUND_NAME};
use crate::ui::title::DocumentTitle;

#[component]
pub fn NotFound() -> impl IntoView {
    let app = use_app();
    view! {
        <DocumentTitle name=NOT_FOUND_NAME.to_string() />
        <h1>{NOT_FOUND_NAME}</h1>
        <p>"Cette adresse ne correspond à aucune page du simulateur."</p>
        <p><a href=app.href(CATALOGUE.path)>"Revenir au catalogue"</a></p>
    }
}
