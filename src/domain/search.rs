//! Accent-insensitive search over the modules and the course's filters.

use rust_decimal::Decimal;

use super::catalogue::{Catalogue, Module};
use super::fr::lower_char_fr;

/// Lower-cases and strips French diacritics, so that "referentiel" finds "Référentiel".
pub fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            'à' | 'â' | 'ä' | 'á' | 'À' | 'Â' | 'Ä' | 'Á' => out.push('a'),
            'é' | 'è' | 'ê' | 'ë' | 'É' | 'È' | 'Ê' | 'Ë' => out.push('e'),
            'î' | 'ï' | 'í' | 'Î' | 'Ï' => out.push('i'),
            'ô' | 'ö' | 'ó' | 'Ô' | 'Ö' => out.push('o'),
            'ù' | 'û' | 'ü' | 'ú' | 'Ù' | 'Û' | 'Ü' => out.push('u'),
            'ÿ' | 'Ÿ' => out.push('y'),
            'ç' | 'Ç' => out.push('c'),
            'œ' | 'Œ' => out.push_str("oe"),
            'æ' | 'Æ' => out.push_str("ae"),
            '’' | '\'' => out.push('\''),
            _ => out.push(lower_char_fr(c)),
        }
    }
    out
}

/// A duration filter on the module cards.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DurationFilter {
    All,
    HalfDay,
    OneDay,
    TwoDays,
}

impl DurationFilter {
    pub const ALL: [DurationFilter; 4] = [Self::All, Self::HalfDay, Self::OneDay, Self::TwoDays];

    pub fn label(self) -> &'static str {
        match self {
            Self::All => "Toutes les durées",
            Self::HalfDay => "Demi-journée",
            Self::OneDay => "1 jour",
            Self::TwoDays => "2 jours",
        }
    }

    pub fn accepts(self, days: Decimal) -> bool {
        match self {
            Self::All => true,
            Self::HalfDay => days == Decimal::new(5, 1),
            Self::OneDay => days == Decimal::ONE,
            Self::TwoDays => days == Decimal::TWO,
        }
    }
}

/// The modules whose title or programme holds every word of `query` (accents and case
/// ignored) and whose duration passes `filter`, in catalogue order.
pub fn search_modules<'a>(
    catalogue: &'a Catalogue,
    query: &str,
    filter: DurationFilter,
) -> Vec<&'a Module> {
    let words: Vec<String> = fold(query)
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_owned)
        .take(20)
        .collect();
    catalogue
        .modules
        .iter()
        .filter(|m| filter.accepts(m.days))
        .filter(|m| {
            if words.is_empty() {
                return true;
            }
            let haystack = fold(&format!(
                "module {} {} {}",
                m.number,
                m.title,
                m.programme.join(" ")
            ));
            words.iter().all(|w| haystack.contains(w.as_str()))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn numbers(query: &str, filter: DurationFilter) -> Vec<u8> {
        let c = Catalogue::fixture();
        search_modules(&c, query, filter)
            .iter()
            .map(|m| m.number)
            .collect()
    }

    #[test]
    fn search_ignores_accents_and_case() {
        assert_eq!(numbers("referentiel", DurationFilter::All), vec![3]);
        assert_eq!(numbers("RÉFÉRENTIEL", DurationFilter::All), vec![3]);
        assert_eq!(fold("Élaborer œuvre Ça"), "elaborer oeuvre ca");
    }

    #[test]
    fn search_looks_into_programme_bullets() {
        assert_eq!(numbers("jury", DurationFilter::All), vec![4]);
        assert_eq!(numbers("note opportunite", DurationFilter::All), vec![2]);
    }

    #[test]
    fn empty_search_lists_every_module_and_unknown_word_none() {
        assert_eq!(numbers("  ", DurationFilter::All), vec![1, 2, 3, 4, 5]);
        assert!(numbers("zzzz", DurationFilter::All).is_empty());
    }

    #[test]
    fn duration_filter_keeps_matching_modules() {
        assert_eq!(numbers("", DurationFilter::TwoDays), vec![3, 4]);
        assert_eq!(numbers("", DurationFilter::OneDay), vec![1, 2]);
        assert_eq!(numbers("", DurationFilter::HalfDay), vec![5]);
        assert_eq!(
            numbers("certification", DurationFilter::TwoDays),
            vec![3, 4]
        );
    }
}
