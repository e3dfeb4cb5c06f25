//! French wording: day counts, hours, dates, half-years, counts and lists of things,
//! capitalisation.
//!
//! Every sentence of the domain and every label of the screens words these through here,
//! so that one screen never says "1,5 jours" beside "1,5 jour". French grammar puts the
//! noun in the singular below two ("0,5 jour", "1,5 jour", "2 jours"). Amounts and
//! percentages are worded by [`crate::domain::money`] (`format_eur`, `format_percent`).

use std::fmt;

use chrono::{Datelike, NaiveDate, Weekday};
use rust_decimal::Decimal;

use crate::domain::money::format_number;

/// `n` things with the noun agreeing: `count_fr(1u32, "stagiaire", "stagiaires")` →
/// "1 stagiaire", `count_fr(3, …)` → "3 stagiaires" (0 and 1 are singular in French).
pub fn count_fr<N: fmt::Display + PartialOrd + From<u8>>(n: N, one: &str, many: &str) -> String {
    let noun = if n >= N::from(2) { many } else { one };
    format!("{n} {noun}")
}

/// A duration in days: `0.5` → "0,5 jour", `1.5` → "1,5 jour", `6.5` → "6,5 jours".
pub fn days_fr(days: Decimal) -> String {
    let unit = if days >= Decimal::TWO {
        "jours"
    } else {
        "jour"
    };
    format!("{} {unit}", format_number(days))
}

/// Days attended: "1 jour suivi", "0,5 jour suivi", "2 jours suivis".
pub fn attended_fr(days: Decimal) -> String {
    let suffix = if days >= Decimal::TWO {
        "suivis"
    } else {
        "suivi"
    };
    format!("{} {suffix}", days_fr(days))
}

/// `1` → "1er", any other day of the month as its number.
pub fn day_of_month_fr(day: u32) -> String {
    if day == 1 {
        "1er".to_string()
    } else {
        day.to_string()
    }
}

/// The French name of month `month` (1–12); empty for anything else.
pub fn month_fr(month: u32) -> &'static str {
    match month {
        1 => "janvier",
        2 => "février",
        3 => "mars",
        4 => "avril",
        5 => "mai",
        6 => "juin",
        7 => "juillet",
        8 => "août",
        9 => "septembre",
        10 => "octobre",
        11 => "novembre",
        12 => "décembre",
        _ => "",
    }
}

/// "lundi" … "dimanche".
pub fn weekday_fr(day: Weekday) -> &'static str {
    match day {
        Weekday::Mon => "lundi",
        Weekday::Tue => "mardi",
        Weekday::Wed => "mercredi",
        Weekday::Thu => "jeudi",
        Weekday::Fri => "vendredi",
        Weekday::Sat => "samedi",
        Weekday::Sun => "dimanche",
    }
}

/// `26 mai 2026`, `1er septembre 2026`.
pub fn date_fr(date: NaiveDate) -> String {
    format!(
        "{} {} {}",
        day_of_month_fr(date.day()),
        month_fr(date.month()),
        date.year()
    )
}

/// `mardi 26 mai 2026`, `vendredi 1er mai 2026`.
pub fn format_date_fr(date: NaiveDate) -> String {
    format!("{} {}", weekday_fr(date.weekday()), date_fr(date))
}

/// "1er semestre 2026", "2e semestre 2026".
pub fn half_year_fr(year: i32, half: u8) -> String {
    if half <= 1 {
        format!("1er semestre {year}")
    } else {
        format!("2e semestre {year}")
    }
}

/// The small letter of a capital of French text: ASCII and the Latin-1 capitals (À Â Ç É
/// È Ê Ë Î Ï Ô Ù Û Ü, Æ…), Œ and Ÿ; any other character as it is. Core's `to_lowercase`
/// would ship Unicode's whole case tables (about 30 KB) in the wasm for letters French text
/// never has.
pub fn lower_char_fr(c: char) -> char {
    match c {
        'A'..='Z' => c.to_ascii_lowercase(),
        '\u{c0}'..='\u{de}' if c != '\u{d7}' => char::from_u32(c as u32 + 0x20).unwrap_or(c),
        'Œ' => 'œ',
        'Ÿ' => 'ÿ',
        _ => c,
    }
}

/// The capital of a small letter of French text (the inverse of [`lower_char_fr`]; ß and
/// any other character as they are).
pub fn upper_char_fr(c: char) -> char {
    match c {
        'a'..='z' => c.to_ascii_uppercase(),
        '\u{e0}'..='\u{fe}' if c != '\u{f7}' => char::from_u32(c as u32 - 0x20).unwrap_or(c),
        'œ' => 'Œ',
        'ÿ' => 'Ÿ',
        _ => c,
    }
}

/// French text in small letters: "Présentiel, Distanciel" → "présentiel, distanciel".
pub fn lowercase_fr(text: &str) -> String {
    text.chars().map(lower_char_fr).collect()
}

/// The text with its first letter in capital: "mardi" → "Mardi", "été" → "Été".
pub fn capitalise(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => std::iter::once(upper_char_fr(first)).chain(chars).collect(),
        None => String::new(),
    }
}

/// Hours and minutes: `45.5` → "45 h 30", `7` → "7 h", `0.1` → "0 h 06".
pub fn hours_fr(hours: Decimal) -> String {
    let Some(minutes) = hours.checked_mul(Decimal::from(60)) else {
        return format!("{} h", format_number(hours));
    };
    let minutes = minutes.round();
    let whole = (minutes / Decimal::from(60)).trunc();
    let rest = minutes - whole * Decimal::from(60);
    if rest.is_zero() {
        format!("{} h", format_number(whole))
    } else {
        let rest = rest.normalize().to_string();
        let pad = if rest.len() < 2 { "0" } else { "" };
        format!("{} h {pad}{rest}", format_number(whole))
    }
}

/// A list of numbers in French: `[1, 2, 5]` → "1, 2 et 5".
pub fn join_fr(numbers: &[u8]) -> String {
    match numbers.split_last() {
        None => String::new(),
        Some((last, [])) => last.to_string(),
        Some((last, rest)) => {
            let head: Vec<String> = rest.iter().map(u8::to_string).collect();
            format!("{} et {last}", head.join(", "))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::money::dec;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn day_counts_are_singular_below_two() {
        assert_eq!(days_fr(dec("0.5")), "0,5 jour");
        assert_eq!(days_fr(dec("1")), "1 jour");
        assert_eq!(days_fr(dec("1.5")), "1,5 jour");
        assert_eq!(days_fr(dec("2")), "2 jours");
        assert_eq!(days_fr(dec("6.5")), "6,5 jours");
        assert_eq!(attended_fr(dec("1.5")), "1,5 jour suivi");
        assert_eq!(attended_fr(dec("3")), "3 jours suivis");
        assert_eq!(count_fr(0u32, "stagiaire", "stagiaires"), "0 stagiaire");
        assert_eq!(count_fr(1u32, "stagiaire", "stagiaires"), "1 stagiaire");
        assert_eq!(count_fr(2usize, "stagiaire", "stagiaires"), "2 stagiaires");
    }

    #[test]
    fn dates_say_first_of_the_month_as_1er() {
        assert_eq!(format_date_fr(d(2026, 5, 1)), "vendredi 1er mai 2026");
        assert_eq!(format_date_fr(d(2026, 5, 26)), "mardi 26 mai 2026");
        assert_eq!(date_fr(d(2026, 9, 1)), "1er septembre 2026");
        assert_eq!(date_fr(d(2026, 12, 31)), "31 décembre 2026");
        assert_eq!(month_fr(13), "");
    }

    #[test]
    fn half_years_and_capitals() {
        assert_eq!(half_year_fr(2026, 1), "1er semestre 2026");
        assert_eq!(half_year_fr(2026, 2), "2e semestre 2026");
        assert_eq!(capitalise("mardi 26 mai"), "Mardi 26 mai");
        assert_eq!(capitalise("éte"), "Éte");
        assert_eq!(capitalise(""), "");
        assert_eq!(capitalise("œuvre"), "Œuvre");
    }

    #[test]
    fn french_letters_change_case_both_ways() {
        let small = "abcdefghijklmnopqrstuvwxyzàâäçéèêëîïôöùûüÿæœ";
        let capitals = "ABCDEFGHIJKLMNOPQRSTUVWXYZÀÂÄÇÉÈÊËÎÏÔÖÙÛÜŸÆŒ";
        assert_eq!(lowercase_fr(capitals), small);
        assert_eq!(
            small.chars().map(upper_char_fr).collect::<String>(),
            capitals
        );
        // The same as Unicode's mapping on every character of Latin-1 and Latin Extended-A.
        for c in ('\u{0}'..='\u{17f}').filter(|c| lower_char_fr(*c) != *c) {
            assert_eq!(
                c.to_lowercase().collect::<String>(),
                lower_char_fr(c).to_string()
            );
        }
        assert_eq!(lower_char_fr('×'), '×');
        assert_eq!(upper_char_fr('÷'), '÷');
        assert_eq!(upper_char_fr('ß'), 'ß');
    }

    #[test]
    fn durations_and_dates_read_in_french() {
        assert_eq!(hours_fr(dec("45.5")), "45 h 30");
        assert_eq!(hours_fr(dec("7")), "7 h");
        assert_eq!(hours_fr(dec("0.1")), "0 h 06");
        assert_eq!(days_fr(dec("0.5")), "0,5 jour");
        assert_eq!(days_fr(dec("2")), "2 jours");
        assert_eq!(date_fr(d(2026, 9, 1)), "1er septembre 2026");
        assert_eq!(date_fr(d(2026, 5, 26)), "26 mai 2026");
    }
}
