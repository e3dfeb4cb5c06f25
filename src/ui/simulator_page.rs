//! `/simulateur`: every way to buy the course, priced as the user types.

use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

use crate::domain::fr::days_fr;
use crate::domain::money::{format_eur, format_number};
use crate::domain::pricing::{Quote, QuoteField};
use crate::domain::quote_form::{FundingChoice, QuoteForm};
use crate::ui::app::use_app;
use crate::ui::quote_lines::QuoteLines;
use crate::ui::quote_state::use_quote_state;
use crate::ui::share_panel::{ArrivalNoticeBanner, SharePanel};
use crate::ui::title::DocumentTitle;

/// The error message for `field`, if the current input has one.
fn field_error(field: QuoteField) -> impl Fn() -> Option<String> + Copy {
    let state = use_quote_state();
    move || {
        state.result.with(|r| {
            r.as_ref()
                .err()
                .and_then(|errors| errors.iter().find(|e| e.field == field))
                .map(|e| e.message.clone())
        })
    }
}

/// The message shown under a field, linked to it by `aria-describedby`.
#[component]
fn FieldMessage(id: &'static str, field: QuoteField) -> impl IntoView {
    let error = field_error(field);
    view! {
        <p id=id class="error-text" aria-live="polite">{move || error()}</p>
    }
}

#[component]
pub fn SimulatorPage() -> impl IntoView {
    let app = use_app();
    let state = use_quote_state();
    let form = state.form;

    // `?module=N` (from a module page) pre-selects that module, once, on arrival.
    let query = use_query_map();
    if let Some(n) = query
        .read_untracked()
        .get("module")
        .and_then(|n| n.parse::<u8>().ok())
    {
        if app.catalogue.module(n).is_some() {
            form.set(QuoteForm::for_module(n));
            state.touched.set(true);
        }
    }
    let edit = move |change: Box<dyn FnOnce(&mut QuoteForm)>| {
        state.touched.set(true);
        form.update(change);
    };

    let all_numbers: Vec<u8> = app.catalogue.modules.iter().map(|m| m.number).collect();
    let module_boxes = app
        .catalogue
        .modules
        .iter()
        .map(|m| {
            let n = m.number;
            let id = format!("module-{n}");
            let all = all_numbers.clone();
            view! {
                <div class="choice">
                    <input type="checkbox" id=id.clone()
                        prop:checked=move || form.read().module_ticked(n)
                        on:change=move |ev| {
                            let ticked = event_target_checked(&ev);
                            let all = all.clone();
                            edit(Box::new(move |f| f.set_module(n, ticked, &all)));
                        } />
                    <label for=id>
                        {format!("Module {n} — {} ({}, {} HT)", m.title, days_fr(m.days), format_eur(m.price_ht))}
                    </label>
                </div>
            }
        })
        .collect_view();

    let p = app.catalogue.prices.clone();
    let trainees_error = field_error(QuoteField::Trainees);
    let coaching_error = field_error(QuoteField::Coaching);
    let opco_error = field_error(QuoteField::OpcoAmount);
    let cpf_error = field_error(QuoteField::CpfBalance);
    let funding_choice = move || form.read().funding;
    let vat_rate = crate::domain::money::format_percent(p.vat_rate);

    view! {
        <DocumentTitle name="Simulateur de prix".to_string() />
        <h1>"Simulateur de prix"</h1>
        <ArrivalNoticeBanner />
        <p class="hint">"Les montants se mettent à jour à chaque saisie. Prix hors taxes, majorés de la TVA au taux en vigueur ; simulation indicative, seul le devis signé vaut engagement."</p>
        <div class="layout-2">
            <form class="simulator-form" on:submit=|ev| ev.prevent_default() aria-label="Paramètres du devis">
                <fieldset>
                    <legend>"Formule"</legend>
                    <div class="choice">
                        <input type="radio" id="formule-complet" name="formule"
                            prop:checked=move || form.read().full_course
                            on:change=move |_| edit(Box::new(|f| f.choose_full_course(true))) />
                        <label for="formule-complet">"Parcours complet"</label>
                    </div>
                    <div class="choice">
                        <input type="radio" id="formule-modulaire" name="formule"
                            prop:checked=move || !form.read().full_course
                            on:change=move |_| edit(Box::new(|f| f.choose_full_course(false))) />
                        <label for="formule-modulaire">"Parcours modulaire"</label>
                    </div>
                </fieldset>
                <fieldset aria-describedby="erreur-modules">
                    <legend>"Modules"</legend>
                    <p class="hint">"Le parcours complet comprend les cinq modules ; décocher un module passe au parcours modulaire."</p>
                    {module_boxes}
                    <FieldMessage id="erreur-modules" field=QuoteField::Modules />
                </fieldset>
                <div class="field">
                    <label for="stagiaires">"Nombre de stagiaires"</label>
                    <input id="stagiaires" type="number" min="1" max=p.trainees_max.to_string() step="1" inputmode="numeric"
                        aria-describedby="erreur-stagiaires"
                        aria-invalid=move || trainees_error().is_some().to_string()
                        prop:value=move || form.read().trainees.clone()
                        on:input=move |ev| { let v = event_target_value(&ev); edit(Box::new(move |f| f.trainees = v)); } />
                    <FieldMessage id="erreur-stagiaires" field=QuoteField::Trainees />
                </div>
                <div class="field">
                    <label for="accompagnement">"Jours d'accompagnement"</label>
                    <input id="accompagnement" type="number" min="0" max=p.coaching_max_days.to_string() step="1" inputmode="numeric"
                        aria-describedby="aide-accompagnement erreur-accompagnement"
                        aria-invalid=move || coaching_error().is_some().to_string()
                        prop:value=move || form.read().coaching_days.clone()
                        on:input=move |ev| { let v = event_target_value(&ev); edit(Box::new(move |f| f.coaching_days = v)); } />
                    <p id="aide-accompagnement" class="hint">{format!("Par stagiaire, de 0 à {} jours, {} HT par jour et par personne.", p.coaching_max_days, format_eur(p.coaching_per_day_ht))}</p>
                    <FieldMessage id="erreur-accompagnement" field=QuoteField::Coaching />
                </div>
                <div class="choice">
                    <input type="checkbox" id="certification"
                        prop:checked=move || form.read().certification
                        on:change=move |ev| { let v = event_target_checked(&ev); edit(Box::new(move |f| f.certification = v)); } />
                    <label for="certification">"Accès à la certification"</label>
                </div>
                <p class="hint">{format!("{} HT par stagiaire ; cochée par défaut avec le parcours complet.", format_eur(p.certification_ht))}</p>
                <div class="field">
                    <label for="tva">"TVA"</label>
                    <select id="tva" on:change=move |ev| { let v = event_target_value(&ev) == "exoneree"; edit(Box::new(move |f| f.vat_exempt = v)); }>
                        <option value="normale" selected=move || !form.read().vat_exempt>{format!("{vat_rate} (taux normal)")}</option>
                        <option value="exoneree" selected=move || form.read().vat_exempt>"Exonérée (art. 261-4-4° a du CGI)"</option>
                    </select>
                </div>
                <div class="field">
                    <label for="financement">"Financement"</label>
                    <select id="financement" on:change=move |ev| {
                        let choice = FundingChoice::from_key(&event_target_value(&ev)).unwrap_or_default();
                        edit(Box::new(move |f| f.funding = choice));
                    }>
                        {FundingChoice::ALL.iter().map(|c| {
                            let c = *c;
                            view! { <option value=c.key() selected=move || funding_choice() == c>{c.label()}</option> }
                        }).collect_view()}
                    </select>
                </div>
                <Show when=move || funding_choice() == FundingChoice::Opco>
                    <div class="field">
                        <label for="montant-opco">"Montant pris en charge par l'OPCO"</label>
                        <input id="montant-opco" type="text" inputmode="decimal" autocomplete="off" maxlength="20"
                            aria-describedby="aide-opco erreur-opco"
                            aria-invalid=move || opco_error().is_some().to_string()
                            prop:value=move || form.read().opco_amount.clone()
                            on:input=move |ev| { let v = event_target_value(&ev); edit(Box::new(move |f| f.opco_amount = v)); } />
                        <p id="aide-opco" class="hint">"En euros, tel qu'indiqué sur l'accord de prise en charge. La différence est facturée au client."</p>
                        <FieldMessage id="erreur-opco" field=QuoteField::OpcoAmount />
                    </div>
                </Show>
                <Show when=move || funding_choice() == FundingChoice::Cpf>
                    <div class="field">
                        <label for="solde-cpf">"Solde CPF"</label>
                        <input id="solde-cpf" type="text" inputmode="decimal" autocomplete="off" maxlength="20"
                            aria-describedby="aide-cpf erreur-cpf"
                            aria-invalid=move || cpf_error().is_some().to_string()
                            prop:value=move || form.read().cpf_balance.clone()
                            on:input=move |ev| { let v = event_target_value(&ev); edit(Box::new(move |f| f.cpf_balance = v)); } />
                        <p id="aide-cpf" class="hint">"Le CPF est personnel : un seul stagiaire, titulaire du compte."</p>
                        <FieldMessage id="erreur-cpf" field=QuoteField::CpfBalance />
                    </div>
                    <div class="choice">
                        <input type="checkbox" id="cpf-exonere"
                            prop:checked=move || form.read().cpf_exempt
                            on:change=move |ev| { let v = event_target_checked(&ev); edit(Box::new(move |f| f.cpf_exempt = v)); } />
                        <label for="cpf-exonere">"Dispensé de la participation forfaitaire (demandeur d'emploi, abondement de l'employeur)"</label>
                    </div>
                </Show>
                <FieldMessage id="erreur-date" field=QuoteField::Date />
                <FieldMessage id="erreur-financement" field=QuoteField::Funding />
            </form>
            <QuoteResults />
        </div>
    }
}

/// The breakdown, totals, funding and advice of the last valid quote.
#[component]
fn QuoteResults() -> impl IntoView {
    let state = use_quote_state();
    let invalid = move || state.result.with(|r| r.is_err());
    view! {
        <section class="results" aria-labelledby="titre-resultat">
            <h2 id="titre-resultat">"Votre devis estimatif"</h2>
            <Show when=invalid>
                <p class="notice warn" role="status">"Saisie incomplète ou invalide : le dernier devis valide reste affiché. Corrigez le champ signalé."</p>
            </Show>
            {move || state.last_quote.get().map(|q| view! { <QuoteBreakdown quote=q /> })}
            <crate::ui::save_draft_button::SaveDraftButton />
            <SharePanel />
        </section>
    }
}

#[component]
fn QuoteBreakdown(quote: Quote) -> impl IntoView {
    let e = quote.explained.clone();
    let funded = quote.funded;
    let has_contribution = !quote.cpf_contribution.is_zero();
    view! {
        <QuoteLines lines=quote.lines.clone() caption="Détail des lignes, en euros hors taxes" explained=true />
        <div aria-live="polite" aria-atomic="true" class="totals-live">
            <dl class="totals">
                <dt>"Total HT"</dt><dd data-testid="total-ht">{format_eur(quote.total_ht)}</dd>
                <dt>"TVA"</dt><dd data-testid="total-tva">{format_eur(quote.total_vat)}</dd>
                <dt>"Total TTC"</dt><dd data-testid="total-ttc" class="big">{format_eur(quote.total_ttc)}</dd>
                <dt>"Prise en charge"</dt><dd data-testid="prise-en-charge">{format_eur(funded)}</dd>
                {has_contribution.then(|| view! { <dt>"Participation forfaitaire CPF"</dt><dd data-testid="participation-cpf">{format_eur(quote.cpf_contribution)}</dd> })}
                <dt>"Reste à charge"</dt><dd data-testid="reste-a-charge" class="big">{format_eur(quote.remaining)}</dd>
            </dl>
        </div>
        {quote.advice.clone().map(|a| view! {
            <p class="notice" data-testid="conseil-parcours-complet">{a.message}</p>
        })}
        {quote.vat_mention.clone().map(|m| view! { <p class="small" data-testid="mention-tva">{m}</p> })}
        <details class="explain-all">
            <summary>"Comment ces montants sont calculés"</summary>
            <ul class="explain">
                <li>{e.total_ht}</li>
                <li>{e.total_vat}</li>
                <li>{e.total_ttc}</li>
                <li>{e.per_trainee}</li>
                <li>{e.training}</li>
                {e.coaching.map(|c| view! { <li>{c}</li> })}
                <li>{e.funded}</li>
                {e.cpf_contribution.map(|c| view! { <li>{c}</li> })}
                <li>{e.remaining}</li>
            </ul>
        </details>
        <p class="small">{format!(
            "Par stagiaire : {} HT, {} TTC (indicatif). Formation : {} ({} h) ; accompagnement : {} h.",
            format_eur(quote.per_trainee_ht), format_eur(quote.per_trainee_ttc),
            days_fr(quote.training_days), format_number(quote.training_hours), format_number(quote.coaching_hours))}</p>
    }
}
