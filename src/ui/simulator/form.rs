//! The simulator's inputs: formula and modules, trainees, coaching, certification, VAT,
//! funding.

use leptos::prelude::*;

use crate::domain::fr::days_fr;
use crate::domain::money::{format_eur, format_percent};
use crate::domain::pricing::{QuoteField, Vat};
use crate::ui::context::use_app;
use crate::ui::first_render::Later;
use crate::ui::form::{ChoiceSelect, TextField};
use crate::ui::quote_state::use_quote_state;
use crate::ui::sessions::SessionSelect;

use super::funding::FundingFields;
use super::{edit, field_error};

/// The formula radios and a checkbox per module.
#[component]
fn FormulaFields() -> impl IntoView {
    let app = use_app();
    let state = use_quote_state();
    let form = state.form;
    let all: Vec<u8> = app.catalogue.modules.iter().map(|m| m.number).collect();
    let boxes = app.catalogue.modules.iter().map(|m| {
        let (n, id, all) = (m.number, format!("module-{}", m.number), all.clone());
        view! {
            <div class="choice">
                <input type="checkbox" id=id.clone()
                    prop:checked=move || form.read().module_ticked(n)
                    on:change=move |ev| { let ticked = event_target_checked(&ev); edit(state, |f| f.set_module(n, ticked, &all)); } />
                <label for=id>{format!("Module {n} — {} ({}, {} HT)", m.title, days_fr(m.days), format_eur(m.price_ht))}</label>
            </div>
        }
    }).collect_view();
    let modules_error = field_error(state, QuoteField::Modules);
    view! {
        <fieldset>
            <legend>"Formule"</legend>
            <div class="choice">
                <input type="radio" id="formule-complet" name="formule"
                    prop:checked=move || form.read().full_course
                    on:change=move |_| edit(state, |f| f.choose_full_course(true)) />
                <label for="formule-complet">"Parcours complet"</label>
            </div>
            <div class="choice">
                <input type="radio" id="formule-modulaire" name="formule"
                    prop:checked=move || !form.read().full_course
                    on:change=move |_| edit(state, |f| f.choose_full_course(false)) />
                <label for="formule-modulaire">"Parcours modulaire"</label>
            </div>
        </fieldset>
        <fieldset aria-describedby="erreur-modules">
            <legend>"Modules"</legend>
            <p class="hint">"Le parcours complet comprend les cinq modules ; décocher un module passe au parcours modulaire."</p>
            {boxes}
            <p id="erreur-modules" class="error-text" aria-live="polite">{move || modules_error.get()}</p>
        </fieldset>
    }
}

/// The trainees and the coaching days.
#[component]
fn TraineeFields() -> impl IntoView {
    let state = use_quote_state();
    let form = state.form;
    let p = use_app().catalogue.prices.clone();
    view! {
        <TextField id="stagiaires" label="Nombre de stagiaires" kind="number" inputmode="numeric"
            min="1" max=p.trainees_max.to_string() step="1"
            value=Signal::derive(move || form.read().trainees.clone())
            on_input=Callback::new(move |v| edit(state, |f| f.trainees = v))
            message=field_error(state, QuoteField::Trainees) />
        <TextField id="accompagnement" label="Jours d'accompagnement" kind="number" inputmode="numeric"
            min="0" max=p.coaching_max_days.to_string() step="1"
            hint=format!("Par stagiaire, de 0 à {} jours, {} HT par jour et par personne.", p.coaching_max_days, format_eur(p.coaching_per_day_ht))
            value=Signal::derive(move || form.read().coaching_days.clone())
            on_input=Callback::new(move |v| edit(state, |f| f.coaching_days = v))
            message=field_error(state, QuoteField::Coaching) />
    }
}

/// The certification and the VAT.
#[component]
fn OptionFields() -> impl IntoView {
    let state = use_quote_state();
    let form = state.form;
    let p = use_app().catalogue.prices.clone();
    let vat_options = vec![
        (
            Vat::Standard.key().to_string(),
            format!("{} (taux normal)", format_percent(p.vat_rate)),
        ),
        (
            Vat::Exempt.key().to_string(),
            "Exonérée (art. 261-4-4° a du CGI)".to_string(),
        ),
    ];
    view! {
        <div class="choice">
            <input type="checkbox" id="certification"
                prop:checked=move || form.read().certification
                on:change=move |ev| { let v = event_target_checked(&ev); edit(state, |f| f.certification = v); } />
            <label for="certification">"Accès à la certification"</label>
        </div>
        <p class="hint">{format!("{} HT par stagiaire ; cochée par défaut avec le parcours complet.", format_eur(p.certification_ht))}</p>
        <ChoiceSelect id="tva" label="TVA" options=vat_options
            value=Signal::derive(move || Vat::of_exempt(form.read().vat_exempt).key().to_string())
            on_change=Callback::new(move |v: String| edit(state, |f| f.vat_exempt = v == Vat::Exempt.key())) />
    }
}

/// The session: « Dates à convenir » or an upcoming open session.
#[component]
fn SessionField() -> impl IntoView {
    let state = use_quote_state();
    let form = state.form;
    view! {
        <SessionSelect id="session"
            value=Signal::derive(move || form.read().session.clone())
            on_change=Callback::new(move |v: String| edit(state, |f| f.session = v)) />
    }
}

/// The form, each group of fields rendered in a task of its own on the page's first
/// render (`Later`).
#[component]
pub fn SimulatorForm() -> impl IntoView {
    view! {
        <form class="simulator-form" on:submit=|ev| ev.prevent_default() aria-label="Paramètres du devis">
            <Later><FormulaFields /></Later>
            <Later><SessionField /></Later>
            <Later><TraineeFields /></Later>
            <Later><OptionFields /></Later>
            <Later><FundingFields /></Later>
        </form>
    }
}
