//! Cancellation, postponement and OPCO deadline rules (issue 4).
//!
//! What a client owes when it cancels before the start, drops out or is absent after it,
//! when Co&Sens adjourns, and the dates that matter: the last notification date of each fee
//! band, the postponement deadline and the OPCO agreement deadline. Every threshold and
//! rate comes from the catalogue's `cancellation` terms; every figure carries a French
//! sentence citing the CGV rule applied.

use std::fmt;

use chrono::{NaiveDate, TimeDelta};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use crate::domain::calendar::{
    self, count_days_strictly_between, days_strictly_between, holiday_name,
    holidays_strictly_between, last_notification_leaving, next_training_day, training_day_from,
    DayKind,
};
use crate::domain::catalogue::{CancellationTerms, Catalogue};
use crate::domain::fr::{attended_fr, days_fr, format_date_fr, upper_char_fr};
use crate::domain::money::{
    format_eur, format_percent, round_cents, split_by_largest_remainder, MAX_AMOUNT,
};
use crate::domain::pricing::{LineKind, Quote};
use crate::domain::quote_form::FundingChoice;

/// Most module lines in one booking.
pub const MAX_MODULES: usize = 64;
/// Longest module accepted, in days.
pub const MAX_MODULE_DAYS: Decimal = Decimal::from_parts(366, 0, 0, false, 0);
/// How many counted days the outcome lists (the count itself is never capped).
pub const COUNTED_DAYS_CAP: usize = 31;

/// Who ends the booking.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Who {
    /// The client cancels, or the trainee is absent or drops out.
    ClientCancels,
    /// Co&Sens adjourns the session for lack of participants.
    CoSensAdjourns,
}

/// What a line of the booking is: a module of the course, or the coaching days.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BookingKind {
    Module,
    /// The coaching days ("accompagnement"), held after the last module.
    Coaching,
}

/// One line of the booking: a module, or the coaching days. A booking lists its lines in
/// catalogue order, the coaching last: the order the assumed schedule follows.
#[derive(Clone, Debug, PartialEq)]
pub struct ModuleBooking {
    pub kind: BookingKind,
    /// The module's number (0 for the coaching).
    pub number: u8,
    pub label: String,
    /// Length in days (half a day = 0.5); must be positive.
    pub days: Decimal,
    pub amount_ht: Decimal,
    /// The module's first day; `None`: not given, the assumed schedule applies (it follows
    /// the previous line, the first one starting on the training's start).
    pub start: Option<NaiveDate>,
}

/// What the calculator is asked.
#[derive(Clone, Debug, PartialEq)]
pub struct CancellationRequest {
    /// First day of the training.
    pub start: NaiveDate,
    /// The day Co&Sens is notified (of the cancellation, absence or interruption).
    pub notified: NaiveDate,
    /// Price HT of the training ordered (the course or its modules, plus coaching days;
    /// never the certification fee): the fee basis. Module lines that do not add up to it
    /// are split again from it (see [`split_between_lines`]; an explanation says so).
    pub amount_ht: Decimal,
    /// VAT rate applied to the fees, e.g. 0.20; 0 when exempt.
    pub vat_rate: Decimal,
    pub who: Who,
    pub funding: FundingChoice,
    /// Who the client is (a company, a trainee who pays, a CPF holder) and, for a trainee
    /// who pays, the contract's signature and a recognised force majeure.
    pub client: Client,
    /// The booked modules with their amounts and, where known, their start dates.
    pub modules: Vec<ModuleBooking>,
}

/// Which rule applies.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Case {
    /// The client cancels before the first day: the fee bands.
    BeforeStart,
    /// Notified on or after the first day: absence or interruption.
    Interruption,
    /// Co&Sens adjourns: nothing owed.
    Adjourned,
    /// CPF-funded: the Mon Compte Formation terms apply; no figure is computed.
    Cpf,
    /// A trainee who pays withdrew within the legal period (L6353-5): nothing is due.
    Withdrawal,
    /// A trainee who pays, prevented by a recognised force majeure (L6353-7): only the
    /// days attended are due.
    ForceMajeure,
}

pub use crate::domain::cgv::FeeBand;
use crate::domain::cgv::{adjourn_notice_fr, CPF_FR, FEE_BASIS_FR, LATE_OPCO_FR};
use crate::domain::individual::{
    cpf_deadline_fr, cpf_free_until, force_majeure_due, force_majeure_fr, payment_fr,
    payment_limits, withdrawal_count_fr, withdrawal_end, withdrawal_fr, withdrawal_over_fr, Client,
    ClientType, DaysHeld, PaymentLimits,
};

/// Where a module stood on the notification date (interruption case).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ModuleStatus {
    /// Every day of it came before the notification: attended in full, due in full.
    AttendedInFull,
    /// Started (its first day on or before the notification): due in full, split between
    /// the days attended and the sums due for the absence.
    Started,
    /// Starts after the notification: the fee bands, counted to its own start.
    NotStarted,
    /// No module detail was given: the whole booking as one started block, due in full;
    /// attended days and absences cannot be told apart.
    Block,
}

/// One module of an interruption.
#[derive(Clone, Debug, PartialEq)]
pub struct ModuleLine {
    pub kind: BookingKind,
    pub number: u8,
    pub label: String,
    pub days: Decimal,
    pub amount_ht: Decimal,
    /// The start used: the module's own, or the assumed one.
    pub start: NaiveDate,
    /// True when the module had no start date and the assumed schedule gave this one.
    pub start_assumed: bool,
    /// The date typed for it when that was not a training day (its start is then the next
    /// training day).
    pub moved_from: Option<NaiveDate>,
    pub status: ModuleStatus,
    /// Days of the module before the notification date (a module's days are its start
    /// date then the next training days, Monday to Friday except public holidays; a half
    /// day counts 0.5).
    pub attended_days: Decimal,
    /// Days of a started module on or after the notification date.
    pub absence_days: Decimal,
    /// Not started: jours ouvrables strictly between the notification and its start.
    pub working_days: Option<u32>,
    /// Not started: its fee band.
    pub band: Option<FeeBand>,
    /// Share of the module price due (1 when started, the band's rate otherwise).
    pub rate: Decimal,
    /// Price of the days actually attended: the only part an OPCO may fund.
    pub attended_ht: Decimal,
    /// Sums due for the absence or interruption (started) or the cancellation fee (not
    /// started): the client pays them itself, never an OPCO.
    pub client_only_ht: Decimal,
    /// Amount due for the module: `attended_ht + client_only_ht`, or the whole amount for
    /// a [`ModuleStatus::Block`] (not split).
    pub due_ht: Decimal,
    pub explanation: String,
}

/// The totals of an interruption.
#[derive(Clone, Debug, PartialEq)]
pub struct InterruptionTotals {
    /// Price of the days actually attended.
    pub attended_ht: Decimal,
    /// Part an OPCO may be asked to fund, with OPCO funding only: the days attended (0,00 €
    /// when none was); `None` without OPCO funding.
    pub opco_chargeable_ht: Option<Decimal>,
    /// Sums due for absences, the interruption or cancelled modules: the client's own.
    pub client_only_ht: Decimal,
    /// Due for a block whose attended days are unknown (no module detail).
    pub unsplit_ht: Decimal,
    /// Everything due, HT (= the outcome's `fee_ht`).
    pub due_ht: Decimal,
}

/// What the client owes and why.
#[derive(Clone, Debug, PartialEq)]
pub struct CancellationOutcome {
    pub case: Case,
    /// The training's first day: the start typed, or the next training day when that one
    /// is not a training day (see `start_moved_from`).
    pub start: NaiveDate,
    /// The start typed, when it was not a training day.
    pub start_moved_from: Option<NaiveDate>,
    /// The « Montant HT » typed and the lines' sum, when they differed: the lines were
    /// split again from the amount (see [`split_between_lines`]).
    pub lines_resplit: Option<(Decimal, Decimal)>,
    pub notified: NaiveDate,
    /// n: jours ouvrables strictly between the notification and the training start
    /// (0 when notified on the eve of the start or later).
    pub working_days: u32,
    /// Calendar days strictly between the notification and the training start.
    pub calendar_days: u32,
    /// The fee band (before the start, client cancelling, not CPF).
    pub band: Option<FeeBand>,
    /// Share of the HT price due: the band's rate before the start (0, 0.5, 1); after
    /// it, the fee over the basis (4 decimals); 0 when adjourned or CPF.
    pub rate: Decimal,
    /// The HT amount the fee is a share of (the module lines' sum for an interruption
    /// with lines).
    pub basis_ht: Decimal,
    pub fee_ht: Decimal,
    pub vat_rate: Decimal,
    /// `round_cents(fee_ht × vat_rate)`.
    pub fee_vat: Decimal,
    pub fee_ttc: Decimal,
    /// Last notification date without fee: "sans frais jusqu'au … inclus".
    pub deadline_no_fee: Option<NaiveDate>,
    /// Last notification date still at the half fee.
    pub deadline_half: Option<NaiveDate>,
    /// Last notification date to postpone or replace the trainee without fee.
    pub postpone_deadline: Option<NaiveDate>,
    /// Whether this notification still allows postponing or replacing without fee.
    pub postpone_possible: bool,
    /// Last date for the OPCO's funding agreement to reach Co&Sens.
    pub opco_deadline: Option<NaiveDate>,
    /// Last date for Co&Sens to adjourn (a week before the start).
    pub adjourn_deadline: Option<NaiveDate>,
    /// The jours ouvrables counted (at most [`COUNTED_DAYS_CAP`] of them, the first ones).
    pub counted_days: Vec<NaiveDate>,
    /// The public holidays left out of the count.
    pub holidays_skipped: Vec<(NaiveDate, &'static str)>,
    /// A trainee who pays, the contract's signature given: the withdrawal period's last day.
    pub withdrawal_end: Option<NaiveDate>,
    /// A trainee who pays, the contract's signature given: what may be asked, and when.
    pub payment: Option<PaymentLimits>,
    /// A CPF holder: the last notification date to cancel without fee.
    pub cpf_free_until: Option<NaiveDate>,
    /// Per-module lines (interruption and force majeure after the start).
    pub modules: Vec<ModuleLine>,
    /// Totals (interruption only).
    pub totals: Option<InterruptionTotals>,
    /// French sentences, in reading order, citing the CGV rule applied.
    pub explanations: Vec<String>,
}

/// Why the calculator cannot answer.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CancellationError {
    NegativeAmount,
    AmountTooLarge,
    InvalidVatRate,
    StartOutOfRange,
    NotificationOutOfRange,
    TooManyModules,
    ModuleNegativeAmount {
        number: u8,
    },
    ModuleAmountTooLarge {
        number: u8,
    },
    ModuleInvalidDays {
        number: u8,
    },
    ModuleStartOutOfRange {
        number: u8,
    },
    /// An arithmetic result out of bounds (a catalogue rate out of range, say).
    Overflow,
}

impl CancellationError {
    /// The message shown to the user, in French.
    pub fn message(&self) -> String {
        let range = format!("entre {} et {}", calendar::MIN_YEAR, calendar::MAX_YEAR);
        match self {
            Self::NegativeAmount => "Le montant HT ne peut pas être négatif.".to_string(),
            Self::AmountTooLarge => format!(
                "Le montant HT dépasse le maximum accepté ({}).",
                format_eur(MAX_AMOUNT)
            ),
            Self::InvalidVatRate => {
                "Le taux de TVA doit être compris entre 0 et 100 % (exclu).".to_string()
            }
            Self::StartOutOfRange => {
                format!("La date de début de la formation doit être une année {range}.")
            }
            Self::NotificationOutOfRange => {
                format!("La date de notification doit être une année {range}.")
            }
            Self::TooManyModules => format!("Au plus {MAX_MODULES} modules par réservation."),
            Self::ModuleNegativeAmount { number } => {
                format!("Module {number} : le montant HT ne peut pas être négatif.")
            }
            Self::ModuleAmountTooLarge { number } => format!(
                "Module {number} : le montant HT dépasse le maximum accepté ({}).",
                format_eur(MAX_AMOUNT)
            ),
            Self::ModuleInvalidDays { number } => format!(
                "Module {number} : la durée doit être positive et d'au plus {} jours.",
                MAX_MODULE_DAYS
            ),
            Self::ModuleStartOutOfRange { number } => {
                format!("Module {number} : la date de début doit être une année {range}.")
            }
            Self::Overflow => {
                "Calcul impossible : un taux ou un montant sort des limites.".to_string()
            }
        }
    }
}

impl fmt::Display for CancellationError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message())
    }
}

impl std::error::Error for CancellationError {}

/// The full-course price split per module in proportion to the module days, left-over
/// cents by the largest remainder (4 000 € → 615,39 / 615,38 / 1 230,77 / 1 230,77 /
/// 307,69). `starts[i]` is module i+1's start date, if known (missing entries: unknown).
pub fn modules_from_full_course(
    catalogue: &Catalogue,
    full_price_ht: Decimal,
    starts: &[Option<NaiveDate>],
) -> Vec<ModuleBooking> {
    let weights: Vec<Decimal> = catalogue.modules.iter().map(|m| m.days).collect();
    let shares = split_by_largest_remainder(full_price_ht, &weights);
    catalogue
        .modules
        .iter()
        .zip(shares)
        .enumerate()
        .map(|(i, (m, amount_ht))| ModuleBooking {
            kind: BookingKind::Module,
            number: m.number,
            label: m.title.clone(),
            days: m.days,
            amount_ht,
            start: starts.get(i).copied().flatten(),
        })
        .collect()
}

/// Where a booking's lines come from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BookingSource {
    /// A quote for the full course: its price split between the modules by their days.
    FullCourseQuote,
    /// A quote for modules à la carte: each module's line total.
    ModularQuote,
    /// No quote: the five modules with the catalogue's full-course price split.
    Catalogue,
}

/// The training a quote orders, as the cancellation calculator takes it.
#[derive(Clone, Debug, PartialEq)]
pub struct Booking {
    /// The fee basis, "prix H.T. de la formation": the course or its modules plus the
    /// coaching days. The certification fee is an exam registration, never part of it.
    pub basis_ht: Decimal,
    /// The certification fee of the quote, left out of the basis (0 when not ordered).
    pub certification_ht: Decimal,
    /// The modules (in catalogue order) then the coaching, with their HT amounts; no
    /// start dates (the assumed schedule applies until the user types them).
    pub lines: Vec<ModuleBooking>,
    pub source: BookingSource,
}

/// The booking a quote orders: its training lines and their sum, the fee basis.
pub fn booking_from_quote(catalogue: &Catalogue, quote: &Quote) -> Booking {
    let mut lines = Vec::new();
    let mut source = BookingSource::ModularQuote;
    let mut certification_ht = Decimal::ZERO;
    for line in &quote.lines {
        match line.kind {
            LineKind::FullCourse => {
                source = BookingSource::FullCourseQuote;
                lines.extend(modules_from_full_course(catalogue, line.total_ht, &[]));
            }
            LineKind::Module(number) => {
                if let Some(m) = catalogue.module(number) {
                    lines.push(ModuleBooking {
                        kind: BookingKind::Module,
                        number,
                        label: m.title.clone(),
                        days: m.days,
                        amount_ht: line.total_ht,
                        start: None,
                    });
                }
            }
            LineKind::Coaching => lines.push(ModuleBooking {
                kind: BookingKind::Coaching,
                number: 0,
                label: "Accompagnement".to_string(),
                days: Decimal::from(quote.request.coaching_days),
                amount_ht: line.total_ht,
                start: None,
            }),
            LineKind::Certification => certification_ht += line.total_ht,
        }
    }
    Booking {
        basis_ht: lines_total(&lines),
        certification_ht,
        lines,
        source,
    }
}

/// The booking when there is no quote: the full course at the catalogue price.
pub fn booking_from_catalogue(catalogue: &Catalogue) -> Booking {
    let price = catalogue.prices.full_course_ht;
    Booking {
        basis_ht: price,
        certification_ht: Decimal::ZERO,
        lines: modules_from_full_course(catalogue, price, &[]),
        source: BookingSource::Catalogue,
    }
}

/// Where a line of the booking starts, and where that date came from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Scheduled {
    pub start: NaiveDate,
    /// No date was given for the line: the assumed schedule gave this one.
    pub assumed: bool,
    /// The date typed for the line when it was not a training day: the line starts on the
    /// next training day instead. (A training start so moved is the outcome's to say.)
    pub moved_from: Option<NaiveDate>,
}

/// The start of each line of the booking: its own date when given, else the assumed one:
/// the first line starts on the training's start, each other line on the next training day
/// after the previous one ends (a half day takes a training day of its own). A date that is
/// not a training day (a weekend, a public holiday) moves to the next training day: a
/// module is never held on such a day. `None` where the schedule runs past chrono's range.
pub fn schedule(training_start: NaiveDate, lines: &[ModuleBooking]) -> Vec<Option<Scheduled>> {
    let assumed = |start| Scheduled {
        start,
        assumed: true,
        moved_from: None,
    };
    let mut previous_end: Option<Option<NaiveDate>> = None;
    lines
        .iter()
        .map(|line| {
            let start = match (line.start, previous_end) {
                (Some(own), _) => training_day_from(own).map(|start| Scheduled {
                    start,
                    assumed: false,
                    moved_from: (start != own).then_some(own),
                }),
                (None, None) => training_day_from(training_start).map(assumed),
                (None, Some(end)) => end.and_then(next_training_day).map(assumed),
            };
            previous_end = Some(start.and_then(|s| last_day(s.start, line.days)));
            start
        })
        .collect()
}

/// Whether a notification on `notified` comes on or after the first day of a training
/// typed to start on `start` (its first training day: a weekend or a holiday moves it): the
/// case of an absence or an interruption, where the module lines count.
pub fn notified_after_start(start: NaiveDate, notified: NaiveDate) -> bool {
    notified >= training_day_from(start).unwrap_or(start)
}

/// What the lines add up to: the fee basis they make.
pub fn lines_total(lines: &[ModuleBooking]) -> Decimal {
    lines.iter().map(|l| l.amount_ht).sum()
}

/// « Montant HT » split again between the lines in proportion to their days, the left-over
/// cents by the largest remainder, ties to the earlier line (as the full-course price is
/// split per module): 3 000 € over the five modules → 461,54 / 461,54 / 923,08 / 923,07 /
/// 230,77. The lines keep everything but their amounts.
pub fn split_between_lines(amount_ht: Decimal, lines: &[ModuleBooking]) -> Vec<ModuleBooking> {
    let weights: Vec<Decimal> = lines.iter().map(|l| l.days).collect();
    lines
        .iter()
        .zip(split_by_largest_remainder(amount_ht, &weights))
        .map(|(line, amount_ht)| ModuleBooking {
            amount_ht,
            ..line.clone()
        })
        .collect()
}

/// The training days a line takes: its days rounded up (a half day takes one), at most
/// [`MAX_MODULE_DAYS`].
fn day_slots(days: Decimal) -> u32 {
    calendar::days_begun(days.min(MAX_MODULE_DAYS))
}

/// The last day of a line of `days` starting on `start`: the start, then training days.
fn last_day(start: NaiveDate, days: Decimal) -> Option<NaiveDate> {
    let mut day = start;
    for _ in 1..day_slots(days) {
        day = next_training_day(day)?;
    }
    Some(day)
}

/// The last notification date of each band and the other deadlines, for a start date.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Deadlines {
    pub no_fee: Option<NaiveDate>,
    pub half: Option<NaiveDate>,
    pub postpone: Option<NaiveDate>,
    pub opco: Option<NaiveDate>,
    pub adjourn: Option<NaiveDate>,
}

/// The deadlines for a training starting on `start`.
pub fn deadlines(terms: &CancellationTerms, start: NaiveDate) -> Deadlines {
    let ouvrable = |n: u32| last_notification_leaving(DayKind::Ouvrable, n, start);
    let half_band_exists = terms.half_fee_from_working_days <= terms.no_fee_above_working_days;
    Deadlines {
        no_fee: ouvrable(terms.no_fee_above_working_days.saturating_add(1)),
        half: if half_band_exists {
            ouvrable(terms.half_fee_from_working_days)
        } else {
            None
        },
        postpone: last_notification_leaving(
            DayKind::Calendaire,
            terms.postpone_min_calendar_days,
            start,
        ),
        opco: ouvrable(terms.opco_min_working_days),
        adjourn: TimeDelta::try_days(i64::from(terms.adjourn_notice_days))
            .and_then(|notice| start.checked_sub_signed(notice)),
    }
}

fn validate(req: &CancellationRequest) -> Result<(), CancellationError> {
    if req.amount_ht < Decimal::ZERO {
        return Err(CancellationError::NegativeAmount);
    }
    if req.amount_ht > MAX_AMOUNT {
        return Err(CancellationError::AmountTooLarge);
    }
    if req.vat_rate < Decimal::ZERO || req.vat_rate >= Decimal::ONE {
        return Err(CancellationError::InvalidVatRate);
    }
    if !calendar::date_in_range(req.start) {
        return Err(CancellationError::StartOutOfRange);
    }
    if !calendar::date_in_range(req.notified) {
        return Err(CancellationError::NotificationOutOfRange);
    }
    if req.modules.len() > MAX_MODULES {
        return Err(CancellationError::TooManyModules);
    }
    for m in &req.modules {
        let number = m.number;
        if m.amount_ht < Decimal::ZERO {
            return Err(CancellationError::ModuleNegativeAmount { number });
        }
        if m.amount_ht > MAX_AMOUNT {
            return Err(CancellationError::ModuleAmountTooLarge { number });
        }
        if m.days <= Decimal::ZERO || m.days > MAX_MODULE_DAYS {
            return Err(CancellationError::ModuleInvalidDays { number });
        }
        if m.start.is_some_and(|s| !calendar::date_in_range(s)) {
            return Err(CancellationError::ModuleStartOutOfRange { number });
        }
    }
    Ok(())
}

/// Works out what the client owes for the request, under the catalogue's terms: the
/// figures first ([`compute_cancellation`]), then the sentences citing the CGV rule applied
/// ([`explain_module_line`], [`explain_cancellation`]).
pub fn assess_cancellation(
    catalogue: &Catalogue,
    req: &CancellationRequest,
) -> Result<CancellationOutcome, CancellationError> {
    let terms = &catalogue.cancellation;
    let (req, mut out) = compute_with_request(catalogue, req)?;
    let req = &req;
    for line in &mut out.modules {
        line.explanation = explain_module_line(line, req, terms);
    }
    out.explanations = explain_cancellation(&out, req, terms);
    Ok(out)
}

/// The figures of the outcome: the case, the days counted, the deadlines, the fee and, for
/// an interruption, the module lines and their totals. Its sentences are left empty:
/// [`assess_cancellation`] writes them.
pub fn compute_cancellation(
    catalogue: &Catalogue,
    req: &CancellationRequest,
) -> Result<CancellationOutcome, CancellationError> {
    compute_with_request(catalogue, req).map(|(_, out)| out)
}

/// The request as computed, and its figures. The training starts on a training day (a
/// start typed on a weekend or a holiday moves to the next one), and module lines that do
/// not add up to « Montant HT » are split again from it, so that no fee exceeds the amount
/// typed; the outcome says both.
fn compute_with_request(
    catalogue: &Catalogue,
    req: &CancellationRequest,
) -> Result<(CancellationRequest, CancellationOutcome), CancellationError> {
    validate(req)?;
    let start = training_day_from(req.start).ok_or(CancellationError::Overflow)?;
    let typed_lines = lines_total(&req.modules);
    let resplit = !req.modules.is_empty() && typed_lines != req.amount_ht;
    let computed = CancellationRequest {
        start,
        modules: if resplit {
            split_between_lines(req.amount_ht, &req.modules)
        } else {
            req.modules.clone()
        },
        ..req.clone()
    };
    let mut out = compute_valid(catalogue, &computed)?;
    out.start_moved_from = (start != req.start).then_some(req.start);
    out.lines_resplit = resplit.then_some((req.amount_ht, typed_lines));
    Ok((computed, out))
}

fn compute_valid(
    catalogue: &Catalogue,
    req: &CancellationRequest,
) -> Result<CancellationOutcome, CancellationError> {
    let terms = &catalogue.cancellation;
    if terms.half_fee_rate < Decimal::ZERO || terms.half_fee_rate > Decimal::ONE {
        return Err(CancellationError::Overflow);
    }
    let mut out = outcome_dates(terms, req);
    let kind = req.client.kind;
    let cpf = kind == ClientType::Cpf || req.funding == FundingChoice::Cpf;
    if cpf {
        out.cpf_free_until = cpf_free_until(terms, req.start);
    }
    let signed = req.client.signed.filter(|_| kind == ClientType::Individual);
    if let Some(end) = signed.and_then(|s| withdrawal_end(terms, s)) {
        out.withdrawal_end = Some(end);
        let (_, price_ttc) = with_vat(req.vat_rate, req.amount_ht)?;
        out.payment = payment_limits(terms, end, price_ttc);
    }
    if req.who == Who::CoSensAdjourns {
        out.case = Case::Adjourned;
    } else if cpf {
        out.case = Case::Cpf;
    } else if out.withdrawal_end.is_some_and(|end| req.notified <= end) {
        out.case = Case::Withdrawal;
    } else if kind == ClientType::Individual && req.client.force_majeure {
        force_majeure(terms, req, &mut out)?;
    } else if !notified_after_start(req.start, req.notified) {
        client_cancels_before_start(terms, req, &mut out)?;
    } else {
        interruption(terms, req, &mut out)?;
    }
    Ok(out)
}

/// A recognised force majeure (L6353-7): the value of the days attended, nothing before
/// the start; the module lines show the days attended. A booking without module detail
/// has no days to count: nothing is charged for it.
fn force_majeure(
    terms: &CancellationTerms,
    req: &CancellationRequest,
    out: &mut CancellationOutcome,
) -> Result<(), CancellationError> {
    if notified_after_start(req.start, req.notified) {
        interruption(terms, req, out)?;
    }
    out.case = Case::ForceMajeure;
    out.totals = None;
    out.band = None;
    let held: Vec<DaysHeld> = out
        .modules
        .iter()
        .filter(|l| l.status != ModuleStatus::NotStarted)
        .map(|l| DaysHeld {
            amount_ht: l.amount_ht,
            days: l.days,
            attended: l.attended_days,
        })
        .collect();
    let due = force_majeure_due(&held).ok_or(CancellationError::Overflow)?;
    out.rate = share_of_basis(due, out.basis_ht, Decimal::ZERO)?;
    set_fee(out, due)
}

/// The outcome before any fee: the days counted between the notification and the start,
/// and the deadlines.
fn outcome_dates(terms: &CancellationTerms, req: &CancellationRequest) -> CancellationOutcome {
    let dl = deadlines(terms, req.start);
    let working_days = count_days_strictly_between(DayKind::Ouvrable, req.notified, req.start);
    let calendar_days = count_days_strictly_between(DayKind::Calendaire, req.notified, req.start);
    let before_start = !notified_after_start(req.start, req.notified);
    let postpone_possible = before_start && calendar_days >= terms.postpone_min_calendar_days;
    CancellationOutcome {
        case: Case::BeforeStart,
        start: req.start,
        start_moved_from: None,
        lines_resplit: None,
        notified: req.notified,
        working_days,
        calendar_days,
        band: None,
        rate: Decimal::ZERO,
        basis_ht: req.amount_ht,
        fee_ht: Decimal::ZERO,
        vat_rate: req.vat_rate,
        fee_vat: Decimal::ZERO,
        fee_ttc: Decimal::ZERO,
        deadline_no_fee: dl.no_fee,
        deadline_half: dl.half,
        postpone_deadline: dl.postpone,
        postpone_possible,
        opco_deadline: dl.opco,
        adjourn_deadline: dl.adjourn,
        counted_days: days_strictly_between(
            DayKind::Ouvrable,
            req.notified,
            req.start,
            COUNTED_DAYS_CAP,
        ),
        holidays_skipped: holidays_strictly_between(req.notified, req.start),
        withdrawal_end: None,
        payment: None,
        cpf_free_until: None,
        modules: Vec::new(),
        totals: None,
        explanations: Vec::new(),
    }
}

fn percent_of(rate: Decimal, amount: Decimal) -> Result<Decimal, CancellationError> {
    amount
        .checked_mul(rate)
        .map(round_cents)
        .ok_or(CancellationError::Overflow)
}

/// The VAT on `ht` at `vat_rate` (to the cent) and the amount TTC.
fn with_vat(vat_rate: Decimal, ht: Decimal) -> Result<(Decimal, Decimal), CancellationError> {
    crate::domain::money::vat_and_ttc(vat_rate, ht).ok_or(CancellationError::Overflow)
}

/// The fee HT, its VAT and the fee TTC.
fn set_fee(out: &mut CancellationOutcome, fee_ht: Decimal) -> Result<(), CancellationError> {
    out.fee_ht = fee_ht;
    (out.fee_vat, out.fee_ttc) = with_vat(out.vat_rate, fee_ht)?;
    Ok(())
}

/// `due` as a share of `basis`, to four places; `no_basis` when the basis is 0.
fn share_of_basis(
    due: Decimal,
    basis: Decimal,
    no_basis: Decimal,
) -> Result<Decimal, CancellationError> {
    if basis.is_zero() {
        return Ok(no_basis);
    }
    due.checked_div(basis)
        .map(|r| r.round_dp(4))
        .ok_or(CancellationError::Overflow)
}

/// The client cancels before the first day: the band of the jours ouvrables left.
fn client_cancels_before_start(
    terms: &CancellationTerms,
    req: &CancellationRequest,
    out: &mut CancellationOutcome,
) -> Result<(), CancellationError> {
    out.case = Case::BeforeStart;
    let band = FeeBand::for_working_days(terms, out.working_days);
    out.band = Some(band);
    out.rate = band.rate(terms);
    let fee_ht = percent_of(out.rate, req.amount_ht)?;
    set_fee(out, fee_ht)
}

/// Notified on or after the first day: each module line, their totals, the fee.
fn interruption(
    terms: &CancellationTerms,
    req: &CancellationRequest,
    out: &mut CancellationOutcome,
) -> Result<(), CancellationError> {
    out.case = Case::Interruption;
    let lines: Vec<ModuleLine> = if req.modules.is_empty() {
        vec![block_line(req)]
    } else {
        req.modules
            .iter()
            .zip(schedule(req.start, &req.modules))
            .map(|(m, at)| module_line(terms, req, m, at.ok_or(CancellationError::Overflow)?))
            .collect::<Result<_, _>>()?
    };
    let totals = interruption_totals(req, &lines);
    let basis: Decimal = lines.iter().map(|l| l.amount_ht).sum();
    out.basis_ht = basis;
    out.rate = share_of_basis(totals.due_ht, basis, Decimal::ONE)?;
    set_fee(out, totals.due_ht)?;
    out.totals = Some(totals);
    out.modules = lines;
    Ok(())
}

/// The whole booking as one started block, due in full: no module detail was given.
fn block_line(req: &CancellationRequest) -> ModuleLine {
    ModuleLine {
        kind: BookingKind::Module,
        number: 0,
        label: "Formation".to_string(),
        days: Decimal::ZERO,
        amount_ht: req.amount_ht,
        start: req.start,
        start_assumed: false,
        moved_from: None,
        status: ModuleStatus::Block,
        attended_days: Decimal::ZERO,
        absence_days: Decimal::ZERO,
        working_days: None,
        band: None,
        rate: Decimal::ONE,
        attended_ht: Decimal::ZERO,
        client_only_ht: Decimal::ZERO,
        due_ht: req.amount_ht,
        explanation: String::new(),
    }
}

/// Days of a line (its start date, then the next training days; the last one possibly a
/// half day) that fall before `notified`.
fn attended_days(days: Decimal, start: NaiveDate, notified: NaiveDate) -> Decimal {
    let mut attended = Decimal::ZERO;
    let mut remaining = days;
    let mut slot = Some(start);
    while remaining > Decimal::ZERO {
        let Some(day) = slot else { break };
        if day >= notified {
            break;
        }
        let weight = remaining.min(Decimal::ONE);
        attended += weight;
        remaining -= weight;
        slot = next_training_day(day);
    }
    attended
}

/// One line of an interruption: not started (the fee band to its own start), attended in
/// full, or started (due in full, split between the days attended and the absence).
fn module_line(
    terms: &CancellationTerms,
    req: &CancellationRequest,
    m: &ModuleBooking,
    at: Scheduled,
) -> Result<ModuleLine, CancellationError> {
    let start = at.start;
    let mut line = ModuleLine {
        kind: m.kind,
        number: m.number,
        label: m.label.clone(),
        days: m.days,
        amount_ht: m.amount_ht,
        start,
        start_assumed: at.assumed,
        moved_from: at.moved_from,
        status: ModuleStatus::Started,
        attended_days: Decimal::ZERO,
        absence_days: Decimal::ZERO,
        working_days: None,
        band: None,
        rate: Decimal::ONE,
        attended_ht: Decimal::ZERO,
        client_only_ht: Decimal::ZERO,
        due_ht: m.amount_ht,
        explanation: String::new(),
    };
    if start > req.notified {
        let n = count_days_strictly_between(DayKind::Ouvrable, req.notified, start);
        let band = FeeBand::for_working_days(terms, n);
        line.status = ModuleStatus::NotStarted;
        line.working_days = Some(n);
        line.band = Some(band);
        line.rate = band.rate(terms);
        line.client_only_ht = percent_of(line.rate, m.amount_ht)?;
        line.due_ht = line.client_only_ht;
        return Ok(line);
    }
    let attended = attended_days(m.days, start, req.notified);
    line.attended_days = attended;
    line.absence_days = m.days - attended;
    let shares = split_by_largest_remainder(m.amount_ht, &[attended, line.absence_days]);
    line.attended_ht = shares.first().copied().unwrap_or(Decimal::ZERO);
    line.client_only_ht = shares.get(1).copied().unwrap_or(Decimal::ZERO);
    if line.absence_days.is_zero() {
        line.status = ModuleStatus::AttendedInFull;
    }
    Ok(line)
}

/// The totals of the lines; the part an OPCO may fund is the days attended, with OPCO
/// funding only.
fn interruption_totals(req: &CancellationRequest, lines: &[ModuleLine]) -> InterruptionTotals {
    let sum = |f: fn(&ModuleLine) -> Decimal| -> Decimal { lines.iter().map(f).sum() };
    let attended = sum(|l| l.attended_ht);
    InterruptionTotals {
        attended_ht: attended,
        opco_chargeable_ht: (req.funding == FundingChoice::Opco).then_some(attended),
        client_only_ht: sum(|l| l.client_only_ht),
        unsplit_ht: lines
            .iter()
            .filter(|l| l.status == ModuleStatus::Block)
            .map(|l| l.due_ht)
            .sum(),
        due_ht: sum(|l| l.due_ht),
    }
}

// The wording: French sentences written from a computed outcome.

/// The sentences of the outcome, in reading order, citing the CGV rule applied (what
/// [`assess_cancellation`] keeps in [`CancellationOutcome::explanations`]). The module
/// lines' sentences are read from the lines (see [`explain_module_line`]).
pub fn explain_cancellation(
    out: &CancellationOutcome,
    req: &CancellationRequest,
    terms: &CancellationTerms,
) -> Vec<String> {
    let mut sentences: Vec<String> = out
        .start_moved_from
        .map(|typed| {
            format!(
                "Début de la formation : {}.",
                moved_date_fr(typed, out.start)
            )
        })
        .into_iter()
        .collect();
    sentences.extend(match out.case {
        Case::Adjourned => adjourned_sentences(out, terms),
        Case::Cpf => {
            let mut cpf = vec![CPF_FR.to_string()];
            cpf.extend(out.cpf_free_until.map(|d| cpf_deadline_fr(terms, d)));
            cpf
        }
        Case::Withdrawal => out.withdrawal_end.map(withdrawal_fr).into_iter().collect(),
        Case::ForceMajeure => vec![force_majeure_fr(out.fee_ht)],
        Case::BeforeStart => before_start_sentences(out, req, terms),
        Case::Interruption => interruption_sentences(out),
    });
    sentences.extend(individual_sentences(out, terms));
    sentences
}

/// What the law adds for a trainee who pays: the withdrawal period (over, when it did not
/// decide) and how it counts, and the payment limits.
fn individual_sentences(out: &CancellationOutcome, terms: &CancellationTerms) -> Vec<String> {
    let Some(end) = out.withdrawal_end else {
        return Vec::new();
    };
    let mut sentences = Vec::new();
    if out.case != Case::Withdrawal {
        sentences.push(withdrawal_over_fr(end));
    }
    sentences.push(withdrawal_count_fr(terms));
    sentences.extend(out.payment.as_ref().map(payment_fr));
    sentences
}

/// Why a date typed for a training day is not used, and the day used instead: « le lundi
/// 25 mai 2026 est un jour férié (Lundi de Pentecôte), où la formation ne se tient pas ;
/// le calcul part du mardi 26 mai 2026, jour de formation suivant » (no final stop).
pub fn moved_date_fr(typed: NaiveDate, used: NaiveDate) -> String {
    let why = match holiday_name(typed) {
        Some(name) => format!("est un jour férié ({name})"),
        None => "tombe un week-end".to_string(),
    };
    format!(
        "le {} {why}, où la formation ne se tient pas (les journées de formation ont lieu du \
         lundi au vendredi, hors jours fériés) ; le calcul part du {}, jour de formation suivant",
        format_date_fr(typed),
        format_date_fr(used)
    )
}

fn adjourned_sentences(out: &CancellationOutcome, terms: &CancellationTerms) -> Vec<String> {
    let mut sentences = vec![
        "Co&Sens ajourne la formation faute de participants en nombre suffisant : \
         aucun frais ni indemnité n'est dû par le Client (CGV, « Effectif et ajournement »)."
            .to_string(),
    ];
    if let Some(limit) = out.adjourn_deadline {
        let mut text = format!(
            "Les CGV prévoient cet ajournement au plus tard {} avant la date prévue, soit le {} \
             au plus tard.",
            adjourn_notice_fr(terms),
            format_date_fr(limit)
        );
        if out.notified > limit {
            text.push_str(&format!(
                " Notifié le {}, l'ajournement intervient après cette limite : \
                 Co&Sens sort du cadre de ses CGV, et rien n'est dû par le Client.",
                format_date_fr(out.notified)
            ));
        }
        sentences.push(text);
    }
    sentences
}

fn before_start_sentences(
    out: &CancellationOutcome,
    req: &CancellationRequest,
    terms: &CancellationTerms,
) -> Vec<String> {
    let band = out
        .band
        .unwrap_or_else(|| FeeBand::for_working_days(terms, out.working_days));
    let mut sentences = vec![format!(
        "{} : {}.",
        between_fr(out.working_days, DayKind::Ouvrable, out.notified, out.start),
        band.rule_fr(terms)
    )];
    sentences.extend(holidays_sentence(&out.holidays_skipped));
    sentences.push(FEE_BASIS_FR.to_string());
    sentences.push(format!(
        "Frais d'annulation : {} de {} HT = {} HT, majorés de la TVA comme la formation.",
        format_percent(out.rate),
        format_eur(out.basis_ht),
        format_eur(out.fee_ht)
    ));
    sentences.push(fee_vat_sentence(out));
    sentences.push(bands_sentence(terms, out));
    sentences.push(postpone_sentence(terms, out));
    if req.funding == FundingChoice::Opco {
        if !out.fee_ht.is_zero() {
            sentences.push(
                "Ces frais d'annulation ne peuvent faire l'objet d'une demande de prise en \
                 charge par l'OPCO : le Client les règle directement à Co&Sens."
                    .to_string(),
            );
        }
        sentences.push(opco_sentence(terms, out));
    }
    sentences
}

fn interruption_sentences(out: &CancellationOutcome) -> Vec<String> {
    let mut sentences = vec![format!(
        "Notification le {}, le jour du démarrage ({}) ou après : absence ou interruption. \
         Tout module commencé est dû dans son intégralité ; la facture distingue le prix des \
         journées effectivement suivies des sommes dues au titre des absences ou de \
         l'interruption ; les modules non commencés suivent le barème d'annulation, compté \
         jusqu'à leur propre démarrage. Les journées de formation se tiennent du lundi au \
         vendredi, hors jours fériés.",
        format_date_fr(out.notified),
        format_date_fr(out.start)
    )];
    if let Some((typed, lines)) = out.lines_resplit {
        sentences.push(resplit_fr(typed, lines));
    }
    if out.modules.iter().any(|l| l.status != ModuleStatus::Block) {
        sentences.push(FEE_BASIS_FR.to_string());
    }
    sentences.extend(assumed_dates_sentence(&out.modules));
    sentences.extend(out.modules.iter().map(|l| l.explanation.clone()));
    if let Some(totals) = &out.totals {
        sentences.extend(interruption_totals_sentences(totals));
    }
    sentences.push(format!(
        "Total dû : {} HT sur {} HT réservés.",
        format_eur(out.fee_ht),
        format_eur(out.basis_ht)
    ));
    sentences.push(fee_vat_sentence(out));
    sentences
}

/// [`moved_date_fr`] as a sentence of its own, for the date's field: « Le lundi 25 mai
/// 2026 est un jour férié … jour de formation suivant. »
pub fn moved_date_sentence_fr(typed: NaiveDate, used: NaiveDate) -> String {
    let text = moved_date_fr(typed, used);
    let mut chars = text.chars();
    let first = chars.next().map(upper_char_fr).unwrap_or_default();
    format!("{first}{}.", chars.as_str())
}

/// « Montant HT » typed apart from the lines: they were split again from it.
pub fn resplit_fr(typed: Decimal, lines: Decimal) -> String {
    format!(
        "Le montant HT saisi ({} HT) diffère de la somme des lignes ({} HT) : il est réparti \
         entre les lignes au prorata de leur durée, comme le prix du parcours complet, et le \
         calcul porte sur cette répartition.",
        format_eur(typed),
        format_eur(lines)
    )
}

/// What the days attended cost and what the client owes on its own; the OPCO's part.
fn interruption_totals_sentences(totals: &InterruptionTotals) -> Vec<String> {
    let mut sentences = Vec::new();
    let split = totals.unsplit_ht.is_zero();
    if split {
        sentences.push(format!(
            "Journées effectivement suivies : {} HT ; sommes dues au titre des absences, de \
             l'interruption ou de l'annulation de modules : {} HT. Ces sommes ne peuvent être \
             imputées sur l'obligation de participer à la formation professionnelle continue \
             ni faire l'objet d'une demande de prise en charge par un OPCO : le Client les \
             règle directement à Co&Sens.",
            format_eur(totals.attended_ht),
            format_eur(totals.client_only_ht)
        ));
    }
    if let Some(opco) = totals.opco_chargeable_ht {
        sentences.push(if split {
            format!(
                "Part que l'OPCO peut prendre en charge (journées suivies) : {} HT ; le reste \
                 est à la charge du Client.",
                format_eur(opco)
            )
        } else {
            "Sans le détail des journées suivies, la part finançable par l'OPCO ne peut être \
             établie : seules les journées effectivement suivies peuvent l'être, les sommes \
             dues au titre des absences ou de l'interruption restent à la charge du Client."
                .to_string()
        });
    }
    sentences
}

/// The VAT on the fee and the fee TTC.
fn fee_vat_sentence(out: &CancellationOutcome) -> String {
    if out.vat_rate.is_zero() {
        format!(
            "Pas de TVA (exonération) : {} TTC.",
            format_eur(out.fee_ttc)
        )
    } else {
        format!(
            "TVA à {} sur les frais : {} ; soit {} TTC.",
            format_percent(out.vat_rate),
            format_eur(out.fee_vat),
            format_eur(out.fee_ttc)
        )
    }
}

fn between_fr(n: u32, kind: DayKind, from: NaiveDate, to: NaiveDate) -> String {
    format!(
        "{} entre le {} et le {} (ces deux jours exclus)",
        kind.count_fr(n),
        format_date_fr(from),
        format_date_fr(to)
    )
}

fn holidays_sentence(holidays: &[(NaiveDate, &'static str)]) -> Option<String> {
    if holidays.is_empty() {
        return None;
    }
    let list: Vec<String> = holidays
        .iter()
        .map(|&(date, name)| format!("{name} ({})", format_date_fr(date)))
        .collect();
    Some(format!(
        "Ni les dimanches ni les jours fériés ne sont des jours ouvrables ; jours fériés non comptés : {}.",
        list.join(", ")
    ))
}

fn bands_sentence(terms: &CancellationTerms, out: &CancellationOutcome) -> String {
    let mut parts = Vec::new();
    if let Some(d) = out.deadline_no_fee {
        parts.push(format!("sans frais jusqu'au {} inclus", format_date_fr(d)));
    }
    if let Some(d) = out.deadline_half {
        parts.push(format!(
            "frais de {} jusqu'au {} inclus",
            format_percent(terms.half_fee_rate),
            format_date_fr(d)
        ));
    }
    parts.push(format!(
        "{} ensuite jusqu'à la veille du démarrage",
        format_percent(Decimal::ONE)
    ));
    format!(
        "Pour un démarrage le {} : {}.",
        format_date_fr(out.start),
        parts.join(" ; ")
    )
}

fn postpone_sentence(terms: &CancellationTerms, out: &CancellationOutcome) -> String {
    let min = DayKind::Calendaire.count_fr(terms.postpone_min_calendar_days);
    let limit = out
        .postpone_deadline
        .map(|d| {
            format!(
                ", soit une notification au plus tard le {}",
                format_date_fr(d)
            )
        })
        .unwrap_or_default();
    if out.postpone_possible {
        format!(
            "Report de l'inscription à une session ultérieure ou remplacement du stagiaire \
             possible sans frais : {} avant le démarrage, au moins {} étant requis{limit}, \
             sous réserve de l'accord éventuel de l'OPCO.",
            DayKind::Calendaire.count_fr(out.calendar_days),
            min
        )
    } else {
        format!(
            "Report ou remplacement sans frais impossible : il faut au moins {min} entre la \
             notification et le démarrage{limit}."
        )
    }
}

fn opco_sentence(terms: &CancellationTerms, out: &CancellationOutcome) -> String {
    match out.opco_deadline {
        Some(d) => format!(
            "L'accord de prise en charge de l'OPCO doit parvenir à Co&Sens au plus tard le {} \
             (au moins {} avant le démarrage). {LATE_OPCO_FR}",
            format_date_fr(d),
            DayKind::Ouvrable.count_fr(terms.opco_min_working_days)
        ),
        None => "L'accord de prise en charge de l'OPCO doit parvenir à Co&Sens avant le \
                 démarrage de la formation."
            .to_string(),
    }
}

fn module_name(kind: BookingKind, number: u8, label: &str) -> String {
    if kind == BookingKind::Coaching {
        "Accompagnement".to_string()
    } else if label.trim().is_empty() {
        format!("Module {number}")
    } else {
        format!("Module {number} « {} »", label.trim())
    }
}

/// The sentence of one line of an interruption (what [`assess_cancellation`] keeps in
/// [`ModuleLine::explanation`]).
pub fn explain_module_line(
    line: &ModuleLine,
    req: &CancellationRequest,
    terms: &CancellationTerms,
) -> String {
    let name = module_name(line.kind, line.number, &line.label);
    let start = format_date_fr(line.start);
    let assumed = match line.moved_from {
        Some(typed) => format!(" (date saisie : {})", moved_date_fr(typed, line.start)),
        None => assumed_start_fr(line, req.start).to_string(),
    };
    match line.status {
        ModuleStatus::Block => format!(
            "Sans le détail des modules, la formation est traitée comme un seul bloc \
             commencé le {start}, dû en totalité ({}) ; indiquez les modules et leurs dates \
             pour distinguer les journées suivies des absences.",
            format_eur(line.amount_ht)
        ),
        ModuleStatus::NotStarted => {
            let n = line.working_days.unwrap_or_default();
            let band = line
                .band
                .unwrap_or_else(|| FeeBand::for_working_days(terms, n));
            format!(
                "{name}, pas encore commencé (début le {start}{assumed}) — {} : {} ; {} à régler par le Client.",
                between_fr(n, DayKind::Ouvrable, req.notified, line.start),
                band.rule_fr(terms),
                format_eur(line.due_ht)
            )
        }
        ModuleStatus::AttendedInFull => format!(
            "{name}, commencé le {start}{assumed}, entièrement suivi avant la notification : \
             {} dû en totalité ({}).",
            days_fr(line.days),
            format_eur(line.amount_ht)
        ),
        ModuleStatus::Started => format!(
            "{name}, commencé le {start}{assumed} : tout module commencé est dû dans son \
             intégralité ({}) ; {} avant la notification ({}), {} au titre de \
             l'absence ou de l'interruption ({}), à la charge du Client.",
            format_eur(line.amount_ht),
            attended_fr(line.attended_days),
            format_eur(line.attended_ht),
            days_fr(line.absence_days),
            format_eur(line.client_only_ht)
        ),
    }
}

/// Why a line's start was assumed, if it was.
fn assumed_start_fr(line: &ModuleLine, training_start: NaiveDate) -> &'static str {
    match (line.start_assumed, line.kind) {
        (false, _) => "",
        (true, _) if line.start == training_start => {
            " (date supposée : le démarrage de la formation, faute de date propre)"
        }
        (true, BookingKind::Coaching) => {
            " (date supposée : le jour de formation suivant le dernier module, faute de date propre)"
        }
        (true, BookingKind::Module) => {
            " (date supposée : le jour de formation suivant le module précédent, faute de date propre)"
        }
    }
}

/// The dates the calculation assumed, to be typed where they differ.
fn assumed_dates_sentence(lines: &[ModuleLine]) -> Option<String> {
    let assumed: Vec<String> = lines
        .iter()
        .filter(|l| l.start_assumed)
        .map(|l| {
            format!(
                "{} le {}",
                module_name(l.kind, l.number, ""),
                format_date_fr(l.start)
            )
        })
        .collect();
    (!assumed.is_empty()).then(|| {
        format!(
            "Dates supposées, faute de date saisie (chaque module à la suite du précédent, \
             les jours de formation se suivant du lundi au vendredi hors jours fériés) : {}. \
             Saisissez les dates réelles si elles diffèrent.",
            assumed.join(" ; ")
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::cgv::adjourn_notice_fr;
    use crate::domain::money::dec;

    fn catalogue() -> Catalogue {
        Catalogue::fixture()
    }

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    fn request(notified: &str) -> CancellationRequest {
        CancellationRequest {
            start: d("2026-05-26"),
            notified: d(notified),
            amount_ht: dec("4000"),
            vat_rate: dec("0.20"),
            who: Who::ClientCancels,
            funding: FundingChoice::Aucun,
            client: crate::domain::individual::Client::default(),
            modules: Vec::new(),
        }
    }

    fn assess(req: &CancellationRequest) -> CancellationOutcome {
        assess_cancellation(&catalogue(), req).expect("a valid request")
    }

    fn module(number: u8, days: &str, amount: &str, start: Option<&str>) -> ModuleBooking {
        ModuleBooking {
            kind: BookingKind::Module,
            number,
            label: format!("Module de test {number}"),
            days: dec(days),
            amount_ht: dec(amount),
            start: start.map(d),
        }
    }

    #[test]
    fn worked_examples_fall_in_the_cgv_bands() {
        for (notified, n, band, rate, fee) in [
            ("2026-05-03", 16, FeeBand::NoFee, "0", "0"),
            ("2026-05-04", 15, FeeBand::HalfFee, "0.5", "2000"),
            ("2026-05-15", 7, FeeBand::HalfFee, "0.5", "2000"),
            ("2026-05-16", 6, FeeBand::FullFee, "1", "4000"),
        ] {
            let out = assess(&request(notified));
            assert_eq!(out.case, Case::BeforeStart, "{notified}");
            assert_eq!(out.working_days, n, "{notified}");
            assert_eq!(out.band, Some(band), "{notified}");
            assert_eq!(out.rate, dec(rate), "{notified}");
            assert_eq!(out.fee_ht, dec(fee), "{notified}");
            assert_eq!(out.fee_vat, round_cents(dec(fee) * dec("0.20")));
            assert_eq!(out.fee_ttc, out.fee_ht + out.fee_vat);
        }
    }

    #[test]
    fn deadlines_of_the_worked_example() {
        let out = assess(&request("2026-05-04"));
        assert_eq!(out.deadline_no_fee, Some(d("2026-05-03")));
        assert_eq!(out.deadline_half, Some(d("2026-05-15")));
        assert_eq!(out.postpone_deadline, Some(d("2026-05-18")));
        assert_eq!(out.opco_deadline, Some(d("2026-05-22")));
        assert_eq!(out.adjourn_deadline, Some(d("2026-05-19")));
        let bands = out
            .explanations
            .iter()
            .find(|e| e.contains("sans frais jusqu'au"))
            .expect("the bands sentence");
        assert!(bands.contains("sans frais jusqu'au dimanche 3 mai 2026 inclus"));
        assert!(bands.contains("jusqu'au vendredi 15 mai 2026 inclus"));
    }

    #[test]
    fn explanation_cites_the_count_and_the_rule() {
        let out = assess(&request("2026-05-04"));
        let first = &out.explanations[0];
        assert!(
            first.starts_with(
                "15 jours ouvrables entre le lundi 4 mai 2026 et le mardi 26 mai 2026"
            ),
            "{first}"
        );
        assert!(first.contains("annulation entre 15 et 7 jours ouvrables avant le démarrage"));
        assert!(first.contains("frais de 50\u{a0}% du prix HT"), "{first}");
        assert!(out
            .explanations
            .iter()
            .any(|e| e.contains("Ascension (jeudi 14 mai 2026)")
                && e.contains("Lundi de Pentecôte (lundi 25 mai 2026)")));
        let full = assess(&request("2026-05-16"));
        assert!(full.explanations[0].contains("moins de 7 jours ouvrables"));
        let none = assess(&request("2026-05-03"));
        assert!(none.explanations[0].contains("plus de 15 jours ouvrables"));
        assert!(none.explanations[0].contains("aucun frais"));
    }

    fn trainee_who_pays(
        notified: &str,
        signed: Option<&str>,
        force_majeure: bool,
    ) -> CancellationRequest {
        let starts = [
            Some(d("2026-05-26")),
            Some(d("2026-06-02")),
            Some(d("2026-06-09")),
            Some(d("2026-06-23")),
            Some(d("2026-07-07")),
        ];
        CancellationRequest {
            client: Client {
                kind: ClientType::Individual,
                signed: signed.map(d),
                force_majeure,
            },
            modules: modules_from_full_course(&catalogue(), dec("4000"), &starts),
            ..request(notified)
        }
    }

    #[test]
    fn a_withdrawal_within_the_legal_period_costs_nothing_whatever_the_bands() {
        // Signed Friday 15 May 2026: the tenth day is Whit Monday 25 May, so the period runs
        // to Tuesday 26 May, the first day of the training. Notified that day: under the CGV
        // module 1 would be due in full; withdrawn, nothing is due.
        let out = assess(&trainee_who_pays("2026-05-26", Some("2026-05-15"), false));
        assert_eq!(out.case, Case::Withdrawal);
        assert_eq!(out.withdrawal_end, Some(d("2026-05-26")));
        assert_eq!(out.fee_ht, Decimal::ZERO);
        assert_eq!(out.fee_ttc, Decimal::ZERO);
        assert!(
            out.explanations[0].contains("aucune somme n'est due"),
            "{:?}",
            out.explanations
        );
        // The day after, the period is over: the CGV apply (modules started are due).
        let out = assess(&trainee_who_pays("2026-05-27", Some("2026-05-15"), false));
        assert_eq!(out.case, Case::Interruption);
        assert!(out.fee_ht > Decimal::ZERO);
        assert!(out
            .explanations
            .iter()
            .any(|e| e.contains("a pris fin le mardi 26 mai 2026")));
        // The payment limits: nothing before Wednesday 27 May, then at most 30 % of
        // 4 800,00 € TTC, 1 440,00 €.
        let payment = out.payment.expect("the contract's signature is given");
        assert_eq!(payment.first_day, d("2026-05-27"));
        assert_eq!(payment.first_max_ttc, dec("1440.00"));
        // A company is not covered by the law's withdrawal: the band applies.
        let mut company = trainee_who_pays("2026-05-16", Some("2026-05-15"), false);
        company.client.kind = ClientType::Company;
        company.modules.clear();
        let out = assess(&company);
        assert_eq!(out.case, Case::BeforeStart);
        assert_eq!(out.fee_ht, dec("4000.00"));
        assert_eq!(out.withdrawal_end, None);
    }

    #[test]
    fn force_majeure_charges_only_the_days_attended() {
        // SPEC's example: modules 1 and 2 and the first day of module 3 attended (notified
        // Wednesday 10 June 2026): 615,39 + 615,38 + 615,385 = 1 846,16 € HT, where the
        // CGV would charge every module started (3 076,93 € HT, modules 4 and 5 at 0 % and
        // 100 %).
        let out = assess(&trainee_who_pays("2026-06-10", Some("2026-04-01"), true));
        assert_eq!(out.case, Case::ForceMajeure);
        assert_eq!(out.fee_ht, dec("1846.16"));
        assert_eq!(out.fee_ttc, dec("2215.39"));
        assert_eq!(out.totals, None);
        assert!(out.explanations.iter().any(|e| e.contains("L6353-7")));
        // Before the start, nothing was delivered: nothing is due.
        let out = assess(&trainee_who_pays("2026-05-20", None, true));
        assert_eq!(out.case, Case::ForceMajeure);
        assert_eq!(out.fee_ht, Decimal::ZERO);
        // Only a trainee who pays: a company with the box ticked follows the CGV.
        let mut company = trainee_who_pays("2026-06-10", None, true);
        company.client.kind = ClientType::Company;
        assert_eq!(assess(&company).case, Case::Interruption);
    }

    #[test]
    fn a_cpf_holder_gets_the_platform_deadline_and_no_figure() {
        let mut req = request("2026-05-16");
        req.client.kind = ClientType::Cpf;
        let out = assess(&req);
        assert_eq!(out.case, Case::Cpf);
        assert_eq!(out.cpf_free_until, Some(d("2026-05-11")));
        assert_eq!(out.fee_ht, Decimal::ZERO);
        assert!(out
            .explanations
            .iter()
            .any(|e| e.contains("lundi 11 mai 2026")));
    }

    #[test]
    fn counted_days_are_the_jours_ouvrables_shown() {
        let out = assess(&request("2026-05-03"));
        assert_eq!(out.counted_days.len(), 16);
        assert_eq!(out.counted_days.first(), Some(&d("2026-05-04")));
        assert_eq!(out.counted_days.last(), Some(&d("2026-05-23")));
        assert_eq!(out.holidays_skipped.len(), 3);
        let mut long = request("2025-01-02");
        long.start = d("2026-05-26");
        let out = assess(&long);
        assert_eq!(out.counted_days.len(), COUNTED_DAYS_CAP);
        assert!(out.working_days > 300);
    }

    #[test]
    fn vat_on_the_fee_is_rounded_half_away_from_zero() {
        let mut req = request("2026-05-04");
        req.amount_ht = dec("1234.57");
        let out = assess(&req);
        assert_eq!(out.fee_ht, dec("617.29"));
        assert_eq!(out.fee_vat, dec("123.46"));
        assert_eq!(out.fee_ttc, dec("740.75"));
    }

    #[test]
    fn exempt_booking_has_no_vat_on_the_fee() {
        let mut req = request("2026-05-16");
        req.vat_rate = Decimal::ZERO;
        let out = assess(&req);
        assert_eq!(out.fee_vat, Decimal::ZERO);
        assert_eq!(out.fee_ttc, dec("4000"));
    }

    #[test]
    fn postponing_needs_seven_calendar_days() {
        let out = assess(&request("2026-05-18"));
        assert_eq!(out.calendar_days, 7);
        assert!(out.postpone_possible);
        assert!(out
            .explanations
            .iter()
            .any(|e| e.contains("possible sans frais")));
        let out = assess(&request("2026-05-19"));
        assert_eq!(out.calendar_days, 6);
        assert!(!out.postpone_possible);
        assert!(out
            .explanations
            .iter()
            .any(|e| e.contains("impossible") && e.contains("lundi 18 mai 2026")));
    }

    #[test]
    fn opco_funding_gets_its_deadline_and_no_fee_funding() {
        let mut req = request("2026-05-16");
        req.funding = FundingChoice::Opco;
        let out = assess(&req);
        assert!(out
            .explanations
            .iter()
            .any(|e| e.contains("vendredi 22 mai 2026") && e.contains("refuser l'entrée")));
        assert!(out
            .explanations
            .iter()
            .any(|e| e.contains("ne peuvent faire l'objet d'une demande de prise en charge")));
    }

    fn full_course_request(notified: &str, funding: FundingChoice) -> CancellationRequest {
        let starts = [
            Some(d("2026-05-26")),
            Some(d("2026-05-27")),
            Some(d("2026-05-28")),
            Some(d("2026-06-08")),
            Some(d("2026-06-24")),
        ];
        CancellationRequest {
            funding,
            client: crate::domain::individual::Client::default(),
            modules: modules_from_full_course(&catalogue(), dec("4000"), &starts),
            ..request(notified)
        }
    }

    #[test]
    fn interruption_splits_attended_days_from_absences() {
        let out = assess(&full_course_request("2026-05-29", FundingChoice::Opco));
        assert_eq!(out.case, Case::Interruption);
        let status: Vec<ModuleStatus> = out.modules.iter().map(|l| l.status).collect();
        assert_eq!(
            status,
            [
                ModuleStatus::AttendedInFull,
                ModuleStatus::AttendedInFull,
                ModuleStatus::Started,
                ModuleStatus::NotStarted,
                ModuleStatus::NotStarted,
            ]
        );
        let m3 = &out.modules[2];
        assert_eq!((m3.attended_days, m3.absence_days), (dec("1"), dec("1")));
        assert_eq!(
            (m3.attended_ht, m3.client_only_ht),
            (dec("615.39"), dec("615.38"))
        );
        assert_eq!(m3.due_ht, dec("1230.77"));
        let m4 = &out.modules[3];
        assert_eq!(m4.working_days, Some(7));
        assert_eq!(m4.band, Some(FeeBand::HalfFee));
        assert_eq!(m4.due_ht, dec("615.39"));
        let m5 = &out.modules[4];
        assert_eq!(m5.working_days, Some(21));
        assert_eq!(m5.due_ht, Decimal::ZERO);
        let totals = out.totals.clone().expect("interruption totals");
        assert_eq!(totals.due_ht, dec("3076.93"));
        assert_eq!(totals.attended_ht, dec("1846.16"));
        assert_eq!(totals.opco_chargeable_ht, Some(dec("1846.16")));
        assert_eq!(totals.client_only_ht, dec("1230.77"));
        assert_eq!(totals.attended_ht + totals.client_only_ht, totals.due_ht);
        assert_eq!(out.fee_ht, dec("3076.93"));
        assert_eq!(out.fee_vat, dec("615.39"));
        assert_eq!(out.fee_ttc, dec("3692.32"));
        assert_eq!(out.basis_ht, dec("4000"));
        assert!(out
            .explanations
            .iter()
            .any(|e| e.contains("ni faire l'objet d'une demande de prise en charge par un OPCO")));
    }

    #[test]
    fn without_opco_nothing_is_opco_chargeable() {
        let out = assess(&full_course_request("2026-05-29", FundingChoice::Aucun));
        let totals = out.totals.expect("interruption totals");
        assert_eq!(totals.opco_chargeable_ht, None);
        assert_eq!(totals.attended_ht, dec("1846.16"));
    }

    #[test]
    fn module_starting_on_the_notification_day_is_due_in_full_as_absence() {
        let mut req = request("2026-05-28");
        req.modules = vec![module(3, "2", "1500", Some("2026-05-28"))];
        req.amount_ht = req.modules.iter().map(|m| m.amount_ht).sum();
        let out = assess(&req);
        let line = &out.modules[0];
        assert_eq!(line.status, ModuleStatus::Started);
        assert_eq!(line.attended_days, Decimal::ZERO);
        assert_eq!(line.client_only_ht, dec("1500"));
        assert_eq!(out.fee_ht, dec("1500"));
    }

    #[test]
    fn module_days_skip_sundays_and_holidays() {
        // Two days from Wednesday 13 May 2026: the 13th and Friday 15th (Ascension on 14th).
        let mut req = request("2026-05-15");
        req.start = d("2026-05-13");
        req.modules = vec![module(4, "2", "1500", None)];
        req.amount_ht = req.modules.iter().map(|m| m.amount_ht).sum();
        let out = assess(&req);
        let line = &out.modules[0];
        assert!(line.start_assumed);
        assert_eq!(
            (line.attended_days, line.absence_days),
            (dec("1"), dec("1"))
        );
        req.notified = d("2026-05-16");
        let line = &assess(&req).modules[0];
        assert_eq!(line.status, ModuleStatus::AttendedInFull);
        assert_eq!(line.attended_ht, dec("1500"));
    }

    #[test]
    fn half_day_module_counts_half_a_day() {
        let mut req = request("2026-06-25");
        req.modules = vec![module(5, "0.5", "400", Some("2026-06-24"))];
        req.amount_ht = req.modules.iter().map(|m| m.amount_ht).sum();
        let line = &assess(&req).modules[0];
        assert_eq!(line.status, ModuleStatus::AttendedInFull);
        assert_eq!(line.attended_days, dec("0.5"));
        req.modules = vec![module(9, "1.5", "900", Some("2026-06-24"))];
        req.amount_ht = dec("900");
        let line = &assess(&req).modules[0];
        assert_eq!(
            (line.attended_days, line.absence_days),
            (dec("1"), dec("0.5"))
        );
        assert_eq!(
            (line.attended_ht, line.client_only_ht),
            (dec("600"), dec("300"))
        );
    }

    #[test]
    fn interruption_without_modules_is_one_block_due_in_full() {
        let out = assess(&request("2026-05-27"));
        assert_eq!(out.case, Case::Interruption);
        assert_eq!(out.modules.len(), 1);
        assert_eq!(out.modules[0].status, ModuleStatus::Block);
        assert_eq!(out.fee_ht, dec("4000"));
        assert_eq!(out.rate, Decimal::ONE);
        let totals = out.totals.expect("totals");
        assert_eq!(totals.unsplit_ht, dec("4000"));
        assert_eq!(out.working_days, 0);
        assert!(out.counted_days.is_empty());
    }

    #[test]
    fn notified_on_the_start_day_is_an_interruption() {
        let out = assess(&request("2026-05-26"));
        assert_eq!(out.case, Case::Interruption);
        assert_eq!(out.band, None);
    }

    #[test]
    fn an_amount_typed_apart_from_the_lines_splits_them_again_and_says_so() {
        // Audit finding 1: start Tuesday 26 May 2026, notified Thursday 28 May, « Montant
        // HT » typed 3 000 while the lines stay those of the 4 000 € quote.
        let mut req = request("2026-05-28");
        req.amount_ht = dec("3000");
        req.modules = modules_from_full_course(&catalogue(), dec("4000"), &[]);
        let out = assess(&req);
        let amounts: Vec<Decimal> = out.modules.iter().map(|l| l.amount_ht).collect();
        assert_eq!(
            amounts,
            ["461.54", "461.54", "923.08", "923.07", "230.77"].map(dec)
        );
        let totals = out.totals.clone().unwrap();
        assert_eq!(out.basis_ht, dec("3000"));
        assert_eq!(out.fee_ht, dec("3000"));
        assert_eq!(totals.attended_ht, dec("923.08"));
        assert_eq!(totals.client_only_ht, dec("2076.92"));
        assert_eq!(out.lines_resplit, Some((dec("3000"), dec("4000"))));
        let said = resplit_fr(dec("3000"), dec("4000"));
        assert!(said.starts_with(&format!(
            "Le montant HT saisi ({} HT) diffère de la somme des lignes ({} HT)",
            format_eur(dec("3000")),
            format_eur(dec("4000"))
        )));
        assert!(out.explanations.contains(&said));
    }

    #[test]
    fn lines_that_add_up_to_the_amount_are_kept() {
        let mut req = request("2026-05-27");
        req.amount_ht = dec("800");
        req.modules = vec![module(1, "1", "800", None)];
        let out = assess(&req);
        assert_eq!(out.basis_ht, dec("800"));
        assert_eq!(out.lines_resplit, None);
        assert_eq!(out.modules[0].amount_ht, dec("800"));
    }

    #[test]
    fn a_start_on_a_holiday_or_a_weekend_counts_from_the_next_training_day() {
        // Audit finding 2: start Whit Monday 25 May 2026 (or Saturday 23 May), notified
        // Tuesday 26 May: the first training day is the 26th, so nothing was attended.
        for typed in ["2026-05-25", "2026-05-23"] {
            let mut req = request("2026-05-26");
            req.start = d(typed);
            req.modules = modules_from_full_course(&catalogue(), dec("4000"), &[]);
            let out = assess(&req);
            assert_eq!(out.start, d("2026-05-26"), "{typed}");
            assert_eq!(out.start_moved_from, Some(d(typed)));
            let totals = out.totals.clone().unwrap();
            assert_eq!(totals.attended_ht, Decimal::ZERO, "{typed}");
            assert_eq!(out.modules[0].start, d("2026-05-26"));
            assert_eq!(out.modules[0].attended_days, Decimal::ZERO);
            assert_eq!(totals.attended_ht + totals.client_only_ht, totals.due_ht);
        }
        let mut req = request("2026-05-26");
        req.start = d("2026-05-25");
        let first = &assess(&req).explanations[0];
        assert!(
            first.starts_with(
                "Début de la formation : le lundi 25 mai 2026 est un jour férié (Lundi de Pentecôte)"
            ),
            "{first}"
        );
        assert!(first.contains("le calcul part du mardi 26 mai 2026, jour de formation suivant"));
        req.start = d("2026-05-23");
        assert!(assess(&req).explanations[0].contains("le samedi 23 mai 2026 tombe un week-end"));
    }

    #[test]
    fn a_start_moved_to_a_training_day_moves_the_fee_count_too() {
        // Typed Saturday 16 May 2026: the training starts Monday 18 May; notified Friday
        // 8 May, the jours ouvrables are counted up to the 18th (9, 11, 12, 13, 15, 16 May).
        let mut req = request("2026-05-08");
        req.start = d("2026-05-16");
        let out = assess(&req);
        assert_eq!(out.start, d("2026-05-18"));
        assert_eq!(out.working_days, 6);
        assert_eq!(out.band, Some(FeeBand::FullFee));
    }

    #[test]
    fn a_module_date_typed_on_a_holiday_is_held_the_next_training_day() {
        // Module 1 typed on Ascension, Thursday 14 May 2026: held Friday 15 May; notified
        // that Friday, nothing of it was attended.
        let mut req = request("2026-05-15");
        req.start = d("2026-05-13");
        req.amount_ht = dec("800");
        req.modules = vec![module(1, "1", "800", Some("2026-05-14"))];
        let out = assess(&req);
        let line = &out.modules[0];
        assert_eq!(line.start, d("2026-05-15"));
        assert_eq!(line.moved_from, Some(d("2026-05-14")));
        assert_eq!(line.attended_days, Decimal::ZERO);
        assert!(line
            .explanation
            .contains("date saisie : le jeudi 14 mai 2026 est un jour férié (Ascension)"));
    }

    #[test]
    fn the_opco_part_is_shown_at_zero() {
        // Audit finding 4: OPCO funding, start and notification the same day.
        let mut req = full_course_request("2026-05-26", FundingChoice::Opco);
        req.notified = req.start;
        let totals = assess(&req).totals.unwrap();
        assert_eq!(totals.opco_chargeable_ht, Some(Decimal::ZERO));
    }

    #[test]
    fn undated_modules_follow_each_other_and_only_module_1_is_attended_a_day_in() {
        // Issue 11, point 1: the default quote (full course, 1 trainee), start Tuesday
        // 26 May 2026, notified Wednesday 27 May, no module date typed. Module 1 took
        // place on the 26th; module 2 is assumed on the 27th (started on the notification
        // day: an absence), module 3 on Thursday 28 and Friday 29, module 4 on Monday 1 and
        // Tuesday 2 June, module 5 on Wednesday 3 June.
        let mut req = request("2026-05-27");
        req.funding = FundingChoice::Opco;
        req.modules = modules_from_full_course(&catalogue(), dec("4000"), &[]);
        let out = assess(&req);
        let starts: Vec<(NaiveDate, bool)> = out
            .modules
            .iter()
            .map(|l| (l.start, l.start_assumed))
            .collect();
        assert_eq!(
            starts,
            [
                (d("2026-05-26"), true),
                (d("2026-05-27"), true),
                (d("2026-05-28"), true),
                (d("2026-06-01"), true),
                (d("2026-06-03"), true),
            ]
        );
        let totals = out.totals.clone().expect("totals");
        assert_eq!(totals.attended_ht, dec("615.39"));
        assert_eq!(totals.opco_chargeable_ht, Some(dec("615.39")));
        assert_eq!(totals.client_only_ht, dec("3384.61"));
        assert_eq!(out.fee_ht, dec("4000"));
        assert_eq!(out.modules[0].status, ModuleStatus::AttendedInFull);
        assert_eq!(out.modules[1].status, ModuleStatus::Started);
        assert_eq!(out.modules[1].attended_days, Decimal::ZERO);
        assert_eq!(out.modules[2].status, ModuleStatus::NotStarted);
        let said = out
            .explanations
            .iter()
            .find(|e| e.starts_with("Dates supposées"))
            .expect("the assumed dates are said");
        assert!(said.contains("Module 2 le mercredi 27 mai 2026"), "{said}");
        assert!(said.contains("Module 5 le mercredi 3 juin 2026"), "{said}");
    }

    #[test]
    fn a_typed_module_date_moves_the_undated_ones_after_it() {
        // Module 3 typed on Monday 8 June: module 4 follows on 10 June (after 8 and 9),
        // module 5 on 12 June; modules 1 and 2 keep their assumed dates.
        let mut starts = vec![None; 5];
        starts[2] = Some(d("2026-06-08"));
        let lines = modules_from_full_course(&catalogue(), dec("4000"), &starts);
        let got: Vec<Option<(NaiveDate, bool)>> = schedule(d("2026-05-26"), &lines)
            .into_iter()
            .map(|s| s.map(|s| (s.start, s.assumed)))
            .collect();
        assert_eq!(
            got,
            [
                Some((d("2026-05-26"), true)),
                Some((d("2026-05-27"), true)),
                Some((d("2026-06-08"), false)),
                Some((d("2026-06-10"), true)),
                Some((d("2026-06-12"), true)),
            ]
        );
    }

    #[test]
    fn coaching_comes_after_the_last_module() {
        let mut lines = modules_from_full_course(&catalogue(), dec("4000"), &[]);
        lines.push(ModuleBooking {
            kind: BookingKind::Coaching,
            number: 0,
            label: "Accompagnement".to_string(),
            days: dec("2"),
            amount_ht: dec("2000"),
            start: None,
        });
        let got = schedule(d("2026-05-26"), &lines);
        // Module 5 (half a day) takes Wednesday 3 June; the coaching Thursday 4 June.
        assert_eq!(
            got[5].map(|s| (s.start, s.assumed)),
            Some((d("2026-06-04"), true))
        );
        let mut req = request("2026-06-05");
        req.amount_ht = dec("6000");
        req.modules = lines;
        let out = assess(&req);
        let coaching = &out.modules[5];
        assert_eq!(coaching.kind, BookingKind::Coaching);
        assert_eq!(
            (coaching.attended_days, coaching.absence_days),
            (dec("1"), dec("1"))
        );
        assert_eq!(out.basis_ht, dec("6000"));
        assert!(coaching.explanation.starts_with("Accompagnement"));
    }

    #[test]
    fn saturday_is_not_a_training_day() {
        // Issue 11, point 2: a 2-day module from Friday 5 June 2026, notified Monday
        // 8 June: its second day is that Monday, not Saturday 6: one day attended, one
        // day of absence.
        let mut req = request("2026-06-08");
        req.start = d("2026-06-05");
        req.modules = vec![module(3, "2", "1500", Some("2026-06-05"))];
        req.amount_ht = req.modules.iter().map(|m| m.amount_ht).sum();
        let line = &assess(&req).modules[0];
        assert_eq!(line.status, ModuleStatus::Started);
        assert_eq!(
            (line.attended_days, line.absence_days),
            (dec("1"), dec("1"))
        );
        assert_eq!(
            (line.attended_ht, line.client_only_ht),
            (dec("750"), dec("750"))
        );
        assert!(calendar::is_jour_ouvrable(d("2026-06-06")));
        assert!(!calendar::is_training_day(d("2026-06-06")));
    }

    fn priced(formula: crate::domain::pricing::Formula, coaching_days: u32) -> Quote {
        use crate::domain::pricing::{price_quote, QuoteRequest};
        let mut request = QuoteRequest::default_for(formula, d("2026-05-01"));
        request.coaching_days = coaching_days;
        price_quote(&catalogue(), &request).expect("a valid quote")
    }

    #[test]
    fn the_fee_basis_leaves_the_certification_out() {
        // Issue 11, point 3: full course with certification (4 500 € HT on the quote):
        // the basis is the 4 000 € of training, before and after the start alike.
        use crate::domain::pricing::Formula;
        let quote = priced(Formula::Full, 0);
        let price = catalogue().prices.full_course_ht;
        let certification = catalogue().prices.certification_ht;
        assert_eq!(quote.total_ht, price + certification);
        let booking = booking_from_quote(&catalogue(), &quote);
        assert_eq!(booking.basis_ht, price);
        assert_eq!(booking.certification_ht, certification);
        assert_eq!(booking.source, BookingSource::FullCourseQuote);
        assert_eq!(booking.lines.len(), 5);
        let mut before = request("2026-05-04");
        before.amount_ht = booking.basis_ht;
        let before = assess(&before);
        assert_eq!(before.fee_ht, round_cents(price / Decimal::TWO));
        assert!(before.explanations.iter().any(|e| e == FEE_BASIS_FR));
        let mut after = request("2026-05-27");
        after.amount_ht = booking.basis_ht;
        after.modules = booking.lines.clone();
        let after = assess(&after);
        assert_eq!(after.basis_ht, before.basis_ht);
        assert!(!after
            .explanations
            .iter()
            .any(|e| e.contains("et non sur le montant saisi")));
    }

    #[test]
    fn the_fee_basis_counts_the_coaching_and_the_modules_of_a_modular_quote() {
        use crate::domain::pricing::Formula;
        let quote = priced(Formula::Modular(vec![1, 3]), 2);
        let booking = booking_from_quote(&catalogue(), &quote);
        let kinds: Vec<(BookingKind, u8)> =
            booking.lines.iter().map(|l| (l.kind, l.number)).collect();
        assert_eq!(
            kinds,
            [
                (BookingKind::Module, 1),
                (BookingKind::Module, 3),
                (BookingKind::Coaching, 0)
            ]
        );
        let coaching = catalogue().prices.coaching_per_day_ht * Decimal::TWO;
        assert_eq!(booking.lines[2].amount_ht, coaching);
        assert_eq!(booking.lines[2].days, dec("2"));
        assert_eq!(booking.basis_ht, quote.total_ht - booking.certification_ht);
        assert_eq!(booking.source, BookingSource::ModularQuote);
    }

    #[test]
    fn co_sens_adjourning_owes_nothing() {
        let mut req = request("2026-05-20");
        req.who = Who::CoSensAdjourns;
        let out = assess(&req);
        assert_eq!(out.case, Case::Adjourned);
        assert_eq!(
            (out.fee_ht, out.fee_ttc, out.rate),
            (Decimal::ZERO, Decimal::ZERO, Decimal::ZERO)
        );
        assert!(out
            .explanations
            .iter()
            .any(|e| e.contains("une semaine avant")));
        assert!(out
            .explanations
            .iter()
            .any(|e| e.contains("après cette limite")));
        req.notified = d("2026-05-19");
        let out = assess(&req);
        assert!(!out
            .explanations
            .iter()
            .any(|e| e.contains("après cette limite")));
    }

    #[test]
    fn cpf_follows_mon_compte_formation_and_computes_nothing() {
        let mut req = request("2026-05-16");
        req.funding = FundingChoice::Cpf;
        let out = assess(&req);
        assert_eq!(out.case, Case::Cpf);
        assert_eq!(out.fee_ht, Decimal::ZERO);
        assert_eq!(out.band, None);
        assert!(out.explanations[0].contains("Mon Compte Formation"));
    }

    #[test]
    fn full_course_splits_per_module_by_days() {
        let starts = [Some(d("2026-05-26")), None];
        let modules = modules_from_full_course(&catalogue(), dec("4000"), &starts);
        let amounts: Vec<Decimal> = modules.iter().map(|m| m.amount_ht).collect();
        assert_eq!(
            amounts,
            ["615.39", "615.38", "1230.77", "1230.77", "307.69"]
                .map(dec)
                .to_vec()
        );
        assert_eq!(modules[0].start, Some(d("2026-05-26")));
        assert!(modules[1..].iter().all(|m| m.start.is_none()));
        assert_eq!(modules[4].days, dec("0.5"));
    }

    #[test]
    fn the_adjournment_notice_comes_from_the_catalogue() {
        let mut cat = catalogue();
        assert_eq!(adjourn_notice_fr(&cat.cancellation), "une semaine");
        let dl = deadlines(&cat.cancellation, d("2026-05-26"));
        assert_eq!(dl.adjourn, Some(d("2026-05-19")));
        cat.cancellation.adjourn_notice_days = 10;
        assert_eq!(adjourn_notice_fr(&cat.cancellation), "10 jours");
        let dl = deadlines(&cat.cancellation, d("2026-05-26"));
        assert_eq!(dl.adjourn, Some(d("2026-05-16")));
        cat.cancellation.adjourn_notice_days = 14;
        assert_eq!(adjourn_notice_fr(&cat.cancellation), "2 semaines");
        let mut req = request("2026-05-18");
        req.who = Who::CoSensAdjourns;
        let out = assess_cancellation(&cat, &req).unwrap();
        assert!(out.explanations.iter().any(|e| e
            .contains("au plus tard 2 semaines avant la date prévue, soit le mardi 12 mai 2026")));
    }

    #[test]
    fn thresholds_come_from_the_catalogue() {
        let mut cat = catalogue();
        cat.cancellation.no_fee_above_working_days = 10;
        cat.cancellation.half_fee_from_working_days = 5;
        cat.cancellation.half_fee_rate = dec("0.30");
        let out = assess_cancellation(&cat, &request("2026-05-04")).unwrap();
        assert_eq!(out.band, Some(FeeBand::NoFee));
        let out = assess_cancellation(&cat, &request("2026-05-15")).unwrap();
        assert_eq!(out.band, Some(FeeBand::HalfFee));
        assert_eq!(out.fee_ht, dec("1200"));
        assert!(out.explanations[0].contains("entre 10 et 5 jours ouvrables"));
    }

    #[test]
    fn bad_requests_are_refused_in_french() {
        let cat = catalogue();
        let check = |req: CancellationRequest, expected: CancellationError, word: &str| {
            let e = assess_cancellation(&cat, &req).unwrap_err();
            assert_eq!(e, expected);
            assert!(e.message().contains(word), "{}", e.message());
            assert_eq!(e.to_string(), e.message());
        };
        let mut r = request("2026-05-04");
        r.amount_ht = dec("-1");
        check(r, CancellationError::NegativeAmount, "négatif");
        let mut r = request("2026-05-04");
        r.amount_ht = dec("1000000000000.01");
        check(r, CancellationError::AmountTooLarge, "maximum");
        let mut r = request("2026-05-04");
        r.vat_rate = Decimal::ONE;
        check(r, CancellationError::InvalidVatRate, "TVA");
        let mut r = request("2026-05-04");
        r.start = d("1899-12-31");
        check(r, CancellationError::StartOutOfRange, "1900");
        let mut r = request("2201-01-01");
        r.start = d("2026-05-26");
        check(r, CancellationError::NotificationOutOfRange, "notification");
        let mut r = request("2026-05-27");
        r.modules = vec![module(2, "0", "800", None)];
        check(
            r,
            CancellationError::ModuleInvalidDays { number: 2 },
            "Module 2",
        );
        let mut r = request("2026-05-27");
        r.modules = vec![module(3, "1", "-800", None)];
        check(
            r,
            CancellationError::ModuleNegativeAmount { number: 3 },
            "négatif",
        );
        let mut r = request("2026-05-27");
        r.modules = vec![module(4, "1", "800", Some("3000-01-01"))];
        check(
            r,
            CancellationError::ModuleStartOutOfRange { number: 4 },
            "Module 4",
        );
        let mut r = request("2026-05-27");
        r.modules = (0..=MAX_MODULES)
            .map(|_| module(1, "1", "1", None))
            .collect();
        check(r, CancellationError::TooManyModules, "modules");
    }

    #[test]
    fn max_amount_is_one_trillion() {
        assert_eq!(MAX_AMOUNT, dec("1000000000000"));
        assert_eq!(MAX_MODULE_DAYS, dec("366"));
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod properties {
    use super::*;
    use chrono::Datelike;
    use proptest::prelude::*;

    fn catalogue() -> Catalogue {
        Catalogue::fixture()
    }

    fn date_in(from_year: i32, to_year: i32) -> impl Strategy<Value = NaiveDate> {
        let lo = NaiveDate::from_ymd_opt(from_year, 1, 1)
            .unwrap()
            .num_days_from_ce();
        let hi = NaiveDate::from_ymd_opt(to_year, 12, 31)
            .unwrap()
            .num_days_from_ce();
        (lo..=hi).prop_map(|n| NaiveDate::from_num_days_from_ce_opt(n).unwrap())
    }

    fn any_date() -> impl Strategy<Value = NaiveDate> {
        let lo = NaiveDate::MIN.num_days_from_ce();
        let hi = NaiveDate::MAX.num_days_from_ce();
        prop_oneof![
            (lo..=hi).prop_map(|n| NaiveDate::from_num_days_from_ce_opt(n).unwrap()),
            date_in(1890, 2210),
        ]
    }

    fn any_decimal() -> impl Strategy<Value = Decimal> {
        (any::<i64>(), 0u32..=28).prop_map(|(n, scale)| Decimal::new(n, scale))
    }

    fn request(start: NaiveDate, notified: NaiveDate) -> CancellationRequest {
        CancellationRequest {
            start,
            notified,
            amount_ht: Decimal::new(4000, 0),
            vat_rate: Decimal::new(20, 2),
            who: Who::ClientCancels,
            funding: FundingChoice::Aucun,
            client: crate::domain::individual::Client::default(),
            modules: Vec::new(),
        }
    }

    proptest! {
        #[test]
        fn fee_rate_never_falls_as_the_notification_gets_later(
            start in date_in(1950, 2150),
            a in 0i64..80,
            b in 0i64..80,
        ) {
            let cat = catalogue();
            let (early, late) = (a.max(b), a.min(b));
            let at = |k: i64| {
                let notified = start - TimeDelta::days(k) + TimeDelta::days(3);
                assess_cancellation(&cat, &request(start, notified)).unwrap()
            };
            let (early, late) = (at(early), at(late));
            prop_assert!(early.rate <= late.rate, "{:?} then {:?}", early.rate, late.rate);
            prop_assert!(early.fee_ht <= late.fee_ht);
        }

        #[test]
        fn deadlines_are_exactly_where_the_band_changes(typed in date_in(1901, 2200)) {
            let cat = catalogue();
            let start = training_day_from(typed).unwrap();
            let band_on = |notified: NaiveDate| {
                assess_cancellation(&cat, &request(typed, notified)).unwrap().band
            };
            let dl = deadlines(&cat.cancellation, start);
            let no_fee = dl.no_fee.unwrap();
            let half = dl.half.unwrap();
            prop_assert_eq!(band_on(no_fee), Some(FeeBand::NoFee));
            prop_assert_eq!(band_on(no_fee.succ_opt().unwrap()), Some(FeeBand::HalfFee));
            prop_assert_eq!(band_on(half), Some(FeeBand::HalfFee));
            prop_assert_eq!(band_on(half.succ_opt().unwrap()), Some(FeeBand::FullFee));
            let postpone = dl.postpone.unwrap();
            let ok = |n: NaiveDate| {
                assess_cancellation(&cat, &request(typed, n)).unwrap().postpone_possible
            };
            prop_assert!(ok(postpone));
            prop_assert!(!ok(postpone.succ_opt().unwrap()));
        }

        #[test]
        fn interruption_lines_add_up(
            notified_offset in -5i64..30,
            starts in prop::collection::vec(prop::option::of(0i64..30), 5),
            cents in 0i64..100_000_000,
            opco in any::<bool>(),
        ) {
            let cat = catalogue();
            let start = NaiveDate::from_ymd_opt(2026, 5, 26).unwrap();
            let starts: Vec<Option<NaiveDate>> =
                starts.iter().map(|o| o.map(|k| start + TimeDelta::days(k))).collect();
            let mut req = request(start, start + TimeDelta::days(notified_offset.max(0)));
            req.modules = modules_from_full_course(&cat, Decimal::new(cents, 2), &starts);
            req.funding = if opco { FundingChoice::Opco } else { FundingChoice::Aucun };
            let out = assess_cancellation(&cat, &req).unwrap();
            let totals = out.totals.unwrap();
            prop_assert_eq!(totals.attended_ht + totals.client_only_ht, totals.due_ht);
            prop_assert_eq!(out.fee_ht, totals.due_ht);
            prop_assert!(out.fee_ht <= out.basis_ht);
            for line in &out.modules {
                prop_assert_eq!(line.attended_days + line.absence_days <= line.days, true);
                prop_assert!(line.due_ht <= line.amount_ht);
            }
        }

        #[test]
        fn attendance_never_exceeds_what_was_held_before_the_notification(
            start in date_in(2020, 2030),
            notified_offset in 0i64..40,
            starts in prop::collection::vec(prop::option::of(-3i64..40), 5),
            coaching in prop::option::of((1u32..=3, prop::option::of(0i64..45))),
            opco in any::<bool>(),
        ) {
            let cat = catalogue();
            // (A start that is not a training day: see the next property.)
            let start = training_day_from(start).unwrap();
            let notified = start + TimeDelta::days(notified_offset);
            let starts: Vec<Option<NaiveDate>> =
                starts.iter().map(|o| o.map(|k| start + TimeDelta::days(k))).collect();
            let mut lines = modules_from_full_course(&cat, cat.prices.full_course_ht, &starts);
            if let Some((days, offset)) = coaching {
                lines.push(ModuleBooking {
                    kind: BookingKind::Coaching,
                    number: 0,
                    label: String::new(),
                    days: Decimal::from(days),
                    amount_ht: cat.prices.coaching_per_day_ht * Decimal::from(days),
                    start: offset.map(|k| start + TimeDelta::days(k)),
                });
            }
            let mut req = request(start, notified);
            req.amount_ht = lines.iter().map(|l| l.amount_ht).sum();
            req.modules = lines;
            req.funding = if opco { FundingChoice::Opco } else { FundingChoice::Aucun };
            let out = assess_cancellation(&cat, &req).unwrap();
            let totals = out.totals.clone().unwrap();
            let mut held_before = Decimal::ZERO;
            for line in &out.modules {
                // What was held before the notification: the line's days from its start
                // (its start date, then training days) that fall before the notification.
                let mut held = Decimal::ZERO;
                let mut day = line.start;
                let mut left = line.days;
                while left > Decimal::ZERO && day < notified {
                    let w = left.min(Decimal::ONE);
                    held += w;
                    left -= w;
                    day = calendar::next_training_day(day).unwrap();
                }
                prop_assert!(line.attended_days <= held);
                if line.start >= notified {
                    prop_assert_eq!(line.attended_days, Decimal::ZERO);
                }
                if !line.days.is_zero() {
                    held_before += line.amount_ht * held / line.days;
                }
            }
            // Rounding of each share to the cent: at most a cent a line.
            let slack = Decimal::new(out.modules.len() as i64, 2);
            prop_assert!(totals.attended_ht <= held_before + slack);
            prop_assert_eq!(totals.opco_chargeable_ht, opco.then_some(totals.attended_ht));
            prop_assert_eq!(totals.unsplit_ht, Decimal::ZERO);
            prop_assert_eq!(totals.attended_ht + totals.client_only_ht, totals.due_ht);
            prop_assert_eq!(out.fee_ht, totals.due_ht);
            prop_assert!(out.fee_ht <= out.basis_ht);
        }

        #[test]
        fn no_fee_above_its_basis_and_nothing_attended_off_a_training_day(
            start in date_in(2020, 2030),
            notified_offset in -30i64..50,
            starts in prop::collection::vec(prop::option::of(-3i64..40), 5),
            lines_cents in 0i64..1_000_000,
            typed_cents in prop::option::of(0i64..1_000_000),
            opco in any::<bool>(),
            with_lines in any::<bool>(),
        ) {
            let cat = catalogue();
            let notified = start + TimeDelta::days(notified_offset);
            let starts: Vec<Option<NaiveDate>> =
                starts.iter().map(|o| o.map(|k| start + TimeDelta::days(k))).collect();
            let lines = modules_from_full_course(&cat, Decimal::new(lines_cents, 2), &starts);
            let mut req = request(start, notified);
            // « Montant HT » as prefilled (the lines' sum) or typed apart from the lines.
            req.amount_ht = typed_cents
                .map(|c| Decimal::new(c, 2))
                .unwrap_or_else(|| lines.iter().map(|l| l.amount_ht).sum());
            req.modules = if with_lines { lines } else { Vec::new() };
            req.funding = if opco { FundingChoice::Opco } else { FundingChoice::Aucun };
            let out = assess_cancellation(&cat, &req).unwrap();
            prop_assert!(out.fee_ht <= out.basis_ht, "{} > {}", out.fee_ht, out.basis_ht);
            prop_assert!(out.fee_ht <= req.amount_ht, "{} > {}", out.fee_ht, req.amount_ht);
            prop_assert!(calendar::is_training_day(out.start));
            if let Some(totals) = &out.totals {
                prop_assert_eq!(totals.attended_ht + totals.client_only_ht + totals.unsplit_ht, totals.due_ht);
                prop_assert_eq!(out.fee_ht, totals.due_ht);
            }
            for line in out.modules.iter().filter(|l| l.status != ModuleStatus::Block) {
                prop_assert!(calendar::is_training_day(line.start), "{:?}", line.start);
                // The attended days are the line's first training days, all before the
                // notification.
                let mut day = line.start;
                let mut left = line.attended_days;
                while left > Decimal::ZERO {
                    prop_assert!(calendar::is_training_day(day) && day < notified);
                    left -= left.min(Decimal::ONE);
                    day = calendar::next_training_day(day).unwrap();
                }
            }
        }

        #[test]
        fn nothing_panics_on_arbitrary_input(
            start in any_date(),
            notified in any_date(),
            amount in any_decimal(),
            vat in any_decimal(),
            who in prop_oneof![Just(Who::ClientCancels), Just(Who::CoSensAdjourns)],
            funding in prop_oneof![Just(FundingChoice::Aucun), Just(FundingChoice::Opco), Just(FundingChoice::Cpf)],
            modules in prop::collection::vec(
                (any::<u8>(), any_decimal(), any_decimal(), prop::option::of(any_date())),
                0..6,
            ),
        ) {
            let cat = catalogue();
            let req = CancellationRequest {
                start,
                notified,
                amount_ht: amount,
                vat_rate: vat,
                who,
                funding,
                client: crate::domain::individual::Client::default(),
                modules: modules
                    .into_iter()
                    .map(|(number, days, amount_ht, start)| ModuleBooking {
                        kind: if number == 0 { BookingKind::Coaching } else { BookingKind::Module },
                        number,
                        label: String::new(),
                        days,
                        amount_ht,
                        start,
                    })
                    .collect(),
            };
            match assess_cancellation(&cat, &req) {
                Ok(out) => prop_assert!(out.fee_ttc >= out.fee_ht),
                Err(e) => prop_assert!(!e.message().is_empty()),
            }
            let _ = modules_from_full_course(&cat, amount, &[Some(start)]);
            let _ = deadlines(&cat.cancellation, start);
        }
    }
}
