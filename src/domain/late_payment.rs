//! Late-payment penalties (issue 4).
//!
//! The CGV: "Toute somme non payée à échéance entraîne de plein droit et sans mise en
//! demeure préalable, l'application de pénalités d'un montant égal à une fois et demie le
//! taux d'intérêt légal." For a business client the Code de commerce (art. L441-10) sets a
//! floor of three times the legal rate and adds a flat recovery indemnity. The legal rate
//! is the one of each half-year the delay runs through (the `other_creditor` column:
//! Co&Sens is a company), pro rata temporis on the days of that year. The multipliers and
//! the indemnity come from the catalogue's `late_payment` terms, the rates from its
//! `legal_interest_rates`.
//!
//! A new legal rate is published each half-year and the data file lags behind: the request
//! may carry rates typed by the user ([`TypedRate`]) for half-years the file does not hold.
//! [`missing_half_years`] lists the half-years of a delay the file lacks, and
//! [`rates_known_until`] says up to which half-year it goes.

use std::fmt;

use chrono::{Datelike, NaiveDate};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use crate::domain::calendar;
use crate::domain::catalogue::{next_half_year, Catalogue, LatePaymentTerms};
use crate::domain::fr::{capitalise, count_fr, format_date_fr, half_year_fr};
use crate::domain::money::{format_eur, format_number, format_percent, round_cents, MAX_AMOUNT};

/// Who owes the sum.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum ClientKind {
    /// A private person: the CGV's penalty.
    Individual,
    /// A business (professional debtor): the Code de commerce's floor and indemnity too.
    Business,
}

/// What the calculator is asked.
#[derive(Clone, Debug, PartialEq)]
pub struct LatePaymentRequest {
    /// The sum unpaid at the due date (TTC as invoiced).
    pub amount: Decimal,
    /// The due date (échéance).
    pub due: NaiveDate,
    /// The day the payment arrived.
    pub paid: NaiveDate,
    pub client: ClientKind,
    /// Rates typed by the user for half-years missing from the data file. A half-year the
    /// file holds always takes the file's rate (a typed rate for it is ignored); when a
    /// half-year is typed twice, the first entry counts.
    pub typed_rates: Vec<TypedRate>,
}

/// The legal interest rate of one half-year as typed by the user, when the data file does
/// not hold it yet (the rate "pour tous les autres cas" of the arrêté, the one the file keeps
/// in `other_creditor`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct TypedRate {
    pub year: i32,
    /// 1 for January–June, 2 for July–December.
    pub half: u8,
    /// In percent, like the data file: `3.5` for 3,5 %. Valid from 0 to 100 inclusive with
    /// at most [`TYPED_RATE_MAX_DECIMALS`] decimals (see [`check_typed_rate`]).
    pub rate: Decimal,
}

/// Decimals accepted in a typed rate, in percent (published rates have two).
pub const TYPED_RATE_MAX_DECIMALS: u32 = 4;

/// Where the legal rate of a period comes from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RateSource {
    /// The data file (`legal_interest_rates`).
    Data,
    /// Typed by the user: the file does not hold this half-year.
    Typed,
}

/// Why a typed rate is refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TypedRateError {
    /// Nothing typed.
    Empty,
    /// Not a number written with digits and at most one decimal comma or point.
    NotANumber,
    /// Below 0 % or above 100 %.
    OutOfRange,
    /// More than [`TYPED_RATE_MAX_DECIMALS`] decimals.
    TooManyDecimals,
}

impl TypedRateError {
    /// What is wrong, as the end of a French sentence.
    fn detail(self) -> &'static str {
        match self {
            Self::Empty => "aucun taux saisi",
            Self::NotANumber => "saisissez un pourcentage en chiffres, par exemple 3,5",
            Self::OutOfRange => "un pourcentage entre 0 et 100 est attendu",
            Self::TooManyDecimals => "quatre décimales au plus sont acceptées",
        }
    }

    /// The message shown next to the field, in French.
    pub fn message(self) -> String {
        match self {
            Self::Empty => "Indiquez le taux publié pour ce semestre, en pourcentage (par exemple \
                            3,5)."
                .to_string(),
            other => format!("Taux invalide : {}.", other.detail()),
        }
    }
}

impl fmt::Display for TypedRateError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message())
    }
}

impl std::error::Error for TypedRateError {}

/// Checks a rate in percent: from 0 to 100 inclusive, at most [`TYPED_RATE_MAX_DECIMALS`]
/// decimals (trailing zeros do not count).
pub fn check_typed_rate(rate: Decimal) -> Result<Decimal, TypedRateError> {
    if rate < Decimal::ZERO || rate > Decimal::ONE_HUNDRED {
        return Err(TypedRateError::OutOfRange);
    }
    if rate.normalize().scale() > TYPED_RATE_MAX_DECIMALS {
        return Err(TypedRateError::TooManyDecimals);
    }
    Ok(rate)
}

/// Parses a rate typed by the user, in percent, French or English style: `3,5`, `3.50`,
/// `3,5 %`. Returns the percent (`3.5`), checked by [`check_typed_rate`].
pub fn parse_typed_rate(text: &str) -> Result<Decimal, TypedRateError> {
    let is_space = |c: char| c.is_whitespace() || matches!(c, '\u{a0}' | '\u{202f}');
    let trimmed = text.trim_matches(is_space);
    let trimmed = trimmed
        .strip_suffix('%')
        .unwrap_or(trimmed)
        .trim_end_matches(is_space);
    if trimmed.is_empty() {
        return Err(TypedRateError::Empty);
    }
    if trimmed.len() > 20 {
        return Err(TypedRateError::NotANumber);
    }
    let cleaned = trimmed.replace(',', ".");
    let (int, frac) = cleaned.split_once('.').unwrap_or((&cleaned, ""));
    let digits = |s: &str| s.chars().all(|c| c.is_ascii_digit());
    if int.is_empty() || !digits(int) || !digits(frac) || (cleaned.contains('.') && frac.is_empty())
    {
        return Err(TypedRateError::NotANumber);
    }
    if int.trim_start_matches('0').len() > 3 {
        return Err(TypedRateError::OutOfRange);
    }
    if frac.trim_end_matches('0').len() > TYPED_RATE_MAX_DECIMALS as usize {
        return Err(TypedRateError::TooManyDecimals);
    }
    let rate: Decimal = cleaned.parse().map_err(|_| TypedRateError::NotANumber)?;
    check_typed_rate(rate)
}

/// The part of the delay inside one half-year.
#[derive(Clone, Debug, PartialEq)]
pub struct PenaltyPeriod {
    pub year: i32,
    /// 1 for January–June, 2 for July–December.
    pub half: u8,
    /// First day of delay in the half-year.
    pub from: NaiveDate,
    /// Last day of delay in the half-year (inclusive).
    pub to: NaiveDate,
    pub days: u32,
    /// 365, or 366 in a leap year: the divisor of the pro rata.
    pub year_length: u32,
    /// The legal interest rate of the half-year, as a fraction (0.0262 for 2,62 %).
    pub legal_rate: Decimal,
    /// Whether `legal_rate` comes from the data file or was typed by the user.
    pub rate_source: RateSource,
    /// `multiplier × legal_rate`, as a fraction.
    pub applied_rate: Decimal,
    /// `round_cents(amount × applied_rate × days / year_length)`.
    pub interest: Decimal,
    pub explanation: String,
}

/// The penalty and why.
#[derive(Clone, Debug, PartialEq)]
pub struct LatePaymentOutcome {
    /// Days of delay: from the day after the due date to the payment date, inclusive.
    pub days_late: u32,
    /// The multiplier of the legal rate applied (the CGV's, or the business floor).
    pub multiplier: Decimal,
    /// True when the business floor of the Code de commerce beat the CGV's multiplier.
    pub business_floor_applied: bool,
    pub periods: Vec<PenaltyPeriod>,
    /// Sum of the periods' interest.
    pub interest: Decimal,
    /// The flat recovery indemnity (business client paying late), else 0.
    pub indemnity: Decimal,
    /// `interest + indemnity`.
    pub total: Decimal,
    /// French sentences, in reading order.
    pub explanations: Vec<String>,
}

/// Why the calculator cannot answer.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LatePaymentError {
    NegativeAmount,
    AmountTooLarge,
    DueDateOutOfRange,
    PaidDateOutOfRange,
    /// The data file has no legal interest rate for these half-years of the delay and
    /// none was typed: every one of them, in order (never empty).
    MissingRate {
        half_years: Vec<(i32, u8)>,
    },
    /// The rate typed for this half-year is not a valid percentage.
    InvalidTypedRate {
        year: i32,
        half: u8,
        reason: TypedRateError,
    },
    /// An arithmetic result out of bounds (a catalogue multiplier out of range, say).
    Overflow,
}

impl LatePaymentError {
    /// The message shown to the user, in French.
    pub fn message(&self) -> String {
        let range = format!("entre {} et {}", calendar::MIN_YEAR, calendar::MAX_YEAR);
        match self {
            Self::NegativeAmount => "Le montant dû ne peut pas être négatif.".to_string(),
            Self::AmountTooLarge => format!(
                "Le montant dû dépasse le maximum accepté ({}).",
                format_eur(MAX_AMOUNT)
            ),
            Self::DueDateOutOfRange => format!("La date d'échéance doit être une année {range}."),
            Self::PaidDateOutOfRange => {
                format!("La date de paiement doit être une année {range}.")
            }
            Self::MissingRate { half_years } => missing_rate_message(half_years),
            Self::InvalidTypedRate { year, half, reason } => format!(
                "Taux saisi pour le {} invalide : {}.",
                half_year_fr(*year, *half),
                reason.detail()
            ),
            Self::Overflow => {
                "Calcul impossible : un taux ou un montant sort des limites.".to_string()
            }
        }
    }
}

/// "Taux d'intérêt légal du 2e semestre 2026 absent du fichier de données : …", naming
/// every half-year.
fn missing_rate_message(half_years: &[(i32, u8)]) -> String {
    let names: Vec<String> = half_years
        .iter()
        .map(|&(year, half)| format!("du {}", half_year_fr(year, half)))
        .collect();
    match names.as_slice() {
        [] => "Taux d'intérêt légal absent du fichier de données.".to_string(),
        [one] => format!(
            "Taux d'intérêt légal {one} absent du fichier de données : saisissez le taux \
             publié pour ce semestre."
        ),
        [init @ .., last] => format!(
            "Taux d'intérêt légal {} et {last} absents du fichier de données : saisissez le \
             taux publié pour chacun de ces semestres.",
            init.join(", ")
        ),
    }
}

impl fmt::Display for LatePaymentError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message())
    }
}

impl std::error::Error for LatePaymentError {}

/// Days in `year`: 365, or 366 in a leap year.
fn year_length(year: i32) -> u32 {
    if NaiveDate::from_ymd_opt(year, 2, 29).is_some() {
        366
    } else {
        365
    }
}

/// The last day of the half-year holding `date`.
fn half_year_end(date: NaiveDate) -> Option<NaiveDate> {
    if date.month() <= 6 {
        NaiveDate::from_ymd_opt(date.year(), 6, 30)
    } else {
        NaiveDate::from_ymd_opt(date.year(), 12, 31)
    }
}

/// The half-year (1 or 2) holding `date`.
fn half_of(date: NaiveDate) -> (i32, u8) {
    (date.year(), if date.month() <= 6 { 1 } else { 2 })
}

/// The half-years of the delay (from the day after `due` to `paid`) whose legal rate the
/// data file does not hold, in order. Empty when the file covers the delay, when there is
/// no delay, and when a date is out of the calendar's range (the calculator reports that).
pub fn missing_half_years(
    catalogue: &Catalogue,
    due: NaiveDate,
    paid: NaiveDate,
) -> Vec<(i32, u8)> {
    if paid <= due || !calendar::date_in_range(due) || !calendar::date_in_range(paid) {
        return Vec::new();
    }
    let Some(first_day) = due.succ_opt() else {
        return Vec::new();
    };
    let last = half_of(paid);
    let mut current = half_of(first_day);
    let mut missing = Vec::new();
    while current <= last {
        if catalogue.legal_rate_for(current.0, current.1).is_none() {
            missing.push(current);
        }
        current = next_half_year(current.0, current.1);
    }
    missing
}

/// The last half-year the data file holds a legal interest rate for, if any.
pub fn rates_known_until(catalogue: &Catalogue) -> Option<(i32, u8)> {
    catalogue
        .legal_interest_rates
        .iter()
        .map(|r| (r.year, r.half))
        .max()
}

/// "Taux d'intérêt légal connus jusqu'au 1er semestre 2026." for the screen.
pub fn rates_known_until_fr(catalogue: &Catalogue) -> String {
    match rates_known_until(catalogue) {
        Some((year, half)) => format!(
            "Taux d'intérêt légal connus jusqu'au {}.",
            half_year_fr(year, half)
        ),
        None => "Aucun taux d'intérêt légal dans le fichier de données.".to_string(),
    }
}

/// Works out the late-payment penalty for the request, under the catalogue's terms: the
/// figures first ([`compute_late_payment`]), then the sentences explaining them
/// ([`explain_period`], [`explain_late_payment`]).
pub fn late_payment_penalty(
    catalogue: &Catalogue,
    req: &LatePaymentRequest,
) -> Result<LatePaymentOutcome, LatePaymentError> {
    let mut out = compute_late_payment(catalogue, req)?;
    let multiplier = out.multiplier;
    for period in &mut out.periods {
        period.explanation = explain_period(period, multiplier, req.amount);
    }
    out.explanations = explain_late_payment(&out, req, catalogue);
    Ok(out)
}

/// The figures of the penalty: the days late, the multiplier, each half-year's interest,
/// the indemnity and the total. Its sentences are left empty: [`late_payment_penalty`]
/// writes them.
pub fn compute_late_payment(
    catalogue: &Catalogue,
    req: &LatePaymentRequest,
) -> Result<LatePaymentOutcome, LatePaymentError> {
    check_request(req)?;
    let terms = &catalogue.late_payment;
    let business = req.client == ClientKind::Business;
    let floor_wins = business && terms.business_floor_multiplier > terms.cgv_multiplier;
    let multiplier = if floor_wins {
        terms.business_floor_multiplier
    } else {
        terms.cgv_multiplier
    };
    let mut out = LatePaymentOutcome {
        days_late: 0,
        multiplier,
        business_floor_applied: floor_wins,
        periods: Vec::new(),
        interest: Decimal::ZERO,
        indemnity: Decimal::ZERO,
        total: Decimal::ZERO,
        explanations: Vec::new(),
    };
    if req.paid <= req.due {
        return Ok(out);
    }
    let days_late = req.paid.signed_duration_since(req.due).num_days();
    out.days_late = u32::try_from(days_late).map_err(|_| LatePaymentError::Overflow)?;
    let first_day = req.due.succ_opt().ok_or(LatePaymentError::Overflow)?;
    check_rates_known(catalogue, req)?;
    let mut from = first_day;
    while from <= req.paid {
        let period = penalty_period(catalogue, req, from, multiplier)?;
        out.interest = out
            .interest
            .checked_add(period.interest)
            .ok_or(LatePaymentError::Overflow)?;
        let next = period.to.succ_opt();
        out.periods.push(period);
        match next {
            Some(next) => from = next,
            None => break,
        }
    }
    if business {
        out.indemnity = terms.business_recovery_indemnity;
    }
    out.total = out
        .interest
        .checked_add(out.indemnity)
        .ok_or(LatePaymentError::Overflow)?;
    Ok(out)
}

/// The amount and the dates are within range.
fn check_request(req: &LatePaymentRequest) -> Result<(), LatePaymentError> {
    if req.amount < Decimal::ZERO {
        return Err(LatePaymentError::NegativeAmount);
    }
    if req.amount > MAX_AMOUNT {
        return Err(LatePaymentError::AmountTooLarge);
    }
    if !calendar::date_in_range(req.due) {
        return Err(LatePaymentError::DueDateOutOfRange);
    }
    if !calendar::date_in_range(req.paid) {
        return Err(LatePaymentError::PaidDateOutOfRange);
    }
    Ok(())
}

/// The rate typed for a half-year, the first one when typed twice.
fn typed_for(req: &LatePaymentRequest, year: i32, half: u8) -> Option<&TypedRate> {
    req.typed_rates
        .iter()
        .find(|t| t.year == year && t.half == half)
}

/// Every half-year of the delay has a rate, from the file or typed; else all the missing
/// ones are the error.
fn check_rates_known(
    catalogue: &Catalogue,
    req: &LatePaymentRequest,
) -> Result<(), LatePaymentError> {
    let untyped: Vec<(i32, u8)> = missing_half_years(catalogue, req.due, req.paid)
        .into_iter()
        .filter(|&(year, half)| typed_for(req, year, half).is_none())
        .collect();
    if untyped.is_empty() {
        Ok(())
    } else {
        Err(LatePaymentError::MissingRate {
            half_years: untyped,
        })
    }
}

/// The legal rate of a half-year, in percent: the file's, else the one typed (checked).
fn legal_rate_percent(
    catalogue: &Catalogue,
    req: &LatePaymentRequest,
    (year, half): (i32, u8),
) -> Result<(Decimal, RateSource), LatePaymentError> {
    if let Some(row) = catalogue.legal_rate_for(year, half) {
        return Ok((row.other_creditor, RateSource::Data));
    }
    let typed = typed_for(req, year, half).ok_or(LatePaymentError::MissingRate {
        half_years: vec![(year, half)],
    })?;
    let rate = check_typed_rate(typed.rate)
        .map_err(|reason| LatePaymentError::InvalidTypedRate { year, half, reason })?;
    Ok((rate, RateSource::Typed))
}

/// The part of the delay from `from` to the end of its half-year (or the payment), and its
/// interest: `round_cents(amount × multiplier × legal rate × days / year length)`.
fn penalty_period(
    catalogue: &Catalogue,
    req: &LatePaymentRequest,
    from: NaiveDate,
    multiplier: Decimal,
) -> Result<PenaltyPeriod, LatePaymentError> {
    let (year, half) = half_of(from);
    let end = half_year_end(from).ok_or(LatePaymentError::Overflow)?;
    let to = end.min(req.paid);
    let days = u32::try_from(to.signed_duration_since(from).num_days() + 1)
        .map_err(|_| LatePaymentError::Overflow)?;
    let year_len = year_length(year);
    let (percent, rate_source) = legal_rate_percent(catalogue, req, (year, half))?;
    let legal_rate = percent
        .checked_div(Decimal::ONE_HUNDRED)
        .ok_or(LatePaymentError::Overflow)?;
    let applied_rate = legal_rate
        .checked_mul(multiplier)
        .ok_or(LatePaymentError::Overflow)?;
    let interest = req
        .amount
        .checked_mul(applied_rate)
        .and_then(|x| x.checked_mul(Decimal::from(days)))
        .and_then(|x| x.checked_div(Decimal::from(year_len)))
        .map(round_cents)
        .ok_or(LatePaymentError::Overflow)?;
    Ok(PenaltyPeriod {
        year,
        half,
        from,
        to,
        days,
        year_length: year_len,
        legal_rate,
        rate_source,
        applied_rate,
        interest,
        explanation: String::new(),
    })
}

// The wording: French sentences written from a computed penalty.

/// The sentences of the penalty, in reading order (what [`late_payment_penalty`] keeps in
/// [`LatePaymentOutcome::explanations`]). The periods' sentences are read from the periods
/// (see [`explain_period`]).
pub fn explain_late_payment(
    out: &LatePaymentOutcome,
    req: &LatePaymentRequest,
    catalogue: &Catalogue,
) -> Vec<String> {
    if req.paid <= req.due {
        return vec![format!(
            "Paiement reçu le {}, à l'échéance du {} ou avant : aucune pénalité de retard.",
            format_date_fr(req.paid),
            format_date_fr(req.due)
        )];
    }
    let first_day = out.periods.first().map_or(req.paid, |p| p.from);
    let mut sentences = vec![
        format!(
            "Échéance le {}, paiement reçu le {} : {} de retard, du {} au {} inclus. Les \
             pénalités courent de plein droit, sans mise en demeure préalable (CGV).",
            format_date_fr(req.due),
            format_date_fr(req.paid),
            count_fr(out.days_late, "jour", "jours"),
            format_date_fr(first_day),
            format_date_fr(req.paid)
        ),
        multiplier_sentence(catalogue, req.client, out.business_floor_applied),
        "Taux d'intérêt légal de chaque semestre couru, dans sa version applicable aux \
         créanciers autres que les particuliers (Co&Sens est une société), au prorata \
         temporis : jours de retard du semestre sur le nombre de jours de l'année \
         (366 pour une année bissextile)."
            .to_string(),
    ];
    sentences.extend(out.periods.iter().map(|p| p.explanation.clone()));
    sentences.extend(
        out.periods
            .iter()
            .filter(|p| p.rate_source == RateSource::Typed)
            .map(|p| {
                format!(
                    "Taux d'intérêt légal saisi : {} pour le {}, absent du fichier de données.",
                    format_percent(p.legal_rate),
                    half_year_fr(p.year, p.half)
                )
            }),
    );
    if req.client == ClientKind::Business {
        sentences.push(format!(
            "Client professionnel en retard de paiement : indemnité forfaitaire pour frais de \
             recouvrement de {} (Code de commerce, art. L441-10), due en plus des pénalités.",
            format_eur(out.indemnity)
        ));
        sentences.push(format!(
            "Total : {} de pénalités + {} d'indemnité = {}.",
            format_eur(out.interest),
            format_eur(out.indemnity),
            format_eur(out.total)
        ));
    } else {
        sentences.push(format!("Total des pénalités : {}.", format_eur(out.total)));
    }
    sentences
}

/// The sentence of one half-year of the delay (what [`late_payment_penalty`] keeps in
/// [`PenaltyPeriod::explanation`]): its days, the rate applied and the interest on `amount`.
pub fn explain_period(period: &PenaltyPeriod, multiplier: Decimal, amount: Decimal) -> String {
    let (year, half, year_len) = (period.year, period.half, period.year_length);
    let leap = if year_len > 365 {
        format!(" (année {year} bissextile)")
    } else {
        String::new()
    };
    let typed_note = match period.rate_source {
        RateSource::Data => "",
        RateSource::Typed => ", taux saisi",
    };
    format!(
        "{} : du {} au {}, {} sur {year_len}{leap}, au taux de {} ({} × {}{typed_note}) sur \
         {} : {}.",
        capitalise(&half_year_fr(year, half)),
        format_date_fr(period.from),
        format_date_fr(period.to),
        count_fr(period.days, "jour", "jours"),
        format_percent(period.applied_rate),
        format_number(multiplier),
        format_percent(period.legal_rate),
        format_eur(amount),
        format_eur(period.interest)
    )
}

/// The sentence that answers the question before any figure, e.g. « Le client doit
/// 148,48 € de pénalités pour 107 jours de retard. », the indemnity named when it is due.
pub fn answer_fr(outcome: &LatePaymentOutcome) -> String {
    let o = outcome;
    if o.days_late == 0 {
        return "Aucune pénalité : le paiement est arrivé à l'échéance ou avant.".to_string();
    }
    let late = count_fr(o.days_late, "jour", "jours");
    if o.indemnity.is_zero() {
        format!(
            "Le client doit {} de pénalités pour {late} de retard.",
            format_eur(o.total)
        )
    } else {
        format!(
            "Le client doit {} : {} de pénalités pour {late} de retard et {} d'indemnité \
             forfaitaire de recouvrement.",
            format_eur(o.total),
            format_eur(o.interest),
            format_eur(o.indemnity)
        )
    }
}

/// The clause and the law, in words, from the data file's figures: the late-payment screen
/// opens with it, the rules page states it.
pub fn terms_fr(terms: &LatePaymentTerms) -> String {
    format!(
        "Toute somme non payée à l'échéance entraîne de plein droit, sans mise en demeure, des \
         pénalités égales à {} fois le taux d'intérêt légal du semestre couru, au prorata des \
         jours de retard (CGV). Pour un client professionnel, le Code de commerce (art. \
         L441-10) impose au moins {} fois ce taux et ajoute une indemnité forfaitaire de \
         recouvrement de {}.",
        format_number(terms.cgv_multiplier),
        format_number(terms.business_floor_multiplier),
        format_eur(terms.business_recovery_indemnity)
    )
}

/// A worked example for the empty result panel: its setting and its answer, computed by
/// the calculator itself (4 800 € due on 31 March 2025 from an individual, paid on
/// 15 May). `None` if the catalogue lacks the rate.
pub fn example_fr(catalogue: &Catalogue) -> Option<(String, String)> {
    let request = LatePaymentRequest {
        amount: Decimal::new(4800, 0),
        due: NaiveDate::from_ymd_opt(2025, 3, 31)?,
        paid: NaiveDate::from_ymd_opt(2025, 5, 15)?,
        client: ClientKind::Individual,
        typed_rates: Vec::new(),
    };
    let outcome = late_payment_penalty(catalogue, &request).ok()?;
    let setting = format!(
        "{} dus par un particulier le {}, payés le {}",
        format_eur(request.amount),
        format_date_fr(request.due),
        format_date_fr(request.paid)
    );
    Some((setting, answer_fr(&outcome)))
}

fn multiplier_sentence(catalogue: &Catalogue, client: ClientKind, floor_wins: bool) -> String {
    let terms = &catalogue.late_payment;
    let cgv = format_number(terms.cgv_multiplier);
    let floor = format_number(terms.business_floor_multiplier);
    match (client, floor_wins) {
        (ClientKind::Individual, _) => format!(
            "Client particulier : pénalités des CGV, égales à {cgv} fois le taux d'intérêt légal ; \
             ni le plancher de {floor} fois le taux légal ni l'indemnité forfaitaire de \
             recouvrement de l'article L441-10 du Code de commerce, qui ne lient que les \
             professionnels, ne s'appliquent."
        ),
        (ClientKind::Business, true) => format!(
            "Client professionnel : l'article L441-10 du Code de commerce impose des pénalités \
             d'au moins {floor} fois le taux d'intérêt légal, plus que les {cgv} fois des CGV : \
             c'est ce plancher légal qui s'applique."
        ),
        (ClientKind::Business, false) => format!(
            "Client professionnel : les pénalités des CGV ({cgv} fois le taux d'intérêt légal) \
             atteignent le plancher de l'article L441-10 du Code de commerce ({floor} fois) et \
             s'appliquent."
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::money::dec;

    /// The fixture catalogue with its legal rates cut after 2026 S1, the ones these tests
    /// were worked out with: adding a newly published rate to the file keeps them valid.
    fn catalogue() -> Catalogue {
        let mut c = Catalogue::fixture();
        c.legal_interest_rates
            .retain(|r| (r.year, r.half) <= (2026, 1));
        assert_eq!(
            c.legal_interest_rates.len(),
            5,
            "rates from 2024 S1 to 2026 S1"
        );
        c
    }

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    fn request(amount: &str, due: &str, paid: &str, client: ClientKind) -> LatePaymentRequest {
        LatePaymentRequest {
            amount: dec(amount),
            due: d(due),
            paid: d(paid),
            client,
            typed_rates: Vec::new(),
        }
    }

    fn typed(year: i32, half: u8, rate: &str) -> TypedRate {
        TypedRate {
            year,
            half,
            rate: dec(rate),
        }
    }

    fn penalty(req: &LatePaymentRequest) -> LatePaymentOutcome {
        late_payment_penalty(&catalogue(), req).expect("a valid request")
    }

    #[test]
    fn the_answer_says_what_the_client_owes_for_how_many_days() {
        let out = penalty(&request(
            "1000",
            "2026-01-31",
            "2026-03-02",
            ClientKind::Individual,
        ));
        assert_eq!(
            answer_fr(&out),
            "Le client doit 3,23 € de pénalités pour 30 jours de retard."
        );
        let out = penalty(&request(
            "1000",
            "2026-01-31",
            "2026-03-02",
            ClientKind::Business,
        ));
        assert_eq!(
            answer_fr(&out),
            "Le client doit 46,46 € : 6,46 € de pénalités pour 30 jours de retard et 40,00 € \
             d'indemnité forfaitaire de recouvrement."
        );
        let out = penalty(&request(
            "1000",
            "2026-01-31",
            "2026-02-01",
            ClientKind::Individual,
        ));
        assert!(answer_fr(&out).ends_with("pour 1 jour de retard."));
        let out = penalty(&request(
            "1000",
            "2026-01-31",
            "2026-01-31",
            ClientKind::Business,
        ));
        assert!(answer_fr(&out).starts_with("Aucune pénalité"));
    }

    #[test]
    fn the_example_is_computed_with_the_rates_of_the_data() {
        // 4 800 × 1,5 × 3,71 % × 45 / 365 = 32,9326… → 32,93 €.
        let (setting, answer) = example_fr(&catalogue()).expect("an example");
        assert_eq!(
            setting,
            "4\u{202f}800,00 € dus par un particulier le lundi 31 mars 2025, payés le jeudi 15 mai 2025"
        );
        assert_eq!(
            answer,
            "Le client doit 32,93 € de pénalités pour 45 jours de retard."
        );
    }

    #[test]
    fn delay_across_a_half_year_boundary_uses_each_half_year_rate() {
        let out = penalty(&request(
            "10000",
            "2025-06-20",
            "2025-07-10",
            ClientKind::Individual,
        ));
        assert_eq!(out.days_late, 20);
        assert_eq!(out.multiplier, dec("1.5"));
        assert_eq!(out.periods.len(), 2);
        let (s1, s2) = (&out.periods[0], &out.periods[1]);
        assert_eq!(
            (s1.from, s1.to, s1.days),
            (d("2025-06-21"), d("2025-06-30"), 10)
        );
        assert_eq!((s1.year, s1.half, s1.year_length), (2025, 1, 365));
        assert_eq!(s1.legal_rate, dec("0.0371"));
        assert_eq!(s1.applied_rate, dec("0.05565"));
        // 10 000 × 5,565 % × 10 / 365 = 15,246…
        assert_eq!(s1.interest, dec("15.25"));
        assert_eq!(
            (s2.from, s2.to, s2.days),
            (d("2025-07-01"), d("2025-07-10"), 10)
        );
        assert_eq!(s2.legal_rate, dec("0.0276"));
        // 10 000 × 4,14 % × 10 / 365 = 11,342…
        assert_eq!(s2.interest, dec("11.34"));
        assert_eq!(out.interest, dec("26.59"));
        assert_eq!(out.indemnity, Decimal::ZERO);
        assert_eq!(out.total, dec("26.59"));
        assert!(out
            .explanations
            .iter()
            .any(|e| e.contains("2e semestre 2025")));
        assert!(out
            .explanations
            .iter()
            .any(|e| e.contains("Client particulier")));
    }

    #[test]
    fn leap_year_divides_by_366_and_says_so() {
        let out = penalty(&request(
            "10000",
            "2024-01-31",
            "2024-03-01",
            ClientKind::Individual,
        ));
        assert_eq!(out.days_late, 30);
        let p = &out.periods[0];
        assert_eq!(p.year_length, 366);
        // 10 000 × 7,605 % × 30 / 366 = 62,336…
        assert_eq!(p.interest, dec("62.34"));
        assert!(
            p.explanation.contains("sur 366 (année 2024 bissextile)"),
            "{}",
            p.explanation
        );
        let out = penalty(&request(
            "10000",
            "2025-01-31",
            "2025-03-02",
            ClientKind::Individual,
        ));
        assert_eq!(out.periods[0].year_length, 365);
        assert!(!out.periods[0].explanation.contains("bissextile"));
    }

    #[test]
    fn business_client_gets_the_legal_floor_and_the_indemnity() {
        let out = penalty(&request(
            "10000",
            "2024-01-31",
            "2024-03-01",
            ClientKind::Business,
        ));
        assert!(out.business_floor_applied);
        assert_eq!(out.multiplier, dec("3"));
        assert_eq!(out.periods[0].applied_rate, dec("0.1521"));
        // 10 000 × 15,21 % × 30 / 366 = 124,672…
        assert_eq!(out.interest, dec("124.67"));
        assert_eq!(out.indemnity, dec("40"));
        assert_eq!(out.total, dec("164.67"));
        assert!(out
            .explanations
            .iter()
            .any(|e| e.contains("L441-10") && e.contains("plancher")));
        assert!(out
            .explanations
            .iter()
            .any(|e| e.contains("indemnité forfaitaire") && e.contains("40,00 €")));
    }

    #[test]
    fn a_private_client_owes_neither_the_indemnity_nor_the_legal_floor() {
        // The same delay as the business above: 10 000 € from 31 January to 1 March 2024,
        // 30 days at 1,5 × 5,07 % = 7,605 %: 10 000 × 7,605 % × 30 / 366 = 62,336… → 62,34,
        // and nothing more (a business owes 124,67 + 40,00).
        let out = penalty(&request(
            "10000",
            "2024-01-31",
            "2024-03-01",
            ClientKind::Individual,
        ));
        assert!(!out.business_floor_applied);
        assert_eq!(out.multiplier, dec("1.5"));
        assert_eq!(out.periods[0].applied_rate, dec("0.07605"));
        assert_eq!(out.interest, dec("62.34"));
        assert_eq!(out.indemnity, Decimal::ZERO);
        assert_eq!(out.total, dec("62.34"));
        assert!(out
            .explanations
            .iter()
            .any(|e| e.contains("Client particulier")
                && e.contains("ne lient que les professionnels")));
        assert!(!out.explanations.iter().any(|e| e.contains("40,00 €")));
    }

    #[test]
    fn cgv_rate_above_the_floor_applies_to_a_business_too() {
        let mut cat = catalogue();
        cat.late_payment.cgv_multiplier = dec("4");
        let req = request("10000", "2024-01-31", "2024-03-01", ClientKind::Business);
        let out = late_payment_penalty(&cat, &req).unwrap();
        assert!(!out.business_floor_applied);
        assert_eq!(out.multiplier, dec("4"));
        assert_eq!(out.indemnity, dec("40"));
        assert!(out
            .explanations
            .iter()
            .any(|e| e.contains("atteignent le plancher")));
    }

    #[test]
    fn delay_over_two_years_is_split_by_half_year_and_adds_up() {
        let out = penalty(&request(
            "2400",
            "2024-03-15",
            "2026-03-15",
            ClientKind::Individual,
        ));
        assert_eq!(out.days_late, 730);
        let halves: Vec<(i32, u8)> = out.periods.iter().map(|p| (p.year, p.half)).collect();
        assert_eq!(
            halves,
            [(2024, 1), (2024, 2), (2025, 1), (2025, 2), (2026, 1)]
        );
        assert_eq!(out.periods.iter().map(|p| p.days).sum::<u32>(), 730);
        assert_eq!(
            out.periods.iter().map(|p| p.interest).sum::<Decimal>(),
            out.interest
        );
        assert_eq!(out.periods[1].year_length, 366);
        assert_eq!(out.periods[2].year_length, 365);
    }

    #[test]
    fn missing_half_year_rate_is_named() {
        let e = late_payment_penalty(
            &catalogue(),
            &request("1000", "2026-06-20", "2026-07-05", ClientKind::Individual),
        )
        .unwrap_err();
        assert_eq!(
            e,
            LatePaymentError::MissingRate {
                half_years: vec![(2026, 2)]
            }
        );
        assert_eq!(
            e.message(),
            "Taux d'intérêt légal du 2e semestre 2026 absent du fichier de données : saisissez \
             le taux publié pour ce semestre."
        );
        let e = late_payment_penalty(
            &catalogue(),
            &request("1000", "2023-12-20", "2024-01-05", ClientKind::Business),
        )
        .unwrap_err();
        assert!(e.message().contains("2e semestre 2023"));
        let e = late_payment_penalty(
            &catalogue(),
            &request("1000", "2023-01-20", "2023-02-05", ClientKind::Business),
        )
        .unwrap_err();
        assert!(e.to_string().contains("1er semestre 2023"));
    }

    #[test]
    fn delay_into_2026_s2_without_a_typed_rate_names_the_missing_half_year() {
        let cat = catalogue();
        assert_eq!(
            missing_half_years(&cat, d("2026-06-15"), d("2026-09-30")),
            [(2026, 2)]
        );
        let e = late_payment_penalty(
            &cat,
            &request("10000", "2026-06-15", "2026-09-30", ClientKind::Individual),
        )
        .unwrap_err();
        assert_eq!(
            e,
            LatePaymentError::MissingRate {
                half_years: vec![(2026, 2)]
            }
        );
        assert!(e.message().contains("du 2e semestre 2026 absent"));
    }

    #[test]
    fn typed_rate_for_2026_s2_gives_the_penalty_and_says_it_was_typed() {
        // Due Mon 15 June 2026, paid Wed 30 September 2026, 3,50 % typed for 2026 S2:
        // 2026 S1: 16–30 June, 15 days at 1,5 × 2,62 % = 3,93 %:
        //   10 000 × 0,0393 × 15 / 365 = 5 895 / 365 = 16,1506… → 16,15 €;
        // 2026 S2: 1 July–30 September, 31 + 31 + 30 = 92 days at 1,5 × 3,5 % = 5,25 %:
        //   10 000 × 0,0525 × 92 / 365 = 48 300 / 365 = 132,3287… → 132,33 €.
        let mut req = request("10000", "2026-06-15", "2026-09-30", ClientKind::Individual);
        req.typed_rates = vec![typed(2026, 2, "3.50")];
        let out = penalty(&req);
        assert_eq!(out.days_late, 107);
        assert_eq!(out.periods.len(), 2);
        let (s1, s2) = (&out.periods[0], &out.periods[1]);
        assert_eq!((s1.year, s1.half, s1.days), (2026, 1, 15));
        assert_eq!(s1.rate_source, RateSource::Data);
        assert_eq!(s1.legal_rate, dec("0.0262"));
        assert_eq!(s1.interest, dec("16.15"));
        assert_eq!((s2.year, s2.half, s2.days), (2026, 2, 92));
        assert_eq!((s2.from, s2.to), (d("2026-07-01"), d("2026-09-30")));
        assert_eq!(s2.rate_source, RateSource::Typed);
        assert_eq!(s2.legal_rate, dec("0.035"));
        assert_eq!(s2.applied_rate, dec("0.0525"));
        assert_eq!(s2.interest, dec("132.33"));
        assert_eq!(out.interest, dec("148.48"));
        assert_eq!(out.total, dec("148.48"));
        assert!(
            s2.explanation.contains("(1,5 × 3,5\u{a0}%, taux saisi)"),
            "{}",
            s2.explanation
        );
        assert!(!s1.explanation.contains("saisi"));
        assert!(out.explanations.iter().any(|e| e
            == "Taux d'intérêt légal saisi : 3,5\u{a0}% pour le 2e semestre 2026, absent du \
                fichier de données."));
        assert_eq!(
            out.explanations.last().unwrap(),
            "Total des pénalités : 148,48 €."
        );

        // A business client: 3 × the rates and the 40 € indemnity.
        // 10 000 × 0,0786 × 15 / 365 = 11 790 / 365 = 32,3013… → 32,30 €;
        // 10 000 × 0,105 × 92 / 365 = 96 600 / 365 = 264,6575… → 264,66 €.
        req.client = ClientKind::Business;
        let out = penalty(&req);
        assert_eq!(out.periods[0].interest, dec("32.30"));
        assert_eq!(out.periods[1].interest, dec("264.66"));
        assert_eq!(out.interest, dec("296.96"));
        assert_eq!(out.indemnity, dec("40"));
        assert_eq!(out.total, dec("336.96"));
        assert_eq!(out.periods[1].rate_source, RateSource::Typed);
    }

    #[test]
    fn a_typed_rate_never_replaces_the_data_file() {
        let mut req = request("10000", "2026-06-15", "2026-09-30", ClientKind::Individual);
        req.typed_rates = vec![
            typed(2026, 1, "9"),
            typed(2026, 2, "3.5"),
            typed(2026, 2, "7"),
        ];
        let out = penalty(&req);
        assert_eq!(out.periods[0].legal_rate, dec("0.0262"));
        assert_eq!(out.periods[0].rate_source, RateSource::Data);
        assert_eq!(out.periods[1].legal_rate, dec("0.035"));
        assert_eq!(out.total, dec("148.48"));
    }

    #[test]
    fn delay_over_2026_s2_and_2027_s1_lists_both_missing_half_years() {
        let cat = catalogue();
        assert_eq!(
            missing_half_years(&cat, d("2026-12-20"), d("2027-01-10")),
            [(2026, 2), (2027, 1)]
        );
        let mut req = request("1000", "2026-06-20", "2027-07-05", ClientKind::Business);
        let e = late_payment_penalty(&cat, &req).unwrap_err();
        assert_eq!(
            e,
            LatePaymentError::MissingRate {
                half_years: vec![(2026, 2), (2027, 1), (2027, 2)]
            }
        );
        assert_eq!(
            e.message(),
            "Taux d'intérêt légal du 2e semestre 2026, du 1er semestre 2027 et du 2e semestre \
             2027 absents du fichier de données : saisissez le taux publié pour chacun de ces \
             semestres."
        );
        // One typed: the others are still named.
        req.typed_rates = vec![typed(2027, 1, "3")];
        assert_eq!(
            late_payment_penalty(&cat, &req).unwrap_err(),
            LatePaymentError::MissingRate {
                half_years: vec![(2026, 2), (2027, 2)]
            }
        );
        req.typed_rates.push(typed(2026, 2, "3.5"));
        req.typed_rates.push(typed(2027, 2, "2.75"));
        let out = late_payment_penalty(&cat, &req).unwrap();
        let sources: Vec<_> = out.periods.iter().map(|p| p.rate_source).collect();
        assert_eq!(
            sources,
            [
                RateSource::Data,
                RateSource::Typed,
                RateSource::Typed,
                RateSource::Typed
            ]
        );
        let typed_sentences = out
            .explanations
            .iter()
            .filter(|e| e.starts_with("Taux d'intérêt légal saisi"))
            .count();
        assert_eq!(typed_sentences, 3);
    }

    #[test]
    fn missing_half_years_is_empty_when_the_data_cover_the_delay() {
        let cat = catalogue();
        assert!(missing_half_years(&cat, d("2024-01-01"), d("2026-06-30")).is_empty());
        assert!(missing_half_years(&cat, d("2025-06-20"), d("2025-07-10")).is_empty());
        // No delay, or a date out of the calendar: nothing to ask.
        assert!(missing_half_years(&cat, d("2030-03-15"), d("2030-03-15")).is_empty());
        assert!(missing_half_years(&cat, d("2030-03-15"), d("2029-03-15")).is_empty());
        assert!(missing_half_years(&cat, d("1850-03-15"), d("2030-03-15")).is_empty());
        // Due on 30 June 2026: the delay starts on 1 July, in 2026 S2 only.
        assert_eq!(
            missing_half_years(&cat, d("2026-06-30"), d("2026-07-01")),
            [(2026, 2)]
        );
        // Before the data too.
        assert_eq!(
            missing_half_years(&cat, d("2023-05-01"), d("2024-02-01")),
            [(2023, 1), (2023, 2)]
        );
    }

    #[test]
    fn invalid_typed_rates_are_refused_in_french() {
        for (text, reason) in [
            ("", TypedRateError::Empty),
            ("  % ", TypedRateError::Empty),
            ("abc", TypedRateError::NotANumber),
            ("-1", TypedRateError::NotANumber),
            ("3,", TypedRateError::NotANumber),
            (",5", TypedRateError::NotANumber),
            ("3,5,1", TypedRateError::NotANumber),
            ("3 5", TypedRateError::NotANumber),
            ("1e2", TypedRateError::NotANumber),
            ("100,01", TypedRateError::OutOfRange),
            ("1000", TypedRateError::OutOfRange),
            ("99999999999999999999", TypedRateError::OutOfRange),
            ("999999999999999999999999", TypedRateError::NotANumber),
            ("3,14159", TypedRateError::TooManyDecimals),
        ] {
            assert_eq!(parse_typed_rate(text), Err(reason), "{text:?}");
        }
        assert_eq!(
            parse_typed_rate("abc").unwrap_err().message(),
            "Taux invalide : saisissez un pourcentage en chiffres, par exemple 3,5."
        );
        assert_eq!(
            parse_typed_rate("120").unwrap_err().message(),
            "Taux invalide : un pourcentage entre 0 et 100 est attendu."
        );
        assert!(parse_typed_rate("")
            .unwrap_err()
            .message()
            .starts_with("Indiquez"));
        for (text, rate) in [
            ("3,5", "3.5"),
            ("3.50", "3.50"),
            (" 3,5 % ", "3.5"),
            ("3,5\u{a0}%", "3.5"),
            ("0", "0"),
            ("100", "100"),
            ("0,0415", "0.0415"),
            ("2,62000", "2.62"),
        ] {
            assert_eq!(parse_typed_rate(text), Ok(dec(rate)), "{text:?}");
        }
        // A rate out of range handed to the calculator directly is refused too.
        let mut req = request("10000", "2026-06-15", "2026-09-30", ClientKind::Individual);
        req.typed_rates = vec![typed(2026, 2, "-0.5")];
        let e = late_payment_penalty(&catalogue(), &req).unwrap_err();
        assert_eq!(
            e,
            LatePaymentError::InvalidTypedRate {
                year: 2026,
                half: 2,
                reason: TypedRateError::OutOfRange
            }
        );
        assert_eq!(
            e.message(),
            "Taux saisi pour le 2e semestre 2026 invalide : un pourcentage entre 0 et 100 est \
             attendu."
        );
        req.typed_rates = vec![typed(2026, 2, "3.14159")];
        assert!(late_payment_penalty(&catalogue(), &req)
            .unwrap_err()
            .message()
            .contains("décimales"));
    }

    #[test]
    fn the_data_go_up_to_their_last_half_year() {
        let cat = catalogue();
        assert_eq!(rates_known_until(&cat), Some((2026, 1)));
        assert_eq!(
            rates_known_until_fr(&cat),
            "Taux d'intérêt légal connus jusqu'au 1er semestre 2026."
        );
        let mut empty = cat.clone();
        empty.legal_interest_rates.clear();
        assert_eq!(rates_known_until(&empty), None);
        assert!(rates_known_until_fr(&empty).starts_with("Aucun taux"));
    }

    #[test]
    fn paid_on_time_owes_nothing() {
        for paid in ["2026-03-15", "2026-03-01"] {
            let out = penalty(&request("1000", "2026-03-15", paid, ClientKind::Business));
            assert_eq!(out.days_late, 0);
            assert_eq!(out.total, Decimal::ZERO);
            assert_eq!(out.indemnity, Decimal::ZERO);
            assert!(out.periods.is_empty());
            assert!(out.explanations[0].contains("aucune pénalité"));
        }
        // Even with no rate in the file for that half-year.
        let out = penalty(&request(
            "1000",
            "2030-03-15",
            "2030-03-15",
            ClientKind::Individual,
        ));
        assert_eq!(out.total, Decimal::ZERO);
    }

    #[test]
    fn one_day_late_counts_the_payment_day() {
        let out = penalty(&request(
            "36500",
            "2025-03-10",
            "2025-03-11",
            ClientKind::Individual,
        ));
        assert_eq!(out.days_late, 1);
        assert_eq!(out.periods[0].from, d("2025-03-11"));
        // 36 500 × 5,565 % / 365 = 5,565
        assert_eq!(out.interest, dec("5.57"));
        assert!(out.explanations[0].contains("1 jour de retard"));
    }

    #[test]
    fn bad_requests_are_refused_in_french() {
        let cat = catalogue();
        let e = late_payment_penalty(
            &cat,
            &request("-1", "2025-03-10", "2025-03-11", ClientKind::Individual),
        )
        .unwrap_err();
        assert_eq!(e, LatePaymentError::NegativeAmount);
        assert!(e.message().contains("négatif"));
        let e = late_payment_penalty(
            &cat,
            &request("1", "1899-03-10", "2025-03-11", ClientKind::Individual),
        )
        .unwrap_err();
        assert_eq!(e, LatePaymentError::DueDateOutOfRange);
        let e = late_payment_penalty(
            &cat,
            &request("1", "2025-03-10", "2201-03-11", ClientKind::Individual),
        )
        .unwrap_err();
        assert_eq!(e, LatePaymentError::PaidDateOutOfRange);
        let e = late_payment_penalty(
            &cat,
            &request(
                "1000000000001",
                "2025-03-10",
                "2025-03-11",
                ClientKind::Individual,
            ),
        )
        .unwrap_err();
        assert_eq!(e, LatePaymentError::AmountTooLarge);
    }

    #[test]
    fn half_years_are_named_in_french() {
        assert_eq!(half_year_fr(2026, 1), "1er semestre 2026");
        assert_eq!(half_year_fr(2026, 2), "2e semestre 2026");
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod properties {
    use super::*;
    use proptest::prelude::*;

    /// As in `tests`: the legal rates up to 2026 S1.
    fn catalogue() -> Catalogue {
        let mut c = Catalogue::fixture();
        c.legal_interest_rates
            .retain(|r| (r.year, r.half) <= (2026, 1));
        c
    }

    fn date_in(from: (i32, u32, u32), to: (i32, u32, u32)) -> impl Strategy<Value = NaiveDate> {
        let lo = NaiveDate::from_ymd_opt(from.0, from.1, from.2)
            .unwrap()
            .num_days_from_ce();
        let hi = NaiveDate::from_ymd_opt(to.0, to.1, to.2)
            .unwrap()
            .num_days_from_ce();
        (lo..=hi).prop_map(|n| NaiveDate::from_num_days_from_ce_opt(n).unwrap())
    }

    fn any_date() -> impl Strategy<Value = NaiveDate> {
        let lo = NaiveDate::MIN.num_days_from_ce();
        let hi = NaiveDate::MAX.num_days_from_ce();
        prop_oneof![
            (lo..=hi).prop_map(|n| NaiveDate::from_num_days_from_ce_opt(n).unwrap()),
            date_in((1890, 1, 1), (2210, 12, 31)),
        ]
    }

    fn client() -> impl Strategy<Value = ClientKind> {
        prop_oneof![Just(ClientKind::Individual), Just(ClientKind::Business)]
    }

    proptest! {
        #[test]
        fn periods_cover_the_delay_and_add_up(
            due in date_in((2023, 12, 31), (2026, 6, 29)),
            paid in date_in((2024, 1, 1), (2026, 6, 30)),
            cents in 0i64..100_000_000_000,
            client in client(),
        ) {
            let req = LatePaymentRequest { amount: Decimal::new(cents, 2), due, paid, client, typed_rates: Vec::new() };
            let out = late_payment_penalty(&catalogue(), &req).unwrap();
            let days: u32 = out.periods.iter().map(|p| p.days).sum();
            prop_assert_eq!(days, out.days_late);
            prop_assert_eq!(out.periods.iter().map(|p| p.interest).sum::<Decimal>(), out.interest);
            prop_assert_eq!(out.interest + out.indemnity, out.total);
            prop_assert!(out.periods.windows(2).all(|w| w[0].to.succ_opt() == Some(w[1].from)));
        }

        #[test]
        fn paying_later_never_costs_less(
            due in date_in((2024, 1, 1), (2026, 1, 1)),
            a in 0i64..170,
            b in 0i64..170,
            cents in 0i64..10_000_000,
            client in client(),
        ) {
            let cat = catalogue();
            let at = |k: i64| {
                let paid = due + chrono::TimeDelta::days(k);
                late_payment_penalty(&cat, &LatePaymentRequest { amount: Decimal::new(cents, 2), due, paid, client, typed_rates: Vec::new() })
                    .unwrap()
                    .total
            };
            prop_assert!(at(a.min(b)) <= at(a.max(b)));
        }

        #[test]
        fn nothing_panics_on_arbitrary_input(
            due in any_date(),
            paid in any_date(),
            n in any::<i64>(),
            scale in 0u32..=28,
            client in client(),
        ) {
            let req = LatePaymentRequest { amount: Decimal::new(n, scale), due, paid, client, typed_rates: Vec::new() };
            match late_payment_penalty(&catalogue(), &req) {
                Ok(out) => prop_assert!(out.total >= Decimal::ZERO),
                Err(e) => prop_assert!(!e.message().is_empty()),
            }
        }

        #[test]
        fn with_every_missing_half_year_typed_the_delay_is_computed_and_adds_up(
            due in date_in((2021, 1, 1), (2028, 12, 31)),
            paid in date_in((2021, 1, 1), (2029, 12, 31)),
            cents in 0i64..100_000_000_000,
            rate_bp in 0i64..=10_000,
            client in client(),
        ) {
            let cat = catalogue();
            let missing = missing_half_years(&cat, due, paid);
            let typed_rates = missing
                .iter()
                .map(|&(year, half)| TypedRate { year, half, rate: Decimal::new(rate_bp, 2) })
                .collect();
            let req = LatePaymentRequest { amount: Decimal::new(cents, 2), due, paid, client, typed_rates };
            let out = late_payment_penalty(&cat, &req).unwrap();
            let days: u32 = out.periods.iter().map(|p| p.days).sum();
            prop_assert_eq!(days, out.days_late);
            prop_assert_eq!(out.periods.iter().map(|p| p.interest).sum::<Decimal>(), out.interest);
            prop_assert_eq!(out.interest + out.indemnity, out.total);
            let typed: Vec<(i32, u8)> = out
                .periods
                .iter()
                .filter(|p| p.rate_source == RateSource::Typed)
                .map(|p| (p.year, p.half))
                .collect();
            prop_assert_eq!(typed, missing);
        }

        #[test]
        fn parsing_a_typed_rate_never_panics_and_stays_in_range(text in "\\PC{0,30}") {
            if let Ok(rate) = parse_typed_rate(&text) {
                prop_assert!(rate >= Decimal::ZERO && rate <= Decimal::ONE_HUNDRED);
            }
        }

        #[test]
        fn a_typed_rate_written_in_french_reads_back(bp in 0i64..=1_000_000) {
            let rate = Decimal::new(bp, 4);
            let text = rate.to_string().replace('.', ",");
            prop_assert_eq!(parse_typed_rate(&text), Ok(rate));
        }
    }
}
