//! The cancellation calculator's form as typed (`/annulation`): its inputs and booking
//! lines, the edits a user makes ([`CancellationEdit`], applied by
//! [`CancellationForm::apply`]: « Montant HT » splits the booked lines again, a line's
//! amount makes « Montant HT » their sum), the assumed schedule of the lines, and the
//! reading into a request or the fields at fault. Pure state, tested natively; the screen
//! holds it in a signal and sends it edits.

use chrono::NaiveDate;
use rust_decimal::Decimal;

use crate::domain::calendar::{format_iso_date, parse_iso_date};
use crate::domain::cancellation::{
    assess_cancellation, notified_after_start, schedule, split_between_lines, Booking, BookingKind,
    CancellationError, CancellationOutcome, CancellationRequest, ModuleBooking, Scheduled, Who,
};
use crate::domain::catalogue::{Catalogue, Session};
use crate::domain::form_input::{amount_input, amount_text, date_input, InputError};
use crate::domain::individual::{Client, ClientType};
use crate::domain::money::parse_amount;
use crate::domain::pricing::{Funding, Quote};
use crate::domain::quote_form::FundingChoice;

/// Which input a message belongs to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Field {
    Start,
    Notified,
    Amount,
    ModuleStart(u8),
    ModuleAmount(u8),
    /// « Date de signature du contrat » (a trainee who pays).
    Signed,
    /// Not tied to one input: shown above the results.
    Other,
}

pub type Errors = Vec<InputError<Field>>;

/// One line of the booking (a module or the coaching), as the interruption view edits it.
#[derive(Clone, Debug, PartialEq)]
pub struct FormLine {
    pub kind: BookingKind,
    pub number: u8,
    pub label: String,
    pub days: Decimal,
    pub amount: String,
    pub start: String,
}

impl FormLine {
    /// "du module 3", "de l'accompagnement": how the line's labels name it.
    pub fn of_name(&self) -> String {
        match self.kind {
            BookingKind::Module => format!("du module {}", self.number),
            BookingKind::Coaching => "de l'accompagnement".to_string(),
        }
    }

    /// False when its amount is 0: the line is not booked.
    pub fn is_booked(&self) -> bool {
        parse_amount(&self.amount) != Some(Decimal::ZERO)
    }

    /// The booking line as typed (an amount not yet valid counts as 0).
    fn booking(&self, start: Option<NaiveDate>) -> ModuleBooking {
        ModuleBooking {
            kind: self.kind,
            number: self.number,
            label: self.label.clone(),
            days: self.days,
            amount_ht: parse_amount(&self.amount).unwrap_or_default(),
            start,
        }
    }
}

/// The form's inputs as typed.
#[derive(Clone, Debug, PartialEq)]
pub struct CancellationForm {
    pub start: String,
    pub notified: String,
    pub amount: String,
    pub who: Who,
    pub funding: FundingChoice,
    /// « Type de client »: kept in step with the funding (CPF is both).
    pub client: ClientType,
    /// « Date de signature du contrat » (a trainee who pays only; may stay empty).
    pub signed: String,
    /// « Force majeure dûment reconnue » (a trainee who pays only).
    pub force_majeure: bool,
    pub vat_exempt: bool,
    pub lines: Vec<FormLine>,
}

/// One change a user makes to the form.
#[derive(Clone, Debug, PartialEq)]
pub enum CancellationEdit {
    Start(String),
    Notified(String),
    /// « Montant HT »: the booked lines follow it.
    Amount(String),
    Who(Who),
    Funding(FundingChoice),
    Client(ClientType),
    Signed(String),
    ForceMajeure(bool),
    VatExempt(bool),
    /// A line's amount (by its index): « Montant HT » becomes the lines' sum.
    LineAmount(usize, String),
    LineStart(usize, String),
}

impl CancellationForm {
    /// Prefilled from the current quote (amount, lines, funding, VAT), or with the
    /// booking's lines and no amount; notified `today`. A quote from a draft whose client is
    /// a `person` starts with the rules of a trainee who pays (of a CPF holder, with CPF
    /// funding).
    pub fn new(quote: Option<&Quote>, booking: Booking, today: NaiveDate, person: bool) -> Self {
        let funding = match quote.map(|q| &q.request.funding) {
            Some(Funding::Opco { .. }) => FundingChoice::Opco,
            Some(Funding::Cpf { .. }) => FundingChoice::Cpf,
            _ => FundingChoice::Aucun,
        };
        let lines = booking
            .lines
            .into_iter()
            .map(|b| FormLine {
                kind: b.kind,
                number: b.number,
                label: b.label,
                days: b.days,
                amount: amount_text(b.amount_ht),
                start: String::new(),
            })
            .collect();
        let mut form = Self {
            start: String::new(),
            notified: format_iso_date(today),
            amount: quote
                .map(|_| amount_text(booking.basis_ht))
                .unwrap_or_default(),
            who: Who::ClientCancels,
            client: ClientType::Company,
            signed: String::new(),
            force_majeure: false,
            funding,
            vat_exempt: quote.is_some_and(|q| q.vat_rate.is_zero()),
            lines,
        };
        form.set_client(ClientType::of_enrolment(
            person,
            funding == FundingChoice::Cpf,
        ));
        form
    }

    /// The dates of the quote's `session` in place of assumed ones: each module line's
    /// first day, and the training's start (the first booked module's first day).
    pub fn use_session(&mut self, session: &Session) {
        let first_day = |line: &FormLine| {
            (line.kind == BookingKind::Module)
                .then(|| session.module_dates(line.number).first().copied())
                .flatten()
        };
        for line in &mut self.lines {
            if let Some(day) = first_day(line) {
                line.start = format_iso_date(day);
            }
        }
        let start = self
            .lines
            .iter()
            .filter(|l| l.is_booked())
            .filter_map(first_day)
            .min();
        if let Some(day) = start {
            self.start = format_iso_date(day);
        }
    }

    pub fn apply(&mut self, edit: CancellationEdit) {
        match edit {
            CancellationEdit::Start(t) => self.start = t,
            CancellationEdit::Notified(t) => self.notified = t,
            CancellationEdit::Amount(t) => self.set_amount(t),
            CancellationEdit::Who(w) => self.who = w,
            CancellationEdit::Funding(f) => self.set_funding(f),
            CancellationEdit::Client(c) => self.set_client(c),
            CancellationEdit::Signed(t) => self.signed = t,
            CancellationEdit::ForceMajeure(b) => self.force_majeure = b,
            CancellationEdit::VatExempt(e) => self.vat_exempt = e,
            CancellationEdit::LineAmount(i, t) => self.set_line_amount(i, t),
            CancellationEdit::LineStart(i, t) => {
                if let Some(line) = self.lines.get_mut(i) {
                    line.start = t;
                }
            }
        }
    }

    /// The funding, the client type following: CPF funding is a CPF holder; an OPCO funds a
    /// company.
    fn set_funding(&mut self, funding: FundingChoice) {
        self.funding = funding;
        self.client = match (funding, self.client) {
            (FundingChoice::Cpf, _) => ClientType::Cpf,
            (FundingChoice::Opco, _) | (_, ClientType::Cpf) => ClientType::Company,
            (FundingChoice::Aucun, kept) => kept,
        };
    }

    /// The client type, the funding following: a CPF holder is funded by the CPF; a trainee
    /// who pays has no OPCO; a company leaving the CPF has no funding yet.
    fn set_client(&mut self, client: ClientType) {
        self.client = client;
        self.funding = match (client, self.funding) {
            (ClientType::Cpf, _) => FundingChoice::Cpf,
            (ClientType::Individual, _) | (ClientType::Company, FundingChoice::Cpf) => {
                FundingChoice::Aucun
            }
            (ClientType::Company, kept) => kept,
        };
    }

    /// « Montant HT » as typed; the booked lines follow it, split again in proportion to
    /// their days, so that the amount and the lines agree. With no line booked (every
    /// amount 0), the amount stands alone: the training as one block.
    fn set_amount(&mut self, text: String) {
        let amount = parse_amount(&text);
        self.amount = text;
        let Some(amount) = amount else { return };
        let booked: Vec<usize> = (0..self.lines.len())
            .filter(|&i| self.lines[i].is_booked())
            .collect();
        let bookings: Vec<ModuleBooking> = booked
            .iter()
            .map(|&i| self.lines[i].booking(None))
            .collect();
        for (i, line) in booked
            .into_iter()
            .zip(split_between_lines(amount, &bookings))
        {
            self.lines[i].amount = amount_text(line.amount_ht);
        }
    }

    /// A line's amount as typed; « Montant HT » becomes the lines' sum once every line reads.
    fn set_line_amount(&mut self, index: usize, text: String) {
        let Some(line) = self.lines.get_mut(index) else {
            return;
        };
        line.amount = text;
        let total: Option<Decimal> = self.lines.iter().map(|l| parse_amount(&l.amount)).sum();
        if let Some(total) = total {
            self.amount = amount_text(total);
        }
    }

    /// Notified on or after the start: the interruption view (`previous` kept while a
    /// date is being retyped).
    pub fn after_start(&self, previous: Option<&bool>) -> bool {
        match (parse_iso_date(&self.start), parse_iso_date(&self.notified)) {
            (Some(s), Some(n)) => notified_after_start(s, n),
            _ => previous.copied().unwrap_or(false),
        }
    }

    /// The module lines are read (and shown): after the start, the client ending it, not CPF.
    pub fn with_lines(&self, after_start: bool) -> bool {
        after_start && self.who == Who::ClientCancels && self.client != ClientType::Cpf
    }

    /// Per line, the start it would be given, assumed or moved (`None` for a line not
    /// booked); `None` while the training's start does not read.
    pub fn planned(&self) -> Option<Vec<Option<Scheduled>>> {
        let start = parse_iso_date(&self.start)?;
        let booked: Vec<ModuleBooking> = self
            .lines
            .iter()
            .filter(|l| l.is_booked())
            .map(|l| l.booking(parse_iso_date(&l.start)))
            .collect();
        let mut planned = schedule(start, &booked).into_iter();
        Some(
            self.lines
                .iter()
                .map(|l| {
                    if l.is_booked() {
                        planned.next().flatten()
                    } else {
                        None
                    }
                })
                .collect(),
        )
    }

    /// The booked lines as typed (an amount of 0: not booked).
    fn bookings(&self, errors: &mut Errors) -> Vec<ModuleBooking> {
        let mut out = Vec::new();
        for line in &self.lines {
            let n = line.number;
            let what = format!(
                "le montant HT {} (0 s'il n'est pas réservé)",
                line.of_name()
            );
            let amount = amount_input(&line.amount, Field::ModuleAmount(n), &what, errors);
            let start = match line.start.trim() {
                "" => Some(None),
                t => date_input(t, Field::ModuleStart(n), "", errors).map(Some),
            };
            if let (Some(amount_ht), Some(start)) = (amount, start) {
                if !amount_ht.is_zero() {
                    out.push(ModuleBooking {
                        amount_ht,
                        ..line.booking(start)
                    });
                }
            }
        }
        out
    }

    /// The request as typed, with its module lines when `with_lines`, or every input at
    /// fault.
    pub fn request(
        &self,
        catalogue: &Catalogue,
        with_lines: bool,
    ) -> Result<CancellationRequest, Errors> {
        let mut errors = Errors::new();
        let start = date_input(
            &self.start,
            Field::Start,
            "la date de début de la formation",
            &mut errors,
        );
        let notified = date_input(
            &self.notified,
            Field::Notified,
            "la date de notification",
            &mut errors,
        );
        let amount = amount_input(&self.amount, Field::Amount, "le montant HT", &mut errors);
        let individual = self.client == ClientType::Individual;
        let signed = match self.signed.trim() {
            t if t.is_empty() || !individual => None,
            t => date_input(
                t,
                Field::Signed,
                "la date de signature du contrat",
                &mut errors,
            ),
        };
        let modules = if with_lines {
            self.bookings(&mut errors)
        } else {
            Vec::new()
        };
        match (start, notified, amount) {
            (Some(start), Some(notified), Some(amount_ht)) if errors.is_empty() => {
                Ok(CancellationRequest {
                    start,
                    notified,
                    amount_ht,
                    vat_rate: if self.vat_exempt {
                        Decimal::ZERO
                    } else {
                        catalogue.prices.vat_rate
                    },
                    who: self.who,
                    funding: self.funding,
                    client: Client {
                        kind: self.client,
                        signed,
                        force_majeure: individual && self.force_majeure,
                    },
                    modules,
                })
            }
            _ => Err(errors),
        }
    }
}

/// The outcome of the request, or the inputs at fault.
pub fn assess(
    catalogue: &Catalogue,
    request: CancellationRequest,
) -> Result<CancellationOutcome, Errors> {
    assess_cancellation(catalogue, &request)
        .map_err(|e| vec![InputError::invalid(field_of(&e), e.message())])
}

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

#[cfg(test)]
mod tests {
    use super::*;

    /// An empty form on the fixture's booking, notified on Monday 4 May 2026.
    fn empty_form(cat: &Catalogue) -> CancellationForm {
        CancellationForm::new(
            None,
            crate::domain::cancellation::booking_from_catalogue(cat),
            NaiveDate::from_ymd_opt(2026, 5, 4).unwrap(),
            false,
        )
    }

    #[test]
    fn a_quote_with_a_session_takes_its_start_and_its_modules_dates() {
        let cat = Catalogue::fixture();
        let today = NaiveDate::from_ymd_opt(2026, 12, 7).unwrap();
        let mut quote_form = crate::domain::quote_form::QuoteForm::for_module(3);
        quote_form.modules.push(5);
        let request = quote_form.to_request(&cat, today).unwrap();
        let quote = crate::domain::pricing::compute_quote(&cat, &request).unwrap();
        let booking = crate::domain::cancellation::booking_from_quote(&cat, &quote);
        let mut form = CancellationForm::new(Some(&quote), booking, today, false);
        form.use_session(cat.session("paris-2027-03").unwrap());
        // Module 3 is the first booked: its first day is the training's start.
        assert_eq!(form.start, "2027-03-16");
        let starts: Vec<(u8, &str)> = form
            .lines
            .iter()
            .filter(|l| l.kind == BookingKind::Module && l.is_booked())
            .map(|l| (l.number, l.start.as_str()))
            .collect();
        assert_eq!(starts, [(3, "2027-03-16"), (5, "2027-03-30")]);
    }

    #[test]
    fn the_client_type_and_the_funding_keep_in_step() {
        let cat = Catalogue::fixture();
        let mut form = empty_form(&cat);
        assert_eq!(form.client, ClientType::Company);
        form.apply(CancellationEdit::Funding(FundingChoice::Cpf));
        assert_eq!(form.client, ClientType::Cpf);
        form.apply(CancellationEdit::Client(ClientType::Individual));
        assert_eq!(form.funding, FundingChoice::Aucun);
        form.apply(CancellationEdit::Funding(FundingChoice::Opco));
        assert_eq!(form.client, ClientType::Company);
        form.apply(CancellationEdit::Client(ClientType::Cpf));
        assert_eq!(form.funding, FundingChoice::Cpf);
        form.apply(CancellationEdit::Client(ClientType::Company));
        assert_eq!(form.funding, FundingChoice::Aucun);
    }

    #[test]
    fn a_draft_for_a_person_starts_with_the_rules_of_a_trainee_who_pays() {
        let cat = Catalogue::fixture();
        let booking = crate::domain::cancellation::booking_from_catalogue(&cat);
        let today = NaiveDate::from_ymd_opt(2026, 5, 4).unwrap();
        let form = CancellationForm::new(None, booking, today, true);
        assert_eq!(form.client, ClientType::Individual);
        assert_eq!(form.funding, FundingChoice::Aucun);
    }

    #[test]
    fn the_signature_and_force_majeure_are_read_for_a_trainee_who_pays_only() {
        let cat = Catalogue::fixture();
        let mut form = empty_form(&cat);
        form.apply(CancellationEdit::Start("2026-05-26".into()));
        form.apply(CancellationEdit::Amount("4000".into()));
        form.apply(CancellationEdit::Signed("2026-05-15".into()));
        form.apply(CancellationEdit::ForceMajeure(true));
        let company = form.request(&cat, false).unwrap();
        assert_eq!(company.client, Client::default());
        form.apply(CancellationEdit::Client(ClientType::Individual));
        let person = form.request(&cat, false).unwrap();
        assert_eq!(person.client.signed, NaiveDate::from_ymd_opt(2026, 5, 15));
        assert!(person.client.force_majeure);
        form.apply(CancellationEdit::Signed("15/05".into()));
        let errors = form.request(&cat, false).unwrap_err();
        assert!(errors.iter().any(|e| e.field == Field::Signed));
    }
    use crate::domain::cancellation::booking_from_catalogue;
    use crate::domain::money::dec;

    fn form() -> CancellationForm {
        let c = Catalogue::fixture();
        let today = parse_iso_date("2026-05-04").unwrap();
        let mut f = CancellationForm::new(None, booking_from_catalogue(&c), today, false);
        f.apply(CancellationEdit::Start("2026-05-26".into()));
        f
    }

    fn amounts(f: &CancellationForm) -> Vec<&str> {
        f.lines.iter().map(|l| l.amount.as_str()).collect()
    }

    #[test]
    fn an_empty_amount_is_asked_for_once_visited() {
        let errors = form().request(&Catalogue::fixture(), false).unwrap_err();
        assert_eq!(errors.len(), 1);
        assert!(errors[0].field == Field::Amount && errors[0].missing);
    }

    #[test]
    fn the_amount_typed_splits_the_booked_lines_by_their_days_and_a_line_makes_the_sum() {
        let mut f = form();
        f.apply(CancellationEdit::LineAmount(4, "0".into()));
        assert_eq!(amounts(&f)[4], "0");
        f.apply(CancellationEdit::Amount("3000".into()));
        // Module 5 is not booked: it stays at 0, the others share the amount.
        let sum: Decimal = f
            .lines
            .iter()
            .map(|l| parse_amount(&l.amount).unwrap())
            .sum();
        assert_eq!((amounts(&f)[4], sum), ("0", dec("3000")));
        f.apply(CancellationEdit::LineAmount(0, "100,00".into()));
        let expected: Decimal = f
            .lines
            .iter()
            .map(|l| parse_amount(&l.amount).unwrap())
            .sum();
        assert_eq!(parse_amount(&f.amount), Some(expected));
    }

    #[test]
    fn the_request_reads_the_lines_only_after_the_start_for_a_client_not_on_cpf() {
        let c = Catalogue::fixture();
        let mut f = form();
        f.apply(CancellationEdit::Amount("4000".into()));
        assert!(!f.after_start(None));
        assert!(f
            .request(&c, f.with_lines(false))
            .unwrap()
            .modules
            .is_empty());
        f.apply(CancellationEdit::Notified("2026-05-27".into()));
        let after = f.after_start(None);
        assert!(after && f.with_lines(after));
        assert_eq!(f.request(&c, true).unwrap().modules.len(), 5);
        f.apply(CancellationEdit::Funding(FundingChoice::Cpf));
        assert!(!f.with_lines(after));
        // A date being retyped keeps the view it had.
        f.apply(CancellationEdit::Start("2026-05-".into()));
        assert!(f.after_start(Some(&true)));
    }

    #[test]
    fn a_line_without_a_date_is_planned_after_the_previous_one() {
        let mut f = form();
        let planned = f.planned().unwrap();
        assert!(planned.iter().all(|p| p.is_some_and(|s| s.assumed)));
        f.apply(CancellationEdit::LineStart(1, "2026-06-08".into()));
        let second = f.planned().unwrap()[1].unwrap();
        assert_eq!(
            (second.start, second.assumed),
            (parse_iso_date("2026-06-08").unwrap(), false)
        );
        f.apply(CancellationEdit::LineStart(1, "pas une date".into()));
        f.apply(CancellationEdit::Amount("4000".into()));
        f.apply(CancellationEdit::Notified("2026-06-10".into()));
        let errors = f.request(&Catalogue::fixture(), true).unwrap_err();
        assert!(
            errors.iter().any(|e| e.field == Field::ModuleStart(2)),
            "{errors:?}"
        );
    }
}
