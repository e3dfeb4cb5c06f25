//! Pricing a quote request (issue 3).
//!
//! A [`QuoteRequest`] (formula, trainees, coaching, certification, VAT, funding, date) is
//! priced against the [`Catalogue`] into a [`Quote`]: its lines, HT / VAT / TTC, the share
//! paid by an OPCO or a CPF account, what is left to pay, the full-course advice and a
//! French sentence explaining every figure. Every price comes from the catalogue; every
//! amount is a [`Decimal`]; out-of-range input is a [`QuoteError`], never a clamp or a panic.

use std::fmt;

use chrono::{Datelike, NaiveDate};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use super::catalogue::Catalogue;
use super::fr::{count_fr, date_fr, days_fr, hours_fr, join_fr};
use super::money::{format_eur, format_percent, round_cents, split_by_largest_remainder};
use super::order::sort_by_key;

/// Full course, or modules à la carte (module numbers, treated as a set).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Formula {
    Full,
    Modular(Vec<u8>),
}

impl Formula {
    /// The same formula with its modules sorted and deduplicated.
    pub fn normalised(&self) -> Formula {
        match self {
            Formula::Full => Formula::Full,
            Formula::Modular(list) => Formula::Modular(module_set(list)),
        }
    }
}

/// What a formula is, as the exported request and the forms' choices write it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum FormulaCode {
    #[serde(rename = "complet")]
    Full,
    #[serde(rename = "modulaire")]
    Modular,
}

impl FormulaCode {
    pub const ALL: [FormulaCode; 2] = [Self::Full, Self::Modular];

    /// `complet`, `modulaire`.
    pub fn key(self) -> &'static str {
        match self {
            Self::Full => "complet",
            Self::Modular => "modulaire",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Self::Full => "Parcours complet",
            Self::Modular => "Parcours modulaire",
        }
    }

    /// Every formula as a select lists it: (key, label), in order.
    pub fn choices() -> Vec<(String, String)> {
        Self::ALL
            .iter()
            .map(|c| (c.key().to_string(), c.label().to_string()))
            .collect()
    }
}

impl Formula {
    pub fn code(&self) -> FormulaCode {
        match self {
            Formula::Full => FormulaCode::Full,
            Formula::Modular(_) => FormulaCode::Modular,
        }
    }
}

/// VAT at the catalogue's rate, or exempt (training body holding the exemption).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Vat {
    #[serde(rename = "normale")]
    Standard,
    #[serde(rename = "exoneree")]
    Exempt,
}

impl Vat {
    pub const ALL: [Vat; 2] = [Self::Standard, Self::Exempt];

    /// `normale`, `exoneree`: the request's and the forms' code.
    pub fn key(self) -> &'static str {
        match self {
            Self::Standard => "normale",
            Self::Exempt => "exoneree",
        }
    }

    pub fn of_exempt(exempt: bool) -> Self {
        if exempt {
            Self::Exempt
        } else {
            Self::Standard
        }
    }
}

/// Who pays part of the price.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Funding {
    None,
    /// The amount the OPCO granted (euros, TTC side: it is deducted from the total TTC).
    Opco {
        amount: Decimal,
    },
    /// The trainee's CPF balance; `exempt` when the flat contribution is not due
    /// (job seekers, employer top-up). The balance is `None` while it is still to be typed
    /// (a share link never carries it): the quote is priced, its CPF share and what is left
    /// to pay are pending (see [`Quote::cpf_balance_pending`]).
    Cpf {
        balance: Option<Decimal>,
        exempt: bool,
    },
}

/// What the simulator asks for.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct QuoteRequest {
    pub formula: Formula,
    pub trainees: u32,
    /// Coaching days per trainee.
    pub coaching_days: u32,
    pub certification: bool,
    pub vat: Vat,
    pub funding: Funding,
    /// The quote's date: it selects the CPF contribution and the VAT exemption's wording.
    #[serde(with = "crate::domain::calendar::iso_date")]
    pub date: NaiveDate,
}

impl QuoteRequest {
    /// One trainee, no coaching, certification ticked with the full course only, 20 % VAT,
    /// no funding.
    pub fn default_for(formula: Formula, date: NaiveDate) -> Self {
        let certification = matches!(formula, Formula::Full);
        QuoteRequest {
            formula,
            trainees: 1,
            coaching_days: 0,
            certification,
            vat: Vat::Standard,
            funding: Funding::None,
            date,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum LineKind {
    FullCourse,
    Module(u8),
    Coaching,
    Certification,
}

/// What a line is, as the exported request writes it (a module's number beside it).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum LineCode {
    #[serde(rename = "parcours_complet")]
    FullCourse,
    Module,
    #[serde(rename = "accompagnement")]
    Coaching,
    Certification,
}

impl LineCode {
    pub const ALL: [LineCode; 4] = [
        Self::FullCourse,
        Self::Module,
        Self::Coaching,
        Self::Certification,
    ];

    /// `parcours_complet`, `module`, `accompagnement`, `certification`.
    pub fn key(self) -> &'static str {
        match self {
            Self::FullCourse => "parcours_complet",
            Self::Module => "module",
            Self::Coaching => "accompagnement",
            Self::Certification => "certification",
        }
    }
}

impl LineKind {
    /// The line's code and its module's number.
    pub fn code(self) -> (LineCode, Option<u8>) {
        match self {
            LineKind::FullCourse => (LineCode::FullCourse, None),
            LineKind::Module(n) => (LineCode::Module, Some(n)),
            LineKind::Coaching => (LineCode::Coaching, None),
            LineKind::Certification => (LineCode::Certification, None),
        }
    }
}

/// One line of the quote: `total_ht = unit_ht × quantity`, exactly.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct QuoteLine {
    pub kind: LineKind,
    pub label: String,
    pub unit_ht: Decimal,
    pub quantity: u32,
    pub total_ht: Decimal,
    pub explanation: String,
}

/// Shown when the modules chosen cost as much as or more than the full course.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FullCourseAdvice {
    pub modules_ht_per_trainee: Decimal,
    pub full_course_ht_per_trainee: Decimal,
    /// Over all trainees, never negative (zero when the prices are equal).
    pub saving_ht: Decimal,
    /// The modules the full course adds to the selection.
    pub added_modules: Vec<u8>,
    pub message: String,
}

/// One French sentence per figure of the quote's summary.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct FigureExplanations {
    pub total_ht: String,
    pub total_vat: String,
    pub total_ttc: String,
    pub per_trainee: String,
    pub training: String,
    /// Present when coaching days are chosen.
    pub coaching: Option<String>,
    pub funded: String,
    /// Present with CPF funding (due or exempt).
    pub cpf_contribution: Option<String>,
    pub remaining: String,
}

/// A priced quote. Amounts are euros with (at least) two decimals.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Quote {
    /// The request as priced: modules sorted and deduplicated.
    pub request: QuoteRequest,
    /// The modules followed by each trainee (all of them for the full course).
    pub modules: Vec<u8>,
    pub lines: Vec<QuoteLine>,
    pub total_ht: Decimal,
    /// The rate applied: the catalogue's, or zero when exempt.
    pub vat_rate: Decimal,
    pub total_vat: Decimal,
    pub total_ttc: Decimal,
    pub per_trainee_ht: Decimal,
    /// Total TTC ÷ trainees, rounded to the cent: indicative only.
    pub per_trainee_ttc: Decimal,
    /// Per trainee.
    pub training_days: Decimal,
    /// Per trainee: training days × hours per day.
    pub training_hours: Decimal,
    /// Per trainee: coaching days × hours per day, capped at the announced coaching hours.
    pub coaching_hours: Decimal,
    /// Prise en charge (OPCO or CPF), never more than the total TTC (0 while the CPF
    /// balance is pending).
    pub funded: Decimal,
    /// The flat CPF contribution: zero unless CPF and not exempt.
    pub cpf_contribution: Decimal,
    /// Reste à charge: `total_ttc − funded + cpf_contribution` (an upper bound while the CPF
    /// balance is pending).
    pub remaining: Decimal,
    pub advice: Option<FullCourseAdvice>,
    /// The legal mention a VAT-exempt quote carries.
    pub vat_mention: Option<String>,
    /// Every line's explanation, then every figure's, in display order.
    pub explanations: Vec<String>,
    pub explained: FigureExplanations,
}

/// What « Solde CPF » says of itself.
pub const CPF_PERSONAL_FR: &str = "Le CPF est personnel : un seul stagiaire, titulaire du compte.";

/// What « Solde CPF » says while it is empty: the quote is priced, its CPF share pending.
pub const CPF_BALANCE_ASKED_FR: &str = "À indiquer : le solde de votre compte CPF (un lien de \
     partage ne le transmet pas), pour calculer la prise en charge et le reste à charge.";

impl Quote {
    /// True while the CPF balance is still to be typed: the CPF share and what is left to
    /// pay are pending, and no screen shows them as figures.
    pub fn cpf_balance_pending(&self) -> bool {
        matches!(self.request.funding, Funding::Cpf { balance: None, .. })
    }
}

/// What a total of a quote is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TotalKind {
    Ht,
    Vat,
    Ttc,
    /// Prise en charge: what the OPCO or the CPF balance pays.
    Funded,
    /// The flat CPF contribution the account holder pays on top.
    CpfContribution,
    /// Reste à charge: TTC − prise en charge + CPF contribution.
    Remaining,
}

impl TotalKind {
    /// Every total, in reading order.
    pub const ALL: [TotalKind; 6] = [
        TotalKind::Ht,
        TotalKind::Vat,
        TotalKind::Ttc,
        TotalKind::Funded,
        TotalKind::CpfContribution,
        TotalKind::Remaining,
    ];

    /// The figure's name, whatever the quote (a quote's own row may say more: the VAT rate,
    /// who funds).
    pub fn label_fr(self) -> &'static str {
        match self {
            TotalKind::Ht => "Total HT",
            TotalKind::Vat => "TVA",
            TotalKind::Ttc => "Total TTC",
            TotalKind::Funded => "Prise en charge",
            TotalKind::CpfContribution => "Participation forfaitaire CPF",
            TotalKind::Remaining => "Reste à charge",
        }
    }

    /// The key of the figure: the `data-testid` of its amount, after the screen's prefix
    /// (`devis-total-ttc`).
    pub fn key(self) -> &'static str {
        match self {
            TotalKind::Ht => "total-ht",
            TotalKind::Vat => "total-tva",
            TotalKind::Ttc => "total-ttc",
            TotalKind::Funded => "prise-en-charge",
            TotalKind::CpfContribution => "participation-cpf",
            TotalKind::Remaining => "reste-a-charge",
        }
    }

    /// The figure a reader looks for first: shown larger.
    pub fn is_headline(self) -> bool {
        matches!(self, TotalKind::Ttc | TotalKind::Remaining)
    }
}

/// One total of a quote, as every screen and document shows it.
#[derive(Debug, Clone, PartialEq)]
pub struct TotalRow {
    pub kind: TotalKind,
    pub label: String,
    /// `None` while it waits for the CPF balance (see [`Quote::cpf_balance_pending`]).
    pub amount: Option<Decimal>,
}

impl TotalRow {
    /// The amount as shown: « 4 800,00 € », or pending.
    pub fn amount_fr(&self) -> String {
        self.amount
            .map(format_eur)
            .unwrap_or_else(|| PENDING_FR.to_string())
    }
}

/// The quote's totals, in reading order, the one list every screen and document takes:
/// total HT, VAT, total TTC, what the funding pays, the CPF contribution (with CPF funding,
/// when one is due), what is left. They add up: TTC = HT + VAT, and what is left = TTC −
/// prise en charge + CPF contribution. `funding_rows` false leaves out the prise en charge
/// and what is left when there is no funding (a printed devis says nothing of a funding
/// there is not).
pub fn total_rows(quote: &Quote, funding_rows: bool) -> Vec<TotalRow> {
    let pending = quote.cpf_balance_pending();
    let row = |kind: TotalKind, amount| TotalRow {
        kind,
        label: kind.label_fr().to_string(),
        amount,
    };
    let vat = if quote.vat_rate.is_zero() {
        "TVA (exonérée)".to_string()
    } else {
        format!("TVA ({})", format_percent(quote.vat_rate))
    };
    let mut rows = vec![
        row(TotalKind::Ht, Some(quote.total_ht)),
        TotalRow {
            label: vat,
            ..row(TotalKind::Vat, Some(quote.total_vat))
        },
        row(TotalKind::Ttc, Some(quote.total_ttc)),
    ];
    let funded = row(TotalKind::Funded, (!pending).then_some(quote.funded));
    rows.push(match quote.request.funding {
        Funding::None if !funding_rows => return rows,
        Funding::None => funded,
        Funding::Opco { .. } => TotalRow {
            label: "Prise en charge OPCO".to_string(),
            ..funded
        },
        Funding::Cpf { .. } => TotalRow {
            label: "Prise en charge CPF".to_string(),
            ..funded
        },
    });
    if !quote.cpf_contribution.is_zero() {
        rows.push(row(
            TotalKind::CpfContribution,
            Some(quote.cpf_contribution),
        ));
    }
    rows.push(row(
        TotalKind::Remaining,
        (!pending).then_some(quote.remaining),
    ));
    rows
}

/// A figure that waits for the CPF balance.
pub const PENDING_FR: &str = "à calculer (solde CPF à indiquer)";

/// The simulator input at fault.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum QuoteField {
    Modules,
    Trainees,
    Coaching,
    Funding,
    OpcoAmount,
    CpfBalance,
}

impl QuoteField {
    /// The French label of the control (as in the simulator).
    pub fn label(self) -> &'static str {
        match self {
            QuoteField::Modules => "Modules",
            QuoteField::Trainees => "Nombre de stagiaires",
            QuoteField::Coaching => "Jours d'accompagnement",
            QuoteField::Funding => "Financement",
            QuoteField::OpcoAmount => "Montant pris en charge par l'OPCO",
            QuoteField::CpfBalance => "Solde CPF",
        }
    }
}

/// Why a request cannot be priced.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum QuoteError {
    /// A modular formula with no module.
    NoModule,
    /// A module number the catalogue does not have (`last` is its highest number).
    UnknownModule {
        number: u8,
        last: u8,
    },
    TraineesOutOfRange {
        trainees: u32,
        max: u32,
    },
    CoachingOutOfRange {
        days: u32,
        max: u32,
    },
    OpcoAmountNegative,
    OpcoAmountNotInCents,
    CpfBalanceNegative,
    CpfBalanceNotInCents,
    /// CPF is personal: one trainee, the account holder.
    CpfNeedsOneTrainee {
        trainees: u32,
    },
    /// The catalogue says the course is not CPF-eligible.
    CpfNotEligible,
    /// An amount beyond what a decimal holds (only with an absurd catalogue).
    Overflow,
}

impl QuoteError {
    pub fn field(&self) -> QuoteField {
        match self {
            QuoteError::NoModule | QuoteError::UnknownModule { .. } => QuoteField::Modules,
            QuoteError::TraineesOutOfRange { .. }
            | QuoteError::CpfNeedsOneTrainee { .. }
            | QuoteError::Overflow => QuoteField::Trainees,
            QuoteError::CoachingOutOfRange { .. } => QuoteField::Coaching,
            QuoteError::OpcoAmountNegative | QuoteError::OpcoAmountNotInCents => {
                QuoteField::OpcoAmount
            }
            QuoteError::CpfBalanceNegative | QuoteError::CpfBalanceNotInCents => {
                QuoteField::CpfBalance
            }
            QuoteError::CpfNotEligible => QuoteField::Funding,
        }
    }

    /// The message shown next to the field, in French.
    pub fn message(&self) -> String {
        match self {
            QuoteError::NoModule => {
                "Choisissez au moins un module pour un parcours modulaire.".to_string()
            }
            QuoteError::UnknownModule { number, last } => format!(
                "Le module {number} n'existe pas : les modules sont numérotés de 1 à {last}."
            ),
            QuoteError::TraineesOutOfRange { max, .. } => {
                format!("Le nombre de stagiaires doit être compris entre 1 et {max}.")
            }
            QuoteError::CoachingOutOfRange { max, .. } => format!(
                "Le nombre de jours d'accompagnement doit être compris entre 0 et {max}."
            ),
            QuoteError::OpcoAmountNegative => {
                "Le montant pris en charge par l'OPCO ne peut pas être négatif.".to_string()
            }
            QuoteError::OpcoAmountNotInCents => {
                "Le montant pris en charge par l'OPCO s'écrit en euros et centimes (deux décimales au plus)."
                    .to_string()
            }
            QuoteError::CpfBalanceNegative => {
                "Le solde CPF ne peut pas être négatif.".to_string()
            }
            QuoteError::CpfBalanceNotInCents => {
                "Le solde CPF s'écrit en euros et centimes (deux décimales au plus).".to_string()
            }
            QuoteError::CpfNeedsOneTrainee { trainees } => format!(
                "Le CPF est un droit personnel : il finance la formation d'un seul stagiaire, \
                 le titulaire du compte (ici {trainees} stagiaires). Pour plusieurs salariés, \
                 choisissez un financement par l'OPCO."
            ),
            QuoteError::CpfNotEligible => {
                "Cette formation n'est pas éligible au CPF.".to_string()
            }
            QuoteError::Overflow => {
                "Le montant dépasse ce que le simulateur sait calculer.".to_string()
            }
        }
    }
}

impl fmt::Display for QuoteError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} : {}", self.field().label(), self.message())
    }
}

impl std::error::Error for QuoteError {}

/// The full-course HT price per module, split by module days, left-over cents to the
/// largest remainder (ties to the earlier module): 615.39 / 615.38 / 1230.77 / 1230.77 / 307.69.
pub fn full_course_split(catalogue: &Catalogue) -> Vec<(u8, Decimal)> {
    let days: Vec<Decimal> = catalogue.modules.iter().map(|m| m.days).collect();
    let shares = split_by_largest_remainder(catalogue.prices.full_course_ht, &days);
    catalogue
        .modules
        .iter()
        .map(|m| m.number)
        .zip(shares)
        .collect()
}

/// Every fault of the request, in the order of the form (empty when it can be priced).
pub fn check_request(catalogue: &Catalogue, request: &QuoteRequest) -> Vec<QuoteError> {
    let mut errors = Vec::new();
    if let Formula::Modular(list) = &request.formula {
        let set = module_set(list);
        if set.is_empty() {
            errors.push(QuoteError::NoModule);
        }
        let last = catalogue
            .modules
            .iter()
            .map(|m| m.number)
            .max()
            .unwrap_or(0);
        for number in set {
            if catalogue.module(number).is_none() {
                errors.push(QuoteError::UnknownModule { number, last });
            }
        }
    }
    let max = catalogue.prices.trainees_max;
    if request.trainees == 0 || request.trainees > max {
        errors.push(QuoteError::TraineesOutOfRange {
            trainees: request.trainees,
            max,
        });
    }
    let max_days = u32::from(catalogue.prices.coaching_max_days);
    if request.coaching_days > max_days {
        errors.push(QuoteError::CoachingOutOfRange {
            days: request.coaching_days,
            max: max_days,
        });
    }
    match &request.funding {
        Funding::None => {}
        Funding::Opco { amount } => {
            if *amount < Decimal::ZERO {
                errors.push(QuoteError::OpcoAmountNegative);
            } else if !in_cents(*amount) {
                errors.push(QuoteError::OpcoAmountNotInCents);
            }
        }
        Funding::Cpf { balance, .. } => {
            if !catalogue.course.cpf_eligible {
                errors.push(QuoteError::CpfNotEligible);
            }
            match balance {
                Some(b) if *b < Decimal::ZERO => errors.push(QuoteError::CpfBalanceNegative),
                Some(b) if !in_cents(*b) => errors.push(QuoteError::CpfBalanceNotInCents),
                _ => {}
            }
            if request.trainees > 1 {
                errors.push(QuoteError::CpfNeedsOneTrainee {
                    trainees: request.trainees,
                });
            }
        }
    }
    errors
}

/// Prices a request against the catalogue and explains it: [`compute_quote`], then
/// [`explain_quote`]. The first fault found is the error ([`check_request`] lists them
/// all).
pub fn price_quote(catalogue: &Catalogue, request: &QuoteRequest) -> Result<Quote, QuoteError> {
    compute_quote(catalogue, request).map(|quote| explain_quote(quote, catalogue))
}

/// Writes the sentences explaining a computed quote's figures ([`explain_line`],
/// [`explain_figures`], [`advice_message`]). Only the screens that show them call it, so
/// that the pages that show figures alone do not carry the wording.
pub fn explain_quote(mut quote: Quote, catalogue: &Catalogue) -> Quote {
    let texts: Vec<String> = quote
        .lines
        .iter()
        .map(|line| explain_line(&quote, line, catalogue))
        .collect();
    for (line, text) in quote.lines.iter_mut().zip(texts) {
        line.explanation = text;
    }
    if let Some(advice) = quote.advice.as_mut() {
        advice.message = advice_message(advice, quote.request.trainees);
    }
    quote.explained = explain_figures(&quote, catalogue);
    quote.explanations = in_display_order(
        quote.lines.iter().map(|line| line.explanation.clone()),
        quote.explained.clone(),
    );
    quote
}

/// The figures of a quote: its lines, totals, durations, funding and advice, with the
/// line labels and the legal VAT mention. Its explanations are left empty:
/// [`explain_quote`] writes them. The first fault found is the error.
pub fn compute_quote(catalogue: &Catalogue, request: &QuoteRequest) -> Result<Quote, QuoteError> {
    if let Some(error) = check_request(catalogue, request).into_iter().next() {
        return Err(error);
    }
    let request = QuoteRequest {
        formula: request.formula.normalised(),
        ..request.clone()
    };
    let (modules, training_days, mut lines) = training_lines(catalogue, &request)?;
    lines.extend(coaching_line(catalogue, &request)?);
    lines.extend(certification_line(catalogue, &request)?);
    let totals = totals(catalogue, &request, &lines)?;
    // Durations, per trainee; the coaching hours capped at the announced ones.
    let hours_per_day = catalogue.course.hours_per_day;
    let training_hours = mul(training_days, hours_per_day)?;
    let coaching_hours = mul(Decimal::from(request.coaching_days), hours_per_day)?
        .min(catalogue.course.coaching_max_hours);
    let shares = funding_shares(catalogue, &request, totals.total_ttc)?;
    let advice = full_course_advice(catalogue, &request.formula, request.trainees)?;
    let vat_mention = vat_mention(&request);
    Ok(Quote {
        request,
        modules,
        lines,
        total_ht: totals.total_ht,
        vat_rate: totals.vat_rate,
        total_vat: totals.total_vat,
        total_ttc: totals.total_ttc,
        per_trainee_ht: totals.per_trainee_ht,
        per_trainee_ttc: totals.per_trainee_ttc,
        training_days,
        training_hours,
        coaching_hours,
        funded: shares.funded,
        cpf_contribution: shares.cpf_contribution,
        remaining: shares.remaining,
        advice,
        vat_mention,
        explanations: Vec::new(),
        explained: FigureExplanations::default(),
    })
}

/// The course lines (the full course, or each module chosen), with the modules each
/// trainee follows and their training days.
fn training_lines(
    catalogue: &Catalogue,
    request: &QuoteRequest,
) -> Result<(Vec<u8>, Decimal, Vec<QuoteLine>), QuoteError> {
    let trainees = request.trainees;
    match &request.formula {
        Formula::Full => {
            let days = catalogue.course.total_days;
            let label = format!(
                "Parcours complet ({}, {})",
                count_fr(catalogue.modules.len(), "module", "modules"),
                days_fr(days)
            );
            let price = catalogue.prices.full_course_ht;
            let line = quote_line(LineKind::FullCourse, label, price, trainees)?;
            let modules = catalogue.modules.iter().map(|m| m.number).collect();
            Ok((modules, days, line.into_iter().collect()))
        }
        Formula::Modular(list) => {
            let mut days = Decimal::ZERO;
            let mut lines = Vec::new();
            for &number in list {
                let module = catalogue
                    .module(number)
                    .ok_or(QuoteError::UnknownModule { number, last: 0 })?;
                days = add(days, module.days)?;
                let label = format!("Module {number} — {}", module.title);
                let kind = LineKind::Module(number);
                lines.extend(quote_line(kind, label, module.price_ht, trainees)?);
            }
            Ok((list.clone(), days, lines))
        }
    }
}

/// The coaching line: coaching days × trainees, when coaching days are chosen.
fn coaching_line(
    catalogue: &Catalogue,
    request: &QuoteRequest,
) -> Result<Option<QuoteLine>, QuoteError> {
    if request.coaching_days == 0 {
        return Ok(None);
    }
    let quantity = request
        .coaching_days
        .checked_mul(request.trainees)
        .ok_or(QuoteError::Overflow)?;
    let per_trainee = count_fr(request.coaching_days, "jour", "jours");
    let label = format!("Accompagnement ({per_trainee} par stagiaire)");
    let price = catalogue.prices.coaching_per_day_ht;
    quote_line(LineKind::Coaching, label, price, quantity)
}

/// The certification line, when the certification access is ticked.
fn certification_line(
    catalogue: &Catalogue,
    request: &QuoteRequest,
) -> Result<Option<QuoteLine>, QuoteError> {
    if !request.certification {
        return Ok(None);
    }
    let label = "Accès à la certification".to_string();
    let price = catalogue.prices.certification_ht;
    quote_line(LineKind::Certification, label, price, request.trainees)
}

/// A line `unit_ht × quantity`, its explanation left empty; none for a quantity of zero.
fn quote_line(
    kind: LineKind,
    label: String,
    unit_ht: Decimal,
    quantity: u32,
) -> Result<Option<QuoteLine>, QuoteError> {
    if quantity == 0 {
        return Ok(None);
    }
    Ok(Some(QuoteLine {
        kind,
        label,
        unit_ht: money(unit_ht),
        quantity,
        total_ht: money(mul(unit_ht, Decimal::from(quantity))?),
        explanation: String::new(),
    }))
}

/// HT, VAT and TTC, in total and per trainee.
struct Totals {
    total_ht: Decimal,
    vat_rate: Decimal,
    total_vat: Decimal,
    total_ttc: Decimal,
    per_trainee_ht: Decimal,
    per_trainee_ttc: Decimal,
}

/// The totals of the lines: VAT once on the total HT, rounded half away from zero to the
/// cent; per trainee, each total divided and rounded to the cent.
fn totals(
    catalogue: &Catalogue,
    request: &QuoteRequest,
    lines: &[QuoteLine],
) -> Result<Totals, QuoteError> {
    let mut total_ht = Decimal::ZERO;
    for line in lines {
        total_ht = add(total_ht, line.total_ht)?;
    }
    let total_ht = money(total_ht);
    let vat_rate = match request.vat {
        Vat::Standard => catalogue.prices.vat_rate,
        Vat::Exempt => Decimal::ZERO,
    };
    let total_vat = money(round_cents(mul(total_ht, vat_rate)?));
    let total_ttc = money(add(total_ht, total_vat)?);
    let trainees = Decimal::from(request.trainees);
    Ok(Totals {
        total_ht,
        vat_rate,
        total_vat,
        total_ttc,
        per_trainee_ht: money(round_cents(div(total_ht, trainees)?)),
        per_trainee_ttc: money(round_cents(div(total_ttc, trainees)?)),
    })
}

/// What the funding pays, the flat CPF contribution, and what is left to pay.
struct FundingShares {
    funded: Decimal,
    cpf_contribution: Decimal,
    remaining: Decimal,
}

/// The OPCO or the CPF balance pays up to the total TTC; the CPF account holder adds the
/// flat contribution in force on the quote's date, unless exempt.
fn funding_shares(
    catalogue: &Catalogue,
    request: &QuoteRequest,
    total_ttc: Decimal,
) -> Result<FundingShares, QuoteError> {
    let (funded, cpf_contribution) = match &request.funding {
        Funding::None => (Decimal::ZERO, Decimal::ZERO),
        Funding::Opco { amount } => ((*amount).min(total_ttc), Decimal::ZERO),
        Funding::Cpf { balance, exempt } => {
            // Before the first contribution's date there was none: 0 €.
            let contribution = if *exempt {
                Decimal::ZERO
            } else {
                catalogue
                    .cpf_contribution_on(request.date)
                    .unwrap_or(Decimal::ZERO)
            };
            (
                balance.unwrap_or(Decimal::ZERO).min(total_ttc),
                contribution,
            )
        }
    };
    let funded = money(funded);
    let cpf_contribution = money(cpf_contribution);
    Ok(FundingShares {
        funded,
        cpf_contribution,
        remaining: money(add(sub(total_ttc, funded)?, cpf_contribution)?),
    })
}

/// The advice to take the full course, when the modules chosen cost at least as much (its
/// message left empty: see [`advice_message`]).
fn full_course_advice(
    catalogue: &Catalogue,
    formula: &Formula,
    trainees: u32,
) -> Result<Option<FullCourseAdvice>, QuoteError> {
    let Formula::Modular(chosen) = formula else {
        return Ok(None);
    };
    let mut modules_ht = Decimal::ZERO;
    for &number in chosen {
        if let Some(module) = catalogue.module(number) {
            modules_ht = add(modules_ht, module.price_ht)?;
        }
    }
    let full = catalogue.prices.full_course_ht;
    if modules_ht < full {
        return Ok(None);
    }
    let per_trainee = sub(modules_ht, full)?;
    let added_modules: Vec<u8> = catalogue
        .modules
        .iter()
        .map(|m| m.number)
        .filter(|n| !chosen.contains(n))
        .collect();
    Ok(Some(FullCourseAdvice {
        modules_ht_per_trainee: money(modules_ht),
        full_course_ht_per_trainee: money(full),
        saving_ht: money(mul(per_trainee, Decimal::from(trainees))?),
        added_modules,
        message: String::new(),
    }))
}

// The wording: French sentences written from a computed quote.

/// Every sentence explaining a quote, in display order: each line's, then each figure's
/// (what [`price_quote`] keeps in [`Quote::explanations`]).
pub fn explain(quote: &Quote, catalogue: &Catalogue) -> Vec<String> {
    in_display_order(
        quote
            .lines
            .iter()
            .map(|line| explain_line(quote, line, catalogue)),
        explain_figures(quote, catalogue),
    )
}

/// The lines' sentences, then the figures' in the order the summary shows them.
fn in_display_order(
    lines: impl Iterator<Item = String>,
    figures: FigureExplanations,
) -> Vec<String> {
    let mut all: Vec<String> = lines.collect();
    all.extend([
        figures.total_ht,
        figures.total_vat,
        figures.total_ttc,
        figures.per_trainee,
        figures.training,
    ]);
    all.extend(figures.coaching);
    all.push(figures.funded);
    all.extend(figures.cpf_contribution);
    all.push(figures.remaining);
    all
}

/// The sentence explaining one line of `quote`: unit price × quantity = total, and the
/// tariff applied.
pub fn explain_line(quote: &Quote, line: &QuoteLine, catalogue: &Catalogue) -> String {
    let trainees = count_fr(quote.request.trainees, "stagiaire", "stagiaires");
    let label = &line.label;
    let unit = format_eur(line.unit_ht);
    let total = format_eur(line.total_ht);
    match line.kind {
        LineKind::FullCourse => format!(
            "{label} : {unit} HT par stagiaire × {trainees} = {total} HT (tarif du parcours complet)."
        ),
        LineKind::Module(number) => {
            let days = catalogue
                .module(number)
                .map(|module| days_fr(module.days))
                .unwrap_or_default();
            format!(
                "{label} : {days} au tarif modulaire de {unit} HT par stagiaire × {trainees} = {total} HT."
            )
        }
        LineKind::Coaching => format!(
            "Accompagnement : {} × {trainees} = {} à {unit} HT par jour et par personne = {total} HT.",
            count_fr(quote.request.coaching_days, "jour", "jours"),
            count_fr(line.quantity, "jour", "jours"),
        ),
        LineKind::Certification => format!(
            "Accès à la certification : {unit} HT par stagiaire × {trainees} = {total} HT."
        ),
    }
}

/// One sentence per figure of the quote's summary.
pub fn explain_figures(quote: &Quote, catalogue: &Catalogue) -> FigureExplanations {
    let (funded, cpf_contribution, remaining) = explain_funding(quote, catalogue);
    FigureExplanations {
        total_ht: explain_total_ht(quote),
        total_vat: explain_vat(quote),
        total_ttc: format!(
            "Total TTC : {} HT + {} de TVA = {} TTC.",
            format_eur(quote.total_ht),
            format_eur(quote.total_vat),
            format_eur(quote.total_ttc)
        ),
        per_trainee: explain_per_trainee(quote),
        training: format!(
            "Durée de formation : {} de {}, soit {} par stagiaire.",
            days_fr(quote.training_days),
            hours_fr(catalogue.course.hours_per_day),
            hours_fr(quote.training_hours)
        ),
        coaching: explain_coaching(quote, catalogue),
        funded,
        cpf_contribution,
        remaining,
    }
}

fn explain_total_ht(quote: &Quote) -> String {
    let total = format_eur(quote.total_ht);
    if quote.lines.len() == 1 {
        return format!("Total HT : une seule ligne, {total} HT.");
    }
    let amounts: Vec<String> = quote.lines.iter().map(|l| format_eur(l.total_ht)).collect();
    format!(
        "Total HT : somme des {} lignes ({}) = {total} HT.",
        quote.lines.len(),
        amounts.join(" + ")
    )
}

fn explain_vat(quote: &Quote) -> String {
    match quote.request.vat {
        Vat::Standard => format!(
            "TVA : {} de {} HT = {}, arrondie au centime.",
            format_percent(quote.vat_rate),
            format_eur(quote.total_ht),
            format_eur(quote.total_vat)
        ),
        Vat::Exempt => format!(
            "TVA : {}, la formation est exonérée de TVA ({}).",
            format_eur(quote.total_vat),
            exemption_basis(quote.request.date)
        ),
    }
}

/// The legal mention a VAT-exempt quote carries.
fn vat_mention(request: &QuoteRequest) -> Option<String> {
    (request.vat == Vat::Exempt)
        .then(|| format!("Exonération de TVA : {}", exemption_basis(request.date)))
}

fn explain_per_trainee(quote: &Quote) -> String {
    let ht = format_eur(quote.per_trainee_ht);
    let ttc = format_eur(quote.per_trainee_ttc);
    let trainees = quote.request.trainees;
    if trainees == 1 {
        format!("Par stagiaire : {ht} HT, soit {ttc} TTC.")
    } else {
        format!(
            "Par stagiaire : {ht} HT, soit {ttc} TTC à titre indicatif (total TTC ÷ {}, arrondi au centime).",
            count_fr(trainees, "stagiaire", "stagiaires")
        )
    }
}

/// Present when coaching days are chosen; says so when the hours are capped.
fn explain_coaching(quote: &Quote, catalogue: &Catalogue) -> Option<String> {
    if quote.request.coaching_days == 0 {
        return None;
    }
    let days = Decimal::from(quote.request.coaching_days);
    let hours_per_day = catalogue.course.hours_per_day;
    let capped = days
        .checked_mul(hours_per_day)
        .is_none_or(|hours| hours > catalogue.course.coaching_max_hours);
    Some(if capped {
        format!(
            "Accompagnement : {} par stagiaire, soit {} au plus (l'accompagnement est annoncé jusqu'à {}).",
            days_fr(days),
            hours_fr(quote.coaching_hours),
            hours_fr(catalogue.course.coaching_max_hours)
        )
    } else {
        format!(
            "Accompagnement : {} de {} par stagiaire, soit {}.",
            days_fr(days),
            hours_fr(hours_per_day),
            hours_fr(quote.coaching_hours)
        )
    })
}

/// The sentences of the funding figures: the share funded, the CPF contribution (with CPF
/// funding only) and what is left to pay.
fn explain_funding(quote: &Quote, catalogue: &Catalogue) -> (String, Option<String>, String) {
    match &quote.request.funding {
        Funding::None => (
            "Prise en charge : aucune, aucun financement n'est indiqué.".to_string(),
            None,
            format!(
                "Reste à charge : le total TTC, {}.",
                format_eur(quote.total_ttc)
            ),
        ),
        Funding::Opco { amount } => (
            explain_opco_funded(quote, *amount),
            None,
            explain_opco_remaining(quote),
        ),
        Funding::Cpf {
            balance: None,
            exempt,
        } => (
            "Prise en charge CPF : à calculer, le solde du compte CPF reste à indiquer (un lien \
             de partage ne le transmet jamais : il est personnel)."
                .to_string(),
            Some(explain_cpf_contribution(quote, catalogue, *exempt)),
            format!(
                "Reste à charge : à calculer une fois le solde CPF indiqué ; au plus {} (prix \
                 TTC et participation forfaitaire, sans rien sur le compte).",
                format_eur(quote.remaining)
            ),
        ),
        Funding::Cpf {
            balance: Some(balance),
            exempt,
        } => (
            explain_cpf_funded(quote, *balance),
            Some(explain_cpf_contribution(quote, catalogue, *exempt)),
            explain_cpf_remaining(quote),
        ),
    }
}

fn explain_opco_funded(quote: &Quote, amount: Decimal) -> String {
    if amount > quote.total_ttc {
        format!(
            "Prise en charge OPCO : {}, soit le total TTC ; l'accord de {} le dépasse de {}, \
             excédent qui n'est pas utilisé.",
            format_eur(quote.funded),
            format_eur(amount),
            format_eur(amount.saturating_sub(quote.total_ttc))
        )
    } else {
        format!(
            "Prise en charge OPCO : {} accordés, déduits du total TTC de {}.",
            format_eur(quote.funded),
            format_eur(quote.total_ttc)
        )
    }
}

fn explain_opco_remaining(quote: &Quote) -> String {
    if quote.remaining.is_zero() {
        "Reste à charge : 0,00 €, l'OPCO prend en charge la totalité.".to_string()
    } else {
        format!(
            "Reste à charge : {} TTC − {} pris en charge par l'OPCO = {}, \
             facturés directement au client (prise en charge partielle, CGV).",
            format_eur(quote.total_ttc),
            format_eur(quote.funded),
            format_eur(quote.remaining)
        )
    }
}

fn explain_cpf_funded(quote: &Quote, balance: Decimal) -> String {
    if balance > quote.total_ttc {
        format!(
            "Solde CPF mobilisé : {}, soit le prix TTC ; il reste {} sur le compte.",
            format_eur(quote.funded),
            format_eur(balance.saturating_sub(quote.total_ttc))
        )
    } else {
        format!(
            "Solde CPF mobilisé : {} sur un prix de {} TTC.",
            format_eur(quote.funded),
            format_eur(quote.total_ttc)
        )
    }
}

fn explain_cpf_contribution(quote: &Quote, catalogue: &Catalogue, exempt: bool) -> String {
    if exempt {
        return "Participation forfaitaire CPF : aucune, le titulaire en est exonéré \
                (demandeur d'emploi ou abondement de l'employeur)."
            .to_string();
    }
    let date = quote.request.date;
    match catalogue.cpf_contribution_entry_on(date) {
        Some(entry) => format!(
            "Participation forfaitaire CPF : {}, montant en vigueur depuis le {} (date du devis : {}), \
             à la charge du titulaire du compte.",
            format_eur(quote.cpf_contribution),
            date_fr(entry.from),
            date_fr(date)
        ),
        None => match catalogue.cpf_contributions.iter().map(|c| c.from).min() {
            Some(first) => format!(
                "Participation forfaitaire CPF : aucune à la date du devis ({}), elle n'est due \
                 qu'à partir du {}.",
                date_fr(date),
                date_fr(first)
            ),
            None => format!(
                "Participation forfaitaire CPF : aucune à la date du devis ({}).",
                date_fr(date)
            ),
        },
    }
}

fn explain_cpf_remaining(quote: &Quote) -> String {
    let ttc = format_eur(quote.total_ttc);
    let funded = format_eur(quote.funded);
    let remaining = format_eur(quote.remaining);
    if quote.cpf_contribution.is_zero() {
        format!("Reste à charge : {ttc} TTC − {funded} de CPF = {remaining}.")
    } else {
        format!(
            "Reste à charge : {ttc} TTC − {funded} de CPF + {} de participation forfaitaire = {remaining}.",
            format_eur(quote.cpf_contribution)
        )
    }
}

/// The advice's sentence: what the full course costs against the modules chosen, the
/// saving over all `trainees`, and the modules it adds.
pub fn advice_message(advice: &FullCourseAdvice, trainees: u32) -> String {
    let full = advice.full_course_ht_per_trainee;
    let modules = advice.modules_ht_per_trainee;
    let per_trainee = modules.saturating_sub(full);
    let mut message = format!("Le parcours complet ({} HT) coûte ", format_eur(full));
    if per_trainee.is_zero() {
        message.push_str(&format!(
            "autant que ces modules ({} HT par stagiaire)",
            format_eur(modules)
        ));
    } else {
        message.push_str(&format!(
            "{} HT de moins par stagiaire que ces modules ({} HT)",
            format_eur(per_trainee),
            format_eur(modules)
        ));
        if trainees > 1 {
            message.push_str(&format!(
                ", soit {} HT pour {}",
                format_eur(advice.saving_ht),
                count_fr(trainees, "stagiaire", "stagiaires")
            ));
        }
    }
    match advice.added_modules.as_slice() {
        [] => message.push_str(", pour les mêmes modules."),
        [one] => message.push_str(&format!(" et ajoute le module {one}.")),
        many => message.push_str(&format!(" et ajoute les modules {}.", join_fr(many))),
    }
    message
}

/// The sentence that answers the simulator's question before any figure: what the quote
/// costs in all and what is left to pay, e.g. « Total : 4 800,00 € TTC, reste à charge
/// 4 800,00 €. ». (It never cites the VAT exemption's article: the mention says it.)
pub fn answer_fr(quote: &Quote) -> String {
    let total = if quote.request.vat == Vat::Exempt {
        format!("{} (exonéré de TVA)", format_eur(quote.total_ttc))
    } else {
        format!("{} TTC", format_eur(quote.total_ttc))
    };
    let trainees = quote.request.trainees;
    let whom = if trainees > 1 {
        format!(" pour {}", count_fr(trainees, "stagiaire", "stagiaires"))
    } else {
        String::new()
    };
    let remaining = format_eur(quote.remaining);
    let funded = format_eur(quote.funded);
    match quote.request.funding {
        Funding::None => format!("Total : {total}{whom}, reste à charge {remaining}."),
        Funding::Opco { .. } => format!(
            "Total : {total}{whom}, dont {funded} pris en charge par l'OPCO : reste à charge {remaining}."
        ),
        Funding::Cpf { balance: None, .. } => format!(
            "Total : {total}. Indiquez le solde CPF pour connaître la part payée par le CPF et \
             le reste à charge."
        ),
        Funding::Cpf { .. } if quote.cpf_contribution.is_zero() => format!(
            "Total : {total}, dont {funded} payés par le CPF : reste à charge {remaining}."
        ),
        Funding::Cpf { .. } => format!(
            "Total : {total}, dont {funded} payés par le CPF : reste à charge {remaining}, \
             participation forfaitaire de {} comprise.",
            format_eur(quote.cpf_contribution)
        ),
    }
}

/// The legal basis of a VAT exemption; from 1 September 2026 the CGI's VAT articles move
/// to the code des impositions sur les biens et services (CIBS).
fn exemption_basis(date: NaiveDate) -> String {
    let cgi = "article 261-4-4° a du CGI";
    if (date.year(), date.month()) >= (2026, 9) {
        format!(
            "{cgi}, disposition reprise à compter du 1er septembre 2026 dans le code des \
             impositions sur les biens et services (CIBS)"
        )
    } else {
        cgi.to_string()
    }
}

fn module_set(list: &[u8]) -> Vec<u8> {
    let mut set = list.to_vec();
    sort_by_key(&mut set, |n| *n);
    set.dedup();
    set
}

/// At most two decimals.
fn in_cents(amount: Decimal) -> bool {
    amount.round_dp(2) == amount
}

/// An amount shown with at least two decimals (`4000` → `4000.00`), and no negative zero.
fn money(amount: Decimal) -> Decimal {
    let mut out = if amount.is_zero() {
        Decimal::ZERO
    } else {
        amount
    };
    if out.scale() < 2 {
        out.rescale(2);
    }
    out
}

fn add(a: Decimal, b: Decimal) -> Result<Decimal, QuoteError> {
    a.checked_add(b).ok_or(QuoteError::Overflow)
}

fn sub(a: Decimal, b: Decimal) -> Result<Decimal, QuoteError> {
    a.checked_sub(b).ok_or(QuoteError::Overflow)
}

fn mul(a: Decimal, b: Decimal) -> Result<Decimal, QuoteError> {
    a.checked_mul(b).ok_or(QuoteError::Overflow)
}

fn div(a: Decimal, b: Decimal) -> Result<Decimal, QuoteError> {
    a.checked_div(b).ok_or(QuoteError::Overflow)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::money::dec;

    fn catalogue() -> Catalogue {
        Catalogue::fixture()
    }

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).expect("a valid date")
    }

    fn today() -> NaiveDate {
        date(2026, 5, 26)
    }

    fn full() -> QuoteRequest {
        QuoteRequest::default_for(Formula::Full, today())
    }

    fn modular(modules: &[u8]) -> QuoteRequest {
        QuoteRequest::default_for(Formula::Modular(modules.to_vec()), today())
    }

    fn price(request: &QuoteRequest) -> Quote {
        price_quote(&catalogue(), request).expect("a valid request")
    }

    fn refused(request: &QuoteRequest) -> QuoteError {
        price_quote(&catalogue(), request).expect_err("an invalid request")
    }

    fn assert_funding_adds_up(q: &Quote) {
        assert_eq!(q.funded + q.remaining, q.total_ttc + q.cpf_contribution);
    }

    #[test]
    fn full_course_for_one_trainee_costs_4000_ht_4800_ttc() {
        let q = price(&QuoteRequest {
            certification: false,
            ..full()
        });
        assert_eq!(q.lines.len(), 1);
        assert_eq!(q.lines[0].kind, LineKind::FullCourse);
        assert_eq!(q.lines[0].label, "Parcours complet (5 modules, 6,5 jours)");
        assert_eq!(q.lines[0].quantity, 1);
        assert_eq!(q.total_ht, dec("4000"));
        assert_eq!(q.vat_rate, dec("0.20"));
        assert_eq!(q.total_vat, dec("800"));
        assert_eq!(q.total_ttc, dec("4800"));
        assert_eq!(q.per_trainee_ttc, dec("4800"));
        assert_eq!(q.funded, Decimal::ZERO);
        assert_eq!(q.remaining, dec("4800"));
        assert_eq!(q.modules, vec![1, 2, 3, 4, 5]);
        assert!(q.advice.is_none());
        assert!(q.vat_mention.is_none());
        assert_funding_adds_up(&q);
    }

    #[test]
    fn default_request_ticks_certification_with_the_full_course_only() {
        let f = full();
        assert!(f.certification);
        assert_eq!(f.trainees, 1);
        assert_eq!(f.coaching_days, 0);
        assert_eq!(f.vat, Vat::Standard);
        assert_eq!(f.funding, Funding::None);
        assert!(!modular(&[1]).certification);
    }

    #[test]
    fn full_course_with_certification_costs_4500_ht_5400_ttc() {
        let q = price(&full());
        let kinds: Vec<LineKind> = q.lines.iter().map(|l| l.kind).collect();
        assert_eq!(kinds, vec![LineKind::FullCourse, LineKind::Certification]);
        assert_eq!(q.lines[1].label, "Accès à la certification");
        assert_eq!(q.lines[1].total_ht, dec("500"));
        assert_eq!(q.total_ht, dec("4500"));
        assert_eq!(q.total_ttc, dec("5400"));
    }

    #[test]
    fn module_lines_name_the_module_and_use_its_modular_price() {
        let q = price(&modular(&[3, 5]));
        assert_eq!(q.lines.len(), 2);
        assert_eq!(q.lines[0].kind, LineKind::Module(3));
        assert_eq!(
            q.lines[0].label,
            "Module 3 — Réaliser le référentiel des activités et compétences (RAC)"
        );
        assert_eq!(q.lines[0].unit_ht, dec("1500"));
        assert_eq!(q.lines[1].unit_ht, dec("400"));
        assert_eq!(q.total_ht, dec("1900"));
        assert_eq!(q.total_ttc, dec("2280"));
        assert!(q.advice.is_none());
    }

    #[test]
    fn modules_1_to_4_cost_4600_and_advise_the_full_course_saving_600_and_adding_module_5() {
        let q = price(&modular(&[1, 2, 3, 4]));
        assert_eq!(q.total_ht, dec("4600"));
        let advice = q.advice.expect("advice");
        assert_eq!(advice.modules_ht_per_trainee, dec("4600"));
        assert_eq!(advice.full_course_ht_per_trainee, dec("4000"));
        assert_eq!(advice.saving_ht, dec("600"));
        assert_eq!(advice.added_modules, vec![5]);
        assert_eq!(
            advice.message,
            "Le parcours complet (4\u{202f}000,00 € HT) coûte 600,00 € HT de moins par stagiaire \
             que ces modules (4\u{202f}600,00 € HT) et ajoute le module 5."
        );
    }

    #[test]
    fn advice_saving_counts_every_trainee() {
        let q = price(&QuoteRequest {
            trainees: 3,
            ..modular(&[1, 2, 3, 4])
        });
        let advice = q.advice.expect("advice");
        assert_eq!(advice.saving_ht, dec("1800"));
        assert!(advice
            .message
            .contains("soit 1\u{202f}800,00 € HT pour 3 stagiaires"));
    }

    #[test]
    fn no_advice_when_modules_cost_less_than_the_full_course() {
        // 1 500 + 1 500 + 800 = 3 800 € < 4 000 €.
        assert!(price(&modular(&[1, 3, 4])).advice.is_none());
        assert!(price(&modular(&[5])).advice.is_none());
    }

    #[test]
    fn advice_when_modules_cost_exactly_the_full_course_names_the_added_modules() {
        let mut c = catalogue();
        c.prices.full_course_ht = dec("4200");
        // 800 + 1 500 + 1 500 + 400 = 4 200 €.
        let q = price_quote(&c, &modular(&[1, 3, 4, 5])).expect("valid");
        let advice = q.advice.expect("advice at equal price");
        assert_eq!(advice.saving_ht, Decimal::ZERO);
        assert_eq!(advice.added_modules, vec![2]);
        assert!(advice.message.contains("coûte autant que ces modules"));
        assert!(advice.message.ends_with("et ajoute le module 2."));
        let q = price_quote(&c, &modular(&[3, 4])).expect("valid");
        assert!(q.advice.is_none());
    }

    #[test]
    fn advice_for_all_five_modules_adds_no_module() {
        let q = price(&modular(&[5, 4, 3, 2, 1]));
        assert_eq!(q.total_ht, dec("5000"));
        let advice = q.advice.expect("advice");
        assert_eq!(advice.saving_ht, dec("1000"));
        assert!(advice.added_modules.is_empty());
        assert!(advice.message.ends_with(", pour les mêmes modules."));
    }

    #[test]
    fn advice_lists_several_added_modules_in_french() {
        assert_eq!(join_fr(&[1, 2, 5]), "1, 2 et 5");
        assert_eq!(join_fr(&[4, 5]), "4 et 5");
        assert_eq!(join_fr(&[5]), "5");
    }

    #[test]
    fn modules_are_a_set_sorted_and_deduplicated() {
        let q = price(&modular(&[4, 1, 4, 2, 1]));
        assert_eq!(q.request.formula, Formula::Modular(vec![1, 2, 4]));
        assert_eq!(q.modules, vec![1, 2, 4]);
        let kinds: Vec<LineKind> = q.lines.iter().map(|l| l.kind).collect();
        assert_eq!(
            kinds,
            vec![
                LineKind::Module(1),
                LineKind::Module(2),
                LineKind::Module(4)
            ]
        );
        assert_eq!(q.total_ht, dec("3100"));
    }

    #[test]
    fn several_trainees_with_coaching_and_certification_multiply_every_line() {
        let q = price(&QuoteRequest {
            trainees: 3,
            coaching_days: 2,
            ..full()
        });
        let summary: Vec<(LineKind, Decimal, u32, Decimal)> = q
            .lines
            .iter()
            .map(|l| (l.kind, l.unit_ht, l.quantity, l.total_ht))
            .collect();
        assert_eq!(
            summary,
            vec![
                (LineKind::FullCourse, dec("4000"), 3, dec("12000")),
                (LineKind::Coaching, dec("1000"), 6, dec("6000")),
                (LineKind::Certification, dec("500"), 3, dec("1500")),
            ]
        );
        assert_eq!(q.lines[1].label, "Accompagnement (2 jours par stagiaire)");
        assert_eq!(q.total_ht, dec("19500"));
        assert_eq!(q.total_vat, dec("3900"));
        assert_eq!(q.total_ttc, dec("23400"));
        assert_eq!(q.per_trainee_ht, dec("6500"));
        assert_eq!(q.per_trainee_ttc, dec("7800"));
        assert_eq!(
            q.lines[1].explanation,
            "Accompagnement : 2 jours × 3 stagiaires = 6 jours à 1\u{202f}000,00 € HT par jour \
             et par personne = 6\u{202f}000,00 € HT."
        );
    }

    #[test]
    fn lines_with_nothing_to_charge_are_omitted() {
        let q = price(&modular(&[2]));
        assert_eq!(q.lines.len(), 1);
        assert!(q
            .lines
            .iter()
            .all(|l| l.kind != LineKind::Coaching && l.kind != LineKind::Certification));
    }

    #[test]
    fn durations_are_per_trainee_and_coaching_is_capped_at_20_hours() {
        let q = price(&full());
        assert_eq!(q.training_days, dec("6.5"));
        assert_eq!(q.training_hours, dec("45.5"));
        assert_eq!(q.coaching_hours, Decimal::ZERO);
        assert_eq!(
            q.explained.training,
            "Durée de formation : 6,5 jours de 7 h, soit 45 h 30 par stagiaire."
        );
        assert!(q.explained.coaching.is_none());

        let q = price(&QuoteRequest {
            coaching_days: 2,
            trainees: 4,
            ..modular(&[3, 5])
        });
        assert_eq!(q.training_days, dec("2.5"));
        assert_eq!(q.training_hours, dec("17.5"));
        assert_eq!(q.coaching_hours, dec("14"));

        let q = price(&QuoteRequest {
            coaching_days: 3,
            ..full()
        });
        assert_eq!(q.coaching_hours, dec("20"));
        let coaching = q.explained.coaching.expect("coaching explained");
        assert!(coaching.contains("20 h au plus"), "{coaching}");
    }

    #[test]
    fn vat_exempt_quote_has_no_vat_and_carries_the_cgi_mention() {
        let q = price(&QuoteRequest {
            vat: Vat::Exempt,
            ..full()
        });
        assert_eq!(q.vat_rate, Decimal::ZERO);
        assert_eq!(q.total_vat, Decimal::ZERO);
        assert_eq!(q.total_ttc, dec("4500"));
        assert_eq!(q.remaining, dec("4500"));
        assert_eq!(
            q.vat_mention.as_deref(),
            Some("Exonération de TVA : article 261-4-4° a du CGI")
        );
        assert_eq!(
            q.explained.total_vat,
            "TVA : 0,00 €, la formation est exonérée de TVA (article 261-4-4° a du CGI)."
        );
    }

    #[test]
    fn vat_exempt_quote_from_september_2026_names_the_cibs() {
        let before = price(&QuoteRequest {
            vat: Vat::Exempt,
            date: date(2026, 8, 31),
            ..full()
        });
        assert!(!before.vat_mention.unwrap_or_default().contains("CIBS"));
        let after = price(&QuoteRequest {
            vat: Vat::Exempt,
            date: date(2026, 9, 1),
            ..full()
        });
        let mention = after.vat_mention.expect("mention");
        assert!(mention.starts_with("Exonération de TVA : article 261-4-4° a du CGI"));
        assert!(mention.contains("code des impositions sur les biens et services (CIBS)"));
    }

    #[test]
    fn vat_is_computed_once_on_the_total_and_rounded_half_away_from_zero() {
        let mut c = catalogue();
        c.prices.full_course_ht = dec("0.03");
        c.prices.certification_ht = dec("0");
        // 3 × 0,03 € = 0,09 € HT; 20 % = 0,018 → 0,02 € (per line it would be 3 × 0,01 €).
        let q = price_quote(
            &c,
            &QuoteRequest {
                trainees: 3,
                certification: false,
                ..full()
            },
        )
        .expect("valid");
        assert_eq!(q.total_ht, dec("0.09"));
        assert_eq!(q.total_vat, dec("0.02"));
        assert_eq!(q.total_ttc, dec("0.11"));
        // 0,11 € ÷ 3 = 0,0366… → 0,04 € per trainee, indicative.
        assert_eq!(q.per_trainee_ttc, dec("0.04"));
        assert!(q.explained.per_trainee.contains("à titre indicatif"));

        // A half cent goes away from zero: 5 % of 0,50 € = 0,025 € → 0,03 €.
        c.prices.vat_rate = dec("0.05");
        c.prices.full_course_ht = dec("0.50");
        let q = price_quote(
            &c,
            &QuoteRequest {
                certification: false,
                ..full()
            },
        )
        .expect("valid");
        assert_eq!(q.total_vat, dec("0.03"));
    }

    #[test]
    fn every_figure_is_explained_in_french() {
        let q = price(&QuoteRequest {
            certification: false,
            ..full()
        });
        assert_eq!(
            q.explained.total_vat,
            "TVA : 20\u{a0}% de 4\u{202f}000,00 € HT = 800,00 €, arrondie au centime."
        );
        assert_eq!(
            q.explained.total_ttc,
            "Total TTC : 4\u{202f}000,00 € HT + 800,00 € de TVA = 4\u{202f}800,00 € TTC."
        );
        assert_eq!(
            q.lines[0].explanation,
            "Parcours complet (5 modules, 6,5 jours) : 4\u{202f}000,00 € HT par stagiaire \
             × 1 stagiaire = 4\u{202f}000,00 € HT (tarif du parcours complet)."
        );
        assert_eq!(
            q.explained.remaining,
            "Reste à charge : le total TTC, 4\u{202f}800,00 €."
        );
        assert!(q.explanations.contains(&q.explained.total_ht));
        assert!(q.explanations.contains(&q.lines[0].explanation));
        assert_eq!(q.explanations.len(), 1 + 5 + 2);
    }

    #[test]
    fn no_funding_leaves_the_whole_ttc_to_pay() {
        let q = price(&full());
        assert_eq!(q.funded, Decimal::ZERO);
        assert_eq!(q.cpf_contribution, Decimal::ZERO);
        assert_eq!(q.remaining, q.total_ttc);
        assert!(q.explained.cpf_contribution.is_none());
    }

    #[test]
    fn the_answer_gives_the_total_and_what_is_left_to_pay_first() {
        let q = price(&QuoteRequest {
            certification: false,
            ..full()
        });
        assert_eq!(
            answer_fr(&q),
            "Total : 4\u{202f}800,00 € TTC, reste à charge 4\u{202f}800,00 €."
        );
        let q = price(&QuoteRequest {
            trainees: 2,
            funding: Funding::Opco {
                amount: dec("3000"),
            },
            ..full()
        });
        assert_eq!(
            answer_fr(&q),
            "Total : 10\u{202f}800,00 € TTC pour 2 stagiaires, dont 3\u{202f}000,00 € pris en \
             charge par l'OPCO : reste à charge 7\u{202f}800,00 €."
        );
        let q = price(&QuoteRequest {
            vat: Vat::Exempt,
            ..full()
        });
        assert_eq!(
            answer_fr(&q),
            "Total : 4\u{202f}500,00 € (exonéré de TVA), reste à charge 4\u{202f}500,00 €."
        );
    }

    #[test]
    fn the_answer_counts_the_cpf_contribution_in_what_is_left() {
        let q = price(&QuoteRequest {
            funding: Funding::Cpf {
                balance: Some(dec("2000")),
                exempt: false,
            },
            ..full()
        });
        assert_eq!(
            answer_fr(&q),
            format!(
                "Total : 5\u{202f}400,00 € TTC, dont 2\u{202f}000,00 € payés par le CPF : reste à \
                 charge {}, participation forfaitaire de {} comprise.",
                format_eur(q.remaining),
                format_eur(q.cpf_contribution)
            )
        );
    }

    #[test]
    fn opco_partial_funding_leaves_the_difference_to_the_client() {
        let q = price(&QuoteRequest {
            funding: Funding::Opco {
                amount: dec("3000"),
            },
            ..full()
        });
        assert_eq!(q.total_ttc, dec("5400"));
        assert_eq!(q.funded, dec("3000"));
        assert_eq!(q.remaining, dec("2400"));
        assert_eq!(q.cpf_contribution, Decimal::ZERO);
        assert!(q
            .explained
            .remaining
            .contains("facturés directement au client"));
        assert_funding_adds_up(&q);
    }

    #[test]
    fn opco_over_funding_is_capped_at_the_ttc_and_the_excess_explained() {
        let q = price(&QuoteRequest {
            funding: Funding::Opco {
                amount: dec("6000"),
            },
            ..full()
        });
        assert_eq!(q.funded, dec("5400"));
        assert_eq!(q.remaining, Decimal::ZERO);
        assert!(
            q.explained
                .funded
                .contains("600,00 €, excédent qui n'est pas utilisé"),
            "{}",
            q.explained.funded
        );
        assert_funding_adds_up(&q);
    }

    #[test]
    fn cpf_balance_pays_up_to_the_ttc_and_the_trainee_adds_the_contribution() {
        let q = price(&QuoteRequest {
            funding: Funding::Cpf {
                balance: Some(dec("3000")),
                exempt: false,
            },
            ..full()
        });
        assert_eq!(q.funded, dec("3000"));
        assert_eq!(q.cpf_contribution, dec("103.20"));
        assert_eq!(q.remaining, dec("2503.20"));
        let explained = q.explained.cpf_contribution.clone().expect("explained");
        assert!(
            explained.contains("depuis le 1er janvier 2026"),
            "{explained}"
        );
        assert_funding_adds_up(&q);
    }

    #[test]
    fn cpf_contribution_is_the_one_in_force_on_the_quote_date() {
        let on = |d: NaiveDate| {
            price(&QuoteRequest {
                funding: Funding::Cpf {
                    balance: Some(dec("0")),
                    exempt: false,
                },
                date: d,
                ..full()
            })
            .cpf_contribution
        };
        assert_eq!(on(date(2024, 5, 2)), dec("100"));
        assert_eq!(on(date(2025, 12, 31)), dec("102.23"));
        assert_eq!(on(date(2026, 1, 1)), dec("103.20"));
    }

    #[test]
    fn cpf_balance_above_the_price_is_capped_and_the_contribution_still_due() {
        let q = price(&QuoteRequest {
            funding: Funding::Cpf {
                balance: Some(dec("10000")),
                exempt: false,
            },
            ..full()
        });
        assert_eq!(q.funded, dec("5400"));
        assert_eq!(q.remaining, dec("103.20"));
        assert!(q
            .explained
            .funded
            .contains("il reste 4\u{202f}600,00 € sur le compte"));
        assert_funding_adds_up(&q);
    }

    #[test]
    fn cpf_exempt_trainee_pays_no_contribution_even_before_any_is_known() {
        let q = price(&QuoteRequest {
            funding: Funding::Cpf {
                balance: Some(dec("1000")),
                exempt: true,
            },
            date: date(2023, 1, 1),
            ..full()
        });
        assert_eq!(q.cpf_contribution, Decimal::ZERO);
        assert_eq!(q.remaining, dec("4400"));
        assert!(q
            .explained
            .cpf_contribution
            .as_deref()
            .unwrap_or_default()
            .contains("exonéré"));
        assert_funding_adds_up(&q);
    }

    #[test]
    fn modular_formula_without_a_module_is_refused() {
        let e = refused(&modular(&[]));
        assert_eq!(e, QuoteError::NoModule);
        assert_eq!(e.field(), QuoteField::Modules);
        assert!(e.message().contains("au moins un module"));
    }

    #[test]
    fn unknown_module_is_refused() {
        let e = refused(&modular(&[1, 7]));
        assert_eq!(e, QuoteError::UnknownModule { number: 7, last: 5 });
        assert_eq!(e.field(), QuoteField::Modules);
        assert_eq!(
            e.message(),
            "Le module 7 n'existe pas : les modules sont numérotés de 1 à 5."
        );
        assert!(matches!(
            refused(&modular(&[0])),
            QuoteError::UnknownModule { number: 0, .. }
        ));
    }

    #[test]
    fn trainees_outside_1_to_50_are_refused() {
        for trainees in [0, 51, u32::MAX] {
            let e = refused(&QuoteRequest { trainees, ..full() });
            assert_eq!(e.field(), QuoteField::Trainees);
            assert_eq!(
                e.message(),
                "Le nombre de stagiaires doit être compris entre 1 et 50."
            );
        }
        assert!(price_quote(
            &catalogue(),
            &QuoteRequest {
                trainees: 50,
                ..full()
            }
        )
        .is_ok());
    }

    #[test]
    fn coaching_beyond_three_days_is_refused() {
        let e = refused(&QuoteRequest {
            coaching_days: 4,
            ..full()
        });
        assert_eq!(e, QuoteError::CoachingOutOfRange { days: 4, max: 3 });
        assert_eq!(e.field(), QuoteField::Coaching);
        assert_eq!(
            e.message(),
            "Le nombre de jours d'accompagnement doit être compris entre 0 et 3."
        );
    }

    #[test]
    fn negative_or_sub_cent_opco_amount_is_refused() {
        let e = refused(&QuoteRequest {
            funding: Funding::Opco { amount: dec("-1") },
            ..full()
        });
        assert_eq!(e, QuoteError::OpcoAmountNegative);
        assert_eq!(e.field(), QuoteField::OpcoAmount);
        let e = refused(&QuoteRequest {
            funding: Funding::Opco {
                amount: dec("10.005"),
            },
            ..full()
        });
        assert_eq!(e, QuoteError::OpcoAmountNotInCents);
        assert_eq!(e.field(), QuoteField::OpcoAmount);
        // Trailing zeros are still cents.
        assert!(price_quote(
            &catalogue(),
            &QuoteRequest {
                funding: Funding::Opco {
                    amount: dec("10.000")
                },
                ..full()
            }
        )
        .is_ok());
    }

    #[test]
    fn negative_or_sub_cent_cpf_balance_is_refused() {
        let e = refused(&QuoteRequest {
            funding: Funding::Cpf {
                balance: Some(dec("-0.01")),
                exempt: false,
            },
            ..full()
        });
        assert_eq!(e, QuoteError::CpfBalanceNegative);
        assert_eq!(e.field(), QuoteField::CpfBalance);
        let e = refused(&QuoteRequest {
            funding: Funding::Cpf {
                balance: Some(dec("0.001")),
                exempt: true,
            },
            ..full()
        });
        assert_eq!(e, QuoteError::CpfBalanceNotInCents);
    }

    #[test]
    fn cpf_for_several_trainees_is_refused_and_suggests_the_opco() {
        let e = refused(&QuoteRequest {
            trainees: 2,
            funding: Funding::Cpf {
                balance: Some(dec("1000")),
                exempt: false,
            },
            ..full()
        });
        assert_eq!(e, QuoteError::CpfNeedsOneTrainee { trainees: 2 });
        assert_eq!(e.field(), QuoteField::Trainees);
        assert!(e.message().contains("droit personnel"));
        assert!(e.message().contains("OPCO"));
    }

    #[test]
    fn cpf_before_the_first_contribution_owes_none() {
        // Audit finding 5: a CPF quote dated 1 May 2024, the day before the first flat
        // contribution, is priced with none.
        let q = price_quote(
            &catalogue(),
            &QuoteRequest {
                funding: Funding::Cpf {
                    balance: Some(dec("1000")),
                    exempt: false,
                },
                date: date(2024, 5, 1),
                ..full()
            },
        )
        .expect("priced");
        assert_eq!(q.cpf_contribution, Decimal::ZERO);
        assert_eq!(q.remaining, q.total_ttc - dec("1000"));
        let said = q.explained.cpf_contribution.clone().expect("explained");
        assert!(said.contains("aucune à la date du devis"), "{said}");
        assert!(said.contains("2 mai 2024"), "{said}");
    }

    #[test]
    fn a_cpf_quote_lists_its_contribution_among_totals_that_add_up() {
        // Full course with certification, 20 % VAT, 1 500 € on the CPF account, 2026's
        // contribution 103,20 €: 4 500 HT, 900 VAT, 5 400 TTC, 1 500 paid by the CPF,
        // 5 400 − 1 500 + 103,20 = 4 003,20 left.
        let q = price(&QuoteRequest {
            funding: Funding::Cpf {
                balance: Some(dec("1500")),
                exempt: false,
            },
            ..full()
        });
        let rows: Vec<(TotalKind, String, Option<Decimal>)> = total_rows(&q, false)
            .into_iter()
            .map(|r| (r.kind, r.label, r.amount))
            .collect();
        let expected = [
            (TotalKind::Ht, "Total HT", "4500"),
            (TotalKind::Vat, "TVA (20\u{a0}%)", "900"),
            (TotalKind::Ttc, "Total TTC", "5400"),
            (TotalKind::Funded, "Prise en charge CPF", "1500"),
            (
                TotalKind::CpfContribution,
                "Participation forfaitaire CPF",
                "103.20",
            ),
            (TotalKind::Remaining, "Reste à charge", "4003.20"),
        ]
        .map(|(kind, label, amount)| (kind, label.to_string(), Some(dec(amount))));
        assert_eq!(rows, expected);
    }

    #[test]
    fn a_devis_without_funding_lists_no_funding_rows() {
        let q = price(&full());
        let printed: Vec<TotalKind> = total_rows(&q, false).iter().map(|r| r.kind).collect();
        assert_eq!(printed, [TotalKind::Ht, TotalKind::Vat, TotalKind::Ttc]);
        assert_eq!(total_rows(&q, true).len(), 5);
    }

    #[test]
    fn a_pending_cpf_balance_prices_the_quote_and_asks_for_the_balance() {
        // Audit finding 3: a share link leaves the balance out; the quote still has its
        // lines and totals, and says the CPF share is to be computed.
        let q = price_quote(
            &catalogue(),
            &QuoteRequest {
                funding: Funding::Cpf {
                    balance: None,
                    exempt: false,
                },
                ..full()
            },
        )
        .expect("priced");
        assert!(q.cpf_balance_pending());
        assert_eq!(q.total_ttc, dec("5400.00"));
        assert_eq!(q.funded, Decimal::ZERO);
        assert_eq!(q.cpf_contribution, dec("103.20"));
        assert!(
            q.explained.funded.contains("à calculer"),
            "{}",
            q.explained.funded
        );
        assert!(q.explained.remaining.contains("à calculer"));
        assert!(answer_fr(&q).contains("Indiquez le solde CPF"));
        assert!(!answer_fr(&q).contains("reste à charge 5"));
    }

    #[test]
    fn cpf_is_refused_when_the_catalogue_says_the_course_is_not_eligible() {
        let mut c = catalogue();
        c.course.cpf_eligible = false;
        let e = price_quote(
            &c,
            &QuoteRequest {
                funding: Funding::Cpf {
                    balance: Some(dec("1000")),
                    exempt: true,
                },
                ..full()
            },
        )
        .expect_err("not eligible");
        assert_eq!(e, QuoteError::CpfNotEligible);
        assert_eq!(e.field(), QuoteField::Funding);
    }

    #[test]
    fn check_request_lists_every_fault_in_form_order() {
        let errors = check_request(
            &catalogue(),
            &QuoteRequest {
                formula: Formula::Modular(vec![9]),
                trainees: 2,
                coaching_days: 5,
                certification: false,
                vat: Vat::Standard,
                funding: Funding::Cpf {
                    balance: Some(dec("-5")),
                    exempt: false,
                },
                date: date(2020, 1, 1),
            },
        );
        let fields: Vec<QuoteField> = errors.iter().map(QuoteError::field).collect();
        assert_eq!(
            fields,
            vec![
                QuoteField::Modules,
                QuoteField::Coaching,
                QuoteField::CpfBalance,
                QuoteField::Trainees,
            ]
        );
        assert!(check_request(&catalogue(), &full()).is_empty());
    }

    #[test]
    fn full_course_split_follows_module_days_to_the_cent() {
        let split = full_course_split(&catalogue());
        assert_eq!(
            split,
            vec![
                (1, dec("615.39")),
                (2, dec("615.38")),
                (3, dec("1230.77")),
                (4, dec("1230.77")),
                (5, dec("307.69")),
            ]
        );
        assert_eq!(split.iter().map(|(_, a)| *a).sum::<Decimal>(), dec("4000"));
    }

    #[test]
    fn quote_round_trips_through_json_with_amounts_as_strings() {
        let q = price(&QuoteRequest {
            funding: Funding::Opco {
                amount: dec("1234.5"),
            },
            ..full()
        });
        let json = serde_json::to_string(&q).expect("serialisable");
        assert!(json.contains("\"total_ht\":\"4500.00\""), "{json}");
        let back: Quote = serde_json::from_str(&json).expect("deserialisable");
        assert_eq!(back, q);
    }

    #[test]
    fn the_sentences_are_written_from_the_computed_figures() {
        let c = catalogue();
        let request = QuoteRequest {
            trainees: 3,
            coaching_days: 2,
            vat: Vat::Exempt,
            funding: Funding::Opco {
                amount: dec("5000"),
            },
            ..modular(&[1, 2, 3, 4])
        };
        let figures = compute_quote(&c, &request).expect("a valid request");
        assert!(figures.explanations.is_empty());
        assert!(figures.lines.iter().all(|l| l.explanation.is_empty()));
        let q = price(&request);
        assert_eq!(
            Quote {
                lines: figures.lines.clone(),
                advice: figures.advice.clone(),
                explanations: Vec::new(),
                explained: FigureExplanations::default(),
                ..q.clone()
            },
            figures
        );
        assert_eq!(explain(&figures, &c), q.explanations);
        assert_eq!(explain_figures(&figures, &c), q.explained);
        for (line, priced) in figures.lines.iter().zip(&q.lines) {
            assert_eq!(explain_line(&figures, line, &c), priced.explanation);
        }
        let advice = q.advice.as_ref().expect("advice");
        assert_eq!(advice_message(advice, 3), advice.message);
        assert!(
            figures.vat_mention.is_some(),
            "the legal mention is a figure's"
        );
        assert_eq!(explain_quote(figures, &c), q);
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod properties {
    use super::*;
    use proptest::prelude::*;

    fn catalogue() -> Catalogue {
        Catalogue::fixture()
    }

    fn start() -> NaiveDate {
        NaiveDate::from_ymd_opt(2024, 5, 2).expect("a valid date")
    }

    fn valid_formula() -> impl Strategy<Value = Formula> {
        prop_oneof![
            Just(Formula::Full),
            prop::collection::vec(1u8..=5, 1..8).prop_map(Formula::Modular),
        ]
    }

    fn cents(max: i64) -> impl Strategy<Value = Decimal> {
        (0..=max).prop_map(|c| Decimal::new(c, 2))
    }

    /// Every valid request: CPF only for one trainee, dates with a known CPF contribution.
    fn valid_request() -> impl Strategy<Value = QuoteRequest> {
        let funding = prop_oneof![
            Just(Funding::None),
            cents(5_000_000).prop_map(|amount| Funding::Opco { amount }),
            (prop::option::of(cents(2_000_000)), any::<bool>())
                .prop_map(|(balance, exempt)| Funding::Cpf { balance, exempt }),
        ];
        (
            valid_formula(),
            1u32..=50,
            0u32..=3,
            any::<bool>(),
            prop_oneof![Just(Vat::Standard), Just(Vat::Exempt)],
            funding,
            0i64..3000,
        )
            .prop_map(
                |(formula, trainees, coaching_days, certification, vat, funding, offset)| {
                    let trainees = if matches!(funding, Funding::Cpf { .. }) {
                        1
                    } else {
                        trainees
                    };
                    QuoteRequest {
                        formula,
                        trainees,
                        coaching_days,
                        certification,
                        vat,
                        funding,
                        date: start() + chrono::Duration::days(offset),
                    }
                },
            )
    }

    fn any_decimal() -> impl Strategy<Value = Decimal> {
        prop_oneof![
            (any::<i64>(), 0u32..=28).prop_map(|(m, s)| Decimal::new(m, s)),
            Just(Decimal::MAX),
            Just(Decimal::MIN),
        ]
    }

    /// Anything at all, most of it invalid.
    fn any_request() -> impl Strategy<Value = QuoteRequest> {
        let formula = prop_oneof![
            Just(Formula::Full),
            prop::collection::vec(any::<u8>(), 0..12).prop_map(Formula::Modular),
        ];
        let funding = prop_oneof![
            Just(Funding::None),
            any_decimal().prop_map(|amount| Funding::Opco { amount }),
            (prop::option::of(any_decimal()), any::<bool>())
                .prop_map(|(balance, exempt)| Funding::Cpf { balance, exempt }),
        ];
        (
            formula,
            prop_oneof![0u32..=60, any::<u32>()],
            prop_oneof![0u32..=5, any::<u32>()],
            any::<bool>(),
            prop_oneof![Just(Vat::Standard), Just(Vat::Exempt)],
            funding,
            any::<i32>(),
        )
            .prop_map(
                |(formula, trainees, coaching_days, certification, vat, funding, day)| {
                    QuoteRequest {
                        formula,
                        trainees,
                        coaching_days,
                        certification,
                        vat,
                        funding,
                        date: NaiveDate::from_num_days_from_ce_opt(day).unwrap_or(start()),
                    }
                },
            )
    }

    fn module_total(c: &Catalogue, modules: &[u8]) -> Decimal {
        modules
            .iter()
            .filter_map(|&n| c.module(n))
            .map(|m| m.price_ht)
            .sum()
    }

    proptest! {
        #[test]
        fn the_list_of_totals_adds_up(request in valid_request(), funding_rows in any::<bool>()) {
            let q = price_quote(&catalogue(), &request).expect("valid");
            let rows = total_rows(&q, funding_rows);
            let amount = |kind: TotalKind| rows.iter().find(|r| r.kind == kind).and_then(|r| r.amount);
            let shown = |kind: TotalKind| rows.iter().any(|r| r.kind == kind);
            prop_assert_eq!(amount(TotalKind::Ht).unwrap() + amount(TotalKind::Vat).unwrap(), amount(TotalKind::Ttc).unwrap());
            let contribution = amount(TotalKind::CpfContribution).unwrap_or_default();
            prop_assert_eq!(contribution, q.cpf_contribution);
            match (amount(TotalKind::Funded), amount(TotalKind::Remaining)) {
                (Some(funded), Some(remaining)) => {
                    prop_assert_eq!(amount(TotalKind::Ttc).unwrap() - funded + contribution, remaining);
                }
                (None, None) => prop_assert!(
                    q.cpf_balance_pending() || (!funding_rows && request.funding == Funding::None)
                ),
                other => prop_assert!(false, "{:?}", other),
            }
            prop_assert_eq!(shown(TotalKind::Funded), shown(TotalKind::Remaining));
        }

        #[test]
        fn lines_add_up_to_the_total_ht_to_the_cent(request in valid_request()) {
            let q = price_quote(&catalogue(), &request).expect("valid");
            for line in &q.lines {
                prop_assert!(line.quantity > 0);
                prop_assert_eq!(line.total_ht, line.unit_ht * Decimal::from(line.quantity));
            }
            prop_assert_eq!(q.lines.iter().map(|l| l.total_ht).sum::<Decimal>(), q.total_ht);
            prop_assert!(q.total_ht.scale() <= 2 || q.total_ht.round_dp(2) == q.total_ht);
        }

        #[test]
        fn ttc_is_ht_plus_vat_rounded_half_away_from_zero(
            request in valid_request(),
            coaching in cents(300_000),
            certification in cents(100_000),
        ) {
            // Prices with any cents, so that the VAT rounding is exercised.
            let mut c = catalogue();
            c.prices.coaching_per_day_ht = coaching;
            c.prices.certification_ht = certification;
            let q = price_quote(&c, &request).expect("valid");
            prop_assert_eq!(q.total_ttc, q.total_ht + q.total_vat);
            let expected = match request.vat {
                Vat::Standard => (q.total_ht * c.prices.vat_rate)
                    .round_dp_with_strategy(2, rust_decimal::RoundingStrategy::MidpointAwayFromZero),
                Vat::Exempt => Decimal::ZERO,
            };
            prop_assert_eq!(q.total_vat, expected);
            prop_assert_eq!(q.vat_mention.is_some(), request.vat == Vat::Exempt);
        }

        #[test]
        fn funded_plus_remaining_is_ttc_plus_contribution(request in valid_request()) {
            let q = price_quote(&catalogue(), &request).expect("valid");
            prop_assert_eq!(q.funded + q.remaining, q.total_ttc + q.cpf_contribution);
            prop_assert!(q.funded >= Decimal::ZERO && q.funded <= q.total_ttc);
            prop_assert!(q.remaining >= Decimal::ZERO);
            let cpf_due = matches!(request.funding, Funding::Cpf { exempt: false, .. });
            prop_assert_eq!(q.cpf_contribution > Decimal::ZERO, cpf_due);
        }

        #[test]
        fn adding_a_module_never_lowers_the_price(
            request in valid_request(),
            modules in prop::collection::vec(1u8..=5, 1..5),
            extra in 1u8..=5,
        ) {
            let c = catalogue();
            let before = QuoteRequest { formula: Formula::Modular(modules.clone()), ..request.clone() };
            let mut more = modules;
            more.push(extra);
            let after = QuoteRequest { formula: Formula::Modular(more), ..request };
            let before = price_quote(&c, &before).expect("valid");
            let after = price_quote(&c, &after).expect("valid");
            prop_assert!(after.total_ht >= before.total_ht);
            prop_assert!(after.total_ttc >= before.total_ttc);
            prop_assert!(after.training_days >= before.training_days);
        }

        #[test]
        fn advice_appears_exactly_when_modules_cost_at_least_the_full_course(
            request in valid_request(),
        ) {
            let c = catalogue();
            let q = price_quote(&c, &request).expect("valid");
            match &q.request.formula {
                Formula::Full => prop_assert!(q.advice.is_none()),
                Formula::Modular(modules) => {
                    let sum = module_total(&c, modules);
                    let full = c.prices.full_course_ht;
                    prop_assert_eq!(q.advice.is_some(), sum >= full);
                    if let Some(advice) = q.advice {
                        prop_assert_eq!(advice.saving_ht, (sum - full) * Decimal::from(request.trainees));
                        prop_assert!(advice.added_modules.iter().all(|n| !modules.contains(n)));
                        prop_assert_eq!(advice.added_modules.len() + modules.len(), c.modules.len());
                    }
                }
            }
        }

        #[test]
        fn price_quote_never_panics_on_any_request(request in any_request()) {
            let c = catalogue();
            let result = price_quote(&c, &request);
            let errors = check_request(&c, &request);
            prop_assert_eq!(result.is_ok(), errors.is_empty());
            match result {
                Ok(q) => prop_assert_eq!(q.funded + q.remaining, q.total_ttc + q.cpf_contribution),
                Err(e) => {
                    prop_assert_eq!(Some(&e), errors.first());
                    prop_assert!(!e.message().is_empty());
                }
            }
        }
    }
}
