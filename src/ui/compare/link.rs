//! One link for the whole comparison: `/comparer?devis=A&devis=B`, each quote a share-link
//! code; opening it shows the same quotes side by side.

use leptos::prelude::*;

use crate::domain::compare::comparison_query;
use crate::domain::share_link::encode;
use crate::ui::context::use_app;
use crate::ui::routes::COMPARE;
use crate::ui::share_panel::LinkToCopy;

use super::state::Columns;

#[component]
pub fn ComparisonLink(columns: Columns) -> impl IntoView {
    let app = use_app();
    let version = app.catalogue.version.clone();
    let link = Memo::new(move |_| {
        columns
            .valid_forms()
            .map(|forms| {
                let codes: Vec<String> = forms.iter().map(|f| encode(f, &version)).collect();
                // The screen's folder, which a static host answers without a redirect (some
                // drop the query on one).
                app.url(&format!("{}?{}", COMPARE.path, comparison_query(&codes)))
            })
            .unwrap_or_default()
    });
    view! {
        <section class="share no-print" aria-labelledby="titre-lien-comparaison">
            <h2 id="titre-lien-comparaison">"Partager la comparaison"</h2>
            <LinkToCopy name="comparaison" label="Lien de la comparaison" copy_label="Copier le lien de la comparaison" link=link
                hint="Le lien ne contient que la sélection de chaque devis, sans donnée personnelle ni solde CPF ; les prix sont recalculés à l'ouverture." />
        </section>
    }
}
