//! The enrolment request (`cosens.demande-inscription`, version 2): one draft and its
//! quote, written from a draft and read back into one. Version 1, whose `session` held the
//! free wishes that version 2 calls `wishes` and which chose no session, is still read.

use chrono::NaiveDate;
use serde::de::{Deserializer, Error as _};
use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::figures::{
    amount, amount_string, module_number, opt_amount, quantity, quote_date, rate, rate_string,
};
use super::session::{check_session, chosen_session, ChosenSession};
use super::{
    checked_catalogue_version, checked_time, ExportError, REQUEST_FORMAT, REQUEST_VERSION,
};
use crate::domain::catalogue::Catalogue;
use crate::domain::draft::fields::{self, at_most, check_form};
use crate::domain::draft::json::{join, read, shorten};
use crate::domain::draft::{Client, Draft, Enrolment, EnrolmentFunding, PathError, Trainee};
use crate::domain::pricing::{
    compute_quote, total_rows, Formula, FormulaCode, Funding, LineCode, Quote, QuoteField,
    QuoteLine, QuoteRequest, TotalKind, Vat,
};
use crate::domain::quote_form::{FundingChoice, QuoteForm};

/// The enrolment request document (`cosens.demande-inscription`, version 2), field order
/// as written. Its `format` and `version` are checked before the rest is read.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EnrolmentRequest {
    pub format: String,
    pub version: u32,
    /// RFC 3339.
    #[serde(deserialize_with = "fields::timestamp")]
    pub exported_at: String,
    /// The draft's creation, RFC 3339.
    #[serde(deserialize_with = "fields::timestamp")]
    pub created_at: String,
    /// The draft's last change, RFC 3339.
    #[serde(deserialize_with = "fields::timestamp")]
    pub updated_at: String,
    #[serde(deserialize_with = "fields::line")]
    pub catalogue_version: String,
    pub draft: DraftIdentity,
    pub client: Client,
    #[serde(deserialize_with = "fields::trainees")]
    pub trainees: Vec<Trainee>,
    pub selection: Selection,
    /// The session chosen, with the dates of the modules bought, or `null` (« Dates à
    /// convenir »): the one `simulator_inputs.session` names.
    #[serde(deserialize_with = "opt_session")]
    pub session: Option<ChosenSession>,
    /// The free wishes (`session` in version 1).
    pub wishes: Wishes,
    pub funding: FundingSummary,
    #[serde(deserialize_with = "fields::text")]
    pub accessibility: String,
    #[serde(deserialize_with = "fields::text")]
    pub notes: String,
    pub quote: QuoteSummary,
    /// The simulator inputs as typed, to reopen the draft exactly.
    pub simulator_inputs: QuoteForm,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DraftIdentity {
    #[serde(deserialize_with = "fields::id")]
    pub id: String,
    #[serde(deserialize_with = "fields::line")]
    pub name: String,
}

/// What is being bought, per trainee. Read back, it must be what the simulator inputs
/// give.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Selection {
    pub formula: FormulaCode,
    /// The modules followed (all of them for the full course), sorted.
    pub modules: Vec<u8>,
    pub trainees: u32,
    /// Per trainee.
    pub coaching_days: u32,
    pub certification: bool,
    /// The catalogue's rate, or exempt.
    pub vat: Vat,
}

/// The draft's free wishes: place, mode and start date.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Wishes {
    #[serde(deserialize_with = "fields::line")]
    pub place: String,
    #[serde(deserialize_with = "fields::line")]
    pub mode: String,
    /// `YYYY-MM-DD` or `null`.
    #[serde(
        deserialize_with = "fields::opt_date",
        serialize_with = "crate::domain::calendar::iso_date::serialize_opt"
    )]
    pub start_wish: Option<NaiveDate>,
}

/// The funding. Read back, all but the OPCO's name must be what the simulator inputs give.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FundingSummary {
    #[serde(rename = "type")]
    pub kind: FundingChoice,
    #[serde(deserialize_with = "fields::line")]
    pub opco_name: String,
    /// The amount granted, with OPCO funding.
    #[serde(deserialize_with = "opt_amount")]
    pub opco_amount: Option<String>,
    /// The account's balance, with CPF funding.
    #[serde(deserialize_with = "opt_amount")]
    pub cpf_balance: Option<String>,
    /// With CPF funding: no flat contribution due.
    pub cpf_exempt: bool,
}

/// The quote. Read back, its shape is checked and its figures are recomputed, never read.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct QuoteSummary {
    /// The quote's date (`YYYY-MM-DD`): it selects the CPF contribution.
    #[serde(
        deserialize_with = "quote_date",
        serialize_with = "crate::domain::calendar::iso_date::serialize"
    )]
    pub date: NaiveDate,
    #[serde(deserialize_with = "quote_lines")]
    pub lines: Vec<LineSummary>,
    #[serde(deserialize_with = "amount")]
    pub total_ht: String,
    /// `0.20`; `0.00` when exempt.
    #[serde(deserialize_with = "rate")]
    pub vat_rate: String,
    #[serde(deserialize_with = "amount")]
    pub total_vat: String,
    #[serde(deserialize_with = "amount")]
    pub total_ttc: String,
    #[serde(deserialize_with = "amount")]
    pub per_trainee_ht: String,
    #[serde(deserialize_with = "amount")]
    pub per_trainee_ttc: String,
    #[serde(deserialize_with = "amount")]
    pub funded: String,
    #[serde(deserialize_with = "amount")]
    pub cpf_contribution: String,
    #[serde(deserialize_with = "amount")]
    pub remaining: String,
    #[serde(deserialize_with = "fields::opt_text")]
    pub vat_mention: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LineSummary {
    pub kind: LineCode,
    /// The module's number, for a module line.
    #[serde(deserialize_with = "module_number")]
    pub module: Option<u8>,
    #[serde(deserialize_with = "fields::line")]
    pub label: String,
    #[serde(deserialize_with = "amount")]
    pub unit_ht: String,
    #[serde(deserialize_with = "quantity")]
    pub quantity: u32,
    #[serde(deserialize_with = "amount")]
    pub total_ht: String,
}

/// The session or `null` (the key must be there).
fn opt_session<'de, D: Deserializer<'de>>(d: D) -> Result<Option<ChosenSession>, D::Error> {
    Option::<ChosenSession>::deserialize(d)
}

/// Lines of a quote in a request (5 modules, coaching and certification make 7).
pub(super) const MAX_QUOTE_LINES: usize = 64;

/// The lines of a quote: at least one, at most [`MAX_QUOTE_LINES`].
fn quote_lines<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<LineSummary>, D::Error> {
    let lines = at_most(d, MAX_QUOTE_LINES)?;
    if lines.is_empty() {
        return Err(D::Error::custom("un devis a au moins une ligne."));
    }
    Ok(lines)
}

// ---------------------------------------------------------------------------------------
// Writing
// ---------------------------------------------------------------------------------------

/// Exports one draft as an enrolment request, priced on `quote_date`, stamped
/// `exported_at` (RFC 3339). A draft whose simulation does not price, or that could not
/// be read back (a text over its cap…), is an error in French naming the field.
///
/// Its `session` is the one the draft chose, if the catalogue has it (full or past, it is
/// still the draft's); a session id the catalogue no longer has exports as `null`, and the
/// simulator inputs then say no session, as the document must.
pub fn enrolment_request(
    draft: &Draft,
    catalogue: &Catalogue,
    quote_date: NaiveDate,
    exported_at: &str,
) -> Result<EnrolmentRequest, ExportError> {
    checked_time("exported_at", exported_at)?;
    checked_catalogue_version(&catalogue.version)?;
    draft.check()?;
    let (request, quote) = priced(&draft.form, catalogue, quote_date)?;
    let e = &draft.enrolment;
    let selection = selection_of(&request, catalogue);
    let session = chosen_session(catalogue, &draft.form.session, &selection.modules);
    let simulator_inputs = QuoteForm {
        session: session.as_ref().map(|s| s.id.clone()).unwrap_or_default(),
        ..draft.form.clone()
    };
    Ok(EnrolmentRequest {
        format: REQUEST_FORMAT.to_string(),
        version: REQUEST_VERSION,
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
        selection,
        session,
        wishes: Wishes {
            place: e.place.clone(),
            mode: e.mode.clone(),
            start_wish: e.start_wish,
        },
        funding: funding_of(&request, &e.funding),
        accessibility: e.accessibility.clone(),
        notes: e.notes.clone(),
        quote: quote_summary(&quote),
        simulator_inputs,
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

/// The simulator inputs read and priced; an error names the input at fault.
fn priced(
    form: &QuoteForm,
    catalogue: &Catalogue,
    quote_date: NaiveDate,
) -> Result<(QuoteRequest, Quote), ExportError> {
    const NO_QUOTE: &str =
        "la simulation de ce brouillon ne donne pas de devis, il ne peut pas être exporté.";
    let request = form.to_request(catalogue, quote_date).map_err(|errors| {
        let first = errors.first().map(|e| input_path(e.field));
        let details: Vec<String> = errors
            .iter()
            .map(|e| format!("{} : {}", e.field.label(), e.message))
            .collect();
        ExportError::new(first, format!("{NO_QUOTE} {}", details.join(" ")))
    })?;
    let quote = compute_quote(catalogue, &request)
        .map_err(|e| ExportError::new(Some(input_path(e.field())), format!("{NO_QUOTE} {e}")))?;
    Ok((request, quote))
}

/// Where a simulator field sits in the document: `simulator_inputs.trainees`.
fn input_path(field: QuoteField) -> String {
    let key = match field {
        QuoteField::Modules => "modules",
        QuoteField::Trainees => "trainees",
        QuoteField::Coaching => "coaching_days",
        QuoteField::Funding => "funding",
        QuoteField::OpcoAmount => "opco_amount",
        QuoteField::CpfBalance => "cpf_balance",
    };
    join("simulator_inputs", key)
}

fn selection_of(request: &QuoteRequest, catalogue: &Catalogue) -> Selection {
    let modules = match request.formula.normalised() {
        Formula::Full => catalogue.modules.iter().map(|m| m.number).collect(),
        Formula::Modular(list) => list,
    };
    Selection {
        formula: request.formula.code(),
        modules,
        trainees: request.trainees,
        coaching_days: request.coaching_days,
        certification: request.certification,
        vat: request.vat,
    }
}

fn funding_of(request: &QuoteRequest, funding: &EnrolmentFunding) -> FundingSummary {
    let (kind, opco_amount, cpf_balance, cpf_exempt) = match &request.funding {
        Funding::None => (FundingChoice::Aucun, None, None, false),
        Funding::Opco { amount } => (
            FundingChoice::Opco,
            Some(amount_string(*amount)),
            None,
            false,
        ),
        Funding::Cpf { balance, exempt } => (
            FundingChoice::Cpf,
            None,
            balance.map(amount_string),
            *exempt,
        ),
    };
    FundingSummary {
        kind,
        opco_name: funding.opco_name.clone(),
        opco_amount,
        cpf_balance,
        cpf_exempt,
    }
}

/// The quote's figures; its totals from its one list of totals (`total_rows`, with the
/// funding's rows: an exported quote always has its CPF balance), a total the list leaves
/// out (no CPF contribution) written as zero.
fn quote_summary(quote: &Quote) -> QuoteSummary {
    let rows = total_rows(quote, true);
    let total = |kind: TotalKind| {
        amount_string(
            rows.iter()
                .find(|r| r.kind == kind)
                .and_then(|r| r.amount)
                .unwrap_or_default(),
        )
    };
    QuoteSummary {
        date: quote.request.date,
        lines: quote.lines.iter().map(line_summary).collect(),
        total_ht: total(TotalKind::Ht),
        vat_rate: rate_string(quote.vat_rate),
        total_vat: total(TotalKind::Vat),
        total_ttc: total(TotalKind::Ttc),
        per_trainee_ht: amount_string(quote.per_trainee_ht),
        per_trainee_ttc: amount_string(quote.per_trainee_ttc),
        funded: total(TotalKind::Funded),
        cpf_contribution: total(TotalKind::CpfContribution),
        remaining: total(TotalKind::Remaining),
        vat_mention: quote.vat_mention.clone(),
    }
}

fn line_summary(line: &QuoteLine) -> LineSummary {
    let (kind, module) = line.kind.code();
    LineSummary {
        kind,
        module,
        label: line.label.clone(),
        unit_ht: amount_string(line.unit_ht),
        quantity: line.quantity,
        total_ht: amount_string(line.total_ht),
    }
}

// ---------------------------------------------------------------------------------------
// Reading
// ---------------------------------------------------------------------------------------

/// Reads an enrolment request (its format checked, of `version` 1 or 2) back into the
/// draft it was exported from.
pub(super) fn read_request(
    value: &Value,
    version: u32,
    catalogue: &Catalogue,
) -> Result<Draft, PathError> {
    let document: EnrolmentRequest = if version == 1 {
        read_v1(value)?
    } else {
        read(value, "")?
    };
    check_form(&document.simulator_inputs, "simulator_inputs")?;
    check_session(
        document.session.as_ref(),
        &document.simulator_inputs.session,
    )?;
    document.check_agreement(catalogue)?;
    Ok(document.into_draft())
}

/// A version-1 request, read as version 2: its `session` (the free wishes) is read as
/// `wishes`, and it chose no session (its simulator inputs have no `session`). An error
/// names the field as version 1 does.
fn read_v1(value: &Value) -> Result<EnrolmentRequest, PathError> {
    let Value::Object(map) = value else {
        return read(value, "");
    };
    const NOT_V1: &str = "champ inconnu en version 1 de ce format (il vient avec la version 2).";
    if map.contains_key("wishes") {
        return Err(PathError::new("wishes", NOT_V1));
    }
    if map
        .get("simulator_inputs")
        .and_then(|inputs| inputs.get("session"))
        .is_some()
    {
        return Err(PathError::new("simulator_inputs.session", NOT_V1));
    }
    let mut map = map.clone();
    if let Some(wishes) = map.remove("session") {
        map.insert("wishes".into(), wishes);
    }
    map.insert("session".into(), Value::Null);
    read(&Value::Object(map), "").map_err(as_v1)
}

/// An error on the version-2 reading of a version-1 request, as version 1 names it.
fn as_v1(mut e: PathError) -> PathError {
    if let Some(rest) = e.path.strip_prefix("wishes") {
        if rest.is_empty() || rest.starts_with('.') {
            e.path = format!("session{rest}");
        }
    }
    // The fields a version-1 document may hold, in the message on an unknown one.
    if !e.path.contains(['.', '[']) {
        e.message = e.message.replace(", wishes", "");
    } else if e.path.starts_with("simulator_inputs.") {
        e.message = e.message.replace(", session.", ".");
    }
    e
}

impl EnrolmentRequest {
    /// The readable `selection` and `funding` must say what the simulator inputs say.
    fn check_agreement(&self, catalogue: &Catalogue) -> Result<(), PathError> {
        let request = self
            .simulator_inputs
            .to_request(catalogue, self.quote.date)
            .map_err(|errors| match errors.first() {
                Some(e) => PathError::new(input_path(e.field), e.message.clone()),
                None => PathError::new("simulator_inputs", "simulation illisible."),
            })?;
        let funding = EnrolmentFunding {
            opco_name: self.funding.opco_name.clone(),
        };
        agree(
            &self.selection,
            &selection_of(&request, catalogue),
            "selection",
        )?;
        agree(&self.funding, &funding_of(&request, &funding), "funding")
    }

    fn into_draft(self) -> Draft {
        Draft {
            id: self.draft.id,
            name: self.draft.name,
            created: self.created_at,
            updated: self.updated_at,
            form: self.simulator_inputs,
            enrolment: Enrolment {
                client: self.client,
                trainees: self.trainees,
                funding: EnrolmentFunding {
                    opco_name: self.funding.opco_name,
                },
                place: self.wishes.place,
                mode: self.wishes.mode,
                start_wish: self.wishes.start_wish,
                accessibility: self.accessibility,
                notes: self.notes,
            },
        }
    }
}

/// Checks that `found` is `expected`, naming the first field (in key order) that differs.
fn agree<T: Serialize>(found: &T, expected: &T, path: &str) -> Result<(), PathError> {
    let (Ok(Value::Object(found)), Ok(Value::Object(want))) =
        (serde_json::to_value(found), serde_json::to_value(expected))
    else {
        return Err(PathError::new(path, "valeur attendue impossible à écrire."));
    };
    for (key, want_value) in &want {
        let got = found.get(key).unwrap_or(&Value::Null);
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
