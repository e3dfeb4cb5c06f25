#![cfg(target_arch = "wasm32")]
//! Component tests of the drafts screens (`/brouillons`, `/brouillons/ID`) and of the
//! simulator's "Enregistrer le brouillon": the real components mounted into the test page
//! with the app's contexts, driven through the DOM, the drafts kept in the page's real
//! `localStorage` (emptied before each test).
//!
//! Run with `cargo test --target wasm32-unknown-unknown --test components_drafts`.

wasm_bindgen_test::wasm_bindgen_test_configure!(run_in_browser);

mod harness;

// Named here as well: leptos's prelude has its own `window` and `document`.
use harness::*;
use harness::{document, window};

use std::cell::RefCell;
use std::rc::Rc;

use chrono::NaiveDate;
use leptos::prelude::*;
use leptos::tachys::view::Mountable;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::wasm_bindgen_test;
use web_sys::HtmlInputElement;

use cosens_simulateur::domain::draft::{DraftStore, STORAGE_KEY};
use cosens_simulateur::domain::quote_form::QuoteForm;
use cosens_simulateur::ui::draft_hand_off::hand_off;
use cosens_simulateur::ui::drafts_state::{DraftsState, WRITE_DELAY};
use cosens_simulateur::ui::router::CurrentScreen;

// ---------------------------------------------------------------------------------------
// Harness (the shared part is in tests/harness/)
// ---------------------------------------------------------------------------------------

/// Waits past the editor's pause before writing (`WRITE_DELAY`), as a user who stops typing.
async fn pause_in_typing() {
    after_ms(i32::try_from(WRITE_DELAY.as_millis()).expect("a short delay") + 100).await;
    settle().await;
}

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 26).expect("a date")
}

fn storage() -> web_sys::Storage {
    window()
        .local_storage()
        .expect("localStorage")
        .expect("localStorage")
}

/// Empties the page's storage, then stores `raw` under the drafts key (if any).
fn reset_storage(raw: Option<&str>) {
    storage().clear().expect("clear");
    if let Some(raw) = raw {
        storage().set_item(STORAGE_KEY, raw).expect("setItem");
    }
}

fn stored_store() -> DraftStore {
    let raw = storage().get_item(STORAGE_KEY).expect("getItem");
    cosens_simulateur::domain::draft::load_store(raw.as_deref()).store
}

/// A store with drafts named `names`, created one minute apart on 26 November 2026.
fn store_of(names: &[&str]) -> String {
    let mut store = DraftStore::new();
    for (i, name) in names.iter().enumerate() {
        let now = format!("2026-11-26T14:{:02}:00+01:00", 5 + i);
        store = store
            .create(name, QuoteForm::default(), &now)
            .expect("create")
            .0;
    }
    store.to_json()
}

/// The contexts `App` provides, the drafts read from the page's storage; handed back to
/// the test.
fn provide_contexts() -> DraftsState {
    provide_app_contexts(today());
    let drafts = DraftsState::from_browser(today());
    provide_context(drafts);
    drafts
}

/// Mounts the drafts routes at `path`; returns the page and the drafts state.
async fn mount_drafts(path: &str) -> (Mounted<impl Mountable>, DraftsState) {
    go_to(path);
    let state: Rc<RefCell<Option<DraftsState>>> = Rc::new(RefCell::new(None));
    let slot = state.clone();
    let page = mount(move || {
        *slot.borrow_mut() = Some(provide_contexts());
        view! { <CurrentScreen /> }
    })
    .await;
    let drafts = state.borrow_mut().take().expect("the drafts state");
    (page, drafts)
}

fn first_id(drafts: &DraftsState) -> String {
    drafts
        .store
        .with_untracked(|s| s.drafts.first().map(|d| d.id.clone()))
        .expect("a draft")
}

/// The page of the only stored draft, named `name`.
async fn open_only_draft(name: &str) -> Mounted<impl Mountable> {
    reset_storage(Some(&store_of(&[name])));
    let id = stored_store().drafts[0].id.clone();
    mount_drafts(&format!("/brouillons/{id}")).await.0
}

/// Lists one draft named `name` and submits `typed` in its "Renommer" form; returns the
/// page and the draft's id.
async fn rename_the_only_draft(name: &str, typed: &str) -> (Mounted<impl Mountable>, String) {
    reset_storage(Some(&store_of(&[name])));
    let (page, drafts) = mount_drafts("/brouillons").await;
    page.click(&format!("[aria-label='Renommer « {name} »']"))
        .await;
    let id = first_id(&drafts);
    page.type_into(&format!("#renommer-{id}"), typed).await;
    page.click(".rename-form button[type=submit]").await;
    (page, id)
}

// ---------------------------------------------------------------------------------------
// The list
// ---------------------------------------------------------------------------------------

#[wasm_bindgen_test]
async fn empty_list_says_so_and_offers_the_three_actions() {
    reset_storage(None);
    let (page, _) = mount_drafts("/brouillons").await;
    assert!(page
        .text("[data-testid=aucun-brouillon]")
        .starts_with("Aucun brouillon pour l'instant."));
    let buttons = page.texts("button");
    assert!(
        buttons.contains(&"Nouveau brouillon".to_string()),
        "{buttons:?}"
    );
    assert!(
        buttons.contains(&"Tout exporter".to_string()),
        "{buttons:?}"
    );
    assert!(buttons.contains(&"Importer".to_string()), "{buttons:?}");
    assert_eq!(page.attribute("#importer", "type").as_deref(), Some("file"));
    assert!(page.attribute("#importer", "hidden").is_some());
}

#[wasm_bindgen_test]
async fn list_shows_each_draft_with_its_french_date_and_total_ttc_most_recent_first() {
    reset_storage(Some(&store_of(&["Ancien", "Récent"])));
    let (page, _) = mount_drafts("/brouillons").await;
    assert_eq!(
        page.texts("[data-testid=brouillon] h3"),
        ["Récent", "Ancien"]
    );
    let rows = page.texts("[data-testid=brouillon]");
    assert!(
        rows[0].contains("Modifié le 26 novembre 2026 à 14:06"),
        "{}",
        rows[0]
    );
    assert!(
        rows[1].contains("Modifié le 26 novembre 2026 à 14:05"),
        "{}",
        rows[1]
    );
    assert_eq!(
        page.texts("[data-testid=brouillon-total]"),
        ["5 400,00 €", "5 400,00 €"]
    );
}

#[wasm_bindgen_test]
async fn renaming_a_draft_shows_and_stores_the_new_name() {
    let (page, _) = rename_the_only_draft("Avant", "  Après  ").await;
    assert_eq!(page.texts("[data-testid=brouillon] h3"), ["Après"]);
    assert_eq!(
        page.text("[data-testid=statut-brouillons]"),
        "Brouillon renommé « Après »."
    );
    assert_eq!(stored_store().drafts[0].name, "Après");
}

#[wasm_bindgen_test]
async fn renaming_to_nothing_is_refused_next_to_the_field() {
    let (page, id) = rename_the_only_draft("Garder", "   ").await;
    assert_eq!(
        page.text(&format!("#erreur-renommer-{id}")),
        "Le nom du brouillon ne peut pas être vide."
    );
    assert_eq!(
        page.attribute(&format!("#renommer-{id}"), "aria-invalid")
            .as_deref(),
        Some("true")
    );
    assert_eq!(stored_store().drafts[0].name, "Garder");
}

#[wasm_bindgen_test]
async fn duplicating_adds_a_copy() {
    reset_storage(Some(&store_of(&["Modèle"])));
    let (page, _) = mount_drafts("/brouillons").await;
    page.click("[aria-label='Dupliquer « Modèle »']").await;
    let mut names = page.texts("[data-testid=brouillon] h3");
    names.sort();
    assert_eq!(names, ["Modèle", "Modèle (copie)"]);
    assert_eq!(stored_store().drafts.len(), 2);
}

#[wasm_bindgen_test]
async fn deleting_then_annuler_puts_the_draft_back_in_place() {
    reset_storage(Some(&store_of(&["Un", "Deux", "Trois"])));
    let (page, _) = mount_drafts("/brouillons").await;
    page.click("[aria-label='Supprimer « Deux »']").await;
    assert_eq!(page.texts("[data-testid=brouillon] h3"), ["Trois", "Un"]);
    assert_eq!(stored_store().drafts.len(), 2);
    assert!(page
        .text("[data-testid=statut-brouillons]")
        .starts_with("Brouillon « Deux » supprimé."));
    let focused = document()
        .active_element()
        .map(|e| normalise(&e.text_content().unwrap_or_default()));
    assert_eq!(
        focused.as_deref(),
        Some("Annuler"),
        "focus moves to the undo button"
    );
    page.click_text(".drafts-status button", "Annuler").await;
    assert_eq!(
        page.texts("[data-testid=brouillon] h3"),
        ["Trois", "Deux", "Un"]
    );
    let names: Vec<String> = stored_store().drafts.into_iter().map(|d| d.name).collect();
    assert_eq!(names, ["Un", "Deux", "Trois"]);
    assert!(page.try_find(".drafts-status button").is_none());
}

#[wasm_bindgen_test]
async fn unreadable_stored_text_is_set_aside_intact_and_reported() {
    let garbage = "{\"version\": 1, \"drafts\": [ oops";
    reset_storage(Some(garbage));
    let (page, _) = mount_drafts("/brouillons").await;
    let notice = page.text("[data-testid=avis-stockage]");
    assert!(notice.contains("n'ont pas pu être lues"), "{notice}");
    let storage = storage();
    let aside: Vec<String> = (0..storage.length().unwrap_or(0))
        .filter_map(|i| storage.key(i).ok().flatten())
        .filter(|k| k.starts_with("cosens.brouillons.illisible."))
        .collect();
    assert_eq!(aside.len(), 1, "{aside:?}");
    assert_eq!(
        storage.get_item(&aside[0]).unwrap().as_deref(),
        Some(garbage)
    );
    assert!(notice.contains(&aside[0]), "{notice}");
    // It can be downloaded raw from the screen.
    assert!(page
        .texts("[data-testid=donnees-mises-de-cote] button")
        .contains(&format!("Télécharger « {} »", aside[0])));
    // The key now holds a readable (empty) store.
    assert!(stored_store().drafts.is_empty());
}

#[wasm_bindgen_test]
async fn another_tabs_write_is_merged_but_the_open_draft_keeps_this_tabs_version() {
    reset_storage(Some(&store_of(&["Ouvert ici"])));
    let (_page, drafts) = mount_drafts("/brouillons").await;
    let id = first_id(&drafts);
    drafts.editing.set(Some(id.clone()));
    drafts
        .update_draft(&id, |d| d.enrolment.notes = "saisi ici".into())
        .expect("update");
    // The other tab renamed the open draft and added one.
    let mut theirs = stored_store();
    theirs.drafts[0].enrolment.notes = "saisi là-bas".into();
    let theirs = theirs
        .create(
            "De l'autre onglet",
            QuoteForm::default(),
            "2026-11-26T15:00:00+01:00",
        )
        .expect("create")
        .0;
    drafts.receive(Some(&theirs.to_json()));
    drafts.store.with_untracked(|s| {
        assert_eq!(s.drafts.len(), 2);
        assert_eq!(s.get(&id).unwrap().enrolment.notes, "saisi ici");
        assert!(s.drafts.iter().any(|d| d.name == "De l'autre onglet"));
    });
}

// ---------------------------------------------------------------------------------------
// One draft
// ---------------------------------------------------------------------------------------

#[wasm_bindgen_test]
async fn unknown_draft_id_says_so_with_a_link_back_to_the_list() {
    reset_storage(None);
    let (page, _) = mount_drafts("/brouillons/nexiste-pas").await;
    assert_eq!(page.text("h1"), "Brouillon introuvable");
    assert!(page
        .text("[data-testid=brouillon-introuvable]")
        .contains("« nexiste-pas »"));
    // The list's page folder (a static host answers it without a redirect).
    assert_eq!(
        page.attribute("a[href='/brouillons/']", "href").as_deref(),
        Some("/brouillons/")
    );
}

#[wasm_bindgen_test]
async fn draft_page_shows_the_quote_of_the_draft() {
    let page = open_only_draft("Devis").await;
    assert_eq!(page.text("h1"), "Brouillon : Devis");
    assert_eq!(page.text("[data-testid=brouillon-total-ht]"), "4 500,00 €");
    assert_eq!(page.text("[data-testid=brouillon-total-ttc]"), "5 400,00 €");
    page.choose("#brouillon-financement", "opco").await;
    page.type_into("#brouillon-montant-opco", "2 000").await;
    assert_eq!(
        page.text("[data-testid=brouillon-reste-a-charge]"),
        "3 400,00 €"
    );
    pause_in_typing().await;
    assert_eq!(stored_store().drafts[0].form.opco_amount, "2 000");
}

#[wasm_bindgen_test]
async fn siret_with_a_wrong_key_is_flagged_next_to_the_field_then_cleared() {
    let page = open_only_draft("Entreprise").await;
    assert_eq!(
        page.attribute("#client-siret", "aria-describedby")
            .as_deref(),
        Some("aide-client-siret erreur-client-siret")
    );
    page.type_into("#client-siret", "732 829 320 00075").await;
    assert_eq!(
        page.attribute("#client-siret", "aria-invalid").as_deref(),
        Some("true")
    );
    assert!(page
        .text("#erreur-client-siret")
        .contains("clé de contrôle (formule de Luhn)"));
    page.type_into("#client-siret", "732 829 320 00074").await;
    assert_eq!(
        page.attribute("#client-siret", "aria-invalid").as_deref(),
        Some("false")
    );
    assert_eq!(page.text("#erreur-client-siret"), "");
    pause_in_typing().await;
    assert_eq!(
        stored_store().drafts[0].enrolment.client.siret,
        "732 829 320 00074"
    );
}

#[wasm_bindgen_test]
async fn details_are_saved_as_the_user_types() {
    let page = open_only_draft("Saisie").await;
    page.click("#client-particulier").await;
    page.type_into("#client-nom", "Camille Martin").await;
    page.type_into("#client-email", "camille@exemple.fr").await;
    page.type_into("#client-telephone", "+33 6 12 34 56 78")
        .await;
    page.choose("#brouillon-lieu", "Paris").await;
    page.choose("#brouillon-modalite", "Présentiel").await;
    // Written once typing pauses, and the page says where it stands.
    assert_eq!(
        page.text("[data-testid=etat-enregistrement]"),
        "Enregistrement…"
    );
    assert_eq!(stored_store().drafts[0].enrolment.client.name, "");
    pause_in_typing().await;
    assert_eq!(
        page.text("[data-testid=etat-enregistrement]"),
        "Enregistré dans ce navigateur."
    );
    let stored = stored_store();
    let e = &stored.drafts[0].enrolment;
    assert_eq!(e.client.kind.key(), "particulier");
    assert_eq!(e.client.name, "Camille Martin");
    assert_eq!(e.client.email, "camille@exemple.fr");
    assert_eq!(e.client.phone, "+33 6 12 34 56 78");
    assert_eq!(e.place, "Paris");
    assert_eq!(e.mode, "Présentiel");
    assert_eq!(page.text("#erreur-client-email"), "");
    assert_eq!(page.text("#erreur-client-telephone"), "");
}

#[wasm_bindgen_test]
async fn trainees_are_added_and_removed_and_capped_by_the_simulation() {
    let page = open_only_draft("Stagiaires").await;
    page.click_text("button", "Ajouter un stagiaire").await;
    page.type_into("#stagiaire-1-nom", "Alex").await;
    page.click_text("button", "Ajouter un stagiaire").await;
    page.type_into("#stagiaire-2-nom", "Sam").await;
    assert_eq!(page.text("label[for=stagiaire-2-nom]"), "Stagiaire 2 : nom");
    // The simulation plans one trainee: two named is flagged next to the list.
    assert!(page
        .text("#erreur-stagiaires-liste")
        .contains("2 stagiaires sont nommés alors que la simulation en prévoit 1"));
    page.click_text("button", "Retirer le stagiaire 1").await;
    assert!(page.try_find("#stagiaire-2-nom").is_none());
    let name: HtmlInputElement = page.find("#stagiaire-1-nom").unchecked_into();
    assert_eq!(name.value(), "Sam");
    pause_in_typing().await;
    let stored = stored_store();
    assert_eq!(stored.drafts[0].enrolment.trainees.len(), 1);
    assert_eq!(stored.drafts[0].enrolment.trainees[0].name, "Sam");
}

#[wasm_bindgen_test]
async fn verifier_la_demande_lists_what_is_missing() {
    let page = open_only_draft("Vide").await;
    assert_eq!(page.text("#erreur-client-email"), "");
    page.click_text("button", "Vérifier la demande").await;
    let summary = page.text("[data-testid=verification]");
    assert!(summary.contains("à compléter"), "{summary}");
    assert!(summary.contains("SIRET"), "{summary}");
    assert_eq!(
        page.text("#erreur-client-email"),
        "Indiquez une adresse e-mail pour vous répondre."
    );
}

// ---------------------------------------------------------------------------------------
// "Enregistrer le brouillon" in the simulator
// ---------------------------------------------------------------------------------------

#[wasm_bindgen_test]
async fn the_drafts_page_keeps_the_quote_the_simulator_handed_over_then_updates_that_draft() {
    reset_storage(None);
    // « Enregistrer le brouillon » in the simulator: the quote handed over, then this page.
    let form = QuoteForm {
        trainees: "2".into(),
        ..QuoteForm::default()
    };
    assert!(hand_off(form.clone(), None));
    let (page, _) = mount_drafts("/brouillon?enregistrer=1").await;
    let stored = stored_store();
    assert_eq!(stored.drafts.len(), 1);
    assert_eq!(stored.drafts[0].form.trainees, "2");
    let id = stored.drafts[0].id.clone();
    // The draft at its own address, its name in the heading, the save said.
    assert_eq!(
        window().location().pathname().ok(),
        Some(format!("/brouillons/{id}"))
    );
    assert!(
        page.text("h1").starts_with("Brouillon : "),
        "{}",
        page.text("h1")
    );
    let status = page.text("[data-testid=statut-brouillon]");
    assert!(status.contains("enregistré"), "{status}");
    drop(page);

    // Saved again from the simulator loaded with that draft: the same draft is updated.
    let again = QuoteForm {
        trainees: "3".into(),
        ..form
    };
    assert!(hand_off(again, Some(id.clone())));
    let (page, _) = mount_drafts("/brouillon?enregistrer=1").await;
    let stored = stored_store();
    assert_eq!(stored.drafts.len(), 1);
    assert_eq!(stored.drafts[0].form.trainees, "3");
    assert!(page
        .text("[data-testid=statut-brouillon]")
        .contains("mis à jour"));
}
