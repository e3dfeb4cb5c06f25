//! The scheduled sessions as the screens use them: which are upcoming on a day, a quote's
//! session and why a link's may be gone, the dates of the modules chosen, the later
//! sessions a postponement can go to, and their wording in French. The sessions
//! themselves, and their checks, are the data file's (`catalogue::Session`).

use chrono::NaiveDate;

use crate::domain::calendar::DayKind;
use crate::domain::cancellation::deadlines;
use crate::domain::catalogue::{Catalogue, Session, MAX_SESSION_ID_CHARS};
use crate::domain::fr::{
    capitalise, day_of_month_fr, format_date_fr, lowercase_fr, month_fr, weekday_fr,
};
use crate::domain::order::sort_by;
use crate::domain::quote_form::QuoteForm;

use chrono::Datelike;

/// What every screen says when the data file holds no upcoming session.
pub const NONE_SCHEDULED_FR: &str = "Prochaines sessions : nous consulter";

/// A full session, in the CGV's words (« Effectif et ajournement »).
pub const FULL_FR: &str = "Complète : les inscriptions sont closes. Co&Sens peut vous proposer \
     une nouvelle session ou une place sur liste d'attente (CGV, « Effectif et ajournement »).";

/// Where the hours of a session held elsewhere than at the place the CGV time are given.
pub const HOURS_ON_NOTICE_FR: &str = "horaires indiqués sur la convocation";

impl Catalogue {
    /// The session with this id.
    pub fn session(&self, id: &str) -> Option<&Session> {
        self.sessions.iter().find(|s| s.id == id)
    }

    /// The sessions whose first day is after `today`, by start date (full ones included).
    pub fn upcoming_sessions(&self, today: NaiveDate) -> Vec<&Session> {
        self.sessions_starting_after(today, false)
    }

    /// The sessions still taking enrolments whose first day is after `day`, by start date:
    /// the simulator's choices, and where a postponed trainee can go.
    pub fn open_sessions_after(&self, day: NaiveDate) -> Vec<&Session> {
        self.sessions_starting_after(day, true)
    }

    /// The first open session after `today`, if any.
    pub fn next_open_session(&self, today: NaiveDate) -> Option<&Session> {
        self.open_sessions_after(today).into_iter().next()
    }

    fn sessions_starting_after(&self, day: NaiveDate, open_only: bool) -> Vec<&Session> {
        let mut list: Vec<&Session> = self
            .sessions
            .iter()
            .filter(|s| s.start().is_some_and(|start| start > day))
            .filter(|s| !open_only || s.is_open())
            .collect();
        sort_by(&mut list, |a, b| {
            (a.start(), &a.id).cmp(&(b.start(), &b.id))
        });
        list
    }
}

/// A quote's session, looked up on `today`: absent (« Dates à convenir »), chosen, or
/// asked for by a link or a draft but no longer available, with the reason in French.
#[derive(Debug, Clone, PartialEq)]
pub enum SessionPick<'a> {
    None,
    Chosen(&'a Session),
    Unavailable(Unavailable),
}

/// A session asked for (by a link, a quote kept, a draft) that can no longer be chosen.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unavailable {
    /// The id asked for, shortened for display.
    pub id: String,
    /// « n'est plus au catalogue », « est complète », « a déjà commencé ou est passée ».
    pub why: &'static str,
}

impl Unavailable {
    /// Where a quote arrives (a link, another page of the site): it goes on without it.
    pub fn arrival_fr(&self) -> String {
        format!(
            "La session « {} » {} : le devis s'ouvre sans session, dates à convenir.",
            self.id, self.why
        )
    }

    /// On a draft that chose it: it is kept until another is chosen.
    pub fn draft_fr(&self) -> String {
        format!(
            "La session « {} » {} : choisissez une autre session, ou « Dates à convenir » et vos souhaits.",
            self.id, self.why
        )
    }
}

/// The session `id` names on `today`: the empty id is no session; an id the catalogue no
/// longer has, a full session, or one already started cannot be chosen, and say why.
pub fn pick<'a>(catalogue: &'a Catalogue, id: &str, today: NaiveDate) -> SessionPick<'a> {
    if id.is_empty() {
        return SessionPick::None;
    }
    let why = match catalogue.session(id) {
        None => "n'est plus au catalogue",
        Some(s) if s.start().is_none_or(|start| start <= today) => "a déjà commencé ou est passée",
        Some(s) if !s.is_open() => "est complète",
        Some(s) => return SessionPick::Chosen(s),
    };
    SessionPick::Unavailable(Unavailable {
        id: id.chars().take(MAX_SESSION_ID_CHARS).collect(),
        why,
    })
}

/// A quote arriving (from a link, or kept from another page) goes on without a session it
/// can no longer have: cleared, and the sentence that says why.
pub fn drop_unavailable(
    catalogue: &Catalogue,
    form: &mut QuoteForm,
    today: NaiveDate,
) -> Option<String> {
    match pick(catalogue, &form.session, today) {
        SessionPick::Unavailable(u) => {
            form.session.clear();
            Some(u.arrival_fr())
        }
        _ => None,
    }
}

/// « Prochaine session ouverte : Paris, présentiel, du … », or `None` when none is open.
pub fn next_open_fr(catalogue: &Catalogue, today: NaiveDate) -> Option<String> {
    catalogue
        .next_open_session(today)
        .map(|s| format!("Prochaine session ouverte : {}.", label_fr(s)))
}

/// « Prochaines sessions : nous consulter (Paris : …, 01 …, … ; Marseille : …). »: where
/// there is no list to hold the contacts (a select's hint).
pub fn none_scheduled_with_contacts_fr(catalogue: &Catalogue) -> String {
    let contacts: Vec<String> = catalogue
        .referents
        .iter()
        .map(|r| format!("{} : {}, {}, {}", r.city, r.name, r.phone, r.email))
        .collect();
    format!("{NONE_SCHEDULED_FR} ({}).", contacts.join(" ; "))
}

/// Where a session is held and its hours: « Co&Sens, … Paris. Horaires : de 9 h 30 … ».
pub fn where_and_hours_fr(catalogue: &Catalogue, session: &Session) -> String {
    format!(
        "{}. Horaires : {}.",
        location_fr(catalogue, session),
        hours_fr(catalogue, session)
    )
}

/// A module's dates in one session, for a module's page: « Paris, présentiel, du … 2027
/// (complète) : mardi 16 mars 2027 et mercredi 17 mars 2027 ».
pub fn module_in_session_fr(session: &Session, number: u8) -> String {
    let full = if session.is_open() {
        ""
    } else {
        " (complète)"
    };
    format!(
        "{}{full} : {}",
        label_fr(session),
        dates_fr(session.module_dates(number))
    )
}

/// `du mardi 9 mars au mardi 30 mars 2027`; across years, each date with its year; a
/// one-day session, `le mardi 9 mars 2027`.
pub fn range_fr(session: &Session) -> String {
    match (session.start(), session.end()) {
        (Some(a), Some(b)) if a == b => format!("le {}", format_date_fr(a)),
        (Some(a), Some(b)) if a.year() == b.year() => format!(
            "du {} {} {} au {}",
            weekday_fr(a.weekday()),
            day_of_month_fr(a.day()),
            month_fr(a.month()),
            format_date_fr(b)
        ),
        (Some(a), Some(b)) => format!("du {} au {}", format_date_fr(a), format_date_fr(b)),
        _ => String::new(),
    }
}

/// `Paris, présentiel`: where and how.
pub fn place_mode_fr(session: &Session) -> String {
    format!("{}, {}", session.place, lowercase_fr(&session.mode))
}

/// `Paris, présentiel, du mardi 9 mars au mardi 30 mars 2027`: a session in one line.
pub fn label_fr(session: &Session) -> String {
    format!("{}, {}", place_mode_fr(session), range_fr(session))
}

/// A module's dates in words: `mardi 16 mars 2027 et mercredi 17 mars 2027`.
pub fn dates_fr(dates: &[NaiveDate]) -> String {
    let words: Vec<String> = dates.iter().map(|d| format_date_fr(*d)).collect();
    match words.split_last() {
        Some((last, rest)) if !rest.is_empty() => format!("{} et {last}", rest.join(", ")),
        Some((last, _)) => last.clone(),
        None => String::new(),
    }
}

/// One chosen module's dates in a session.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ModuleDates {
    pub module: u8,
    pub title: String,
    pub dates: Vec<NaiveDate>,
}

/// The dates of `modules` (numbers, in the catalogue's order) in `session`.
pub fn chosen_dates(catalogue: &Catalogue, session: &Session, modules: &[u8]) -> Vec<ModuleDates> {
    catalogue
        .modules
        .iter()
        .filter(|m| modules.contains(&m.number))
        .map(|m| ModuleDates {
            module: m.number,
            title: m.title.clone(),
            dates: session.module_dates(m.number).to_vec(),
        })
        .collect()
}

/// `Module 3 : mardi 16 mars 2027 et mercredi 17 mars 2027`.
pub fn module_dates_fr(m: &ModuleDates) -> String {
    format!("Module {} : {}", m.module, dates_fr(&m.dates))
}

/// The last day the OPCO's agreement can reach Co&Sens for `session` (the CGV's notice in
/// jours ouvrables before its start).
pub fn opco_deadline(catalogue: &Catalogue, session: &Session) -> Option<NaiveDate> {
    session
        .start()
        .and_then(|start| deadlines(&catalogue.cancellation, start).opco)
}

/// « Financement OPCO : l'accord de prise en charge doit parvenir à Co&Sens au plus tard le
/// lundi 1er mars 2027 (au moins 1 jour ouvrable avant le démarrage). »
/// Said on `today`: a deadline already past says so.
pub fn opco_deadline_fr(
    catalogue: &Catalogue,
    session: &Session,
    today: NaiveDate,
) -> Option<String> {
    opco_deadline(catalogue, session).map(|d| {
        let notice = DayKind::Ouvrable.count_fr(catalogue.cancellation.opco_min_working_days);
        if d < today {
            format!(
                "Financement OPCO : trop tard pour cette session, l'accord de prise en charge \
                 devait parvenir à Co&Sens au plus tard le {} (au moins {notice} avant le \
                 démarrage).",
                format_date_fr(d)
            )
        } else {
            format!(
                "Financement OPCO : l'accord de prise en charge doit parvenir à Co&Sens au plus \
                 tard le {} (au moins {notice} avant le démarrage).",
                format_date_fr(d)
            )
        }
    })
}

/// A module's hours on its days in `session`: a day's, or for a half-day module the
/// notice's (the CGV do not say which half).
pub fn module_hours_fr(
    catalogue: &Catalogue,
    session: &Session,
    days: rust_decimal::Decimal,
) -> String {
    if days < rust_decimal::Decimal::ONE {
        format!("Demi-journée, {HOURS_ON_NOTICE_FR}")
    } else {
        capitalise(hours_fr(catalogue, session))
    }
}

/// The hours of a session's days: the CGV's at a place they time, else on the notice.
pub fn hours_fr<'a>(catalogue: &'a Catalogue, session: &Session) -> &'a str {
    catalogue
        .course
        .hours_by_place
        .iter()
        .find(|h| h.place == session.place)
        .map_or(HOURS_ON_NOTICE_FR, |h| h.hours.as_str())
}

/// Where a session is held: the office's address at its place when in person, else
/// « À distance ».
pub fn location_fr(catalogue: &Catalogue, session: &Session) -> String {
    if session.mode == catalogue.course.remote_mode {
        return format!("À distance (session de {})", session.place);
    }
    catalogue
        .referents
        .iter()
        .find(|r| r.city == session.place)
        .map(|r| format!("Co&Sens, {}", r.address.join(", ")))
        .unwrap_or_else(|| session.place.clone())
}

/// A line naming the session dates come from, for the cancellation screen.
pub fn source_fr(session: &Session) -> String {
    format!(
        "Dates de la session {} ({}), au catalogue de Co&Sens.",
        session.id,
        label_fr(session)
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::catalogue::CatalogueError;
    use serde_json::{json, Value};

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    const FIXTURE: &str = include_str!("../../tests/fixtures/catalogue.json");

    /// The fixture with its sessions edited by `edit`, read and checked.
    fn with_sessions(edit: impl FnOnce(&mut Value)) -> Result<Catalogue, CatalogueError> {
        let mut value: Value = serde_json::from_str(FIXTURE).unwrap();
        edit(&mut value["sessions"]);
        Catalogue::from_json(&value.to_string())
    }

    fn refused(edit: impl FnOnce(&mut Value)) -> CatalogueError {
        with_sessions(edit).expect_err("the file is refused")
    }

    #[test]
    fn the_fixture_sessions_pass_the_checks() {
        let c = Catalogue::fixture();
        assert_eq!(c.sessions.len(), 3);
        let s = c.session("paris-2027-03").unwrap();
        assert_eq!(s.start(), Some(d("2027-03-09")));
        assert_eq!(s.end(), Some(d("2027-03-30")));
        assert_eq!(s.dates().len(), 7);
    }

    #[test]
    fn a_saturday_is_refused_naming_the_session_and_the_date() {
        let e = refused(|s| s[0]["modules"][0]["dates"] = json!(["2027-03-06"]));
        assert_eq!(e.field, "sessions[0].modules[0].dates[0]");
        assert_eq!(
            e.message,
            "session « paris-2027-03 » : le samedi 6 mars 2027 n'est pas un jour de formation (du lundi au vendredi)"
        );
        assert!(e.to_string().starts_with("catalogue : champ « sessions[0]"));
    }

    #[test]
    fn a_public_holiday_is_refused_with_its_name() {
        // Easter Monday 2027 is 29 March.
        let e = refused(|s| s[0]["modules"][4]["dates"] = json!(["2027-03-29"]));
        assert_eq!(e.field, "sessions[0].modules[4].dates[0]");
        assert_eq!(
            e.message,
            "session « paris-2027-03 » : le lundi 29 mars 2027 est un jour férié (Lundi de Pâques)"
        );
    }

    #[test]
    fn a_module_needs_one_date_per_day_it_lasts() {
        let e = refused(|s| s[0]["modules"][2]["dates"] = json!(["2027-03-16"]));
        assert_eq!(e.field, "sessions[0].modules[2].dates");
        assert_eq!(
            e.message,
            "session « paris-2027-03 » : le module 3 dure 2 jour(s) : 2 date(s) attendue(s), 1 trouvée(s)"
        );
        let e = refused(|s| {
            s[0]["modules"][4]["dates"] = json!(["2027-03-30", "2027-03-31"]);
        });
        assert_eq!(
            e.message,
            "session « paris-2027-03 » : le module 5 dure 0.5 jour(s) : 1 date(s) attendue(s), 2 trouvée(s)"
        );
    }

    #[test]
    fn a_date_used_twice_in_a_session_is_refused() {
        let e = refused(|s| s[0]["modules"][1]["dates"] = json!(["2027-03-09"]));
        assert_eq!(e.field, "sessions[0].modules[1].dates[0]");
        assert_eq!(
            e.message,
            "session « paris-2027-03 » : le mardi 9 mars 2027 est déjà utilisé dans cette session"
        );
    }

    #[test]
    fn a_module_days_follow_each_other() {
        let e = refused(|s| {
            s[0]["modules"][2]["dates"] = json!(["2027-03-17", "2027-03-16"]);
        });
        assert_eq!(e.field, "sessions[0].modules[2].dates[1]");
        // Two days a week apart: the cancellation would count the second as attended.
        let e = refused(|s| {
            s[0]["modules"][2]["dates"] = json!(["2027-03-16", "2027-03-18"]);
        });
        assert_eq!(e.field, "sessions[0].modules[2].dates[1]");
        assert_eq!(
            e.message,
            "session « paris-2027-03 » : le jeudi 18 mars 2027 doit être le jour de formation qui suit le mardi 16 mars 2027 (les jours d'un module se suivent)"
        );
        // Across a weekend, Friday then Monday, is fine.
        assert!(with_sessions(|s| {
            s[0]["modules"][2]["dates"] = json!(["2027-03-12", "2027-03-15"]);
            s[0]["modules"][3]["dates"] = json!(["2027-03-16", "2027-03-17"]);
        })
        .is_ok());
    }

    #[test]
    fn an_unknown_place_or_mode_is_refused() {
        let e = refused(|s| s[1]["place"] = json!("Lyon"));
        assert_eq!(e.field, "sessions[1].place");
        assert_eq!(
            e.message,
            "session « marseille-2027-05 » : lieu « Lyon » inconnu (Paris, Marseille)"
        );
        let e = refused(|s| s[1]["mode"] = json!("Hybride"));
        assert_eq!(e.field, "sessions[1].mode");
        assert!(e.message.contains("modalité « Hybride » inconnue"));
    }

    #[test]
    fn a_duplicate_or_malformed_id_is_refused() {
        let e = refused(|s| s[2]["id"] = json!("paris-2027-03"));
        assert_eq!(e.field, "sessions[2].id");
        assert_eq!(
            e.message,
            "identifiant « paris-2027-03 » déjà pris par sessions[0]"
        );
        let e = refused(|s| s[2]["id"] = json!("Paris 2027"));
        assert_eq!(e.field, "sessions[2].id");
        assert!(e.message.contains("lettres minuscules, chiffres et tirets"));
    }

    #[test]
    fn every_module_once_and_no_other() {
        let e = refused(|s| s[0]["modules"][4]["module"] = json!(6));
        assert_eq!(e.field, "sessions[0].modules[4].module");
        assert_eq!(e.message, "session « paris-2027-03 » : module 6 inconnu");
        let e = refused(|s| {
            s[0]["modules"].as_array_mut().unwrap().pop();
        });
        assert_eq!(e.field, "sessions[0].modules");
        assert_eq!(
            e.message,
            "session « paris-2027-03 » : le module 5 n'a pas de dates"
        );
        let e = refused(|s| {
            s[0]["modules"][4] = json!({ "module": 1, "dates": ["2027-03-31"] });
        });
        assert_eq!(
            e.message,
            "session « paris-2027-03 » : module 1 listé deux fois"
        );
    }

    #[test]
    fn a_bad_status_or_date_text_is_refused() {
        let e = refused(|s| s[0]["status"] = json!("closed"));
        assert!(e.message.contains("closed"), "{e}");
        let e = refused(|s| s[0]["modules"][0]["dates"] = json!(["9/3/2027"]));
        assert!(
            e.message
                .contains("« 9/3/2027 » n'est pas une date AAAA-MM-JJ"),
            "{e}"
        );
    }

    #[test]
    fn upcoming_sessions_start_after_today_in_date_order() {
        let c = Catalogue::fixture();
        let ids = |list: Vec<&Session>| list.iter().map(|s| s.id.clone()).collect::<Vec<_>>();
        assert_eq!(
            ids(c.upcoming_sessions(d("2026-12-07"))),
            ["paris-2027-03", "marseille-2027-05", "distanciel-2027-09"]
        );
        // On its first day a session is no longer upcoming.
        assert_eq!(
            ids(c.upcoming_sessions(d("2027-03-09"))),
            ["marseille-2027-05", "distanciel-2027-09"]
        );
        assert_eq!(
            ids(c.upcoming_sessions(d("2027-03-08"))),
            ["paris-2027-03", "marseille-2027-05", "distanciel-2027-09"]
        );
        // The full one is never open.
        assert_eq!(
            ids(c.open_sessions_after(d("2026-12-07"))),
            ["paris-2027-03", "distanciel-2027-09"]
        );
        assert!(c.upcoming_sessions(d("2027-10-05")).is_empty());
    }

    #[test]
    fn a_session_that_is_gone_full_or_past_is_not_picked_and_says_why() {
        let c = Catalogue::fixture();
        let today = d("2026-12-07");
        assert_eq!(pick(&c, "", today), SessionPick::None);
        assert!(
            matches!(pick(&c, "paris-2027-03", today), SessionPick::Chosen(s) if s.id == "paris-2027-03")
        );
        let why = |id: &str, day: &str| match pick(&c, id, d(day)) {
            SessionPick::Unavailable(u) => u.arrival_fr(),
            other => panic!("{other:?}"),
        };
        assert_eq!(
            why("lyon-2027", "2026-12-07"),
            "La session « lyon-2027 » n'est plus au catalogue : le devis s'ouvre sans session, dates à convenir."
        );
        assert!(why("marseille-2027-05", "2026-12-07").contains("est complète"));
        assert!(why("paris-2027-03", "2027-03-09").contains("a déjà commencé ou est passée"));
    }

    #[test]
    fn a_session_in_words() {
        let c = Catalogue::fixture();
        let s = c.session("paris-2027-03").unwrap();
        assert_eq!(range_fr(s), "du mardi 9 mars au mardi 30 mars 2027");
        assert_eq!(
            label_fr(s),
            "Paris, présentiel, du mardi 9 mars au mardi 30 mars 2027"
        );
        let chosen = chosen_dates(&c, s, &[5, 3]);
        assert_eq!(
            chosen.iter().map(module_dates_fr).collect::<Vec<_>>(),
            [
                "Module 3 : mardi 16 mars 2027 et mercredi 17 mars 2027",
                "Module 5 : mardi 30 mars 2027"
            ]
        );
        assert_eq!(
            hours_fr(&c, s),
            "de 9 h 30 à 13 h 00 et de 14 h 00 à 17 h 30"
        );
        let marseille = c.session("marseille-2027-05").unwrap();
        assert_eq!(hours_fr(&c, marseille), HOURS_ON_NOTICE_FR);
        assert!(location_fr(&c, s).starts_with("Co&Sens, "));
        let remote = c.session("distanciel-2027-09").unwrap();
        assert_eq!(location_fr(&c, remote), "À distance (session de Paris)");
    }

    #[test]
    fn the_opco_deadline_is_one_jour_ouvrable_before_the_start() {
        let c = Catalogue::fixture();
        let s = c.session("paris-2027-03").unwrap();
        // Start Tue 9 March 2027, one jour ouvrable of notice (the fixture's): by Sunday 7
        // March, Monday 8 lies between.
        let n = c.cancellation.opco_min_working_days;
        let deadline = opco_deadline(&c, s).unwrap();
        assert_eq!((n, deadline), (1, d("2027-03-07")));
        assert_eq!(
            crate::domain::calendar::count_days_strictly_between(
                DayKind::Ouvrable,
                deadline,
                d("2027-03-09")
            ),
            n
        );
        let said = opco_deadline_fr(&c, s, d("2027-03-01")).unwrap();
        assert!(said.contains(&format_date_fr(deadline)), "{said}");
        assert!(said.starts_with("Financement OPCO : l'accord"), "{said}");
        // The Monday before the start, it is too late, and said so.
        let late = opco_deadline_fr(&c, s, d("2027-03-08")).unwrap();
        assert!(
            late.starts_with("Financement OPCO : trop tard pour cette session"),
            "{late}"
        );
    }
}
