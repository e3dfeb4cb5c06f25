//! The trainee who pays for themselves, and the CPF holder: what the law (Code du travail
//! L6353-3 to L6353-7) and Mon Compte Formation's terms add to the CGV for them, and win
//! where they differ. The figures (10 days, 30 %, 7 jours ouvrés) come from the data file
//! (`catalogue.cancellation`); the sentences are written here, from computed results.
//!
//! Conventions where the law is silent (SPEC, "A trainee who pays for themselves"): the
//! withdrawal period counts calendar days from the day after the signature, and a period
//! ending on a Saturday, Sunday or public holiday runs to the next working day (as Code de
//! la consommation L221-19 has it) — the reading most favourable to the trainee.

use chrono::{NaiveDate, TimeDelta};
use rust_decimal::Decimal;

use crate::domain::calendar::{last_notification_leaving, training_day_from, DayKind};
use crate::domain::catalogue::CancellationTerms;
use crate::domain::fr::format_date_fr;
use crate::domain::money::{format_eur, format_percent, round_cents};

/// The articles and terms the rules below come from.
pub const ARTICLE_WITHDRAWAL: &str = "Code du travail, art. L6353-5";
pub const ARTICLE_PAYMENT: &str = "Code du travail, art. L6353-6";
pub const ARTICLE_FORCE_MAJEURE: &str = "Code du travail, art. L6353-7";
pub const CPF_TERMS: &str = "conditions générales d'utilisation de Mon Compte Formation";

/// Which rules the client's cancellation follows, as the cancellation screen asks it
/// (« Type de client »). Not the draft's `ClientKind` (who enrols: a company or a person):
/// a person may pay for themselves or through the CPF; see [`ClientType::of_enrolment`].
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum ClientType {
    /// An employer, with or without an OPCO: the CGV apply.
    #[default]
    Company,
    /// A natural person enrolling on their own account and at their own expense.
    Individual,
    /// A CPF holder: Mon Compte Formation's terms.
    Cpf,
}

impl ClientType {
    pub const ALL: [ClientType; 3] = [ClientType::Company, ClientType::Individual, ClientType::Cpf];

    /// The rules an enrolment follows: the CPF's when it funds it, a trainee who pays
    /// when a person enrols, else a company's.
    pub fn of_enrolment(person: bool, cpf: bool) -> Self {
        match (cpf, person) {
            (true, _) => ClientType::Cpf,
            (false, true) => ClientType::Individual,
            (false, false) => ClientType::Company,
        }
    }

    /// The select's value.
    pub fn key(self) -> &'static str {
        match self {
            ClientType::Company => "entreprise",
            ClientType::Individual => "particulier",
            ClientType::Cpf => "cpf",
        }
    }

    pub fn from_key(key: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.key() == key)
    }

    /// The select's label.
    pub fn label_fr(self) -> &'static str {
        match self {
            ClientType::Company => "Entreprise",
            ClientType::Individual => "Particulier, à ses frais",
            ClientType::Cpf => "CPF (Mon Compte Formation)",
        }
    }
}

/// The client of a cancellation: its kind and, for a trainee who pays, the contract's
/// signature and whether a force majeure was duly recognised.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Client {
    pub kind: ClientType,
    /// « Date de signature du contrat » (a trainee who pays only).
    pub signed: Option<NaiveDate>,
    /// « Force majeure dûment reconnue » (a trainee who pays only).
    pub force_majeure: bool,
}

/// The last day of the withdrawal period of a contract signed on `signed`: `withdrawal_days`
/// calendar days after it, moved to the next working day when it falls on a Saturday, a
/// Sunday or a public holiday. `None` past chrono's range.
pub fn withdrawal_end(terms: &CancellationTerms, signed: NaiveDate) -> Option<NaiveDate> {
    let end = signed.checked_add_signed(TimeDelta::try_days(i64::from(terms.withdrawal_days))?)?;
    training_day_from(end)
}

/// What may be asked of a trainee who pays, and when (L6353-6).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PaymentLimits {
    /// The first day a sum may be asked: the day after the withdrawal period.
    pub first_day: NaiveDate,
    /// The most that may be asked on that day: the rate of the price TTC, to the cent.
    pub first_max_ttc: Decimal,
    /// The price TTC it is a share of.
    pub price_ttc: Decimal,
    /// The share, e.g. 0.30.
    pub rate: Decimal,
}

/// The payment limits of a contract for `price_ttc` whose withdrawal period ends on
/// `withdrawal_end` (see [`withdrawal_end`]).
pub fn payment_limits(
    terms: &CancellationTerms,
    withdrawal_end: NaiveDate,
    price_ttc: Decimal,
) -> Option<PaymentLimits> {
    let first_day = withdrawal_end.succ_opt()?;
    let rate = terms.individual_first_payment_max_rate;
    Some(PaymentLimits {
        first_day,
        first_max_ttc: round_cents(price_ttc.checked_mul(rate)?),
        price_ttc,
        rate,
    })
}

/// A module's price and the days of it attended, for the force-majeure fee.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct DaysHeld {
    pub amount_ht: Decimal,
    pub days: Decimal,
    pub attended: Decimal,
}

/// The value of the training delivered (L6353-7): for each module its price × the days
/// attended ÷ its days, summed, rounded once to the cent. `None` on overflow.
pub fn force_majeure_due(lines: &[DaysHeld]) -> Option<Decimal> {
    let mut sum = Decimal::ZERO;
    for l in lines.iter().filter(|l| !l.days.is_zero()) {
        sum = sum.checked_add(l.amount_ht.checked_mul(l.attended)?.checked_div(l.days)?)?;
    }
    Some(round_cents(sum))
}

/// The last notification date for a CPF holder to cancel without fee: more than
/// `cpf_free_working_days` jours ouvrés (Monday to Friday, not public holidays) left
/// strictly between it and the start.
pub fn cpf_free_until(terms: &CancellationTerms, start: NaiveDate) -> Option<NaiveDate> {
    last_notification_leaving(
        DayKind::Ouvre,
        terms.cpf_free_working_days.checked_add(1)?,
        start,
    )
}

// The sentences, from the computed results.

/// Notified within the withdrawal period: nothing is due.
pub fn withdrawal_fr(end: NaiveDate) -> String {
    format!(
        "Rétractation dans le délai légal ({ARTICLE_WITHDRAWAL} : dix jours à compter de la \
         signature du contrat, jusqu'au {} inclus) : aucune somme n'est due, quels que soient le \
         barème des CGV ou les modules commencés.",
        format_date_fr(end)
    )
}

/// The period's last day, and that it is over.
pub fn withdrawal_over_fr(end: NaiveDate) -> String {
    format!(
        "Le délai de rétractation ({ARTICLE_WITHDRAWAL}) a pris fin le {} : les règles \
         ci-dessous s'appliquent.",
        format_date_fr(end)
    )
}

/// How the ten days are counted, and the consumer code's fourteen days.
pub fn withdrawal_count_fr(terms: &CancellationTerms) -> String {
    format!(
        "Le délai de {} jours se compte en jours calendaires à partir du lendemain de la \
         signature ; s'il finit un samedi, un dimanche ou un jour férié, il court jusqu'au \
         premier jour ouvré suivant (lecture la plus favorable au stagiaire, la loi ne précisant \
         pas le décompte). Un contrat conclu à distance peut aussi ouvrir le délai de 14 jours \
         du Code de la consommation (art. L221-18) : il n'est pas calculé ici.",
        terms.withdrawal_days
    )
}

/// The payment limits in words (`paiement-particulier`).
pub fn payment_fr(p: &PaymentLimits) -> String {
    format!(
        "Paiement ({ARTICLE_PAYMENT}) : aucune somme ne peut être exigée avant le {} ; ce jour-là, \
         au plus {} ({} du prix TTC de {}) ; le solde au fur et à mesure du déroulement de la \
         formation.",
        format_date_fr(p.first_day),
        format_eur(p.first_max_ttc),
        format_percent(p.rate),
        format_eur(p.price_ttc)
    )
}

/// The force-majeure fee and how it is computed.
pub fn force_majeure_fr(due_ht: Decimal) -> String {
    format!(
        "Force majeure dûment reconnue ({ARTICLE_FORCE_MAJEURE}) : seules les prestations \
         effectivement dispensées sont dues, au prorata de leur valeur prévue au contrat, soit \
         {} HT (pour chaque module, son prix × les jours suivis ÷ ses jours, arrondi une fois au \
         centime) ; la règle des CGV « tout module commencé est dû » et le barème ne s'appliquent \
         pas.",
        format_eur(due_ht)
    )
}

/// The CPF holder's deadline (`date-limite-cpf`) and what follows it, as information.
pub fn cpf_deadline_fr(terms: &CancellationTerms, free_until: NaiveDate) -> String {
    format!(
        "Selon les {CPF_TERMS}, le titulaire peut annuler sans frais tant que plus de {} \
         séparent la notification du début de la formation, soit jusqu'au {} inclus. Au-delà, \
         ou en cas d'absence, la plateforme peut débiter tout ou partie des droits : c'est elle \
         qui en décide, aucun montant n'est calculé ici.",
        DayKind::Ouvre.count_fr(terms.cpf_free_working_days),
        format_date_fr(free_until)
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::catalogue::Catalogue;

    fn dec(s: &str) -> Decimal {
        s.parse().unwrap()
    }

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    fn terms() -> CancellationTerms {
        Catalogue::fixture().cancellation
    }

    #[test]
    fn the_withdrawal_period_is_ten_calendar_days_after_the_signature() {
        // Signed Monday 4 May 2026: days 5 … 14 May; the 14th is Ascension (a public
        // holiday), the 15th a Friday: the period runs to Friday 15 May.
        assert_eq!(
            withdrawal_end(&terms(), d("2026-05-04")),
            Some(d("2026-05-15"))
        );
        // Signed Tuesday 2 June 2026: the tenth day is Friday 12 June.
        assert_eq!(
            withdrawal_end(&terms(), d("2026-06-02")),
            Some(d("2026-06-12"))
        );
    }

    #[test]
    fn a_withdrawal_period_ending_on_a_weekend_runs_to_the_next_working_day() {
        // Signed Wednesday 3 June 2026: the tenth day is Saturday 13 June → Monday 15 June.
        assert_eq!(
            withdrawal_end(&terms(), d("2026-06-03")),
            Some(d("2026-06-15"))
        );
        // Signed Thursday 7 May 2026: the tenth day is Sunday 17 May → Monday 18 May.
        assert_eq!(
            withdrawal_end(&terms(), d("2026-05-07")),
            Some(d("2026-05-18"))
        );
        // Signed Friday 15 May 2026: the tenth day is Whit Monday 25 May → Tuesday 26 May.
        assert_eq!(
            withdrawal_end(&terms(), d("2026-05-15")),
            Some(d("2026-05-26"))
        );
    }

    #[test]
    fn the_first_payment_is_at_most_thirty_percent_to_the_cent_the_day_after_the_period() {
        // 4 000 € HT + 20 % = 4 800,00 TTC → 1 440,00; 3 333,33 TTC → 999,999 → 1 000,00.
        let end = withdrawal_end(&terms(), d("2026-06-03")).unwrap();
        let p = payment_limits(&terms(), end, dec("4800.00")).unwrap();
        assert_eq!(p.first_day, d("2026-06-16"));
        assert_eq!(p.first_max_ttc, dec("1440.00"));
        let p = payment_limits(&terms(), end, dec("3333.33")).unwrap();
        assert_eq!(p.first_max_ttc, dec("1000.00"));
        let p = payment_limits(&terms(), end, dec("1234.55")).unwrap();
        // 370,365 → 370,37 (half away from zero).
        assert_eq!(p.first_max_ttc, dec("370.37"));
        assert!(payment_fr(&p).contains("mardi 16 juin 2026"));
        assert!(payment_fr(&p).contains("370,37 €"));
    }

    #[test]
    fn force_majeure_charges_the_days_attended_rounded_once() {
        // SPEC's example: full course 4 000 € HT; modules 1 and 2 and the first of module
        // 3's two days attended: 615,39 + 615,38 + 615,385 = 1 846,155 → 1 846,16.
        let held = [
            DaysHeld {
                amount_ht: dec("615.39"),
                days: dec("1"),
                attended: dec("1"),
            },
            DaysHeld {
                amount_ht: dec("615.38"),
                days: dec("1"),
                attended: dec("1"),
            },
            DaysHeld {
                amount_ht: dec("1230.77"),
                days: dec("2"),
                attended: dec("1"),
            },
            DaysHeld {
                amount_ht: dec("1230.77"),
                days: dec("2"),
                attended: dec("0"),
            },
            DaysHeld {
                amount_ht: dec("307.69"),
                days: dec("0.5"),
                attended: dec("0"),
            },
        ];
        assert_eq!(force_majeure_due(&held), Some(dec("1846.16")));
        assert!(force_majeure_fr(dec("1846.16")).contains("1\u{202f}846,16 € HT"));
    }

    #[test]
    fn the_cpf_deadline_leaves_more_than_seven_jours_ouvres() {
        // Start Tuesday 26 May 2026 (Ascension 14 May and Whit Monday 25 May in between):
        // notified Monday 11 May, 8 jours ouvrés remain (12, 13, 15, 18–22 May): free;
        // notified Tuesday 12 May, 7: not any more.
        assert_eq!(
            cpf_free_until(&terms(), d("2026-05-26")),
            Some(d("2026-05-11"))
        );
        let text = cpf_deadline_fr(&terms(), d("2026-05-11"));
        assert!(text.contains("plus de 7 jours ouvrés"), "{text}");
        assert!(text.contains("lundi 11 mai 2026"), "{text}");
    }

    #[test]
    fn the_client_kinds_read_back_from_their_keys() {
        for kind in ClientType::ALL {
            assert_eq!(ClientType::from_key(kind.key()), Some(kind));
        }
        assert_eq!(ClientType::from_key("autre"), None);
    }
}
