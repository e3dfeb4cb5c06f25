//! The share link codec: a quote's selection in a short, URL-safe text, and back.
//!
//! Format 1: `1~<catalogue version>~<formula>~<trainees>~<coaching days>~<certification>~<vat>~<funding>`
//! - formula: `C` (full course) or `M` followed by the module digits (`M134`);
//! - certification: `1` or `0`; vat: `N` (20 %) or `E` (exempt);
//! - funding: `0` (none), `O<amount>` (OPCO, amount in euros with `.` and up to 2 decimals),
//!   `P` (CPF: the balance is personal and never travels in a link).
//!
//! Format 2, for a quote with a session: format 1's fields, then `~<session id>`
//! (lower-case letters, digits, hyphens; see `catalogue::Session`). A quote without a
//! session is written in format 1, as before sessions existed; both formats are read.
//!
//! Only the selection travels: no name, no e-mail, no price. Prices are recomputed from the
//! catalogue on arrival. Every character is URL-safe (`~`, `.`, digits, letters).

use chrono::NaiveDate;

use super::catalogue::{session_id_is_valid, Catalogue};
use super::money::parse_amount;
use super::order::sort_by_key;
use super::quote_form::{FundingChoice, QuoteForm};
use super::sessions::drop_unavailable;

/// The link's format version, without a session.
pub const FORMAT: &str = "1";
/// The link's format version with a session.
pub const FORMAT_WITH_SESSION: &str = "2";
/// The query parameter that carries the encoded selection.
pub const PARAM: &str = crate::domain::site::SHARE_PARAM;
/// Longer input is refused before any parsing.
pub const MAX_LEN: usize = 170;

/// A decoded link: the form to load, and the catalogue version it was made under.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SharedQuote {
    pub form: QuoteForm,
    pub catalogue_version: String,
    /// Why the session the link named was left out (gone, full or begun), set by
    /// [`decode_for`].
    pub session_notice: Option<String>,
}

impl SharedQuote {
    /// The notice to show when the link was made under another catalogue.
    pub fn version_notice(&self, current_version: &str) -> Option<String> {
        (self.catalogue_version != current_version).then(|| {
            format!(
                "Ce lien a été créé avec la version {} du catalogue ; les prix affichés sont ceux de la version actuelle ({}).",
                self.catalogue_version, current_version
            )
        })
    }
}

/// Why a link could not be read, in French for the screen.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ShareLinkError(pub String);

impl ShareLinkError {
    fn new(detail: &str) -> Self {
        ShareLinkError(format!(
            "Ce lien de devis est illisible ou incomplet ({detail}). Le simulateur s'ouvre avec le devis par défaut."
        ))
    }
}

/// Encodes the selection of `form` under `catalogue_version`.
pub fn encode(form: &QuoteForm, catalogue_version: &str) -> String {
    let formula = if form.full_course {
        "C".to_owned()
    } else {
        let mut modules = form.modules.clone();
        sort_by_key(&mut modules, |n| *n);
        modules.dedup();
        let digits: String = modules
            .iter()
            .filter(|m| (1..=9).contains(*m))
            .map(|m| char::from(b'0' + m))
            .collect();
        format!("M{digits}")
    };
    let funding = match form.funding {
        FundingChoice::Aucun => "0".to_owned(),
        FundingChoice::Opco => match parse_amount(&form.opco_amount) {
            Some(amount) => format!("O{}", amount.normalize()),
            None => "O".to_owned(),
        },
        FundingChoice::Cpf => "P".to_owned(),
    };
    let session = safe_session(&form.session);
    let mut fields = vec![
        if session.is_empty() {
            FORMAT
        } else {
            FORMAT_WITH_SESSION
        }
        .to_owned(),
        safe_version(catalogue_version),
        formula,
        number_field(&form.trainees),
        number_field(&form.coaching_days),
        if form.certification { "1" } else { "0" }.to_owned(),
        if form.vat_exempt { "E" } else { "N" }.to_owned(),
        funding,
    ];
    if !session.is_empty() {
        fields.push(session);
    }
    fields.join("~")
}

/// A session id kept when it is one a catalogue can hold, else empty (no session).
fn safe_session(id: &str) -> String {
    if session_id_is_valid(id) {
        id.to_owned()
    } else {
        String::new()
    }
}

/// The whole link: `page` is the address of the simulator's page, origin and folder
/// (`https://exemple.fr/sous/chemin/simulateur/`), which any static host answers without a
/// rewrite rule or a redirect; the simulator loads the quote there.
pub fn share_url(page: &str, code: &str) -> String {
    format!("{}/?{PARAM}={code}", page.trim_end_matches('/'))
}

/// Decodes a link's parameter. Never panics; anything unexpected is an error.
pub fn decode(text: &str) -> Result<SharedQuote, ShareLinkError> {
    if text.len() > MAX_LEN {
        return Err(ShareLinkError::new("trop long"));
    }
    if !text.is_ascii() {
        return Err(ShareLinkError::new("caractères inattendus"));
    }
    let mut parts: Vec<&str> = text.split('~').collect();
    let session = match parts.first().copied() {
        Some(FORMAT) if parts.len() == 8 => "",
        Some(FORMAT_WITH_SESSION) if parts.len() == 9 => parts.pop().unwrap_or_default(),
        Some(FORMAT | FORMAT_WITH_SESSION) => {
            return Err(ShareLinkError::new("nombre de champs inattendu"))
        }
        _ => return Err(ShareLinkError::new("format de lien inconnu")),
    };
    if parts.first() == Some(&FORMAT_WITH_SESSION)
        && (session.is_empty() || safe_session(session) != session)
    {
        return Err(ShareLinkError::new("session"));
    }
    let [_, version, formula, trainees, coaching, certification, vat, funding] = parts.as_slice()
    else {
        return Err(ShareLinkError::new("nombre de champs inattendu"));
    };
    if version.is_empty()
        || version.len() > 20
        || !version
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '.' || c == '-')
    {
        return Err(ShareLinkError::new("version du catalogue"));
    }
    let mut form = QuoteForm::default();
    match formula.split_at_checked(1) {
        Some(("C", "")) => form.choose_full_course(true),
        Some(("M", digits)) if !digits.is_empty() && digits.len() <= 9 => {
            form.choose_full_course(false);
            for d in digits.bytes() {
                if !(b'1'..=b'9').contains(&d) {
                    return Err(ShareLinkError::new("modules"));
                }
                form.toggle_module(d - b'0', true);
            }
        }
        _ => return Err(ShareLinkError::new("formule")),
    }
    form.trainees = count_field(trainees, "nombre de stagiaires")?;
    form.coaching_days = count_field(coaching, "jours d'accompagnement")?;
    form.certification = match *certification {
        "1" => true,
        "0" => false,
        _ => return Err(ShareLinkError::new("accès à la certification")),
    };
    form.vat_exempt = match *vat {
        "N" => false,
        "E" => true,
        _ => return Err(ShareLinkError::new("TVA")),
    };
    match funding.split_at_checked(1) {
        Some(("0", "")) => form.funding = FundingChoice::Aucun,
        Some(("P", "")) => form.funding = FundingChoice::Cpf,
        Some(("O", amount)) => {
            form.funding = FundingChoice::Opco;
            if !amount.is_empty() {
                if parse_amount(amount).is_none() || amount.contains(',') {
                    return Err(ShareLinkError::new("montant OPCO"));
                }
                form.opco_amount = amount.replace('.', ",");
            }
        }
        _ => return Err(ShareLinkError::new("financement")),
    }
    form.session = session.to_owned();
    Ok(SharedQuote {
        form,
        catalogue_version: (*version).to_owned(),
        session_notice: None,
    })
}

/// Decodes a link and checks its selection against `catalogue` on `date`: a module the
/// catalogue does not have, or a count out of range, makes the whole link an error (the
/// simulator then opens with the default quote). The CPF balance never travels in a link:
/// the quote opens priced, its CPF share pending until the trainee types the balance. A
/// session no longer on offer on `date` (gone, full, begun) is left out, and
/// [`SharedQuote::session_notice`] says why: the quote still opens.
pub fn decode_for(
    catalogue: &Catalogue,
    text: &str,
    date: NaiveDate,
) -> Result<SharedQuote, ShareLinkError> {
    let mut shared = decode(text)?;
    shared.session_notice = drop_unavailable(catalogue, &mut shared.form, date);
    match shared.form.to_simulated_request(catalogue, date) {
        Ok(_) => Ok(shared),
        Err(errors) => Err(ShareLinkError(format!(
            "Ce lien de devis contient une sélection impossible : {} Le simulateur s'ouvre avec le devis par défaut.",
            errors.first().map(|e| e.message.as_str()).unwrap_or_default()
        ))),
    }
}

/// A count as typed, kept when it is a plain number of at most 6 digits, else empty.
fn number_field(typed: &str) -> String {
    let t = typed.trim();
    if !t.is_empty() && t.len() <= 6 && t.bytes().all(|b| b.is_ascii_digit()) {
        t.trim_start_matches('0').to_owned().max("0".to_owned())
    } else {
        String::new()
    }
}

fn count_field(text: &str, name: &str) -> Result<String, ShareLinkError> {
    if text.len() <= 6 && text.bytes().all(|b| b.is_ascii_digit()) {
        Ok(text.to_owned())
    } else {
        Err(ShareLinkError::new(name))
    }
}

fn safe_version(version: &str) -> String {
    version
        .chars()
        .filter(|c| c.is_ascii_alphanumeric() || *c == '.' || *c == '-')
        .take(20)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn largest() -> QuoteForm {
        QuoteForm {
            full_course: false,
            modules: vec![1, 2, 3, 4, 5],
            trainees: "50".into(),
            coaching_days: "3".into(),
            certification: true,
            vat_exempt: true,
            funding: FundingChoice::Opco,
            opco_amount: "999 999 999 999,99".into(),
            ..QuoteForm::default()
        }
    }

    #[test]
    fn default_quote_makes_a_short_link() {
        assert_eq!(
            encode(&QuoteForm::default(), "2026.1"),
            "1~2026.1~C~1~0~1~N~0"
        );
    }

    #[test]
    fn the_largest_quote_stays_short() {
        let code = encode(&largest(), "2026.1");
        assert!(code.len() < 60, "{code} is {} characters", code.len());
        assert_eq!(decode(&code).unwrap().form.opco_amount, "999999999999,99");
    }

    fn catalogue() -> Catalogue {
        Catalogue::fixture()
    }

    fn day() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 26).unwrap()
    }

    #[test]
    fn a_link_naming_a_module_the_catalogue_lacks_is_refused() {
        let error = decode_for(&catalogue(), "1~2026.1~M19~1~0~0~N~0", day()).unwrap_err();
        assert!(error.0.contains("sélection impossible"), "{}", error.0);
    }

    #[test]
    fn a_link_with_too_many_trainees_is_refused_with_the_range() {
        let error = decode_for(&catalogue(), "1~2026.1~C~51~0~1~N~0", day()).unwrap_err();
        assert!(error.0.contains("50"), "{}", error.0);
    }

    #[test]
    fn a_cpf_link_opens_and_waits_for_the_balance() {
        let shared = decode_for(&catalogue(), "1~2026.1~C~1~0~1~N~P", day()).unwrap();
        assert_eq!(shared.form.funding, FundingChoice::Cpf);
        assert_eq!(shared.form.cpf_balance, "");
    }

    #[test]
    fn a_cpf_link_opens_with_its_totals_and_its_cpf_share_pending() {
        // Audit finding 3: the full course, a coaching day and the certification, CPF,
        // opened in a fresh browser: the quote is priced as its sender saw it, the balance
        // asked for.
        let c = catalogue();
        let shared = decode_for(&c, "1~2026.1~C~1~1~1~N~P", day()).unwrap();
        let request = shared.form.to_simulated_request(&c, day()).unwrap();
        let quote = crate::domain::pricing::price_quote(&c, &request).unwrap();
        assert_eq!(quote.total_ht, crate::domain::money::dec("5500.00"));
        assert_eq!(quote.total_ttc, crate::domain::money::dec("6600.00"));
        assert!(quote.cpf_balance_pending());
        let rows = crate::domain::pricing::total_rows(&quote, true);
        let remaining = rows.last().expect("a remaining row");
        assert_eq!(remaining.amount_fr(), crate::domain::pricing::PENDING_FR);
        // A draft or an export still needs the balance.
        assert!(shared.form.to_request(&c, day()).is_err());
    }

    #[test]
    fn what_the_link_adds_to_the_site_address_stays_under_200_characters() {
        let site = "https://exemple.fr/sous/chemin";
        let url = share_url(
            &format!("{site}/simulateur/"),
            &encode(&largest(), "2026.1"),
        );
        assert!(
            url.starts_with(
                "https://exemple.fr/sous/chemin/simulateur/?devis=1~2026.1~M12345~50~3~1~E~O"
            ),
            "{url}"
        );
        assert!(url.len() - site.len() < 200, "{url}");
    }

    #[test]
    fn a_quote_with_a_session_travels_in_format_2_and_stays_under_200_characters() {
        let mut form = largest();
        form.session = "a".repeat(40);
        let code = encode(&form, "2026.1");
        assert!(code.starts_with("2~2026.1~M12345~50~3~1~E~O"), "{code}");
        assert!(code.ends_with(&format!("~{}", "a".repeat(40))), "{code}");
        let site = "https://exemple.fr/sous/chemin";
        let url = share_url(&format!("{site}/simulateur/"), &code);
        assert!(
            url.len() - site.len() < 200,
            "{} characters: {url}",
            url.len() - site.len()
        );
        assert_eq!(decode(&code).unwrap().form.session, "a".repeat(40));
        // Without a session, the link is format 1 as before.
        form.session.clear();
        assert!(encode(&form, "2026.1").starts_with("1~"));
    }

    #[test]
    fn a_link_to_an_open_session_opens_with_it() {
        let shared = decode_for(&catalogue(), "2~2026.1~C~1~0~1~N~0~paris-2027-03", day()).unwrap();
        assert_eq!(shared.form.session, "paris-2027-03");
        assert_eq!(shared.session_notice, None);
    }

    #[test]
    fn a_link_whose_session_is_gone_full_or_begun_opens_without_it_and_says_why() {
        let c = catalogue();
        for (code, date, why) in [
            (
                "2~2026.1~C~1~0~1~N~0~lyon-2027",
                day(),
                "n'est plus au catalogue",
            ),
            (
                "2~2026.1~M3~1~0~0~N~0~marseille-2027-05",
                day(),
                "est complète",
            ),
            (
                "2~2026.1~C~1~0~1~N~0~paris-2027-03",
                NaiveDate::from_ymd_opt(2027, 3, 10).unwrap(),
                "a déjà commencé",
            ),
        ] {
            let shared = decode_for(&c, code, date).unwrap();
            assert_eq!(shared.form.session, "", "{code}");
            let notice = shared.session_notice.unwrap();
            assert!(notice.contains(why), "{notice}");
            assert!(notice.contains("le devis s'ouvre sans session"), "{notice}");
        }
    }

    #[test]
    fn a_malformed_session_field_is_refused() {
        for code in [
            "2~2026.1~C~1~0~1~N~0~",
            "2~2026.1~C~1~0~1~N~0~Paris_2027",
            "2~2026.1~C~1~0~1~N~0",
            "1~2026.1~C~1~0~1~N~0~paris-2027-03",
        ] {
            assert!(decode(code).is_err(), "{code}");
        }
    }

    #[test]
    fn a_link_gives_back_its_selection() {
        let shared = decode(&encode(&largest(), "2026.1")).unwrap();
        assert_eq!(shared.catalogue_version, "2026.1");
        let f = shared.form;
        assert_eq!(f.modules, vec![1, 2, 3, 4, 5]);
        assert!(!f.full_course && f.certification && f.vat_exempt);
        assert_eq!((f.trainees.as_str(), f.coaching_days.as_str()), ("50", "3"));
    }

    #[test]
    fn cpf_balance_never_travels() {
        let form = QuoteForm {
            funding: FundingChoice::Cpf,
            cpf_balance: "1234,56".into(),
            cpf_exempt: true,
            ..QuoteForm::default()
        };
        let code = encode(&form, "2026.1");
        assert!(!code.contains("1234"));
        let back = decode(&code).unwrap().form;
        assert_eq!(back.funding, FundingChoice::Cpf);
        assert_eq!(back.cpf_balance, "");
    }

    #[test]
    fn another_catalogue_version_opens_with_a_notice() {
        let shared = decode("1~2025.3~C~1~0~1~N~0").unwrap();
        assert!(shared.version_notice("2026.1").unwrap().contains("2025.3"));
        assert_eq!(shared.version_notice("2025.3"), None);
    }

    #[test]
    fn malformed_truncated_and_hostile_links_are_refused() {
        let long = "1~".repeat(200);
        for bad in [
            "",
            "1",
            "2~2026.1~C~1~0~1~N~0",
            "1~2026.1~C~1~0~1~N",
            "1~2026.1~C~1~0~1~N~0~extra",
            "1~2026.1~X~1~0~1~N~0",
            "1~2026.1~M~1~0~1~N~0",
            "1~2026.1~M0~1~0~1~N~0",
            "1~2026.1~Mé~1~0~1~N~0",
            "1~2026.1~C~-1~0~1~N~0",
            "1~2026.1~C~9999999~0~1~N~0",
            "1~2026.1~C~1~0~2~N~0",
            "1~2026.1~C~1~0~1~Z~0",
            "1~2026.1~C~1~0~1~N~Oabc",
            "1~2026.1~C~1~0~1~N~O-5",
            "1~<script>~C~1~0~1~N~0",
            "1~~C~1~0~1~N~0",
            long.as_str(),
            "%00%00",
            "1~2026.1~C~1~0~1~N~0\u{0}",
        ] {
            let err = decode(bad).expect_err(bad);
            assert!(err.0.contains("illisible"), "{bad:?}: {}", err.0);
        }
    }

    #[test]
    fn out_of_range_values_decode_and_are_then_reported_by_the_form() {
        // A count of 99 trainees is well-formed: the simulator shows its own range message.
        let shared = decode("1~2026.1~C~99~0~1~N~0").unwrap();
        assert_eq!(shared.form.trainees, "99");
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod properties {
    use super::*;
    use proptest::prelude::*;

    fn any_form() -> impl Strategy<Value = QuoteForm> {
        (
            any::<bool>(),
            prop::collection::btree_set(1u8..=5, 1..=5),
            0u32..=60,
            0u32..=5,
            any::<bool>(),
            any::<bool>(),
            0usize..3,
            0i64..100_000_000_000_000,
        )
            .prop_map(
                |(full, modules, trainees, coaching, cert, exempt, funding, cents)| {
                    let mut form = QuoteForm::default();
                    form.choose_full_course(full);
                    form.modules = if full {
                        Vec::new()
                    } else {
                        modules.into_iter().collect()
                    };
                    form.trainees = trainees.to_string();
                    form.coaching_days = coaching.to_string();
                    form.certification = cert;
                    form.vat_exempt = exempt;
                    form.funding = FundingChoice::ALL[funding];
                    form.session = if cents % 3 == 0 {
                        format!("s-{}", cents % 1000)
                    } else {
                        String::new()
                    };
                    if form.funding == FundingChoice::Opco {
                        form.opco_amount = rust_decimal::Decimal::new(cents, 2)
                            .normalize()
                            .to_string()
                            .replace('.', ",");
                    }
                    form
                },
            )
    }

    proptest! {
        #[test]
        fn encode_then_decode_gives_back_the_selection(form in any_form()) {
            let code = encode(&form, "2026.1");
            prop_assert!(code.len() <= MAX_LEN);
            let back = decode(&code).map_err(|e| TestCaseError::fail(e.0))?.form;
            let mut expected = form.clone();
            if expected.full_course { expected.modules = Vec::new(); }
            prop_assert_eq!(back, expected);
        }

        #[test]
        fn decoding_any_text_never_panics(text in ".{0,200}") {
            let _ = decode(&text);
        }

        #[test]
        fn decoding_link_shaped_noise_never_panics(parts in prop::collection::vec("[A-Z0-9.~-]{0,12}", 0..12)) {
            let _ = decode(&parts.join("~"));
        }
    }
}
