//! JSON exchange: a draft exported as an **enrolment request**, every draft exported as a
//! **backup**, and the import of either document back into drafts.
//!
//! Both documents carry a format name and a version, timestamps in RFC 3339 and the
//! catalogue version; every amount is a decimal string with two decimals (`"4000.00"`),
//! never a JSON number. Their JSON Schemas ship in the site:
//! `public/schema/demande-inscription-v1.schema.json` and
//! `public/schema/sauvegarde-brouillons-v1.schema.json` (a native test validates what
//! this module exports against them).
//!
//! Import parses the text into a JSON value and reads it field by field, checking what
//! the schema checks (and more), so that every error names the field at fault:
//! `Champ « client.email » : type attendu : chaîne de caractères ; trouvé : nombre.`
//! A failed import returns an error and changes nothing; on success the caller merges
//! the drafts with [`DraftStore::merge_imported`](super::draft::DraftStore::merge_imported).
//!
//! An enrolment request holds, besides the readable `selection`, `funding` and `quote`,
//! the simulator inputs as typed (`simulator_inputs`), so that importing it gives back the
//! very draft exported. On import, `selection` and `funding` must agree with those inputs;
//! the `quote` is checked for its shape only and recomputed from the catalogue (prices are
//! never read from a file).

use std::fmt;

use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::Serialize;
use serde_json::Value;

use super::calendar::{format_iso_date, parse_iso_date};
use super::catalogue::Catalogue;
use super::draft::{
    client_from_value, form_from_value, join, parse_timestamp, shorten, trainees_from, wrong_type,
    Client, Draft, Enrolment, EnrolmentFunding, Obj, PathError, Trainee, MAX_DRAFTS,
    MAX_LINE_CHARS, MAX_TEXT_CHARS,
};
use super::money::round_cents;
use super::pricing::{
    price_quote, Formula, Funding, LineKind, Quote, QuoteField, QuoteRequest, Vat,
};
use super::quote_form::QuoteForm;
use super::search::fold;

/// The format name of an enrolment request.
pub const REQUEST_FORMAT: &str = "cosens.demande-inscription";
/// The format name of a backup of every draft.
pub const BACKUP_FORMAT: &str = "cosens.sauvegarde-brouillons";
/// The version of both documents written by this build.
pub const EXCHANGE_VERSION: u32 = 1;
/// Where the schemas are served, relative to the site's base address.
pub const REQUEST_SCHEMA_PATH: &str = "public/schema/demande-inscription-v1.schema.json";
pub const BACKUP_SCHEMA_PATH: &str = "public/schema/sauvegarde-brouillons-v1.schema.json";
/// Imported text above this size (in bytes) is refused unread.
pub const MAX_IMPORT_BYTES: usize = 1_000_000;
/// Lines of a quote in a request (5 modules, coaching and certification make 7).
const MAX_QUOTE_LINES: usize = 64;
/// Characters of an amount string.
const MAX_AMOUNT_CHARS: usize = 30;

// ---------------------------------------------------------------------------------------
// The enrolment request
// ---------------------------------------------------------------------------------------

/// The enrolment request document (`cosens.demande-inscription`, version 1), field order
/// as written.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct EnrolmentRequest {
    pub format: String,
    pub version: u32,
    /// RFC 3339.
    pub exported_at: String,
    /// The draft's creation, RFC 3339.
    pub created_at: String,
    /// The draft's last change, RFC 3339.
    pub updated_at: String,
    pub catalogue_version: String,
    pub draft: DraftIdentity,
    pub client: Client,
    pub trainees: Vec<Trainee>,
    pub selection: Selection,
    pub session: Session,
    pub funding: FundingSummary,
    pub accessibility: String,
    pub notes: String,
    pub quote: QuoteSummary,
    /// The simulator inputs as typed, to reopen the draft exactly.
    pub simulator_inputs: QuoteForm,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DraftIdentity {
    pub id: String,
    pub name: String,
}

/// What is being bought, per trainee.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Selection {
    /// `complet` or `modulaire`.
    pub formula: String,
    /// The modules followed (all of them for the full course), sorted.
    pub modules: Vec<u8>,
    pub trainees: u32,
    /// Per trainee.
    pub coaching_days: u32,
    pub certification: bool,
    /// `normale` (the catalogue's rate) or `exoneree`.
    pub vat: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Session {
    pub place: String,
    pub mode: String,
    /// `YYYY-MM-DD`.
    pub start_wish: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FundingSummary {
    /// `aucun`, `opco` or `cpf`.
    #[serde(rename = "type")]
    pub kind: String,
    pub opco_name: String,
    /// The amount granted, with OPCO funding.
    pub opco_amount: Option<String>,
    /// The account's balance, with CPF funding.
    pub cpf_balance: Option<String>,
    /// With CPF funding: no flat contribution due.
    pub cpf_exempt: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct QuoteSummary {
    /// The quote's date (`YYYY-MM-DD`): it selects the CPF contribution.
    pub date: String,
    pub lines: Vec<LineSummary>,
    pub total_ht: String,
    /// `0.20`; `0.00` when exempt.
    pub vat_rate: String,
    pub total_vat: String,
    pub total_ttc: String,
    pub per_trainee_ht: String,
    pub per_trainee_ttc: String,
    pub funded: String,
    pub cpf_contribution: String,
    pub remaining: String,
    pub vat_mention: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct LineSummary {
    /// `parcours_complet`, `module`, `accompagnement` or `certification`.
    pub kind: String,
    /// The module's number, for a module line.
    pub module: Option<u8>,
    pub label: String,
    pub unit_ht: String,
    pub quantity: u32,
    pub total_ht: String,
}

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

impl fmt::Display for ExportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.field {
            Some(field) => write!(f, "Champ « {field} » : {}", self.message),
            None => f.write_str(&self.message),
        }
    }
}

impl std::error::Error for ExportError {}

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

/// Where a simulator field sits under `simulator_inputs`.
fn form_key(field: QuoteField) -> &'static str {
    match field {
        QuoteField::Modules => "modules",
        QuoteField::Trainees => "trainees",
        QuoteField::Coaching => "coaching_days",
        QuoteField::Funding => "funding",
        QuoteField::OpcoAmount => "opco_amount",
        QuoteField::CpfBalance => "cpf_balance",
        QuoteField::Date => "date",
    }
}

fn selection_of(request: &QuoteRequest, catalogue: &Catalogue) -> Selection {
    let (formula, modules) = match request.formula.normalised() {
        Formula::Full => (
            "complet",
            catalogue.modules.iter().map(|m| m.number).collect(),
        ),
        Formula::Modular(list) => ("modulaire", list),
    };
    Selection {
        formula: formula.to_string(),
        modules,
        trainees: request.trainees,
        coaching_days: request.coaching_days,
        certification: request.certification,
        vat: match request.vat {
            Vat::Standard => "normale",
            Vat::Exempt => "exoneree",
        }
        .to_string(),
    }
}

fn funding_of(request: &QuoteRequest, funding: &EnrolmentFunding) -> FundingSummary {
    let (kind, opco_amount, cpf_balance, cpf_exempt) = match &request.funding {
        Funding::None => ("aucun", None, None, false),
        Funding::Opco { amount } => ("opco", Some(amount_string(*amount)), None, false),
        Funding::Cpf { balance, exempt } => ("cpf", None, Some(amount_string(*balance)), *exempt),
    };
    FundingSummary {
        kind: kind.to_string(),
        opco_name: funding.opco_name.clone(),
        opco_amount,
        cpf_balance,
        cpf_exempt,
    }
}

fn quote_summary(quote: &Quote) -> QuoteSummary {
    QuoteSummary {
        date: format_iso_date(quote.request.date),
        lines: quote
            .lines
            .iter()
            .map(|l| {
                let (kind, module) = match l.kind {
                    LineKind::FullCourse => ("parcours_complet", None),
                    LineKind::Module(n) => ("module", Some(n)),
                    LineKind::Coaching => ("accompagnement", None),
                    LineKind::Certification => ("certification", None),
                };
                LineSummary {
                    kind: kind.to_string(),
                    module,
                    label: l.label.clone(),
                    unit_ht: amount_string(l.unit_ht),
                    quantity: l.quantity,
                    total_ht: amount_string(l.total_ht),
                }
            })
            .collect(),
        total_ht: amount_string(quote.total_ht),
        vat_rate: rate_string(quote.vat_rate),
        total_vat: amount_string(quote.total_vat),
        total_ttc: amount_string(quote.total_ttc),
        per_trainee_ht: amount_string(quote.per_trainee_ht),
        per_trainee_ttc: amount_string(quote.per_trainee_ttc),
        funded: amount_string(quote.funded),
        cpf_contribution: amount_string(quote.cpf_contribution),
        remaining: amount_string(quote.remaining),
        vat_mention: quote.vat_mention.clone(),
    }
}

/// Exports one draft as an enrolment request, priced on `quote_date`, stamped
/// `exported_at` (RFC 3339). A draft whose simulation does not price, or that could not
/// be read back (a text over its cap…), is an error in French naming the field.
pub fn enrolment_request(
    draft: &Draft,
    catalogue: &Catalogue,
    quote_date: NaiveDate,
    exported_at: &str,
) -> Result<EnrolmentRequest, ExportError> {
    checked_time("exported_at", exported_at)?;
    checked_catalogue_version(&catalogue.version)?;
    draft
        .check()
        .map_err(|e| ExportError::new(Some(e.path), e.message))?;
    let request = draft
        .form
        .to_request(catalogue, quote_date)
        .map_err(|errors| {
            let first = errors
                .first()
                .map(|e| format!("simulator_inputs.{}", form_key(e.field)));
            let details: Vec<String> = errors
                .iter()
                .map(|e| format!("{} : {}", e.field.label(), e.message))
                .collect();
            ExportError::new(
                first,
                format!(
                    "la simulation de ce brouillon ne donne pas de devis, il ne peut pas être \
                 exporté. {}",
                    details.join(" ")
                ),
            )
        })?;
    let quote = price_quote(catalogue, &request).map_err(|e| {
        ExportError::new(
            Some(format!("simulator_inputs.{}", form_key(e.field()))),
            format!(
                "la simulation de ce brouillon ne donne pas de devis, il ne peut pas être \
                 exporté. {e}"
            ),
        )
    })?;
    let e = &draft.enrolment;
    Ok(EnrolmentRequest {
        format: REQUEST_FORMAT.to_string(),
        version: EXCHANGE_VERSION,
        exported_at: exported_at.to_string(),
        created_at: draft.created.clone(),
        updated_at: draft.updated.clone(),
        catalogue_version: catalogue.version.clone(),
        draft: DraftIdentity {
            id: draft.id.clone(),
            name: draft.name.clone(),
        },
        client: e.client.clone(),
        trainees: e.trainees.clone(),
        selection: selection_of(&request, catalogue),
        session: Session {
            place: e.place.clone(),
            mode: e.mode.clone(),
            start_wish: e.start_wish.map(format_iso_date),
        },
        funding: funding_of(&request, &e.funding),
        accessibility: e.accessibility.clone(),
        notes: e.notes.clone(),
        quote: quote_summary(&quote),
        simulator_inputs: draft.form.clone(),
    })
}

impl EnrolmentRequest {
    /// The document as indented JSON, to download or copy.
    pub fn to_json(&self) -> Result<String, ExportError> {
        serde_json::to_string_pretty(self)
            .map_err(|_| ExportError::new(None, "la demande d'inscription n'a pas pu être écrite."))
    }

    pub fn to_value(&self) -> Result<Value, ExportError> {
        serde_json::to_value(self)
            .map_err(|_| ExportError::new(None, "la demande d'inscription n'a pas pu être écrite."))
    }
}

/// [`enrolment_request`] as indented JSON text.
pub fn enrolment_request_json(
    draft: &Draft,
    catalogue: &Catalogue,
    quote_date: NaiveDate,
    exported_at: &str,
) -> Result<String, ExportError> {
    enrolment_request(draft, catalogue, quote_date, exported_at)?.to_json()
}

// ---------------------------------------------------------------------------------------
// The backup
// ---------------------------------------------------------------------------------------

#[derive(Serialize)]
struct BackupDocument<'a> {
    format: &'a str,
    version: u32,
    exported_at: &'a str,
    catalogue_version: &'a str,
    drafts: Vec<Value>,
}

/// Every draft as one backup document (`cosens.sauvegarde-brouillons`, version 1), as
/// indented JSON. A draft that could not be read back is an error naming it.
pub fn backup(
    store: &super::draft::DraftStore,
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
    let mut drafts = Vec::with_capacity(store.drafts.len());
    for (i, d) in store.drafts.iter().enumerate() {
        let value = d.to_value();
        Draft::from_value(&value, &format!("drafts[{i}]"))
            .map_err(|e| ExportError::new(Some(e.path), e.message))?;
        drafts.push(value);
    }
    let document = BackupDocument {
        format: BACKUP_FORMAT,
        version: EXCHANGE_VERSION,
        exported_at,
        catalogue_version,
        drafts,
    };
    serde_json::to_string_pretty(&document)
        .map_err(|_| ExportError::new(None, "la sauvegarde n'a pas pu être écrite."))
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

// ---------------------------------------------------------------------------------------
// Import
// ---------------------------------------------------------------------------------------

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
/// [`DraftStore::merge_imported`](super::draft::DraftStore::merge_imported), which gives
/// fresh ids on a clash.
pub fn import(text: &str, catalogue: &Catalogue) -> Result<Vec<Draft>, ImportError> {
    import_document(text, catalogue).map(|imported| imported.drafts)
}

/// [`import`], also telling which document it was and whether its catalogue differs.
pub fn import_document(text: &str, catalogue: &Catalogue) -> Result<Imported, ImportError> {
    if text.len() > MAX_IMPORT_BYTES {
        return Err(ImportError::TooLarge { bytes: text.len() });
    }
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let value: Value = serde_json::from_str(text).map_err(|e| ImportError::NotJson {
        line: e.line(),
        column: e.column(),
        detail: json_error_detail(&e),
    })?;
    let o = Obj::new(&value, "").map_err(|_| {
        PathError::new(
            "",
            format!(
                "un objet JSON {{ … }} est attendu ; trouvé : {}.",
                super::draft::kind_of(&value)
            ),
        )
    })?;
    let not_ours = "ce fichier n'est ni une demande d'inscription ni une sauvegarde de \
                    brouillons Co&Sens";
    if !o.has("format") {
        return Err(
            PathError::new("format", format!("champ obligatoire absent : {not_ours}.")).into(),
        );
    }
    let format = o.string("format", MAX_LINE_CHARS)?;
    let kind = match format.as_str() {
        REQUEST_FORMAT => DocumentKind::EnrolmentRequest,
        BACKUP_FORMAT => DocumentKind::Backup,
        other => {
            return Err(PathError::new(
                "format",
                format!(
                    "« {} » n'est pas un format reconnu ({not_ours}) ; formats acceptés : \
                     {REQUEST_FORMAT}, {BACKUP_FORMAT}.",
                    shorten(other, 60)
                ),
            )
            .into())
        }
    };
    let version = o.get("version")?;
    match version.as_u64() {
        Some(1) => {}
        Some(n) if n > 1 => {
            return Err(PathError::new(
                "version",
                format!(
                    "version {n} inconnue : ce fichier vient d'une version plus récente de \
                     l'application ; seule la version 1 est lue ici."
                ),
            )
            .into())
        }
        Some(n) => {
            return Err(PathError::new(
                "version",
                format!("version {n} inconnue ; seule la version 1 est lue ici."),
            )
            .into())
        }
        None => return Err(wrong_type("version", "nombre entier", version).into()),
    }
    let catalogue_version = o.string("catalogue_version", MAX_LINE_CHARS)?;
    if catalogue_version.is_empty() {
        return Err(
            PathError::new("catalogue_version", "la version du catalogue est vide.").into(),
        );
    }
    let drafts = match kind {
        DocumentKind::EnrolmentRequest => vec![read_request(&o, catalogue)?],
        DocumentKind::Backup => read_backup(&o)?,
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

fn read_backup(o: &Obj<'_>) -> Result<Vec<Draft>, PathError> {
    o.only(&[
        "format",
        "version",
        "exported_at",
        "catalogue_version",
        "drafts",
    ])?;
    o.timestamp("exported_at")?;
    let items = o.array("drafts", MAX_DRAFTS)?;
    items
        .iter()
        .enumerate()
        .map(|(i, item)| Draft::from_value(item, &format!("drafts[{i}]")))
        .collect()
}

fn read_request(o: &Obj<'_>, catalogue: &Catalogue) -> Result<Draft, PathError> {
    o.only(&[
        "format",
        "version",
        "exported_at",
        "created_at",
        "updated_at",
        "catalogue_version",
        "draft",
        "client",
        "trainees",
        "selection",
        "session",
        "funding",
        "accessibility",
        "notes",
        "quote",
        "simulator_inputs",
    ])?;
    o.timestamp("exported_at")?;
    let created = o.timestamp("created_at")?;
    let updated = o.timestamp("updated_at")?;
    let identity = o.object("draft")?;
    identity.only(&["id", "name"])?;
    let id = identity.id("id")?;
    let name = identity.string("name", MAX_LINE_CHARS)?;
    let client = client_from_value(o.get("client")?, "client")?;
    let trainees = trainees_from(o, "trainees")?;
    let session = o.object("session")?;
    session.only(&["place", "mode", "start_wish"])?;
    let place = session.string("place", MAX_LINE_CHARS)?;
    let mode = session.string("mode", MAX_LINE_CHARS)?;
    let start_wish = session.opt_date("start_wish")?;
    let funding = o.object("funding")?;
    funding.only(&[
        "type",
        "opco_name",
        "opco_amount",
        "cpf_balance",
        "cpf_exempt",
    ])?;
    let opco_name = funding.string("opco_name", MAX_LINE_CHARS)?;
    let accessibility = o.string("accessibility", MAX_TEXT_CHARS)?;
    let notes = o.string("notes", MAX_TEXT_CHARS)?;
    let form = form_from_value(o.get("simulator_inputs")?, "simulator_inputs")?;
    let quote_date = read_quote_shape(&o.object("quote")?)?;

    // The readable selection and funding must say what the simulator inputs say.
    let request =
        form.to_request(catalogue, quote_date)
            .map_err(|errors| match errors.first() {
                Some(e) if e.field == QuoteField::Date => {
                    PathError::new("quote.date", e.message.clone())
                }
                Some(e) => PathError::new(
                    format!("simulator_inputs.{}", form_key(e.field)),
                    e.message.clone(),
                ),
                None => PathError::new("simulator_inputs", "simulation illisible."),
            })?;
    let enrolment_funding = EnrolmentFunding { opco_name };
    agree(
        o.get("selection")?,
        &selection_of(&request, catalogue),
        "selection",
    )?;
    agree(
        o.get("funding")?,
        &funding_of(&request, &enrolment_funding),
        "funding",
    )?;
    Ok(Draft {
        id,
        name,
        created,
        updated,
        form,
        enrolment: Enrolment {
            client,
            trainees,
            funding: enrolment_funding,
            place,
            mode,
            start_wish,
            accessibility,
            notes,
        },
    })
}

/// Checks that `found` is the object `expected` serialises to, naming the first field
/// that differs.
fn agree<T: Serialize>(found: &Value, expected: &T, path: &str) -> Result<(), PathError> {
    let expected = serde_json::to_value(expected)
        .map_err(|_| PathError::new(path, "valeur attendue impossible à écrire."))?;
    let (Value::Object(want), o) = (&expected, Obj::new(found, path)?) else {
        return Ok(());
    };
    let keys: Vec<&str> = want.keys().map(String::as_str).collect();
    o.only(&keys)?;
    for (key, want_value) in want {
        let got = o.get(key)?;
        if got != want_value {
            return Err(PathError::new(
                join(path, key),
                format!(
                    "{} ne correspond pas à la simulation enregistrée (« simulator_inputs »), \
                     qui donne {}.",
                    shorten(&got.to_string(), 80),
                    shorten(&want_value.to_string(), 80)
                ),
            ));
        }
    }
    Ok(())
}

fn amount_is_well_formed(s: &str) -> bool {
    let digits = s.strip_prefix('-').unwrap_or(s);
    match digits.split_once('.') {
        Some((int, frac)) => {
            !int.is_empty()
                && frac.len() == 2
                && int.bytes().all(|b| b.is_ascii_digit())
                && frac.bytes().all(|b| b.is_ascii_digit())
        }
        None => false,
    }
}

fn rate_is_well_formed(s: &str) -> bool {
    match s.split_once('.') {
        Some((int, frac)) => {
            !int.is_empty()
                && (2..=6).contains(&frac.len())
                && int.bytes().all(|b| b.is_ascii_digit())
                && frac.bytes().all(|b| b.is_ascii_digit())
        }
        None => false,
    }
}

fn read_amount(o: &Obj<'_>, key: &str) -> Result<(), PathError> {
    let value = o.get(key)?;
    let path = o.child(key);
    match value {
        Value::String(s) if s.len() <= MAX_AMOUNT_CHARS && amount_is_well_formed(s) => Ok(()),
        Value::String(s) => Err(PathError::new(
            path,
            format!(
                "« {} » n'est pas un montant : une chaîne comme \"4000.00\" (deux décimales, \
                 point décimal) est attendue.",
                shorten(s, 40)
            ),
        )),
        other => Err(PathError::new(
            path,
            format!(
                "un montant s'écrit comme une chaîne, par exemple \"4000.00\", jamais comme \
                 un {} JSON.",
                super::draft::kind_of(other)
            ),
        )),
    }
}

/// Checks the `quote` object's shape (its figures are recomputed, never read); returns
/// its date.
fn read_quote_shape(q: &Obj<'_>) -> Result<NaiveDate, PathError> {
    q.only(&[
        "date",
        "lines",
        "total_ht",
        "vat_rate",
        "total_vat",
        "total_ttc",
        "per_trainee_ht",
        "per_trainee_ttc",
        "funded",
        "cpf_contribution",
        "remaining",
        "vat_mention",
    ])?;
    let date = q.opt_date("date")?.ok_or_else(|| {
        PathError::new(
            q.child("date"),
            "la date du devis (AAAA-MM-JJ) est obligatoire.",
        )
    })?;
    let lines_path = q.child("lines");
    let lines = q.array("lines", MAX_QUOTE_LINES)?;
    if lines.is_empty() {
        return Err(PathError::new(lines_path, "un devis a au moins une ligne."));
    }
    for (i, item) in lines.iter().enumerate() {
        let l = Obj::new(item, &format!("{lines_path}[{i}]"))?;
        l.only(&["kind", "module", "label", "unit_ht", "quantity", "total_ht"])?;
        let kind = l.string("kind", MAX_LINE_CHARS)?;
        if ![
            "parcours_complet",
            "module",
            "accompagnement",
            "certification",
        ]
        .contains(&kind.as_str())
        {
            return Err(PathError::new(
                l.child("kind"),
                format!(
                    "« {} » n'est pas un type de ligne ; valeurs possibles : parcours_complet, \
                     module, accompagnement, certification.",
                    shorten(&kind, 40)
                ),
            ));
        }
        if !l.get("module")?.is_null() {
            l.integer("module", 1, 255)?;
        }
        l.string("label", MAX_LINE_CHARS)?;
        read_amount(&l, "unit_ht")?;
        l.integer("quantity", 0, 1_000_000)?;
        read_amount(&l, "total_ht")?;
    }
    for key in [
        "total_ht",
        "total_vat",
        "total_ttc",
        "per_trainee_ht",
        "per_trainee_ttc",
        "funded",
        "cpf_contribution",
        "remaining",
    ] {
        read_amount(q, key)?;
    }
    let rate = q.string("vat_rate", MAX_AMOUNT_CHARS)?;
    if !rate_is_well_formed(&rate) {
        return Err(PathError::new(
            q.child("vat_rate"),
            format!(
                "« {} » n'est pas un taux : une chaîne comme \"0.20\" est attendue.",
                shorten(&rate, 40)
            ),
        ));
    }
    q.opt_string("vat_mention", MAX_TEXT_CHARS)?;
    Ok(date)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::draft::{DraftStore, MAX_TEXT_CHARS};
    use crate::domain::quote_form::FundingChoice;

    pub(super) fn catalogue() -> Catalogue {
        Catalogue::embedded().unwrap()
    }

    pub(super) const EXPORTED_AT: &str = "2026-11-26T17:02:00+01:00";

    pub(super) fn day() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 26).unwrap()
    }

    /// The draft module's sample (a company, two trainees, the full course with one
    /// coaching day, OPCO funding), with timestamps of its own.
    pub(super) fn sample_draft() -> Draft {
        Draft {
            created: "2026-11-20T09:00:00+01:00".into(),
            updated: "2026-11-26T16:58:12.345+01:00".into(),
            ..crate::domain::draft::tests::sample_draft()
        }
    }

    fn export(draft: &Draft) -> Value {
        enrolment_request(draft, &catalogue(), day(), EXPORTED_AT)
            .unwrap()
            .to_value()
            .unwrap()
    }

    fn edited(edit: impl FnOnce(&mut Value)) -> String {
        let mut v = export(&sample_draft());
        edit(&mut v);
        v.to_string()
    }

    fn import_error(text: &str) -> ImportError {
        import(text, &catalogue()).unwrap_err()
    }

    #[test]
    fn amounts_are_strings_with_two_decimals() {
        assert_eq!(amount_string(Decimal::new(4000, 0)), "4000.00");
        assert_eq!(amount_string(Decimal::new(25005, 1)), "2500.50");
        assert_eq!(amount_string(Decimal::new(-1, 3)), "0.00");
        assert_eq!(amount_string(Decimal::new(1235, 3)), "1.24");
        assert_eq!(rate_string(Decimal::new(2, 1)), "0.20");
        assert_eq!(rate_string(Decimal::new(55, 3)), "0.055");
        assert_eq!(rate_string(Decimal::ZERO), "0.00");
    }

    #[test]
    fn export_has_the_documented_shape() {
        let v = export(&sample_draft());
        assert_eq!(v["format"], "cosens.demande-inscription");
        assert_eq!(v["version"], 1);
        assert_eq!(v["exported_at"], EXPORTED_AT);
        assert_eq!(v["created_at"], "2026-11-20T09:00:00+01:00");
        assert_eq!(v["updated_at"], "2026-11-26T16:58:12.345+01:00");
        assert_eq!(v["catalogue_version"], catalogue().version.as_str());
        assert_eq!(v["draft"]["name"], "Devis ACME — 2 stagiaires");
        assert_eq!(v["client"]["kind"], "entreprise");
        assert_eq!(v["client"]["siret"], "732 829 320 00074");
        assert_eq!(v["trainees"][1]["job"], "Chargée de certification");
        assert_eq!(
            v["selection"],
            serde_json::json!({
                "formula": "complet", "modules": [1, 2, 3, 4, 5], "trainees": 2,
                "coaching_days": 1, "certification": true, "vat": "normale"
            })
        );
        assert_eq!(
            v["session"],
            serde_json::json!({"place": "Paris", "mode": "Présentiel", "start_wish": "2027-01-11"})
        );
        assert_eq!(
            v["funding"],
            serde_json::json!({
                "type": "opco", "opco_name": "AKTO", "opco_amount": "2500.50",
                "cpf_balance": null, "cpf_exempt": false
            })
        );
        let q = &v["quote"];
        assert_eq!(q["date"], "2026-11-26");
        assert_eq!(
            q["lines"][0],
            serde_json::json!({
                "kind": "parcours_complet", "module": null,
                "label": q["lines"][0]["label"], "unit_ht": "4000.00",
                "quantity": 2, "total_ht": "8000.00"
            })
        );
        assert_eq!(q["lines"][1]["kind"], "accompagnement");
        assert_eq!(q["lines"][1]["total_ht"], "2000.00");
        assert_eq!(q["lines"][2]["total_ht"], "1000.00");
        assert_eq!(q["total_ht"], "11000.00");
        assert_eq!(q["vat_rate"], "0.20");
        assert_eq!(q["total_vat"], "2200.00");
        assert_eq!(q["total_ttc"], "13200.00");
        assert_eq!(q["funded"], "2500.50");
        assert_eq!(q["cpf_contribution"], "0.00");
        assert_eq!(q["remaining"], "10699.50");
        assert_eq!(q["vat_mention"], Value::Null);
        assert_eq!(v["simulator_inputs"]["opco_amount"], "2 500,50");
    }

    /// Every amount anywhere in the quote is a string, never a JSON number.
    #[test]
    fn export_never_writes_an_amount_as_a_number() {
        fn numbers(v: &Value, path: String, out: &mut Vec<String>) {
            match v {
                Value::Number(_) => out.push(path),
                Value::Array(a) => a
                    .iter()
                    .enumerate()
                    .for_each(|(i, x)| numbers(x, format!("{path}[{i}]"), out)),
                Value::Object(m) => m
                    .iter()
                    .for_each(|(k, x)| numbers(x, format!("{path}.{k}"), out)),
                _ => {}
            }
        }
        let mut found = Vec::new();
        numbers(&export(&sample_draft()), String::new(), &mut found);
        let allowed = |p: &str| {
            p == ".version"
                || p.starts_with(".selection.")
                || p.starts_with(".simulator_inputs.modules")
                || p.ends_with(".quantity")
                || p.ends_with(".module")
        };
        let amounts: Vec<&String> = found.iter().filter(|p| !allowed(p)).collect();
        assert!(amounts.is_empty(), "{amounts:?}");
    }

    #[test]
    fn modular_exempt_cpf_export() {
        let mut d = sample_draft();
        d.form = QuoteForm {
            full_course: false,
            modules: vec![4, 2],
            trainees: "1".into(),
            coaching_days: "0".into(),
            certification: false,
            vat_exempt: true,
            funding: FundingChoice::Cpf,
            opco_amount: "999".into(),
            cpf_balance: "1800".into(),
            cpf_exempt: false,
        };
        let v = export(&d);
        assert_eq!(v["selection"]["formula"], "modulaire");
        assert_eq!(v["selection"]["modules"], serde_json::json!([2, 4]));
        assert_eq!(v["selection"]["vat"], "exoneree");
        assert_eq!(v["funding"]["type"], "cpf");
        assert_eq!(v["funding"]["cpf_balance"], "1800.00");
        assert_eq!(v["funding"]["opco_amount"], Value::Null);
        assert_eq!(v["quote"]["vat_rate"], "0.00");
        assert_eq!(v["quote"]["total_ttc"], "2300.00");
        assert_eq!(v["quote"]["cpf_contribution"], "103.20");
        assert_eq!(v["quote"]["remaining"], "603.20");
        assert!(v["quote"]["vat_mention"].is_string());
        assert_eq!(v["quote"]["lines"][0]["module"], 2);
    }

    #[test]
    fn a_draft_that_does_not_price_is_not_exported() {
        let mut d = sample_draft();
        d.form.trainees = "beaucoup".into();
        let e = enrolment_request(&d, &catalogue(), day(), EXPORTED_AT).unwrap_err();
        assert_eq!(e.field.as_deref(), Some("simulator_inputs.trainees"));
        assert!(e.message.contains("Nombre de stagiaires"), "{e}");
        assert!(e
            .to_string()
            .starts_with("Champ « simulator_inputs.trainees »"));
    }

    #[test]
    fn export_refuses_a_bad_time_or_an_oversized_text() {
        let e = enrolment_request(&sample_draft(), &catalogue(), day(), "maintenant").unwrap_err();
        assert_eq!(e.field.as_deref(), Some("exported_at"));
        let mut d = sample_draft();
        d.enrolment.notes = "x".repeat(MAX_TEXT_CHARS + 1);
        let e = enrolment_request(&d, &catalogue(), day(), EXPORTED_AT).unwrap_err();
        assert_eq!(e.field.as_deref(), Some("enrolment.notes"));
    }

    #[test]
    fn export_then_import_gives_back_the_draft() {
        let d = sample_draft();
        let text = enrolment_request_json(&d, &catalogue(), day(), EXPORTED_AT).unwrap();
        assert!(text.starts_with("{\n  \"format\": \"cosens.demande-inscription\""));
        let imported = import_document(&text, &catalogue()).unwrap();
        assert_eq!(imported.kind, DocumentKind::EnrolmentRequest);
        assert_eq!(imported.drafts, vec![d]);
        assert_eq!(imported.notice, None);
    }

    #[test]
    fn backup_then_import_gives_back_every_draft() {
        let mut second = sample_draft();
        second.id = "b2".into();
        second.form.trainees = "abc".into(); // a draft need not price to be backed up
        second.enrolment = Enrolment::default();
        let store = DraftStore {
            version: 1,
            drafts: vec![sample_draft(), second],
        };
        let text = backup(&store, &catalogue().version, EXPORTED_AT).unwrap();
        let v: Value = serde_json::from_str(&text).unwrap();
        assert_eq!(v["format"], "cosens.sauvegarde-brouillons");
        assert_eq!(v["version"], 1);
        assert_eq!(v["exported_at"], EXPORTED_AT);
        let imported = import_document(&text, &catalogue()).unwrap();
        assert_eq!(imported.kind, DocumentKind::Backup);
        assert_eq!(imported.drafts, store.drafts);
        // Imported into a store holding the same drafts: nothing is duplicated.
        let (merged, summary) = store.merge_imported(imported.drafts, EXPORTED_AT).unwrap();
        assert_eq!(merged, store);
        assert_eq!(summary.identical, 2);
    }

    #[test]
    fn another_catalogue_version_is_noticed() {
        let text = edited(|v| v["catalogue_version"] = "2025.3".into());
        let imported = import_document(&text, &catalogue()).unwrap();
        assert!(imported.notice.unwrap().contains("2025.3"));
    }

    #[test]
    fn oversize_import_is_refused_unread() {
        let text = " ".repeat(MAX_IMPORT_BYTES + 1);
        let e = import_error(&text);
        assert_eq!(
            e,
            ImportError::TooLarge {
                bytes: MAX_IMPORT_BYTES + 1
            }
        );
        assert!(e.message().contains("1000 ko"), "{e}");
        assert!(e.message().contains("Rien n'a été importé"));
    }

    #[test]
    fn malformed_json_is_refused_with_its_position_in_french() {
        let e = import_error("{\"format\": \"cosens.demande-inscription\",\n  \"version\": 1,");
        match &e {
            ImportError::NotJson { line, .. } => assert_eq!(*line, 2),
            other => panic!("{other:?}"),
        }
        assert!(e.message().contains("s'arrête avant la fin"), "{e}");
        let e = import_error("{} x");
        assert!(e.message().contains("du texte suit la fin"), "{e}");
        let e = import_error("");
        assert!(e.message().contains("ligne 1"), "{e}");
    }

    #[test]
    fn wrong_format_or_version_is_refused_naming_the_field() {
        let e = import_error("[1, 2]");
        assert!(e.message().contains("objet JSON"), "{e}");
        let e = import_error(r#"{"version": 1, "drafts": []}"#);
        assert_eq!(e.field(), Some("format"));
        assert!(e.message().contains("ni une demande d'inscription"), "{e}");
        let e = import_error(&edited(|v| v["format"] = "autre.chose".into()));
        assert_eq!(e.field(), Some("format"));
        let e = import_error(&edited(|v| v["version"] = 2.into()));
        assert_eq!(e.field(), Some("version"));
        assert!(e.message().contains("plus récente"), "{e}");
        let e = import_error(&edited(|v| v["version"] = "1".into()));
        assert_eq!(e.field(), Some("version"));
    }

    #[test]
    fn field_errors_name_the_path() {
        type Edit = Box<dyn FnOnce(&mut Value)>;
        let cases: Vec<(Edit, &str, &str)> = vec![
            (
                Box::new(|v| v["client"]["email"] = 42.into()),
                "client.email",
                "type attendu : chaîne de caractères ; trouvé : nombre",
            ),
            (
                Box::new(|v| {
                    v["client"].as_object_mut().unwrap().remove("email");
                }),
                "client.email",
                "absent",
            ),
            (
                Box::new(|v| v["client"]["courriel"] = "a@b.fr".into()),
                "client.courriel",
                "champ inconnu",
            ),
            (
                Box::new(|v| v["client"]["kind"] = "association".into()),
                "client.kind",
                "entreprise, particulier",
            ),
            (
                Box::new(|v| v["trainees"][1]["name"] = Value::Null),
                "trainees[1].name",
                "trouvé : null",
            ),
            (
                Box::new(|v| v["quote"]["total_ttc"] = 13200.into()),
                "quote.total_ttc",
                "jamais comme un nombre JSON",
            ),
            (
                Box::new(|v| v["quote"]["lines"][0]["unit_ht"] = "4000".into()),
                "quote.lines[0].unit_ht",
                "deux décimales",
            ),
            (
                Box::new(|v| v["session"]["start_wish"] = "11/01/2027".into()),
                "session.start_wish",
                "AAAA-MM-JJ",
            ),
            (
                Box::new(|v| v["created_at"] = "hier".into()),
                "created_at",
                "RFC 3339",
            ),
            (
                Box::new(|v| v["draft"]["id"] = "a b".into()),
                "draft.id",
                "identifiant invalide",
            ),
            (
                Box::new(|v| v["notes"] = "x".repeat(MAX_TEXT_CHARS + 1).into()),
                "notes",
                "trop long",
            ),
            (
                Box::new(|v| v["simulator_inputs"]["funding"] = "crédit".into()),
                "simulator_inputs.funding",
                "aucun, opco, cpf",
            ),
            (
                Box::new(|v| v["simulator_inputs"]["trainees"] = "0".into()),
                "simulator_inputs.trainees",
                "entre 1 et 50",
            ),
            (
                Box::new(|v| v["selection"]["trainees"] = 3.into()),
                "selection.trainees",
                "ne correspond pas",
            ),
            (
                Box::new(|v| v["funding"]["opco_amount"] = "9999.00".into()),
                "funding.opco_amount",
                "ne correspond pas",
            ),
            (
                Box::new(|v| {
                    v["trainees"] = Value::Array(vec![v["trainees"][0].clone(); 51]);
                }),
                "trainees",
                "51 éléments, 50 au plus",
            ),
        ];
        for (edit, path, words) in cases {
            let e = import_error(&edited(edit));
            assert_eq!(e.field(), Some(path), "{e}");
            let message = e.message();
            assert!(
                message.starts_with(&format!("Champ « {path} » : ")),
                "{message}"
            );
            assert!(message.contains(words), "{message}");
        }
    }

    #[test]
    fn backup_errors_name_the_draft_and_field() {
        let store = DraftStore {
            version: 1,
            drafts: vec![sample_draft(), sample_draft()],
        };
        let mut v: Value =
            serde_json::from_str(&backup(&store, "2026.1", EXPORTED_AT).unwrap()).unwrap();
        v["drafts"][1]["enrolment"]["client"]["phone"] = Value::Bool(true);
        let e = import_error(&v.to_string());
        assert_eq!(e.field(), Some("drafts[1].enrolment.client.phone"));
        v["drafts"] = Value::Array(vec![Value::Null; MAX_DRAFTS + 1]);
        let e = import_error(&v.to_string());
        assert_eq!(e.field(), Some("drafts"));
    }

    #[test]
    fn a_failed_import_changes_nothing_stored() {
        let store = DraftStore {
            version: 1,
            drafts: vec![sample_draft()],
        };
        let before = store.clone();
        let outcome = import("{\"format\": 1}", &catalogue());
        assert!(outcome.is_err());
        // The caller merges only on success; the store is untouched.
        assert_eq!(store, before);
    }

    #[test]
    fn a_byte_order_mark_is_tolerated() {
        let text = format!("\u{feff}{}", edited(|_| {}));
        assert_eq!(import(&text, &catalogue()).unwrap(), vec![sample_draft()]);
    }

    #[test]
    fn file_names_are_plain_and_dated() {
        assert_eq!(
            request_file_name(&sample_draft(), EXPORTED_AT),
            "demande-inscription-devis-acme-2-stagiaires-2026-11-26.json"
        );
        assert_eq!(
            backup_file_name(EXPORTED_AT),
            "brouillons-cosens-2026-11-26.json"
        );
        let mut d = sample_draft();
        d.name = "«»".into();
        assert_eq!(request_file_name(&d, "?"), "demande-inscription.json");
    }
}

/// The exports validated against the schemas shipped in `public/schema/` (native only:
/// the validator is a native dev-dependency).
#[cfg(all(test, not(target_arch = "wasm32")))]
mod schema_tests {
    use super::tests::{catalogue, day, sample_draft, EXPORTED_AT};
    use super::*;
    use crate::domain::draft::{ClientKind, DraftStore};
    use crate::domain::quote_form::FundingChoice;
    use proptest::prelude::*;

    const REQUEST_SCHEMA: &str =
        include_str!("../../public/schema/demande-inscription-v1.schema.json");
    const BACKUP_SCHEMA: &str =
        include_str!("../../public/schema/sauvegarde-brouillons-v1.schema.json");

    fn validator(schema: &str) -> jsonschema::Validator {
        let schema: Value = serde_json::from_str(schema).unwrap();
        jsonschema::draft202012::meta::validate(&schema).unwrap();
        jsonschema::draft202012::options()
            .should_validate_formats(true)
            .build(&schema)
            .unwrap()
    }

    fn errors(validator: &jsonschema::Validator, instance: &Value) -> Vec<String> {
        validator
            .iter_errors(instance)
            .map(|e| format!("{}: {e}", e.instance_path()))
            .collect()
    }

    fn request_value(draft: &Draft) -> Value {
        enrolment_request(draft, &catalogue(), day(), EXPORTED_AT)
            .unwrap()
            .to_value()
            .unwrap()
    }

    #[test]
    fn exported_enrolment_request_validates_against_the_schema() {
        let v = validator(REQUEST_SCHEMA);
        let mut cpf = sample_draft();
        cpf.form = QuoteForm {
            full_course: false,
            modules: vec![1, 5],
            trainees: "1".into(),
            funding: FundingChoice::Cpf,
            cpf_balance: "500".into(),
            vat_exempt: true,
            ..QuoteForm::default()
        };
        cpf.enrolment.client.kind = ClientKind::Individual;
        cpf.enrolment.start_wish = None;
        for draft in [sample_draft(), cpf] {
            let instance = request_value(&draft);
            assert_eq!(errors(&v, &instance), Vec::<String>::new());
        }
    }

    #[test]
    fn exported_backup_validates_against_the_schema() {
        let v = validator(BACKUP_SCHEMA);
        let mut other = sample_draft();
        other.id = "b2".into();
        other.enrolment = Default::default();
        other.form.trainees = "abc".into();
        let store = DraftStore {
            version: 1,
            drafts: vec![sample_draft(), other],
        };
        let instance: Value =
            serde_json::from_str(&backup(&store, "2026.1", EXPORTED_AT).unwrap()).unwrap();
        assert_eq!(errors(&v, &instance), Vec::<String>::new());
        let empty: Value =
            serde_json::from_str(&backup(&DraftStore::new(), "2026.1", EXPORTED_AT).unwrap())
                .unwrap();
        assert_eq!(errors(&v, &empty), Vec::<String>::new());
    }

    #[test]
    fn the_schemas_are_strict() {
        let v = validator(REQUEST_SCHEMA);
        let good = request_value(&sample_draft());
        type Edit = Box<dyn Fn(&mut Value)>;
        let edits: Vec<(&str, Edit)> = vec![
            (
                "amount as a number",
                Box::new(|x| x["quote"]["total_ttc"] = 13200.into()),
            ),
            (
                "one decimal",
                Box::new(|x| x["quote"]["total_ht"] = "11000.0".into()),
            ),
            ("extra field", Box::new(|x| x["surprise"] = true.into())),
            (
                "extra client field",
                Box::new(|x| x["client"]["fax"] = "".into()),
            ),
            (
                "bad timestamp",
                Box::new(|x| x["exported_at"] = "2026-11-26 17:02".into()),
            ),
            ("bad format", Box::new(|x| x["format"] = "autre".into())),
            ("bad version", Box::new(|x| x["version"] = 2.into())),
            (
                "bad date",
                Box::new(|x| x["session"]["start_wish"] = "2027-13-01".into()),
            ),
            (
                "bad formula",
                Box::new(|x| x["selection"]["formula"] = "partiel".into()),
            ),
            (
                "missing quote",
                Box::new(|x| {
                    x.as_object_mut().unwrap().remove("quote");
                }),
            ),
        ];
        for (what, edit) in edits {
            let mut bad = good.clone();
            edit(&mut bad);
            assert!(!v.is_valid(&bad), "{what} should be refused");
        }
        let b = validator(BACKUP_SCHEMA);
        let store = DraftStore {
            version: 1,
            drafts: vec![sample_draft()],
        };
        let good: Value =
            serde_json::from_str(&backup(&store, "2026.1", EXPORTED_AT).unwrap()).unwrap();
        let mut bad = good.clone();
        bad["drafts"][0]["enrolment"]["surprise"] = 1.into();
        assert!(!b.is_valid(&bad));
        let mut bad = good;
        bad["drafts"][0]["id"] = "a b".into();
        assert!(!b.is_valid(&bad));
    }

    // --- Properties ------------------------------------------------------------------

    fn timestamp() -> impl Strategy<Value = String> {
        (
            2000i32..2100,
            1u32..=12,
            1u32..=28,
            0u32..24,
            0u32..60,
            0u32..60,
            prop::option::of(0u32..1000),
            prop::sample::select(vec!["Z", "+01:00", "+02:00", "-05:30", "+00:00"]),
        )
            .prop_map(|(y, mo, d, h, mi, s, ms, off)| {
                let frac = ms.map(|m| format!(".{m:03}")).unwrap_or_default();
                format!("{y:04}-{mo:02}-{d:02}T{h:02}:{mi:02}:{s:02}{frac}{off}")
            })
    }

    fn line() -> impl Strategy<Value = String> {
        "\\PC{0,30}"
    }

    fn amount_typed() -> impl Strategy<Value = String> {
        (0u32..100_000, 0u32..100, any::<bool>()).prop_map(|(e, c, french)| {
            if french {
                format!("{e},{c:02}")
            } else {
                format!("{e}.{c:02}")
            }
        })
    }

    /// A simulator form that prices (the export needs it).
    fn pricing_form() -> impl Strategy<Value = QuoteForm> {
        (
            any::<bool>(),
            prop::collection::btree_set(1u8..=5, 0..=5),
            1u32..=50,
            0u32..=3,
            any::<bool>(),
            any::<bool>(),
            0usize..3,
            amount_typed(),
            amount_typed(),
            any::<bool>(),
            "[ 0-9a-z,.]{0,12}",
        )
            .prop_map(
                |(
                    full,
                    modules,
                    trainees,
                    coaching,
                    cert,
                    exempt,
                    funding,
                    opco,
                    cpf,
                    cpf_ex,
                    junk,
                )| {
                    let mut modules: Vec<u8> = modules.into_iter().collect();
                    if !full && modules.is_empty() {
                        modules.push(3);
                    }
                    let funding = FundingChoice::ALL[funding];
                    let trainees = if funding == FundingChoice::Cpf {
                        1
                    } else {
                        trainees
                    };
                    QuoteForm {
                        full_course: full,
                        modules,
                        trainees: trainees.to_string(),
                        coaching_days: coaching.to_string(),
                        certification: cert,
                        vat_exempt: exempt,
                        funding,
                        opco_amount: if funding == FundingChoice::Opco {
                            opco
                        } else {
                            junk.clone()
                        },
                        cpf_balance: if funding == FundingChoice::Cpf {
                            cpf
                        } else {
                            junk
                        },
                        cpf_exempt: cpf_ex,
                    }
                },
            )
    }

    fn trainee() -> impl Strategy<Value = Trainee> {
        (line(), line(), line()).prop_map(|(name, email, job)| Trainee { name, email, job })
    }

    fn enrolment() -> impl Strategy<Value = Enrolment> {
        (
            (any::<bool>(), line(), line(), "(?s).{0,60}", line(), line()),
            prop::collection::vec(trainee(), 0..4),
            line(),
            (line(), line()),
            prop::option::of((2020i32..2040, 1u32..=12, 1u32..=28)),
            ("(?s).{0,60}", "(?s).{0,60}"),
        )
            .prop_map(
                |(
                    (company, name, siret, address, email, phone),
                    trainees,
                    opco,
                    (place, mode),
                    wish,
                    (acc, notes),
                )| {
                    Enrolment {
                        client: Client {
                            kind: if company {
                                ClientKind::Company
                            } else {
                                ClientKind::Individual
                            },
                            name,
                            siret,
                            address,
                            email,
                            phone,
                        },
                        trainees,
                        funding: EnrolmentFunding { opco_name: opco },
                        place,
                        mode,
                        start_wish: wish.and_then(|(y, m, d)| NaiveDate::from_ymd_opt(y, m, d)),
                        accessibility: acc,
                        notes,
                    }
                },
            )
    }

    fn draft() -> impl Strategy<Value = Draft> {
        (
            "[A-Za-z0-9_-]{1,64}",
            line(),
            timestamp(),
            timestamp(),
            pricing_form(),
            enrolment(),
        )
            .prop_map(|(id, name, created, updated, form, enrolment)| Draft {
                id,
                name,
                created,
                updated,
                form,
                enrolment,
            })
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(64))]

        #[test]
        fn import_never_panics_on_arbitrary_text(text in "(?s).{0,400}") {
            let _ = import(&text, &catalogue());
        }

        #[test]
        fn import_never_panics_on_a_damaged_export(cut in 0usize..4000, byte in any::<u8>(), at in 0usize..4000) {
            let good = enrolment_request_json(&sample_draft(), &catalogue(), day(), EXPORTED_AT).unwrap();
            let mut bytes = good.into_bytes();
            let at = at % bytes.len();
            bytes[at] = byte;
            bytes.truncate(cut.max(1).min(bytes.len()));
            let text = String::from_utf8_lossy(&bytes);
            let _ = import(&text, &catalogue());
        }

        #[test]
        fn export_then_import_is_the_identity(d in draft()) {
            let text = enrolment_request_json(&d, &catalogue(), day(), EXPORTED_AT).unwrap();
            prop_assert_eq!(import(&text, &catalogue()).unwrap(), vec![d]);
        }

        #[test]
        fn backup_then_import_is_the_identity(drafts in prop::collection::vec(draft(), 0..4)) {
            let store = DraftStore { version: 1, drafts };
            let text = backup(&store, "2026.1", EXPORTED_AT).unwrap();
            prop_assert_eq!(import(&text, &catalogue()).unwrap(), store.drafts);
        }

        #[test]
        fn every_export_validates_against_its_schema(d in draft()) {
            let request = validator(REQUEST_SCHEMA);
            let instance = request_value(&d);
            prop_assert_eq!(errors(&request, &instance), Vec::<String>::new());
            let store = DraftStore { version: 1, drafts: vec![d] };
            let backup_schema = validator(BACKUP_SCHEMA);
            let instance: Value = serde_json::from_str(&backup(&store, "2026.1", EXPORTED_AT).unwrap()).unwrap();
            prop_assert_eq!(errors(&backup_schema, &instance), Vec::<String>::new());
        }

        #[test]
        fn stored_text_never_panics_the_loader(text in "(?s).{0,400}") {
            let outcome = crate::domain::draft::load_store(Some(&text));
            if outcome.unreadable.is_none() {
                prop_assert!(outcome.store.drafts.is_empty() || text.contains("drafts") || text.contains("brouillons"));
            }
        }
    }
}
