//! The backup of every draft (`cosens.sauvegarde-brouillons`, version 1): the drafts in
//! their storage layout, with a format name, a version, a time and the catalogue version.

use serde::{Deserialize, Deserializer, Serialize};
use serde_json::Value;

use super::{checked_catalogue_version, checked_time, ExportError, BACKUP_FORMAT, BACKUP_VERSION};
use crate::domain::draft::fields::{self, at_most, check_form};
use crate::domain::draft::json::read;
use crate::domain::draft::{Draft, DraftStore, PathError, MAX_DRAFTS};

/// The backup document. Its `format` and `version` are checked before the rest is read.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct BackupDocument {
    format: String,
    version: u32,
    /// RFC 3339.
    #[serde(deserialize_with = "fields::timestamp")]
    exported_at: String,
    #[serde(deserialize_with = "fields::line")]
    catalogue_version: String,
    #[serde(deserialize_with = "drafts")]
    drafts: Vec<Draft>,
}

/// At most [`MAX_DRAFTS`] drafts.
fn drafts<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<Draft>, D::Error> {
    at_most(d, MAX_DRAFTS)
}

/// Every draft as one backup document, as compact JSON. A draft that could not be read
/// back is an error naming it.
pub fn backup(
    store: &DraftStore,
    catalogue_version: &str,
    exported_at: &str,
) -> Result<String, ExportError> {
    checked_time("exported_at", exported_at)?;
    checked_catalogue_version(catalogue_version)?;
    if store.drafts.len() > MAX_DRAFTS {
        return Err(ExportError::new(
            Some("drafts".into()),
            format!("{MAX_DRAFTS} brouillons au plus."),
        ));
    }
    for (i, draft) in store.drafts.iter().enumerate() {
        draft.check_at(&format!("drafts[{i}]"))?;
    }
    let document = BackupDocument {
        format: BACKUP_FORMAT.to_string(),
        version: BACKUP_VERSION,
        exported_at: exported_at.to_string(),
        catalogue_version: catalogue_version.to_string(),
        drafts: store.drafts.clone(),
    };
    // Written as the drafts' store is, from its JSON value (compact, keys sorted): the
    // drafts' pages then carry one writer of the drafts.
    serde_json::to_value(&document)
        .map(|value| value.to_string())
        .map_err(|_| ExportError::new(None, "la sauvegarde n'a pas pu être écrite."))
}

/// Reads a backup (its format and version checked) into its drafts.
pub(super) fn read_backup(value: &Value) -> Result<Vec<Draft>, PathError> {
    let document: BackupDocument = read(value, "")?;
    for (i, draft) in document.drafts.iter().enumerate() {
        check_form(&draft.form, &format!("drafts[{i}].form"))?;
    }
    Ok(document.drafts)
}
