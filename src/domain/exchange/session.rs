//! The session of an enrolment request (version 2): the catalogue's session the draft
//! chose (`simulator_inputs.session`), with the dates of the modules its quote buys, or
//! `null` (« Dates à convenir »). Read back, it must name the session the simulator inputs
//! name; its place, mode and dates are checked for their shape only (the draft keeps the
//! session's id, the dates are the catalogue's).

use chrono::NaiveDate;
use serde::de::{Deserializer, Error as _};
use serde::{Deserialize, Serialize, Serializer};

use super::figures::module_number;
use crate::domain::calendar::format_iso_date;
use crate::domain::catalogue::{session_id_is_valid, Catalogue, MAX_SESSION_ID_CHARS};
use crate::domain::draft::fields::{self, at_most, required_date};
use crate::domain::draft::json::shorten;
use crate::domain::draft::{PathError, MAX_MODULES};
use crate::domain::sessions::chosen_dates;

/// Dates of one module in a session: one per day it lasts (the course's modules last two
/// days at most; a month of training days is far beyond).
pub(super) const MAX_MODULE_DATES: usize = 31;

/// The session chosen: the catalogue's, with only the modules the quote buys.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ChosenSession {
    /// The session's id in the catalogue (`paris-2027-03`).
    #[serde(deserialize_with = "session_id")]
    pub id: String,
    #[serde(deserialize_with = "fields::line")]
    pub place: String,
    #[serde(deserialize_with = "fields::line")]
    pub mode: String,
    /// The modules bought (all of them for the full course), in the catalogue's order.
    #[serde(deserialize_with = "session_modules")]
    pub modules: Vec<ChosenModule>,
}

/// One module bought and its dates in the session.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ChosenModule {
    #[serde(deserialize_with = "module")]
    pub module: u8,
    /// `YYYY-MM-DD`, one per day the module lasts.
    #[serde(serialize_with = "write_dates", deserialize_with = "module_dates")]
    pub dates: Vec<NaiveDate>,
}

/// The session `id` names in the catalogue, with the dates of `modules` in it; `None` when
/// `id` is empty or names no session of the catalogue.
pub(super) fn chosen_session(
    catalogue: &Catalogue,
    id: &str,
    modules: &[u8],
) -> Option<ChosenSession> {
    let session = catalogue.session(id)?;
    Some(ChosenSession {
        id: session.id.clone(),
        place: session.place.clone(),
        mode: session.mode.clone(),
        modules: chosen_dates(catalogue, session, modules)
            .into_iter()
            .map(|m| ChosenModule {
                module: m.module,
                dates: m.dates,
            })
            .collect(),
    })
}

/// `session` must be the session the simulator inputs chose (`typed`, their `session`):
/// the same id, or `null` when they chose none.
pub(super) fn check_session(session: Option<&ChosenSession>, typed: &str) -> Result<(), PathError> {
    const INPUTS: &str = "la simulation enregistrée (« simulator_inputs.session »)";
    match session {
        Some(s) if s.id == typed => Ok(()),
        None if typed.is_empty() => Ok(()),
        Some(s) if typed.is_empty() => Err(PathError::new(
            "session",
            format!(
                "la session « {} » ne correspond pas à {INPUTS}, qui n'en choisit aucune \
                 (null attendu).",
                s.id
            ),
        )),
        Some(s) => Err(PathError::new(
            "session.id",
            format!(
                "« {} » ne correspond pas à {INPUTS}, qui donne « {} ».",
                s.id,
                shorten(typed, 40)
            ),
        )),
        None => Err(PathError::new(
            "session",
            format!(
                "null ne correspond pas à {INPUTS}, qui choisit la session « {} ».",
                shorten(typed, 40)
            ),
        )),
    }
}

/// A session id: lower-case letters, digits and hyphens, at most [`MAX_SESSION_ID_CHARS`].
fn session_id<'de, D: Deserializer<'de>>(d: D) -> Result<String, D::Error> {
    let id = String::deserialize(d)?;
    if session_id_is_valid(&id) {
        Ok(id)
    } else {
        Err(D::Error::custom(format!(
            "« {} » n'est pas un identifiant de session : de 1 à {MAX_SESSION_ID_CHARS} \
             lettres minuscules sans accent, chiffres ou « - ».",
            shorten(&id, 40)
        )))
    }
}

/// The modules of a session: at least one, at most [`MAX_MODULES`].
fn session_modules<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<ChosenModule>, D::Error> {
    let modules = at_most(d, MAX_MODULES)?;
    if modules.is_empty() {
        return Err(D::Error::custom(
            "une session choisie a au moins un module (sinon, null).",
        ));
    }
    Ok(modules)
}

/// A module's number, from 1.
fn module<'de, D: Deserializer<'de>>(d: D) -> Result<u8, D::Error> {
    module_number(d)?.ok_or_else(|| D::Error::custom("le numéro du module est obligatoire."))
}

/// One date of a module.
#[derive(Deserialize)]
struct Day(#[serde(deserialize_with = "day")] NaiveDate);

fn day<'de, D: Deserializer<'de>>(d: D) -> Result<NaiveDate, D::Error> {
    required_date(d, "une date du module")
}

/// A module's dates: at least one, at most [`MAX_MODULE_DATES`].
fn module_dates<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<NaiveDate>, D::Error> {
    let days: Vec<Day> = at_most(d, MAX_MODULE_DATES)?;
    if days.is_empty() {
        return Err(D::Error::custom("un module a au moins une date."));
    }
    Ok(days.into_iter().map(|Day(date)| date).collect())
}

fn write_dates<S: Serializer>(dates: &[NaiveDate], s: S) -> Result<S::Ok, S::Error> {
    s.collect_seq(dates.iter().map(|d| format_iso_date(*d)))
}
