//! Typed text read into values, with the French message of each input at fault: what every
//! form of the app reads its fields with (the calculators' forms here in the domain, the
//! screens through `ui::form`).

use chrono::NaiveDate;
use rust_decimal::Decimal;

use crate::domain::calendar::{self, parse_iso_date};
use crate::domain::money::parse_amount;

/// A message for one input of a form, shown next to it.
#[derive(Clone, Debug, PartialEq)]
pub struct InputError<F> {
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
pub fn date_input<F: Copy>(
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
pub fn amount_input<F: Copy>(
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
pub fn amount_text(amount: Decimal) -> String {
    format!("{amount:.2}").replace('.', ",")
}
