//! The wording of a cancellation outcome on screen: the answer it opens with, the state of
//! each module, its key dates in order, and a worked example for the empty panel. Written from the computed outcome, never inside the
//! computation (`cancellation.rs`).

use chrono::NaiveDate;

use crate::domain::calendar::DayKind;
use crate::domain::cancellation::{
    assess_cancellation, BookingKind, CancellationOutcome, CancellationRequest, Case, FeeBand,
    ModuleLine, ModuleStatus, Who,
};
use crate::domain::catalogue::{CancellationTerms, Catalogue};
use crate::domain::cgv::adjourn_notice_fr;
use crate::domain::fr::{attended_fr, days_fr, format_date_fr};
use crate::domain::individual::{ARTICLE_FORCE_MAJEURE, ARTICLE_WITHDRAWAL, CPF_TERMS};
use crate::domain::money::{format_eur, format_percent};
use crate::domain::order::sort_by_key;
use crate::domain::quote_form::FundingChoice;

/// The sentence that answers the question before any figure: what is owed and why, e.g.
/// « Vous devez 2 000,00 € HT, soit 2 400,00 € TTC : annulation 12 jours ouvrables avant
/// le début, tranche à 50 %. », or until when a cancellation stays free.
pub fn answer_fr(outcome: &CancellationOutcome, terms: &CancellationTerms) -> String {
    let o = outcome;
    let owed = if o.vat_rate.is_zero() {
        format!(
            "Vous devez {} HT (sans TVA, exonération)",
            format_eur(o.fee_ht)
        )
    } else {
        format!(
            "Vous devez {} HT, soit {} TTC",
            format_eur(o.fee_ht),
            format_eur(o.fee_ttc)
        )
    };
    let before = format!(
        "annulation {} avant le début",
        DayKind::Ouvrable.count_fr(o.working_days)
    );
    match o.case {
        Case::Adjourned => match o.adjourn_deadline.filter(|limit| o.notified > *limit) {
            Some(limit) => format!(
                "Rien n'est dû par le client : Co&Sens ajourne la formation faute de \
                 participants, après la limite des CGV (au plus tard {} avant, soit le {}) ; la \
                 clause ne couvre pas cet ajournement tardif, mais le client ne doit rien pour \
                 une formation que Co&Sens ne tient pas.",
                adjourn_notice_fr(terms),
                format_date_fr(limit)
            ),
            None => {
                "Rien n'est dû par le client : Co&Sens ajourne la formation faute de participants."
                    .into()
            }
        },
        Case::Cpf => cpf_answer_fr(o),
        Case::Withdrawal => withdrawal_answer_fr(o),
        Case::ForceMajeure => force_majeure_answer_fr(o, &owed),
        Case::BeforeStart if o.fee_ht.is_zero() && o.band == Some(FeeBand::NoFee) => {
            match o.deadline_no_fee {
                Some(limit) => format!(
                    "Rien à payer : {before}, sans frais jusqu'au {} inclus (barème des CGV).",
                    format_date_fr(limit)
                ),
                None => format!("Rien à payer : {before}, sans frais (barème des CGV)."),
            }
        }
        Case::BeforeStart => {
            let band = o
                .band
                .unwrap_or_else(|| FeeBand::for_working_days(terms, o.working_days));
            format!(
                "{owed} : {before}, tranche à {} du barème des CGV.",
                format_percent(band.rate(terms))
            )
        }
        Case::Interruption => {
            let when = if o.notified == o.start {
                format!(
                    "notification le jour du début ({})",
                    format_date_fr(o.start)
                )
            } else {
                format!(
                    "notification après le début de la formation ({})",
                    format_date_fr(o.start)
                )
            };
            if o.fee_ht.is_zero() {
                format!(
                    "Rien à payer : {when}, mais aucun module n'était commencé et les suivants \
                     restent sans frais."
                )
            } else {
                format!("{owed} : {when}, tout module commencé est dû (CGV).")
            }
        }
    }
}

/// A CPF holder's answer: the platform's terms, and until when a cancellation is free.
fn cpf_answer_fr(o: &CancellationOutcome) -> String {
    let until = o
        .cpf_free_until
        .map(|limit| format!(", sans frais jusqu'au {} inclus", format_date_fr(limit)))
        .unwrap_or_default();
    format!(
        "Aucun montant n'est calculé ici : une inscription financée par le CPF suit les \
         {CPF_TERMS}{until}."
    )
}

/// A trainee who pays and withdrew within the legal period.
fn withdrawal_answer_fr(o: &CancellationOutcome) -> String {
    let until = o
        .withdrawal_end
        .map(|end| format!(", jusqu'au {} inclus", format_date_fr(end)))
        .unwrap_or_default();
    format!("Rien à payer : rétractation dans le délai légal{until} ({ARTICLE_WITHDRAWAL}).")
}

/// A trainee who pays, stopped by a recognised force majeure.
fn force_majeure_answer_fr(o: &CancellationOutcome, owed: &str) -> String {
    if o.fee_ht.is_zero() {
        format!(
            "Rien à payer : force majeure dûment reconnue, aucune journée n'a été suivie \
             ({ARTICLE_FORCE_MAJEURE})."
        )
    } else {
        format!(
            "{owed} : force majeure dûment reconnue, seules les journées suivies sont dues \
             ({ARTICLE_FORCE_MAJEURE})."
        )
    }
}

/// Whether this notification still allows postponing or replacing the trainee without fee.
pub fn postpone_now_fr(outcome: &CancellationOutcome) -> &'static str {
    if outcome.postpone_possible {
        "Pour cette date de notification, le report ou le remplacement du stagiaire reste \
         possible sans frais, sous réserve de l'accord de l'OPCO."
    } else {
        "Pour cette date de notification, le report ou le remplacement sans frais n'est plus \
         possible."
    }
}

/// A worked example for the empty result panel: its setting and its answer, computed by
/// the calculator itself (the SPEC's example: a full course starting Tuesday 26 May 2026,
/// cancelled on Monday 4 May). `None` if the catalogue cannot price it.
pub fn example_fr(catalogue: &Catalogue) -> Option<(String, String)> {
    let request = CancellationRequest {
        start: NaiveDate::from_ymd_opt(2026, 5, 26)?,
        notified: NaiveDate::from_ymd_opt(2026, 5, 4)?,
        amount_ht: catalogue.prices.full_course_ht,
        vat_rate: catalogue.prices.vat_rate,
        who: Who::ClientCancels,
        funding: FundingChoice::Aucun,
        client: crate::domain::individual::Client::default(),
        modules: Vec::new(),
    };
    let outcome = assess_cancellation(catalogue, &request).ok()?;
    let setting = format!(
        "parcours complet à {} HT commençant le {}, annulation notifiée le {}",
        format_eur(request.amount_ht),
        format_date_fr(request.start),
        format_date_fr(request.notified)
    );
    Some((setting, answer_fr(&outcome, &catalogue.cancellation)))
}

/// A line's name in the module table: "Module 3", "Accompagnement", or the block's label.
pub fn line_name_fr(line: &ModuleLine) -> String {
    match (line.status, line.kind) {
        (ModuleStatus::Block, _) => line.label.clone(),
        (_, BookingKind::Coaching) => "Accompagnement".into(),
        (_, BookingKind::Module) => format!("Module {}", line.number),
    }
}

/// A line's start as the table shows it, marked when it is assumed.
pub fn line_start_fr(line: &ModuleLine) -> String {
    if line.start_assumed {
        format!("{} (date supposée)", format_date_fr(line.start))
    } else {
        format_date_fr(line.start)
    }
}

/// Where a line stood on the notification date.
pub fn line_status_fr(line: &ModuleLine, terms: &CancellationTerms) -> String {
    match line.status {
        ModuleStatus::AttendedInFull => "Suivi en totalité".into(),
        ModuleStatus::Started => format!(
            "Commencé : {} sur {}, le reste dû au titre de l'absence",
            attended_fr(line.attended_days),
            days_fr(line.days)
        ),
        ModuleStatus::NotStarted => match (line.working_days, line.band) {
            (Some(n), Some(band)) => format!(
                "Pas commencé : {} avant, frais de {}",
                DayKind::Ouvrable.count_fr(n),
                format_percent(band.rate(terms))
            ),
            _ => "Pas commencé".into(),
        },
        ModuleStatus::Block => "Formation commencée, sans détail des modules".into(),
    }
}

/// The deadlines of a booking, each the last notification date of its kind.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Deadline {
    NoFee,
    HalfFee,
    Postpone,
    Adjourn,
    Opco,
}

impl Deadline {
    /// A short ASCII name, stable across versions (calendar event ids).
    pub fn slug(self) -> &'static str {
        match self {
            Deadline::NoFee => "annulation-sans-frais",
            Deadline::HalfFee => "annulation-frais-partiels",
            Deadline::Postpone => "report-remplacement",
            Deadline::Adjourn => "ajournement",
            Deadline::Opco => "accord-opco",
        }
    }
}

/// One deadline that a date meets: which, when, and what it is in French (lower case).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DatedDeadline {
    pub kind: Deadline,
    pub date: NaiveDate,
    pub what: String,
}

/// The deadlines that exist for the outcome, in the order of the CGV (not sorted).
pub fn deadlines_fr(
    outcome: &CancellationOutcome,
    terms: &CancellationTerms,
) -> Vec<DatedDeadline> {
    deadline_dates(outcome, terms)
        .into_iter()
        .filter_map(|d| match (d.kind, d.date) {
            (KeyDateKind::Deadline(kind), Some(date)) => Some(DatedDeadline {
                kind,
                date,
                what: d.what,
            }),
            _ => None,
        })
        .collect()
}

/// What a key date is, for the calendar's marks.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum KeyDateKind {
    Deadline(Deadline),
    Notification,
    Start,
}

/// One date of the calendar: when (`None`: a deadline no date can meet), what, and its
/// kind.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct KeyDate {
    pub date: Option<NaiveDate>,
    pub what: String,
    pub kind: KeyDateKind,
}

/// Every deadline, the notification and the start, in date order; the deadlines no date
/// can meet come last.
pub fn key_dates(outcome: &CancellationOutcome, terms: &CancellationTerms) -> Vec<KeyDate> {
    let o = outcome;
    let mut dates = deadline_dates(o, terms);
    dates.push(KeyDate {
        date: Some(o.notified),
        what: "votre date de notification".into(),
        kind: KeyDateKind::Notification,
    });
    dates.push(KeyDate {
        date: Some(o.start),
        what: "démarrage de la formation".into(),
        kind: KeyDateKind::Start,
    });
    sort_by_key(&mut dates, |d| (d.date.is_none(), d.date));
    dates
}

/// The five deadlines in the order of the CGV, those no date can meet included.
fn deadline_dates(outcome: &CancellationOutcome, terms: &CancellationTerms) -> Vec<KeyDate> {
    let half = format_percent(terms.half_fee_rate);
    let o = outcome;
    let deadline = |date: Option<NaiveDate>, which: Deadline, what: String| KeyDate {
        date,
        what,
        kind: KeyDateKind::Deadline(which),
    };
    vec![
        deadline(
            o.deadline_no_fee,
            Deadline::NoFee,
            "dernier jour pour annuler sans frais".into(),
        ),
        deadline(
            o.deadline_half,
            Deadline::HalfFee,
            format!("dernier jour pour annuler avec {half} de frais"),
        ),
        deadline(
            o.postpone_deadline,
            Deadline::Postpone,
            "dernier jour pour reporter ou remplacer un stagiaire sans frais".into(),
        ),
        deadline(
            o.adjourn_deadline,
            Deadline::Adjourn,
            "dernier jour pour un ajournement par Co&Sens".into(),
        ),
        deadline(
            o.opco_deadline,
            Deadline::Opco,
            "dernier jour pour recevoir l'accord de prise en charge de l'OPCO".into(),
        ),
    ]
}

/// One band of the fee scale, as the calendar lists them from the earliest.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BandStep {
    /// The band, or `None` for "the training has started".
    pub band: Option<FeeBand>,
    pub title: String,
    pub detail: String,
    /// The notification falls in this step.
    pub current: bool,
}

/// The fee scale, its current step marked.
pub fn band_steps(outcome: &CancellationOutcome, terms: &CancellationTerms) -> Vec<BandStep> {
    let o = outcome;
    let until = |d: Option<NaiveDate>, prefix: &str| match d {
        Some(d) => format!("{prefix}{} inclus", format_date_fr(d)),
        None => "aucune date possible".into(),
    };
    let current = |band: Option<FeeBand>| match o.case {
        Case::Interruption => band.is_none(),
        _ => band.is_some() && band == o.band,
    };
    [
        (
            Some(FeeBand::NoFee),
            "Sans frais".to_string(),
            until(o.deadline_no_fee, "notification jusqu'au "),
        ),
        (
            Some(FeeBand::HalfFee),
            format!("Frais de {}", format_percent(terms.half_fee_rate)),
            until(o.deadline_half, "jusqu'au "),
        ),
        (
            Some(FeeBand::FullFee),
            format!("Frais de {}", format_percent(FeeBand::FullFee.rate(terms))),
            "ensuite, jusqu'à la veille du démarrage".into(),
        ),
        (
            None,
            "Formation commencée".into(),
            format!(
                "dès le {} : tout module commencé est dû",
                format_date_fr(o.start)
            ),
        ),
    ]
    .into_iter()
    .map(|(band, title, detail)| BandStep {
        band,
        title,
        detail,
        current: current(band),
    })
    .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::cancellation::ModuleBooking;
    use crate::domain::money::dec;
    use rust_decimal::Decimal;

    fn outcome(notified: &str) -> (CancellationOutcome, CancellationTerms) {
        (
            outcome_with(notified, |_| {}),
            Catalogue::fixture().cancellation,
        )
    }

    fn outcome_with(
        notified: &str,
        change: impl FnOnce(&mut CancellationRequest),
    ) -> CancellationOutcome {
        let catalogue = Catalogue::fixture();
        let mut request = CancellationRequest {
            start: NaiveDate::from_ymd_opt(2026, 5, 26).unwrap(),
            notified: notified.parse().unwrap(),
            amount_ht: dec("4000"),
            vat_rate: dec("0.20"),
            who: Who::ClientCancels,
            funding: FundingChoice::Aucun,
            client: crate::domain::individual::Client::default(),
            modules: Vec::new(),
        };
        change(&mut request);
        assess_cancellation(&catalogue, &request).unwrap()
    }

    #[test]
    fn the_answer_names_the_law_or_the_terms_that_decided() {
        use crate::domain::individual::ClientType;
        let terms = Catalogue::fixture().cancellation;
        let out = outcome_with("2026-05-26", |r| {
            r.client.kind = ClientType::Individual;
            r.client.signed = NaiveDate::from_ymd_opt(2026, 5, 15);
        });
        assert_eq!(
            answer_fr(&out, &terms),
            "Rien à payer : rétractation dans le délai légal, jusqu'au mardi 26 mai 2026 inclus \
             (Code du travail, art. L6353-5)."
        );
        let out = outcome_with("2026-05-20", |r| {
            r.client.kind = ClientType::Individual;
            r.client.force_majeure = true;
        });
        assert!(answer_fr(&out, &terms).ends_with(
            "force majeure dûment reconnue, aucune journée n'a été suivie (Code du travail, art. \
             L6353-7)."
        ));
        let out = outcome_with("2026-05-16", |r| r.client.kind = ClientType::Cpf);
        assert!(answer_fr(&out, &terms).ends_with(
            "conditions générales d'utilisation de Mon Compte Formation, sans frais jusqu'au lundi \
             11 mai 2026 inclus."
        ));
    }

    #[test]
    fn the_answer_says_what_is_owed_and_why_before_the_start() {
        let (out, terms) = outcome("2026-05-04");
        assert_eq!(
            answer_fr(&out, &terms),
            "Vous devez 2\u{202f}000,00 € HT, soit 2\u{202f}400,00 € TTC : annulation 15 jours \
             ouvrables avant le début, tranche à 50\u{a0}% du barème des CGV."
        );
        let (out, terms) = outcome("2026-05-16");
        assert!(answer_fr(&out, &terms).ends_with(
            "6 jours ouvrables avant le début, tranche à 100\u{a0}% du barème des CGV."
        ));
        let out = outcome_with("2026-05-15", |r| r.vat_rate = Decimal::ZERO);
        assert!(answer_fr(&out, &terms).starts_with(
            "Vous devez 2\u{202f}000,00 € HT (sans TVA, exonération) : annulation 7 jours"
        ));
    }

    #[test]
    fn without_fee_the_answer_says_until_when_it_stays_free() {
        let (out, terms) = outcome("2026-05-03");
        assert_eq!(
            answer_fr(&out, &terms),
            "Rien à payer : annulation 16 jours ouvrables avant le début, sans frais jusqu'au \
             dimanche 3 mai 2026 inclus (barème des CGV)."
        );
        let (out, terms) = outcome("2026-04-01");
        assert!(answer_fr(&out, &terms)
            .ends_with("sans frais jusqu'au dimanche 3 mai 2026 inclus (barème des CGV)."));
    }

    #[test]
    fn the_answer_after_the_start_on_adjournment_and_with_cpf() {
        let (out, terms) = outcome("2026-05-27");
        assert_eq!(
            answer_fr(&out, &terms),
            "Vous devez 4\u{202f}000,00 € HT, soit 4\u{202f}800,00 € TTC : notification après le \
             début de la formation (mardi 26 mai 2026), tout module commencé est dû (CGV)."
        );
        let (out, terms) = outcome("2026-05-26");
        assert!(
            answer_fr(&out, &terms).contains("notification le jour du début (mardi 26 mai 2026)")
        );
        // Notified after the start, the one module booked starting six weeks later: free.
        let out = outcome_with("2026-05-27", |r| {
            r.modules = vec![ModuleBooking {
                kind: BookingKind::Module,
                number: 5,
                label: String::new(),
                days: dec("0.5"),
                amount_ht: dec("400"),
                start: NaiveDate::from_ymd_opt(2026, 7, 7),
            }]
        });
        assert_eq!(out.fee_ht, Decimal::ZERO);
        assert!(answer_fr(&out, &terms).starts_with(
            "Rien à payer : notification après le début de la formation (mardi 26 mai 2026), mais"
        ));
        let out = outcome_with("2026-05-16", |r| r.who = Who::CoSensAdjourns);
        assert!(answer_fr(&out, &terms).starts_with("Rien n'est dû par le client"));
        // Adjourned on Tuesday 19 May, a week before: within the clause, nothing more said.
        let out = outcome_with("2026-05-19", |r| r.who = Who::CoSensAdjourns);
        assert!(!answer_fr(&out, &terms).contains("après la limite"));
        // The day after, the answer says the clause no longer covers it.
        let out = outcome_with("2026-05-20", |r| r.who = Who::CoSensAdjourns);
        let said = answer_fr(&out, &terms);
        assert!(
            said.contains("après la limite des CGV (au plus tard une semaine avant, soit le mardi 19 mai 2026)"),
            "{said}"
        );
        assert!(said.contains("ne doit rien pour une formation que Co&Sens ne tient pas"));
        let out = outcome_with("2026-05-16", |r| r.funding = FundingChoice::Cpf);
        assert!(answer_fr(&out, &terms).contains("Mon Compte Formation"));
    }

    #[test]
    fn the_example_is_the_worked_example_of_the_spec() {
        let (setting, answer) = example_fr(&Catalogue::fixture()).expect("an example");
        assert_eq!(
            setting,
            "parcours complet à 4\u{202f}000,00 € HT commençant le mardi 26 mai 2026, annulation \
             notifiée le lundi 4 mai 2026"
        );
        assert!(answer.starts_with("Vous devez 2\u{202f}000,00 € HT, soit 2\u{202f}400,00 € TTC"));
    }

    #[test]
    fn postponing_is_said_possible_until_seven_calendar_days_before() {
        let (out, _) = outcome("2026-05-18");
        assert!(postpone_now_fr(&out).contains("reste possible sans frais"));
        let (out, _) = outcome("2026-05-19");
        assert!(postpone_now_fr(&out).contains("n'est plus possible"));
    }

    #[test]
    fn key_dates_come_in_date_order_with_the_notification_and_the_start() {
        let (out, terms) = outcome("2026-05-04");
        let dates = key_dates(&out, &terms);
        assert!(dates.windows(2).all(|w| w[0].date <= w[1].date));
        assert_eq!(dates.first().and_then(|d| d.date), out.deadline_no_fee);
        assert_eq!(dates.last().map(|d| d.kind), Some(KeyDateKind::Start));
        assert!(dates
            .iter()
            .any(|d| d.kind == KeyDateKind::Notification && d.date == Some(out.notified)));
        let deadlines = dates
            .iter()
            .filter(|d| matches!(d.kind, KeyDateKind::Deadline(_)))
            .count();
        assert_eq!(deadlines, 5, "every deadline, each once");
    }

    #[test]
    fn a_deadline_no_date_can_meet_comes_last() {
        let (mut out, terms) = outcome("2026-05-04");
        out.deadline_half = None;
        let dates = key_dates(&out, &terms);
        let last = dates.last().expect("dates");
        assert_eq!(last.kind, KeyDateKind::Deadline(Deadline::HalfFee));
        assert_eq!(last.date, None);
    }

    #[test]
    fn the_scale_marks_the_step_of_the_notification() {
        let (out, terms) = outcome("2026-05-16");
        let current: Vec<Option<FeeBand>> = band_steps(&out, &terms)
            .into_iter()
            .filter(|s| s.current)
            .map(|s| s.band)
            .collect();
        assert_eq!(current, [Some(FeeBand::FullFee)]);
        let (out, terms) = outcome("2026-05-27");
        let current: Vec<Option<FeeBand>> = band_steps(&out, &terms)
            .into_iter()
            .filter(|s| s.current)
            .map(|s| s.band)
            .collect();
        assert_eq!(current, [None]);
    }
}
