//! The exports validated against the schemas shipped in `public/schema/` (native only:
//! the validator is a native dev-dependency).

use chrono::NaiveDate;
use serde_json::Value;

use super::tests::{catalogue, day, sample_draft, EXPORTED_AT, V1_REQUEST};
use super::*;
use crate::domain::draft::{Client, ClientKind, DraftStore, Enrolment, EnrolmentFunding, Trainee};
use crate::domain::quote_form::{FundingChoice, QuoteForm};
use proptest::prelude::*;

const REQUEST_SCHEMA: &str =
    include_str!("../../../public/schema/demande-inscription-v2.schema.json");
/// The schema of the requests of version 1, kept for them.
const REQUEST_V1_SCHEMA: &str =
    include_str!("../../../public/schema/demande-inscription-v1.schema.json");
const BACKUP_SCHEMA: &str =
    include_str!("../../../public/schema/sauvegarde-brouillons-v1.schema.json");

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
    cpf.form.session = "paris-2027-03".into();
    let mut full = sample_draft();
    full.form.session = "distanciel-2027-09".into();
    let mut gone = sample_draft();
    gone.form.session = "lyon-2027".into();
    for draft in [sample_draft(), cpf, full, gone] {
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
        serde_json::from_str(&backup(&DraftStore::new(), "2026.1", EXPORTED_AT).unwrap()).unwrap();
    assert_eq!(errors(&v, &empty), Vec::<String>::new());
}

#[test]
fn a_version_1_request_validates_against_the_version_1_schema_only() {
    let instance: Value = serde_json::from_str(V1_REQUEST).unwrap();
    assert_eq!(
        errors(&validator(REQUEST_V1_SCHEMA), &instance),
        Vec::<String>::new()
    );
    assert!(!validator(REQUEST_SCHEMA).is_valid(&instance));
    // And a request of version 2 is not one of version 1.
    let current = request_value(&sample_draft());
    assert!(!validator(REQUEST_V1_SCHEMA).is_valid(&current));
}

/// A draft with a session is a valid backup's draft, and so is one stored before sessions
/// (no `form.session`).
#[test]
fn a_backup_without_the_session_input_still_validates() {
    let mut chosen = sample_draft();
    chosen.form.session = "paris-2027-03".into();
    let store = DraftStore {
        version: 1,
        drafts: vec![chosen],
    };
    let mut instance: Value =
        serde_json::from_str(&backup(&store, "2026.1", EXPORTED_AT).unwrap()).unwrap();
    let b = validator(BACKUP_SCHEMA);
    assert_eq!(errors(&b, &instance), Vec::<String>::new());
    let form = instance["drafts"][0]["form"].as_object_mut().unwrap();
    assert_eq!(form.remove("session"), Some("paris-2027-03".into()));
    assert_eq!(errors(&b, &instance), Vec::<String>::new());
}

#[test]
fn the_schemas_are_strict() {
    let v = validator(REQUEST_SCHEMA);
    let mut chosen = sample_draft();
    chosen.form.session = "paris-2027-03".into();
    let good = request_value(&chosen);
    assert!(v.is_valid(&good));
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
        ("bad version", Box::new(|x| x["version"] = 1.into())),
        (
            "bad date",
            Box::new(|x| x["wishes"]["start_wish"] = "2027-13-01".into()),
        ),
        (
            "bad session id",
            Box::new(|x| x["session"]["id"] = "Paris 2027".into()),
        ),
        (
            "extra session field",
            Box::new(|x| x["session"]["status"] = "open".into()),
        ),
        (
            "session date",
            Box::new(|x| x["session"]["modules"][0]["dates"][0] = "2027-03-32".into()),
        ),
        (
            "session module without dates",
            Box::new(|x| x["session"]["modules"][0]["dates"] = Value::Array(vec![])),
        ),
        (
            "session as text",
            Box::new(|x| x["session"] = "paris-2027-03".into()),
        ),
        (
            "missing wishes",
            Box::new(|x| {
                x.as_object_mut().unwrap().remove("wishes");
            }),
        ),
        (
            "long typed session",
            Box::new(|x| x["simulator_inputs"]["session"] = "x".repeat(41).into()),
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
        (
            any::<bool>(),
            prop::sample::select(vec![
                "",
                "paris-2027-03",
                "marseille-2027-05",
                "distanciel-2027-09",
            ]),
        ),
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
                (cpf_ex, session),
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
                    session: session.to_string(),
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

/// Every limit (`maxLength`, `maxItems`, `maximum`) and every list of codes (`enum`) in the
/// schemas, by JSON pointer: each is the Rust constant or type the app reads with, so the
/// schemas and the types cannot drift apart; a limit or a list the table does not name fails.
#[test]
fn the_schemas_limits_and_codes_are_the_types_own() {
    use super::figures::{MAX_AMOUNT_CHARS, MAX_QUANTITY};
    use super::request::MAX_QUOTE_LINES;
    use super::session::MAX_MODULE_DATES;
    use crate::domain::catalogue::MAX_SESSION_ID_CHARS;
    use crate::domain::draft::{
        MAX_DRAFTS, MAX_LINE_CHARS, MAX_MODULES, MAX_TEXT_CHARS, MAX_TIMESTAMP_CHARS, MAX_TRAINEES,
        MAX_TYPED_CHARS,
    };
    use crate::domain::pricing::{FormulaCode, LineCode, Vat};

    let n = |v: usize| Value::from(v);
    let limits: Vec<(&str, &str, Value)> = vec![
        (
            "/properties/catalogue_version",
            "maxLength",
            n(MAX_LINE_CHARS),
        ),
        (
            "/properties/selection/properties/modules",
            "maxItems",
            n(MAX_MODULES),
        ),
        (
            "/properties/selection/properties/modules/items",
            "maximum",
            Value::from(u8::MAX),
        ),
        (
            "/properties/quote/properties/lines",
            "maxItems",
            n(MAX_QUOTE_LINES),
        ),
        ("/properties/drafts", "maxItems", n(MAX_DRAFTS)),
        ("/$defs/timestamp", "maxLength", n(MAX_TIMESTAMP_CHARS)),
        ("/$defs/line", "maxLength", n(MAX_LINE_CHARS)),
        ("/$defs/text", "maxLength", n(MAX_TEXT_CHARS)),
        ("/$defs/typed", "maxLength", n(MAX_TYPED_CHARS)),
        ("/$defs/trainees", "maxItems", n(MAX_TRAINEES)),
        (
            "/$defs/simulatorInputs/properties/modules",
            "maxItems",
            n(MAX_MODULES),
        ),
        (
            "/$defs/simulatorInputs/properties/modules/items",
            "maximum",
            Value::from(u8::MAX),
        ),
        ("/$defs/amount", "maxLength", n(MAX_AMOUNT_CHARS)),
        (
            "/$defs/quoteLine/properties/module/anyOf/0",
            "maximum",
            Value::from(u8::MAX),
        ),
        (
            "/$defs/quoteLine/properties/quantity",
            "maximum",
            Value::from(MAX_QUANTITY),
        ),
        (
            "/$defs/chosenSession/properties/modules",
            "maxItems",
            n(MAX_MODULES),
        ),
        (
            "/$defs/chosenSession/properties/modules/items/properties/module",
            "maximum",
            Value::from(u8::MAX),
        ),
        (
            "/$defs/chosenSession/properties/modules/items/properties/dates",
            "maxItems",
            n(MAX_MODULE_DATES),
        ),
    ];
    let keys = |keys: Vec<&str>| Value::from(keys);
    let funding = keys(FundingChoice::ALL.iter().map(|c| c.key()).collect());
    let client = keys(ClientKind::ALL.iter().map(|c| c.key()).collect());
    let codes: Vec<(&str, Value)> = vec![
        (
            "/properties/selection/properties/formula",
            keys(FormulaCode::ALL.iter().map(|c| c.key()).collect()),
        ),
        (
            "/properties/selection/properties/vat",
            keys(Vat::ALL.iter().map(|c| c.key()).collect()),
        ),
        ("/properties/funding/properties/type", funding.clone()),
        ("/$defs/client/properties/kind", client),
        ("/$defs/simulatorInputs/properties/funding", funding),
        (
            "/$defs/quoteLine/properties/kind",
            keys(LineCode::ALL.iter().map(|c| c.key()).collect()),
        ),
    ];
    // A session id's pattern is the catalogue's rule.
    let request: Value = serde_json::from_str(REQUEST_SCHEMA).unwrap();
    assert_eq!(
        request["$defs"]["sessionId"]["pattern"],
        format!("^[a-z0-9-]{{1,{MAX_SESSION_ID_CHARS}}}$")
    );
    for schema in [REQUEST_SCHEMA, REQUEST_V1_SCHEMA, BACKUP_SCHEMA] {
        let schema: Value = serde_json::from_str(schema).unwrap();
        let mut found = Vec::new();
        collect_limits(&schema, String::new(), &mut found);
        for (pointer, keyword, value) in found {
            let expected = if keyword == "enum" {
                codes.iter().find(|(p, _)| *p == pointer).map(|(_, v)| v)
            } else {
                limits
                    .iter()
                    .find(|(p, k, _)| *p == pointer && *k == keyword)
                    .map(|(_, _, v)| v)
            };
            assert_eq!(Some(&value), expected, "{keyword} at {pointer}");
        }
    }
}

/// Every `maxLength`, `maxItems`, `maximum` and `enum` of `node`, with its JSON pointer.
fn collect_limits(node: &Value, pointer: String, out: &mut Vec<(String, String, Value)>) {
    match node {
        Value::Object(map) => {
            for keyword in ["maxLength", "maxItems", "maximum", "enum"] {
                if let Some(v) = map.get(keyword) {
                    out.push((pointer.clone(), keyword.to_string(), v.clone()));
                }
            }
            for (k, v) in map {
                collect_limits(v, format!("{pointer}/{k}"), out);
            }
        }
        Value::Array(list) => {
            for (i, v) in list.iter().enumerate() {
                collect_limits(v, format!("{pointer}/{i}"), out);
            }
        }
        _ => {}
    }
}

/// Each code's `key()` (what the schemas' test and the forms' selects use) is the name serde
/// reads and writes, so the schema, the forms and the documents name a code alike.
#[test]
fn each_codes_key_is_its_serde_name() {
    use crate::domain::pricing::{FormulaCode, LineCode, Vat};
    fn check<T: serde::Serialize + Copy>(all: &[T], key: fn(T) -> &'static str) {
        for &c in all {
            assert_eq!(serde_json::to_value(c).unwrap(), Value::from(key(c)));
        }
    }
    check(&FundingChoice::ALL, FundingChoice::key);
    check(&ClientKind::ALL, ClientKind::key);
    check(&FormulaCode::ALL, FormulaCode::key);
    check(&Vat::ALL, Vat::key);
    check(&LineCode::ALL, LineCode::key);
}
