//! One link for the whole comparison: `/comparer?devis=A&devis=B`, each quote a share-link
//! code; opening it shows the same quotes side by side.

use leptos::prelude::*;

use crate::domain::compare::comparison_query;
use crate::domain::share_link::encode;
use crate::ui::context::use_app;
use crate::ui::routes::COMPARE;
use crate::ui::share_panel::link_copier;

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
    let (status, copy) = link_copier(link);
    view! {
        <section class="share no-print" aria-labelledby="titre-lien-comparaison">
            <h2 id="titre-lien-comparaison">"Partager la comparaison"</h2>
            <div class="field">
                <label for="lien-comparaison">"Lien de la comparaison"</label>
                <input id="lien-comparaison" type="text" readonly data-testid="lien-comparaison"
                    aria-describedby="aide-lien-comparaison statut-lien-comparaison"
                    prop:value=move || link.get() />
                <p id="aide-lien-comparaison" class="hint">"Le lien ne contient que la sélection de chaque devis, sans donnée personnelle ni solde CPF ; les prix sont recalculés à l'ouverture."</p>
            </div>
            <button type="button" on:click=copy>"Copier le lien de la comparaison"</button>
            <p id="statut-lien-comparaison" role="status" class="small">{move || status.get()}</p>
        </section>
    }
}
