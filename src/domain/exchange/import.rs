//! Import: the text (size, JSON syntax), the document's format and version, then the
//! document itself, read into its serde types.

use std::fmt;

use serde_json::{Map, Value};

use super::backup::read_backup;
use super::request::read_request;
use super::{BACKUP_FORMAT, BACKUP_VERSION, MAX_IMPORT_BYTES, REQUEST_FORMAT, REQUEST_VERSION};
use crate::domain::catalogue::Catalogue;
use crate::domain::draft::fields::over_cap;
use crate::domain::draft::json::{kind_of, read, shorten, wrong_type};
use crate::domain::draft::{Draft, PathError, MAX_LINE_CHARS};

/// Which document was imported.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DocumentKind {
    EnrolmentRequest,
    Backup,
}

/// What an import read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Imported {
    pub kind: DocumentKind,
    pub drafts: Vec<Draft>,
    pub catalogue_version: String,
    /// Said when the file was made under another catalogue version.
    pub notice: Option<String>,
}

/// Why an import was refused (nothing was changed).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ImportError {
    /// Over [`MAX_IMPORT_BYTES`].
    TooLarge { bytes: usize },
    /// Not JSON text.
    NotJson {
        line: usize,
        column: usize,
        detail: String,
    },
    /// A field at fault.
    Field(PathError),
}

impl ImportError {
    /// The path of the field at fault (`client.email`), when there is one.
    pub fn field(&self) -> Option<&str> {
        match self {
            ImportError::Field(e) if !e.path.is_empty() => Some(&e.path),
            _ => None,
        }
    }

    /// The French message for the screen.
    pub fn message(&self) -> String {
        let reason = match self {
            ImportError::TooLarge { bytes } => format!(
                "Le fichier pèse {} ko : au-delà de {} ko, il n'est pas lu.",
                bytes.div_ceil(1000),
                MAX_IMPORT_BYTES / 1000
            ),
            ImportError::NotJson {
                line,
                column,
                detail,
            } => format!(
                "Le fichier n'est pas un document JSON valide (ligne {line}, colonne {column}) : \
                 {detail}."
            ),
            ImportError::Field(e) => e.to_string(),
        };
        format!("{reason} Rien n'a été importé.")
    }
}

impl fmt::Display for ImportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message())
    }
}

impl std::error::Error for ImportError {}

impl From<PathError> for ImportError {
    fn from(e: PathError) -> Self {
        ImportError::Field(e)
    }
}

/// serde_json's syntax error, in French.
fn json_error_detail(e: &serde_json::Error) -> String {
    let text = e.to_string();
    let known = [
        (
            "EOF while parsing",
            "le texte s'arrête avant la fin du document",
        ),
        ("trailing characters", "du texte suit la fin du document"),
        ("trailing comma", "une virgule en trop précède la fermeture"),
        (
            "recursion limit exceeded",
            "le document est imbriqué trop profondément",
        ),
        (
            "key must be a string",
            "une clé entre guillemets est attendue",
        ),
        ("expected `,` or `}`", "une virgule ou « } » est attendue"),
        ("expected `,` or `]`", "une virgule ou « ] » est attendue"),
        ("expected `:`", "« : » est attendu après une clé"),
        ("expected value", "une valeur JSON est attendue"),
        (
            "expected ident",
            "mot inconnu (true, false ou null attendu)",
        ),
        ("control character", "caractère de contrôle dans une chaîne"),
        ("invalid escape", "séquence d'échappement invalide"),
        ("invalid unicode code point", "code Unicode invalide"),
        ("lone leading surrogate", "code Unicode invalide"),
        ("number out of range", "nombre hors limites"),
        ("invalid number", "nombre mal écrit"),
    ];
    known
        .iter()
        .find(|(needle, _)| text.contains(needle))
        .map_or("syntaxe JSON invalide", |(_, french)| french)
        .to_string()
}

/// Reads an enrolment request or a backup into drafts. Refuses text over 1 MB, text that
/// is not JSON, an unknown format or version, and any field out of the format, with a
/// French message naming the field. The drafts keep their ids: merge them with
/// [`DraftStore::merge_imported`](crate::domain::draft::DraftStore::merge_imported), which
/// gives fresh ids on a clash.
pub fn import(text: &str, catalogue: &Catalogue) -> Result<Vec<Draft>, ImportError> {
    import_document(text, catalogue).map(|imported| imported.drafts)
}

/// [`import`], also telling which document it was and whether its catalogue differs.
pub fn import_document(text: &str, catalogue: &Catalogue) -> Result<Imported, ImportError> {
    let value = parse(text)?;
    let (kind, version, catalogue_version) = read_header(&value)?;
    let drafts = match kind {
        DocumentKind::EnrolmentRequest => vec![read_request(&value, version, catalogue)?],
        DocumentKind::Backup => read_backup(&value)?,
    };
    let notice = (catalogue_version != catalogue.version).then(|| {
        format!(
            "Ce fichier a été établi avec le catalogue {} ; les prix sont recalculés avec le \
             catalogue en vigueur ({}).",
            shorten(&catalogue_version, 40),
            catalogue.version
        )
    });
    Ok(Imported {
        kind,
        drafts,
        catalogue_version,
        notice,
    })
}

/// The text as JSON (a byte order mark tolerated), if not over [`MAX_IMPORT_BYTES`].
fn parse(text: &str) -> Result<Value, ImportError> {
    if text.len() > MAX_IMPORT_BYTES {
        return Err(ImportError::TooLarge { bytes: text.len() });
    }
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    serde_json::from_str(text).map_err(|e| ImportError::NotJson {
        line: e.line(),
        column: e.column(),
        detail: json_error_detail(&e),
    })
}

/// Which document this is, by its `format`, its `version`, and its catalogue version.
fn read_header(value: &Value) -> Result<(DocumentKind, u32, String), PathError> {
    let Value::Object(map) = value else {
        return Err(PathError::new(
            "",
            format!(
                "un objet JSON {{ … }} est attendu ; trouvé : {}.",
                kind_of(value)
            ),
        ));
    };
    let kind = read_format(map)?;
    let version = read_version(map, kind)?;
    let catalogue_version = line_at(map, "catalogue_version")?;
    if catalogue_version.is_empty() {
        return Err(PathError::new(
            "catalogue_version",
            "la version du catalogue est vide.",
        ));
    }
    Ok((kind, version, catalogue_version))
}

/// The one-line text under `key`.
fn line_at(map: &Map<String, Value>, key: &str) -> Result<String, PathError> {
    let value = map
        .get(key)
        .ok_or_else(|| PathError::new(key, "champ obligatoire absent."))?;
    let text: String = read(value, key)?;
    match over_cap(&text, MAX_LINE_CHARS) {
        Some(message) => Err(PathError::new(key, message)),
        None => Ok(text),
    }
}

fn read_format(map: &Map<String, Value>) -> Result<DocumentKind, PathError> {
    let not_ours = "ce fichier n'est ni une demande d'inscription ni une sauvegarde de \
                    brouillons Co&Sens";
    if !map.contains_key("format") {
        return Err(PathError::new(
            "format",
            format!("champ obligatoire absent : {not_ours}."),
        ));
    }
    match line_at(map, "format")?.as_str() {
        REQUEST_FORMAT => Ok(DocumentKind::EnrolmentRequest),
        BACKUP_FORMAT => Ok(DocumentKind::Backup),
        other => Err(PathError::new(
            "format",
            format!(
                "« {} » n'est pas un format reconnu ({not_ours}) ; formats acceptés : \
                 {REQUEST_FORMAT}, {BACKUP_FORMAT}.",
                shorten(other, 60)
            ),
        )),
    }
}

/// The version: from 1 to the one this build writes ([`REQUEST_VERSION`] for an enrolment
/// request, [`BACKUP_VERSION`] for a backup).
fn read_version(map: &Map<String, Value>, kind: DocumentKind) -> Result<u32, PathError> {
    let version = map
        .get("version")
        .ok_or_else(|| PathError::new("version", "champ obligatoire absent."))?;
    let latest = match kind {
        DocumentKind::EnrolmentRequest => REQUEST_VERSION,
        DocumentKind::Backup => BACKUP_VERSION,
    };
    let read_here = match latest {
        1 => "seule la version 1 est lue ici".to_string(),
        2 => "seules les versions 1 et 2 sont lues ici".to_string(),
        n => format!("seules les versions 1 à {n} sont lues ici"),
    };
    match version.as_u64() {
        Some(n) if (1..=u64::from(latest)).contains(&n) => Ok(u32::try_from(n).unwrap_or(latest)),
        Some(n) if n > u64::from(latest) => Err(PathError::new(
            "version",
            format!(
                "version {n} inconnue : ce fichier vient d'une version plus récente de \
                 l'application ; {read_here}."
            ),
        )),
        Some(n) => Err(PathError::new(
            "version",
            format!("version {n} inconnue ; {read_here}."),
        )),
        None => Err(wrong_type("version", "nombre entier", version)),
    }
}
