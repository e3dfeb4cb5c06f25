//! Euros to the cent: rounding, French display, and exact splitting of a price.

use rust_decimal::{Decimal, RoundingStrategy};

use crate::domain::order::sort_by;

/// Largest amount accepted (1 000 000 000 000 €): far above any booking, small enough that
/// no sum or product of amounts can overflow.
pub const MAX_AMOUNT: Decimal = Decimal::from_parts(0xD4A5_1000, 0xE8, 0, false, 0);

/// Rounds to the cent, half away from zero (the rule for VAT and fees).
pub fn round_cents(amount: Decimal) -> Decimal {
    amount.round_dp_with_strategy(2, RoundingStrategy::MidpointAwayFromZero)
}

/// The VAT on `ht` at `rate`, to the cent, and the amount TTC; `None` past `Decimal`'s range.
pub fn vat_and_ttc(rate: Decimal, ht: Decimal) -> Option<(Decimal, Decimal)> {
    let vat = round_cents(ht.checked_mul(rate)?);
    Some((vat, ht.checked_add(vat)?))
}

/// Parses a decimal literal written in code or tests, e.g. `dec("4000.00")`.
/// Only for literals known to be valid: user input goes through [`parse_amount`].
#[cfg(test)]
pub fn dec(literal: &str) -> Decimal {
    literal.parse().expect("a valid decimal literal")
}

/// Parses an amount typed by a user, French or English style: `1 234,5`, `1234.50`, `1 234 €`.
/// Returns `None` for anything that is not a finite non-negative amount with at most
/// two decimals and at most 12 digits before the decimal point.
pub fn parse_amount(text: &str) -> Option<Decimal> {
    let cleaned: String = text
        .trim()
        .trim_end_matches('€')
        .chars()
        .filter(|c| !matches!(c, ' ' | '\u{a0}' | '\u{202f}'))
        .map(|c| if c == ',' { '.' } else { c })
        .collect();
    if cleaned.is_empty() || cleaned.len() > 20 {
        return None;
    }
    let (int, frac) = cleaned.split_once('.').unwrap_or((&cleaned, ""));
    let digits_ok = |s: &str| s.chars().all(|c| c.is_ascii_digit());
    if int.is_empty() || int.len() > 12 || frac.len() > 2 || !digits_ok(int) || !digits_ok(frac) {
        return None;
    }
    cleaned.parse().ok()
}

/// `4000` → `4 000,00 €` (narrow no-break space between thousands, as French typography has it).
pub fn format_eur(amount: Decimal) -> String {
    format!("{} €", format_amount(amount))
}

/// `4000` → `4 000,00`: two decimals, comma, thousands grouped by a narrow no-break space.
pub fn format_amount(amount: Decimal) -> String {
    let rounded = round_cents(amount);
    let negative = rounded.is_sign_negative() && !rounded.is_zero();
    let text = format!("{:.2}", rounded.abs());
    let (int, frac) = text.split_once('.').unwrap_or((&text, "00"));
    let mut grouped = String::with_capacity(int.len() + int.len() / 3 * 3);
    for (i, ch) in int.chars().enumerate() {
        if i > 0 && (int.len() - i) % 3 == 0 {
            grouped.push('\u{202f}');
        }
        grouped.push(ch);
    }
    format!("{}{grouped},{frac}", if negative { "-" } else { "" })
}

/// A rate as French percent: `0.2` → `20 %`, `0.0262` → `2,62 %`.
pub fn format_percent(rate: Decimal) -> String {
    let pct = (rate * Decimal::ONE_HUNDRED).normalize();
    format!("{}\u{a0}%", pct.to_string().replace('.', ","))
}

/// A plain decimal in French: `6.5` → `6,5`, `45.50` → `45,5`.
pub fn format_number(value: Decimal) -> String {
    value.normalize().to_string().replace('.', ",")
}

/// Splits `total` (to the cent) in proportion to `weights`, handing out the left-over cents
/// by the largest remainder, ties to the earlier share, so that the shares add up exactly.
/// Weights that are all zero, or a negative total, give an even-as-possible split the same way.
pub fn split_by_largest_remainder(total: Decimal, weights: &[Decimal]) -> Vec<Decimal> {
    if weights.is_empty() {
        return Vec::new();
    }
    let cent = Decimal::new(1, 2);
    let cents_total = (round_cents(total) / cent).trunc();
    let weight_sum: Decimal = weights.iter().map(|w| (*w).max(Decimal::ZERO)).sum();
    let uniform = weight_sum.is_zero();
    let n = Decimal::from(weights.len());
    let mut shares = Vec::with_capacity(weights.len());
    let mut remainders = Vec::with_capacity(weights.len());
    for w in weights {
        let exact = if uniform {
            cents_total / n
        } else {
            cents_total * (*w).max(Decimal::ZERO) / weight_sum
        };
        let floor = exact.floor();
        shares.push(floor);
        remainders.push(exact - floor);
    }
    let handed: Decimal = shares.iter().sum();
    let mut left = (cents_total - handed).trunc();
    let mut order: Vec<usize> = (0..weights.len()).collect();
    // Largest remainder first; the sort is stable, so ties keep the earlier share first.
    sort_by(&mut order, |&a, &b| remainders[b].cmp(&remainders[a]));
    for &i in order.iter().cycle() {
        if left <= Decimal::ZERO {
            break;
        }
        shares[i] += Decimal::ONE;
        left -= Decimal::ONE;
    }
    shares.into_iter().map(|c| c * cent).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn amounts_are_shown_in_french_format() {
        assert_eq!(format_eur(dec("4000")), "4\u{202f}000,00 €");
        assert_eq!(format_eur(dec("615.385")), "615,39 €");
        assert_eq!(format_eur(dec("0")), "0,00 €");
        assert_eq!(format_eur(dec("1234567.8")), "1\u{202f}234\u{202f}567,80 €");
        assert_eq!(format_eur(dec("-40")), "-40,00 €");
        assert_eq!(format_eur(dec("999.995")), "1\u{202f}000,00 €");
    }

    #[test]
    fn rounding_is_half_away_from_zero() {
        assert_eq!(round_cents(dec("0.125")), dec("0.13"));
        assert_eq!(round_cents(dec("-0.125")), dec("-0.13"));
        assert_eq!(round_cents(dec("0.124")), dec("0.12"));
    }

    #[test]
    fn percent_and_numbers_use_a_decimal_comma() {
        assert_eq!(format_percent(dec("0.20")), "20\u{a0}%");
        assert_eq!(format_percent(dec("0.0262")), "2,62\u{a0}%");
        assert_eq!(format_number(dec("6.50")), "6,5");
    }

    #[test]
    fn typed_amounts_accept_french_and_english_styles() {
        assert_eq!(parse_amount("1 234,5"), Some(dec("1234.5")));
        assert_eq!(parse_amount("1234.50 €"), Some(dec("1234.50")));
        assert_eq!(parse_amount(" 4\u{a0}000 "), Some(dec("4000")));
        for bad in [
            "",
            "abc",
            "-5",
            "1,234,5",
            "1.234",
            "1e9",
            "NaN",
            "9999999999999",
            ",",
        ] {
            assert_eq!(parse_amount(bad), None, "{bad:?}");
        }
    }

    #[test]
    fn full_course_price_splits_by_module_days_to_the_cent() {
        let days = ["1", "1", "2", "2", "0.5"].map(dec);
        let shares = split_by_largest_remainder(dec("4000"), &days);
        assert_eq!(
            shares,
            ["615.39", "615.38", "1230.77", "1230.77", "307.69"]
                .map(dec)
                .to_vec()
        );
        assert_eq!(shares.iter().sum::<Decimal>(), dec("4000"));
    }

    #[test]
    fn split_with_no_weight_is_even() {
        let shares = split_by_largest_remainder(dec("1"), &[Decimal::ZERO; 3]);
        assert_eq!(shares, ["0.34", "0.33", "0.33"].map(dec).to_vec());
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod properties {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn split_shares_add_up_exactly(cents in 0i64..100_000_000, weights in prop::collection::vec(0u32..100, 1..12)) {
            let total = Decimal::new(cents, 2);
            let w: Vec<Decimal> = weights.iter().map(|&x| Decimal::from(x)).collect();
            let shares = split_by_largest_remainder(total, &w);
            prop_assert_eq!(shares.len(), w.len());
            prop_assert_eq!(shares.iter().sum::<Decimal>(), total);
            prop_assert!(shares.iter().all(|s| *s >= Decimal::ZERO && s.scale() <= 2));
        }

        #[test]
        fn formatting_never_panics_and_keeps_the_cents(cents in any::<i64>()) {
            let text = format_amount(Decimal::new(cents, 2));
            prop_assert!(text.contains(','));
        }

        #[test]
        fn parsing_typed_text_never_panics(s in ".{0,40}") {
            let _ = parse_amount(&s);
        }
    }
}
