//! The late-payment calculator's form as typed (`/penalites`): its inputs, the edits a user
//! makes ([`LatePaymentEdit`], applied by [`LatePaymentForm::apply`]), the half-years whose
//! rate must be typed, and the reading into a penalty or the fields at fault. Pure state,
//! tested natively; the screen holds it in a signal and sends it edits.

use std::collections::BTreeMap;

use chrono::NaiveDate;

use crate::domain::calendar::{format_iso_date, parse_iso_date};
use crate::domain::catalogue::Catalogue;
use crate::domain::form_input::{amount_input, date_input, InputError};
use crate::domain::late_payment::{
    late_payment_penalty, missing_half_years, parse_typed_rate, ClientKind, LatePaymentError,
    LatePaymentOutcome, LatePaymentRequest, TypedRate, TypedRateError,
};

/// Which input a message belongs to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Field {
    Amount,
    Due,
    Paid,
    /// The rate typed for a half-year (year, 1 or 2) missing from the data file.
    Rate(i32, u8),
    /// Not tied to one input (a missing legal rate, say): shown above the results.
    Other,
}

pub type Errors = Vec<InputError<Field>>;

/// A half-year: (year, 1 or 2).
pub type HalfYear = (i32, u8);

/// The form's inputs as typed. The rates typed for missing half-years are kept while the
/// dates change (and never stored).
#[derive(Clone, Debug, PartialEq)]
pub struct LatePaymentForm {
    pub amount: String,
    pub due: String,
    pub paid: String,
    pub client: ClientKind,
    pub typed: BTreeMap<HalfYear, String>,
}

/// One change a user makes to the form.
#[derive(Clone, Debug, PartialEq)]
pub enum LatePaymentEdit {
    Amount(String),
    Due(String),
    Paid(String),
    Client(ClientKind),
    Rate(HalfYear, String),
}

impl LatePaymentForm {
    /// An empty form paid `today`, for an individual client.
    pub fn new(today: NaiveDate) -> Self {
        Self {
            amount: String::new(),
            due: String::new(),
            paid: format_iso_date(today),
            client: ClientKind::Individual,
            typed: BTreeMap::new(),
        }
    }

    pub fn apply(&mut self, edit: LatePaymentEdit) {
        match edit {
            LatePaymentEdit::Amount(t) => self.amount = t,
            LatePaymentEdit::Due(t) => self.due = t,
            LatePaymentEdit::Paid(t) => self.paid = t,
            LatePaymentEdit::Client(c) => self.client = c,
            LatePaymentEdit::Rate(half_year, t) => {
                self.typed.insert(half_year, t);
            }
        }
    }

    /// The half-years of the delay whose rate the data file lacks: one field each.
    pub fn missing(&self, catalogue: &Catalogue) -> Vec<HalfYear> {
        match (parse_iso_date(&self.due), parse_iso_date(&self.paid)) {
            (Some(due), Some(paid)) => missing_half_years(catalogue, due, paid),
            _ => Vec::new(),
        }
    }

    /// The penalty of the inputs, or every input at fault.
    pub fn compute(&self, catalogue: &Catalogue) -> Result<LatePaymentOutcome, Errors> {
        let mut errors = Errors::new();
        let amount = amount_input(&self.amount, Field::Amount, "le montant dû", &mut errors);
        let due = date_input(&self.due, Field::Due, "la date d'échéance", &mut errors);
        let paid = date_input(&self.paid, Field::Paid, "la date de paiement", &mut errors);
        let typed_rates: Vec<TypedRate> = self
            .missing(catalogue)
            .into_iter()
            .filter_map(|hy| {
                rate_input(
                    self.typed.get(&hy).map_or("", String::as_str),
                    hy,
                    &mut errors,
                )
            })
            .collect();
        let (Some(amount), Some(due), Some(paid)) = (amount, due, paid) else {
            return Err(errors);
        };
        let request = LatePaymentRequest {
            amount,
            due,
            paid,
            client: self.client,
            typed_rates,
        };
        match late_payment_penalty(catalogue, &request) {
            Ok(outcome) if errors.is_empty() => return Ok(outcome),
            Ok(_) => {}
            Err(e) => errors.push(InputError::invalid(field_of(&e), e.message())),
        }
        Err(errors)
    }
}

fn field_of(error: &LatePaymentError) -> Field {
    match error {
        LatePaymentError::NegativeAmount | LatePaymentError::AmountTooLarge => Field::Amount,
        LatePaymentError::DueDateOutOfRange => Field::Due,
        LatePaymentError::PaidDateOutOfRange => Field::Paid,
        LatePaymentError::InvalidTypedRate { year, half, .. } => Field::Rate(*year, *half),
        LatePaymentError::MissingRate { .. } | LatePaymentError::Overflow => Field::Other,
    }
}

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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::money::dec;

    fn day(text: &str) -> NaiveDate {
        parse_iso_date(text).unwrap()
    }

    /// The fixture with its legal rates cut after 2026 S1.
    fn catalogue() -> Catalogue {
        let mut c = Catalogue::fixture();
        c.legal_interest_rates
            .retain(|r| (r.year, r.half) <= (2026, 1));
        c
    }

    fn form(edits: Vec<LatePaymentEdit>) -> LatePaymentForm {
        let mut f = LatePaymentForm::new(day("2026-03-02"));
        for e in edits {
            f.apply(e);
        }
        f
    }

    #[test]
    fn an_empty_form_asks_for_the_amount_and_the_due_date_once_visited() {
        let errors = form(vec![]).compute(&catalogue()).unwrap_err();
        let fields: Vec<(Field, bool)> = errors.iter().map(|e| (e.field, e.missing)).collect();
        assert_eq!(fields, [(Field::Amount, true), (Field::Due, true)]);
    }

    #[test]
    fn the_edits_make_a_penalty_as_the_calculator_computes_it() {
        let f = form(vec![
            LatePaymentEdit::Amount("1 000,00".into()),
            LatePaymentEdit::Due("2026-01-31".into()),
        ]);
        let outcome = f.compute(&catalogue()).unwrap();
        assert_eq!((outcome.days_late, outcome.total), (30, dec("3.23")));
        let business = form(vec![
            LatePaymentEdit::Amount("1 000,00".into()),
            LatePaymentEdit::Due("2026-01-31".into()),
            LatePaymentEdit::Client(ClientKind::Business),
        ]);
        assert_eq!(business.compute(&catalogue()).unwrap().total, dec("46.46"));
    }

    #[test]
    fn a_half_year_missing_from_the_data_file_asks_for_its_rate_and_takes_the_one_typed() {
        let mut f = form(vec![
            LatePaymentEdit::Amount("1 000".into()),
            LatePaymentEdit::Due("2026-06-30".into()),
            LatePaymentEdit::Paid("2026-07-10".into()),
        ]);
        let c = catalogue();
        assert_eq!(f.missing(&c), [(2026, 2)]);
        let errors = f.compute(&c).unwrap_err();
        assert!(errors
            .iter()
            .any(|e| e.field == Field::Rate(2026, 2) && e.missing));
        f.apply(LatePaymentEdit::Rate((2026, 2), "abc".into()));
        let errors = f.compute(&c).unwrap_err();
        assert!(errors
            .iter()
            .any(|e| e.field == Field::Rate(2026, 2) && !e.missing));
        f.apply(LatePaymentEdit::Rate((2026, 2), "3,5".into()));
        assert_eq!(f.compute(&c).unwrap().days_late, 10);
        // The rate typed stays while the dates change.
        f.apply(LatePaymentEdit::Due("2026-07-01".into()));
        assert_eq!(f.typed.get(&(2026, 2)).map(String::as_str), Some("3,5"));
    }

    #[test]
    fn a_date_out_of_range_is_the_field_of_that_date() {
        let f = form(vec![
            LatePaymentEdit::Amount("100".into()),
            LatePaymentEdit::Due("1850-01-01".into()),
        ]);
        let errors = f.compute(&catalogue()).unwrap_err();
        assert!(
            errors.iter().any(|e| e.field == Field::Due && !e.missing),
            "{errors:?}"
        );
    }
}
