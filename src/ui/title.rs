//! Each screen's document title: the screen's name, then the site's.

use leptos::prelude::*;

use crate::edge::location::set_document_title;
use crate::ui::routes::TITLE_SUFFIX;

/// "Simulateur de prix" → "Simulateur de prix — Co&Sens".
pub fn document_title(screen_name: &str) -> String {
    format!("{screen_name}{TITLE_SUFFIX}")
}

/// Gives the document the title of the screen it stands in, kept up to date while the
/// name changes (a draft being renamed).
#[component]
pub fn DocumentTitle(#[prop(into)] name: Signal<String>) -> impl IntoView {
    Effect::new(move |_| set_document_title(&document_title(&name.get())));
}
