//! The export and import tests (their helpers serve the schema tests too).

use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde_json::Value;

use super::*;
use crate::domain::catalogue::Catalogue;
use crate::domain::draft::tests::{sample_prices, sample_total_ht, with_vat};
use crate::domain::draft::{DraftStore, Enrolment, MAX_DRAFTS, MAX_TEXT_CHARS};
use crate::domain::quote_form::{FundingChoice, QuoteForm};

pub(super) fn catalogue() -> Catalogue {
    Catalogue::fixture()
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
    assert_eq!(v["version"], 2);
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
    assert_eq!(v["session"], Value::Null);
    assert_eq!(
        v["wishes"],
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
    let p = sample_prices();
    let a = amount_string;
    assert_eq!(
        q["lines"][0],
        serde_json::json!({
            "kind": "parcours_complet", "module": null,
            "label": q["lines"][0]["label"], "unit_ht": a(p.full_course),
            "quantity": 2, "total_ht": a(Decimal::TWO * p.full_course)
        })
    );
    assert_eq!(q["lines"][1]["kind"], "accompagnement");
    assert_eq!(q["lines"][1]["total_ht"], a(Decimal::TWO * p.coaching_day));
    assert_eq!(q["lines"][2]["total_ht"], a(Decimal::TWO * p.certification));
    let (ht, ttc) = (sample_total_ht(), with_vat(sample_total_ht()));
    assert_eq!(q["total_ht"], a(ht));
    assert_eq!(q["vat_rate"], rate_string(catalogue().prices.vat_rate));
    assert_eq!(q["total_vat"], a(ttc - ht));
    assert_eq!(q["total_ttc"], a(ttc));
    assert_eq!(q["funded"], "2500.50");
    assert_eq!(q["cpf_contribution"], "0.00");
    assert_eq!(q["remaining"], a(ttc - Decimal::new(250050, 2)));
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
        session: String::new(),
    };
    let v = export(&d);
    assert_eq!(v["selection"]["formula"], "modulaire");
    assert_eq!(v["selection"]["modules"], serde_json::json!([2, 4]));
    assert_eq!(v["selection"]["vat"], "exoneree");
    assert_eq!(v["funding"]["type"], "cpf");
    assert_eq!(v["funding"]["cpf_balance"], "1800.00");
    assert_eq!(v["funding"]["opco_amount"], Value::Null);
    // VAT exempt: TTC is HT, the price of modules 2 and 4; 1 800 of CPF, plus the flat
    // contribution in force on the quote's date.
    let c = catalogue();
    let price = |n: u8| c.module(n).unwrap().price_ht;
    let ttc = price(2) + price(4);
    let contribution = c.cpf_contribution_on(day()).unwrap();
    assert_eq!(v["quote"]["vat_rate"], "0.00");
    assert_eq!(v["quote"]["total_ttc"], amount_string(ttc));
    assert_eq!(v["quote"]["cpf_contribution"], amount_string(contribution));
    let remaining = ttc - ttc.min(Decimal::new(1800, 0)) + contribution;
    assert_eq!(v["quote"]["remaining"], amount_string(remaining));
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
    let e = import_error(&edited(|v| v["version"] = 3.into()));
    assert_eq!(e.field(), Some("version"));
    assert!(e.message().contains("plus récente"), "{e}");
    assert!(e.message().contains("versions 1 et 2"), "{e}");
    let e = import_error(&edited(|v| v["version"] = 0.into()));
    assert_eq!(e.field(), Some("version"));
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
            Box::new(|v| v["wishes"]["start_wish"] = "11/01/2027".into()),
            "wishes.start_wish",
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

// --- The chosen session (version 2) and the requests of version 1 -------------------

/// A draft that chose `session` and buys `modules` (the full course when empty).
fn with_session(session: &str, modules: &[u8]) -> Draft {
    let mut d = sample_draft();
    d.form.full_course = modules.is_empty();
    d.form.modules = modules.to_vec();
    d.form.session = session.into();
    d
}

#[test]
fn a_draft_with_a_session_exports_the_dates_of_the_modules_it_buys() {
    let d = with_session("paris-2027-03", &[5, 3]);
    let v = export(&d);
    assert_eq!(
        v["session"],
        serde_json::json!({
            "id": "paris-2027-03", "place": "Paris", "mode": "Présentiel",
            "modules": [
                { "module": 3, "dates": ["2027-03-16", "2027-03-17"] },
                { "module": 5, "dates": ["2027-03-30"] }
            ]
        })
    );
    assert_eq!(v["simulator_inputs"]["session"], "paris-2027-03");
    // The free wishes travel beside it, unchanged.
    assert_eq!(v["wishes"]["start_wish"], "2027-01-11");
    let text = enrolment_request_json(&d, &catalogue(), day(), EXPORTED_AT).unwrap();
    assert_eq!(import(&text, &catalogue()).unwrap(), vec![d]);
}

#[test]
fn the_full_course_exports_every_modules_dates_of_its_session() {
    let v = export(&with_session("distanciel-2027-09", &[]));
    let modules = v["session"]["modules"].as_array().unwrap();
    let numbers: Vec<&Value> = modules.iter().map(|m| &m["module"]).collect();
    assert_eq!(numbers, [1, 2, 3, 4, 5]);
    assert_eq!(modules[4]["dates"], serde_json::json!(["2027-10-05"]));
    assert_eq!(v["session"]["mode"], "Distanciel");
    // A full session is still the one the draft chose: it is exported.
    let v = export(&with_session("marseille-2027-05", &[1]));
    assert_eq!(v["session"]["id"], "marseille-2027-05");
}

#[test]
fn a_draft_with_no_session_or_an_unknown_one_exports_null() {
    for chosen in ["", "lyon-2027", "Paris-2027-03"] {
        let d = with_session(chosen, &[2]);
        let v = export(&d);
        assert_eq!(v["session"], Value::Null, "{chosen}");
        // The simulator inputs say no session too (an empty one is not written), so that
        // the document agrees with itself.
        assert_eq!(v["simulator_inputs"].get("session"), None, "{chosen}");
        let imported = import(&v.to_string(), &catalogue()).unwrap();
        assert_eq!(imported[0].form.session, "");
        assert_eq!(imported[0].form.modules, [2]);
    }
}

/// A request of version 1, as the app wrote them before sessions: its `session` is the
/// free wishes, and its simulator inputs have no `session`.
pub(super) const V1_REQUEST: &str = r#"{
  "format": "cosens.demande-inscription",
  "version": 1,
  "exported_at": "2026-10-02T10:15:00+02:00",
  "created_at": "2026-10-01T09:00:00+02:00",
  "updated_at": "2026-10-02T10:14:00+02:00",
  "catalogue_version": "2026.1",
  "draft": { "id": "b20261001-090000000", "name": "Demande de Lou" },
  "client": {
    "kind": "particulier", "name": "Lou Bernard", "siret": "",
    "address": "3 quai du Port\n13002 Marseille", "email": "lou@exemple.fr", "phone": ""
  },
  "trainees": [ { "name": "Lou Bernard", "email": "lou@exemple.fr", "job": "Coach" } ],
  "selection": {
    "formula": "complet", "modules": [1, 2, 3, 4, 5], "trainees": 1,
    "coaching_days": 0, "certification": true, "vat": "normale"
  },
  "session": { "place": "Marseille", "mode": "Présentiel", "start_wish": "2027-05-03" },
  "funding": {
    "type": "aucun", "opco_name": "", "opco_amount": null, "cpf_balance": null,
    "cpf_exempt": false
  },
  "accessibility": "",
  "notes": "Plutôt au printemps.",
  "quote": {
    "date": "2026-10-02",
    "lines": [
      { "kind": "parcours_complet", "module": null, "label": "Parcours complet",
        "unit_ht": "4000.00", "quantity": 1, "total_ht": "4000.00" }
    ],
    "total_ht": "4000.00", "vat_rate": "0.20", "total_vat": "800.00", "total_ttc": "4800.00",
    "per_trainee_ht": "4000.00", "per_trainee_ttc": "4800.00", "funded": "0.00",
    "cpf_contribution": "0.00", "remaining": "4800.00", "vat_mention": null
  },
  "simulator_inputs": {
    "full_course": true, "modules": [], "trainees": "1", "coaching_days": "0",
    "certification": true, "vat_exempt": false, "funding": "aucun", "opco_amount": "",
    "cpf_balance": "", "cpf_exempt": false
  }
}"#;

#[test]
fn a_version_1_request_still_imports_and_keeps_its_wishes() {
    let imported = import_document(V1_REQUEST, &catalogue()).unwrap();
    assert_eq!(imported.kind, DocumentKind::EnrolmentRequest);
    let [d] = imported.drafts.as_slice() else {
        panic!("{:?}", imported.drafts)
    };
    assert_eq!(d.id, "b20261001-090000000");
    assert_eq!(d.enrolment.place, "Marseille");
    assert_eq!(d.enrolment.mode, "Présentiel");
    assert_eq!(d.enrolment.start_wish, NaiveDate::from_ymd_opt(2027, 5, 3));
    assert_eq!(d.enrolment.notes, "Plutôt au printemps.");
    assert_eq!(d.form.session, "", "version 1 chose no session");
    assert_eq!(d.form, QuoteForm::default());
    // Exported again, it is a request of version 2 with its wishes and no session.
    let v = export(d);
    assert_eq!(
        (v["version"].clone(), v["session"].clone()),
        (2.into(), Value::Null)
    );
    assert_eq!(v["wishes"]["place"], "Marseille");
}

#[test]
fn a_version_1_requests_errors_name_its_own_fields() {
    let v1 = |edit: fn(&mut Value)| {
        let mut v: Value = serde_json::from_str(V1_REQUEST).unwrap();
        edit(&mut v);
        import_error(&v.to_string())
    };
    let e = v1(|v| v["session"]["start_wish"] = "03/05/2027".into());
    assert_eq!(e.field(), Some("session.start_wish"), "{e}");
    assert!(e.message().contains("AAAA-MM-JJ"), "{e}");
    let e = v1(|v| {
        v.as_object_mut().unwrap().remove("session");
    });
    assert_eq!(e.field(), Some("session"), "{e}");
    let e = v1(|v| v["surprise"] = true.into());
    assert_eq!(e.field(), Some("surprise"), "{e}");
    assert!(e.message().contains("selection, session, funding"), "{e}");
    let e = v1(|v| v["simulator_inputs"]["surprise"] = true.into());
    assert_eq!(e.field(), Some("simulator_inputs.surprise"), "{e}");
    assert!(e.message().contains("cpf_balance, cpf_exempt. "), "{e}");
    // What version 2 brought is unknown to version 1.
    let e = v1(|v| v["wishes"] = v["session"].clone());
    assert_eq!(e.field(), Some("wishes"), "{e}");
    assert!(e.message().contains("version 1"), "{e}");
    let e = v1(|v| v["simulator_inputs"]["session"] = "paris-2027-03".into());
    assert_eq!(e.field(), Some("simulator_inputs.session"), "{e}");
}

#[test]
fn a_session_that_disagrees_with_the_simulator_inputs_is_refused_naming_the_field() {
    let chosen = export(&with_session("paris-2027-03", &[3, 5]));
    let none = export(&sample_draft());
    type Edit = Box<dyn Fn(&mut Value)>;
    let cases: Vec<(&Value, Edit, &str, &str)> = vec![
        (
            &chosen,
            Box::new(|v| v["session"]["id"] = "distanciel-2027-09".into()),
            "session.id",
            "« distanciel-2027-09 » ne correspond pas à la simulation enregistrée \
             (« simulator_inputs.session »), qui donne « paris-2027-03 »",
        ),
        (
            &chosen,
            Box::new(|v| v["session"] = Value::Null),
            "session",
            "qui choisit la session « paris-2027-03 »",
        ),
        (
            &none,
            {
                let session = chosen["session"].clone();
                Box::new(move |v| v["session"] = session.clone())
            },
            "session",
            "qui n'en choisit aucune (null attendu)",
        ),
        (
            &chosen,
            Box::new(|v| v["simulator_inputs"]["session"] = "".into()),
            "session",
            "null attendu",
        ),
    ];
    for (good, edit, path, words) in cases {
        let mut v = good.clone();
        edit(&mut v);
        let e = import_error(&v.to_string());
        assert_eq!(e.field(), Some(path), "{e}");
        let message = e.message();
        assert!(
            message.starts_with(&format!("Champ « {path} » : ")),
            "{message}"
        );
        assert!(message.contains(words), "{message}");
        assert!(message.ends_with("Rien n'a été importé."), "{message}");
    }
}

#[test]
fn a_malformed_session_is_refused_naming_the_field() {
    let good = export(&with_session("paris-2027-03", &[3, 5]));
    type Edit = Box<dyn Fn(&mut Value)>;
    let cases: Vec<(Edit, &str, &str)> = vec![
        (
            Box::new(|v| v["session"]["id"] = "Paris 2027".into()),
            "session.id",
            "identifiant de session",
        ),
        (
            Box::new(|v| v["session"]["modules"][1]["dates"][0] = "30/03/2027".into()),
            "session.modules[1].dates[0]",
            "AAAA-MM-JJ",
        ),
        (
            Box::new(|v| v["session"]["modules"][0]["dates"] = serde_json::json!([])),
            "session.modules[0].dates",
            "au moins une date",
        ),
        (
            Box::new(|v| v["session"]["modules"] = serde_json::json!([])),
            "session.modules",
            "au moins un module",
        ),
        (
            Box::new(|v| v["session"]["modules"][0]["module"] = 0.into()),
            "session.modules[0].module",
            "hors limites",
        ),
        (
            Box::new(|v| v["session"]["status"] = "open".into()),
            "session.status",
            "champ inconnu",
        ),
        (
            Box::new(|v| {
                v.as_object_mut().unwrap().remove("session");
            }),
            "session",
            "absent",
        ),
        (
            Box::new(|v| {
                v.as_object_mut().unwrap().remove("wishes");
            }),
            "wishes",
            "absent",
        ),
    ];
    for (edit, path, words) in cases {
        let mut v = good.clone();
        edit(&mut v);
        let e = import_error(&v.to_string());
        assert_eq!(e.field(), Some(path), "{e}");
        assert!(e.message().contains(words), "{e}");
    }
}

#[test]
fn a_backup_stays_at_version_1_and_keeps_the_chosen_session() {
    let store = DraftStore {
        version: 1,
        drafts: vec![with_session("paris-2027-03", &[3, 5])],
    };
    let text = backup(&store, &catalogue().version, EXPORTED_AT).unwrap();
    let mut v: Value = serde_json::from_str(&text).unwrap();
    assert_eq!(v["version"], 1);
    assert_eq!(v["drafts"][0]["form"]["session"], "paris-2027-03");
    assert_eq!(import(&text, &catalogue()).unwrap(), store.drafts);
    // A draft stored before sessions has no `session`: it still imports, with none.
    v["drafts"][0]["form"]
        .as_object_mut()
        .unwrap()
        .remove("session");
    assert_eq!(
        import(&v.to_string(), &catalogue()).unwrap()[0]
            .form
            .session,
        ""
    );
    v["version"] = 2.into();
    let e = import_error(&v.to_string());
    assert_eq!(e.field(), Some("version"));
    assert!(e.message().contains("seule la version 1"), "{e}");
}
