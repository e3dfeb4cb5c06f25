//! Loading what is stored under [`STORAGE_KEY`](super::STORAGE_KEY): the current
//! version, the migration of version 0, and the text that cannot be read, handed back to
//! be set aside intact.

use serde::Deserialize;
use serde_json::Value;

use super::fields::{check_form, id, line, timestamp};
use super::json::{join, read, PathError};
use super::store::plural;
use super::{
    Draft, DraftStore, Enrolment, ASIDE_KEY_PREFIX, MAX_DRAFTS, MAX_STORED_BYTES,
    MAX_TIMESTAMP_CHARS, STORE_VERSION,
};
use crate::domain::quote_form::QuoteForm;

/// What [`load_store`] found.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct LoadOutcome {
    /// The drafts that could be read (empty when none).
    pub store: DraftStore,
    /// The version the stored document was migrated from, if it was older.
    pub migrated_from: Option<u32>,
    /// The raw stored text, intact, when all or part of it could not be read: write it
    /// under [`aside_key`] *before* writing anything under
    /// [`STORAGE_KEY`](super::STORAGE_KEY) (and write nothing there if setting it aside
    /// fails).
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

/// Reads the text stored under [`STORAGE_KEY`](super::STORAGE_KEY) (`None`: nothing
/// stored). Never fails and never loses the text: what cannot be read comes back in
/// [`LoadOutcome::unreadable`]. A draft that cannot be read (or a duplicate id, or drafts
/// beyond [`MAX_DRAFTS`]) is left out of the store, and the whole raw text is handed back
/// to be set aside.
pub fn load_store(raw: Option<&str>) -> LoadOutcome {
    let Some(raw) = raw.filter(|raw| !raw.trim().is_empty()) else {
        return LoadOutcome::default();
    };
    match read_stored(raw) {
        Ok(Stored {
            version,
            drafts,
            errors,
        }) => outcome(raw, version, drafts, errors),
        Err(why) => unreadable(raw, why),
    }
}

/// What a stored document holds.
struct Stored {
    /// The version it was written in.
    version: u64,
    /// The drafts that could be read.
    drafts: Vec<Draft>,
    /// Why the others could not.
    errors: Vec<PathError>,
}

/// Reads the stored text; `Err` says (in French) why none of it can be read.
fn read_stored(raw: &str) -> Result<Stored, String> {
    if raw.len() > MAX_STORED_BYTES {
        return Err(format!("plus de {} Mo", MAX_STORED_BYTES / 1_000_000));
    }
    let value: Value = serde_json::from_str(raw).map_err(|e| {
        format!(
            "texte JSON invalide, ligne {}, colonne {}",
            e.line(),
            e.column()
        )
    })?;
    let version = stored_version(&value)?;
    let read = match version {
        0 => read_v0(&value),
        1 => read_v1(&value),
        n => {
            return Err(format!(
                "version {n}, enregistrée par une version plus récente de l'application"
            ))
        }
    };
    let (drafts, errors) = read.map_err(|e| e.to_string())?;
    Ok(Stored {
        version,
        drafts,
        errors,
    })
}

/// The version of a stored document: its `version`, or 0 for the first format, which had
/// none.
fn stored_version(value: &Value) -> Result<u64, String> {
    let not_drafts = || "ce n'est pas un document de brouillons".to_string();
    let Value::Object(map) = value else {
        return Err(not_drafts());
    };
    match map.get("version") {
        None if map.contains_key("brouillons") => Ok(0),
        None => Err(not_drafts()),
        Some(v) => v
            .as_u64()
            .ok_or_else(|| "numéro de version illisible".to_string()),
    }
}

/// The outcome of a document that could be read, in all or in part.
fn outcome(raw: &str, version: u64, drafts: Vec<Draft>, errors: Vec<PathError>) -> LoadOutcome {
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
        Some(first) => LoadOutcome {
            message: Some(partly_unreadable(first, errors.len(), store.drafts.len())),
            store,
            migrated_from,
            unreadable: Some(raw.to_string()),
        },
    }
}

/// The message for `n` drafts left out (the `first` error named), `kept` being read.
fn partly_unreadable(first: &PathError, n: usize, kept: usize) -> String {
    let others = match kept {
        0 => String::new(),
        1 => " L'autre brouillon est disponible.".to_string(),
        k => format!(" Les {k} autres brouillons sont disponibles."),
    };
    format!(
        "{n} brouillon{s} enregistré{s} n'{verb} pas pu être lu{s} ({among}champ « {} » : \
         {}). {SET_ASIDE}{others}",
        first.path,
        first.message.trim_end_matches('.'),
        s = plural(n),
        verb = if n > 1 { "ont" } else { "a" },
        among = if n > 1 { "entre autres, " } else { "" },
    )
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

/// Version 1: the store's layout, each draft read on its own.
fn read_v1(value: &Value) -> Read {
    let stored: DraftStore<Value> = read(value, "")?;
    Ok(collect(&stored.drafts, "drafts", Draft::from_value))
}

/// The version 0 document: `{"brouillons": [<DraftV0>…]}`, `"version": 0` allowed.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct StoreV0 {
    #[serde(rename = "version", default)]
    _version: Option<u32>,
    brouillons: Vec<Value>,
}

/// A version 0 draft: the simulation only.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct DraftV0 {
    #[serde(deserialize_with = "id")]
    id: String,
    #[serde(deserialize_with = "line")]
    nom: String,
    simulation: QuoteForm,
    #[serde(deserialize_with = "timestamp")]
    modifie: String,
}

fn read_v0(value: &Value) -> Read {
    let stored: StoreV0 = read(value, "")?;
    Ok(collect(&stored.brouillons, "brouillons", draft_v0))
}

/// A version 0 draft migrated: `name = nom`, `created = updated = modifie`,
/// `form = simulation`, empty enrolment details.
fn draft_v0(item: &Value, path: &str) -> Result<Draft, PathError> {
    let d: DraftV0 = read(item, path)?;
    check_form(&d.simulation, &join(path, "simulation"))?;
    Ok(Draft {
        id: d.id,
        name: d.nom,
        created: d.modifie.clone(),
        updated: d.modifie,
        form: d.simulation,
        enrolment: Enrolment::default(),
    })
}

#[cfg(test)]
mod tests {
    use super::super::tests::{sample_draft, store_of, NOW};
    use super::*;
    use crate::domain::draft::MAX_TEXT_CHARS;
    use crate::domain::quote_form::FundingChoice;

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
    fn version_0_drafts_are_checked_field_by_field() {
        let mut v: Value = serde_json::from_str(V0_FIXTURE).unwrap();
        v["brouillons"][1]["simulation"]["trainees"] = "9".repeat(41).into();
        v["brouillons"][0]["simulation"] = serde_json::json!([]);
        let outcome = load_store(Some(&v.to_string()));
        assert!(outcome.store.drafts.is_empty());
        let message = outcome.message.unwrap();
        assert!(
            message.contains("(entre autres, champ « brouillons[0].simulation » : type attendu : objet ; trouvé : tableau)"),
            "{message}"
        );
        v["brouillons"][0] = serde_json::json!({"id": "b1", "nom": "x", "simulation": v["brouillons"][1]["simulation"], "modifie": "hier"});
        let message = load_store(Some(&v.to_string())).message.unwrap();
        assert!(
            message.contains("« brouillons[0].modifie » : « hier » n'est pas un horodatage"),
            "{message}"
        );
        v["brouillons"][0]["modifie"] = NOW.into();
        let message = load_store(Some(&v.to_string())).message.unwrap();
        assert!(
            message.contains("« brouillons[0].simulation.trainees » : texte trop long"),
            "{message}"
        );
    }

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
