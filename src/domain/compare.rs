//! Quotes side by side (issue 14): one row per kind of line (the course or each module,
//! coaching, certification), then the totals and the funding, each with the amount of every
//! quote and its difference from the first quote. The figures come first
//! ([`compare_quotes`]); the French labels, headers and sentences are written from them.
//!
//! Also what a comparison starts from: a sensible second quote ([`variant_of`]) and the
//! quotes of a comparison link (`/comparer?devis=A&devis=B`, [`forms_from_codes`]).

use chrono::NaiveDate;
use rust_decimal::Decimal;

use super::catalogue::Catalogue;
use super::fr::{count_fr, join_fr};
use super::money::{format_eur, round_cents};
use super::pricing::{total_rows, Formula, Funding, LineKind, Quote, TotalKind, Vat};
use super::quote_form::QuoteForm;
use super::share_link::{decode_for, PARAM};

/// A comparison holds at least two quotes…
pub const MIN_QUOTES: usize = 2;
/// … and at most three.
pub const MAX_QUOTES: usize = 3;

/// What a row of the comparison shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RowKind {
    /// A line of the quotes (HT).
    Line(LineKind),
    /// A total of the quotes (the CPF contribution: a row only when a quote has one).
    Total(TotalKind),
}

impl RowKind {
    /// A stable key for the row (the screens' `data-testid`): `module-3`, `total-ht`…
    pub fn key(self) -> String {
        match self {
            RowKind::Line(LineKind::FullCourse) => "parcours-complet".into(),
            RowKind::Line(LineKind::Module(n)) => format!("module-{n}"),
            RowKind::Line(LineKind::Coaching) => "accompagnement".into(),
            RowKind::Line(LineKind::Certification) => "certification".into(),
            RowKind::Total(kind) => kind.key().into(),
        }
    }
}

/// One row: each quote's amount and each later quote's difference from the first.
#[derive(Debug, Clone, PartialEq)]
pub struct ComparisonRow {
    pub kind: RowKind,
    /// The French label of the row.
    pub label: String,
    /// Each quote's amount, in the quotes' order; `None` where a quote has no such line.
    pub amounts: Vec<Option<Decimal>>,
    /// For each quote after the first: its amount minus the first's (a missing line
    /// counts as zero).
    pub differences: Vec<Decimal>,
}

/// Quotes side by side.
#[derive(Debug, Clone, PartialEq)]
pub struct Comparison {
    /// « Devis 1 », « Devis 2 »…
    pub headers: Vec<String>,
    /// What each quote is, in a few words: « Parcours complet, 1 stagiaire, certification ».
    pub summaries: Vec<String>,
    /// « Écart devis 2 / devis 1 »… one per quote after the first.
    pub difference_headers: Vec<String>,
    /// The lines, in the order of a quote: the course or its modules, coaching, certification.
    pub lines: Vec<ComparisonRow>,
    /// Total HT, TVA, total TTC, prise en charge, (participation CPF), reste à charge.
    pub totals: Vec<ComparisonRow>,
    /// One sentence per quote after the first, its difference from the first in words.
    pub verdicts: Vec<String>,
}

/// « Devis 2 ».
pub fn quote_name(index: usize) -> String {
    format!("Devis {}", index + 1)
}

/// Compares `quotes` (the first is the reference). Pure and total: any number of quotes,
/// none included, gives a comparison (empty rows for none).
pub fn compare_quotes(quotes: &[Quote]) -> Comparison {
    let mut kinds: Vec<LineKind> = Vec::new();
    for line in quotes.iter().flat_map(|q| &q.lines) {
        if !kinds.contains(&line.kind) {
            kinds.push(line.kind);
        }
    }
    kinds.sort_by_key(|k| line_order(*k));
    let lines = kinds
        .into_iter()
        .map(|kind| {
            let amounts = quotes
                .iter()
                .map(|q| q.lines.iter().find(|l| l.kind == kind).map(|l| l.total_ht))
                .collect();
            row(RowKind::Line(kind), line_label(quotes, kind), amounts)
        })
        .collect();
    let totals = total_rows_compared(quotes);
    let verdicts = quotes
        .iter()
        .enumerate()
        .skip(1)
        .filter_map(|(i, q)| quotes.first().map(|first| verdict(i, first, q)))
        .collect();
    Comparison {
        headers: (0..quotes.len()).map(quote_name).collect(),
        summaries: quotes.iter().map(summary).collect(),
        difference_headers: (1..quotes.len())
            .map(|i| format!("Écart devis {} / devis 1", i + 1))
            .collect(),
        lines,
        totals,
        verdicts,
    }
}

/// A difference in euros, signed: « +600,00 € », « −600,00 € » (a minus sign), « 0,00 € ».
pub fn format_difference(amount: Decimal) -> String {
    let text = format_eur(amount.abs());
    if round_cents(amount).is_zero() {
        text
    } else if amount.is_sign_negative() {
        format!("\u{2212}{text}")
    } else {
        format!("+{text}")
    }
}

/// What a quote is, in a few words: « Modules 1, 2, 3 et 4, 2 stagiaires, accompagnement
/// 1 jour, certification, OPCO ».
pub fn summary(quote: &Quote) -> String {
    let r = &quote.request;
    let mut parts = vec![
        match &r.formula {
            Formula::Full => "Parcours complet".to_owned(),
            Formula::Modular(list) if list.len() == 1 => format!("Module {}", join_fr(list)),
            Formula::Modular(list) => format!("Modules {}", join_fr(list)),
        },
        count_fr(r.trainees, "stagiaire", "stagiaires"),
    ];
    if r.coaching_days > 0 {
        parts.push(format!(
            "accompagnement {}",
            count_fr(r.coaching_days, "jour", "jours")
        ));
    }
    parts.push(
        if r.certification {
            "certification"
        } else {
            "sans certification"
        }
        .to_owned(),
    );
    if r.vat == Vat::Exempt {
        parts.push("TVA exonérée".to_owned());
    }
    match r.funding {
        Funding::None => {}
        Funding::Opco { .. } => parts.push("OPCO".to_owned()),
        Funding::Cpf { .. } => parts.push("CPF".to_owned()),
    }
    parts.join(", ")
}

/// A sensible second quote: the same selection under the other formula (the full course
/// becomes every module à la carte, or the modules the user had ticked; modules become the
/// full course). Trainees, coaching, certification, VAT and funding stay as they are, so
/// that the comparison shows the formula's difference alone.
pub fn variant_of(form: &QuoteForm, all_modules: &[u8]) -> QuoteForm {
    let mut variant = form.clone();
    if form.full_course {
        variant.full_course = false;
        if variant.modules.is_empty() {
            variant.modules = all_modules.to_vec();
        }
    } else {
        variant.full_course = true;
    }
    variant
}

/// The query of a comparison link: `devis=A&devis=B`, each a share-link code.
pub fn comparison_query(codes: &[String]) -> String {
    codes
        .iter()
        .map(|code| format!("{PARAM}={code}"))
        .collect::<Vec<_>>()
        .join("&")
}

/// The quotes a comparison link opens with, and what to tell the user about them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ComparisonArrival {
    /// At least [`MIN_QUOTES`], at most [`MAX_QUOTES`] forms.
    pub forms: Vec<QuoteForm>,
    pub message: String,
    /// True when part of the link could not be read.
    pub is_error: bool,
}

/// Reads the codes of a comparison link (`codes` as they came, in order) on `date`: every
/// code is decoded and checked like a share link; an unreadable one is left out and named;
/// past [`MAX_QUOTES`] the rest is ignored; when fewer than [`MIN_QUOTES`] are left, the
/// others are made up with [`variant_of`] the first (or the default quote). Never panics.
pub fn forms_from_codes(
    catalogue: &Catalogue,
    codes: &[String],
    date: NaiveDate,
) -> ComparisonArrival {
    let mut forms = Vec::new();
    let mut problems = Vec::new();
    let mut other_version = None;
    for (i, code) in codes.iter().take(MAX_QUOTES).enumerate() {
        match decode_for(catalogue, code, date) {
            Ok(shared) => {
                if other_version.is_none() {
                    other_version = shared.version_notice(&catalogue.version);
                }
                forms.push(shared.form);
            }
            Err(_) => problems.push(format!("le devis {} est illisible", i + 1)),
        }
    }
    if codes.len() > MAX_QUOTES {
        problems.push(format!(
            "seuls les {MAX_QUOTES} premiers devis sont comparés"
        ));
    }
    let all: Vec<u8> = catalogue.modules.iter().map(|m| m.number).collect();
    while forms.len() < MIN_QUOTES {
        let next = match forms.first() {
            Some(first) => variant_of(first, &all),
            None => QuoteForm::default(),
        };
        forms.push(next);
    }
    let mut message = if problems.is_empty() {
        "Comparaison ouverte depuis un lien : les prix sont ceux du catalogue en vigueur."
            .to_owned()
    } else {
        format!(
            "Ce lien de comparaison est en partie illisible ({}) : les devis manquants sont remplacés par une variante du premier.",
            problems.join(" ; ")
        )
    };
    if let Some(version) = other_version {
        message = format!("{message} {version}");
    }
    ComparisonArrival {
        forms,
        message,
        is_error: !problems.is_empty(),
    }
}

/// The row with its differences from the first quote.
fn row(kind: RowKind, label: String, amounts: Vec<Option<Decimal>>) -> ComparisonRow {
    let first = amounts.first().copied().flatten().unwrap_or_default();
    let differences = amounts
        .iter()
        .skip(1)
        .map(|a| a.unwrap_or_default() - first)
        .collect();
    ComparisonRow {
        kind,
        label,
        amounts,
        differences,
    }
}

/// The quotes' totals side by side, from each quote's list of totals
/// ([`total_rows`]), under the totals' own names: a total shown for one quote is a row, a
/// quote without it counts 0,00 € there (no CPF contribution, say).
fn total_rows_compared(quotes: &[Quote]) -> Vec<ComparisonRow> {
    let lists: Vec<_> = quotes.iter().map(|q| total_rows(q, true)).collect();
    TotalKind::ALL
        .into_iter()
        .filter(|kind| lists.iter().flatten().any(|r| r.kind == *kind))
        .map(|kind| {
            let amounts = lists
                .iter()
                .map(|rows| {
                    let shown = rows.iter().find(|r| r.kind == kind);
                    shown.map_or(Some(Decimal::ZERO), |r| r.amount)
                })
                .collect();
            row(RowKind::Total(kind), kind.label_fr().to_owned(), amounts)
        })
        .collect()
}

/// The order of a quote: the full course, the modules by number, coaching, certification.
fn line_order(kind: LineKind) -> (u8, u8) {
    match kind {
        LineKind::FullCourse => (0, 0),
        LineKind::Module(n) => (1, n),
        LineKind::Coaching => (2, 0),
        LineKind::Certification => (3, 0),
    }
}

/// The label of a kind of line: the quotes' own when they agree (« Module 3 — … »), else
/// the kind's (coaching's days per trainee differ from one quote to the other).
fn line_label(quotes: &[Quote], kind: LineKind) -> String {
    let mut labels = quotes
        .iter()
        .filter_map(|q| q.lines.iter().find(|l| l.kind == kind))
        .map(|l| l.label.as_str());
    let first = labels.next();
    match first {
        Some(label) if labels.all(|l| l == label) => label.to_owned(),
        _ => match kind {
            LineKind::FullCourse => "Parcours complet".to_owned(),
            LineKind::Module(n) => format!("Module {n}"),
            LineKind::Coaching => "Accompagnement".to_owned(),
            LineKind::Certification => "Accès à la certification".to_owned(),
        },
    }
}

/// « Devis 2 : 600,00 € HT de plus que le devis 1 ; reste à charge : 720,00 € de plus. »
fn verdict(index: usize, first: &Quote, quote: &Quote) -> String {
    let ht = quote.total_ht - first.total_ht;
    let remaining = quote.remaining - first.remaining;
    let price = if ht.is_zero() {
        "même total HT que le devis 1".to_owned()
    } else {
        format!(
            "{} HT {} que le devis 1",
            format_eur(ht.abs()),
            more_or_less(ht)
        )
    };
    let rest = if remaining.is_zero() {
        "même reste à charge".to_owned()
    } else {
        format!(
            "reste à charge : {} {}",
            format_eur(remaining.abs()),
            more_or_less(remaining)
        )
    };
    format!("{} : {price} ; {rest}.", quote_name(index))
}

fn more_or_less(amount: Decimal) -> &'static str {
    if amount.is_sign_negative() {
        "de moins"
    } else {
        "de plus"
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::money::dec;
    use crate::domain::pricing::price_quote;
    use crate::domain::quote_form::FundingChoice;
    use crate::domain::share_link::encode;

    fn catalogue() -> Catalogue {
        Catalogue::fixture()
    }

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 26).unwrap()
    }

    fn priced(form: &QuoteForm) -> Quote {
        let c = catalogue();
        price_quote(&c, &form.to_request(&c, today()).unwrap()).unwrap()
    }

    /// The modular formula with `list`, certification unticked (its default).
    fn modules(list: &[u8]) -> QuoteForm {
        let mut form = QuoteForm::default();
        form.choose_full_course(false);
        form.modules = list.to_vec();
        form
    }

    fn row_of(rows: &[ComparisonRow], kind: RowKind) -> &ComparisonRow {
        rows.iter().find(|r| r.kind == kind).expect("the row")
    }

    fn module_price(n: u8) -> Decimal {
        catalogue().module(n).unwrap().price_ht
    }

    #[test]
    fn full_course_against_modules_1_to_4_shows_the_modules_cost_more() {
        let c = catalogue();
        let full = QuoteForm {
            certification: false,
            ..QuoteForm::default()
        };
        let comparison = compare_quotes(&[priced(&full), priced(&modules(&[1, 2, 3, 4]))]);
        let sum: Decimal = (1..=4).map(module_price).sum();
        let expected = sum - c.prices.full_course_ht;
        assert_eq!(
            expected,
            dec("600"),
            "1 500 + 1 500 + 800 + 800 = 4 600 vs 4 000"
        );
        let total = row_of(&comparison.totals, RowKind::Total(TotalKind::Ht));
        assert_eq!(
            total.amounts,
            vec![Some(c.prices.full_course_ht), Some(sum)]
        );
        assert_eq!(total.differences, vec![expected]);
        // One row for the full course, one per module, each with its difference.
        let course = row_of(&comparison.lines, RowKind::Line(LineKind::FullCourse));
        assert_eq!(course.amounts, vec![Some(c.prices.full_course_ht), None]);
        assert_eq!(course.differences, vec![-c.prices.full_course_ht]);
        for n in 1..=4 {
            let module = row_of(&comparison.lines, RowKind::Line(LineKind::Module(n)));
            assert_eq!(module.amounts, vec![None, Some(module_price(n))]);
            assert_eq!(module.differences, vec![module_price(n)]);
            assert!(module.label.starts_with(&format!("Module {n} — ")));
        }
        let vat_rate = c.prices.vat_rate;
        let ttc = row_of(&comparison.totals, RowKind::Total(TotalKind::Ttc));
        assert_eq!(ttc.differences, vec![expected * (Decimal::ONE + vat_rate)]);
        assert_eq!(comparison.headers, vec!["Devis 1", "Devis 2"]);
        assert_eq!(
            comparison.difference_headers,
            vec!["Écart devis 2 / devis 1"]
        );
        assert_eq!(
            comparison.verdicts,
            vec![format!(
                "Devis 2 : {} HT de plus que le devis 1 ; reste à charge : {} de plus.",
                format_eur(expected),
                format_eur(expected * (Decimal::ONE + vat_rate))
            )]
        );
    }

    #[test]
    fn rows_follow_the_order_of_a_quote_and_the_totals_come_last() {
        let coached = QuoteForm {
            coaching_days: "2".into(),
            ..modules(&[4, 2])
        };
        let comparison = compare_quotes(&[priced(&QuoteForm::default()), priced(&coached)]);
        let kinds: Vec<RowKind> = comparison.lines.iter().map(|r| r.kind).collect();
        assert_eq!(
            kinds,
            vec![
                RowKind::Line(LineKind::FullCourse),
                RowKind::Line(LineKind::Module(2)),
                RowKind::Line(LineKind::Module(4)),
                RowKind::Line(LineKind::Coaching),
                RowKind::Line(LineKind::Certification),
            ]
        );
        let totals: Vec<String> = comparison.totals.iter().map(|r| r.label.clone()).collect();
        assert_eq!(
            totals,
            vec![
                "Total HT",
                "TVA",
                "Total TTC",
                "Prise en charge",
                "Reste à charge"
            ]
        );
        // The first quote has no coaching, the second no certification.
        let coaching = row_of(&comparison.lines, RowKind::Line(LineKind::Coaching));
        assert_eq!(coaching.amounts[0], None);
        assert_eq!(
            coaching.differences,
            vec![catalogue().prices.coaching_per_day_ht * Decimal::TWO]
        );
        let certification = row_of(&comparison.lines, RowKind::Line(LineKind::Certification));
        assert_eq!(certification.amounts[1], None);
        assert_eq!(
            certification.differences,
            vec![-catalogue().prices.certification_ht]
        );
    }

    #[test]
    fn coaching_rows_of_different_lengths_take_the_generic_label() {
        let one = QuoteForm {
            coaching_days: "1".into(),
            ..QuoteForm::default()
        };
        let three = QuoteForm {
            coaching_days: "3".into(),
            ..QuoteForm::default()
        };
        let comparison = compare_quotes(&[priced(&one), priced(&three), priced(&one)]);
        let coaching = row_of(&comparison.lines, RowKind::Line(LineKind::Coaching));
        assert_eq!(coaching.label, "Accompagnement");
        let day = catalogue().prices.coaching_per_day_ht;
        assert_eq!(
            coaching.differences,
            vec![day * Decimal::TWO, Decimal::ZERO]
        );
        assert_eq!(
            comparison.difference_headers,
            vec!["Écart devis 2 / devis 1", "Écart devis 3 / devis 1"]
        );
        let same = compare_quotes(&[priced(&one), priced(&one)]);
        let coaching = row_of(&same.lines, RowKind::Line(LineKind::Coaching));
        assert_eq!(coaching.label, "Accompagnement (1 jour par stagiaire)");
        assert_eq!(
            same.verdicts,
            vec!["Devis 2 : même total HT que le devis 1 ; même reste à charge."]
        );
    }

    #[test]
    fn opco_against_cpf_compares_the_funding_and_what_is_left() {
        let opco = QuoteForm {
            funding: FundingChoice::Opco,
            opco_amount: "3000".into(),
            ..QuoteForm::default()
        };
        let cpf = QuoteForm {
            funding: FundingChoice::Cpf,
            cpf_balance: "1000".into(),
            ..QuoteForm::default()
        };
        let (a, b) = (priced(&opco), priced(&cpf));
        let comparison = compare_quotes(&[a.clone(), b.clone()]);
        let funded = row_of(&comparison.totals, RowKind::Total(TotalKind::Funded));
        assert_eq!(funded.differences, vec![b.funded - a.funded]);
        assert_eq!(funded.differences, vec![dec("-2000")]);
        let contribution = row_of(
            &comparison.totals,
            RowKind::Total(TotalKind::CpfContribution),
        );
        assert_eq!(
            contribution.amounts,
            vec![Some(Decimal::ZERO), Some(b.cpf_contribution)]
        );
        assert!(b.cpf_contribution > Decimal::ZERO);
        let remaining = row_of(&comparison.totals, RowKind::Total(TotalKind::Remaining));
        assert_eq!(remaining.differences, vec![b.remaining - a.remaining]);
        assert_eq!(
            comparison.summaries[0],
            "Parcours complet, 1 stagiaire, certification, OPCO"
        );
        assert_eq!(
            comparison.summaries[1],
            "Parcours complet, 1 stagiaire, certification, CPF"
        );
        assert!(comparison.verdicts[0].contains("même total HT"));
        assert!(comparison.verdicts[0].ends_with("de plus."));
    }

    #[test]
    fn differences_are_signed_in_french() {
        assert_eq!(
            format_difference(dec("600")),
            format!("+{}", format_eur(dec("600")))
        );
        assert_eq!(
            format_difference(dec("-1500")),
            format!("\u{2212}{}", format_eur(dec("1500")))
        );
        assert_eq!(format_difference(Decimal::ZERO), format_eur(Decimal::ZERO));
        assert_eq!(format_difference(dec("-0.001")), format_eur(Decimal::ZERO));
    }

    #[test]
    fn summaries_name_the_selection() {
        let form = QuoteForm {
            trainees: "2".into(),
            coaching_days: "1".into(),
            vat_exempt: true,
            ..modules(&[3])
        };
        assert_eq!(
            summary(&priced(&form)),
            "Module 3, 2 stagiaires, accompagnement 1 jour, sans certification, TVA exonérée"
        );
        assert_eq!(
            summary(&priced(&modules(&[1, 2, 5]))),
            "Modules 1, 2 et 5, 1 stagiaire, sans certification"
        );
    }

    #[test]
    fn the_variant_switches_formula_and_keeps_the_rest() {
        let all = [1, 2, 3, 4, 5];
        let full = QuoteForm {
            trainees: "3".into(),
            ..QuoteForm::default()
        };
        let variant = variant_of(&full, &all);
        assert!(!variant.full_course);
        assert_eq!(variant.modules, all.to_vec());
        assert_eq!(variant.trainees, "3");
        assert!(variant.certification, "the certification stays as chosen");
        let back = variant_of(&modules(&[2, 3]), &all);
        assert!(back.full_course);
        assert_eq!(
            variant_of(&back, &all).modules,
            vec![2, 3],
            "the modules are kept"
        );
    }

    #[test]
    fn no_quote_or_one_quote_gives_no_difference() {
        let none = compare_quotes(&[]);
        assert!(none.lines.is_empty());
        assert!(none
            .totals
            .iter()
            .all(|r| r.amounts.is_empty() && r.differences.is_empty()));
        let one = compare_quotes(&[priced(&QuoteForm::default())]);
        assert!(one.difference_headers.is_empty() && one.verdicts.is_empty());
        assert!(one.lines.iter().all(|r| r.differences.is_empty()));
    }

    #[test]
    fn a_comparison_link_carries_each_quote_as_a_share_code() {
        let c = catalogue();
        let forms = [QuoteForm::default(), modules(&[1, 2, 3, 4])];
        let codes: Vec<String> = forms.iter().map(|f| encode(f, &c.version)).collect();
        let query = comparison_query(&codes);
        assert_eq!(query, format!("devis={}&devis={}", codes[0], codes[1]));
        let arrival = forms_from_codes(&c, &codes, today());
        assert_eq!(arrival.forms, forms.to_vec());
        assert!(!arrival.is_error);
        assert!(arrival
            .message
            .starts_with("Comparaison ouverte depuis un lien"));
    }

    #[test]
    fn a_broken_or_overlong_comparison_link_still_gives_two_to_three_quotes() {
        let c = catalogue();
        let good = encode(&modules(&[3]), &c.version);
        let arrival = forms_from_codes(&c, &["n'importe quoi".into(), good.clone()], today());
        assert!(arrival.is_error);
        assert!(
            arrival.message.contains("le devis 1 est illisible"),
            "{}",
            arrival.message
        );
        assert_eq!(arrival.forms.len(), MIN_QUOTES);
        assert_eq!(arrival.forms[0], modules(&[3]));
        assert!(arrival.forms[1].full_course, "made up: the other formula");

        let arrival = forms_from_codes(&c, &[], today());
        let all: Vec<u8> = c.modules.iter().map(|m| m.number).collect();
        let first = QuoteForm::default();
        assert_eq!(arrival.forms, vec![first.clone(), variant_of(&first, &all)]);

        let many = vec![good.clone(); 7];
        let arrival = forms_from_codes(&c, &many, today());
        assert_eq!(arrival.forms.len(), MAX_QUOTES);
        assert!(arrival.message.contains("seuls les 3 premiers devis"));

        let old = good.replacen(&c.version, "2020.1", 1);
        let arrival = forms_from_codes(&c, &[old, good], today());
        assert!(arrival.message.contains("2020.1"), "{}", arrival.message);
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod properties {
    use super::*;
    use crate::domain::pricing::price_quote;
    use crate::domain::quote_form::FundingChoice;
    use proptest::prelude::*;

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 26).unwrap()
    }

    /// Any valid form: either formula, 1–50 trainees, 0–3 coaching days, with or without
    /// certification, VAT or exemption, no funding or an OPCO amount.
    fn form() -> impl Strategy<Value = QuoteForm> {
        (
            any::<bool>(),
            prop::collection::vec(1u8..=5, 1..6),
            1u32..=50,
            0u32..=3,
            any::<bool>(),
            any::<bool>(),
            prop::option::of(0i64..2_000_000),
        )
            .prop_map(
                |(full_course, modules, trainees, coaching, certification, vat_exempt, opco)| {
                    let mut form = QuoteForm {
                        full_course,
                        trainees: trainees.to_string(),
                        coaching_days: coaching.to_string(),
                        certification,
                        vat_exempt,
                        ..QuoteForm::default()
                    };
                    for m in modules {
                        form.toggle_module(m, true);
                    }
                    if let Some(cents) = opco {
                        form.funding = FundingChoice::Opco;
                        form.opco_amount = Decimal::new(cents, 2).to_string();
                    }
                    form
                },
            )
    }

    proptest! {
        #[test]
        fn line_differences_add_up_to_the_difference_of_the_totals(
            forms in prop::collection::vec(form(), 1..=MAX_QUOTES)
        ) {
            let c = Catalogue::fixture();
            let quotes: Vec<Quote> = forms
                .iter()
                .map(|f| price_quote(&c, &f.to_request(&c, today()).unwrap()).unwrap())
                .collect();
            let comparison = compare_quotes(&quotes);
            let total = comparison.totals.iter().find(|r| r.kind == RowKind::Total(TotalKind::Ht)).unwrap();
            for (i, quote) in quotes.iter().enumerate() {
                // Each quote's lines add up to its total HT…
                let lines: Decimal = comparison.lines.iter().filter_map(|r| r.amounts[i]).sum();
                prop_assert_eq!(lines, quote.total_ht);
                prop_assert_eq!(total.amounts[i], Some(quote.total_ht));
            }
            for j in 0..quotes.len() - 1 {
                // … and the line differences to the difference of the totals.
                let sum: Decimal = comparison.lines.iter().map(|r| r.differences[j]).sum();
                prop_assert_eq!(sum, total.differences[j]);
                prop_assert_eq!(total.differences[j], quotes[j + 1].total_ht - quotes[0].total_ht);
                for row in comparison.totals.iter() {
                    let first = row.amounts[0].unwrap();
                    prop_assert_eq!(row.differences[j], row.amounts[j + 1].unwrap() - first);
                }
            }
        }
    }
}
