//! `/integrer`, « Intégrer le simulateur »: the snippet that puts a screen of the simulator
//! in another site (the screen and an accent colour chosen here), a button to copy it, and
//! a live preview that runs it.

use leptos::prelude::*;

use crate::domain::embed::{parse_colour, preview_document, snippet};
use crate::domain::site::EMBED_SCRIPT;
use crate::ui::context::use_app;
use crate::ui::form::{ChoiceSelect, TextField};
use crate::ui::routes::{CATALOGUE, EMBED, SCREENS, SIMULATOR};
use crate::ui::share_panel::LinkToCopy;
use crate::ui::title::DocumentTitle;

#[component]
pub fn EmbedPage() -> impl IntoView {
    let app = use_app();
    let screens: Vec<(String, String)> = SCREENS
        .iter()
        .filter_map(|s| s.embed.map(|name| (name.to_string(), s.name.to_string())))
        .collect();
    let screen = RwSignal::new(SIMULATOR.embed.unwrap_or_default().to_string());
    let colour_text = RwSignal::new(String::new());
    let colour = Memo::new(move |_| colour_text.with(|t| parse_colour(t)));
    let script_url = format!("{}{EMBED_SCRIPT}", app.url(CATALOGUE.path));
    let code = Memo::new(move |_| {
        let colour = colour.with(|c| c.clone().ok().flatten());
        screen.with(|s| snippet(&script_url, s, colour.as_deref()))
    });
    let message = Signal::derive(move || colour.with(|c| c.clone().err().map(str::to_string)));
    view! {
        <DocumentTitle name=EMBED.name.to_string() />
        <h1>{EMBED.name}</h1>
        <p class="page-intro">"Mettez un écran du simulateur dans les pages de votre site : collez ce code là où il doit paraître. Il n'appelle aucun service tiers ; l'écran s'affiche dans un cadre à la hauteur de son contenu, sans l'en-tête du site, avec un lien vers le simulateur complet."</p>
        <div class="layout-2">
            <form aria-label="Paramètres de l'intégration" on:submit=|ev| ev.prevent_default()>
                <ChoiceSelect id="integrer-ecran" label="Écran" options=screens value=screen
                    on_change=Callback::new(move |v| screen.set(v)) />
                <TextField id="integrer-couleur" label="Couleur d'accent (facultatif)" value=colour_text
                    hint="#RRGGBB, pour les liens et les boutons. Elle n'est employée que si elle garde un contraste de 4,5:1 avec le texte blanc et le fond ; sinon l'écran garde sa couleur et la console du navigateur dit pourquoi.".to_string()
                    message=message on_input=Callback::new(move |v| colour_text.set(v)) />
            </form>
            <section aria-labelledby="titre-code">
                <h2 id="titre-code">"Le code"</h2>
                <LinkToCopy name="integration" label="Code à coller dans votre page" copy_label="Copier le code" link=code
                    hint="Une seule balise, à coller dans le HTML de la page ; rien d'autre à installer." />
            </section>
        </div>
        <section aria-labelledby="titre-apercu">
            <h2 id="titre-apercu">"Aperçu"</h2>
            <iframe class="embed-preview" title="Aperçu de l'intégration"
                srcdoc=move || code.with(|c| preview_document(c))></iframe>
        </section>
    }
}
