//! The wording of a cancellation outcome on screen: its verdict, the state of each module,
//! and its key dates in order. Written from the computed outcome, never inside the
//! computation (`cancellation.rs`).

use chrono::NaiveDate;

use crate::domain::calendar::DayKind;
use crate::domain::cancellation::{
    BookingKind, CancellationOutcome, Case, FeeBand, ModuleLine, ModuleStatus,
};
use crate::domain::catalogue::CancellationTerms;
use crate::domain::fr::{attended_fr, days_fr, format_date_fr};
use crate::domain::money::format_percent;

/// The one-line answer above the figures.
pub fn verdict_fr(outcome: &CancellationOutcome, terms: &CancellationTerms) -> String {
    match (outcome.case, outcome.band) {
        (Case::Adjourned, _) => "Ajournement par Co&Sens : rien n'est dû par le client.".into(),
        (Case::Interruption, _) => {
            "Absence ou interruption : tout module commencé est dû en totalité.".into()
        }
        (_, Some(FeeBand::NoFee)) => "Annulation sans frais.".into(),
        (_, Some(band)) => format!(
            "Frais d'annulation de {} du prix HT.",
            format_percent(band.rate(terms))
        ),
        (_, None) => String::new(),
    }
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

/// What a key date is, for the calendar's marks.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum KeyDateKind {
    Deadline,
    Notification,
    Start,
}

/// One date of the calendar: when, what, and its kind.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct KeyDate {
    pub date: NaiveDate,
    pub what: String,
    pub kind: KeyDateKind,
}

/// Which deadline of an outcome a date is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DeadlineKind {
    /// Last notification date without fee.
    NoFee,
    /// Last notification date at the half fee.
    HalfFee,
    /// Last date to postpone or replace the trainee without fee.
    Postpone,
    /// Last date for Co&Sens to adjourn.
    Adjourn,
    /// Last date for the OPCO's agreement to reach Co&Sens.
    Opco,
}

impl DeadlineKind {
    /// A short ASCII name, stable across versions (calendar event ids).
    pub fn slug(self) -> &'static str {
        match self {
            DeadlineKind::NoFee => "annulation-sans-frais",
            DeadlineKind::HalfFee => "annulation-frais-partiels",
            DeadlineKind::Postpone => "report-remplacement",
            DeadlineKind::Adjourn => "ajournement",
            DeadlineKind::Opco => "accord-opco",
        }
    }
}

/// One deadline of an outcome: which, when, and what it is in French (lower case).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Deadline {
    pub kind: DeadlineKind,
    pub date: NaiveDate,
    pub what: String,
}

/// The deadlines that exist for the outcome, in the order of the CGV (not sorted).
pub fn deadlines_fr(outcome: &CancellationOutcome, terms: &CancellationTerms) -> Vec<Deadline> {
    let half = format_percent(terms.half_fee_rate);
    let o = outcome;
    [
        (
            DeadlineKind::NoFee,
            o.deadline_no_fee,
            "dernier jour pour annuler sans frais".to_string(),
        ),
        (
            DeadlineKind::HalfFee,
            o.deadline_half,
            format!("dernier jour pour annuler avec {half} de frais"),
        ),
        (
            DeadlineKind::Postpone,
            o.postpone_deadline,
            "dernier jour pour reporter ou remplacer un stagiaire sans frais".into(),
        ),
        (
            DeadlineKind::Adjourn,
            o.adjourn_deadline,
            "dernier jour pour un ajournement par Co&Sens".into(),
        ),
        (
            DeadlineKind::Opco,
            o.opco_deadline,
            "dernier jour pour recevoir l'accord de prise en charge de l'OPCO".into(),
        ),
    ]
    .into_iter()
    .filter_map(|(kind, date, what)| date.map(|date| Deadline { kind, date, what }))
    .collect()
}

/// The deadlines, the notification and the start, in date order.
pub fn key_dates(outcome: &CancellationOutcome, terms: &CancellationTerms) -> Vec<KeyDate> {
    let o = outcome;
    let mut dates: Vec<KeyDate> = deadlines_fr(o, terms)
        .into_iter()
        .map(|d| KeyDate {
            date: d.date,
            what: d.what,
            kind: KeyDateKind::Deadline,
        })
        .collect();
    dates.push(KeyDate {
        date: o.notified,
        what: "votre date de notification".into(),
        kind: KeyDateKind::Notification,
    });
    dates.push(KeyDate {
        date: o.start,
        what: "démarrage de la formation".into(),
        kind: KeyDateKind::Start,
    });
    dates.sort_by_key(|d| d.date);
    dates
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
    use crate::domain::cancellation::{assess_cancellation, CancellationRequest, FundingKind, Who};
    use crate::domain::catalogue::Catalogue;
    use crate::domain::money::dec;

    fn outcome(notified: &str) -> (CancellationOutcome, CancellationTerms) {
        let catalogue = Catalogue::fixture();
        let request = CancellationRequest {
            start: NaiveDate::from_ymd_opt(2026, 5, 26).unwrap(),
            notified: notified.parse().unwrap(),
            amount_ht: dec("4000"),
            vat_rate: dec("0.20"),
            who: Who::ClientCancels,
            funding: FundingKind::None,
            modules: Vec::new(),
        };
        let out = assess_cancellation(&catalogue, &request).unwrap();
        (out, catalogue.cancellation)
    }

    #[test]
    fn the_verdict_names_the_band() {
        let (out, terms) = outcome("2026-05-04");
        assert_eq!(
            verdict_fr(&out, &terms),
            "Frais d'annulation de 50\u{a0}% du prix HT."
        );
        let (out, terms) = outcome("2026-05-03");
        assert_eq!(verdict_fr(&out, &terms), "Annulation sans frais.");
        let (out, terms) = outcome("2026-05-27");
        assert!(verdict_fr(&out, &terms).starts_with("Absence ou interruption"));
    }

    #[test]
    fn key_dates_come_in_date_order_with_the_notification_and_the_start() {
        let (out, terms) = outcome("2026-05-04");
        let dates = key_dates(&out, &terms);
        assert!(dates.windows(2).all(|w| w[0].date <= w[1].date));
        assert_eq!(dates.first().map(|d| d.date), out.deadline_no_fee);
        assert_eq!(dates.last().map(|d| d.kind), Some(KeyDateKind::Start));
        assert!(dates
            .iter()
            .any(|d| d.kind == KeyDateKind::Notification && d.date == out.notified));
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
