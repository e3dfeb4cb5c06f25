//! `/annulation`: what a client owes when it cancels, postpones, drops out or is absent,
//! and the dates that matter. The domain computes (`assess_cancellation`); this screen
//! reads the inputs, calls it and shows the outcome with its explanations.

use chrono::NaiveDate;
use leptos::prelude::*;
use leptos_router::components::A;
use rust_decimal::Decimal;

use crate::domain::calendar::{self, format_iso_date, parse_iso_date, DayKind};
use crate::domain::cancellation::{
    assess_cancellation, booking_from_catalogue, booking_from_quote, modules_from_full_course,
    schedule, BookingKind, BookingSource, CancellationError, CancellationOutcome,
    CancellationRequest, Case, FeeBand, FundingKind, ModuleBooking, ModuleLine, ModuleStatus, Who,
    COUNTED_DAYS_CAP, FEE_BASIS_FR,
};
use crate::domain::catalogue::CancellationTerms;
use crate::domain::fr::{attended_fr, days_fr, format_date_fr};
use crate::domain::money::{format_eur, format_percent, parse_amount};
use crate::domain::pricing::Funding;
use crate::edge::clock::today;
use crate::ui::app::use_app;
use crate::ui::quote_state::use_quote_state;
use crate::ui::title::DocumentTitle;

/// A message for one input of a form, shown next to it.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct InputError<F> {
    pub field: F,
    pub message: String,
    /// The field is empty: the message waits until the user has visited the field.
    pub missing: bool,
}

impl<F> InputError<F> {
    pub fn invalid(field: F, message: impl Into<String>) -> Self {
        Self {
            field,
            message: message.into(),
            missing: false,
        }
    }

    pub fn missing(field: F, message: impl Into<String>) -> Self {
        Self {
            field,
            message: message.into(),
            missing: true,
        }
    }
}

/// Reads an `<input type=date>` value; `what` completes "Indiquez …" when it is empty.
pub(crate) fn date_input<F: Copy>(
    text: &str,
    field: F,
    what: &str,
    errors: &mut Vec<InputError<F>>,
) -> Option<NaiveDate> {
    if text.trim().is_empty() {
        errors.push(InputError::missing(field, format!("Indiquez {what}.")));
        return None;
    }
    let date = parse_iso_date(text);
    if date.is_none() {
        errors.push(InputError::invalid(
            field,
            format!(
                "Date invalide : saisissez une date réelle, entre {} et {}.",
                calendar::MIN_YEAR,
                calendar::MAX_YEAR
            ),
        ));
    }
    date
}

/// Reads an amount typed in euros; `what` completes "Indiquez …" when it is empty.
pub(crate) fn amount_input<F: Copy>(
    text: &str,
    field: F,
    what: &str,
    errors: &mut Vec<InputError<F>>,
) -> Option<Decimal> {
    if text.trim().is_empty() {
        errors.push(InputError::missing(field, format!("Indiquez {what}.")));
        return None;
    }
    let amount = parse_amount(text);
    if amount.is_none() {
        errors.push(InputError::invalid(
            field,
            "Montant invalide : saisissez un montant positif en euros, avec au plus deux \
             décimales (par exemple 4 000,00).",
        ));
    }
    amount
}

/// An amount as an input shows it: `4000,00` (no grouping, read back as typed).
pub(crate) fn amount_text(amount: Decimal) -> String {
    format!("{amount:.2}").replace('.', ",")
}

/// Which input a message belongs to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Field {
    Start,
    Notified,
    Amount,
    ModuleStart(u8),
    ModuleAmount(u8),
    /// Not tied to one input: shown above the results.
    Other,
}

type Errors = Vec<InputError<Field>>;

fn field_of(error: &CancellationError) -> Field {
    match error {
        CancellationError::NegativeAmount | CancellationError::AmountTooLarge => Field::Amount,
        CancellationError::StartOutOfRange => Field::Start,
        CancellationError::NotificationOutOfRange => Field::Notified,
        CancellationError::ModuleNegativeAmount { number }
        | CancellationError::ModuleAmountTooLarge { number } => Field::ModuleAmount(*number),
        CancellationError::ModuleStartOutOfRange { number } => Field::ModuleStart(*number),
        CancellationError::InvalidVatRate
        | CancellationError::TooManyModules
        | CancellationError::ModuleInvalidDays { .. }
        | CancellationError::Overflow => Field::Other,
    }
}

/// One line of the booking (a module or the coaching), as the interruption view edits it.
#[derive(Clone)]
struct ModuleRow {
    kind: BookingKind,
    number: u8,
    label: String,
    days: Decimal,
    amount: RwSignal<String>,
    start: RwSignal<String>,
}

impl ModuleRow {
    /// "du module 3", "de l'accompagnement": how the row's labels name it.
    fn of_name(&self) -> String {
        match self.kind {
            BookingKind::Module => format!("du module {}", self.number),
            BookingKind::Coaching => "de l'accompagnement".to_string(),
        }
    }

    /// False when its amount is 0: the line is not booked.
    fn is_booked(&self) -> bool {
        self.amount.with(|t| parse_amount(t)) != Some(Decimal::ZERO)
    }

    /// The booking line as typed (an amount not yet valid counts as 0).
    fn booking(&self, start: Option<NaiveDate>) -> ModuleBooking {
        ModuleBooking {
            kind: self.kind,
            number: self.number,
            label: self.label.clone(),
            days: self.days,
            amount_ht: self
                .amount
                .with(|t| parse_amount(t))
                .unwrap_or(Decimal::ZERO),
            start,
        }
    }
}

/// Which fields the user has visited: an empty field only shows its message afterwards.
#[derive(Clone, Copy)]
struct Visited {
    start: RwSignal<bool>,
    notified: RwSignal<bool>,
    amount: RwSignal<bool>,
}

impl Visited {
    fn shows(self, error: &InputError<Field>) -> bool {
        !error.missing
            || match error.field {
                Field::Start => self.start.get(),
                Field::Notified => self.notified.get(),
                Field::Amount => self.amount.get(),
                _ => true,
            }
    }
}

#[component]
pub fn CancellationPage() -> impl IntoView {
    let app = use_app();
    let catalogue = app.catalogue.clone();
    // The simulator's current quote (its default one when untouched) prefills both the
    // amount and the module lines, or neither when there is no valid quote.
    let quote = use_quote_state().last_quote.get_untracked();
    let booking = match &quote {
        Some(q) => booking_from_quote(&catalogue, q),
        None => booking_from_catalogue(&catalogue),
    };

    let start_text = RwSignal::new(String::new());
    let notified_text = RwSignal::new(format_iso_date(today()));
    let amount_text_sig = RwSignal::new(
        quote
            .as_ref()
            .map(|_| amount_text(booking.basis_ht))
            .unwrap_or_default(),
    );
    let who = RwSignal::new(Who::ClientCancels);
    let funding = RwSignal::new(match quote.as_ref().map(|q| &q.request.funding) {
        Some(Funding::Opco { .. }) => FundingKind::Opco,
        Some(Funding::Cpf { .. }) => FundingKind::Cpf,
        _ => FundingKind::None,
    });
    let vat_exempt = RwSignal::new(quote.as_ref().is_some_and(|q| q.vat_rate.is_zero()));
    let visited = Visited {
        start: RwSignal::new(false),
        notified: RwSignal::new(false),
        amount: RwSignal::new(false),
    };

    let source = booking.source;
    let rows: Vec<ModuleRow> = booking
        .lines
        .into_iter()
        .map(|b| ModuleRow {
            kind: b.kind,
            number: b.number,
            label: b.label,
            days: b.days,
            amount: RwSignal::new(amount_text(b.amount_ht)),
            start: RwSignal::new(String::new()),
        })
        .collect();

    // On or after the start: the interruption view (kept while a date is being retyped).
    let after_start = Memo::new(move |previous: Option<&bool>| {
        let start = start_text.with(|t| parse_iso_date(t));
        let notified = notified_text.with(|t| parse_iso_date(t));
        match (start, notified) {
            (Some(s), Some(n)) => n >= s,
            _ => previous.copied().unwrap_or(false),
        }
    });
    let show_modules = move || {
        after_start.get() && who.get() == Who::ClientCancels && funding.get() != FundingKind::Cpf
    };

    let computed = {
        let catalogue = catalogue.clone();
        let rows = rows.clone();
        Memo::new(move |_| -> Result<CancellationOutcome, Errors> {
            let mut errors = Errors::new();
            let start = start_text.with(|t| {
                date_input(
                    t,
                    Field::Start,
                    "la date de début de la formation",
                    &mut errors,
                )
            });
            let notified = notified_text
                .with(|t| date_input(t, Field::Notified, "la date de notification", &mut errors));
            let amount = amount_text_sig
                .with(|t| amount_input(t, Field::Amount, "le montant HT", &mut errors));
            let mut modules = Vec::new();
            if show_modules() {
                for row in &rows {
                    let n = row.number;
                    let amount = row.amount.with(|t| {
                        amount_input(
                            t,
                            Field::ModuleAmount(n),
                            &format!("le montant HT {} (0 s'il n'est pas réservé)", row.of_name()),
                            &mut errors,
                        )
                    });
                    let start = row.start.with(|t| {
                        if t.trim().is_empty() {
                            Some(None)
                        } else {
                            date_input(t, Field::ModuleStart(n), "", &mut errors).map(Some)
                        }
                    });
                    if let (Some(amount_ht), Some(start)) = (amount, start) {
                        // An amount of zero: the module is not booked.
                        if !amount_ht.is_zero() {
                            modules.push(ModuleBooking {
                                amount_ht,
                                ..row.booking(start)
                            });
                        }
                    }
                }
            }
            let (Some(start), Some(notified), Some(amount_ht)) = (start, notified, amount) else {
                return Err(errors);
            };
            if !errors.is_empty() {
                return Err(errors);
            }
            let request = CancellationRequest {
                start,
                notified,
                amount_ht,
                vat_rate: if vat_exempt.get() {
                    Decimal::ZERO
                } else {
                    catalogue.prices.vat_rate
                },
                who: who.get(),
                funding: funding.get(),
                modules,
            };
            assess_cancellation(&catalogue, &request)
                .map_err(|e| vec![InputError::invalid(field_of(&e), e.message())])
        })
    };
    let last_ok =
        Memo::new(
            move |previous: Option<&Option<CancellationOutcome>>| match computed.get() {
                Ok(outcome) => Some(outcome),
                Err(_) => previous.cloned().flatten(),
            },
        );

    let message_for = move |field: Field| -> Option<String> {
        computed.with(|r| {
            r.as_ref().err().and_then(|errors| {
                errors
                    .iter()
                    .find(|e| e.field == field && visited.shows(e))
                    .map(|e| e.message.clone())
            })
        })
    };
    let invalid = move |field: Field| message_for(field).is_some().to_string();

    let vat_label = format_percent(catalogue.prices.vat_rate);
    let amount_hint = match &quote {
        Some(_) if booking.certification_ht.is_zero() => format!(
            "Prérempli depuis le simulateur : prix HT de la formation commandée dans le devis \
             en cours ({}), modifiable. {FEE_BASIS_FR}",
            format_eur(booking.basis_ht)
        ),
        Some(_) => format!(
            "Prérempli depuis le simulateur : prix HT de la formation commandée dans le devis \
             en cours ({}), sans les frais de certification ({}), modifiable. {FEE_BASIS_FR}",
            format_eur(booking.basis_ht),
            format_eur(booking.certification_ht)
        ),
        None => format!("Prix HT de la formation, en euros (par exemple 4 000,00). {FEE_BASIS_FR}"),
    };
    let modules_hint = match source {
        BookingSource::FullCourseQuote => {
            "Montants préremplis depuis le simulateur : le prix du parcours complet réparti \
             entre les modules au prorata de leur durée."
        }
        BookingSource::ModularQuote => {
            "Montants préremplis depuis le simulateur : le total HT de chaque module réservé."
        }
        BookingSource::Catalogue => {
            "Les cinq modules, avec le prix du parcours complet réparti au prorata de leur durée."
        }
    };
    let can_split = source != BookingSource::ModularQuote;
    // The start each line would be given: its own date, or the assumed one (`None` for a
    // line not booked, its amount 0).
    let planned = {
        let rows = rows.clone();
        Memo::new(move |_| {
            let start = start_text.with(|t| parse_iso_date(t))?;
            let booked: Vec<&ModuleRow> = rows.iter().filter(|r| r.is_booked()).collect();
            let lines: Vec<ModuleBooking> = booked
                .iter()
                .map(|r| r.booking(r.start.with(|t| parse_iso_date(t))))
                .collect();
            let mut planned = schedule(start, &lines).into_iter();
            Some(
                rows.iter()
                    .map(|r| {
                        if r.is_booked() {
                            planned.next().flatten()
                        } else {
                            None
                        }
                    })
                    .collect::<Vec<_>>(),
            )
        })
    };
    let split_catalogue = catalogue.clone();
    let split_rows = rows.clone();
    let split_amount = move |_: leptos::ev::MouseEvent| {
        let Some(total) = amount_text_sig.with_untracked(|t| parse_amount(t)) else {
            return;
        };
        let shares = modules_from_full_course(&split_catalogue, total, &[]);
        let module_rows = split_rows.iter().filter(|r| r.kind == BookingKind::Module);
        for (row, share) in module_rows.zip(shares) {
            row.amount.set(amount_text(share.amount_ht));
        }
    };

    let other_error = move || message_for(Field::Other);
    let status = move || {
        if computed.with(|r| r.is_ok()) {
            return None;
        }
        Some(if last_ok.with(|o| o.is_some()) {
            view! {
                <p class="notice warn" role="status">"Saisie incomplète ou invalide : le dernier résultat valide reste affiché. Corrigez le champ signalé."</p>
            }
            .into_any()
        } else {
            view! {
                <p class="hint" role="status">"Indiquez la date de début de la formation, la date de notification et le montant HT : le calcul s'affiche aussitôt."</p>
            }
            .into_any()
        })
    };

    view! {
        <DocumentTitle name="Frais d'annulation".to_string() />
        <h1>"Frais d'annulation"</h1>
        <div class="page-intro">
        <p class="hint">"Ce que doit le client qui annule, reporte, abandonne ou est absent, selon les conditions générales de vente de Co&Sens, et les dates limites à retenir. Les jours sont comptés strictement entre la date de notification et la date de début : ni l'une ni l'autre ne compte."</p>
        {quote.is_none().then(|| view! {
            <p class="hint"><A href=app.href("/simulateur")>"Composez d'abord un devis"</A>" pour que le montant et les modules soient préremplis ici."</p>
        })}
        </div>
        <div class="layout-2">
            <form class="cancellation-form" on:submit=|ev| ev.prevent_default() aria-label="Paramètres de l'annulation">
                <div class="field">
                    <label for="date-debut">"Date de début de la formation"</label>
                    <input id="date-debut" type="date"
                        aria-describedby="erreur-date-debut"
                        aria-invalid=move || invalid(Field::Start)
                        prop:value=move || start_text.get()
                        on:input=move |ev| start_text.set(event_target_value(&ev))
                        on:change=move |ev| { start_text.set(event_target_value(&ev)); visited.start.set(true); }
                        on:blur=move |_| visited.start.set(true) />
                    <p id="erreur-date-debut" class="error-text" aria-live="polite">{move || message_for(Field::Start)}</p>
                </div>
                <div class="field">
                    <label for="date-notification">"Date de notification"</label>
                    <input id="date-notification" type="date"
                        aria-describedby="aide-date-notification erreur-date-notification"
                        aria-invalid=move || invalid(Field::Notified)
                        prop:value=move || notified_text.get()
                        on:input=move |ev| notified_text.set(event_target_value(&ev))
                        on:change=move |ev| { notified_text.set(event_target_value(&ev)); visited.notified.set(true); }
                        on:blur=move |_| visited.notified.set(true) />
                    <p id="aide-date-notification" class="hint">"Le jour où Co&Sens est informé de l'annulation, de l'absence ou de l'abandon (aujourd'hui par défaut)."</p>
                    <p id="erreur-date-notification" class="error-text" aria-live="polite">{move || message_for(Field::Notified)}</p>
                </div>
                <div class="field">
                    <label for="montant-ht">"Montant HT"</label>
                    <input id="montant-ht" type="text" inputmode="decimal" autocomplete="off" maxlength="20"
                        aria-describedby="aide-montant-ht erreur-montant-ht"
                        aria-invalid=move || invalid(Field::Amount)
                        prop:value=move || amount_text_sig.get()
                        on:input=move |ev| amount_text_sig.set(event_target_value(&ev))
                        on:blur=move |_| visited.amount.set(true) />
                    <p id="aide-montant-ht" class="hint">{amount_hint}</p>
                    <p id="erreur-montant-ht" class="error-text" aria-live="polite">{move || message_for(Field::Amount)}</p>
                </div>
                <div class="field">
                    <label for="qui-annule">"Qui annule ?"</label>
                    <select id="qui-annule" on:change=move |ev| {
                        who.set(if event_target_value(&ev) == "ajournement" { Who::CoSensAdjourns } else { Who::ClientCancels });
                    }>
                        <option value="client" selected=move || who.get() == Who::ClientCancels>"Le client (annulation, absence ou abandon)"</option>
                        <option value="ajournement" selected=move || who.get() == Who::CoSensAdjourns>"Co&Sens ajourne faute de participants"</option>
                    </select>
                </div>
                <div class="field">
                    <label for="financement-annulation">"Financement"</label>
                    <select id="financement-annulation" on:change=move |ev| {
                        funding.set(match event_target_value(&ev).as_str() {
                            "opco" => FundingKind::Opco,
                            "cpf" => FundingKind::Cpf,
                            _ => FundingKind::None,
                        });
                    }>
                        <option value="aucun" selected=move || funding.get() == FundingKind::None>"Aucun (paiement par le client)"</option>
                        <option value="opco" selected=move || funding.get() == FundingKind::Opco>"OPCO"</option>
                        <option value="cpf" selected=move || funding.get() == FundingKind::Cpf>"CPF (Mon Compte Formation)"</option>
                    </select>
                </div>
                <div class="field">
                    <label for="tva-annulation">"TVA"</label>
                    <select id="tva-annulation" on:change=move |ev| vat_exempt.set(event_target_value(&ev) == "exoneree")>
                        <option value="normale" selected=move || !vat_exempt.get()>{format!("{vat_label} (taux normal)")}</option>
                        <option value="exoneree" selected=move || vat_exempt.get()>"Exonérée"</option>
                    </select>
                </div>
                <Show when=show_modules>
                    <fieldset class="modules-interruption">
                        <legend>"Modules (absence ou interruption)"</legend>
                        <p class="hint">"Notification le jour du démarrage ou après : indiquez la date de début de chaque module. Tout module commencé est dû en totalité ; les modules non commencés suivent le barème, compté jusqu'à leur propre début. Un montant de 0 : module non réservé. Sans date saisie, un module est supposé suivre le précédent, le jour de formation suivant (du lundi au vendredi, hors jours fériés), le premier au début de la formation."</p>
                        <p class="hint">{modules_hint}</p>
                        {can_split.then(|| {
                            let split = split_amount.clone();
                            view! {
                                <button type="button" class="secondary"
                                    disabled=move || amount_text_sig.with(|t| parse_amount(t).is_none())
                                    on:click=split>
                                    "Répartir le montant HT entre les modules"
                                </button>
                            }
                        })}
                        {module_fields(&rows, planned, message_for)}
                    </fieldset>
                </Show>
            </form>
            <section class="results" aria-labelledby="titre-resultat-annulation">
                <h2 id="titre-resultat-annulation">"Résultat"</h2>
                {move || other_error().map(|m| view! { <p class="notice error" role="alert">{m}</p> })}
                {status}
                {move || last_ok.get().map(|outcome| view! { <Outcome outcome=outcome /> })}
            </section>
        </div>
    }
}

/// Per line of the booking, the start it would be given and whether it is assumed (`None`
/// for a line not booked).
type Planned = Vec<Option<(NaiveDate, bool)>>;

/// The start date and amount of each line of the booking (interruption view). An empty
/// start shows the date assumed for it.
fn module_fields(
    rows: &[ModuleRow],
    planned: Memo<Option<Planned>>,
    message_for: impl Fn(Field) -> Option<String> + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let invalid = move |field: Field| message_for(field).is_some().to_string();
    rows.iter()
        .enumerate()
        .map(|(i, row)| {
            let n = row.number;
            let key = match row.kind {
                BookingKind::Module => format!("module-{n}"),
                BookingKind::Coaching => "accompagnement".to_string(),
            };
            let (start_id, amount_id) = (format!("{key}-debut"), format!("{key}-montant"));
            let (start_error, amount_error) = (format!("erreur-{start_id}"), format!("erreur-{amount_id}"));
            let start_hint = format!("aide-{start_id}");
            let (start_sig, amount_sig) = (row.start, row.amount);
            let legend = match row.kind {
                BookingKind::Module => format!("Module {n} — {} ({})", row.label, days_fr(row.days)),
                BookingKind::Coaching => format!("Accompagnement ({})", days_fr(row.days)),
            };
            let of_name = row.of_name();
            let assumed = move || match planned.with(|p| p.as_ref().and_then(|p| p.get(i).copied().flatten())) {
                Some((date, true)) => format!("Vide : date supposée, le {}.", format_date_fr(date)),
                Some((_, false)) => "Date saisie.".to_string(),
                None => "Vide : à la suite du module précédent (le premier au début de la formation).".to_string(),
            };
            view! {
                <fieldset class="module-booking">
                    <legend>{legend}</legend>
                    <div class="module-fields">
                        <div class="field">
                            <label for=start_id.clone()>{format!("Début {of_name}")}</label>
                            <input id=start_id type="date"
                                aria-describedby=format!("{start_hint} {start_error}")
                                aria-invalid=move || invalid(Field::ModuleStart(n))
                                prop:value=move || start_sig.get()
                                on:input=move |ev| start_sig.set(event_target_value(&ev))
                                on:change=move |ev| start_sig.set(event_target_value(&ev)) />
                            <p id=start_hint class="hint" data-testid="date-supposee">{assumed}</p>
                            <p id=start_error class="error-text" aria-live="polite">{move || message_for(Field::ModuleStart(n))}</p>
                        </div>
                        <div class="field">
                            <label for=amount_id.clone()>{format!("Montant {of_name} (HT)")}</label>
                            <input id=amount_id type="text" inputmode="decimal" autocomplete="off" maxlength="20"
                                aria-describedby=amount_error.clone()
                                aria-invalid=move || invalid(Field::ModuleAmount(n))
                                prop:value=move || amount_sig.get()
                                on:input=move |ev| amount_sig.set(event_target_value(&ev)) />
                            <p id=amount_error class="error-text" aria-live="polite">{move || message_for(Field::ModuleAmount(n))}</p>
                        </div>
                    </div>
                </fieldset>
            }
        })
        .collect_view()
}

/// The outcome of a cancellation: figures, deadlines, timeline, explanations, days counted.
#[component]
fn Outcome(outcome: CancellationOutcome) -> impl IntoView {
    let o = outcome;
    if o.case == Case::Cpf {
        let explanations = explanation_items(&o.explanations);
        return view! {
            <div class="results-live" aria-live="polite">
                <div class="notice" data-testid="annulation-cpf">
                    <ul class="plain">{explanations}</ul>
                </div>
            </div>
        }
        .into_any();
    }
    let terms = use_app().catalogue.cancellation.clone();
    let half = format_percent(FeeBand::HalfFee.rate(&terms));
    let full = format_percent(FeeBand::FullFee.rate(&terms));
    let verdict = match (o.case, o.band) {
        (Case::Adjourned, _) => {
            "Ajournement par Co&Sens : rien n'est dû par le client.".to_string()
        }
        (Case::Interruption, _) => {
            "Absence ou interruption : tout module commencé est dû en totalité.".to_string()
        }
        (_, Some(FeeBand::NoFee)) => "Annulation sans frais.".to_string(),
        (_, Some(FeeBand::HalfFee)) => format!("Frais d'annulation de {half} du prix HT."),
        (_, Some(FeeBand::FullFee)) => format!("Frais d'annulation de {full} du prix HT."),
        (_, None) => String::new(),
    };
    let vat_label = if o.vat_rate.is_zero() {
        "TVA (exonérée)".to_string()
    } else {
        format!("TVA ({})", format_percent(o.vat_rate))
    };
    let interruption = o.case == Case::Interruption;
    let totals = o.totals.clone();

    view! {
        <div class="results-live" aria-live="polite">
            <p class="verdict" data-testid="verdict-annulation">{verdict}</p>
            <dl class="totals">
                <dt>"Jours ouvrables avant le démarrage"</dt>
                <dd data-testid="jours-ouvrables">{o.working_days.to_string()}</dd>
                <dt>{if interruption { "Part du prix due" } else { "Taux des frais" }}</dt>
                <dd data-testid="taux-frais">{format_percent(o.rate)}</dd>
                <dt>"Frais HT"</dt>
                <dd data-testid="frais-ht">{format_eur(o.fee_ht)}</dd>
                <dt>{vat_label}</dt>
                <dd data-testid="frais-tva">{format_eur(o.fee_vat)}</dd>
                <dt>"Frais TTC"</dt>
                <dd data-testid="frais-ttc" class="big">{format_eur(o.fee_ttc)}</dd>
                {totals.map(|t| view! {
                    <dt>"Journées effectivement suivies (HT)"</dt>
                    <dd data-testid="part-suivie">{format_eur(t.attended_ht)}</dd>
                    <dt>"Sommes dues au titre des absences ou de l'annulation, à la charge du client (HT)"</dt>
                    <dd data-testid="part-client">{format_eur(t.client_only_ht)}</dd>
                    {(!t.unsplit_ht.is_zero()).then(|| view! {
                        <dt>"Dû sans détail des journées (HT)"</dt>
                        <dd data-testid="part-non-detaillee">{format_eur(t.unsplit_ht)}</dd>
                    })}
                    {(!t.opco_chargeable_ht.is_zero()).then(|| view! {
                        <dt>"Part que l'OPCO peut prendre en charge (HT)"</dt>
                        <dd data-testid="part-opco">{format_eur(t.opco_chargeable_ht)}</dd>
                    })}
                })}
            </dl>
        </div>
        <Deadlines outcome=o.clone() />
        {(o.case != Case::Adjourned).then(|| view! { <Timeline outcome=o.clone() /> })}
        {interruption.then(|| view! { <ModulesTable lines=o.modules.clone() /> })}
        <h3>"Explications"</h3>
        <ul class="explain">{explanation_items(&o.explanations)}</ul>
        {(!interruption).then(|| view! { <CountedDays outcome=o /> })}
    }
    .into_any()
}

fn explanation_items(explanations: &[String]) -> impl IntoView {
    explanations
        .iter()
        .map(|e| view! { <li>{e.clone()}</li> })
        .collect_view()
}

fn date_or_none(date: Option<NaiveDate>) -> String {
    date.map(format_date_fr)
        .unwrap_or_else(|| "aucune date possible".to_string())
}

/// The last notification date of each band and the other deadlines.
#[component]
fn Deadlines(outcome: CancellationOutcome) -> impl IntoView {
    let o = outcome;
    let terms = use_app().catalogue.cancellation.clone();
    let half = format_percent(FeeBand::HalfFee.rate(&terms));
    let postpone_now = if o.postpone_possible {
        "Pour cette date de notification, le report ou le remplacement du stagiaire reste possible sans frais, sous réserve de l'accord de l'OPCO."
    } else {
        "Pour cette date de notification, le report ou le remplacement sans frais n'est plus possible."
    };
    view! {
        <h3>"Dates limites"</h3>
        <p class="small">{format!("Pour un démarrage le {} ; chaque date est le dernier jour de notification possible, inclus.", format_date_fr(o.start))}</p>
        <dl class="deadlines">
            <dt>"Annulation sans frais jusqu'au"</dt>
            <dd data-testid="date-limite-sans-frais">{date_or_none(o.deadline_no_fee)}</dd>
            <dt>{format!("Annulation avec {half} de frais jusqu'au")}</dt>
            <dd data-testid="date-limite-50">{date_or_none(o.deadline_half)}</dd>
            <dt>"Report ou remplacement du stagiaire sans frais jusqu'au"</dt>
            <dd data-testid="date-limite-report">{date_or_none(o.postpone_deadline)}</dd>
            <dt>"Accord de prise en charge de l'OPCO reçu au plus tard le"</dt>
            <dd data-testid="date-limite-opco">{date_or_none(o.opco_deadline)}</dd>
            <dt>"Ajournement par Co&Sens au plus tard le"</dt>
            <dd data-testid="date-limite-ajournement">{date_or_none(o.adjourn_deadline)}</dd>
        </dl>
        <p class="small">{postpone_now}</p>
        <p class="small">"Passé la date limite de l'OPCO, Co&Sens peut refuser l'entrée en formation du stagiaire ou facturer au client la totalité des frais de formation."</p>
    }
}

/// The fee bands in order, the current one marked, and the key dates in date order.
#[component]
fn Timeline(outcome: CancellationOutcome) -> impl IntoView {
    let o = outcome;
    let terms = use_app().catalogue.cancellation.clone();
    let half = format_percent(FeeBand::HalfFee.rate(&terms));
    let full = format_percent(FeeBand::FullFee.rate(&terms));
    let current_band = if o.case == Case::Interruption {
        None
    } else {
        o.band
    };
    let (case, notified) = (o.case, o.notified);
    let band = move |b: Option<FeeBand>,
                     class: &'static str,
                     title: String,
                     detail: String|
          -> AnyView {
        let current = if case == Case::Interruption {
            b.is_none()
        } else {
            b.is_some() && b == current_band
        };
        let class = if current {
            format!("{class} current")
        } else {
            class.to_string()
        };
        view! {
            <li class=class aria-current=current.then_some("step")>
                <span class="band-title">{title}</span>
                <span>{detail}</span>
                {current.then(|| view! { <span class="band-here">{format!("Votre notification : {}", format_date_fr(notified))}</span> })}
            </li>
        }
        .into_any()
    };
    let no_fee_detail = match o.deadline_no_fee {
        Some(d) => format!("notification jusqu'au {} inclus", format_date_fr(d)),
        None => "aucune date possible".to_string(),
    };
    let half_detail = match o.deadline_half {
        Some(d) => format!("jusqu'au {} inclus", format_date_fr(d)),
        None => "aucune date possible".to_string(),
    };
    let bands = [
        band(
            Some(FeeBand::NoFee),
            "band band-free",
            "Sans frais".to_string(),
            no_fee_detail,
        ),
        band(
            Some(FeeBand::HalfFee),
            "band band-half",
            format!("Frais de {half}"),
            half_detail,
        ),
        band(
            Some(FeeBand::FullFee),
            "band band-full",
            format!("Frais de {full}"),
            "ensuite, jusqu'à la veille du démarrage".to_string(),
        ),
        band(
            None,
            "band band-start",
            "Formation commencée".to_string(),
            format!(
                "dès le {} : tout module commencé est dû",
                format_date_fr(o.start)
            ),
        ),
    ];

    let mut dates: Vec<(NaiveDate, String, &'static str)> = Vec::new();
    let mut push = |date: Option<NaiveDate>, text: String, class: &'static str| {
        if let Some(d) = date {
            dates.push((d, text, class));
        }
    };
    push(
        o.deadline_no_fee,
        "dernier jour pour annuler sans frais".to_string(),
        "",
    );
    push(
        o.deadline_half,
        format!("dernier jour pour annuler avec {half} de frais"),
        "",
    );
    push(
        o.postpone_deadline,
        "dernier jour pour reporter ou remplacer un stagiaire sans frais".to_string(),
        "",
    );
    push(
        o.adjourn_deadline,
        "dernier jour pour un ajournement par Co&Sens".to_string(),
        "",
    );
    push(
        o.opco_deadline,
        "dernier jour pour recevoir l'accord de prise en charge de l'OPCO".to_string(),
        "",
    );
    push(
        Some(o.notified),
        "votre date de notification".to_string(),
        "is-notification",
    );
    push(
        Some(o.start),
        "démarrage de la formation".to_string(),
        "is-start",
    );
    dates.sort_by_key(|(d, _, _)| *d);
    let key_dates = dates
        .into_iter()
        .map(|(d, text, class)| {
            view! { <li class=class><span class="key-date">{format_date_fr(d)}</span>{format!(" : {text}")}</li> }
        })
        .collect_view();

    view! {
        <h3>"Calendrier"</h3>
        <ol class="bands" aria-label="Barème d'annulation, du plus tôt au plus tard">{bands}</ol>
        <ol class="key-dates" aria-label="Dates clés, dans l'ordre">{key_dates}</ol>
    }
}

fn status_fr(line: &ModuleLine, terms: &CancellationTerms) -> String {
    match line.status {
        ModuleStatus::AttendedInFull => "Suivi en totalité".to_string(),
        ModuleStatus::Started => format!(
            "Commencé : {} sur {}, le reste dû au titre de l'absence",
            attended_fr(line.attended_days),
            days_fr(line.days)
        ),
        ModuleStatus::NotStarted => match (line.working_days, line.band) {
            (Some(n), Some(band)) => format!(
                "Pas commencé : {} avant, frais de {}",
                DayKind::Ouvrable.count_fr(n),
                format_percent(band.rate(terms))
            ),
            _ => "Pas commencé".to_string(),
        },
        ModuleStatus::Block => "Formation commencée, sans détail des modules".to_string(),
    }
}

/// The interruption's module lines.
#[component]
fn ModulesTable(lines: Vec<ModuleLine>) -> impl IntoView {
    let terms = use_app().catalogue.cancellation.clone();
    let rows = lines
        .iter()
        .map(|l| {
            let name = match (l.status, l.kind) {
                (ModuleStatus::Block, _) => l.label.clone(),
                (_, BookingKind::Coaching) => "Accompagnement".to_string(),
                (_, BookingKind::Module) => format!("Module {}", l.number),
            };
            let start = if l.start_assumed {
                format!("{} (date supposée)", format_date_fr(l.start))
            } else {
                format_date_fr(l.start)
            };
            view! {
                <tr>
                    <th scope="row">{name}</th>
                    <td>{start}</td>
                    <td>{status_fr(l, &terms)}</td>
                    <td class="num">{format_eur(l.amount_ht)}</td>
                    <td class="num">{format_eur(l.attended_ht)}</td>
                    <td class="num">{format_eur(l.client_only_ht)}</td>
                    <td class="num">{format_eur(l.due_ht)}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <h3 id="titre-detail-modules">"Détail par module"</h3>
        <div class="table-wrap" tabindex="0" role="region" aria-labelledby="titre-detail-modules">
            <table data-testid="modules-interruption">
                <caption class="small">"Montants hors taxes ; seules les journées suivies peuvent être prises en charge par un OPCO."</caption>
                <thead>
                    <tr>
                        <th scope="col">"Module"</th>
                        <th scope="col">"Début"</th>
                        <th scope="col">"Situation"</th>
                        <th scope="col" class="num">"Prix HT"</th>
                        <th scope="col" class="num">"Journées suivies HT"</th>
                        <th scope="col" class="num">"Absence ou annulation HT"</th>
                        <th scope="col" class="num">"Dû HT"</th>
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
    }
}

/// "Voir les jours comptés": the jours ouvrables counted and the holidays left out.
#[component]
fn CountedDays(outcome: CancellationOutcome) -> impl IntoView {
    let o = outcome;
    let listed = o.counted_days.len();
    let more = usize::try_from(o.working_days).is_ok_and(|n| n > listed);
    let days = o
        .counted_days
        .iter()
        .map(|d| view! { <li>{format_date_fr(*d)}</li> })
        .collect_view();
    let holidays = o
        .holidays_skipped
        .iter()
        .map(|(d, name)| view! { <li>{format!("{name} — {}", format_date_fr(*d))}</li> })
        .collect_view();
    let no_holiday = o.holidays_skipped.is_empty();
    view! {
        <details class="counted-days">
            <summary>"Voir les jours comptés"</summary>
            <p class="small">{format!(
                "Jours ouvrables (du lundi au samedi, hors jours fériés) strictement entre le {} et le {} : {}.",
                format_date_fr(o.notified), format_date_fr(o.start), o.working_days
            )}</p>
            {more.then(|| view! {
                <p class="small">{format!("Seuls les {} premiers sont listés ({} au plus).", listed, COUNTED_DAYS_CAP)}</p>
            })}
            {if listed == 0 {
                view! { <p class="small">"Aucun jour ouvrable entre ces deux dates."</p> }.into_any()
            } else {
                view! { <ol class="counted-list">{days}</ol> }.into_any()
            }}
            <h4>"Jours fériés non comptés"</h4>
            {if no_holiday {
                view! { <p class="small">"Aucun jour férié tombant du lundi au samedi entre ces deux dates."</p> }.into_any()
            } else {
                view! { <ul>{holidays}</ul> }.into_any()
            }}
        </details>
    }
}
