#![cfg(target_arch = "wasm32")]
//! Component tests: the real Leptos screens mounted into a fresh element of the test
//! page, driven through the DOM as a user would (typing, ticking, choosing), asserting
//! on what they render.
//!
//! Run with `cargo test --target wasm32-unknown-unknown --test components` (headless
//! Chromium through `wasm-bindgen-test-runner`, see `webdriver.json`).

wasm_bindgen_test::wasm_bindgen_test_configure!(run_in_browser);

mod harness;

use harness::*;

use chrono::NaiveDate;
use leptos::prelude::*;
use leptos::tachys::view::Mountable;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::wasm_bindgen_test;
use web_sys::HtmlInputElement;

use cosens_simulateur::domain::catalogue::Catalogue;
use cosens_simulateur::ui::app;
use cosens_simulateur::ui::catalogue::CataloguePage;
use cosens_simulateur::ui::groups::All;
use cosens_simulateur::ui::router::CurrentScreen;
use cosens_simulateur::ui::simulator::SimulatorPage;

// ---------------------------------------------------------------------------------------
// Harness (the shared part is in tests/harness/)
// ---------------------------------------------------------------------------------------

/// The date the shared quote is priced on.
fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2025, 6, 2).expect("a date")
}

async fn mount_catalogue() -> Mounted<impl Mountable> {
    go_to("/");
    mount(|| {
        provide_app_contexts(today());
        view! { <CataloguePage /> }
    })
    .await
}

async fn mount_simulator(path: &str) -> Mounted<impl Mountable> {
    go_to(path);
    mount(|| {
        provide_app_contexts(today());
        view! { <SimulatorPage /> }
    })
    .await
}

/// The module page's route, at `path`.
async fn mount_module_page(path: &str) -> Mounted<impl Mountable> {
    go_to(path);
    mount(|| {
        provide_app_contexts(today());
        view! { <CurrentScreen /> }
    })
    .await
}

// ---------------------------------------------------------------------------------------
// Catalogue
// ---------------------------------------------------------------------------------------

#[wasm_bindgen_test]
async fn catalogue_shows_five_module_cards() {
    let page = mount_catalogue().await;
    let cards = page.texts("[data-testid=carte-module] h3");
    assert_eq!(cards.len(), 5, "{cards:?}");
    for (i, card) in cards.iter().enumerate() {
        assert!(card.starts_with(&format!("Module {} :", i + 1)), "{card}");
    }
    assert_eq!(
        page.text("[data-testid=nombre-modules]"),
        "5 modules correspondent."
    );
}

#[wasm_bindgen_test]
async fn searching_referentiel_without_accents_leaves_only_module_3() {
    let page = mount_catalogue().await;
    page.type_into("#recherche", "referentiel").await;
    let cards = page.texts("[data-testid=carte-module] h3");
    assert_eq!(cards.len(), 1, "{cards:?}");
    assert!(
        cards[0].starts_with("Module 3 : Réaliser le référentiel"),
        "{}",
        cards[0]
    );
    assert_eq!(
        page.text("[data-testid=nombre-modules]"),
        "1 module correspond."
    );
}

#[wasm_bindgen_test]
async fn search_matching_nothing_says_so_and_clearing_it_brings_the_cards_back() {
    let page = mount_catalogue().await;
    page.type_into("#recherche", "zzzz").await;
    assert!(page.find_all("[data-testid=carte-module]").is_empty());
    assert_eq!(
        page.text("[data-testid=nombre-modules]"),
        "Aucun module ne correspond à la recherche."
    );
    page.type_into("#recherche", "").await;
    assert_eq!(page.find_all("[data-testid=carte-module]").len(), 5);
}

#[wasm_bindgen_test]
async fn two_days_filter_leaves_modules_3_and_4() {
    let page = mount_catalogue().await;
    let two_days = page
        .find_text("#filtre-duree option", "2 jours")
        .get_attribute("value")
        .expect("a value for \"2 jours\"");
    page.choose("#filtre-duree", &two_days).await;
    let cards = page.texts("[data-testid=carte-module] h3");
    assert_eq!(cards.len(), 2, "{cards:?}");
    assert!(cards[0].starts_with("Module 3 :"), "{cards:?}");
    assert!(cards[1].starts_with("Module 4 :"), "{cards:?}");
    assert!(page
        .texts("[data-testid=carte-module] .card-meta")
        .iter()
        .all(|meta| meta.starts_with("2 jours")));
}

// ---------------------------------------------------------------------------------------
// Simulator
// ---------------------------------------------------------------------------------------

#[wasm_bindgen_test]
async fn simulator_defaults_to_the_full_course_for_one_trainee() {
    let page = mount_simulator("/simulateur").await;
    assert_eq!(page.text("[data-testid=total-ht]"), "4 500,00 €");
    assert_eq!(page.text("[data-testid=total-tva]"), "900,00 €");
    assert_eq!(page.text("[data-testid=total-ttc]"), "5 400,00 €");
    assert_eq!(page.text("[data-testid=reste-a-charge]"), "5 400,00 €");
    let full: HtmlInputElement = page.find("#formule-complet").unchecked_into();
    assert!(full.checked());
    assert!(page
        .try_find("[data-testid=conseil-parcours-complet]")
        .is_none());
}

#[wasm_bindgen_test]
async fn modular_course_with_modules_1_to_4_advises_the_full_course() {
    let page = mount_simulator("/simulateur").await;
    page.click("#formule-modulaire").await;
    for n in 1..=4 {
        page.click(&format!("#module-{n}")).await;
    }
    for n in 1..=4 {
        let ticked: HtmlInputElement = page.find(&format!("#module-{n}")).unchecked_into();
        assert!(ticked.checked(), "module {n} ticked");
    }
    let module_5: HtmlInputElement = page.find("#module-5").unchecked_into();
    assert!(!module_5.checked());
    // 800 + 800 + 1 500 + 1 500, without the certification (unticked with modules).
    assert_eq!(page.text("[data-testid=total-ht]"), "4 600,00 €");
    let advice = page.text("[data-testid=conseil-parcours-complet]");
    assert!(advice.contains("module 5"), "{advice}");
}

#[wasm_bindgen_test]
async fn invalid_trainee_counts_show_the_error_and_keep_the_last_valid_total() {
    let page = mount_simulator("/simulateur").await;
    for (typed, expected) in [
        (
            "0",
            "Le nombre de stagiaires doit être compris entre 1 et 50.",
        ),
        ("abc", "Indiquez un nombre entier de stagiaires, de 1 à 50."),
    ] {
        page.type_into("#stagiaires", typed).await;
        assert_eq!(
            page.attribute("#stagiaires", "aria-invalid").as_deref(),
            Some("true"),
            "after typing {typed:?}"
        );
        assert_eq!(
            page.text("#erreur-stagiaires"),
            expected,
            "after typing {typed:?}"
        );
        assert_eq!(page.text("[data-testid=total-ht]"), "4 500,00 €");
        assert_eq!(page.text("[data-testid=total-ttc]"), "5 400,00 €");
        assert!(page
            .text(".results")
            .contains("le dernier devis valide reste affiché"));
    }
}

#[wasm_bindgen_test]
async fn correcting_the_trainee_count_clears_the_error_and_reprices() {
    let page = mount_simulator("/simulateur").await;
    page.type_into("#stagiaires", "0").await;
    page.type_into("#stagiaires", "2").await;
    assert_eq!(
        page.attribute("#stagiaires", "aria-invalid").as_deref(),
        Some("false")
    );
    assert_eq!(page.text("#erreur-stagiaires"), "");
    assert_eq!(page.text("[data-testid=total-ht]"), "9 000,00 €");
    assert_eq!(page.text("[data-testid=total-ttc]"), "10 800,00 €");
    assert!(!page.text(".results").contains("dernier devis valide"));
}

#[wasm_bindgen_test]
async fn opco_funding_updates_what_is_covered_and_what_is_left_to_pay() {
    let page = mount_simulator("/simulateur").await;
    assert!(page.try_find("#montant-opco").is_none());
    page.choose("#financement", "opco").await;
    page.type_into("#montant-opco", "2 500,00").await;
    assert_eq!(
        page.attribute("#montant-opco", "aria-invalid").as_deref(),
        Some("false")
    );
    assert_eq!(page.text("[data-testid=prise-en-charge]"), "2 500,00 €");
    assert_eq!(page.text("[data-testid=reste-a-charge]"), "2 900,00 €");
    // An agreement above the total covers the total, no more.
    page.type_into("#montant-opco", "9000").await;
    assert_eq!(page.text("[data-testid=prise-en-charge]"), "5 400,00 €");
    assert_eq!(page.text("[data-testid=reste-a-charge]"), "0,00 €");
}

#[wasm_bindgen_test]
async fn vat_exemption_makes_the_ttc_total_equal_to_the_ht_total_with_its_mention() {
    let page = mount_simulator("/simulateur").await;
    assert!(page.try_find("[data-testid=mention-tva]").is_none());
    page.choose("#tva", "exoneree").await;
    assert_eq!(page.text("[data-testid=total-tva]"), "0,00 €");
    assert_eq!(page.text("[data-testid=total-ttc]"), "4 500,00 €");
    assert!(page.text("[data-testid=mention-tva]").contains("261"));
}

#[wasm_bindgen_test]
async fn simulator_opened_from_a_module_page_prices_that_module_alone() {
    let page = mount_simulator("/simulateur?module=2").await;
    let modular: HtmlInputElement = page.find("#formule-modulaire").unchecked_into();
    assert!(modular.checked());
    let module_2: HtmlInputElement = page.find("#module-2").unchecked_into();
    assert!(module_2.checked());
    assert_eq!(page.text("[data-testid=total-ht]"), "800,00 €");
    assert_eq!(page.text("[data-testid=total-ttc]"), "960,00 €");
    go_to("/");
}

// ---------------------------------------------------------------------------------------
// Module page and the whole app
// ---------------------------------------------------------------------------------------

#[wasm_bindgen_test]
async fn module_page_for_module_2_shows_its_title_and_neighbours() {
    let page = mount_module_page("/module/2").await;
    assert_eq!(
        page.text("h1"),
        "Module 2 : Réaliser une note d'opportunité"
    );
    assert!(
        page.text(".facts").contains("800,00 € HT"),
        "{}",
        page.text(".facts")
    );
    assert_eq!(page.texts(".pager a"), ["← Module 1", "Module 3 →"]);
    let simulate = page
        .find_all("a")
        .into_iter()
        .find_map(|a| {
            a.get_attribute("href")
                .filter(|h| h.contains("/simulateur"))
        })
        .expect("a link to the simulator");
    // The simulator page's folder, which a static host answers without a redirect.
    assert_eq!(simulate, "/simulateur/?module=2");
    drop(page);
    go_to("/");
}

#[wasm_bindgen_test]
async fn module_page_for_an_unknown_module_shows_not_found() {
    let page = mount_module_page("/module/9").await;
    assert_eq!(page.text("h1"), "Page introuvable");
    drop(page);
    go_to("/");
}

#[wasm_bindgen_test]
async fn whole_app_renders_the_catalogue_at_the_root() {
    go_to("/");
    let page = mount(app::<All>).await;
    assert_eq!(page.find_all("[data-testid=carte-module]").len(), 5);
    // The app is the screen's main element; the header and footer are the page's
    // (scripts/chrome.mjs, checked end to end).
    assert_eq!(page.find_all("main#contenu").len(), 1);
    assert!(page.find_all("header, footer").is_empty());
}

// ---------------------------------------------------------------------------------------
// Sessions: the shipped file holds none
// ---------------------------------------------------------------------------------------

/// The shipped data file (`data/catalogue.json`), which holds no session: the catalogue, a
/// module's page and the simulator say « nous consulter » with the contacts, and show no
/// session date.
#[wasm_bindgen_test]
async fn the_shipped_data_file_says_nous_consulter_and_shows_no_session_date() {
    let shipped = || {
        Catalogue::from_json(include_str!("../data/catalogue.json"))
            .expect("the shipped catalogue is valid")
    };
    assert!(
        shipped().sessions.is_empty(),
        "the shipped file holds no session"
    );
    go_to("/");
    let page = mount(move || {
        provide_app_contexts_on(shipped(), today());
        view! { <CataloguePage /> }
    })
    .await;
    let listed = page.text("[data-testid=prochaines-sessions]");
    assert!(
        listed.contains("Prochaines sessions : nous consulter"),
        "{listed}"
    );
    assert!(listed.contains(&shipped().referents[0].email), "{listed}");
    assert!(page.find_all("[data-testid^=session-]").is_empty());
    assert!(page
        .find_all("[data-testid=date-limite-opco-session]")
        .is_empty());
    let access = page.text("[data-testid=fiche-formation]");
    assert!(
        access.contains("Prochaines sessions : nous consulter"),
        "{access}"
    );
    assert!(!access.contains("Prochaine session ouverte"), "{access}");
    drop(page);

    go_to("/module/3");
    let page = mount(move || {
        provide_app_contexts_on(shipped(), today());
        view! { <CurrentScreen /> }
    })
    .await;
    let dates = page.text("[data-testid=dates-module]");
    assert!(
        dates.contains("Prochaines sessions : nous consulter"),
        "{dates}"
    );
    assert!(page.find_all("[data-testid=dates-module] li").len() == shipped().referents.len());
    drop(page);

    go_to("/simulateur");
    let page = mount(move || {
        provide_app_contexts_on(shipped(), today());
        view! { <SimulatorPage /> }
    })
    .await;
    let options = page.texts("#session option");
    assert_eq!(options, ["Dates à convenir"]);
    assert!(page
        .text(".simulator-form")
        .contains("Prochaines sessions : nous consulter"));
    assert!(page.find_all("[data-testid=dates-session]").is_empty());
    drop(page);
    go_to("/");
}

#[wasm_bindgen_test]
fn broken_catalogue_is_an_error_not_a_panic() {
    let error = Catalogue::from_json("{}").expect_err("an empty object is no catalogue");
    assert!(!error.to_string().is_empty());
    assert!(Catalogue::from_json("not json").is_err());
}

/// The other tests mount the screens on the fixture catalogue; `App` reads the embedded one:
/// the file the build ships (`data/catalogue.json`, or the one `COSENS_CATALOGUE` names),
/// which the build has checked.
#[wasm_bindgen_test]
fn embedded_catalogue_validates() {
    if let Err(error) = Catalogue::embedded().validate() {
        panic!("the embedded catalogue does not validate: {error}");
    }
}
