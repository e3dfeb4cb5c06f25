//! The catalogue's types, its reading from JSON and its checks. `build.rs` includes this
//! file (and the few domain files it uses) to check the data file at build time, with the
//! messages the tests see, before writing it out as Rust (see `super`): keep its `use`s to
//! those files, or add the new one to `build.rs`.

use std::fmt;

use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use crate::domain::calendar::{
    date_in_range, days_begun, holiday_name, is_training_day, next_training_day,
};
use crate::domain::draft::email_is_valid;
use crate::domain::fr::{format_date_fr, half_year_fr};

use super::sessions::{session_id_is_valid, Session, MAX_SESSION_ID_CHARS};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Catalogue {
    pub version: String,
    pub course: Course,
    pub modules: Vec<Module>,
    /// The scheduled sessions (`super::sessions`); none until the site owner publishes
    /// dates.
    #[serde(default)]
    pub sessions: Vec<Session>,
    /// Results of past sessions (satisfaction, success rate), each with its date: shown
    /// only when the file has them (Qualiopi, indicator 2); none is ever made up.
    #[serde(default)]
    pub past_results: Vec<PastResult>,
    pub prices: Prices,
    pub cpf_contributions: Vec<CpfContribution>,
    pub legal_interest_rates: Vec<LegalInterestRate>,
    pub late_payment: LatePaymentTerms,
    pub cancellation: CancellationTerms,
    /// The texts a signed devis or a training contract carries (`domain::agreement`).
    pub agreement: AgreementTexts,
    pub referents: Vec<Referent>,
    pub offices: Vec<Office>,
    pub declaration_note: String,
    pub opcos: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Course {
    pub code: String,
    pub title: String,
    pub brochure_version: String,
    pub registration: String,
    pub introduction: Vec<String>,
    pub audiences: Vec<String>,
    pub prerequisites: Vec<String>,
    pub access_note: String,
    pub aims: Vec<String>,
    pub modalities: Vec<String>,
    pub evaluation: Evaluation,
    pub total_days: Decimal,
    pub total_hours: Decimal,
    pub hours_per_day: Decimal,
    pub coaching_max_hours: Decimal,
    pub schedule: String,
    pub places: Vec<String>,
    pub modes: Vec<String>,
    /// The mode of `modes` that is taught at a distance (a session's place is then not
    /// where the trainee goes).
    pub remote_mode: String,
    /// The CGV's daily hours at the places they time (Paris); elsewhere the notice gives
    /// them.
    pub hours_by_place: Vec<PlaceHours>,
    pub cpf_eligible: bool,
    pub accessibility: String,
    pub enrolment_url: String,
    /// Where a draft's enrolment request is sent ("Envoyer par e-mail"): the Paris
    /// referent's address from the brochure.
    pub registration_email: String,
}

/// One published result of past sessions, as Co&Sens words it, with its date.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PastResult {
    #[serde(with = "crate::domain::calendar::iso_date")]
    pub date: NaiveDate,
    pub text: String,
}

/// The daily hours of the sessions held at `place`, in words.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PlaceHours {
    pub place: String,
    pub hours: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Evaluation {
    pub competences: u32,
    pub methods: Vec<String>,
    pub final_oral_hours: Decimal,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Module {
    pub number: u8,
    pub title: String,
    pub days: Decimal,
    pub price_ht: Decimal,
    pub programme: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Prices {
    pub full_course_ht: Decimal,
    pub modular_by_days: Vec<ModularTariff>,
    pub coaching_per_day_ht: Decimal,
    pub coaching_max_days: u8,
    pub certification_ht: Decimal,
    pub vat_rate: Decimal,
    pub trainees_max: u32,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ModularTariff {
    pub days: Decimal,
    pub price_ht: Decimal,
}

/// The flat CPF contribution in force from `from` (until the next entry).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CpfContribution {
    #[serde(with = "crate::domain::calendar::iso_date")]
    pub from: NaiveDate,
    pub amount: Decimal,
}

/// The French legal interest rate of one half-year, in percent.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LegalInterestRate {
    pub year: i32,
    /// 1 for January–June, 2 for July–December.
    pub half: u8,
    pub other_creditor: Decimal,
    pub individual_creditor: Decimal,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LatePaymentTerms {
    pub cgv_multiplier: Decimal,
    pub business_floor_multiplier: Decimal,
    pub business_recovery_indemnity: Decimal,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CancellationTerms {
    /// More than this many jours ouvrables before the start: no fee.
    pub no_fee_above_working_days: u32,
    /// From this many jours ouvrables up to `no_fee_above_working_days`: the half fee.
    pub half_fee_from_working_days: u32,
    pub half_fee_rate: Decimal,
    /// Calendar days needed to postpone or replace a trainee without fee.
    pub postpone_min_calendar_days: u32,
    /// Jours ouvrables needed between the OPCO agreement's arrival and the start.
    pub opco_min_working_days: u32,
    /// Co&Sens may adjourn for lack of participants at the latest this many days before
    /// the start (the CGV: « au plus tard une semaine avant la date prévue », 7).
    pub adjourn_notice_days: u32,
    /// A trainee who pays for themselves may withdraw within this many days of signing the
    /// contract (Code du travail L6353-5: 10).
    pub withdrawal_days: u32,
    /// That trainee's first payment, once the withdrawal period is over, is at most this
    /// share of the price (L6353-6: 0.30).
    pub individual_first_payment_max_rate: Decimal,
    /// A CPF holder cancels without fee while more than this many jours ouvrés lie between
    /// the notification and the start (Mon Compte Formation's terms: 7).
    pub cpf_free_working_days: u32,
}

/// The texts of the agreement (a devis standing in for the convention, D6353-1; a trainee's
/// contract, L6353-4) that the brochure and the CGV give. A mention the source lacks is
/// `null`: it prints as a blank to fill in, never an invented value.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AgreementTexts {
    /// The CGV's payment terms.
    pub payment_terms: String,
    /// How the training is followed and attested.
    pub follow_up: Vec<String>,
    /// The group's size (« effectif »): the CGV say only that it is limited.
    pub group_size: Option<String>,
    /// The teaching and technical means.
    pub teaching_means: Option<String>,
    /// The trainers' diplomas, titles or references.
    pub trainers: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Referent {
    pub city: String,
    pub name: String,
    pub phone: String,
    pub email: String,
    pub address: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Office {
    pub name: String,
    pub address: Vec<String>,
    pub phone: String,
    pub siret: String,
    pub legal_form: String,
    pub declaration_number: String,
    pub head_office: bool,
}

/// Why a catalogue file was refused: the field at fault and what is wrong with it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CatalogueError {
    pub field: String,
    pub message: String,
}

impl fmt::Display for CatalogueError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "catalogue : champ « {} » : {}", self.field, self.message)
    }
}

impl std::error::Error for CatalogueError {}

pub(crate) fn err(field: impl Into<String>, message: impl Into<String>) -> CatalogueError {
    CatalogueError {
        field: field.into(),
        message: message.into(),
    }
}

impl Catalogue {
    /// Parses and validates a catalogue file.
    pub fn from_json(text: &str) -> Result<Self, CatalogueError> {
        let catalogue: Catalogue = serde_json::from_str(text).map_err(|e| {
            // serde_json names the unknown or missing field in its message.
            err(
                format!("ligne {}, colonne {}", e.line(), e.column()),
                e.to_string(),
            )
        })?;
        catalogue.validate()?;
        Ok(catalogue)
    }

    /// The test catalogue (`tests/fixtures/catalogue.json`): the rules are tested on it,
    /// whatever the site's own offer says.
    #[cfg(test)]
    pub fn fixture() -> Self {
        Self::from_json(include_str!("../../../tests/fixtures/catalogue.json"))
            .expect("the fixture catalogue is valid")
    }

    pub fn module(&self, number: u8) -> Option<&Module> {
        self.modules.iter().find(|m| m.number == number)
    }

    /// The modular tariff for a module of `days` days, if the grid has one.
    pub fn modular_price_for_days(&self, days: Decimal) -> Option<Decimal> {
        self.prices
            .modular_by_days
            .iter()
            .find(|t| t.days == days)
            .map(|t| t.price_ht)
    }

    /// Hours of training in `days` days (7 h a day).
    pub fn hours(&self, days: Decimal) -> Decimal {
        days * self.course.hours_per_day
    }

    /// The CPF flat contribution in force on `date`, if any.
    pub fn cpf_contribution_on(&self, date: NaiveDate) -> Option<Decimal> {
        self.cpf_contribution_entry_on(date).map(|c| c.amount)
    }

    /// The CPF flat contribution entry in force on `date` (its amount and since when), if any.
    pub fn cpf_contribution_entry_on(&self, date: NaiveDate) -> Option<&CpfContribution> {
        self.cpf_contributions
            .iter()
            .filter(|c| c.from <= date)
            .max_by_key(|c| c.from)
    }

    /// The legal interest rate row of the half-year holding `date`, if the file has one.
    pub fn legal_rate_for(&self, year: i32, half: u8) -> Option<&LegalInterestRate> {
        self.legal_interest_rates
            .iter()
            .find(|r| r.year == year && r.half == half)
    }

    /// Checks that the file is consistent: every error names its field. The checks run in
    /// the order of the file, the first fault found is the error.
    pub fn validate(&self) -> Result<(), CatalogueError> {
        self.validate_course()?;
        let total_days = self.validate_modules()?;
        self.validate_durations(total_days)?;
        validate_sessions(&self.sessions, &self.course, &self.modules)?;
        for (i, r) in self.past_results.iter().enumerate() {
            non_empty(&format!("past_results[{i}].text"), &r.text)?;
        }
        self.validate_prices()?;
        self.validate_cpf_contributions()?;
        self.validate_legal_rates()?;
        self.validate_cancellation_terms()?;
        non_empty("agreement.payment_terms", &self.agreement.payment_terms)?;
        self.validate_contacts()
    }

    /// The version, the course's title and lists, the length of a day.
    fn validate_course(&self) -> Result<(), CatalogueError> {
        if self.version.trim().is_empty() {
            return Err(err("version", "la version du catalogue est vide"));
        }
        non_empty("course.title", &self.course.title)?;
        for (name, list) in [
            ("course.audiences", &self.course.audiences),
            ("course.prerequisites", &self.course.prerequisites),
            ("course.aims", &self.course.aims),
            ("course.places", &self.course.places),
            ("course.modes", &self.course.modes),
            ("course.evaluation.methods", &self.course.evaluation.methods),
        ] {
            if list.is_empty() {
                return Err(err(name, "la liste est vide"));
            }
        }
        if !self.course.modes.contains(&self.course.remote_mode) {
            return Err(err(
                "course.remote_mode",
                format!(
                    "« {} » n'est pas une des modalités",
                    self.course.remote_mode
                ),
            ));
        }
        for (i, h) in self.course.hours_by_place.iter().enumerate() {
            if !self.course.places.contains(&h.place) {
                return Err(err(
                    format!("course.hours_by_place[{i}].place"),
                    format!("lieu « {} » inconnu", h.place),
                ));
            }
            non_empty(&format!("course.hours_by_place[{i}].hours"), &h.hours)?;
        }
        if !email_is_valid(&self.course.registration_email) {
            return Err(err(
                "course.registration_email",
                format!(
                    "« {} » n'est pas une adresse e-mail valide",
                    self.course.registration_email
                ),
            ));
        }
        if self.course.hours_per_day <= Decimal::ZERO {
            return Err(err(
                "course.hours_per_day",
                "la durée d'une journée doit être positive",
            ));
        }
        Ok(())
    }

    /// Modules numbered 1..=n in order, each valid; returns their days in total.
    fn validate_modules(&self) -> Result<Decimal, CatalogueError> {
        if self.modules.is_empty() {
            return Err(err("modules", "aucun module"));
        }
        let mut total_days = Decimal::ZERO;
        for (i, m) in self.modules.iter().enumerate() {
            self.validate_module(i, m)?;
            total_days += m.days;
        }
        Ok(total_days)
    }

    /// The `i`-th module: its number, a title, a positive number of half days, the price of
    /// the modular tariff for its length, a programme.
    fn validate_module(&self, i: usize, m: &Module) -> Result<(), CatalogueError> {
        let field = format!("modules[{i}]");
        if usize::from(m.number) != i + 1 {
            return Err(err(
                format!("{field}.number"),
                format!("module n° {} attendu, {} trouvé", i + 1, m.number),
            ));
        }
        non_empty(&format!("{field}.title"), &m.title)?;
        let half = Decimal::new(5, 1);
        if m.days <= Decimal::ZERO || (m.days / half).fract() != Decimal::ZERO {
            return Err(err(
                format!("{field}.days"),
                format!(
                    "durée {} : un nombre positif de demi-journées est attendu",
                    m.days
                ),
            ));
        }
        price(&format!("{field}.price_ht"), m.price_ht)?;
        match self.modular_price_for_days(m.days) {
            Some(p) if p == m.price_ht => {}
            Some(p) => {
                return Err(err(
                    format!("{field}.price_ht"),
                    format!(
                        "{} ne correspond pas au tarif modulaire de {} jour(s) ({})",
                        m.price_ht, m.days, p
                    ),
                ))
            }
            None => {
                return Err(err(
                    format!("{field}.days"),
                    format!("aucun tarif modulaire pour une durée de {} jour(s)", m.days),
                ))
            }
        }
        if m.programme.is_empty() {
            return Err(err(format!("{field}.programme"), "le programme est vide"));
        }
        Ok(())
    }

    /// The course's days and hours are those of its modules.
    fn validate_durations(&self, total_days: Decimal) -> Result<(), CatalogueError> {
        if total_days != self.course.total_days {
            return Err(err(
                "course.total_days",
                format!(
                    "{} jours annoncés, les modules en font {}",
                    self.course.total_days, total_days
                ),
            ));
        }
        let hours = self.hours(total_days);
        if hours != self.course.total_hours {
            return Err(err(
                "course.total_hours",
                format!(
                    "{} h annoncées, {} jours à {} h en font {}",
                    self.course.total_hours, total_days, self.course.hours_per_day, hours
                ),
            ));
        }
        Ok(())
    }

    /// Prices in cents, the modular grid, the VAT rate, the trainees and coaching limits.
    fn validate_prices(&self) -> Result<(), CatalogueError> {
        let p = &self.prices;
        price("prices.full_course_ht", p.full_course_ht)?;
        price("prices.coaching_per_day_ht", p.coaching_per_day_ht)?;
        price("prices.certification_ht", p.certification_ht)?;
        for (i, t) in p.modular_by_days.iter().enumerate() {
            price(&format!("prices.modular_by_days[{i}].price_ht"), t.price_ht)?;
            if t.days <= Decimal::ZERO {
                return Err(err(
                    format!("prices.modular_by_days[{i}].days"),
                    "la durée doit être positive",
                ));
            }
        }
        if p.vat_rate < Decimal::ZERO || p.vat_rate >= Decimal::ONE {
            return Err(err("prices.vat_rate", "un taux entre 0 et 1 est attendu"));
        }
        if p.trainees_max == 0 {
            return Err(err("prices.trainees_max", "au moins un stagiaire"));
        }
        let coaching_hours = Decimal::from(p.coaching_max_days) * self.course.hours_per_day;
        if coaching_hours > self.course.coaching_max_hours + self.course.hours_per_day {
            return Err(err(
                "prices.coaching_max_days",
                "plus de jours d'accompagnement que les heures annoncées",
            ));
        }
        Ok(())
    }

    /// CPF contributions: amounts in cents, dates increasing.
    fn validate_cpf_contributions(&self) -> Result<(), CatalogueError> {
        for (i, c) in self.cpf_contributions.iter().enumerate() {
            price(&format!("cpf_contributions[{i}].amount"), c.amount)?;
            if i > 0 && self.cpf_contributions[i - 1].from >= c.from {
                return Err(err(
                    format!("cpf_contributions[{i}].from"),
                    "les dates doivent être croissantes",
                ));
            }
        }
        Ok(())
    }

    /// Legal interest rates: half 1 or 2, no negative rate, half-years increasing, unique
    /// and contiguous.
    fn validate_legal_rates(&self) -> Result<(), CatalogueError> {
        for (i, r) in self.legal_interest_rates.iter().enumerate() {
            let field = format!("legal_interest_rates[{i}]");
            if r.half != 1 && r.half != 2 {
                return Err(err(format!("{field}.half"), "1 ou 2 attendu"));
            }
            if r.other_creditor < Decimal::ZERO || r.individual_creditor < Decimal::ZERO {
                return Err(err(field, "taux négatif"));
            }
            if i > 0 {
                follows(&self.legal_interest_rates[i - 1], r, &field)?;
            }
        }
        Ok(())
    }

    /// The cancellation thresholds in order, the half-fee rate between 0 and 1.
    fn validate_cancellation_terms(&self) -> Result<(), CatalogueError> {
        let c = &self.cancellation;
        if c.half_fee_from_working_days > c.no_fee_above_working_days {
            return Err(err(
                "cancellation.half_fee_from_working_days",
                "le seuil de 50 % doit être inférieur au seuil sans frais",
            ));
        }
        if c.half_fee_rate < Decimal::ZERO || c.half_fee_rate > Decimal::ONE {
            return Err(err(
                "cancellation.half_fee_rate",
                "un taux entre 0 et 1 est attendu",
            ));
        }
        let days = [
            ("cancellation.adjourn_notice_days", c.adjourn_notice_days),
            ("cancellation.withdrawal_days", c.withdrawal_days),
            (
                "cancellation.cpf_free_working_days",
                c.cpf_free_working_days,
            ),
        ];
        if let Some((field, _)) = days.into_iter().find(|&(_, n)| n > 366) {
            return Err(err(field, "un délai d'au plus 366 jours est attendu"));
        }
        let rate = c.individual_first_payment_max_rate;
        if rate < Decimal::ZERO || rate > Decimal::ONE {
            return Err(err(
                "cancellation.individual_first_payment_max_rate",
                "un taux entre 0 et 1 est attendu",
            ));
        }
        Ok(())
    }

    /// At least one office and one OPCO.
    fn validate_contacts(&self) -> Result<(), CatalogueError> {
        if self.offices.is_empty() {
            return Err(err("offices", "aucun établissement"));
        }
        if self.opcos.is_empty() {
            return Err(err("opcos", "la liste des OPCO est vide"));
        }
        Ok(())
    }
}

/// The legal rate row `r` (at `field`) comes right after `prev`: the next half-year.
/// Contiguous from the first half-year listed to the last; a half-year after the last one
/// (not yet published) is reported by the calculator.
fn follows(
    prev: &LegalInterestRate,
    r: &LegalInterestRate,
    field: &str,
) -> Result<(), CatalogueError> {
    if (prev.year, prev.half) >= (r.year, r.half) {
        return Err(err(
            format!("{field}.year"),
            "les semestres doivent être croissants et uniques",
        ));
    }
    let missing = next_half_year(prev.year, prev.half);
    if missing != (r.year, r.half) {
        return Err(err(
            field,
            format!(
                "{} absent entre le {} et le {}",
                half_year_fr(missing.0, missing.1),
                half_year_fr(prev.year, prev.half),
                half_year_fr(r.year, r.half),
            ),
        ));
    }
    Ok(())
}

/// The half-year after the `half`-th (1 or 2) of `year`.
pub(crate) fn next_half_year(year: i32, half: u8) -> (i32, u8) {
    if half == 1 {
        (year, 2)
    } else {
        (year.saturating_add(1), 1)
    }
}

fn non_empty(field: &str, value: &str) -> Result<(), CatalogueError> {
    if value.trim().is_empty() {
        Err(err(field, "texte vide"))
    } else {
        Ok(())
    }
}

fn price(field: &str, value: Decimal) -> Result<(), CatalogueError> {
    if value < Decimal::ZERO {
        Err(err(field, format!("prix négatif ({value})")))
    } else if value.scale() > 2 && value.round_dp(2) != value {
        Err(err(field, format!("{value} : au plus deux décimales")))
    } else {
        Ok(())
    }
}

// -- The sessions' checks ---------------------------------------------------------------

/// Checks every session against the course and its modules; the first fault is the error.
pub fn validate_sessions(
    sessions: &[Session],
    course: &Course,
    modules: &[Module],
) -> Result<(), CatalogueError> {
    for (i, s) in sessions.iter().enumerate() {
        let field = format!("sessions[{i}]");
        validate_id(sessions, i, &field)?;
        let named = |f: &str, message: String| {
            err(
                format!("{field}.{f}"),
                format!("session « {} » : {message}", s.id),
            )
        };
        for (f, value, known, what) in [
            ("place", &s.place, &course.places, "lieu"),
            ("mode", &s.mode, &course.modes, "modalité"),
        ] {
            if !known.contains(value) {
                let unknown = if f == "place" { "inconnu" } else { "inconnue" };
                return Err(named(
                    f,
                    format!("{what} « {value} » {unknown} ({})", known.join(", ")),
                ));
            }
        }
        validate_session_modules(s, modules, &named)?;
    }
    Ok(())
}

/// The id's form, and that no earlier session has it.
fn validate_id(sessions: &[Session], i: usize, field: &str) -> Result<(), CatalogueError> {
    let id = &sessions[i].id;
    if !session_id_is_valid(id) {
        return Err(err(
        format!("{field}.id"),
        format!(
            "identifiant « {id} » : lettres minuscules, chiffres et tirets, au plus {MAX_SESSION_ID_CHARS} caractères"
        ),
    ));
    }
    if let Some(first) = sessions[..i].iter().position(|s| &s.id == id) {
        return Err(err(
            format!("{field}.id"),
            format!("identifiant « {id} » déjà pris par sessions[{first}]"),
        ));
    }
    Ok(())
}

/// Every module once, each with one training day per day it lasts, in increasing order,
/// no date used twice in the session.
fn validate_session_modules(
    s: &Session,
    modules: &[Module],
    named: &dyn Fn(&str, String) -> CatalogueError,
) -> Result<(), CatalogueError> {
    let mut seen: Vec<NaiveDate> = Vec::new();
    for (j, sm) in s.modules.iter().enumerate() {
        let f = format!("modules[{j}]");
        let Some(module) = modules.iter().find(|m| m.number == sm.module) else {
            return Err(named(
                &format!("{f}.module"),
                format!("module {} inconnu", sm.module),
            ));
        };
        if s.modules[..j].iter().any(|o| o.module == sm.module) {
            return Err(named(
                &format!("{f}.module"),
                format!("module {} listé deux fois", sm.module),
            ));
        }
        // One date per day begun (a half-day module: one).
        let expected = usize::try_from(days_begun(module.days)).unwrap_or(0);
        if sm.dates.len() != expected {
            return Err(named(
                &format!("{f}.dates"),
                format!(
                    "le module {} dure {} jour(s) : {expected} date(s) attendue(s), {} trouvée(s)",
                    sm.module,
                    module.days.normalize(),
                    sm.dates.len()
                ),
            ));
        }
        for (k, &date) in sm.dates.iter().enumerate() {
            let df = format!("{f}.dates[{k}]");
            check_date(date, k.checked_sub(1).map(|p| sm.dates[p]), &seen)
                .map_err(|message| named(&df, message))?;
            seen.push(date);
        }
    }
    if let Some(missing) = modules
        .iter()
        .find(|m| !s.modules.iter().any(|sm| sm.module == m.number))
    {
        return Err(named(
            "modules",
            format!("le module {} n'a pas de dates", missing.number),
        ));
    }
    Ok(())
}

/// One date of a module: a training day in the calendar's range, after the module's
/// previous date, not already used in the session.
fn check_date(
    date: NaiveDate,
    previous: Option<NaiveDate>,
    seen: &[NaiveDate],
) -> Result<(), String> {
    let day = format_date_fr(date);
    if !date_in_range(date) {
        return Err(format!("le {day} est hors du calendrier"));
    }
    if let Some(holiday) = holiday_name(date) {
        return Err(format!("le {day} est un jour férié ({holiday})"));
    }
    if !is_training_day(date) {
        return Err(format!(
            "le {day} n'est pas un jour de formation (du lundi au vendredi)"
        ));
    }
    // A module's days follow each other (the cancellation counts a module's days attended
    // from its first): each is the training day after the one before.
    if let Some(p) = previous.filter(|&p| next_training_day(p) != Some(date)) {
        return Err(format!(
            "le {day} doit être le jour de formation qui suit le {} (les jours d'un module se suivent)",
            format_date_fr(p)
        ));
    }
    if seen.contains(&date) {
        return Err(format!("le {day} est déjà utilisé dans cette session"));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::money::dec;

    /// The site's own offer, as shipped.
    const SHIPPED_JSON: &str = include_str!("../../../data/catalogue.json");
    /// The catalogue the rules are tested on (what [`Catalogue::fixture`] reads).
    const FIXTURE_JSON: &str = include_str!("../../../tests/fixtures/catalogue.json");

    fn fixture() -> Catalogue {
        Catalogue::fixture()
    }

    /// The fixture file with one JSON value replaced, for the rejection tests.
    fn edited(edit: impl FnOnce(&mut serde_json::Value)) -> Result<Catalogue, CatalogueError> {
        let mut v: serde_json::Value = serde_json::from_str(FIXTURE_JSON).unwrap();
        edit(&mut v);
        Catalogue::from_json(&v.to_string())
    }

    /// The one test of the shipped `data/catalogue.json`: it validates and holds the
    /// brochure's figures. A site owner changing a price breaks this test, and no other.
    #[test]
    fn shipped_catalogue_holds_the_brochure_offer() {
        let c = Catalogue::from_json(SHIPPED_JSON).expect("the shipped catalogue is valid");
        assert_eq!(c.course.code, "RS5302");
        assert_eq!(c.modules.len(), 5);
        let prices: Vec<_> = c.modules.iter().map(|m| m.price_ht).collect();
        assert_eq!(
            prices,
            ["800", "800", "1500", "1500", "400"].map(dec).to_vec()
        );
        assert_eq!(c.prices.full_course_ht, dec("4000"));
        assert_eq!(c.prices.coaching_per_day_ht, dec("1000"));
        assert_eq!(c.prices.certification_ht, dec("500"));
        assert_eq!(c.course.total_days, dec("6.5"));
        assert_eq!(c.course.total_hours, dec("45.5"));
        assert_eq!(c.course.evaluation.competences, 16);
        assert_eq!(c.opcos.len(), 11);
        assert_eq!(c.offices.len(), 2);
        assert!(c.course.cpf_eligible);
        assert_eq!(
            c.course.registration_email,
            "christophe.tronel@coetsens.com"
        );
        // The CGV's figures: no fee above 15 jours ouvrables, 50 % from 7, postponement
        // with 7 calendar days, the OPCO agreement a jour ouvrable before, an adjournment
        // at the latest a week before.
        let t = &c.cancellation;
        assert_eq!(
            (t.no_fee_above_working_days, t.half_fee_from_working_days),
            (15, 7)
        );
        assert_eq!(t.half_fee_rate, dec("0.50"));
        assert_eq!(
            (
                t.postpone_min_calendar_days,
                t.opco_min_working_days,
                t.adjourn_notice_days
            ),
            (7, 1, 7)
        );
        // The brochure dates no session and publishes no result: none is invented. (When
        // Co&Sens publishes dates, the site owner adds them and drops this check.)
        assert!(c.sessions.is_empty(), "the shipped file holds no session");
        assert!(
            c.past_results.is_empty(),
            "the shipped file holds no result"
        );
        assert_eq!(c.course.remote_mode, "Distanciel");
    }

    #[test]
    fn cpf_contribution_follows_the_date_of_the_quote() {
        let c = fixture();
        let d = |s: &str| NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap();
        assert_eq!(c.cpf_contribution_on(d("2024-05-01")), None);
        assert_eq!(c.cpf_contribution_on(d("2024-05-02")), Some(dec("100")));
        assert_eq!(c.cpf_contribution_on(d("2025-06-30")), Some(dec("102.23")));
        assert_eq!(c.cpf_contribution_on(d("2026-11-26")), Some(dec("103.20")));
    }

    #[test]
    fn malformed_json_is_refused_with_its_position() {
        let e = Catalogue::from_json("{ \"version\": ").unwrap_err();
        assert!(e.field.starts_with("ligne 1"), "{e}");
    }

    #[test]
    fn unknown_field_is_refused_by_name() {
        let e = edited(|v| v["prices"]["surprise"] = 1.into()).unwrap_err();
        assert!(e.message.contains("surprise"), "{e}");
    }

    #[test]
    fn negative_price_is_refused_naming_the_field() {
        let e = edited(|v| v["prices"]["certification_ht"] = "-500.00".into()).unwrap_err();
        assert_eq!(e.field, "prices.certification_ht");
        assert!(e.message.contains("négatif"));
    }

    #[test]
    fn durations_that_do_not_add_up_are_refused() {
        let e = edited(|v| v["modules"][4]["days"] = "1".into()).unwrap_err();
        // A one-day module 5 would cost 800 €, so its price is the first thing at fault.
        assert_eq!(e.field, "modules[4].price_ht");
        let e = edited(|v| {
            v["modules"][4]["days"] = "1".into();
            v["modules"][4]["price_ht"] = "800.00".into();
        })
        .unwrap_err();
        assert_eq!(e.field, "course.total_days");
        let e = edited(|v| v["course"]["total_hours"] = "45".into()).unwrap_err();
        assert_eq!(e.field, "course.total_hours");
    }

    #[test]
    fn module_out_of_sequence_is_refused() {
        let e = edited(|v| v["modules"][2]["number"] = 7.into()).unwrap_err();
        assert_eq!(e.field, "modules[2].number");
    }

    #[test]
    fn module_price_must_match_the_modular_tariff() {
        let e = edited(|v| v["modules"][0]["price_ht"] = "900.00".into()).unwrap_err();
        assert_eq!(e.field, "modules[0].price_ht");
    }

    #[test]
    fn module_length_without_a_tariff_is_refused() {
        let e = edited(|v| {
            v["prices"]["modular_by_days"] = serde_json::json!([
                {"days": "2", "price_ht": "1500.00"}, {"days": "1", "price_ht": "800.00"}
            ])
        })
        .unwrap_err();
        assert_eq!(e.field, "modules[4].days");
    }

    #[test]
    fn rates_out_of_order_are_refused() {
        let e = edited(|v| v["legal_interest_rates"][1]["year"] = 2023.into()).unwrap_err();
        assert_eq!(e.field, "legal_interest_rates[1].year");
        let e = edited(|v| v["cpf_contributions"][2]["from"] = "2024-01-01".into()).unwrap_err();
        assert_eq!(e.field, "cpf_contributions[2].from");
    }

    #[test]
    fn rates_with_a_missing_half_year_in_between_are_refused() {
        // Without 2024 S2, the row after 2024 S1 is 2025 S1.
        let e = edited(|v| {
            v["legal_interest_rates"].as_array_mut().unwrap().remove(1);
        })
        .unwrap_err();
        assert_eq!(e.field, "legal_interest_rates[1]");
        assert_eq!(
            e.message,
            "2e semestre 2024 absent entre le 1er semestre 2024 et le 1er semestre 2025"
        );
        // Across a year: without 2025 S1, the row after 2024 S2 is 2025 S2.
        let e = edited(|v| {
            v["legal_interest_rates"].as_array_mut().unwrap().remove(2);
        })
        .unwrap_err();
        assert_eq!(e.field, "legal_interest_rates[2]");
        assert!(e.message.starts_with("1er semestre 2025 absent"), "{e}");
    }

    #[test]
    fn rates_may_stop_before_the_current_half_year() {
        // The half-years after the last one listed are not published yet: the
        // late-payment calculator names them, the file is still valid.
        let full = fixture();
        let [.., before, last] = full.legal_interest_rates.as_slice() else {
            panic!("at least two legal interest rates");
        };
        let c = edited(|v| {
            v["legal_interest_rates"].as_array_mut().unwrap().pop();
        })
        .unwrap();
        assert!(c.legal_rate_for(last.year, last.half).is_none());
        assert!(c.legal_rate_for(before.year, before.half).is_some());
    }

    #[test]
    fn registration_email_must_be_an_address() {
        assert!(email_is_valid(&fixture().course.registration_email));
        for bad in [
            "",
            "inscription",
            "inscription@coetsens",
            "a b@coetsens.com",
        ] {
            let e = edited(|v| v["course"]["registration_email"] = bad.into()).unwrap_err();
            assert_eq!(e.field, "course.registration_email", "{bad}");
        }
        let e = edited(|v| {
            v["course"]
                .as_object_mut()
                .unwrap()
                .remove("registration_email");
        })
        .unwrap_err();
        assert!(e.message.contains("registration_email"), "{e}");
    }

    #[test]
    fn price_with_fractions_of_a_cent_is_refused() {
        let e = edited(|v| v["prices"]["full_course_ht"] = "4000.001".into()).unwrap_err();
        assert_eq!(e.field, "prices.full_course_ht");
    }
}
