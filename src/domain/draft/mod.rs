//! Draft enrolments: the simulator's inputs plus the enrolment details (client, trainees,
//! funding, the session chosen or the wishes), the checks shown next to each field, and the document kept in
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
//! "accessibility", "notes"}}`: the layout of the serde derives below, the one definition
//! of it in Rust (the backup, `public/schema/sauvegarde-brouillons-v1.schema.json`, holds
//! drafts in this layout too). Texts are capped and ids, timestamps and dates checked by
//! the `deserialize_with` readers of `fields`; [`Draft::from_value`] reads a draft with
//! the path of the field at fault (`json`).
//!
//! **Version 0**, the first format, had no `version` key (or `"version": 0`) and kept the
//! simulation only: `{"brouillons": [{"id": "…", "nom": "…", "simulation": <QuoteForm>,
//! "modifie": "<RFC 3339>"}]}`. It is migrated to version 1 with `name = nom`,
//! `created = updated = modifie`, `form = simulation` and empty enrolment details.
//!
//! A version above 1 (written by a newer app) or text that is not such a document is
//! *unreadable*: [`load_store`] hands the raw text back to be set aside, intact, under
//! [`aside_key`], and never asks for it to be overwritten before that.
//!
//! The modules: `checks` (SIRET, e-mail, phone, ids, timestamps), `limits` (the caps),
//! `problems` (the messages shown next to the fields), `json` and `fields` (reading JSON),
//! `store` (the store and its operations), `load` (loading, migrating, setting aside).

use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::catalogue::Catalogue;
use super::pricing::{compute_quote, Quote};
use super::quote_form::QuoteForm;

mod checks;
mod edit;
pub(crate) mod fields;
mod hand_off;
pub(crate) mod json;
mod limits;
mod load;
mod problems;
mod store;
#[cfg(test)]
pub(crate) mod tests;

pub use checks::{
    email_is_valid, format_timestamp_fr, french_phone_is_valid, id_is_valid, parse_timestamp,
    siret_is_valid,
};
pub use edit::DraftEdit;
pub use hand_off::{DraftHandOff, Kept};
pub use json::PathError;
pub use limits::{
    MAX_DRAFTS, MAX_ID_CHARS, MAX_LINE_CHARS, MAX_MODULES, MAX_STORED_BYTES, MAX_TEXT_CHARS,
    MAX_TIMESTAMP_CHARS, MAX_TRAINEES, MAX_TYPED_CHARS,
};
pub use load::{aside_key, load_store, LoadOutcome};
pub use problems::DraftField;
pub use store::{merge_external, DraftStore, DraftSummary, ImportSummary, Removed, StoreError};

/// The `localStorage` key holding every draft.
pub const STORAGE_KEY: &str = crate::domain::site::LOCAL_DATA_KEY;
/// Prefix of the keys under which unreadable stored data is set aside.
pub const ASIDE_KEY_PREFIX: &str = "cosens.brouillons.illisible.";
/// The version of the storage document written by this build.
pub const STORE_VERSION: u32 = 1;

// ---------------------------------------------------------------------------------------
// The draft
// ---------------------------------------------------------------------------------------

/// One draft enrolment.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct Draft {
    /// Unique in the store; `A–Z a–z 0–9 - _`, used in the address `/brouillons/ID`.
    #[serde(deserialize_with = "fields::id")]
    pub id: String,
    #[serde(deserialize_with = "fields::line")]
    pub name: String,
    /// RFC 3339.
    #[serde(deserialize_with = "fields::timestamp")]
    pub created: String,
    /// RFC 3339; the list is sorted on it, most recent first.
    #[serde(deserialize_with = "fields::timestamp")]
    pub updated: String,
    /// The simulator inputs (formula, trainees, coaching, certification, VAT, funding type
    /// and amounts): the single source of the quote. Its caps are checked by
    /// [`Draft::from_value`] once it is read.
    pub form: QuoteForm,
    pub enrolment: Enrolment,
}

/// The enrolment details a draft adds to the quote.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct Enrolment {
    pub client: Client,
    #[serde(deserialize_with = "fields::trainees")]
    pub trainees: Vec<Trainee>,
    pub funding: EnrolmentFunding,
    /// One of the catalogue's places ("Paris", "Marseille"), or empty.
    #[serde(deserialize_with = "fields::line")]
    pub place: String,
    /// One of the catalogue's modes ("Présentiel", "Distanciel"), or empty.
    #[serde(deserialize_with = "fields::line")]
    pub mode: String,
    /// `YYYY-MM-DD` or `null`.
    #[serde(
        deserialize_with = "fields::opt_date",
        serialize_with = "crate::domain::calendar::iso_date::serialize_opt"
    )]
    pub start_wish: Option<NaiveDate>,
    #[serde(deserialize_with = "fields::text")]
    pub accessibility: String,
    #[serde(deserialize_with = "fields::text")]
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
    #[serde(deserialize_with = "fields::line")]
    pub name: String,
    /// Required (and checked) for a company; spaces allowed.
    #[serde(deserialize_with = "fields::line")]
    pub siret: String,
    #[serde(deserialize_with = "fields::text")]
    pub address: String,
    #[serde(deserialize_with = "fields::line")]
    pub email: String,
    #[serde(deserialize_with = "fields::line")]
    pub phone: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct Trainee {
    #[serde(deserialize_with = "fields::line")]
    pub name: String,
    #[serde(deserialize_with = "fields::line")]
    pub email: String,
    #[serde(deserialize_with = "fields::line")]
    pub job: String,
}

/// Funding details the simulator form does not hold. The funding *type* and the amounts
/// (OPCO amount, CPF balance, CPF exemption) live in [`Draft::form`] only, so that a draft
/// has one source for what it costs.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct EnrolmentFunding {
    /// One of the catalogue's OPCOs, or empty.
    #[serde(deserialize_with = "fields::line")]
    pub opco_name: String,
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
        store::checked_now(now)?;
        self.updated = now.to_string();
        Ok(())
    }

    /// The draft's quote on `date`, when its simulator inputs can be priced.
    pub fn quote(&self, catalogue: &Catalogue, date: NaiveDate) -> Option<Quote> {
        let request = self.form.to_request(catalogue, date).ok()?;
        compute_quote(catalogue, &request).ok()
    }

    /// The draft's total TTC on `date`, when its simulator inputs can be priced.
    pub fn total_ttc(&self, catalogue: &Catalogue, date: NaiveDate) -> Option<Decimal> {
        self.quote(catalogue, date).map(|q| q.total_ttc)
    }

    /// The draft as a JSON value, in the layout of its serde derive (the storage and backup
    /// layout). Serialising a draft cannot fail (strings, numbers, booleans, arrays and
    /// objects with string keys only); should it ever, the value is `null`, which
    /// [`Draft::check`] refuses.
    pub fn to_value(&self) -> Value {
        serde_json::to_value(self).unwrap_or(Value::Null)
    }

    /// Reads a draft from a JSON value, checking every field; an error names the field by
    /// its path from `path` (`drafts[3].enrolment.client.email`).
    pub fn from_value(value: &Value, path: &str) -> Result<Draft, PathError> {
        let draft: Draft = json::read(value, path)?;
        fields::check_form(&draft.form, &json::join(path, "form"))?;
        Ok(draft)
    }

    /// Checks that the draft can be stored, exported and read back: valid id and
    /// timestamps, every text within its cap, at most [`MAX_TRAINEES`] trainees. An error
    /// names the field by its path from `path`.
    pub fn check_at(&self, path: &str) -> Result<(), PathError> {
        Draft::from_value(&self.to_value(), path).map(|_| ())
    }

    /// [`Draft::check_at`] the top of the draft.
    pub fn check(&self) -> Result<(), PathError> {
        self.check_at("")
    }
}
