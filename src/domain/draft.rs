//! Draft enrolments: the simulator's inputs plus the enrolment details (client, trainees,
//! funding, session wishes), the checks shown next to each field, and the document kept in
//! the browser's storage under one versioned key, with its migration and its operations.
//!
//! Everything here is pure: the current time comes from the caller as an RFC 3339 string,
//! stored text is parsed (never trusted) and every text is capped.
//!
//! # The storage document
//!
//! One key, [`STORAGE_KEY`], holds `{"version": 1, "drafts": [<draft>…]}` where a draft is
//! `{"id", "name", "created", "updated", "form": <QuoteForm>, "enrolment": {"client":
//! {"kind", "name", "siret", "address", "email", "phone"}, "trainees": [{"name", "email",
//! "job"}], "funding": {"opco_name"}, "place", "mode", "start_wish": "YYYY-MM-DD" | null,
//! "accessibility", "notes"}}` (the layout of the serde derive, see [`Draft::to_value`]).
//!
//! **Version 0**, the first format, had no `version` key (or `"version": 0`) and kept the
//! simulation only: `{"brouillons": [{"id": "…", "nom": "…", "simulation": <QuoteForm>,
//! "modifie": "<RFC 3339>"}]}`. It is migrated to version 1 with `name = nom`,
//! `created = updated = modifie`, `form = simulation` and empty enrolment details.
//!
//! A version above 1 (written by a newer app) or text that is not such a document is
//! *unreadable*: [`load_store`] hands the raw text back to be set aside, intact, under
//! [`aside_key`], and never asks for it to be overwritten before that.

use std::collections::BTreeSet;
use std::fmt;

use chrono::{DateTime, Datelike, FixedOffset, NaiveDate, Timelike};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use super::calendar::{format_iso_date, parse_iso_date};
use super::catalogue::Catalogue;
use super::fr::{day_of_month_fr, format_date_fr, month_fr};
use super::pricing::{price_quote, Quote};
use super::quote_form::{FundingChoice, QuoteForm};

/// The `localStorage` key holding every draft.
pub const STORAGE_KEY: &str = "cosens.brouillons";
/// Prefix of the keys under which unreadable stored data is set aside.
pub const ASIDE_KEY_PREFIX: &str = "cosens.brouillons.illisible.";
/// The version of the storage document written by this build.
pub const STORE_VERSION: u32 = 1;

/// At most this many drafts in the store (and in a backup).
pub const MAX_DRAFTS: usize = 500;
/// At most this many named trainees in a draft.
pub const MAX_TRAINEES: usize = 50;
/// Multi-line texts (address, accessibility needs, notes), in characters.
pub const MAX_TEXT_CHARS: usize = 2_000;
/// One-line texts (names, e-mail, phone, SIRET, place, mode, OPCO), in characters.
pub const MAX_LINE_CHARS: usize = 254;
/// Numbers as typed in the simulator form (trainees, days, amounts), in characters.
pub const MAX_TYPED_CHARS: usize = 40;
/// Module numbers ticked in a form.
pub const MAX_MODULES: usize = 20;
/// A draft id: 1 to 64 characters among `A–Z a–z 0–9 - _`.
pub const MAX_ID_CHARS: usize = 64;
/// An RFC 3339 timestamp, in characters.
pub const MAX_TIMESTAMP_CHARS: usize = 40;
/// Stored text above this size is not parsed (it is set aside).
pub const MAX_STORED_BYTES: usize = 16_000_000;

// ---------------------------------------------------------------------------------------
// The draft
// ---------------------------------------------------------------------------------------

/// One draft enrolment.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct Draft {
    /// Unique in the store; `A–Z a–z 0–9 - _`, used in the address `/brouillons/ID`.
    pub id: String,
    pub name: String,
    /// RFC 3339.
    pub created: String,
    /// RFC 3339; the list is sorted on it, most recent first.
    pub updated: String,
    /// The simulator inputs (formula, trainees, coaching, certification, VAT, funding type
    /// and amounts): the single source of the quote.
    pub form: QuoteForm,
    pub enrolment: Enrolment,
}

/// The enrolment details a draft adds to the quote.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct Enrolment {
    pub client: Client,
    pub trainees: Vec<Trainee>,
    pub funding: EnrolmentFunding,
    /// One of the catalogue's places ("Paris", "Marseille"), or empty.
    pub place: String,
    /// One of the catalogue's modes ("Présentiel", "Distanciel"), or empty.
    pub mode: String,
    pub start_wish: Option<NaiveDate>,
    pub accessibility: String,
    pub notes: String,
}

/// Who enrols: a company (SIRET required) or an individual.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
pub enum ClientKind {
    #[default]
    #[serde(rename = "entreprise")]
    Company,
    #[serde(rename = "particulier")]
    Individual,
}

impl ClientKind {
    pub const ALL: [ClientKind; 2] = [ClientKind::Company, ClientKind::Individual];

    /// The value in JSON documents and form controls.
    pub fn key(self) -> &'static str {
        match self {
            ClientKind::Company => "entreprise",
            ClientKind::Individual => "particulier",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            ClientKind::Company => "Entreprise",
            ClientKind::Individual => "Particulier",
        }
    }

    pub fn from_key(key: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.key() == key)
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct Client {
    pub kind: ClientKind,
    /// Company name, or the person's full name.
    pub name: String,
    /// Required (and checked) for a company; spaces allowed.
    pub siret: String,
    pub address: String,
    pub email: String,
    pub phone: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct Trainee {
    pub name: String,
    pub email: String,
    pub job: String,
}

/// Funding details the simulator form does not hold. The funding *type* and the amounts
/// (OPCO amount, CPF balance, CPF exemption) live in [`Draft::form`] only, so that a draft
/// has one source for what it costs.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct EnrolmentFunding {
    /// One of the catalogue's OPCOs, or empty.
    pub opco_name: String,
}

// ---------------------------------------------------------------------------------------
// Checks of identifiers
// ---------------------------------------------------------------------------------------

/// A SIRET: 14 digits (spaces allowed), whose SIREN (first 9) passes the Luhn check and
/// whose whole number passes it too — except La Poste's establishments (SIREN 356000000),
/// whose digits add up to a multiple of 5 (only their head office, 356 000 000 00048,
/// passes the Luhn check instead).
pub fn siret_is_valid(s: &str) -> bool {
    if s.len() > MAX_TYPED_CHARS {
        return false;
    }
    let mut digits = Vec::with_capacity(14);
    for c in s.chars() {
        match c {
            ' ' | '\u{a0}' | '\u{202f}' => {}
            '0'..='9' => digits.push(u32::from(c as u8 - b'0')),
            _ => return false,
        }
    }
    if digits.len() != 14 {
        return false;
    }
    let (siren, _) = digits.split_at(9);
    if !luhn(siren) {
        return false;
    }
    if siren == [3, 5, 6, 0, 0, 0, 0, 0, 0] {
        let sum: u32 = digits.iter().sum();
        sum.is_multiple_of(5) || digits == [3, 5, 6, 0, 0, 0, 0, 0, 0, 0, 0, 0, 4, 8]
    } else {
        luhn(&digits)
    }
}

/// The Luhn check: from the right, every second digit doubled (minus 9 above 9), the sum
/// a multiple of 10.
fn luhn(digits: &[u32]) -> bool {
    let sum: u32 = digits
        .iter()
        .rev()
        .enumerate()
        .map(|(i, &d)| {
            if i % 2 == 1 {
                let twice = d * 2;
                if twice > 9 {
                    twice - 9
                } else {
                    twice
                }
            } else {
                d
            }
        })
        .sum();
    sum.is_multiple_of(10)
}

/// An e-mail address of the usual form `local@domain.tld` (surrounding spaces ignored):
/// one `@`, a local part of at most 64 characters without spaces, a domain of at least two
/// labels made of letters, digits and inner hyphens, a top-level domain not all digits.
pub fn email_is_valid(s: &str) -> bool {
    let s = s.trim();
    if s.is_empty() || s.len() > MAX_LINE_CHARS {
        return false;
    }
    let Some((local, domain)) = s.rsplit_once('@') else {
        return false;
    };
    if local.is_empty()
        || local.len() > 64
        || local.starts_with('.')
        || local.ends_with('.')
        || local.contains("..")
        || !local
            .chars()
            .all(|c| c.is_alphanumeric() || "!#$%&'*+/=?^_`{|}~.-".contains(c))
    {
        return false;
    }
    let labels: Vec<&str> = domain.split('.').collect();
    if labels.len() < 2 {
        return false;
    }
    let labels_ok = labels.iter().all(|l| {
        !l.is_empty()
            && l.len() <= 63
            && !l.starts_with('-')
            && !l.ends_with('-')
            && l.chars().all(|c| c.is_alphanumeric() || c == '-')
    });
    let tld_ok = labels
        .last()
        .is_some_and(|t| t.chars().count() >= 2 && !t.chars().all(|c| c.is_ascii_digit()));
    labels_ok && tld_ok
}

/// A French phone number: `0X XX XX XX XX` (X from 1 to 9 first) or `+33 X XX XX XX XX`
/// (also `0033…` and `+33 (0)X…`); spaces, dots and hyphens between digits are allowed.
pub fn french_phone_is_valid(s: &str) -> bool {
    if s.len() > MAX_TYPED_CHARS {
        return false;
    }
    let compact: String = s
        .chars()
        .filter(|c| !matches!(c, ' ' | '.' | '-' | '\u{a0}' | '\u{202f}'))
        .collect();
    let national = if let Some(rest) = compact
        .strip_prefix("+33")
        .or_else(|| compact.strip_prefix("0033"))
    {
        rest.strip_prefix("(0)").unwrap_or(rest)
    } else if let Some(rest) = compact.strip_prefix('0') {
        rest
    } else {
        return false;
    };
    national.len() == 9
        && national.chars().all(|c| c.is_ascii_digit())
        && !national.starts_with('0')
}

/// A draft id: 1 to [`MAX_ID_CHARS`] characters among `A–Z a–z 0–9 - _`.
pub fn id_is_valid(id: &str) -> bool {
    !id.is_empty()
        && id.len() <= MAX_ID_CHARS
        && id
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
}

/// Parses an RFC 3339 timestamp (`2026-11-26T17:02:00+01:00`, `…Z`, fractions allowed).
pub fn parse_timestamp(s: &str) -> Option<DateTime<FixedOffset>> {
    if s.len() < 20 || s.len() > MAX_TIMESTAMP_CHARS {
        return None;
    }
    // The date and time parts must be written in full, as RFC 3339 has it.
    let shape_ok = "dddd-dd-ddTdd:dd:dd"
        .chars()
        .zip(s.chars())
        .all(|(want, got)| match want {
            'd' => got.is_ascii_digit(),
            'T' => got == 'T' || got == 't',
            other => got == other,
        });
    if !shape_ok || !rfc3339_tail_ok(s.get(19..).unwrap_or("")) {
        return None;
    }
    DateTime::parse_from_rfc3339(s).ok()
}

/// A stored timestamp for the drafts list, in the time of day it was written:
/// `26 novembre 2026 à 17:02`. `None` when it is not an RFC 3339 timestamp.
pub fn format_timestamp_fr(s: &str) -> Option<String> {
    let t = parse_timestamp(s)?;
    let day_text = day_of_month_fr(t.day());
    Some(format!(
        "{day_text} {} {} à {:02}:{:02}",
        month_fr(t.month()),
        t.year(),
        t.hour(),
        t.minute()
    ))
}

/// What follows the seconds: optional fractions, then `Z` or `±HH:MM`.
fn rfc3339_tail_ok(tail: &str) -> bool {
    let rest = match tail.strip_prefix('.') {
        Some(frac) => {
            let digits = frac.bytes().take_while(u8::is_ascii_digit).count();
            if digits == 0 {
                return false;
            }
            frac.get(digits..).unwrap_or("")
        }
        None => tail,
    };
    if rest == "Z" || rest == "z" {
        return true;
    }
    let b = rest.as_bytes();
    b.len() == 6
        && (b[0] == b'+' || b[0] == b'-')
        && b[1].is_ascii_digit()
        && b[2].is_ascii_digit()
        && b[3] == b':'
        && b[4].is_ascii_digit()
        && b[5].is_ascii_digit()
}

// ---------------------------------------------------------------------------------------
// Problems shown next to the fields
// ---------------------------------------------------------------------------------------

/// A field of the enrolment details, for the messages shown next to it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum DraftField {
    Name,
    ClientName,
    ClientSiret,
    ClientAddress,
    ClientEmail,
    ClientPhone,
    /// The list of trainees as a whole.
    Trainees,
    TraineeName(usize),
    TraineeEmail(usize),
    TraineeJob(usize),
    /// The funding chosen (CPF is for an individual only).
    Funding,
    OpcoName,
    Place,
    Mode,
    StartWish,
    Accessibility,
    Notes,
}

impl DraftField {
    /// Where the field sits in an enrolment request (`client.email`, `trainees[0].email`).
    pub fn path(self) -> String {
        match self {
            DraftField::Name => "draft.name".into(),
            DraftField::ClientName => "client.name".into(),
            DraftField::ClientSiret => "client.siret".into(),
            DraftField::ClientAddress => "client.address".into(),
            DraftField::ClientEmail => "client.email".into(),
            DraftField::ClientPhone => "client.phone".into(),
            DraftField::Trainees => "trainees".into(),
            DraftField::TraineeName(i) => format!("trainees[{i}].name"),
            DraftField::TraineeEmail(i) => format!("trainees[{i}].email"),
            DraftField::TraineeJob(i) => format!("trainees[{i}].job"),
            DraftField::Funding => "funding.type".into(),
            DraftField::OpcoName => "funding.opco_name".into(),
            DraftField::Place => "session.place".into(),
            DraftField::Mode => "session.mode".into(),
            DraftField::StartWish => "session.start_wish".into(),
            DraftField::Accessibility => "accessibility".into(),
            DraftField::Notes => "notes".into(),
        }
    }

    /// The French label of the control.
    pub fn label(self) -> String {
        match self {
            DraftField::Name => "Nom du brouillon".into(),
            DraftField::ClientName => "Nom du client".into(),
            DraftField::ClientSiret => "SIRET".into(),
            DraftField::ClientAddress => "Adresse".into(),
            DraftField::ClientEmail => "E-mail du client".into(),
            DraftField::ClientPhone => "Téléphone du client".into(),
            DraftField::Trainees => "Stagiaires".into(),
            DraftField::TraineeName(i) => format!("Stagiaire {} : nom", i + 1),
            DraftField::TraineeEmail(i) => format!("Stagiaire {} : e-mail", i + 1),
            DraftField::TraineeJob(i) => format!("Stagiaire {} : fonction", i + 1),
            DraftField::Funding => "Financement".into(),
            DraftField::OpcoName => "OPCO".into(),
            DraftField::Place => "Lieu".into(),
            DraftField::Mode => "Modalité".into(),
            DraftField::StartWish => "Date de début souhaitée".into(),
            DraftField::Accessibility => "Besoins d'accessibilité".into(),
            DraftField::Notes => "Notes".into(),
        }
    }
}

impl Draft {
    /// A new draft holding `form`, created and updated at `now`.
    pub fn new(id: impl Into<String>, name: impl Into<String>, form: QuoteForm, now: &str) -> Self {
        Draft {
            id: id.into(),
            name: name.into(),
            created: now.to_string(),
            updated: now.to_string(),
            form,
            enrolment: Enrolment::default(),
        }
    }

    /// Marks the draft as changed at `now` (an RFC 3339 timestamp).
    pub fn touch(&mut self, now: &str) -> Result<(), StoreError> {
        checked_now(now)?;
        self.updated = now.to_string();
        Ok(())
    }

    /// What is wrong or missing in the enrolment details, field by field, in French, in the
    /// order of the form. An empty list means the details are complete and well formed.
    /// (The simulator inputs are checked by [`QuoteForm::to_request`].)
    pub fn problems(&self, catalogue: &Catalogue) -> Vec<(DraftField, String)> {
        let mut out: Vec<(DraftField, String)> = Vec::new();
        let mut push = |field: DraftField, message: String| out.push((field, message));
        let e = &self.enrolment;
        let c = &e.client;

        if self.name.trim().is_empty() {
            push(DraftField::Name, "Donnez un nom à ce brouillon.".into());
        }
        for (field, text, max) in [
            (DraftField::Name, &self.name, MAX_LINE_CHARS),
            (DraftField::ClientName, &c.name, MAX_LINE_CHARS),
            (DraftField::ClientSiret, &c.siret, MAX_LINE_CHARS),
            (DraftField::ClientAddress, &c.address, MAX_TEXT_CHARS),
            (DraftField::ClientEmail, &c.email, MAX_LINE_CHARS),
            (DraftField::ClientPhone, &c.phone, MAX_LINE_CHARS),
            (DraftField::OpcoName, &e.funding.opco_name, MAX_LINE_CHARS),
            (DraftField::Place, &e.place, MAX_LINE_CHARS),
            (DraftField::Mode, &e.mode, MAX_LINE_CHARS),
            (DraftField::Accessibility, &e.accessibility, MAX_TEXT_CHARS),
            (DraftField::Notes, &e.notes, MAX_TEXT_CHARS),
        ] {
            if let Some(message) = too_long(text, max) {
                push(field, message);
            }
        }

        match c.kind {
            ClientKind::Company => {
                if c.name.trim().is_empty() {
                    push(
                        DraftField::ClientName,
                        "Indiquez la raison sociale de l'entreprise.".into(),
                    );
                }
                if c.siret.trim().is_empty() {
                    push(
                        DraftField::ClientSiret,
                        "Indiquez le SIRET de l'entreprise (14 chiffres).".into(),
                    );
                } else if !siret_is_valid(&c.siret) {
                    push(
                        DraftField::ClientSiret,
                        "Ce SIRET n'est pas valide : il compte 14 chiffres et sa clé de contrôle \
                         (formule de Luhn) doit être juste. Vérifiez-le sur l'avis de situation \
                         SIRENE ou un extrait Kbis."
                            .into(),
                    );
                }
            }
            ClientKind::Individual => {
                if c.name.trim().is_empty() {
                    push(DraftField::ClientName, "Indiquez vos nom et prénom.".into());
                }
                if !c.siret.trim().is_empty() && !siret_is_valid(&c.siret) {
                    push(
                        DraftField::ClientSiret,
                        "Ce SIRET n'est pas valide (14 chiffres et une clé de contrôle juste) ; \
                         laissez ce champ vide pour un particulier."
                            .into(),
                    );
                }
            }
        }
        if c.email.trim().is_empty() {
            push(
                DraftField::ClientEmail,
                "Indiquez une adresse e-mail pour vous répondre.".into(),
            );
        } else if !email_is_valid(&c.email) {
            push(
                DraftField::ClientEmail,
                "Cette adresse e-mail n'est pas valide (exemple : prenom.nom@exemple.fr).".into(),
            );
        }
        if !c.phone.trim().is_empty() && !french_phone_is_valid(&c.phone) {
            push(
                DraftField::ClientPhone,
                "Ce numéro n'est pas un numéro français valide (exemple : 01 23 45 67 89 ou \
                 +33 1 23 45 67 89)."
                    .into(),
            );
        }

        // Trainees.
        if e.trainees.len() > MAX_TRAINEES {
            push(
                DraftField::Trainees,
                format!(
                    "{} stagiaires au plus par brouillon ({} indiqués).",
                    MAX_TRAINEES,
                    e.trainees.len()
                ),
            );
        }
        if let Ok(planned) = self.form.trainees.trim().parse::<usize>() {
            if e.trainees.len() > planned {
                push(
                    DraftField::Trainees,
                    format!(
                        "{} stagiaires sont nommés alors que la simulation en prévoit {} : \
                         ajustez le « Nombre de stagiaires ».",
                        e.trainees.len(),
                        planned
                    ),
                );
            }
        }
        for (i, t) in e.trainees.iter().enumerate().take(MAX_TRAINEES) {
            if t.name.trim().is_empty() {
                push(
                    DraftField::TraineeName(i),
                    format!("Indiquez le nom du stagiaire {}.", i + 1),
                );
            }
            if !t.email.trim().is_empty() && !email_is_valid(&t.email) {
                push(
                    DraftField::TraineeEmail(i),
                    format!(
                        "L'adresse e-mail du stagiaire {} n'est pas valide (exemple : \
                         prenom.nom@exemple.fr).",
                        i + 1
                    ),
                );
            }
            for (field, text) in [
                (DraftField::TraineeName(i), &t.name),
                (DraftField::TraineeEmail(i), &t.email),
                (DraftField::TraineeJob(i), &t.job),
            ] {
                if let Some(message) = too_long(text, MAX_LINE_CHARS) {
                    push(field, message);
                }
            }
        }

        // Funding: CPF for an individual only; the OPCO's name when the form says OPCO.
        if self.form.funding == FundingChoice::Cpf && c.kind == ClientKind::Company {
            push(
                DraftField::Funding,
                "Le CPF finance la formation d'une personne, titulaire du compte, qui s'inscrit \
                 elle-même : il ne peut pas être choisi pour un client entreprise. Choisissez \
                 un financement OPCO ou aucun, ou indiquez un client particulier."
                    .into(),
            );
        }
        let opco = e.funding.opco_name.trim();
        if self.form.funding == FundingChoice::Opco && opco.is_empty() {
            push(
                DraftField::OpcoName,
                "Choisissez l'OPCO qui finance la formation.".into(),
            );
        } else if !opco.is_empty() && !catalogue.opcos.iter().any(|o| o == opco) {
            push(
                DraftField::OpcoName,
                format!(
                    "« {} » n'est pas un OPCO reconnu ; choisissez-en un dans la liste : {}.",
                    shorten(opco, 60),
                    catalogue.opcos.join(", ")
                ),
            );
        }

        // Session wishes.
        let place = e.place.trim();
        if !place.is_empty() && !catalogue.course.places.iter().any(|p| p == place) {
            push(
                DraftField::Place,
                format!(
                    "Choisissez un lieu parmi : {}.",
                    catalogue.course.places.join(", ")
                ),
            );
        }
        let mode = e.mode.trim();
        if !mode.is_empty() && !catalogue.course.modes.iter().any(|m| m == mode) {
            push(
                DraftField::Mode,
                format!(
                    "Choisissez une modalité parmi : {}.",
                    catalogue.course.modes.join(", ")
                ),
            );
        }
        out
    }

    /// The draft's quote on `date`, when its simulator inputs can be priced.
    pub fn quote(&self, catalogue: &Catalogue, date: NaiveDate) -> Option<Quote> {
        let request = self.form.to_request(catalogue, date).ok()?;
        price_quote(catalogue, &request).ok()
    }

    /// The draft's total TTC on `date`, when its simulator inputs can be priced.
    pub fn total_ttc(&self, catalogue: &Catalogue, date: NaiveDate) -> Option<Decimal> {
        self.quote(catalogue, date).map(|q| q.total_ttc)
    }

    /// The draft as a JSON value, in the layout of its serde derive (the storage and backup
    /// layout). Written by hand so that it cannot fail.
    pub fn to_value(&self) -> Value {
        object(vec![
            ("id", text(&self.id)),
            ("name", text(&self.name)),
            ("created", text(&self.created)),
            ("updated", text(&self.updated)),
            ("form", form_to_value(&self.form)),
            ("enrolment", enrolment_to_value(&self.enrolment)),
        ])
    }

    /// Reads a draft from a JSON value, checking every field; an error names the field by
    /// its path from `path` (`drafts[3].enrolment.client.email`).
    pub fn from_value(value: &Value, path: &str) -> Result<Draft, PathError> {
        let o = Obj::new(value, path)?;
        o.only(&["id", "name", "created", "updated", "form", "enrolment"])?;
        Ok(Draft {
            id: o.id("id")?,
            name: o.string("name", MAX_LINE_CHARS)?,
            created: o.timestamp("created")?,
            updated: o.timestamp("updated")?,
            form: form_from_value(o.get("form")?, &o.child("form"))?,
            enrolment: enrolment_from_value(o.get("enrolment")?, &o.child("enrolment"))?,
        })
    }

    /// Checks that the draft can be stored, exported and read back: valid id and
    /// timestamps, every text within its cap, at most [`MAX_TRAINEES`] trainees.
    pub fn check(&self) -> Result<(), PathError> {
        Draft::from_value(&self.to_value(), "").map(|_| ())
    }
}

fn too_long(text: &str, max: usize) -> Option<String> {
    let n = text.chars().count();
    (n > max).then(|| format!("Texte trop long : {n} caractères, {max} au plus."))
}

/// The first `max` characters of `s`, with "…" when cut.
pub(crate) fn shorten(s: &str, max: usize) -> String {
    if s.chars().count() <= max {
        s.to_string()
    } else {
        let mut out: String = s.chars().take(max).collect();
        out.push('…');
        out
    }
}

// ---------------------------------------------------------------------------------------
// Reading JSON with the path of every field
// ---------------------------------------------------------------------------------------

/// A field at fault in a JSON document: its path (`client.email`, `drafts[2].form.trainees`)
/// and a French message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PathError {
    pub path: String,
    pub message: String,
}

impl PathError {
    pub fn new(path: impl Into<String>, message: impl Into<String>) -> Self {
        PathError {
            path: path.into(),
            message: message.into(),
        }
    }
}

impl fmt::Display for PathError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.path.is_empty() {
            write!(f, "Document : {}", self.message)
        } else {
            write!(f, "Champ « {} » : {}", self.path, self.message)
        }
    }
}

impl std::error::Error for PathError {}

/// `path.key` (or `key` at the top).
pub(crate) fn join(path: &str, key: &str) -> String {
    if path.is_empty() {
        key.to_string()
    } else {
        format!("{path}.{key}")
    }
}

/// The JSON type of a value, in French.
pub(crate) fn kind_of(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "booléen",
        Value::Number(_) => "nombre",
        Value::String(_) => "chaîne de caractères",
        Value::Array(_) => "tableau",
        Value::Object(_) => "objet",
    }
}

pub(crate) fn wrong_type(path: &str, expected: &str, found: &Value) -> PathError {
    PathError::new(
        path,
        format!("type attendu : {expected} ; trouvé : {}.", kind_of(found)),
    )
}

/// A string value of at most `max` characters.
pub(crate) fn text_at(v: &Value, path: &str, max: usize) -> Result<String, PathError> {
    let Value::String(s) = v else {
        return Err(wrong_type(path, "chaîne de caractères", v));
    };
    let n = s.chars().count();
    if n > max {
        return Err(PathError::new(
            path,
            format!("texte trop long : {n} caractères, {max} au plus."),
        ));
    }
    Ok(s.clone())
}

/// A JSON object being read, with its path.
pub(crate) struct Obj<'a> {
    map: &'a Map<String, Value>,
    path: String,
}

impl<'a> Obj<'a> {
    pub(crate) fn new(v: &'a Value, path: &str) -> Result<Self, PathError> {
        match v {
            Value::Object(map) => Ok(Obj {
                map,
                path: path.to_string(),
            }),
            other => Err(wrong_type(path, "objet", other)),
        }
    }

    pub(crate) fn child(&self, key: &str) -> String {
        join(&self.path, key)
    }

    /// Refuses any key not in `allowed` (the first one, in key order).
    pub(crate) fn only(&self, allowed: &[&str]) -> Result<(), PathError> {
        match self.map.keys().find(|k| !allowed.contains(&k.as_str())) {
            None => Ok(()),
            Some(key) => Err(PathError::new(
                self.child(&shorten(key, 60)),
                format!(
                    "champ inconnu dans ce format ; champs attendus ici : {}.",
                    allowed.join(", ")
                ),
            )),
        }
    }

    pub(crate) fn has(&self, key: &str) -> bool {
        self.map.contains_key(key)
    }

    pub(crate) fn get(&self, key: &str) -> Result<&'a Value, PathError> {
        self.map
            .get(key)
            .ok_or_else(|| PathError::new(self.child(key), "champ obligatoire absent."))
    }

    pub(crate) fn string(&self, key: &str, max: usize) -> Result<String, PathError> {
        text_at(self.get(key)?, &self.child(key), max)
    }

    /// A string or `null`.
    pub(crate) fn opt_string(&self, key: &str, max: usize) -> Result<Option<String>, PathError> {
        match self.get(key)? {
            Value::Null => Ok(None),
            v => text_at(v, &self.child(key), max).map(Some),
        }
    }

    pub(crate) fn boolean(&self, key: &str) -> Result<bool, PathError> {
        match self.get(key)? {
            Value::Bool(b) => Ok(*b),
            other => Err(wrong_type(
                &self.child(key),
                "booléen (true ou false)",
                other,
            )),
        }
    }

    /// A whole number from `min` to `max`.
    pub(crate) fn integer(&self, key: &str, min: u64, max: u64) -> Result<u64, PathError> {
        integer_at(self.get(key)?, &self.child(key), min, max)
    }

    pub(crate) fn object(&self, key: &str) -> Result<Obj<'a>, PathError> {
        Obj::new(self.get(key)?, &self.child(key))
    }

    /// An array of at most `max` items.
    pub(crate) fn array(&self, key: &str, max: usize) -> Result<&'a [Value], PathError> {
        match self.get(key)? {
            Value::Array(items) if items.len() <= max => Ok(items),
            Value::Array(items) => Err(PathError::new(
                self.child(key),
                format!("{} éléments, {max} au plus.", items.len()),
            )),
            other => Err(wrong_type(&self.child(key), "tableau", other)),
        }
    }

    /// An RFC 3339 timestamp, kept as written.
    pub(crate) fn timestamp(&self, key: &str) -> Result<String, PathError> {
        let s = self.string(key, MAX_TIMESTAMP_CHARS)?;
        if parse_timestamp(&s).is_none() {
            return Err(PathError::new(
                self.child(key),
                format!(
                    "« {} » n'est pas un horodatage RFC 3339 (exemple : 2026-11-26T17:02:00+01:00).",
                    shorten(&s, 40)
                ),
            ));
        }
        Ok(s)
    }

    /// A draft id.
    pub(crate) fn id(&self, key: &str) -> Result<String, PathError> {
        let s = self.string(key, MAX_ID_CHARS)?;
        if !id_is_valid(&s) {
            return Err(PathError::new(
                self.child(key),
                "identifiant invalide : de 1 à 64 lettres sans accent, chiffres, « - » ou « _ ».",
            ));
        }
        Ok(s)
    }

    /// A date `YYYY-MM-DD` or `null`.
    pub(crate) fn opt_date(&self, key: &str) -> Result<Option<NaiveDate>, PathError> {
        match self.opt_string(key, MAX_TIMESTAMP_CHARS)? {
            None => Ok(None),
            Some(s) => parse_iso_date(&s)
                .filter(|_| s.len() == 10)
                .map(Some)
                .ok_or_else(|| {
                    PathError::new(
                        self.child(key),
                        format!("« {s} » n'est pas une date AAAA-MM-JJ valide."),
                    )
                }),
        }
    }
}

pub(crate) fn integer_at(v: &Value, path: &str, min: u64, max: u64) -> Result<u64, PathError> {
    match v.as_u64() {
        Some(n) if (min..=max).contains(&n) => Ok(n),
        Some(n) => Err(PathError::new(
            path,
            format!("{n} est hors limites : de {min} à {max}."),
        )),
        None => Err(wrong_type(path, "nombre entier positif", v)),
    }
}

pub(crate) fn text(s: &str) -> Value {
    Value::String(s.to_string())
}

pub(crate) fn object(pairs: Vec<(&str, Value)>) -> Value {
    Value::Object(pairs.into_iter().map(|(k, v)| (k.to_string(), v)).collect())
}

// --- The parts of a draft -------------------------------------------------------------

pub(crate) fn form_to_value(form: &QuoteForm) -> Value {
    object(vec![
        ("full_course", Value::Bool(form.full_course)),
        (
            "modules",
            Value::Array(form.modules.iter().map(|&m| Value::from(m)).collect()),
        ),
        ("trainees", text(&form.trainees)),
        ("coaching_days", text(&form.coaching_days)),
        ("certification", Value::Bool(form.certification)),
        ("vat_exempt", Value::Bool(form.vat_exempt)),
        ("funding", text(form.funding.key())),
        ("opco_amount", text(&form.opco_amount)),
        ("cpf_balance", text(&form.cpf_balance)),
        ("cpf_exempt", Value::Bool(form.cpf_exempt)),
    ])
}

pub(crate) fn form_from_value(v: &Value, path: &str) -> Result<QuoteForm, PathError> {
    let o = Obj::new(v, path)?;
    o.only(&[
        "full_course",
        "modules",
        "trainees",
        "coaching_days",
        "certification",
        "vat_exempt",
        "funding",
        "opco_amount",
        "cpf_balance",
        "cpf_exempt",
    ])?;
    let mut modules = Vec::new();
    for (i, m) in o.array("modules", MAX_MODULES)?.iter().enumerate() {
        let n = integer_at(m, &format!("{}[{i}]", o.child("modules")), 0, 255)?;
        modules.push(u8::try_from(n).unwrap_or(u8::MAX));
    }
    let funding_text = o.string("funding", MAX_TYPED_CHARS)?;
    let funding = FundingChoice::from_key(&funding_text).ok_or_else(|| {
        PathError::new(
            o.child("funding"),
            format!(
                "« {} » n'est pas un financement connu ; valeurs possibles : aucun, opco, cpf.",
                shorten(&funding_text, 40)
            ),
        )
    })?;
    Ok(QuoteForm {
        full_course: o.boolean("full_course")?,
        modules,
        trainees: o.string("trainees", MAX_TYPED_CHARS)?,
        coaching_days: o.string("coaching_days", MAX_TYPED_CHARS)?,
        certification: o.boolean("certification")?,
        vat_exempt: o.boolean("vat_exempt")?,
        funding,
        opco_amount: o.string("opco_amount", MAX_TYPED_CHARS)?,
        cpf_balance: o.string("cpf_balance", MAX_TYPED_CHARS)?,
        cpf_exempt: o.boolean("cpf_exempt")?,
    })
}

pub(crate) fn client_to_value(c: &Client) -> Value {
    object(vec![
        ("kind", text(c.kind.key())),
        ("name", text(&c.name)),
        ("siret", text(&c.siret)),
        ("address", text(&c.address)),
        ("email", text(&c.email)),
        ("phone", text(&c.phone)),
    ])
}

pub(crate) fn client_from_value(v: &Value, path: &str) -> Result<Client, PathError> {
    let o = Obj::new(v, path)?;
    o.only(&["kind", "name", "siret", "address", "email", "phone"])?;
    let kind_text = o.string("kind", MAX_TYPED_CHARS)?;
    let kind = ClientKind::from_key(&kind_text).ok_or_else(|| {
        PathError::new(
            o.child("kind"),
            format!(
                "« {} » n'est pas un type de client ; valeurs possibles : entreprise, particulier.",
                shorten(&kind_text, 40)
            ),
        )
    })?;
    Ok(Client {
        kind,
        name: o.string("name", MAX_LINE_CHARS)?,
        siret: o.string("siret", MAX_LINE_CHARS)?,
        address: o.string("address", MAX_TEXT_CHARS)?,
        email: o.string("email", MAX_LINE_CHARS)?,
        phone: o.string("phone", MAX_LINE_CHARS)?,
    })
}

pub(crate) fn trainees_to_value(trainees: &[Trainee]) -> Value {
    Value::Array(
        trainees
            .iter()
            .map(|t| {
                object(vec![
                    ("name", text(&t.name)),
                    ("email", text(&t.email)),
                    ("job", text(&t.job)),
                ])
            })
            .collect(),
    )
}

/// Reads the trainees held under `key` of `o`.
pub(crate) fn trainees_from(o: &Obj<'_>, key: &str) -> Result<Vec<Trainee>, PathError> {
    let path = o.child(key);
    let mut out = Vec::new();
    for (i, item) in o.array(key, MAX_TRAINEES)?.iter().enumerate() {
        let t = Obj::new(item, &format!("{path}[{i}]"))?;
        t.only(&["name", "email", "job"])?;
        out.push(Trainee {
            name: t.string("name", MAX_LINE_CHARS)?,
            email: t.string("email", MAX_LINE_CHARS)?,
            job: t.string("job", MAX_LINE_CHARS)?,
        });
    }
    Ok(out)
}

fn date_value(date: Option<NaiveDate>) -> Value {
    date.map_or(Value::Null, |d| text(&format_iso_date(d)))
}

fn enrolment_to_value(e: &Enrolment) -> Value {
    object(vec![
        ("client", client_to_value(&e.client)),
        ("trainees", trainees_to_value(&e.trainees)),
        (
            "funding",
            object(vec![("opco_name", text(&e.funding.opco_name))]),
        ),
        ("place", text(&e.place)),
        ("mode", text(&e.mode)),
        ("start_wish", date_value(e.start_wish)),
        ("accessibility", text(&e.accessibility)),
        ("notes", text(&e.notes)),
    ])
}

fn enrolment_from_value(v: &Value, path: &str) -> Result<Enrolment, PathError> {
    let o = Obj::new(v, path)?;
    o.only(&[
        "client",
        "trainees",
        "funding",
        "place",
        "mode",
        "start_wish",
        "accessibility",
        "notes",
    ])?;
    let funding = o.object("funding")?;
    funding.only(&["opco_name"])?;
    Ok(Enrolment {
        client: client_from_value(o.get("client")?, &o.child("client"))?,
        trainees: trainees_from(&o, "trainees")?,
        funding: EnrolmentFunding {
            opco_name: funding.string("opco_name", MAX_LINE_CHARS)?,
        },
        place: o.string("place", MAX_LINE_CHARS)?,
        mode: o.string("mode", MAX_LINE_CHARS)?,
        start_wish: o.opt_date("start_wish")?,
        accessibility: o.string("accessibility", MAX_TEXT_CHARS)?,
        notes: o.string("notes", MAX_TEXT_CHARS)?,
    })
}

// ---------------------------------------------------------------------------------------
// The store
// ---------------------------------------------------------------------------------------

/// Why a store operation was refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StoreError {
    /// [`MAX_DRAFTS`] drafts already.
    Full {
        max: usize,
    },
    /// No draft has this id (deleted meanwhile, perhaps in another tab).
    NotFound {
        id: String,
    },
    EmptyName,
    /// The time handed in is not an RFC 3339 timestamp.
    BadTime {
        now: String,
    },
    /// The draft cannot be stored as it is (a text too long, a bad id…).
    Invalid(PathError),
}

impl StoreError {
    pub fn message(&self) -> String {
        match self {
            StoreError::Full { max } => format!(
                "Vous avez déjà {max} brouillons, le maximum : supprimez-en ou exportez-les \
                 avant d'en ajouter."
            ),
            StoreError::NotFound { .. } => {
                "Ce brouillon n'existe plus (il a peut-être été supprimé dans un autre onglet)."
                    .to_string()
            }
            StoreError::EmptyName => "Le nom du brouillon ne peut pas être vide.".to_string(),
            StoreError::BadTime { now } => format!(
                "L'horloge a donné une date illisible (« {} ») : rien n'a été modifié.",
                shorten(now, 40)
            ),
            StoreError::Invalid(e) => {
                format!("Ce brouillon ne peut pas être enregistré. {e}")
            }
        }
    }
}

impl fmt::Display for StoreError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message())
    }
}

impl std::error::Error for StoreError {}

fn checked_now(now: &str) -> Result<DateTime<FixedOffset>, StoreError> {
    parse_timestamp(now).ok_or_else(|| StoreError::BadTime {
        now: now.to_string(),
    })
}

/// A deleted draft and where it was, to undo the deletion with [`DraftStore::restore`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Removed {
    pub index: usize,
    pub draft: Draft,
}

/// One row of the drafts list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DraftSummary {
    pub id: String,
    pub name: String,
    pub created: String,
    pub updated: String,
    /// `None` when the simulator inputs cannot be priced.
    pub total_ttc: Option<Decimal>,
}

/// What [`DraftStore::merge_imported`] did.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct ImportSummary {
    pub added: usize,
    /// Drafts already in the store, identical: not added twice.
    pub identical: usize,
    /// Drafts whose id was taken by another draft: added under a fresh id.
    pub renumbered: usize,
}

impl ImportSummary {
    pub fn message(&self) -> String {
        let mut text = match self.added {
            0 => "Aucun brouillon ajouté".to_string(),
            1 => "1 brouillon importé".to_string(),
            n => format!("{n} brouillons importés"),
        };
        if self.renumbered > 0 {
            text.push_str(&format!(
                " ({} sous un nouvel identifiant, le sien étant déjà pris)",
                self.renumbered
            ));
        }
        if self.identical > 0 {
            text.push_str(&format!(
                " ; {} déjà présent{} à l'identique, non dupliqué{}",
                self.identical,
                plural(self.identical),
                plural(self.identical)
            ));
        }
        text.push('.');
        text
    }
}

fn plural(n: usize) -> &'static str {
    if n > 1 {
        "s"
    } else {
        ""
    }
}

/// The content of [`STORAGE_KEY`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DraftStore {
    pub version: u32,
    pub drafts: Vec<Draft>,
}

impl Default for DraftStore {
    fn default() -> Self {
        DraftStore {
            version: STORE_VERSION,
            drafts: Vec::new(),
        }
    }
}

impl DraftStore {
    pub fn new() -> Self {
        Self::default()
    }

    pub fn to_value(&self) -> Value {
        object(vec![
            ("version", Value::from(STORE_VERSION)),
            (
                "drafts",
                Value::Array(self.drafts.iter().map(Draft::to_value).collect()),
            ),
        ])
    }

    /// The text to write under [`STORAGE_KEY`] (always the current version).
    pub fn to_json(&self) -> String {
        self.to_value().to_string()
    }

    pub fn get(&self, id: &str) -> Option<&Draft> {
        self.drafts.iter().find(|d| d.id == id)
    }

    pub fn position(&self, id: &str) -> Option<usize> {
        self.drafts.iter().position(|d| d.id == id)
    }

    /// A fresh id, unique in the store, from the time `now` (to the millisecond, UTC):
    /// `b20261126-160200000`, then `…-2`, `…-3` should it be taken.
    pub fn next_id(&self, now: &str) -> String {
        let stamp = match parse_timestamp(now) {
            Some(t) => {
                let u = t.naive_utc();
                format!(
                    "{:04}{:02}{:02}-{:02}{:02}{:02}{:03}",
                    u.year(),
                    u.month(),
                    u.day(),
                    u.hour(),
                    u.minute(),
                    u.second(),
                    u.and_utc().timestamp_subsec_millis().min(999)
                )
            }
            None => now
                .chars()
                .filter(|c| c.is_ascii_digit())
                .take(20)
                .collect(),
        };
        let base = format!("b{stamp}");
        let taken: BTreeSet<&str> = self.drafts.iter().map(|d| d.id.as_str()).collect();
        if !taken.contains(base.as_str()) {
            return base;
        }
        // Among len + 1 candidates at most len are taken.
        let mut n = 2;
        loop {
            let candidate = format!("{base}-{n}");
            if !taken.contains(candidate.as_str()) || n > self.drafts.len() + 2 {
                return candidate;
            }
            n += 1;
        }
    }

    fn with(&self, drafts: Vec<Draft>) -> DraftStore {
        DraftStore {
            version: STORE_VERSION,
            drafts,
        }
    }

    fn room_for(&self, more: usize) -> Result<(), StoreError> {
        if self.drafts.len().saturating_add(more) > MAX_DRAFTS {
            Err(StoreError::Full { max: MAX_DRAFTS })
        } else {
            Ok(())
        }
    }

    /// A new draft holding `form`, named `name` (or "Brouillon du <date>" when blank);
    /// returns the new store and the new draft's id.
    pub fn create(
        &self,
        name: &str,
        form: QuoteForm,
        now: &str,
    ) -> Result<(DraftStore, String), StoreError> {
        let time = checked_now(now)?;
        self.room_for(1)?;
        let name = match name.trim() {
            "" => format!("Brouillon du {}", format_date_fr(time.date_naive())),
            given => given.to_string(),
        };
        let id = self.next_id(now);
        let draft = Draft::new(id.clone(), name, form, now);
        draft.check().map_err(StoreError::Invalid)?;
        let mut drafts = self.drafts.clone();
        drafts.push(draft);
        Ok((self.with(drafts), id))
    }

    /// Renames a draft (surrounding spaces dropped) and marks it updated.
    pub fn rename(&self, id: &str, name: &str, now: &str) -> Result<DraftStore, StoreError> {
        checked_now(now)?;
        let name = name.trim();
        if name.is_empty() {
            return Err(StoreError::EmptyName);
        }
        let index = self
            .position(id)
            .ok_or_else(|| StoreError::NotFound { id: id.into() })?;
        let mut drafts = self.drafts.clone();
        if let Some(draft) = drafts.get_mut(index) {
            draft.name = name.to_string();
            draft.updated = now.to_string();
            draft.check().map_err(StoreError::Invalid)?;
        }
        Ok(self.with(drafts))
    }

    /// A copy of a draft named "… (copie)", created now, right after the original; returns
    /// the new store and the copy's id.
    pub fn duplicate(&self, id: &str, now: &str) -> Result<(DraftStore, String), StoreError> {
        checked_now(now)?;
        self.room_for(1)?;
        let index = self
            .position(id)
            .ok_or_else(|| StoreError::NotFound { id: id.into() })?;
        let mut copy = self.drafts.get(index).cloned().unwrap_or_default();
        const SUFFIX: &str = " (copie)";
        let keep = MAX_LINE_CHARS - SUFFIX.chars().count();
        copy.name = format!(
            "{}{SUFFIX}",
            copy.name.chars().take(keep).collect::<String>()
        );
        copy.id = self.next_id(now);
        copy.created = now.to_string();
        copy.updated = now.to_string();
        let new_id = copy.id.clone();
        let mut drafts = self.drafts.clone();
        drafts.insert((index + 1).min(drafts.len()), copy);
        Ok((self.with(drafts), new_id))
    }

    /// Deletes a draft; returns the new store and what to hand [`DraftStore::restore`] to
    /// undo.
    pub fn delete(&self, id: &str) -> Result<(DraftStore, Removed), StoreError> {
        let index = self
            .position(id)
            .ok_or_else(|| StoreError::NotFound { id: id.into() })?;
        let mut drafts = self.drafts.clone();
        let draft = drafts.remove(index);
        Ok((self.with(drafts), Removed { index, draft }))
    }

    /// Undoes a deletion: puts the draft back where it was (or at the end if the list got
    /// shorter). Nothing changes if a draft with its id is already back.
    pub fn restore(&self, removed: Removed) -> Result<DraftStore, StoreError> {
        if self.position(&removed.draft.id).is_some() {
            return Ok(self.clone());
        }
        self.room_for(1)?;
        let mut drafts = self.drafts.clone();
        let at = removed.index.min(drafts.len());
        drafts.insert(at, removed.draft);
        Ok(self.with(drafts))
    }

    /// Saves a draft: replaces the one with its id in place, or adds it at the end.
    /// The draft is checked first (caps, id, timestamps).
    pub fn upsert(&self, draft: Draft) -> Result<DraftStore, StoreError> {
        draft.check().map_err(StoreError::Invalid)?;
        let mut drafts = self.drafts.clone();
        match self.position(&draft.id) {
            Some(i) => {
                if let Some(slot) = drafts.get_mut(i) {
                    *slot = draft;
                }
            }
            None => {
                self.room_for(1)?;
                drafts.push(draft);
            }
        }
        Ok(self.with(drafts))
    }

    /// The list to show: most recently updated first (ties by name, then id), with each
    /// draft's total TTC on `date`.
    pub fn list(&self, catalogue: &Catalogue, date: NaiveDate) -> Vec<DraftSummary> {
        let mut rows: Vec<(Option<DateTime<FixedOffset>>, DraftSummary)> = self
            .drafts
            .iter()
            .map(|d| {
                (
                    parse_timestamp(&d.updated),
                    DraftSummary {
                        id: d.id.clone(),
                        name: d.name.clone(),
                        created: d.created.clone(),
                        updated: d.updated.clone(),
                        total_ttc: d.total_ttc(catalogue, date),
                    },
                )
            })
            .collect();
        rows.sort_by(|(ta, a), (tb, b)| {
            tb.cmp(ta)
                .then_with(|| a.name.cmp(&b.name))
                .then_with(|| a.id.cmp(&b.id))
        });
        rows.into_iter().map(|(_, row)| row).collect()
    }

    /// Adds imported drafts (all or none): a draft identical to one already stored is not
    /// added twice; one whose id is taken by a different draft gets a fresh id from `now`.
    pub fn merge_imported(
        &self,
        drafts: Vec<Draft>,
        now: &str,
    ) -> Result<(DraftStore, ImportSummary), StoreError> {
        checked_now(now)?;
        let mut store = self.clone();
        let mut summary = ImportSummary::default();
        for mut draft in drafts {
            draft.check().map_err(StoreError::Invalid)?;
            match store.get(&draft.id) {
                Some(existing) if *existing == draft => {
                    summary.identical += 1;
                    continue;
                }
                Some(_) => {
                    draft.id = store.next_id(now);
                    summary.renumbered += 1;
                }
                None => {}
            }
            store.room_for(1)?;
            store.drafts.push(draft);
            summary.added += 1;
        }
        Ok((store, summary))
    }
}

/// What another tab wrote (`incoming`, read with [`load_store`] from the storage event),
/// merged with this tab's state.
///
/// **Rule:** the other tab's store is taken as it is (it wrote last, so it holds every
/// change made anywhere), except for the draft open in this tab's editor, which keeps this
/// tab's version: it replaces the incoming draft with the same id in place, or is added at
/// the end if the other tab deleted it. What is on this tab's screen is thus never lost
/// nor silently changed under the user; this tab's next save writes it back for all.
pub fn merge_external(current_editing: Option<&Draft>, incoming: DraftStore) -> DraftStore {
    let mut store = incoming;
    store.version = STORE_VERSION;
    if let Some(mine) = current_editing {
        match store.drafts.iter_mut().find(|d| d.id == mine.id) {
            Some(theirs) => *theirs = mine.clone(),
            None => store.drafts.push(mine.clone()),
        }
    }
    store
}

// ---------------------------------------------------------------------------------------
// Loading what is stored
// ---------------------------------------------------------------------------------------

/// What [`load_store`] found.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct LoadOutcome {
    /// The drafts that could be read (empty when none).
    pub store: DraftStore,
    /// The version the stored document was migrated from, if it was older.
    pub migrated_from: Option<u32>,
    /// The raw stored text, intact, when all or part of it could not be read: write it
    /// under [`aside_key`] *before* writing anything under [`STORAGE_KEY`] (and write
    /// nothing there if setting it aside fails).
    pub unreadable: Option<String>,
    /// A French message for the screen, when there is something to say.
    pub message: Option<String>,
}

/// The key under which unreadable data found at `now` is set aside:
/// `cosens.brouillons.illisible.2026-11-26T17-02-00Z`.
pub fn aside_key(now_rfc3339: &str) -> String {
    let stamp: String = now_rfc3339
        .chars()
        .map(|c| if c == ':' { '-' } else { c })
        .filter(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '+' | '.' | '_'))
        .take(MAX_TIMESTAMP_CHARS)
        .collect();
    let stamp = if stamp.is_empty() {
        "inconnu".to_string()
    } else {
        stamp
    };
    format!("{ASIDE_KEY_PREFIX}{stamp}")
}

const SET_ASIDE: &str = "Le texte enregistré a été mis de côté tel quel dans ce navigateur, \
                         sans rien effacer ; transmettez-le à Co&Sens pour récupérer ces données.";

fn unreadable(raw: &str, why: String) -> LoadOutcome {
    LoadOutcome {
        store: DraftStore::new(),
        migrated_from: None,
        unreadable: Some(raw.to_string()),
        message: Some(format!(
            "Les données de brouillons enregistrées n'ont pas pu être lues ({why}). {SET_ASIDE}"
        )),
    }
}

/// Reads the text stored under [`STORAGE_KEY`] (`None`: nothing stored). Never fails and
/// never loses the text: what cannot be read comes back in [`LoadOutcome::unreadable`].
/// A draft that cannot be read (or a duplicate id, or drafts beyond [`MAX_DRAFTS`]) is
/// left out of the store, and the whole raw text is handed back to be set aside.
pub fn load_store(raw: Option<&str>) -> LoadOutcome {
    let Some(raw) = raw else {
        return LoadOutcome::default();
    };
    if raw.trim().is_empty() {
        return LoadOutcome::default();
    }
    if raw.len() > MAX_STORED_BYTES {
        return unreadable(raw, format!("plus de {} Mo", MAX_STORED_BYTES / 1_000_000));
    }
    let value: Value = match serde_json::from_str(raw) {
        Ok(v) => v,
        Err(e) => {
            return unreadable(
                raw,
                format!(
                    "texte JSON invalide, ligne {}, colonne {}",
                    e.line(),
                    e.column()
                ),
            )
        }
    };
    let Value::Object(map) = &value else {
        return unreadable(raw, "ce n'est pas un document de brouillons".into());
    };
    let version = match map.get("version") {
        None if map.contains_key("brouillons") => 0,
        None => return unreadable(raw, "ce n'est pas un document de brouillons".into()),
        Some(v) => match v.as_u64() {
            Some(n) => n,
            None => return unreadable(raw, "numéro de version illisible".into()),
        },
    };
    let read = match version {
        0 => read_v0(&value),
        1 => read_v1(&value),
        n => {
            return unreadable(
                raw,
                format!("version {n}, enregistrée par une version plus récente de l'application"),
            )
        }
    };
    let (drafts, errors) = match read {
        Ok(found) => found,
        Err(e) => return unreadable(raw, e.to_string()),
    };
    let migrated_from = (version < u64::from(STORE_VERSION)).then_some(0);
    let store = DraftStore {
        version: STORE_VERSION,
        drafts,
    };
    match errors.first() {
        None => LoadOutcome {
            message: migrated_from.map(|_| {
                "Vos brouillons, enregistrés par une version précédente de l'application, ont \
                 été convertis au format actuel."
                    .to_string()
            }),
            store,
            migrated_from,
            unreadable: None,
        },
        Some(first) => {
            let n = errors.len();
            let others = match store.drafts.len() {
                0 => String::new(),
                1 => " L'autre brouillon est disponible.".to_string(),
                k => format!(" Les {k} autres brouillons sont disponibles."),
            };
            let message = format!(
                "{n} brouillon{s} enregistré{s} n'{verb} pas pu être lu{s} ({among}champ « {} » : \
                 {}). {SET_ASIDE}{others}",
                first.path,
                first.message.trim_end_matches('.'),
                s = plural(n),
                verb = if n > 1 { "ont" } else { "a" },
                among = if n > 1 { "entre autres, " } else { "" },
            );
            LoadOutcome {
                store,
                migrated_from,
                unreadable: Some(raw.to_string()),
                message: Some(message),
            }
        }
    }
}

type Read = Result<(Vec<Draft>, Vec<PathError>), PathError>;

/// Keeps the drafts read, in order, refusing duplicate ids and those beyond the cap.
fn collect(
    items: &[Value],
    key: &str,
    read: impl Fn(&Value, &str) -> Result<Draft, PathError>,
) -> (Vec<Draft>, Vec<PathError>) {
    let mut drafts: Vec<Draft> = Vec::new();
    let mut errors = Vec::new();
    for (i, item) in items.iter().enumerate() {
        let path = format!("{key}[{i}]");
        match read(item, &path) {
            Ok(d) if drafts.iter().any(|x| x.id == d.id) => errors.push(PathError::new(
                join(&path, "id"),
                "identifiant déjà pris par un autre brouillon.",
            )),
            Ok(_) if drafts.len() >= MAX_DRAFTS => errors.push(PathError::new(
                path,
                format!("au-delà des {MAX_DRAFTS} brouillons permis."),
            )),
            Ok(d) => drafts.push(d),
            Err(e) => errors.push(e),
        }
    }
    (drafts, errors)
}

fn read_v1(value: &Value) -> Read {
    let o = Obj::new(value, "")?;
    o.only(&["version", "drafts"])?;
    let items = match o.get("drafts")? {
        Value::Array(items) => items,
        other => return Err(wrong_type("drafts", "tableau", other)),
    };
    Ok(collect(items, "drafts", Draft::from_value))
}

fn read_v0(value: &Value) -> Read {
    let o = Obj::new(value, "")?;
    o.only(&["version", "brouillons"])?;
    let items = match o.get("brouillons")? {
        Value::Array(items) => items,
        other => return Err(wrong_type("brouillons", "tableau", other)),
    };
    Ok(collect(items, "brouillons", |item, path| {
        let d = Obj::new(item, path)?;
        d.only(&["id", "nom", "simulation", "modifie"])?;
        let modified = d.timestamp("modifie")?;
        Ok(Draft {
            id: d.id("id")?,
            name: d.string("nom", MAX_LINE_CHARS)?,
            created: modified.clone(),
            updated: modified,
            form: form_from_value(d.get("simulation")?, &d.child("simulation"))?,
            enrolment: Enrolment::default(),
        })
    }))
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::domain::money::dec;

    fn catalogue() -> Catalogue {
        Catalogue::embedded().unwrap()
    }

    const NOW: &str = "2026-11-26T17:02:00+01:00";
    const LATER: &str = "2026-11-27T09:15:30.250+01:00";

    fn day() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 26).unwrap()
    }

    /// A complete company draft with one trainee, financed by an OPCO.
    pub(crate) fn sample_draft() -> Draft {
        Draft {
            id: "b20261126-160200000".into(),
            name: "Devis ACME — 2 stagiaires".into(),
            created: NOW.into(),
            updated: NOW.into(),
            form: QuoteForm {
                trainees: "2".into(),
                coaching_days: "1".into(),
                funding: FundingChoice::Opco,
                opco_amount: "2 500,50".into(),
                ..QuoteForm::default()
            },
            enrolment: Enrolment {
                client: Client {
                    kind: ClientKind::Company,
                    name: "ACME Formation".into(),
                    siret: "732 829 320 00074".into(),
                    address: "12 rue de la Paix\n75002 Paris".into(),
                    email: "rh@acme.fr".into(),
                    phone: "01 23 45 67 89".into(),
                },
                trainees: vec![
                    Trainee {
                        name: "Camille Martin".into(),
                        email: "camille.martin@acme.fr".into(),
                        job: "Responsable formation".into(),
                    },
                    Trainee {
                        name: "Lou Bernard".into(),
                        email: String::new(),
                        job: "Chargée de certification".into(),
                    },
                ],
                funding: EnrolmentFunding {
                    opco_name: "AKTO".into(),
                },
                place: "Paris".into(),
                mode: "Présentiel".into(),
                start_wish: NaiveDate::from_ymd_opt(2027, 1, 11),
                accessibility: "Accès en fauteuil roulant.".into(),
                notes: "Merci de rappeler « après 14 h ».".into(),
            },
        }
    }

    fn store_of(names: &[&str]) -> DraftStore {
        let mut store = DraftStore::new();
        for (i, name) in names.iter().enumerate() {
            let now = format!("2026-11-{:02}T10:00:00Z", i + 1);
            store = store.create(name, QuoteForm::default(), &now).unwrap().0;
        }
        store
    }

    #[test]
    fn timestamps_show_in_french_at_the_time_of_day_they_were_written() {
        assert_eq!(
            format_timestamp_fr(NOW).as_deref(),
            Some("26 novembre 2026 à 17:02")
        );
        assert_eq!(
            format_timestamp_fr("2026-05-01T09:05:59.999Z").as_deref(),
            Some("1er mai 2026 à 09:05")
        );
        assert_eq!(format_timestamp_fr("hier"), None);
        assert_eq!(format_timestamp_fr(""), None);
    }

    #[test]
    fn siret_with_a_right_luhn_key_is_valid_spaces_allowed() {
        assert!(siret_is_valid("73282932000074"));
        assert!(siret_is_valid("732 829 320 00074"));
        assert!(siret_is_valid("552\u{a0}100\u{a0}554\u{202f}00013"));
    }

    #[test]
    fn siret_with_a_wrong_key_or_shape_is_invalid() {
        for bad in [
            "",
            "73282932000075",
            "7328293200007",
            "732829320000740",
            "7328293200007A",
            "732-829-320-00074",
            "00000000000001",
        ] {
            assert!(!siret_is_valid(bad), "{bad:?}");
        }
        assert!(siret_is_valid("00000000000000"), "all zeros passes Luhn");
    }

    #[test]
    fn siret_whose_siren_fails_luhn_is_invalid() {
        // 732829321 fails the SIREN key; pick the 14-digit number that passes overall.
        let valid_overall = (0..10)
            .map(|k| format!("7328293210007{k}"))
            .find(|s| luhn(&s.bytes().map(|b| u32::from(b - b'0')).collect::<Vec<_>>()))
            .unwrap();
        assert!(!siret_is_valid(&valid_overall));
    }

    #[test]
    fn la_poste_sirets_use_the_sum_of_digits_rule() {
        // Head office: passes Luhn (digit sum 26).
        assert!(siret_is_valid("356 000 000 00048"));
        // An establishment: digit sum 3+5+6+1+2+3 = 20, a multiple of 5, though Luhn fails.
        assert!(siret_is_valid("35600000001230"));
        assert!(!luhn(&[3, 5, 6, 0, 0, 0, 0, 0, 0, 0, 1, 2, 3, 0]));
        // Digit sum 21: refused even where Luhn would pass.
        assert!(!siret_is_valid("35600000001231"));
        let luhn_ok_sum_bad = (0..100)
            .map(|k| format!("356000000001{k:02}"))
            .find(|s| {
                let d: Vec<u32> = s.bytes().map(|b| u32::from(b - b'0')).collect();
                luhn(&d) && d.iter().sum::<u32>() % 5 != 0
            })
            .unwrap();
        assert!(!siret_is_valid(&luhn_ok_sum_bad), "{luhn_ok_sum_bad}");
    }

    #[test]
    fn the_catalogue_offices_have_valid_sirets() {
        for office in catalogue().offices {
            assert!(siret_is_valid(&office.siret), "{}", office.siret);
        }
    }

    #[test]
    fn email_addresses_of_the_usual_form_are_accepted() {
        for ok in [
            "a@b.fr",
            "prenom.nom@exemple.fr",
            " rh+formation@sous.domaine.co.uk ",
            "élodie@café.fr",
            "x@xn--caf-dma.fr",
        ] {
            assert!(email_is_valid(ok), "{ok:?}");
        }
        for bad in [
            "",
            "a",
            "a@b",
            "@b.fr",
            "a@.fr",
            "a@b..fr",
            "a b@c.fr",
            "a@b.c",
            "a@b.123",
            ".a@b.fr",
            "a..b@c.fr",
            "a@-b.fr",
            "a@b.fr@c.fr",
        ] {
            assert!(!email_is_valid(bad), "{bad:?}");
        }
    }

    #[test]
    fn french_phone_numbers_national_or_international_are_accepted() {
        for ok in [
            "0123456789",
            "01 23 45 67 89",
            "06.12.34.56.78",
            "09-12-34-56-78",
            "+33 1 23 45 67 89",
            "+33612345678",
            "0033 6 12 34 56 78",
            "+33 (0)1 23 45 67 89",
        ] {
            assert!(french_phone_is_valid(ok), "{ok:?}");
        }
        for bad in [
            "",
            "123456789",
            "00 12 34 56 78",
            "01 23 45 67 8",
            "01 23 45 67 890",
            "+33 0 12 34 56 78",
            "+44 20 7946 0958",
            "01 23 45 67 8A",
        ] {
            assert!(!french_phone_is_valid(bad), "{bad:?}");
        }
    }

    #[test]
    fn a_complete_draft_has_no_problem() {
        assert_eq!(sample_draft().problems(&catalogue()), vec![]);
    }

    #[test]
    fn cpf_is_refused_for_a_company_client() {
        // Issue 11, point 5: CPF funds one trainee who is an individual.
        let mut d = sample_draft();
        d.form.funding = FundingChoice::Cpf;
        d.form.trainees = "1".into();
        d.enrolment.trainees.truncate(1);
        let problems = d.problems(&catalogue());
        let funding: Vec<&String> = problems
            .iter()
            .filter(|(f, _)| *f == DraftField::Funding)
            .map(|(_, m)| m)
            .collect();
        assert_eq!(funding.len(), 1, "{problems:?}");
        assert!(funding[0].contains("client entreprise"), "{}", funding[0]);
        assert_eq!(DraftField::Funding.label(), "Financement");
        d.enrolment.client.kind = ClientKind::Individual;
        d.enrolment.client.siret.clear();
        assert!(!d
            .problems(&catalogue())
            .iter()
            .any(|(f, _)| *f == DraftField::Funding));
    }

    #[test]
    fn problems_name_each_field_in_french() {
        let mut d = sample_draft();
        d.enrolment.client.siret = "732 829 320 00075".into();
        d.enrolment.client.email = "rh@acme".into();
        d.enrolment.client.phone = "12 34".into();
        d.enrolment.funding.opco_name = "OPCO Inconnu".into();
        d.enrolment.trainees[1].email = "pas une adresse".into();
        d.enrolment.place = "Lyon".into();
        let problems = d.problems(&catalogue());
        let fields: Vec<DraftField> = problems.iter().map(|(f, _)| *f).collect();
        assert_eq!(
            fields,
            vec![
                DraftField::ClientSiret,
                DraftField::ClientEmail,
                DraftField::ClientPhone,
                DraftField::TraineeEmail(1),
                DraftField::OpcoName,
                DraftField::Place,
            ]
        );
        assert!(problems[0].1.contains("SIRET"));
        assert!(problems[4].1.contains("AKTO"), "lists the OPCOs");
        assert_eq!(DraftField::TraineeEmail(1).path(), "trainees[1].email");
        assert_eq!(DraftField::TraineeEmail(1).label(), "Stagiaire 2 : e-mail");
    }

    #[test]
    fn a_company_needs_a_siret_an_individual_does_not() {
        let mut d = sample_draft();
        d.enrolment.client.siret = " ".into();
        assert_eq!(d.problems(&catalogue())[0].0, DraftField::ClientSiret);
        d.enrolment.client.kind = ClientKind::Individual;
        assert_eq!(d.problems(&catalogue()), vec![]);
    }

    #[test]
    fn opco_funding_needs_the_opco_name() {
        let mut d = sample_draft();
        d.enrolment.funding.opco_name.clear();
        assert_eq!(d.problems(&catalogue())[0].0, DraftField::OpcoName);
        d.form.funding = FundingChoice::Aucun;
        assert_eq!(d.problems(&catalogue()), vec![]);
    }

    #[test]
    fn more_named_trainees_than_planned_is_a_problem() {
        let mut d = sample_draft();
        d.form.trainees = "1".into();
        assert_eq!(d.problems(&catalogue())[0].0, DraftField::Trainees);
    }

    #[test]
    fn hand_written_layout_is_the_serde_layout() {
        let d = sample_draft();
        assert_eq!(serde_json::to_value(&d).unwrap(), d.to_value());
        let store = DraftStore {
            version: 1,
            drafts: vec![d],
        };
        assert_eq!(serde_json::to_value(&store).unwrap(), store.to_value());
    }

    #[test]
    fn store_round_trips_through_its_json() {
        let store = DraftStore {
            version: 1,
            drafts: vec![
                sample_draft(),
                Draft::new("b2", "Vide", QuoteForm::default(), NOW),
            ],
        };
        let outcome = load_store(Some(&store.to_json()));
        assert_eq!(outcome.store, store);
        assert_eq!(outcome.migrated_from, None);
        assert_eq!(outcome.unreadable, None);
        assert_eq!(outcome.message, None);
    }

    #[test]
    fn nothing_stored_loads_an_empty_store_silently() {
        for raw in [None, Some(""), Some("  \n")] {
            let outcome = load_store(raw);
            assert_eq!(outcome, LoadOutcome::default());
            assert_eq!(outcome.store.version, 1);
        }
    }

    /// The version 0 document, as the first build wrote it.
    const V0_FIXTURE: &str = r#"{
      "brouillons": [
        {
          "id": "b1",
          "nom": "Parcours complet pour Camille",
          "simulation": {
            "full_course": true, "modules": [], "trainees": "1", "coaching_days": "2",
            "certification": true, "vat_exempt": false, "funding": "cpf",
            "opco_amount": "", "cpf_balance": "1 800,00", "cpf_exempt": false
          },
          "modifie": "2026-05-04T10:30:00+02:00"
        },
        {
          "id": "b2",
          "nom": "Modules 3 et 4",
          "simulation": {
            "full_course": false, "modules": [3, 4], "trainees": "3", "coaching_days": "0",
            "certification": false, "vat_exempt": true, "funding": "aucun",
            "opco_amount": "", "cpf_balance": "", "cpf_exempt": false
          },
          "modifie": "2026-05-05T08:00:00Z"
        }
      ]
    }"#;

    #[test]
    fn version_0_fixture_is_migrated_to_version_1() {
        let outcome = load_store(Some(V0_FIXTURE));
        assert_eq!(outcome.migrated_from, Some(0));
        assert_eq!(outcome.unreadable, None);
        assert!(outcome.message.unwrap().contains("convertis"));
        let store = outcome.store;
        assert_eq!(store.version, 1);
        assert_eq!(store.drafts.len(), 2);
        let first = &store.drafts[0];
        assert_eq!(first.id, "b1");
        assert_eq!(first.name, "Parcours complet pour Camille");
        assert_eq!(first.created, "2026-05-04T10:30:00+02:00");
        assert_eq!(first.updated, first.created);
        assert_eq!(first.form.funding, FundingChoice::Cpf);
        assert_eq!(first.form.cpf_balance, "1 800,00");
        assert_eq!(first.enrolment, Enrolment::default());
        assert_eq!(store.drafts[1].form.modules, vec![3, 4]);
        // Written back, it is a version 1 document that loads without migration.
        let again = load_store(Some(&store.to_json()));
        assert_eq!(again.migrated_from, None);
        assert_eq!(again.store, store);
    }

    #[test]
    fn unparsable_storage_is_set_aside_intact() {
        for raw in [
            "{\"version\": 1, \"drafts\": [",
            "[1, 2]",
            "\"texte\"",
            "{\"x\": 1}",
            "{\"version\": \"1\"}",
        ] {
            let outcome = load_store(Some(raw));
            assert_eq!(outcome.unreadable.as_deref(), Some(raw));
            assert!(outcome.store.drafts.is_empty());
            assert!(outcome.message.unwrap().contains("mis de côté"), "{raw}");
        }
    }

    #[test]
    fn unknown_future_version_is_set_aside_not_read() {
        let raw = r#"{"version": 2, "drafts": [], "nouveau": true}"#;
        let outcome = load_store(Some(raw));
        assert_eq!(outcome.unreadable.as_deref(), Some(raw));
        assert!(outcome.store.drafts.is_empty());
        assert!(outcome.message.unwrap().contains("version 2"));
    }

    #[test]
    fn one_bad_draft_is_left_out_and_the_raw_text_set_aside() {
        let mut store = store_of(&["A", "B"]);
        store.drafts[1].enrolment.notes = "n".repeat(MAX_TEXT_CHARS + 1);
        let raw = store.to_json();
        let outcome = load_store(Some(&raw));
        assert_eq!(outcome.store.drafts.len(), 1);
        assert_eq!(outcome.store.drafts[0].name, "A");
        assert_eq!(outcome.unreadable.as_deref(), Some(raw.as_str()));
        let message = outcome.message.unwrap();
        assert!(message.contains("drafts[1].enrolment.notes"), "{message}");
    }

    #[test]
    fn duplicate_ids_in_storage_keep_the_first() {
        let mut store = store_of(&["A", "B"]);
        store.drafts[1].id = store.drafts[0].id.clone();
        let outcome = load_store(Some(&store.to_json()));
        assert_eq!(outcome.store.drafts.len(), 1);
        assert!(outcome.unreadable.is_some());
    }

    #[test]
    fn aside_key_is_derived_from_the_time() {
        assert_eq!(
            aside_key("2026-11-26T17:02:00Z"),
            "cosens.brouillons.illisible.2026-11-26T17-02-00Z"
        );
        assert_eq!(
            aside_key("2026-11-26T17:02:00+01:00"),
            "cosens.brouillons.illisible.2026-11-26T17-02-00+01-00"
        );
        assert_eq!(aside_key("\"<>"), "cosens.brouillons.illisible.inconnu");
    }

    #[test]
    fn ids_are_unique_and_follow_the_time() {
        let store = DraftStore::new();
        let id = store.next_id(LATER);
        assert_eq!(id, "b20261127-081530250");
        assert!(id_is_valid(&id));
        let store = store
            .upsert(Draft::new(id.clone(), "x", QuoteForm::default(), LATER))
            .unwrap();
        let second = store.next_id(LATER);
        assert_eq!(second, format!("{id}-2"));
        let store = store
            .upsert(Draft::new(second, "y", QuoteForm::default(), LATER))
            .unwrap();
        assert_eq!(store.next_id(LATER), format!("{id}-3"));
        assert!(id_is_valid(&store.next_id("pas une date")));
    }

    #[test]
    fn create_names_a_blank_draft_after_its_date() {
        let (store, id) = DraftStore::new()
            .create("  ", QuoteForm::default(), NOW)
            .unwrap();
        let draft = store.get(&id).unwrap();
        assert_eq!(draft.name, "Brouillon du jeudi 26 novembre 2026");
        assert_eq!(draft.created, NOW);
        assert_eq!(draft.updated, NOW);
        assert_eq!(
            DraftStore::new().create("x", QuoteForm::default(), "hier"),
            Err(StoreError::BadTime { now: "hier".into() })
        );
    }

    #[test]
    fn rename_trims_and_refuses_an_empty_name() {
        let store = store_of(&["A"]);
        let id = store.drafts[0].id.clone();
        let renamed = store.rename(&id, "  Devis ACME ", LATER).unwrap();
        assert_eq!(renamed.drafts[0].name, "Devis ACME");
        assert_eq!(renamed.drafts[0].updated, LATER);
        assert_eq!(store.rename(&id, "   ", LATER), Err(StoreError::EmptyName));
        assert_eq!(
            store.rename("absent", "x", LATER),
            Err(StoreError::NotFound {
                id: "absent".into()
            })
        );
    }

    #[test]
    fn duplicate_adds_a_copy_after_the_original() {
        let mut store = store_of(&["A", "B"]);
        store.drafts[0].enrolment = sample_draft().enrolment;
        let id = store.drafts[0].id.clone();
        let (copied, new_id) = store.duplicate(&id, LATER).unwrap();
        assert_eq!(copied.drafts.len(), 3);
        let copy = &copied.drafts[1];
        assert_eq!(copy.id, new_id);
        assert_ne!(copy.id, id);
        assert_eq!(copy.name, "A (copie)");
        assert_eq!(copy.created, LATER);
        assert_eq!(copy.enrolment, store.drafts[0].enrolment);
        assert_eq!(copy.form, store.drafts[0].form);
    }

    #[test]
    fn delete_then_undo_restores_the_draft_where_it_was() {
        let store = store_of(&["A", "B", "C"]);
        let id = store.drafts[1].id.clone();
        let (after, removed) = store.delete(&id).unwrap();
        assert_eq!(after.drafts.len(), 2);
        assert_eq!(removed.index, 1);
        assert_eq!(removed.draft.name, "B");
        let undone = after.restore(removed.clone()).unwrap();
        assert_eq!(undone, store);
        // Undoing twice changes nothing more.
        assert_eq!(undone.restore(removed).unwrap(), store);
        assert!(matches!(
            store.delete("absent"),
            Err(StoreError::NotFound { .. })
        ));
    }

    #[test]
    fn upsert_replaces_in_place_or_adds() {
        let store = store_of(&["A", "B"]);
        let mut edited = store.drafts[0].clone();
        edited.enrolment.notes = "Appeler lundi".into();
        edited.touch(LATER).unwrap();
        let saved = store.upsert(edited.clone()).unwrap();
        assert_eq!(saved.drafts.len(), 2);
        assert_eq!(saved.drafts[0], edited);
        let added = saved.upsert(sample_draft()).unwrap();
        assert_eq!(added.drafts.len(), 3);
    }

    #[test]
    fn upsert_refuses_text_over_its_cap_naming_the_field() {
        let mut d = sample_draft();
        d.enrolment.client.name = "x".repeat(MAX_LINE_CHARS + 1);
        match DraftStore::new().upsert(d) {
            Err(StoreError::Invalid(e)) => assert_eq!(e.path, "enrolment.client.name"),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn the_store_holds_at_most_500_drafts() {
        let mut store = DraftStore::new();
        for i in 0..MAX_DRAFTS {
            store
                .drafts
                .push(Draft::new(format!("d{i}"), "x", QuoteForm::default(), NOW));
        }
        assert_eq!(
            store.create("y", QuoteForm::default(), NOW),
            Err(StoreError::Full { max: MAX_DRAFTS })
        );
        assert!(store.duplicate("d0", NOW).is_err());
        assert!(store.upsert(sample_draft()).is_err());
        assert!(StoreError::Full { max: MAX_DRAFTS }
            .message()
            .contains("500"));
    }

    #[test]
    fn list_is_sorted_by_last_update_with_totals() {
        let mut store = store_of(&["Ancien", "Récent", "Milieu"]);
        store.drafts[1].updated = "2026-12-01T10:00:00+01:00".into();
        // Same instant as 2026-11-03T10:00:00Z written in another offset: ties by name.
        store.drafts[2].updated = "2026-11-03T11:00:00+01:00".into();
        store.drafts[0].updated = "2026-11-03T10:00:00Z".into();
        store.drafts[0].form.trainees = "abc".into();
        let list = store.list(&catalogue(), day());
        let names: Vec<&str> = list.iter().map(|r| r.name.as_str()).collect();
        assert_eq!(names, vec!["Récent", "Ancien", "Milieu"]);
        assert_eq!(list[0].total_ttc, Some(dec("5400")));
        assert_eq!(
            list[1].total_ttc, None,
            "a form that does not price has no total"
        );
    }

    #[test]
    fn draft_total_ttc_uses_the_pricing() {
        // 2 × 4 000 + 2 × 1 000 + 2 × 500 = 11 000 HT, 13 200 TTC.
        assert_eq!(
            sample_draft().total_ttc(&catalogue(), day()),
            Some(dec("13200"))
        );
    }

    #[test]
    fn merge_keeps_this_tabs_draft_being_edited() {
        let store = store_of(&["A", "B"]);
        let mut mine = store.drafts[0].clone();
        mine.enrolment.notes = "tapé dans cet onglet".into();
        // The other tab renamed both drafts and added one.
        let mut theirs = store.rename(&store.drafts[0].id, "A'", LATER).unwrap();
        theirs = theirs.rename(&store.drafts[1].id, "B'", LATER).unwrap();
        theirs = theirs.create("C", QuoteForm::default(), LATER).unwrap().0;
        let merged = merge_external(Some(&mine), theirs.clone());
        assert_eq!(merged.drafts.len(), 3);
        assert_eq!(merged.drafts[0], mine, "this tab's version, in place");
        assert_eq!(merged.drafts[1].name, "B'");
        assert_eq!(merged.drafts[2].name, "C");
        // Nothing open here: the other tab's store as it is.
        assert_eq!(merge_external(None, theirs.clone()), theirs);
    }

    #[test]
    fn merge_keeps_the_edited_draft_even_if_deleted_elsewhere() {
        let store = store_of(&["A", "B"]);
        let mine = store.drafts[0].clone();
        let (theirs, _) = store.delete(&mine.id).unwrap();
        let merged = merge_external(Some(&mine), theirs);
        assert_eq!(merged.drafts.len(), 2);
        assert_eq!(merged.drafts[1], mine);
    }

    #[test]
    fn merging_imports_skips_identical_and_renumbers_clashes() {
        let store = store_of(&["A"]);
        let same = store.drafts[0].clone();
        let mut clash = same.clone();
        clash.name = "Autre".into();
        let fresh = sample_draft();
        let (merged, summary) = store
            .merge_imported(vec![same, clash, fresh.clone()], LATER)
            .unwrap();
        assert_eq!(
            summary,
            ImportSummary {
                added: 2,
                identical: 1,
                renumbered: 1
            }
        );
        assert_eq!(merged.drafts.len(), 3);
        assert_ne!(merged.drafts[1].id, merged.drafts[0].id);
        assert_eq!(merged.drafts[1].name, "Autre");
        assert_eq!(merged.drafts[2], fresh);
        assert!(summary.message().starts_with("2 brouillons importés"));
    }

    #[test]
    fn a_store_read_from_storage_is_checked_field_by_field() {
        let mut v = store_of(&["A"]).to_value();
        v["drafts"][0]["form"]["funding"] = "crédit".into();
        let outcome = load_store(Some(&v.to_string()));
        assert!(outcome.store.drafts.is_empty());
        assert!(outcome
            .message
            .unwrap()
            .contains("« drafts[0].form.funding »"));
    }
}
