//! Checks of what is typed in a draft: SIRET (Luhn key), e-mail, French phone number,
//! draft id, RFC 3339 timestamps (and their French display).

use chrono::{DateTime, Datelike, FixedOffset, NaiveDate, NaiveTime, Timelike};

use super::limits::{MAX_ID_CHARS, MAX_LINE_CHARS, MAX_TIMESTAMP_CHARS, MAX_TYPED_CHARS};
use crate::domain::fr::{day_of_month_fr, month_fr};

/// A SIRET: 14 digits (spaces allowed), whose SIREN (first 9) passes the Luhn check and
/// whose whole number passes it too — except La Poste's establishments (SIREN 356000000),
/// whose digits add up to a multiple of 5 (only their head office, 356 000 000 00048,
/// passes the Luhn check instead).
pub fn siret_is_valid(s: &str) -> bool {
    if s.len() > MAX_TYPED_CHARS {
        return false;
    }
    let mut digits = Vec::with_capacity(14);
    for c in s.chars() {
        match c {
            ' ' | '\u{a0}' | '\u{202f}' => {}
            '0'..='9' => digits.push(u32::from(c as u8 - b'0')),
            _ => return false,
        }
    }
    if digits.len() != 14 {
        return false;
    }
    let (siren, _) = digits.split_at(9);
    if !luhn(siren) {
        return false;
    }
    if siren == [3, 5, 6, 0, 0, 0, 0, 0, 0] {
        let sum: u32 = digits.iter().sum();
        sum.is_multiple_of(5) || digits == [3, 5, 6, 0, 0, 0, 0, 0, 0, 0, 0, 0, 4, 8]
    } else {
        luhn(&digits)
    }
}

/// The Luhn check: from the right, every second digit doubled (minus 9 above 9), the sum
/// a multiple of 10.
fn luhn(digits: &[u32]) -> bool {
    let sum: u32 = digits
        .iter()
        .rev()
        .enumerate()
        .map(|(i, &d)| {
            if i % 2 == 1 {
                let twice = d * 2;
                if twice > 9 {
                    twice - 9
                } else {
                    twice
                }
            } else {
                d
            }
        })
        .sum();
    sum.is_multiple_of(10)
}

/// An e-mail address of the usual form `local@domain.tld` (surrounding spaces ignored):
/// one `@`, a local part of at most 64 characters without spaces, a domain of at least two
/// labels made of letters, digits and inner hyphens, a top-level domain not all digits.
pub fn email_is_valid(s: &str) -> bool {
    let s = s.trim();
    if s.is_empty() || s.len() > MAX_LINE_CHARS {
        return false;
    }
    let Some((local, domain)) = s.rsplit_once('@') else {
        return false;
    };
    if local.is_empty()
        || local.len() > 64
        || local.starts_with('.')
        || local.ends_with('.')
        || local.contains("..")
        || !local
            .chars()
            .all(|c| c.is_alphanumeric() || "!#$%&'*+/=?^_`{|}~.-".contains(c))
    {
        return false;
    }
    let labels: Vec<&str> = domain.split('.').collect();
    if labels.len() < 2 {
        return false;
    }
    let labels_ok = labels.iter().all(|l| {
        !l.is_empty()
            && l.len() <= 63
            && !l.starts_with('-')
            && !l.ends_with('-')
            && l.chars().all(|c| c.is_alphanumeric() || c == '-')
    });
    let tld_ok = labels
        .last()
        .is_some_and(|t| t.chars().count() >= 2 && !t.chars().all(|c| c.is_ascii_digit()));
    labels_ok && tld_ok
}

/// A French phone number: `0X XX XX XX XX` (X from 1 to 9 first) or `+33 X XX XX XX XX`
/// (also `0033…` and `+33 (0)X…`); spaces, dots and hyphens between digits are allowed.
pub fn french_phone_is_valid(s: &str) -> bool {
    if s.len() > MAX_TYPED_CHARS {
        return false;
    }
    let compact: String = s
        .chars()
        .filter(|c| !matches!(c, ' ' | '.' | '-' | '\u{a0}' | '\u{202f}'))
        .collect();
    let national = if let Some(rest) = compact
        .strip_prefix("+33")
        .or_else(|| compact.strip_prefix("0033"))
    {
        rest.strip_prefix("(0)").unwrap_or(rest)
    } else if let Some(rest) = compact.strip_prefix('0') {
        rest
    } else {
        return false;
    };
    national.len() == 9
        && national.chars().all(|c| c.is_ascii_digit())
        && !national.starts_with('0')
}

/// A draft id: 1 to [`MAX_ID_CHARS`] characters among `A–Z a–z 0–9 - _`.
pub fn id_is_valid(id: &str) -> bool {
    !id.is_empty()
        && id.len() <= MAX_ID_CHARS
        && id
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
}

/// Parses an RFC 3339 timestamp (`2026-11-26T17:02:00+01:00`, `…Z`, fractions allowed).
pub fn parse_timestamp(s: &str) -> Option<DateTime<FixedOffset>> {
    if s.len() < 20 || s.len() > MAX_TIMESTAMP_CHARS {
        return None;
    }
    // The date and time parts must be written in full, as RFC 3339 has it.
    let shape_ok = "dddd-dd-ddTdd:dd:dd"
        .chars()
        .zip(s.chars())
        .all(|(want, got)| match want {
            'd' => got.is_ascii_digit(),
            'T' => got == 'T' || got == 't',
            other => got == other,
        });
    if !shape_ok || !rfc3339_tail_ok(s.get(19..).unwrap_or("")) {
        return None;
    }
    timestamp_of_checked(s)
}

/// The timestamp of a text whose shape [`parse_timestamp`] checked, built from its digits
/// (chrono's general parser would weigh on the wasm): `None` for a date or time that does
/// not exist. Leap seconds (`:60`) are refused.
fn timestamp_of_checked(s: &str) -> Option<DateTime<FixedOffset>> {
    let num = |range: std::ops::Range<usize>| s.get(range)?.parse::<u32>().ok();
    let date = NaiveDate::from_ymd_opt(i32::try_from(num(0..4)?).ok()?, num(5..7)?, num(8..10)?)?;
    let tail = &s[19..];
    let (fraction, zone) = match tail.strip_prefix('.') {
        Some(rest) => {
            let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
            (&rest[..digits], &rest[digits..])
        }
        None => ("", tail),
    };
    let nanos = fraction
        .chars()
        .chain(std::iter::repeat('0'))
        .take(9)
        .collect::<String>()
        .parse::<u32>()
        .ok()?;
    let time = NaiveTime::from_hms_nano_opt(num(11..13)?, num(14..16)?, num(17..19)?, nanos)?;
    let offset = match zone {
        "Z" | "z" => 0,
        _ => {
            let sign = if zone.starts_with('-') { -1 } else { 1 };
            let hours = i32::try_from(zone.get(1..3)?.parse::<u32>().ok()?).ok()?;
            let minutes = i32::try_from(zone.get(4..6)?.parse::<u32>().ok()?).ok()?;
            if hours > 23 || minutes > 59 {
                return None;
            }
            sign * (hours * 3600 + minutes * 60)
        }
    };
    let offset = FixedOffset::east_opt(offset)?;
    date.and_time(time).and_local_timezone(offset).single()
}

/// A stored timestamp for the drafts list, in the time of day it was written:
/// `26 novembre 2026 à 17:02`. `None` when it is not an RFC 3339 timestamp.
pub fn format_timestamp_fr(s: &str) -> Option<String> {
    let t = parse_timestamp(s)?;
    let day_text = day_of_month_fr(t.day());
    Some(format!(
        "{day_text} {} {} à {:02}:{:02}",
        month_fr(t.month()),
        t.year(),
        t.hour(),
        t.minute()
    ))
}

/// What follows the seconds: optional fractions, then `Z` or `±HH:MM`.
fn rfc3339_tail_ok(tail: &str) -> bool {
    let rest = match tail.strip_prefix('.') {
        Some(frac) => {
            let digits = frac.bytes().take_while(u8::is_ascii_digit).count();
            if digits == 0 {
                return false;
            }
            frac.get(digits..).unwrap_or("")
        }
        None => tail,
    };
    if rest == "Z" || rest == "z" {
        return true;
    }
    let b = rest.as_bytes();
    b.len() == 6
        && (b[0] == b'+' || b[0] == b'-')
        && b[1].is_ascii_digit()
        && b[2].is_ascii_digit()
        && b[3] == b':'
        && b[4].is_ascii_digit()
        && b[5].is_ascii_digit()
}

#[cfg(test)]
mod timestamp_tests {
    use super::*;

    #[test]
    fn timestamps_read_as_chrono_reads_them() {
        for s in [
            "2026-11-26T17:02:00+01:00",
            "2026-11-26T17:02:00Z",
            "2026-11-26t17:02:00.123456789012-05:30",
            "2024-02-29T00:00:00.5+00:00",
            "2026-02-29T00:00:00Z",
            "2026-11-26T24:00:00Z",
            "2026-11-26T17:02:00+24:00",
            "2026-11-26T17:02:00+01:60",
            "2026-13-01T00:00:00Z",
        ] {
            assert_eq!(
                parse_timestamp(s),
                DateTime::parse_from_rfc3339(s).ok(),
                "{s}"
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::tests::NOW;
    use super::*;
    use crate::domain::catalogue::Catalogue;

    #[test]
    fn timestamps_show_in_french_at_the_time_of_day_they_were_written() {
        assert_eq!(
            format_timestamp_fr(NOW).as_deref(),
            Some("26 novembre 2026 à 17:02")
        );
        assert_eq!(
            format_timestamp_fr("2026-05-01T09:05:59.999Z").as_deref(),
            Some("1er mai 2026 à 09:05")
        );
        assert_eq!(format_timestamp_fr("hier"), None);
        assert_eq!(format_timestamp_fr(""), None);
    }

    #[test]
    fn siret_with_a_right_luhn_key_is_valid_spaces_allowed() {
        assert!(siret_is_valid("73282932000074"));
        assert!(siret_is_valid("732 829 320 00074"));
        assert!(siret_is_valid("552\u{a0}100\u{a0}554\u{202f}00013"));
    }

    #[test]
    fn siret_with_a_wrong_key_or_shape_is_invalid() {
        for bad in [
            "",
            "73282932000075",
            "7328293200007",
            "732829320000740",
            "7328293200007A",
            "732-829-320-00074",
            "00000000000001",
        ] {
            assert!(!siret_is_valid(bad), "{bad:?}");
        }
        assert!(siret_is_valid("00000000000000"), "all zeros passes Luhn");
    }

    #[test]
    fn siret_whose_siren_fails_luhn_is_invalid() {
        // 732829321 fails the SIREN key; pick the 14-digit number that passes overall.
        let valid_overall = (0..10)
            .map(|k| format!("7328293210007{k}"))
            .find(|s| luhn(&s.bytes().map(|b| u32::from(b - b'0')).collect::<Vec<_>>()))
            .unwrap();
        assert!(!siret_is_valid(&valid_overall));
    }

    #[test]
    fn la_poste_sirets_use_the_sum_of_digits_rule() {
        // Head office: passes Luhn (digit sum 26).
        assert!(siret_is_valid("356 000 000 00048"));
        // An establishment: digit sum 3+5+6+1+2+3 = 20, a multiple of 5, though Luhn fails.
        assert!(siret_is_valid("35600000001230"));
        assert!(!luhn(&[3, 5, 6, 0, 0, 0, 0, 0, 0, 0, 1, 2, 3, 0]));
        // Digit sum 21: refused even where Luhn would pass.
        assert!(!siret_is_valid("35600000001231"));
        let luhn_ok_sum_bad = (0..100)
            .map(|k| format!("356000000001{k:02}"))
            .find(|s| {
                let d: Vec<u32> = s.bytes().map(|b| u32::from(b - b'0')).collect();
                luhn(&d) && d.iter().sum::<u32>() % 5 != 0
            })
            .unwrap();
        assert!(!siret_is_valid(&luhn_ok_sum_bad), "{luhn_ok_sum_bad}");
    }

    #[test]
    fn the_catalogue_offices_have_valid_sirets() {
        for office in Catalogue::fixture().offices {
            assert!(siret_is_valid(&office.siret), "{}", office.siret);
        }
    }

    #[test]
    fn email_addresses_of_the_usual_form_are_accepted() {
        for ok in [
            "a@b.fr",
            "prenom.nom@exemple.fr",
            " rh+formation@sous.domaine.co.uk ",
            "élodie@café.fr",
            "x@xn--caf-dma.fr",
        ] {
            assert!(email_is_valid(ok), "{ok:?}");
        }
        for bad in [
            "",
            "a",
            "a@b",
            "@b.fr",
            "a@.fr",
            "a@b..fr",
            "a b@c.fr",
            "a@b.c",
            "a@b.123",
            ".a@b.fr",
            "a..b@c.fr",
            "a@-b.fr",
            "a@b.fr@c.fr",
        ] {
            assert!(!email_is_valid(bad), "{bad:?}");
        }
    }

    #[test]
    fn french_phone_numbers_national_or_international_are_accepted() {
        for ok in [
            "0123456789",
            "01 23 45 67 89",
            "06.12.34.56.78",
            "09-12-34-56-78",
            "+33 1 23 45 67 89",
            "+33612345678",
            "0033 6 12 34 56 78",
            "+33 (0)1 23 45 67 89",
        ] {
            assert!(french_phone_is_valid(ok), "{ok:?}");
        }
        for bad in [
            "",
            "123456789",
            "00 12 34 56 78",
            "01 23 45 67 8",
            "01 23 45 67 890",
            "+33 0 12 34 56 78",
            "+44 20 7946 0958",
            "01 23 45 67 8A",
        ] {
            assert!(!french_phone_is_valid(bad), "{bad:?}");
        }
    }
}
