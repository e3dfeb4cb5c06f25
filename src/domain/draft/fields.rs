//! The checked fields of the JSON layouts: the `deserialize_with` readers named in the
//! serde attributes of the drafts and of the exchange documents (texts within their cap,
//! ids, RFC 3339 timestamps, `YYYY-MM-DD` dates, arrays within their cap), and the caps of
//! the simulator inputs, checked once they are read. Every message is French; the reader
//! ([`super::json::read`]) adds the path of the field.

use std::fmt;
use std::marker::PhantomData;

use chrono::NaiveDate;
use serde::de::{self, Deserialize, Deserializer, Error as _, SeqAccess, Visitor};

use super::checks::{id_is_valid, parse_timestamp};
use super::json::{join, shorten, PathError};
use super::{
    Trainee, MAX_ID_CHARS, MAX_LINE_CHARS, MAX_MODULES, MAX_TEXT_CHARS, MAX_TIMESTAMP_CHARS,
    MAX_TRAINEES, MAX_TYPED_CHARS,
};
use crate::domain::calendar::iso_date;
use crate::domain::quote_form::QuoteForm;

/// `Some(message)` when `text` is over `max` characters.
pub(crate) fn over_cap(text: &str, max: usize) -> Option<String> {
    let n = text.chars().count();
    (n > max).then(|| format!("texte trop long : {n} caractères, {max} au plus."))
}

fn capped<E: de::Error>(text: String, max: usize) -> Result<String, E> {
    match over_cap(&text, max) {
        Some(message) => Err(E::custom(message)),
        None => Ok(text),
    }
}

/// A one-line text: a name, an e-mail, a phone number, a place…
pub(crate) fn line<'de, D: Deserializer<'de>>(d: D) -> Result<String, D::Error> {
    capped(String::deserialize(d)?, MAX_LINE_CHARS)
}

/// A multi-line text: an address, accessibility needs, notes.
pub(crate) fn text<'de, D: Deserializer<'de>>(d: D) -> Result<String, D::Error> {
    capped(String::deserialize(d)?, MAX_TEXT_CHARS)
}

/// A multi-line text or `null`.
pub(crate) fn opt_text<'de, D: Deserializer<'de>>(d: D) -> Result<Option<String>, D::Error> {
    Option::<String>::deserialize(d)?
        .map(|s| capped(s, MAX_TEXT_CHARS))
        .transpose()
}

/// A draft id.
pub(crate) fn id<'de, D: Deserializer<'de>>(d: D) -> Result<String, D::Error> {
    let s = capped(String::deserialize(d)?, MAX_ID_CHARS)?;
    if id_is_valid(&s) {
        Ok(s)
    } else {
        Err(D::Error::custom(
            "identifiant invalide : de 1 à 64 lettres sans accent, chiffres, « - » ou « _ ».",
        ))
    }
}

/// An RFC 3339 timestamp, kept as written.
pub(crate) fn timestamp<'de, D: Deserializer<'de>>(d: D) -> Result<String, D::Error> {
    let s = capped(String::deserialize(d)?, MAX_TIMESTAMP_CHARS)?;
    if parse_timestamp(&s).is_some() {
        Ok(s)
    } else {
        Err(D::Error::custom(format!(
            "« {} » n'est pas un horodatage RFC 3339 (exemple : 2026-11-26T17:02:00+01:00).",
            shorten(&s, 40)
        )))
    }
}

/// A date `YYYY-MM-DD` or `null` (the key must be there).
pub(crate) fn opt_date<'de, D: Deserializer<'de>>(d: D) -> Result<Option<NaiveDate>, D::Error> {
    match Option::<String>::deserialize(d)? {
        None => Ok(None),
        Some(s) => iso_date::read(&capped(s, MAX_TIMESTAMP_CHARS)?).map(Some),
    }
}

/// A date `YYYY-MM-DD` that must be given: `what` names it in the message for `null`.
pub(crate) fn required_date<'de, D: Deserializer<'de>>(
    d: D,
    what: &str,
) -> Result<NaiveDate, D::Error> {
    opt_date(d)?.ok_or_else(|| D::Error::custom(format!("{what} (AAAA-MM-JJ) est obligatoire.")))
}

/// An array of at most `max` items, refused before its items are read.
pub(crate) fn at_most<'de, D, T>(d: D, max: usize) -> Result<Vec<T>, D::Error>
where
    D: Deserializer<'de>,
    T: Deserialize<'de>,
{
    d.deserialize_seq(AtMost {
        max,
        item: PhantomData,
    })
}

struct AtMost<T> {
    max: usize,
    item: PhantomData<T>,
}

impl<'de, T: Deserialize<'de>> Visitor<'de> for AtMost<T> {
    type Value = Vec<T>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("tableau")
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Vec<T>, A::Error> {
        let max = self.max;
        let too_many = |n: usize| A::Error::custom(format!("{n} éléments, {max} au plus."));
        if let Some(n) = seq.size_hint().filter(|&n| n > self.max) {
            return Err(too_many(n));
        }
        let mut items = Vec::new();
        while let Some(item) = seq.next_element()? {
            if items.len() == max {
                return Err(too_many(max + 1));
            }
            items.push(item);
        }
        Ok(items)
    }
}

/// The trainees of a draft: at most [`MAX_TRAINEES`].
pub(crate) fn trainees<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<Trainee>, D::Error> {
    at_most(d, MAX_TRAINEES)
}

/// The caps of the simulator inputs (the form's serde derive lives with the form and
/// says nothing of them): at most [`MAX_MODULES`] modules, numbers typed in at most
/// [`MAX_TYPED_CHARS`] characters. `path` is where the form sits.
pub(crate) fn check_form(form: &QuoteForm, path: &str) -> Result<(), PathError> {
    if form.modules.len() > MAX_MODULES {
        return Err(PathError::new(
            join(path, "modules"),
            format!("{} éléments, {MAX_MODULES} au plus.", form.modules.len()),
        ));
    }
    for (key, typed) in [
        ("trainees", &form.trainees),
        ("coaching_days", &form.coaching_days),
        ("opco_amount", &form.opco_amount),
        ("cpf_balance", &form.cpf_balance),
        ("session", &form.session),
    ] {
        if let Some(message) = over_cap(typed, MAX_TYPED_CHARS) {
            return Err(PathError::new(join(path, key), message));
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::super::json::read;
    use super::*;
    use serde::Deserialize;
    use serde_json::{json, Value};

    #[derive(Debug, Deserialize)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct Checked {
        #[serde(deserialize_with = "id")]
        id: String,
        #[serde(deserialize_with = "timestamp")]
        at: String,
        #[serde(deserialize_with = "opt_date")]
        day: Option<NaiveDate>,
        #[serde(deserialize_with = "trainees")]
        trainees: Vec<Trainee>,
        #[serde(deserialize_with = "opt_text")]
        note: Option<String>,
    }

    fn good() -> Value {
        json!({"id": "b1", "at": "2026-11-26T17:02:00Z", "day": null, "trainees": [], "note": null})
    }

    fn message(edit: impl FnOnce(&mut Value)) -> PathError {
        let mut v = good();
        edit(&mut v);
        read::<Checked>(&v, "").unwrap_err()
    }

    #[test]
    fn checked_fields_say_what_is_wrong() {
        assert!(read::<Checked>(&good(), "").is_ok());
        assert_eq!(
            message(|v| v["id"] = "a b".into()).message,
            "identifiant invalide : de 1 à 64 lettres sans accent, chiffres, « - » ou « _ »."
        );
        assert_eq!(
            message(|v| v["at"] = "hier".into()).message,
            "« hier » n'est pas un horodatage RFC 3339 (exemple : 2026-11-26T17:02:00+01:00)."
        );
        assert_eq!(
            message(|v| v["day"] = "2027-02-30".into()),
            PathError::new(
                "day",
                "« 2027-02-30 » n'est pas une date AAAA-MM-JJ valide."
            )
        );
        assert_eq!(
            message(|v| {
                v.as_object_mut().unwrap().remove("day");
            }),
            PathError::new("day", "champ obligatoire absent.")
        );
        let trainee = json!({"name": "", "email": "", "job": ""});
        assert_eq!(
            message(|v| v["trainees"] = Value::Array(vec![trainee; MAX_TRAINEES + 1])),
            PathError::new("trainees", "51 éléments, 50 au plus.")
        );
        assert_eq!(
            message(|v| v["note"] = "x".repeat(MAX_TEXT_CHARS + 1).into()),
            PathError::new("note", "texte trop long : 2001 caractères, 2000 au plus.")
        );
    }

    #[test]
    fn form_caps_name_the_field() {
        let mut form = QuoteForm {
            modules: vec![1; MAX_MODULES],
            ..QuoteForm::default()
        };
        assert_eq!(check_form(&form, "form"), Ok(()));
        form.cpf_balance = "1".repeat(MAX_TYPED_CHARS + 1);
        assert_eq!(
            check_form(&form, "form").unwrap_err().path,
            "form.cpf_balance"
        );
        form.modules.push(1);
        assert_eq!(check_form(&form, "").unwrap_err().path, "modules");
    }
}
