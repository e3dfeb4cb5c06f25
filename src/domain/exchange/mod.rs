//! JSON exchange: a draft exported as an **enrolment request**, every draft exported as a
//! **backup**, and the import of either document back into drafts.
//!
//! Both documents carry a format name and a version, timestamps in RFC 3339 and the
//! catalogue version; every amount is a decimal string with two decimals (`"4000.00"`),
//! never a JSON number. Their layouts are the serde derives of [`EnrolmentRequest`] and of
//! the backup document (whose drafts have the storage layout of [`Draft`]); their JSON
//! Schemas ship in the site:
//! `public/schema/demande-inscription-v2.schema.json` and
//! `public/schema/sauvegarde-brouillons-v1.schema.json` (a native test validates what
//! this module exports against them). `public/schema/demande-inscription-v1.schema.json`
//! stays for the requests of version 1, which had no chosen session (their `session` was
//! the free wishes, `wishes` in version 2): they still import.
//!
//! Import parses the text into a JSON value, checks its format and version, then reads it
//! into those same serde types, checking what the schema checks (and more), so that every
//! error names the field at fault:
//! `Champ « client.email » : type attendu : chaîne de caractères ; trouvé : nombre.`
//! A failed import returns an error and changes nothing; on success the caller merges
//! the drafts with [`DraftStore::merge_imported`](super::draft::DraftStore::merge_imported).
//!
//! An enrolment request holds, besides the readable `selection`, `funding` and `quote`,
//! the simulator inputs as typed (`simulator_inputs`), so that importing it gives back the
//! very draft exported (but for a session id the catalogue no longer has, exported as no
//! session). Its `session`, the session chosen, must be the one those inputs name. On
//! import, `selection` and `funding` must agree with those inputs; the `quote` is checked
//! for its shape only and recomputed from the catalogue (prices are never read from a
//! file).
//!
//! The modules: `request` (the enrolment request, written and read), `session` (its
//! chosen session), `backup`, `import` (the text, the format and version, then the
//! document), `figures` (amounts and rates).

use std::fmt;

use super::calendar::parse_iso_date;
use super::draft::json::shorten;
use super::draft::{parse_timestamp, Draft, PathError, MAX_LINE_CHARS};
use super::search::fold;

mod backup;
mod figures;
mod import;
mod request;
#[cfg(all(test, not(target_arch = "wasm32")))]
mod schema_tests;
mod session;
#[cfg(test)]
mod tests;

pub use backup::backup;
pub use figures::{amount_string, rate_string};
pub use import::{import, import_document, DocumentKind, ImportError, Imported};
pub use request::{
    enrolment_request, enrolment_request_json, DraftIdentity, EnrolmentRequest, FundingSummary,
    LineSummary, QuoteSummary, Selection, Wishes,
};
pub use session::{ChosenModule, ChosenSession};

/// The format name of an enrolment request.
pub const REQUEST_FORMAT: &str = "cosens.demande-inscription";
/// The format name of a backup of every draft.
pub const BACKUP_FORMAT: &str = "cosens.sauvegarde-brouillons";
/// The version of the enrolment requests written by this build (version 1 is still read).
pub const REQUEST_VERSION: u32 = 2;
/// The version of the backups written by this build.
pub const BACKUP_VERSION: u32 = 1;
/// Where the schemas are served, relative to the site's base address.
pub const REQUEST_SCHEMA_PATH: &str = "public/schema/demande-inscription-v2.schema.json";
/// The schema of the enrolment requests of version 1.
pub const REQUEST_V1_SCHEMA_PATH: &str = "public/schema/demande-inscription-v1.schema.json";
pub const BACKUP_SCHEMA_PATH: &str = "public/schema/sauvegarde-brouillons-v1.schema.json";
/// Imported text above this size (in bytes) is refused unread.
pub const MAX_IMPORT_BYTES: usize = 1_000_000;

/// Why a document could not be exported.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExportError {
    /// The field at fault, as a path in the exported document, when there is one.
    pub field: Option<String>,
    pub message: String,
}

impl ExportError {
    fn new(field: Option<String>, message: impl Into<String>) -> Self {
        ExportError {
            field,
            message: message.into(),
        }
    }
}

impl From<PathError> for ExportError {
    fn from(e: PathError) -> Self {
        ExportError::new(Some(e.path), e.message)
    }
}

impl fmt::Display for ExportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.field {
            Some(field) => write!(f, "Champ « {field} » : {}", self.message),
            None => f.write_str(&self.message),
        }
    }
}

impl std::error::Error for ExportError {}

/// The export time, which must be an RFC 3339 timestamp.
fn checked_time(field: &str, value: &str) -> Result<(), ExportError> {
    if parse_timestamp(value).is_some() {
        Ok(())
    } else {
        Err(ExportError::new(
            Some(field.to_string()),
            format!(
                "« {} » n'est pas un horodatage RFC 3339.",
                shorten(value, 40)
            ),
        ))
    }
}

fn checked_catalogue_version(version: &str) -> Result<(), ExportError> {
    if version.is_empty() || version.chars().count() > MAX_LINE_CHARS {
        Err(ExportError::new(
            Some("catalogue_version".into()),
            "version du catalogue vide ou trop longue.",
        ))
    } else {
        Ok(())
    }
}

/// A file name for an enrolment request: `demande-inscription-devis-acme-2026-11-26.json`.
pub fn request_file_name(draft: &Draft, exported_at: &str) -> String {
    let slug = slug(&draft.name);
    let date = exported_at
        .get(..10)
        .filter(|d| parse_iso_date(d).is_some());
    match (slug.is_empty(), date) {
        (false, Some(d)) => format!("demande-inscription-{slug}-{d}.json"),
        (false, None) => format!("demande-inscription-{slug}.json"),
        (true, Some(d)) => format!("demande-inscription-{d}.json"),
        (true, None) => "demande-inscription.json".to_string(),
    }
}

/// A file name for a backup: `brouillons-cosens-2026-11-26.json`.
pub fn backup_file_name(exported_at: &str) -> String {
    match exported_at
        .get(..10)
        .filter(|d| parse_iso_date(d).is_some())
    {
        Some(d) => format!("brouillons-cosens-{d}.json"),
        None => "brouillons-cosens.json".to_string(),
    }
}

/// Lower-case ASCII words joined by hyphens, at most 40 characters.
fn slug(name: &str) -> String {
    let mut out = String::new();
    for c in fold(name).chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c);
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
        if out.len() >= 40 {
            break;
        }
    }
    out.trim_end_matches('-').to_string()
}
