//! What the printable devis adds to a quote: its number and the terms printed in short.

use chrono::{Datelike, NaiveDate};

use super::catalogue::Catalogue;

/// The devis number: `D-<date>-<4 letters>` where the letters are a hash of the shared
/// selection, so the same quote printed the same day keeps its number and two different
/// quotes of the same day do not share one.
pub fn devis_number(date: NaiveDate, share_code: &str) -> String {
    // FNV-1a, 32 bits: stable across builds and platforms (unlike std's hasher).
    let hash = share_code.bytes().fold(0x811c_9dc5_u32, |h, b| {
        (h ^ u32::from(b)).wrapping_mul(0x0100_0193)
    });
    const LETTERS: &[u8; 32] = b"ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    let suffix: String = (0..4)
        .map(|i| char::from(LETTERS[((hash >> (i * 5)) & 31) as usize]))
        .collect();
    // Written by hand: chrono's strftime formatting costs some 7 KB of wasm for this one use.
    format!(
        "D-{:04}{:02}{:02}-{suffix}",
        date.year(),
        date.month(),
        date.day()
    )
}

/// The cancellation and postponement terms in short, one sentence each, from the data file
/// (worded by `cgv`).
pub fn terms_in_short(catalogue: &Catalogue) -> Vec<String> {
    crate::domain::cgv::terms_in_short(&catalogue.cancellation)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn catalogue() -> Catalogue {
        Catalogue::fixture()
    }

    #[test]
    fn devis_number_carries_the_date_and_is_stable_for_the_same_quote() {
        let day = NaiveDate::from_ymd_opt(2026, 11, 26).unwrap();
        let a = devis_number(day, "1~2026.1~C~1~0~1~N~0");
        assert!(a.starts_with("D-20261126-"), "{a}");
        assert_eq!(a.len(), "D-20261126-ABCD".len());
        assert_eq!(a, devis_number(day, "1~2026.1~C~1~0~1~N~0"));
        assert_ne!(a, devis_number(day, "1~2026.1~C~2~0~1~N~0"));
    }

    #[test]
    fn devis_number_uses_only_unambiguous_letters() {
        let day = NaiveDate::from_ymd_opt(2026, 1, 1).unwrap();
        for code in ["", "x", "1~2026.1~M135~3~2~0~E~O1200", "é~~"] {
            let suffix = devis_number(day, code)[11..].to_owned();
            assert!(suffix.chars().all(|c| !"IO01".contains(c)), "{suffix}");
        }
    }

    #[test]
    fn terms_in_short_follow_the_cgv_bands_from_the_data_file() {
        let lines = terms_in_short(&catalogue());
        assert_eq!(lines.len(), 6);
        assert!(
            lines[0].starts_with("Annulation plus de 15 jours ouvrables"),
            "{}",
            lines[0]
        );
        assert!(lines[1].contains("50"), "{}", lines[1]);
        assert!(lines[2].contains("100"), "{}", lines[2]);
        assert!(lines[3].contains("7 jours calendaires"), "{}", lines[3]);
        assert!(lines.iter().all(|l| l.ends_with('.')));
    }
}
