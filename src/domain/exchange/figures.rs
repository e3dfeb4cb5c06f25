//! The figures of a quote as the documents write them (amounts and rates as decimal
//! strings, never JSON numbers), and the `deserialize_with` readers of the quote's fields.

use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::de::{Deserialize, Deserializer, Error as _};
use serde_json::Value;

use crate::domain::draft::fields::{over_cap, required_date};
use crate::domain::draft::json::{kind_of, shorten};
use crate::domain::money::round_cents;

/// Characters of an amount string.
pub(super) const MAX_AMOUNT_CHARS: usize = 30;
/// A quote line's quantity.
pub(super) const MAX_QUANTITY: u64 = 1_000_000;

/// An amount as a decimal string with two decimals: `4000` → `"4000.00"`.
pub fn amount_string(amount: Decimal) -> String {
    let rounded = round_cents(amount);
    let rounded = if rounded.is_zero() {
        Decimal::ZERO
    } else {
        rounded
    };
    format!("{rounded:.2}")
}

/// A rate as a decimal string with two to six decimals: `0.2` → `"0.20"`.
pub fn rate_string(rate: Decimal) -> String {
    let r = rate.round_dp(6).normalize();
    if r.scale() < 2 {
        format!("{r:.2}")
    } else {
        r.to_string()
    }
}

/// Digits, a point, then a number of decimals in `decimals`.
fn decimal_is_well_formed(s: &str, decimals: std::ops::RangeInclusive<usize>) -> bool {
    match s.split_once('.') {
        Some((int, frac)) => {
            !int.is_empty()
                && decimals.contains(&frac.len())
                && int.bytes().all(|b| b.is_ascii_digit())
                && frac.bytes().all(|b| b.is_ascii_digit())
        }
        None => false,
    }
}

fn amount_is_well_formed(s: &str) -> bool {
    s.len() <= MAX_AMOUNT_CHARS && decimal_is_well_formed(s.strip_prefix('-').unwrap_or(s), 2..=2)
}

fn checked_amount<E: serde::de::Error>(value: Value) -> Result<String, E> {
    match value {
        Value::String(s) if amount_is_well_formed(&s) => Ok(s),
        Value::String(s) => Err(E::custom(format!(
            "« {} » n'est pas un montant : une chaîne comme \"4000.00\" (deux décimales, \
             point décimal) est attendue.",
            shorten(&s, 40)
        ))),
        other => Err(E::custom(format!(
            "un montant s'écrit comme une chaîne, par exemple \"4000.00\", jamais comme \
             un {} JSON.",
            kind_of(&other)
        ))),
    }
}

/// An amount: `"4000.00"`.
pub(super) fn amount<'de, D: Deserializer<'de>>(d: D) -> Result<String, D::Error> {
    checked_amount(Value::deserialize(d)?)
}

/// An amount or `null` (the key must be there).
pub(super) fn opt_amount<'de, D: Deserializer<'de>>(d: D) -> Result<Option<String>, D::Error> {
    match Value::deserialize(d)? {
        Value::Null => Ok(None),
        value => checked_amount(value).map(Some),
    }
}

/// A rate: `"0.20"`, two to six decimals.
pub(super) fn rate<'de, D: Deserializer<'de>>(d: D) -> Result<String, D::Error> {
    let s = String::deserialize(d)?;
    if let Some(message) = over_cap(&s, MAX_AMOUNT_CHARS) {
        return Err(D::Error::custom(message));
    }
    if decimal_is_well_formed(&s, 2..=6) {
        Ok(s)
    } else {
        Err(D::Error::custom(format!(
            "« {} » n'est pas un taux : une chaîne comme \"0.20\" est attendue.",
            shorten(&s, 40)
        )))
    }
}

/// The quote's date, `YYYY-MM-DD`: it selects the CPF contribution.
pub(super) fn quote_date<'de, D: Deserializer<'de>>(d: D) -> Result<NaiveDate, D::Error> {
    required_date(d, "la date du devis")
}

fn in_range<E: serde::de::Error>(n: u64, min: u64, max: u64) -> Result<u64, E> {
    if (min..=max).contains(&n) {
        Ok(n)
    } else {
        Err(E::custom(format!(
            "{n} est hors limites : de {min} à {max}."
        )))
    }
}

/// A module's number (from 1) or `null` (the key must be there).
pub(super) fn module_number<'de, D: Deserializer<'de>>(d: D) -> Result<Option<u8>, D::Error> {
    match Option::<u64>::deserialize(d)? {
        None => Ok(None),
        Some(n) => {
            let n = in_range(n, 1, u64::from(u8::MAX))?;
            Ok(u8::try_from(n).ok())
        }
    }
}

/// A line's quantity: up to a million.
pub(super) fn quantity<'de, D: Deserializer<'de>>(d: D) -> Result<u32, D::Error> {
    let n = in_range(u64::deserialize(d)?, 0, MAX_QUANTITY)?;
    Ok(u32::try_from(n).unwrap_or(u32::MAX))
}
