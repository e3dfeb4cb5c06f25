//! The deadlines of a cancellation outcome as an iCalendar file (RFC 5545), for
//! "Ajouter à mon agenda": one all-day event per deadline and one for the training's start.
//!
//! A small writer does the format's chores: TEXT values escaped (`\\`, `\;`, `\,`, `\n`),
//! content lines folded at 75 octets without splitting a UTF-8 character, CRLF line
//! endings. Event ids are built from the dates and the kind of each event, so that
//! importing the file again updates the events instead of doubling them.

use chrono::{Datelike, NaiveDate, NaiveDateTime, Timelike};

use crate::domain::calendar::DayKind;
use crate::domain::cancellation::{CancellationOutcome, FeeBand};
use crate::domain::cancellation_text::{deadlines_fr, Deadline};
use crate::domain::catalogue::{Catalogue, Session};
use crate::domain::cgv::adjourn_notice_fr;
use crate::domain::fr::{capitalise, format_date_fr};
use crate::domain::money::format_percent;
use crate::domain::order::sort_by_key;
use crate::domain::sessions::{chosen_dates, label_fr, location_fr, module_hours_fr};

/// The file's media type.
pub const MIME: &str = "text/calendar";
/// The right-hand side of every event's UID.
pub const UID_DOMAIN: &str = "cosens-simulateur";
/// The longest content line, CRLF excluded (RFC 5545, 3.1).
pub const MAX_LINE_OCTETS: usize = 75;
/// The calendar's PRODID.
pub const PRODID: &str = "-//Co&Sens//Simulateur RS5302//FR";

/// A TEXT value escaped: `\` `;` `,` prefixed with a backslash, a line break as `\n`;
/// other control characters (never meaningful in French text) are dropped.
pub fn escape_text(text: &str) -> String {
    let text = text.replace("\r\n", "\n");
    let mut out = String::with_capacity(text.len() + text.len() / 8);
    for c in text.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' | '\r' => out.push_str("\\n"),
            '\t' => out.push(c),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// A content line folded: at most [`MAX_LINE_OCTETS`] octets per physical line, each
/// continuation starting with one space, breaks only between characters. Lines are joined
/// by CRLF; no CRLF at the end.
pub fn fold_line(line: &str) -> String {
    let mut out = String::with_capacity(line.len() + line.len() / 32);
    let mut used = 0;
    for c in line.chars() {
        let n = c.len_utf8();
        if used + n > MAX_LINE_OCTETS {
            out.push_str("\r\n ");
            used = 1;
        }
        out.push(c);
        used += n;
    }
    out
}

/// A DATE value: `20260526`.
pub fn ics_date(date: NaiveDate) -> String {
    format!("{:04}{:02}{:02}", date.year(), date.month(), date.day())
}

/// A UTC DATE-TIME value: `20261126T160200Z` (`now` is taken as UTC).
pub fn utc_stamp(now: NaiveDateTime) -> String {
    format!(
        "{}T{:02}{:02}{:02}Z",
        ics_date(now.date()),
        now.hour(),
        now.minute(),
        now.second()
    )
}

/// Writes content lines: `NAME:value`, folded, each ended by CRLF.
#[derive(Debug, Default)]
pub struct Writer {
    out: String,
}

impl Writer {
    pub fn new() -> Self {
        Self::default()
    }

    /// A property whose value is written as given (dates, ids, fixed words). `name` may
    /// carry parameters: `DTSTART;VALUE=DATE`.
    pub fn property(&mut self, name: &str, value: &str) {
        self.out.push_str(&fold_line(&format!("{name}:{value}")));
        self.out.push_str("\r\n");
    }

    /// A property whose value is TEXT, escaped.
    pub fn text(&mut self, name: &str, value: &str) {
        self.property(name, &escape_text(value));
    }

    pub fn finish(self) -> String {
        self.out
    }
}

/// One all-day event.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AllDayEvent {
    pub uid: String,
    pub date: NaiveDate,
    pub summary: String,
    pub description: String,
    /// Where it happens (`LOCATION`), if anywhere.
    pub location: Option<String>,
    /// A day taken (a training day, `OPAQUE`) rather than a date to remember
    /// (`TRANSPARENT`).
    pub busy: bool,
}

/// A published calendar of `events`, stamped `now` (UTC).
pub fn write_calendar(events: &[AllDayEvent], now: NaiveDateTime) -> String {
    let mut w = Writer::new();
    w.property("BEGIN", "VCALENDAR");
    w.property("VERSION", "2.0");
    w.text("PRODID", PRODID);
    w.property("CALSCALE", "GREGORIAN");
    w.property("METHOD", "PUBLISH");
    let stamp = utc_stamp(now);
    for e in events {
        w.property("BEGIN", "VEVENT");
        w.text("UID", &e.uid);
        w.property("DTSTAMP", &stamp);
        w.property("DTSTART;VALUE=DATE", &ics_date(e.date));
        // Without DTEND, an all-day event lasts its one day anyway (RFC 5545, 3.6.1).
        if let Some(next) = e.date.succ_opt() {
            w.property("DTEND;VALUE=DATE", &ics_date(next));
        }
        w.text("SUMMARY", &e.summary);
        w.text("DESCRIPTION", &e.description);
        if let Some(location) = &e.location {
            w.text("LOCATION", location);
        }
        w.property("TRANSP", if e.busy { "OPAQUE" } else { "TRANSPARENT" });
        w.property("END", "VEVENT");
    }
    w.property("END", "VCALENDAR");
    w.finish()
}

/// What a deadline means, for its event's description.
fn deadline_description(kind: Deadline, catalogue: &Catalogue) -> String {
    let terms = &catalogue.cancellation;
    match kind {
        Deadline::NoFee => format!(
            "Annulation notifiée à Co&Sens au plus tard ce jour, inclus : sans frais. Règle des CGV : {}.",
            FeeBand::NoFee.rule_fr(terms)
        ),
        Deadline::HalfFee => format!(
            "Annulation notifiée à Co&Sens au plus tard ce jour, inclus : frais de {} du prix HT ; ensuite, {}. Règle des CGV : {}.",
            format_percent(terms.half_fee_rate),
            format_percent(FeeBand::FullFee.rate(terms)),
            FeeBand::HalfFee.rule_fr(terms)
        ),
        Deadline::Postpone => format!(
            "Report à une session ultérieure ou remplacement du stagiaire sans frais, si Co&Sens en est informé au plus tard ce jour, inclus (au moins {} entre l'information et le démarrage), sous réserve de l'accord de l'OPCO.",
            DayKind::Calendaire.count_fr(terms.postpone_min_calendar_days)
        ),
        Deadline::Adjourn => format!(
            "Co&Sens peut ajourner la session faute de participants au plus tard ce jour, {} avant le démarrage ; rien n'est alors dû par le client.",
            adjourn_notice_fr(terms)
        ),
        Deadline::Opco => format!(
            "L'accord de prise en charge de l'OPCO doit parvenir à Co&Sens au plus tard ce jour (au moins {} entre son arrivée et le démarrage). Passé cette date, Co&Sens peut refuser l'entrée en formation du stagiaire ou facturer au client la totalité des frais de formation.",
            DayKind::Ouvrable.count_fr(terms.opco_min_working_days)
        ),
    }
}

/// The events of an outcome: each deadline that exists, then the start, in date order.
pub fn outcome_events(outcome: &CancellationOutcome, catalogue: &Catalogue) -> Vec<AllDayEvent> {
    let course = &catalogue.course;
    let start = outcome.start;
    let training = format!("formation du {}", format_date_fr(start));
    let footer = format!(
        "{} ({}), {training}.\nDate calculée par le simulateur Co&Sens ; seules les conditions générales de vente font foi.",
        course.title, course.code
    );
    let uid = |slug: &str, date: NaiveDate| {
        format!("{}-{slug}-{}@{UID_DOMAIN}", ics_date(start), ics_date(date))
    };
    let mut events: Vec<AllDayEvent> = deadlines_fr(outcome, &catalogue.cancellation)
        .into_iter()
        .map(|d| AllDayEvent {
            uid: uid(d.kind.slug(), d.date),
            date: d.date,
            summary: format!("{} — {training}", capitalise(&d.what)),
            description: format!("{}\n{footer}", deadline_description(d.kind, catalogue)),
            location: None,
            busy: false,
        })
        .collect();
    events.push(AllDayEvent {
        uid: uid("demarrage", start),
        date: start,
        summary: format!(
            "Démarrage de la formation {} — {}",
            course.code,
            format_date_fr(start)
        ),
        description: format!(
            "Premier jour de la formation. {}\n{footer}",
            course.schedule
        ),
        location: None,
        busy: false,
    });
    sort_by_key(&mut events, |e| e.date);
    events
}

/// The calendar file of an outcome, stamped `now` (UTC).
pub fn outcome_calendar(
    outcome: &CancellationOutcome,
    catalogue: &Catalogue,
    now: NaiveDateTime,
) -> String {
    write_calendar(&outcome_events(outcome, catalogue), now)
}

/// `echeances-formation-2026-05-26.ics`.
pub fn calendar_file_name(outcome: &CancellationOutcome) -> String {
    let s = outcome.start;
    format!(
        "echeances-formation-{:04}-{:02}-{:02}.ics",
        s.year(),
        s.month(),
        s.day()
    )
}

/// The training days of `session` as events, one a day: every module's when `modules` is
/// `None` (the whole session, from the catalogue), else those of the chosen modules (from
/// a quote). Each carries the place and the day's hours.
pub fn session_events(
    catalogue: &Catalogue,
    session: &Session,
    modules: Option<&[u8]>,
) -> Vec<AllDayEvent> {
    let all: Vec<u8> = catalogue.modules.iter().map(|m| m.number).collect();
    let chosen = chosen_dates(catalogue, session, modules.unwrap_or(&all));
    let location = location_fr(catalogue, session);
    let course = &catalogue.course;
    let mut events = Vec::new();
    for m in &chosen {
        let days = catalogue
            .module(m.module)
            .map(|x| x.days)
            .unwrap_or_default();
        let hours = module_hours_fr(catalogue, session, days);
        let count = m.dates.len();
        for (k, &date) in m.dates.iter().enumerate() {
            let day = if count > 1 {
                format!(", jour {} sur {count}", k + 1)
            } else {
                String::new()
            };
            events.push(AllDayEvent {
                uid: format!("{}-{}@{UID_DOMAIN}", session.id, ics_date(date)),
                date,
                summary: format!("Formation {} — module {}{day}", course.code, m.module),
                description: format!(
                    "{}\nModule {} : {}.\n{hours}.\nSession {} ({}).",
                    course.title,
                    m.module,
                    m.title,
                    session.id,
                    label_fr(session)
                ),
                location: Some(location.clone()),
                busy: true,
            });
        }
    }
    sort_by_key(&mut events, |e| e.date);
    events
}

/// The calendar file of a session's days (see [`session_events`]), stamped `now` (UTC).
pub fn session_calendar(
    catalogue: &Catalogue,
    session: &Session,
    modules: Option<&[u8]>,
    now: NaiveDateTime,
) -> String {
    write_calendar(&session_events(catalogue, session, modules), now)
}

/// `session-paris-2027-03.ics`.
pub fn session_file_name(session: &Session) -> String {
    format!("session-{}.ics", session.id)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::cancellation::{assess_cancellation, CancellationRequest, Who};
    use crate::domain::money::dec;
    use crate::domain::quote_form::FundingChoice;

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    fn now() -> NaiveDateTime {
        d("2026-11-26").and_hms_opt(16, 2, 9).unwrap()
    }

    /// SPEC's worked example: start Tuesday 26 May 2026.
    fn outcome(notified: &str) -> CancellationOutcome {
        let request = CancellationRequest {
            start: d("2026-05-26"),
            notified: d(notified),
            amount_ht: dec("4000"),
            vat_rate: dec("0.20"),
            who: Who::ClientCancels,
            funding: FundingChoice::Aucun,
            client: crate::domain::individual::Client::default(),
            modules: Vec::new(),
        };
        assess_cancellation(&Catalogue::fixture(), &request).unwrap()
    }

    fn calendar(notified: &str) -> String {
        outcome_calendar(&outcome(notified), &Catalogue::fixture(), now())
    }

    // -- A tiny reader, sharing no code with the writer ----------------------------------

    /// The logical lines: CRLF followed by a space or a tab removed (RFC 5545, 3.1).
    fn unfold(text: &str) -> Vec<String> {
        let joined = text.replace("\r\n ", "").replace("\r\n\t", "");
        let mut lines: Vec<String> = joined.split("\r\n").map(str::to_string).collect();
        assert_eq!(lines.pop().as_deref(), Some(""), "the file ends with CRLF");
        lines
    }

    fn unescape(value: &str) -> String {
        let mut out = String::new();
        let mut chars = value.chars();
        while let Some(c) = chars.next() {
            if c == '\\' {
                match chars.next() {
                    Some('n') | Some('N') => out.push('\n'),
                    Some(other) => out.push(other),
                    None => panic!("a lone backslash ends {value:?}"),
                }
            } else {
                out.push(c);
            }
        }
        out
    }

    /// One property: its name with its parameters, and its value as written.
    fn property(line: &str) -> (String, String) {
        let (name, value) = line.split_once(':').expect("NAME:value");
        (name.to_string(), value.to_string())
    }

    /// A component read back: its properties (text values unescaped) and its children.
    #[derive(Debug, Default)]
    struct Component {
        kind: String,
        props: Vec<(String, String)>,
        children: Vec<Component>,
    }

    impl Component {
        fn get(&self, name: &str) -> Option<&str> {
            self.props
                .iter()
                .find(|(n, _)| n == name)
                .map(|(_, v)| v.as_str())
        }
    }

    fn parse(text: &str) -> Component {
        let mut stack = vec![Component::default()];
        for line in unfold(text) {
            let (name, value) = property(&line);
            match name.as_str() {
                "BEGIN" => stack.push(Component {
                    kind: value,
                    ..Component::default()
                }),
                "END" => {
                    let done = stack.pop().unwrap();
                    assert_eq!(done.kind, value, "END matches BEGIN");
                    stack.last_mut().expect("a parent").children.push(done);
                }
                _ => {
                    let text = ["SUMMARY", "DESCRIPTION", "UID", "PRODID", "LOCATION"]
                        .contains(&name.as_str());
                    let value = if text { unescape(&value) } else { value };
                    stack.last_mut().unwrap().props.push((name, value));
                }
            }
        }
        let mut root = stack.pop().unwrap();
        assert!(stack.is_empty(), "every BEGIN has its END");
        assert_eq!(root.children.len(), 1, "one VCALENDAR");
        root.children.pop().unwrap()
    }

    /// The value of property `name` in each event of `cal`.
    fn column<'a>(cal: &'a Component, name: &str) -> Vec<&'a str> {
        cal.children.iter().map(|e| e.get(name).unwrap()).collect()
    }

    // -- The tests -----------------------------------------------------------------------

    #[test]
    fn worked_example_has_one_event_per_deadline_and_the_start() {
        let events = outcome_events(&outcome("2026-05-04"), &Catalogue::fixture());
        let got: Vec<(NaiveDate, &str)> = events
            .iter()
            .map(|e| (e.date, e.summary.as_str()))
            .collect();
        assert_eq!(
            got,
            [
                (d("2026-05-03"), "Dernier jour pour annuler sans frais — formation du mardi 26 mai 2026"),
                (d("2026-05-15"), "Dernier jour pour annuler avec 50\u{a0}% de frais — formation du mardi 26 mai 2026"),
                (d("2026-05-18"), "Dernier jour pour reporter ou remplacer un stagiaire sans frais — formation du mardi 26 mai 2026"),
                (d("2026-05-19"), "Dernier jour pour un ajournement par Co&Sens — formation du mardi 26 mai 2026"),
                (d("2026-05-22"), "Dernier jour pour recevoir l'accord de prise en charge de l'OPCO — formation du mardi 26 mai 2026"),
                (d("2026-05-26"), "Démarrage de la formation RS5302 — mardi 26 mai 2026"),
            ]
        );
        assert!(events[0].description.contains("aucun frais d'annulation"));
        assert!(events[4]
            .description
            .contains("refuser l'entrée en formation"));
        assert!(events.iter().all(|e| e.description.contains("(RS5302)")));
    }

    #[test]
    fn the_file_parses_back_to_the_events() {
        let cal = parse(&calendar("2026-05-04"));
        assert_eq!(cal.kind, "VCALENDAR");
        assert_eq!(cal.get("VERSION"), Some("2.0"));
        assert_eq!(cal.get("PRODID"), Some(PRODID));
        assert_eq!(cal.get("CALSCALE"), Some("GREGORIAN"));
        assert_eq!(cal.get("METHOD"), Some("PUBLISH"));
        assert!(cal.children.iter().all(|c| c.kind == "VEVENT"));
        assert_eq!(
            column(&cal, "DTSTART;VALUE=DATE"),
            ["20260503", "20260515", "20260518", "20260519", "20260522", "20260526"]
        );
        assert_eq!(
            column(&cal, "DTEND;VALUE=DATE"),
            ["20260504", "20260516", "20260519", "20260520", "20260523", "20260527"]
        );
        let written = outcome_events(&outcome("2026-05-04"), &Catalogue::fixture());
        for (event, read) in written.iter().zip(&cal.children) {
            assert_eq!(read.get("SUMMARY"), Some(event.summary.as_str()));
            assert_eq!(read.get("DESCRIPTION"), Some(event.description.as_str()));
            assert_eq!(read.get("UID"), Some(event.uid.as_str()));
            assert_eq!(read.get("DTSTAMP"), Some("20261126T160209Z"));
        }
        // The descriptions hold commas, semicolons and line breaks: written escaped.
        assert!(written.iter().any(|e| e.description.contains(';')));
        assert!(written.iter().all(|e| e.description.contains('\n')));
    }

    #[test]
    fn a_session_file_has_one_busy_event_per_training_day_with_place_and_hours() {
        let c = Catalogue::fixture();
        let s = c.session("paris-2027-03").unwrap();
        assert_eq!(session_file_name(s), "session-paris-2027-03.ics");
        let cal = parse(&session_calendar(&c, s, None, now()));
        assert_eq!(
            column(&cal, "DTSTART;VALUE=DATE"),
            ["20270309", "20270310", "20270316", "20270317", "20270323", "20270324", "20270330"]
        );
        for e in &cal.children {
            assert_eq!(e.get("TRANSP"), Some("OPAQUE"));
            assert!(e.get("LOCATION").unwrap().starts_with("Co&Sens, "));
        }
        // A day's hours, but for the half-day module, whose half the notice gives.
        let (days, half) = cal.children.split_at(6);
        for e in days {
            assert!(e
                .get("DESCRIPTION")
                .unwrap()
                .contains("De 9 h 30 à 13 h 00 et de 14 h 00 à 17 h 30."));
        }
        assert!(half[0]
            .get("DESCRIPTION")
            .unwrap()
            .contains("Demi-journée, horaires indiqués sur la convocation."));
        assert_eq!(
            cal.children[2].get("SUMMARY"),
            Some("Formation RS5302 — module 3, jour 1 sur 2")
        );
        let uids: std::collections::BTreeSet<_> =
            cal.children.iter().map(|e| e.get("UID").unwrap()).collect();
        assert_eq!(uids.len(), 7);
    }

    #[test]
    fn a_quote_file_holds_its_chosen_modules_days_and_elsewhere_the_notice_hours() {
        let c = Catalogue::fixture();
        let s = c.session("marseille-2027-05").unwrap();
        let events = session_events(&c, s, Some(&[5, 3]));
        let dates: Vec<NaiveDate> = events.iter().map(|e| e.date).collect();
        assert_eq!(dates, [d("2027-05-18"), d("2027-05-19"), d("2027-06-01")]);
        assert!(events[..2].iter().all(|e| e
            .description
            .contains("Horaires indiqués sur la convocation.")));
        assert!(events[2]
            .description
            .contains("Demi-journée, horaires indiqués sur la convocation."));
        let remote = c.session("distanciel-2027-09").unwrap();
        let events = session_events(&c, remote, Some(&[1]));
        assert_eq!(events.len(), 1);
        assert_eq!(
            events[0].location.as_deref(),
            Some("À distance (session de Paris)")
        );
    }

    #[test]
    fn uids_are_unique_and_stable_for_a_start_date() {
        let uids = |notified: &str| -> Vec<String> {
            outcome_events(&outcome(notified), &Catalogue::fixture())
                .into_iter()
                .map(|e| e.uid)
                .collect()
        };
        let first = uids("2026-05-04");
        assert_eq!(
            first[0],
            "20260526-annulation-sans-frais-20260503@cosens-simulateur"
        );
        let mut sorted = first.clone();
        sorted.sort();
        sorted.dedup();
        assert_eq!(sorted.len(), first.len());
        assert_eq!(
            uids("2026-05-16"),
            first,
            "the same start gives the same ids"
        );
    }

    #[test]
    fn every_line_ends_with_crlf_and_fits_in_75_octets() {
        let text = calendar("2026-05-04");
        assert!(text.ends_with("END:VCALENDAR\r\n"));
        assert!(
            !text.replace("\r\n", "").contains(['\r', '\n']),
            "no bare CR or LF"
        );
        for line in text.split("\r\n") {
            assert!(line.len() <= MAX_LINE_OCTETS, "{line:?}");
        }
        assert!(text.contains("\r\n "), "long descriptions are folded");
    }

    #[test]
    fn folding_keeps_75_octets_never_splits_a_character_and_unfolds_back() {
        // One-, two-, three- and four-octet characters at every offset.
        for shift in 0..4 {
            let line = format!("{}DESCRIPTION:{}", "x".repeat(shift), "aé€😀".repeat(40));
            let folded = fold_line(&line);
            for physical in folded.split("\r\n") {
                assert!(physical.len() <= MAX_LINE_OCTETS, "{physical:?}");
            }
            // Every physical line is whole UTF-8 (a &str split never cuts a character; the
            // lengths show each line is filled as far as the next character allows).
            for physical in folded.split("\r\n").take(folded.split("\r\n").count() - 1) {
                assert!(physical.len() > MAX_LINE_OCTETS - 4, "{physical:?}");
            }
            assert!(folded.split("\r\n").skip(1).all(|l| l.starts_with(' ')));
            assert_eq!(folded.replace("\r\n ", ""), line);
        }
        assert_eq!(fold_line("SHORT:value"), "SHORT:value");
        let exact = "x".repeat(MAX_LINE_OCTETS);
        assert_eq!(fold_line(&exact), exact);
        assert_eq!(fold_line(&format!("{exact}y")), format!("{exact}\r\n y"));
    }

    #[test]
    fn escaping_round_trips() {
        for text in [
            "plain",
            "a,b;c\\d",
            "ligne 1\nligne 2",
            "fin \\n littérale, pas un saut",
            "« Bon pour accord » ; 4 000,00 €",
            "\\\\;;,,\n\n",
        ] {
            let escaped = escape_text(text);
            assert!(!escaped.contains('\n'));
            assert_eq!(unescape(&escaped), text, "{escaped}");
        }
        assert_eq!(escape_text("a,b;c\\d\ne"), "a\\,b\\;c\\\\d\\ne");
        assert_eq!(escape_text("CRLF\r\nCR\r"), "CRLF\\nCR\\n");
        assert_eq!(escape_text("bell\u{7}"), "bell");
    }

    #[test]
    fn stamps_and_dates_are_written_as_the_rfc_asks() {
        assert_eq!(utc_stamp(now()), "20261126T160209Z");
        assert_eq!(ics_date(d("2026-01-05")), "20260105");
        let o = outcome("2026-05-04");
        assert_eq!(calendar_file_name(&o), "echeances-formation-2026-05-26.ics");
    }

    #[test]
    fn an_interruption_or_an_adjournment_still_lists_the_dates_that_exist() {
        // Notified after the start: the deadlines exist (in the past) and so does the start.
        let events = outcome_events(&outcome("2026-05-27"), &Catalogue::fixture());
        assert_eq!(events.len(), 6);
        assert_eq!(events.last().map(|e| e.date), Some(d("2026-05-26")));
    }
}
