//! `/penalites`: the late-payment penalty of a sum paid after its due date. The domain
//! computes (`late_payment_penalty`); this screen reads the inputs, calls it and shows the
//! figures, the half-year periods and the explanations. When the delay runs through
//! half-years the data file lacks (`missing_half_years`), it asks for their rates; what
//! is typed lives in plain signals and is never stored.

use std::collections::{BTreeMap, BTreeSet};

use leptos::prelude::*;

use crate::domain::calendar::{format_iso_date, parse_iso_date};
use crate::domain::fr::{format_date_fr, half_year_fr};
use crate::domain::late_payment::{
    late_payment_penalty, missing_half_years, parse_typed_rate, rates_known_until_fr, ClientKind,
    LatePaymentError, LatePaymentOutcome, LatePaymentRequest, PenaltyPeriod, RateSource, TypedRate,
    TypedRateError,
};
use crate::domain::money::{format_eur, format_number, format_percent};
use crate::edge::clock::today;
use crate::ui::app::use_app;
use crate::ui::cancellation_page::{amount_input, date_input, InputError};
use crate::ui::title::DocumentTitle;

/// Which input a message belongs to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Field {
    Amount,
    Due,
    Paid,
    /// The rate typed for a half-year (year, 1 or 2) missing from the data file.
    Rate(i32, u8),
    /// Not tied to one input (a missing legal rate, say): shown above the results.
    Other,
}

type Errors = Vec<InputError<Field>>;

fn field_of(error: &LatePaymentError) -> Field {
    match error {
        LatePaymentError::NegativeAmount | LatePaymentError::AmountTooLarge => Field::Amount,
        LatePaymentError::DueDateOutOfRange => Field::Due,
        LatePaymentError::PaidDateOutOfRange => Field::Paid,
        LatePaymentError::InvalidTypedRate { year, half, .. } => Field::Rate(*year, *half),
        LatePaymentError::MissingRate { .. } | LatePaymentError::Overflow => Field::Other,
    }
}

/// A half-year: (year, 1 or 2).
type HalfYear = (i32, u8);

/// Reads the rate typed for a half-year missing from the data file. An empty field asks
/// for the rate once visited; the calculator names every half-year still missing.
fn rate_input(text: &str, (year, half): HalfYear, errors: &mut Errors) -> Option<TypedRate> {
    match parse_typed_rate(text) {
        Ok(rate) => Some(TypedRate { year, half, rate }),
        Err(e @ TypedRateError::Empty) => {
            errors.push(InputError::missing(Field::Rate(year, half), e.message()));
            None
        }
        Err(e) => {
            errors.push(InputError::invalid(Field::Rate(year, half), e.message()));
            None
        }
    }
}

#[component]
pub fn LatePaymentPage() -> impl IntoView {
    let catalogue = use_app().catalogue.clone();
    let terms = catalogue.late_payment.clone();

    let amount = RwSignal::new(String::new());
    let due = RwSignal::new(String::new());
    let paid = RwSignal::new(format_iso_date(today()));
    let client = RwSignal::new(ClientKind::Individual);
    let visited_amount = RwSignal::new(false);
    let visited_due = RwSignal::new(false);
    let visited_paid = RwSignal::new(false);
    // Rates typed for half-years missing from the data, kept while the dates change.
    let typed_texts = RwSignal::new(BTreeMap::<HalfYear, String>::new());
    let visited_rates = RwSignal::new(BTreeSet::<HalfYear>::new());
    let shows = move |e: &InputError<Field>| {
        !e.missing
            || match e.field {
                Field::Amount => visited_amount.get(),
                Field::Due => visited_due.get(),
                Field::Paid => visited_paid.get(),
                Field::Rate(year, half) => visited_rates.with(|v| v.contains(&(year, half))),
                Field::Other => true,
            }
    };

    let known_until = rates_known_until_fr(&catalogue);
    // The half-years of the delay whose rate the data file lacks: one field each.
    let missing = {
        let catalogue = catalogue.clone();
        Memo::new(move |_| {
            match (
                due.with(|t| parse_iso_date(t)),
                paid.with(|t| parse_iso_date(t)),
            ) {
                (Some(due), Some(paid)) => missing_half_years(&catalogue, due, paid),
                _ => Vec::new(),
            }
        })
    };

    let computed = Memo::new(move |_| -> Result<LatePaymentOutcome, Errors> {
        let mut errors = Errors::new();
        let amount = amount.with(|t| amount_input(t, Field::Amount, "le montant dû", &mut errors));
        let due = due.with(|t| date_input(t, Field::Due, "la date d'échéance", &mut errors));
        let paid = paid.with(|t| date_input(t, Field::Paid, "la date de paiement", &mut errors));
        let typed_rates: Vec<TypedRate> = typed_texts.with(|texts| {
            missing.with(|missing| {
                missing
                    .iter()
                    .filter_map(|hy| {
                        rate_input(texts.get(hy).map_or("", String::as_str), *hy, &mut errors)
                    })
                    .collect()
            })
        });
        let (Some(amount), Some(due), Some(paid)) = (amount, due, paid) else {
            return Err(errors);
        };
        let request = LatePaymentRequest {
            amount,
            due,
            paid,
            client: client.get(),
            typed_rates,
        };
        match late_payment_penalty(&catalogue, &request) {
            Ok(outcome) if errors.is_empty() => return Ok(outcome),
            Ok(_) => {}
            Err(e) => errors.push(InputError::invalid(field_of(&e), e.message())),
        }
        Err(errors)
    });
    // The last valid result stays while a field is being retyped; an error the inputs
    // cannot fix field by field (a missing legal rate) clears it.
    let last_ok =
        Memo::new(
            move |previous: Option<&Option<LatePaymentOutcome>>| match computed.get() {
                Ok(outcome) => Some(outcome),
                Err(errors) if errors.iter().any(|e| e.field == Field::Other) => None,
                Err(_) => previous.cloned().flatten(),
            },
        );

    let message_for = move |field: Field| -> Option<String> {
        computed.with(|r| {
            r.as_ref().err().and_then(|errors| {
                errors
                    .iter()
                    .find(|e| e.field == field && shows(e))
                    .map(|e| e.message.clone())
            })
        })
    };
    let invalid = move |field: Field| message_for(field).is_some().to_string();
    let status = move || {
        if computed.with(|r| r.is_ok()) || message_for(Field::Other).is_some() {
            return None;
        }
        Some(if last_ok.with(|o| o.is_some()) {
            view! {
                <p class="notice warn" role="status">"Saisie incomplète ou invalide : le dernier résultat valide reste affiché. Corrigez le champ signalé."</p>
            }
            .into_any()
        } else {
            view! {
                <p class="hint" role="status">"Indiquez le montant dû, la date d'échéance et la date de paiement : le calcul s'affiche aussitôt."</p>
            }
            .into_any()
        })
    };

    let intro = format!(
        "Toute somme non payée à l'échéance entraîne de plein droit, sans mise en demeure, des \
         pénalités égales à {} fois le taux d'intérêt légal du semestre couru, au prorata des \
         jours de retard (CGV). Pour un client professionnel, le Code de commerce (art. \
         L441-10) impose au moins {} fois ce taux et ajoute une indemnité forfaitaire de \
         recouvrement de {}.",
        format_number(terms.cgv_multiplier),
        format_number(terms.business_floor_multiplier),
        format_eur(terms.business_recovery_indemnity)
    );

    view! {
        <DocumentTitle name="Pénalités de retard".to_string() />
        <h1>"Pénalités de retard"</h1>
        <p class="hint page-intro">{intro}</p>
        <p class="hint page-intro" data-testid="penalites-taux-connus">{known_until}</p>
        <div class="layout-2">
            <form class="late-payment-form" on:submit=|ev| ev.prevent_default() aria-label="Paramètres du retard de paiement">
                <div class="field">
                    <label for="montant-du">"Montant dû"</label>
                    <input id="montant-du" type="text" inputmode="decimal" autocomplete="off" maxlength="20"
                        aria-describedby="aide-montant-du erreur-montant-du"
                        aria-invalid=move || invalid(Field::Amount)
                        prop:value=move || amount.get()
                        on:input=move |ev| amount.set(event_target_value(&ev))
                        on:blur=move |_| visited_amount.set(true) />
                    <p id="aide-montant-du" class="hint">"La somme restée impayée à l'échéance, en euros, telle que facturée (par exemple 4 800,00)."</p>
                    <p id="erreur-montant-du" class="error-text" aria-live="polite">{move || message_for(Field::Amount)}</p>
                </div>
                <div class="field">
                    <label for="date-echeance">"Date d'échéance"</label>
                    <input id="date-echeance" type="date"
                        aria-describedby="erreur-date-echeance"
                        aria-invalid=move || invalid(Field::Due)
                        prop:value=move || due.get()
                        on:input=move |ev| due.set(event_target_value(&ev))
                        on:change=move |ev| { due.set(event_target_value(&ev)); visited_due.set(true); }
                        on:blur=move |_| visited_due.set(true) />
                    <p id="erreur-date-echeance" class="error-text" aria-live="polite">{move || message_for(Field::Due)}</p>
                </div>
                <div class="field">
                    <label for="date-paiement">"Date de paiement"</label>
                    <input id="date-paiement" type="date"
                        aria-describedby="aide-date-paiement erreur-date-paiement"
                        aria-invalid=move || invalid(Field::Paid)
                        prop:value=move || paid.get()
                        on:input=move |ev| paid.set(event_target_value(&ev))
                        on:change=move |ev| { paid.set(event_target_value(&ev)); visited_paid.set(true); }
                        on:blur=move |_| visited_paid.set(true) />
                    <p id="aide-date-paiement" class="hint">"Le jour où le paiement est reçu (aujourd'hui par défaut)."</p>
                    <p id="erreur-date-paiement" class="error-text" aria-live="polite">{move || message_for(Field::Paid)}</p>
                </div>
                <div class="field">
                    <label for="type-client">"Type de client"</label>
                    <select id="type-client" on:change=move |ev| {
                        client.set(if event_target_value(&ev) == "professionnel" { ClientKind::Business } else { ClientKind::Individual });
                    }>
                        <option value="particulier" selected=move || client.get() == ClientKind::Individual>"Particulier"</option>
                        <option value="professionnel" selected=move || client.get() == ClientKind::Business>"Professionnel (entreprise)"</option>
                    </select>
                </div>
                <Show when=move || missing.with(|m| !m.is_empty())>
                    <fieldset class="typed-rates">
                        <legend>"Taux d'intérêt légal à saisir"</legend>
                        <p id="aide-taux-saisis" class="hint">"Les données du simulateur ne contiennent pas encore le taux de tous les semestres du retard. Pour chaque semestre ci-dessous, saisissez le taux d'intérêt légal publié « pour tous les autres cas » (créancier autre qu'un particulier), en pourcentage, par exemple 3,5. Ce taux est fixé chaque semestre par un arrêté publié au Journal officiel ; la Banque de France le publie aussi sur son site."</p>
                        <For each=move || missing.get() key=|hy| *hy let:hy>
                            <TypedRateField half_year=hy texts=typed_texts visited=visited_rates
                                message=Signal::derive(move || message_for(Field::Rate(hy.0, hy.1))) />
                        </For>
                    </fieldset>
                </Show>
            </form>
            <section class="results" aria-labelledby="titre-penalites">
                <h2 id="titre-penalites">"Pénalités dues"</h2>
                {move || message_for(Field::Other).map(|m| view! {
                    <p class="notice error" role="alert" data-testid="penalites-erreur">{m}</p>
                })}
                {status}
                {move || last_ok.get().map(|outcome| view! { <PenaltyOutcome outcome=outcome /> })}
            </section>
        </div>
    }
}

/// The rate typed for one half-year missing from the data file, in percent.
#[component]
fn TypedRateField(
    half_year: HalfYear,
    texts: RwSignal<BTreeMap<HalfYear, String>>,
    visited: RwSignal<BTreeSet<HalfYear>>,
    message: Signal<Option<String>>,
) -> impl IntoView {
    let (year, half) = half_year;
    let id = format!("taux-{year}-s{half}");
    let error_id = format!("erreur-{id}");
    let label = format!("Taux d'intérêt légal du {} (%)", half_year_fr(year, half));
    view! {
        <div class="field">
            <label for=id.clone()>{label}</label>
            <input id=id type="text" inputmode="decimal" autocomplete="off" maxlength="20"
                aria-describedby=format!("aide-taux-saisis {error_id}")
                aria-invalid=move || message.with(Option::is_some).to_string()
                prop:value=move || texts.with(|t| t.get(&half_year).cloned().unwrap_or_default())
                on:input=move |ev| {
                    let text = event_target_value(&ev);
                    texts.update(|t| { t.insert(half_year, text); });
                }
                on:blur=move |_| visited.update(|v| { v.insert(half_year); }) />
            <p id=error_id class="error-text" aria-live="polite">{move || message.get()}</p>
        </div>
    }
}

/// The figures, the periods and the explanations of a penalty.
#[component]
fn PenaltyOutcome(outcome: LatePaymentOutcome) -> impl IntoView {
    let o = outcome;
    let multiplier = format!(
        "{} × le taux d'intérêt légal{}",
        format_number(o.multiplier),
        if o.business_floor_applied {
            " (plancher du Code de commerce)"
        } else {
            ""
        }
    );
    let has_periods = !o.periods.is_empty();
    let explanations = o
        .explanations
        .iter()
        .map(|e| view! { <li>{e.clone()}</li> })
        .collect_view();
    view! {
        <div class="results-live" aria-live="polite">
            <dl class="totals">
                <dt>"Jours de retard"</dt>
                <dd data-testid="penalites-jours">{o.days_late.to_string()}</dd>
                <dt>"Taux appliqué"</dt>
                <dd data-testid="penalites-multiplicateur">{multiplier}</dd>
                <dt>"Pénalités (intérêts)"</dt>
                <dd data-testid="penalites-interets">{format_eur(o.interest)}</dd>
                <dt>"Indemnité forfaitaire de recouvrement"</dt>
                <dd data-testid="penalites-indemnite">{format_eur(o.indemnity)}</dd>
                <dt>"Total"</dt>
                <dd data-testid="penalites-total" class="big">{format_eur(o.total)}</dd>
            </dl>
        </div>
        {has_periods.then(|| view! { <PeriodsTable periods=o.periods.clone() /> })}
        <h3>"Explications"</h3>
        <ul class="explain">{explanations}</ul>
    }
}

/// The legal rate of a period, marked when the user typed it.
fn legal_rate_cell(p: &PenaltyPeriod) -> String {
    match p.rate_source {
        RateSource::Data => format_percent(p.legal_rate),
        RateSource::Typed => format!("{} (saisi)", format_percent(p.legal_rate)),
    }
}

/// One row per half-year the delay runs through.
#[component]
fn PeriodsTable(periods: Vec<PenaltyPeriod>) -> impl IntoView {
    let rows = periods
        .iter()
        .map(|p| {
            view! {
                <tr>
                    <th scope="row">{half_year_fr(p.year, p.half)}</th>
                    <td>{format_date_fr(p.from)}</td>
                    <td>{format_date_fr(p.to)}</td>
                    <td class="num">{p.days.to_string()}</td>
                    <td class="num">{p.year_length.to_string()}</td>
                    <td class="num">{legal_rate_cell(p)}</td>
                    <td class="num">{format_percent(p.applied_rate)}</td>
                    <td class="num">{format_eur(p.interest)}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <h3 id="titre-detail-semestres">"Détail par semestre"</h3>
        <div class="table-wrap" tabindex="0" role="region" aria-labelledby="titre-detail-semestres">
            <table data-testid="penalites-periodes">
                <caption class="small">"Intérêts = montant dû × taux appliqué × jours de retard du semestre ÷ jours de l'année."</caption>
                <thead>
                    <tr>
                        <th scope="col">"Semestre"</th>
                        <th scope="col">"Du"</th>
                        <th scope="col">"Au"</th>
                        <th scope="col" class="num">"Jours"</th>
                        <th scope="col" class="num">"Jours de l'année"</th>
                        <th scope="col" class="num">"Taux légal"</th>
                        <th scope="col" class="num">"Taux appliqué"</th>
                        <th scope="col" class="num">"Intérêts"</th>
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
    }
}
