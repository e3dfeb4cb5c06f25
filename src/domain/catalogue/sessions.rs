//! The sessions the site owner has scheduled (`sessions` in the data file). Their checks
//! are `model.rs`'s (`validate_sessions`): `build.rs` includes both files, and a session
//! that breaks a rule fails the build with a French message naming the session and the
//! field.
//!
//! What the screens do with them (upcoming, the dates of chosen modules, the wording) is
//! in `domain::sessions`.

use chrono::NaiveDate;
use serde::{de, Deserialize, Deserializer, Serialize, Serializer};

use crate::domain::calendar::iso_date;
use crate::domain::order::sort_by_key;

/// Longest session id.
pub const MAX_SESSION_ID_CHARS: usize = 40;

/// A session id's form: 1 to [`MAX_SESSION_ID_CHARS`] lower-case letters, digits and
/// hyphens. The data file's checks, share links and enrolment requests read ids by it.
pub fn session_id_is_valid(id: &str) -> bool {
    !id.is_empty()
        && id.len() <= MAX_SESSION_ID_CHARS
        && id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

/// One scheduled run of the course: where, how, whether it takes enrolments, and every
/// module's dates.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Session {
    /// Lower-case letters, digits and hyphens, at most [`MAX_SESSION_ID_CHARS`], unique.
    pub id: String,
    /// One of `course.places`.
    pub place: String,
    /// One of `course.modes`.
    pub mode: String,
    pub status: SessionStatus,
    /// Every module of the course once, in any order.
    pub modules: Vec<SessionModule>,
}

/// Whether a session still takes enrolments (the CGV: « une fois l'effectif atteint, les
/// inscriptions sont closes »).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum SessionStatus {
    #[serde(rename = "open")]
    Open,
    #[serde(rename = "full")]
    Full,
}

/// A module's dates in a session: one per day it lasts (a half-day module: one).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SessionModule {
    pub module: u8,
    #[serde(serialize_with = "write_dates", deserialize_with = "read_dates")]
    pub dates: Vec<NaiveDate>,
}

fn write_dates<S: Serializer>(dates: &[NaiveDate], s: S) -> Result<S::Ok, S::Error> {
    s.collect_seq(
        dates
            .iter()
            .map(|d| crate::domain::calendar::format_iso_date(*d)),
    )
}

fn read_dates<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<NaiveDate>, D::Error> {
    Vec::<String>::deserialize(d)?
        .iter()
        .map(|text| iso_date::read::<D::Error>(text))
        .collect::<Result<_, _>>()
        .map_err(de::Error::custom)
}

impl Session {
    /// Every date of the session, in order.
    pub fn dates(&self) -> Vec<NaiveDate> {
        let mut all: Vec<NaiveDate> = self
            .modules
            .iter()
            .flat_map(|m| m.dates.iter().copied())
            .collect();
        sort_by_key(&mut all, |d| *d);
        all
    }

    /// The first day (`None` only for a session with no date, which the checks refuse).
    pub fn start(&self) -> Option<NaiveDate> {
        self.modules
            .iter()
            .flat_map(|m| m.dates.first())
            .min()
            .copied()
    }

    /// The last day.
    pub fn end(&self) -> Option<NaiveDate> {
        self.modules
            .iter()
            .flat_map(|m| m.dates.last())
            .max()
            .copied()
    }

    /// Module `number`'s dates in this session (empty if the session lacks it).
    pub fn module_dates(&self, number: u8) -> &[NaiveDate] {
        self.modules
            .iter()
            .find(|m| m.module == number)
            .map_or(&[], |m| m.dates.as_slice())
    }

    pub fn is_open(&self) -> bool {
        self.status == SessionStatus::Open
    }
}
