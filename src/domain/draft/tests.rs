//! What the draft tests share (the exchange tests use [`sample_draft`] too), and the tests
//! of the storage layout.

use super::*;
use crate::domain::catalogue::Catalogue;
use crate::domain::quote_form::FundingChoice;

pub(crate) fn catalogue() -> Catalogue {
    Catalogue::fixture()
}

pub(crate) const NOW: &str = "2026-11-26T17:02:00+01:00";
pub(crate) const LATER: &str = "2026-11-27T09:15:30.250+01:00";

pub(crate) fn day() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 26).unwrap()
}

/// The fixture's prices, HT, that the sample draft buys, per trainee.
pub(crate) struct SamplePrices {
    pub full_course: Decimal,
    pub coaching_day: Decimal,
    pub certification: Decimal,
}

pub(crate) fn sample_prices() -> SamplePrices {
    let prices = catalogue().prices;
    SamplePrices {
        full_course: prices.full_course_ht,
        coaching_day: prices.coaching_per_day_ht,
        certification: prices.certification_ht,
    }
}

/// An amount HT with the fixture's VAT, rounded to the cent.
pub(crate) fn with_vat(ht: Decimal) -> Decimal {
    crate::domain::money::round_cents(ht * (Decimal::ONE + catalogue().prices.vat_rate))
}

/// The sample draft's total HT: two trainees, each with the full course, one coaching day
/// and the certification.
pub(crate) fn sample_total_ht() -> Decimal {
    let p = sample_prices();
    Decimal::TWO * (p.full_course + p.coaching_day + p.certification)
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

pub(crate) fn store_of(names: &[&str]) -> DraftStore {
    let mut store = DraftStore::new();
    for (i, name) in names.iter().enumerate() {
        let now = format!("2026-11-{:02}T10:00:00Z", i + 1);
        store = store.create(name, QuoteForm::default(), &now).unwrap().0;
    }
    store
}

/// The storage layout (also the layout of a draft in a backup), as the module's
/// documentation gives it: what was written by earlier builds must stay readable.
#[test]
fn the_serde_layout_is_the_documented_storage_layout() {
    let store = DraftStore {
        version: 1,
        drafts: vec![sample_draft()],
    };
    let expected = serde_json::json!({
        "version": 1,
        "drafts": [{
            "id": "b20261126-160200000",
            "name": "Devis ACME — 2 stagiaires",
            "created": NOW,
            "updated": NOW,
            "form": {
                "full_course": true, "modules": [], "trainees": "2", "coaching_days": "1",
                "certification": true, "vat_exempt": false, "funding": "opco",
                "opco_amount": "2 500,50", "cpf_balance": "", "cpf_exempt": false
            },
            "enrolment": {
                "client": {
                    "kind": "entreprise", "name": "ACME Formation", "siret": "732 829 320 00074",
                    "address": "12 rue de la Paix\n75002 Paris", "email": "rh@acme.fr",
                    "phone": "01 23 45 67 89"
                },
                "trainees": [
                    {"name": "Camille Martin", "email": "camille.martin@acme.fr",
                     "job": "Responsable formation"},
                    {"name": "Lou Bernard", "email": "", "job": "Chargée de certification"}
                ],
                "funding": {"opco_name": "AKTO"},
                "place": "Paris",
                "mode": "Présentiel",
                "start_wish": "2027-01-11",
                "accessibility": "Accès en fauteuil roulant.",
                "notes": "Merci de rappeler « après 14 h »."
            }
        }]
    });
    assert_eq!(store.to_value(), expected);
    // The stored text is that value, compact (its keys sorted).
    let text = store.to_json();
    assert!(!text.contains('\n'), "{text}");
    assert_eq!(
        serde_json::from_str::<serde_json::Value>(&text).ok(),
        Some(expected.clone())
    );
    assert_eq!(
        Draft::from_value(&expected["drafts"][0], ""),
        Ok(sample_draft())
    );
    // Always written as the current version.
    let odd = DraftStore {
        version: 7,
        ..store
    };
    assert_eq!(odd.to_value()["version"], 1);
}
