//! The CGV's clauses in words: one function (or constant) per clause, written from the data
//! file's figures (`catalogue.cancellation`), with the name of the clause it comes from.
//! The rules page (`rules.rs`), the devis, the cancellation screen and its explanations and
//! the agenda file quote them here, so that a clause is worded once and a figure changed in
//! the data file changes every place that states it.

use rust_decimal::Decimal;

use crate::domain::calendar::DayKind;
use crate::domain::catalogue::CancellationTerms;
use crate::domain::money::format_percent;

/// The clauses, as the CGV title them.
pub const CLAUSE_PAYMENT: &str =
    "CGV, « Conditions financières, règlements et modalités de paiement »";
pub const CLAUSE_CANCEL: &str = "CGV, « Annulation, absence ou interruption d'une formation »";
pub const CLAUSE_REPLACE: &str = "CGV, « Débit et remplacement d'un participant »";
pub const CLAUSE_ADJOURN: &str = "CGV, « Effectif et ajournement »";

/// The fee band of a cancellation, by jours ouvrables before the start.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum FeeBand {
    /// More than `no_fee_above_working_days`: no fee.
    NoFee,
    /// From `half_fee_from_working_days` to `no_fee_above_working_days`: the half fee.
    HalfFee,
    /// Fewer than `half_fee_from_working_days`: the full price.
    FullFee,
}

impl FeeBand {
    /// The band for `n` jours ouvrables before the start.
    pub fn for_working_days(terms: &CancellationTerms, n: u32) -> FeeBand {
        if n > terms.no_fee_above_working_days {
            FeeBand::NoFee
        } else if n >= terms.half_fee_from_working_days {
            FeeBand::HalfFee
        } else {
            FeeBand::FullFee
        }
    }

    /// The share of the HT price due: 0, the half-fee rate, or 1.
    pub fn rate(self, terms: &CancellationTerms) -> Decimal {
        match self {
            FeeBand::NoFee => Decimal::ZERO,
            FeeBand::HalfFee => terms.half_fee_rate,
            FeeBand::FullFee => Decimal::ONE,
        }
    }

    /// The CGV rule of the band, in French.
    pub fn rule_fr(self, terms: &CancellationTerms) -> String {
        match self {
            FeeBand::NoFee => format!(
                "annulation plus de {} avant le démarrage de la formation, aucun frais d'annulation",
                DayKind::Ouvrable.count_fr(terms.no_fee_above_working_days)
            ),
            FeeBand::HalfFee => format!(
                "annulation entre {} et {} avant le démarrage de la formation, frais de {} du prix HT",
                terms.no_fee_above_working_days,
                DayKind::Ouvrable.count_fr(terms.half_fee_from_working_days),
                format_percent(terms.half_fee_rate)
            ),
            FeeBand::FullFee => format!(
                "annulation moins de {} avant le démarrage de la formation, frais de {} du prix HT",
                DayKind::Ouvrable.count_fr(terms.half_fee_from_working_days),
                format_percent(Decimal::ONE)
            ),
        }
    }
}

/// What the fee is a share of, said on every calculation that charges one.
pub const FEE_BASIS_FR: &str = "Base des frais : le prix HT de la formation commandée \
     (parcours complet ou modules, et jours d'accompagnement). Les frais d'accès à la \
     certification, inscription à un examen, n'en font jamais partie.";

/// Postponing or replacing a trainee.
pub fn postpone_fr(terms: &CancellationTerms) -> String {
    format!(
        "Report ou remplacement d'un stagiaire sans frais jusqu'à {} avant le démarrage, \
         sous réserve de l'accord de l'OPCO.",
        DayKind::Calendaire.count_fr(terms.postpone_min_calendar_days)
    )
}

/// A training started: modules started, absences.
pub const STARTED_FR: &str = "Formation commencée : tout module commencé est dû en totalité ; \
     les sommes dues au titre des absences ne peuvent être imputées à l'OPCO.";

/// The OPCO's agreement: when it must arrive.
pub fn opco_agreement_fr(terms: &CancellationTerms) -> String {
    format!(
        "L'accord de prise en charge de l'OPCO doit parvenir à Co&Sens au plus tard {} avant \
         le démarrage.",
        DayKind::Ouvrable.count_fr(terms.opco_min_working_days)
    )
}

/// What follows when the OPCO's agreement arrives too late.
pub const LATE_OPCO_FR: &str = "Passé la date limite de l'OPCO, Co&Sens peut refuser l'entrée \
     en formation du stagiaire ou facturer au client la totalité des frais de formation.";

/// How long before the start Co&Sens may adjourn, in the CGV's words: « une semaine » for
/// 7 days, « 2 semaines » for 14, else the days (« 10 jours »).
pub fn adjourn_notice_fr(terms: &CancellationTerms) -> String {
    match terms.adjourn_notice_days {
        7 => "une semaine".to_string(),
        n if n > 0 && n % 7 == 0 => format!("{} semaines", n / 7),
        n => format!("{n} {}", if n > 1 { "jours" } else { "jour" }),
    }
}

/// The adjournment clause.
pub fn adjournment_fr(terms: &CancellationTerms) -> String {
    format!(
        "Co&Sens peut ajourner une formation faute de participants, au plus tard {} avant la \
         date prévue : le client ne doit rien. Plus tard, la clause ne le prévoit pas, et le \
         client ne doit rien pour une formation qui ne se tient pas.",
        adjourn_notice_fr(terms)
    )
}

/// An enrolment funded by the CPF: not these bands.
pub const CPF_FR: &str = "Inscription financée par le CPF : l'annulation, l'absence ou \
     l'abandon suivent les conditions générales d'utilisation de Mon Compte Formation, et non \
     le barème d'annulation des CGV de Co&Sens ; aucun montant n'est calculé ici.";

/// The cancellation and postponement terms in short, one sentence each (the devis prints
/// them).
pub fn terms_in_short(terms: &CancellationTerms) -> Vec<String> {
    let mut lines: Vec<String> = [FeeBand::NoFee, FeeBand::HalfFee, FeeBand::FullFee]
        .into_iter()
        .map(|band| crate::domain::fr::capitalise(&band.rule_fr(terms)) + ".")
        .collect();
    lines.push(postpone_fr(terms));
    lines.push(STARTED_FR.to_owned());
    lines.push(opco_agreement_fr(terms));
    lines
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::catalogue::Catalogue;

    #[test]
    fn the_adjournment_notice_is_said_in_weeks_when_it_is_whole_weeks() {
        let mut terms = Catalogue::fixture().cancellation;
        assert_eq!(adjourn_notice_fr(&terms), "une semaine");
        terms.adjourn_notice_days = 10;
        assert_eq!(adjourn_notice_fr(&terms), "10 jours");
        terms.adjourn_notice_days = 14;
        assert_eq!(adjourn_notice_fr(&terms), "2 semaines");
        assert!(adjournment_fr(&terms).contains("au plus tard 2 semaines avant"));
    }

    #[test]
    fn each_clause_states_the_data_files_figures() {
        let mut terms = Catalogue::fixture().cancellation;
        terms.postpone_min_calendar_days = 10;
        terms.opco_min_working_days = 3;
        assert!(postpone_fr(&terms).contains("10 jours calendaires"));
        assert!(opco_agreement_fr(&terms).contains("3 jours ouvrables"));
        let short = terms_in_short(&terms);
        assert_eq!(short.len(), 6);
        assert!(
            short[1].starts_with("Annulation entre 15 et 7 jours ouvrables"),
            "{short:?}"
        );
    }
}
