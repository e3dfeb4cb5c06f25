//! The late-payment screen's inputs as typed, and their reading into a request.

use std::collections::BTreeMap;

use leptos::prelude::*;

use crate::domain::calendar::{format_iso_date, parse_iso_date};
use crate::domain::catalogue::Catalogue;
use crate::domain::late_payment::{
    late_payment_penalty, missing_half_years, parse_typed_rate, ClientKind, LatePaymentError,
    LatePaymentOutcome, LatePaymentRequest, TypedRate, TypedRateError,
};
use crate::edge::clock::today;
use crate::ui::form::{amount_input, date_input, InputError, Visits};

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

/// The screen's inputs as typed; the rates typed for missing half-years are kept while
/// the dates change, and never stored.
#[derive(Clone, Copy)]
pub struct Inputs {
    pub amount: RwSignal<String>,
    pub due: RwSignal<String>,
    pub paid: RwSignal<String>,
    pub client: RwSignal<ClientKind>,
    pub typed: RwSignal<BTreeMap<HalfYear, String>>,
    pub visits: Visits<Field>,
}

impl Inputs {
    pub fn new() -> Self {
        Self {
            amount: RwSignal::new(String::new()),
            due: RwSignal::new(String::new()),
            paid: RwSignal::new(format_iso_date(today())),
            client: RwSignal::new(ClientKind::Individual),
            typed: RwSignal::new(BTreeMap::new()),
            visits: Visits::new(),
        }
    }

    /// The half-years of the delay whose rate the data file lacks: one field each.
    pub fn missing(self, catalogue: &Catalogue) -> Vec<HalfYear> {
        let due = self.due.with(|t| parse_iso_date(t));
        let paid = self.paid.with(|t| parse_iso_date(t));
        match (due, paid) {
            (Some(due), Some(paid)) => missing_half_years(catalogue, due, paid),
            _ => Vec::new(),
        }
    }

    /// The penalty of the inputs, or every input at fault.
    pub fn compute(
        self,
        catalogue: &Catalogue,
        missing: &[HalfYear],
    ) -> Result<LatePaymentOutcome, Errors> {
        let mut errors = Errors::new();
        let amount = self
            .amount
            .with(|t| amount_input(t, Field::Amount, "le montant dû", &mut errors));
        let due = self
            .due
            .with(|t| date_input(t, Field::Due, "la date d'échéance", &mut errors));
        let paid = self
            .paid
            .with(|t| date_input(t, Field::Paid, "la date de paiement", &mut errors));
        let typed_rates: Vec<TypedRate> = self.typed.with(|texts| {
            missing
                .iter()
                .filter_map(|hy| {
                    rate_input(texts.get(hy).map_or("", String::as_str), *hy, &mut errors)
                })
                .collect()
        });
        let (Some(amount), Some(due), Some(paid)) = (amount, due, paid) else {
            return Err(errors);
        };
        let request = LatePaymentRequest {
            amount,
            due,
            paid,
            client: self.client.get(),
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
