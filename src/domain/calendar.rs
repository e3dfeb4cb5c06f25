//! The French working-day calendar and dates in French (issue 4).
//!
//! A *jour ouvrable* is every day from Monday to Saturday that is not one of the eleven
//! national public holidays. Periods "N jours avant le démarrage" are counted strictly
//! between the notification date and the start date: neither end counts (Cass. com.
//! 14 mars 2018, n° 16-26.996).
//!
//! The calendar is defined for the years [`MIN_YEAR`]..=[`MAX_YEAR`]. Outside that range
//! no public holiday is known: [`public_holidays`] is empty and every Monday–Saturday
//! counts as a jour ouvrable. Callers that compute fees reject such dates first
//! ([`year_in_range`]); the functions here never panic on any date chrono can hold.

use chrono::{Datelike, NaiveDate, TimeDelta, Weekday};
use rust_decimal::prelude::ToPrimitive;
use rust_decimal::Decimal;

use crate::domain::order::sort_by_key;

/// First year of the supported calendar.
pub const MIN_YEAR: i32 = 1900;
/// Last year of the supported calendar.
pub const MAX_YEAR: i32 = 2200;

/// Whether `year` lies in the supported range [`MIN_YEAR`]..=[`MAX_YEAR`].
pub fn year_in_range(year: i32) -> bool {
    (MIN_YEAR..=MAX_YEAR).contains(&year)
}

/// Whether `date` lies in a supported year.
pub fn date_in_range(date: NaiveDate) -> bool {
    year_in_range(date.year())
}

/// Easter Sunday by the Gregorian computus (anonymous Gregorian algorithm, Meeus/Jones/
/// Butcher), for the supported years; `None` outside [`MIN_YEAR`]..=[`MAX_YEAR`].
pub fn easter_sunday(year: i32) -> Option<NaiveDate> {
    if !year_in_range(year) {
        return None;
    }
    let a = year % 19;
    let b = year / 100;
    let c = year % 100;
    let d = b / 4;
    let e = b % 4;
    let f = (b + 8) / 25;
    let g = (b - f + 1) / 3;
    let h = (19 * a + b - d - g + 15) % 30;
    let i = c / 4;
    let k = c % 4;
    let l = (32 + 2 * e + 2 * i - h - k) % 7;
    let m = (a + 11 * h + 22 * l) / 451;
    let month = (h + l - 7 * m + 114) / 31;
    let day = (h + l - 7 * m + 114) % 31 + 1;
    NaiveDate::from_ymd_opt(year, u32::try_from(month).ok()?, u32::try_from(day).ok()?)
}

/// The fixed-date holidays: (month, day, name), in calendar order.
const FIXED_HOLIDAYS: [(u32, u32, &str); 8] = [
    (1, 1, "Jour de l'an"),
    (5, 1, "Fête du Travail"),
    (5, 8, "Victoire 1945"),
    (7, 14, "Fête nationale"),
    (8, 15, "Assomption"),
    (11, 1, "Toussaint"),
    (11, 11, "Armistice 1918"),
    (12, 25, "Noël"),
];

/// The holidays that follow Easter: (days after Easter Sunday, name).
const EASTER_HOLIDAYS: [(i64, &str); 3] = [
    (1, "Lundi de Pâques"),
    (39, "Ascension"),
    (50, "Lundi de Pentecôte"),
];

/// The eleven French national public holidays of `year`, sorted by date, with their
/// French names. Two of them can fall on the same date (Ascension on 1 or 8 May, as in
/// 2008 or 1997): both are listed, the fixed-date one first. Empty outside the supported
/// years.
pub fn public_holidays(year: i32) -> Vec<(NaiveDate, &'static str)> {
    let Some(easter) = easter_sunday(year) else {
        return Vec::new();
    };
    let mut list: Vec<(NaiveDate, &'static str)> = FIXED_HOLIDAYS
        .iter()
        .filter_map(|&(m, d, name)| NaiveDate::from_ymd_opt(year, m, d).map(|date| (date, name)))
        .collect();
    list.extend(EASTER_HOLIDAYS.iter().filter_map(|&(offset, name)| {
        TimeDelta::try_days(offset)
            .and_then(|delta| easter.checked_add_signed(delta))
            .map(|date| (date, name))
    }));
    // Stable sort: on a shared date the fixed-date holiday stays first.
    sort_by_key(&mut list, |&(date, _)| date);
    list
}

/// The holiday falling on `date`, if any (on a date shared by two holidays, the
/// fixed-date one).
pub fn holiday_name(date: NaiveDate) -> Option<&'static str> {
    let (m, d) = (date.month(), date.day());
    if let Some(&(_, _, name)) = FIXED_HOLIDAYS.iter().find(|h| h.0 == m && h.1 == d) {
        return year_in_range(date.year()).then_some(name);
    }
    let easter = easter_sunday(date.year())?;
    let offset = date.signed_duration_since(easter).num_days();
    EASTER_HOLIDAYS
        .iter()
        .find(|h| h.0 == offset)
        .map(|&(_, name)| name)
}

/// Monday to Saturday, and not a public holiday.
pub fn is_jour_ouvrable(date: NaiveDate) -> bool {
    date.weekday() != Weekday::Sun && holiday_name(date).is_none()
}

/// A day the training can be held: Monday to Friday (the CGV's session hours are weekday
/// hours), not a public holiday. Jours ouvrables stay the unit of the notice periods only.
pub fn is_training_day(date: NaiveDate) -> bool {
    !matches!(date.weekday(), Weekday::Sat | Weekday::Sun) && holiday_name(date).is_none()
}

/// The training days `days` of training take: one per day begun (a half day takes one).
pub fn days_begun(days: Decimal) -> u32 {
    days.max(Decimal::ZERO).ceil().to_u32().unwrap_or(0)
}

/// The first training day after `day` (a few days away at most; `None` past chrono's range).
pub fn next_training_day(day: NaiveDate) -> Option<NaiveDate> {
    let mut d = day.succ_opt()?;
    while !is_training_day(d) {
        d = d.succ_opt()?;
    }
    Some(d)
}

/// `day` itself when it is a training day, else the first training day after it (`None`
/// past chrono's range): where a training typed on a weekend or a holiday is held.
pub fn training_day_from(day: NaiveDate) -> Option<NaiveDate> {
    if is_training_day(day) {
        Some(day)
    } else {
        next_training_day(day)
    }
}

/// The kind of days a period is counted in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DayKind {
    /// Monday to Saturday, public holidays excluded.
    Ouvrable,
    /// Monday to Friday, public holidays excluded (the training days).
    Ouvre,
    /// Every day.
    Calendaire,
}

impl DayKind {
    /// Whether `date` is a day of this kind.
    pub fn includes(self, date: NaiveDate) -> bool {
        match self {
            DayKind::Ouvrable => is_jour_ouvrable(date),
            DayKind::Ouvre => is_training_day(date),
            DayKind::Calendaire => true,
        }
    }

    /// "jours ouvrables" / "jours calendaires".
    pub fn plural_fr(self) -> &'static str {
        match self {
            DayKind::Ouvrable => "jours ouvrables",
            DayKind::Ouvre => "jours ouvrés",
            DayKind::Calendaire => "jours calendaires",
        }
    }

    /// "jour ouvrable" / "jour calendaire".
    pub fn singular_fr(self) -> &'static str {
        match self {
            DayKind::Ouvrable => "jour ouvrable",
            DayKind::Ouvre => "jour ouvré",
            DayKind::Calendaire => "jour calendaire",
        }
    }

    /// `n` days in French, singular for 0 and 1 as French has it: "1 jour ouvrable",
    /// "16 jours ouvrables".
    pub fn count_fr(self, n: u32) -> String {
        if n <= 1 {
            format!("{n} {}", self.singular_fr())
        } else {
            format!("{n} {}", self.plural_fr())
        }
    }
}

/// The first and last day strictly between `notification` and `start`, if any.
fn inner_bounds(notification: NaiveDate, start: NaiveDate) -> Option<(NaiveDate, NaiveDate)> {
    if start.signed_duration_since(notification).num_days() <= 1 {
        return None;
    }
    Some((notification.succ_opt()?, start.pred_opt()?))
}

const DAYS_PER_WEEK: i64 = 7;
/// Monday to Saturday.
const WORKING_DAYS_PER_WEEK: i64 = 6;

fn saturating_u32(n: i64) -> u32 {
    u32::try_from(n.max(0)).unwrap_or(u32::MAX)
}

/// Days of `kind` strictly between `notification` and `start` (neither counts); 0 when
/// `start` is not at least two days after `notification`.
///
/// Counts whole weeks arithmetically and subtracts the public holidays year by year, so
/// the cost grows with the number of years, not days.
pub fn count_days_strictly_between(
    kind: DayKind,
    notification: NaiveDate,
    start: NaiveDate,
) -> u32 {
    let Some((first, last)) = inner_bounds(notification, start) else {
        return 0;
    };
    let total = last.signed_duration_since(first).num_days() + 1;
    if kind == DayKind::Calendaire {
        return saturating_u32(total);
    }
    // The week's days of `kind`: six or five in every whole week, then the few days left.
    let in_week = |d: Weekday| match kind {
        DayKind::Ouvre => !matches!(d, Weekday::Sat | Weekday::Sun),
        _ => d != Weekday::Sun,
    };
    let per_week = if kind == DayKind::Ouvre {
        WORKING_DAYS_PER_WEEK - 1
    } else {
        WORKING_DAYS_PER_WEEK
    };
    let mut weekdays = total / DAYS_PER_WEEK * per_week;
    let mut weekday = first.weekday();
    for _ in 0..total % DAYS_PER_WEEK {
        if in_week(weekday) {
            weekdays += 1;
        }
        weekday = weekday.succ();
    }
    // Minus the holidays that fall on such a day inside the span, each date once.
    let from_year = first.year().max(MIN_YEAR);
    let to_year = last.year().min(MAX_YEAR);
    let mut holidays = 0i64;
    for year in from_year..=to_year {
        let mut dates: Vec<NaiveDate> = public_holidays(year)
            .into_iter()
            .map(|(date, _)| date)
            .filter(|&d| d >= first && d <= last && in_week(d.weekday()))
            .collect();
        dates.dedup();
        holidays += i64::try_from(dates.len()).unwrap_or(0);
    }
    saturating_u32(weekdays - holidays)
}

/// The same count, day by day: the reference the fast count is tested (and benchmarked)
/// against. Slow over long spans: not for the UI.
pub fn count_days_naive(kind: DayKind, notification: NaiveDate, start: NaiveDate) -> u32 {
    let mut count = 0u32;
    let mut day = notification.succ_opt();
    while let Some(d) = day {
        if d >= start {
            break;
        }
        if kind.includes(d) {
            count = count.saturating_add(1);
        }
        day = d.succ_opt();
    }
    count
}

/// The days of `kind` strictly between `notification` and `start`, in order, at most `cap`
/// of them (the first ones): what the app shows as "the days it counted".
pub fn days_strictly_between(
    kind: DayKind,
    notification: NaiveDate,
    start: NaiveDate,
    cap: usize,
) -> Vec<NaiveDate> {
    let mut days = Vec::new();
    let mut day = notification.succ_opt();
    while let Some(d) = day {
        if d >= start || days.len() >= cap {
            break;
        }
        if kind.includes(d) {
            days.push(d);
        }
        day = d.succ_opt();
    }
    days
}

/// The public holidays strictly between `notification` and `start` that fall on a
/// Monday–Saturday: the days left out of a count in jours ouvrables. Each date once.
pub fn holidays_strictly_between(
    notification: NaiveDate,
    start: NaiveDate,
) -> Vec<(NaiveDate, &'static str)> {
    let Some((first, last)) = inner_bounds(notification, start) else {
        return Vec::new();
    };
    let mut out: Vec<(NaiveDate, &'static str)> = Vec::new();
    for year in first.year().max(MIN_YEAR)..=last.year().min(MAX_YEAR) {
        for (date, name) in public_holidays(year) {
            let fresh = out.last().is_none_or(|&(d, _)| d != date);
            if date >= first && date <= last && date.weekday() != Weekday::Sun && fresh {
                out.push((date, name));
            }
        }
    }
    out
}

/// The latest notification date that leaves at least `min_days` days of `kind` strictly
/// between it and `start` (the inverse of [`count_days_strictly_between`]): notified on
/// that date the count is exactly `min_days`, notified a day later it is `min_days − 1`.
///
/// With `min_days == 0` every date before the start qualifies: the day before `start`.
/// `None` when no date chrono can hold qualifies.
pub fn last_notification_leaving(
    kind: DayKind,
    min_days: u32,
    start: NaiveDate,
) -> Option<NaiveDate> {
    if min_days == 0 {
        return start.pred_opt();
    }
    let back = |k: i64| start.checked_sub_signed(TimeDelta::try_days(k)?);
    let count_at = |k: i64| back(k).map(|n| count_days_strictly_between(kind, n, start));
    // Every 7 days hold at least 6 Monday–Saturday days, and a year holds at most 11
    // holidays: 2 × min_days + 60 days back always leaves enough days in the calendar.
    let mut hi = 2 * i64::from(min_days) + 60;
    if count_at(hi).is_none() {
        // Too far back for chrono: search from its earliest date instead.
        hi = start.signed_duration_since(NaiveDate::MIN).num_days();
    }
    if count_at(hi)? < min_days {
        return None;
    }
    // The count only grows as the notification moves back: find the smallest k days back
    // where it reaches `min_days`.
    let mut lo = 1i64;
    while lo < hi {
        let mid = lo + (hi - lo) / 2;
        if count_at(mid)? >= min_days {
            hi = mid;
        } else {
            lo = mid + 1;
        }
    }
    back(hi)
}

/// `2026-05-26`: the value an `<input type=date>` takes.
pub fn format_iso_date(date: NaiveDate) -> String {
    format!("{:04}-{:02}-{:02}", date.year(), date.month(), date.day())
}

/// Parses `2026-05-26` as an `<input type=date>` gives it (surrounding spaces allowed).
/// `None` when malformed, not a real date, or outside [`MIN_YEAR`]..=[`MAX_YEAR`].
pub fn parse_iso_date(s: &str) -> Option<NaiveDate> {
    let s = s.trim();
    let mut parts = s.split('-');
    let (y, m, d) = (parts.next()?, parts.next()?, parts.next()?);
    if parts.next().is_some() || y.len() != 4 || m.len() != 2 || d.len() != 2 {
        return None;
    }
    let digits = |p: &str| p.bytes().all(|b| b.is_ascii_digit());
    if !(digits(y) && digits(m) && digits(d)) {
        return None;
    }
    let date = NaiveDate::from_ymd_opt(y.parse().ok()?, m.parse().ok()?, d.parse().ok()?)?;
    date_in_range(date).then_some(date)
}

/// Dates in JSON as `YYYY-MM-DD` strings, read with [`parse_iso_date`] and written with
/// [`format_iso_date`] (`#[serde(with = "calendar::iso_date")]`): chrono's own serde goes
/// through its general parser and formatter, which the wasm would then carry.
pub mod iso_date {
    use chrono::NaiveDate;
    use serde::{de, Deserialize, Deserializer, Serializer};

    use super::{format_iso_date, parse_iso_date};

    pub fn serialize<S: Serializer>(date: &NaiveDate, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&format_iso_date(*date))
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<NaiveDate, D::Error> {
        read(&String::deserialize(d)?)
    }

    /// A date written exactly `YYYY-MM-DD`, or the French message naming what was written.
    pub fn read<E: de::Error>(text: &str) -> Result<NaiveDate, E> {
        parse_iso_date(text)
            .filter(|_| text.len() == 10)
            .ok_or_else(|| E::custom(format!("« {text} » n'est pas une date AAAA-MM-JJ valide.")))
    }

    /// An optional date: the string, or `null`.
    pub fn serialize_opt<S: Serializer>(date: &Option<NaiveDate>, s: S) -> Result<S::Ok, S::Error> {
        match date {
            Some(date) => serialize(date, s),
            None => s.serialize_none(),
        }
    }

    /// An optional date both ways (`#[serde(with = "calendar::iso_date::option")]`).
    pub mod option {
        use chrono::NaiveDate;
        use serde::{Deserialize, Deserializer};

        pub use super::serialize_opt as serialize;

        pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Option<NaiveDate>, D::Error> {
            Option::<String>::deserialize(d)?
                .map(|text| super::read(&text))
                .transpose()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::fr::format_date_fr;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    fn start() -> NaiveDate {
        d("2026-05-26")
    }

    #[test]
    fn easter_follows_the_gregorian_computus() {
        for (year, easter) in [
            (1900, "1900-04-15"),
            (1997, "1997-03-30"),
            (2000, "2000-04-23"),
            (2008, "2008-03-23"),
            (2024, "2024-03-31"),
            (2025, "2025-04-20"),
            (2026, "2026-04-05"),
            (2027, "2027-03-28"),
            (2028, "2028-04-16"),
            (2029, "2029-04-01"),
            (2030, "2030-04-21"),
            (2038, "2038-04-25"),
            (2200, "2200-04-06"),
        ] {
            assert_eq!(easter_sunday(year), Some(d(easter)), "{year}");
        }
    }

    #[test]
    fn easter_is_none_outside_the_supported_years() {
        assert_eq!(easter_sunday(1899), None);
        assert_eq!(easter_sunday(2201), None);
        assert_eq!(easter_sunday(i32::MIN), None);
        assert_eq!(easter_sunday(i32::MAX), None);
        assert!(public_holidays(1899).is_empty());
        assert!(public_holidays(2201).is_empty());
        assert_eq!(holiday_name(d("2201-12-25")), None);
        assert!(
            is_jour_ouvrable(d("2201-01-01")),
            "a Thursday, no known holiday"
        );
    }

    /// The names of the columns of [`HOLIDAYS_2024_TO_2030`], in that order.
    const HOLIDAY_NAMES: [&str; 11] = [
        "Jour de l'an",
        "Lundi de Pâques",
        "Fête du Travail",
        "Victoire 1945",
        "Ascension",
        "Lundi de Pentecôte",
        "Fête nationale",
        "Assomption",
        "Toussaint",
        "Armistice 1918",
        "Noël",
    ];

    /// The eleven national holidays of each year, written out: 1 January, Easter Monday,
    /// 1 May, 8 May, Ascension, Whit Monday, 14 July, 15 August, 1 November, 11 November,
    /// 25 December. Easter Sunday: 2024-03-31, 2025-04-20, 2026-04-05, 2027-03-28,
    /// 2028-04-16, 2029-04-01, 2030-04-21.
    #[rustfmt::skip]
    const HOLIDAYS_2024_TO_2030: [(i32, [&str; 11]); 7] = [
        (2024, ["2024-01-01", "2024-04-01", "2024-05-01", "2024-05-08", "2024-05-09", "2024-05-20",
                "2024-07-14", "2024-08-15", "2024-11-01", "2024-11-11", "2024-12-25"]),
        (2025, ["2025-01-01", "2025-04-21", "2025-05-01", "2025-05-08", "2025-05-29", "2025-06-09",
                "2025-07-14", "2025-08-15", "2025-11-01", "2025-11-11", "2025-12-25"]),
        (2026, ["2026-01-01", "2026-04-06", "2026-05-01", "2026-05-08", "2026-05-14", "2026-05-25",
                "2026-07-14", "2026-08-15", "2026-11-01", "2026-11-11", "2026-12-25"]),
        (2027, ["2027-01-01", "2027-03-29", "2027-05-01", "2027-05-08", "2027-05-06", "2027-05-17",
                "2027-07-14", "2027-08-15", "2027-11-01", "2027-11-11", "2027-12-25"]),
        (2028, ["2028-01-01", "2028-04-17", "2028-05-01", "2028-05-08", "2028-05-25", "2028-06-05",
                "2028-07-14", "2028-08-15", "2028-11-01", "2028-11-11", "2028-12-25"]),
        (2029, ["2029-01-01", "2029-04-02", "2029-05-01", "2029-05-08", "2029-05-10", "2029-05-21",
                "2029-07-14", "2029-08-15", "2029-11-01", "2029-11-11", "2029-12-25"]),
        (2030, ["2030-01-01", "2030-04-22", "2030-05-01", "2030-05-08", "2030-05-30", "2030-06-10",
                "2030-07-14", "2030-08-15", "2030-11-01", "2030-11-11", "2030-12-25"]),
    ];

    #[test]
    fn every_holiday_of_2024_to_2030_falls_on_its_known_date() {
        for (year, dates) in HOLIDAYS_2024_TO_2030 {
            let mut expected: Vec<(NaiveDate, &str)> =
                dates.map(d).into_iter().zip(HOLIDAY_NAMES).collect();
            // The table itself: Easter and Whit Mondays are Mondays, Ascension a Thursday.
            assert_eq!(expected[1].0.weekday(), Weekday::Mon, "{year}");
            assert_eq!(expected[4].0.weekday(), Weekday::Thu, "{year}");
            assert_eq!(expected[5].0.weekday(), Weekday::Mon, "{year}");
            for &(date, name) in &expected {
                assert_eq!(holiday_name(date), Some(name), "{date}");
                assert!(!is_jour_ouvrable(date), "{date}");
            }
            // public_holidays lists them by date (Ascension before 8 May in 2027).
            expected.sort_by_key(|&(date, _)| date);
            assert_eq!(public_holidays(year), expected, "{year}");
        }
    }

    #[test]
    fn far_years_have_their_movable_holidays() {
        for (year, monday, ascension, whit) in [
            (1900, "1900-04-16", "1900-05-24", "1900-06-04"),
            (2000, "2000-04-24", "2000-06-01", "2000-06-12"),
            (2038, "2038-04-26", "2038-06-03", "2038-06-14"),
            (2200, "2200-04-07", "2200-05-15", "2200-05-26"),
        ] {
            assert_eq!(holiday_name(d(monday)), Some("Lundi de Pâques"), "{year}");
            assert_eq!(holiday_name(d(ascension)), Some("Ascension"), "{year}");
            assert_eq!(holiday_name(d(whit)), Some("Lundi de Pentecôte"), "{year}");
        }
    }

    #[test]
    fn the_2026_list_is_complete_and_named_in_french() {
        let names: Vec<(String, &str)> = public_holidays(2026)
            .into_iter()
            .map(|(date, name)| (format_iso_date(date), name))
            .collect();
        let expected = [
            ("2026-01-01", "Jour de l'an"),
            ("2026-04-06", "Lundi de Pâques"),
            ("2026-05-01", "Fête du Travail"),
            ("2026-05-08", "Victoire 1945"),
            ("2026-05-14", "Ascension"),
            ("2026-05-25", "Lundi de Pentecôte"),
            ("2026-07-14", "Fête nationale"),
            ("2026-08-15", "Assomption"),
            ("2026-11-01", "Toussaint"),
            ("2026-11-11", "Armistice 1918"),
            ("2026-12-25", "Noël"),
        ];
        let expected: Vec<(String, &str)> =
            expected.iter().map(|&(s, n)| (s.to_string(), n)).collect();
        assert_eq!(names, expected);
    }

    #[test]
    fn ascension_on_labour_day_is_counted_once() {
        // 2008: Ascension fell on Thursday 1 May.
        let list = public_holidays(2008);
        assert_eq!(list.len(), 11);
        assert_eq!(holiday_name(d("2008-05-01")), Some("Fête du Travail"));
        // Wed 30 April to Fri 2 May 2008: only 1 May lies between, a holiday.
        assert_eq!(
            count_days_strictly_between(DayKind::Ouvrable, d("2008-04-30"), d("2008-05-02")),
            0
        );
        // Sun 27 April to Sun 11 May 2008: 12 Monday–Saturday days, minus 1 and 8 May.
        assert_eq!(
            count_days_strictly_between(DayKind::Ouvrable, d("2008-04-27"), d("2008-05-11")),
            10
        );
        assert_eq!(
            holidays_strictly_between(d("2008-04-27"), d("2008-05-11")).len(),
            2
        );
    }

    #[test]
    fn jours_ouvrables_are_monday_to_saturday_without_holidays() {
        assert!(is_jour_ouvrable(d("2026-05-16")), "Saturday");
        assert!(!is_jour_ouvrable(d("2026-05-17")), "Sunday");
        assert!(!is_jour_ouvrable(d("2026-05-14")), "Ascension");
        assert!(!is_jour_ouvrable(d("2026-07-14")), "Fête nationale");
        assert!(is_jour_ouvrable(d("2026-05-26")), "Tuesday");
    }

    #[test]
    fn worked_examples_count_jours_ouvrables_strictly_between() {
        for (notified, n) in [
            ("2026-05-01", 17),
            ("2026-05-02", 16),
            ("2026-05-03", 16),
            ("2026-05-04", 15),
            ("2026-05-15", 7),
            ("2026-05-16", 6),
            ("2026-05-22", 1),
            ("2026-05-23", 0),
            ("2026-05-25", 0),
            ("2026-05-26", 0),
            ("2026-06-30", 0),
        ] {
            let notified = d(notified);
            assert_eq!(
                count_days_strictly_between(DayKind::Ouvrable, notified, start()),
                n,
                "{notified}"
            );
            assert_eq!(count_days_naive(DayKind::Ouvrable, notified, start()), n);
        }
    }

    #[test]
    fn calendar_days_exclude_both_ends() {
        assert_eq!(
            count_days_strictly_between(DayKind::Calendaire, d("2026-05-18"), start()),
            7
        );
        assert_eq!(
            count_days_strictly_between(DayKind::Calendaire, d("2026-05-25"), start()),
            0
        );
        assert_eq!(
            count_days_strictly_between(DayKind::Calendaire, start(), d("2026-05-01")),
            0
        );
    }

    #[test]
    fn a_span_over_easter_skips_easter_monday() {
        // Thu 2 April to Thu 9 April 2026: Fri 3, Sat 4, (Sun 5), (Mon 6 Easter Monday),
        // Tue 7, Wed 8.
        let days = days_strictly_between(DayKind::Ouvrable, d("2026-04-02"), d("2026-04-09"), 50);
        assert_eq!(
            days,
            ["2026-04-03", "2026-04-04", "2026-04-07", "2026-04-08"]
                .map(d)
                .to_vec()
        );
        assert_eq!(
            count_days_strictly_between(DayKind::Ouvrable, d("2026-04-02"), d("2026-04-09")),
            4
        );
        assert_eq!(
            holidays_strictly_between(d("2026-04-02"), d("2026-04-09")),
            vec![(d("2026-04-06"), "Lundi de Pâques")]
        );
    }

    #[test]
    fn counted_days_are_capped() {
        let days = days_strictly_between(DayKind::Ouvrable, d("2026-05-03"), start(), 5);
        assert_eq!(days.len(), 5);
        assert_eq!(days[0], d("2026-05-04"));
        let all = days_strictly_between(DayKind::Ouvrable, d("2026-05-03"), start(), 100);
        assert_eq!(all.len(), 16);
        assert!(!all.contains(&d("2026-05-14")) && !all.contains(&d("2026-05-25")));
    }

    #[test]
    fn window_of_the_worked_example_holds_three_holidays() {
        let names: Vec<&str> = holidays_strictly_between(d("2026-05-03"), start())
            .into_iter()
            .map(|(_, n)| n)
            .collect();
        assert_eq!(names, ["Victoire 1945", "Ascension", "Lundi de Pentecôte"]);
    }

    #[test]
    fn last_notification_inverts_the_count() {
        let last = |kind, n| last_notification_leaving(kind, n, start());
        assert_eq!(last(DayKind::Ouvrable, 16), Some(d("2026-05-03")));
        assert_eq!(last(DayKind::Ouvrable, 7), Some(d("2026-05-15")));
        assert_eq!(last(DayKind::Ouvrable, 1), Some(d("2026-05-22")));
        assert_eq!(last(DayKind::Calendaire, 7), Some(d("2026-05-18")));
        assert_eq!(last(DayKind::Ouvrable, 0), Some(d("2026-05-25")));
        assert_eq!(
            last_notification_leaving(DayKind::Ouvrable, 5, NaiveDate::MIN),
            None
        );
        let far = last_notification_leaving(DayKind::Ouvrable, u32::MAX, start());
        assert_eq!(far, None);
    }

    #[test]
    fn long_spans_are_counted_without_walking_every_day() {
        let n = count_days_strictly_between(DayKind::Ouvrable, NaiveDate::MIN, NaiveDate::MAX);
        assert!(n > 150_000_000);
        let n = count_days_strictly_between(DayKind::Ouvrable, d("1899-12-31"), d("2201-01-01"));
        assert_eq!(
            n,
            count_days_naive(DayKind::Ouvrable, d("1899-12-31"), d("2201-01-01"))
        );
    }

    #[test]
    fn dates_are_written_in_french() {
        assert_eq!(format_date_fr(start()), "mardi 26 mai 2026");
        assert_eq!(format_date_fr(d("2026-05-01")), "vendredi 1er mai 2026");
        assert_eq!(format_date_fr(d("2026-08-15")), "samedi 15 août 2026");
        assert_eq!(format_date_fr(d("2027-02-07")), "dimanche 7 février 2027");
        assert_eq!(format_date_fr(d("2026-12-02")), "mercredi 2 décembre 2026");
        assert_eq!(format_iso_date(d("2026-05-01")), "2026-05-01");
        let _ = format_date_fr(NaiveDate::MIN);
        let _ = format_date_fr(NaiveDate::MAX);
    }

    #[test]
    fn iso_dates_from_a_date_input_are_parsed_strictly() {
        assert_eq!(parse_iso_date("2026-05-26"), Some(start()));
        assert_eq!(parse_iso_date(" 2026-05-26 "), Some(start()));
        assert_eq!(parse_iso_date("1900-01-01"), Some(d("1900-01-01")));
        assert_eq!(parse_iso_date("2200-12-31"), Some(d("2200-12-31")));
        for bad in [
            "",
            "2026-5-26",
            "26/05/2026",
            "2026-02-30",
            "1899-12-31",
            "2201-01-01",
            "+2026-05-26",
            "2026-05-26-01",
            "2026-05-2x",
            "２０２６-05-26",
            "99999-01-01",
        ] {
            assert_eq!(parse_iso_date(bad), None, "{bad:?}");
        }
    }

    #[test]
    fn day_counts_are_written_with_french_plurals() {
        assert_eq!(DayKind::Ouvrable.count_fr(0), "0 jour ouvrable");
        assert_eq!(DayKind::Ouvrable.count_fr(1), "1 jour ouvrable");
        assert_eq!(DayKind::Ouvrable.count_fr(16), "16 jours ouvrables");
        assert_eq!(DayKind::Calendaire.count_fr(7), "7 jours calendaires");
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod properties {
    use super::*;
    use crate::domain::fr::format_date_fr;
    use proptest::prelude::*;

    fn date_in(from_year: i32, to_year: i32) -> impl Strategy<Value = NaiveDate> {
        let lo = NaiveDate::from_ymd_opt(from_year, 1, 1)
            .unwrap()
            .num_days_from_ce();
        let hi = NaiveDate::from_ymd_opt(to_year, 12, 31)
            .unwrap()
            .num_days_from_ce();
        (lo..=hi).prop_map(|n| NaiveDate::from_num_days_from_ce_opt(n).unwrap())
    }

    fn any_date() -> impl Strategy<Value = NaiveDate> {
        let lo = NaiveDate::MIN.num_days_from_ce();
        let hi = NaiveDate::MAX.num_days_from_ce();
        (lo..=hi).prop_map(|n| NaiveDate::from_num_days_from_ce_opt(n).unwrap())
    }

    fn kind() -> impl Strategy<Value = DayKind> {
        prop_oneof![
            Just(DayKind::Ouvrable),
            Just(DayKind::Ouvre),
            Just(DayKind::Calendaire)
        ]
    }

    proptest! {
        #[test]
        fn fast_count_equals_the_day_by_day_count(
            kind in kind(),
            notification in date_in(1895, 2205),
            span in -40i64..7_400,
        ) {
            let start = notification + TimeDelta::days(span);
            prop_assert_eq!(
                count_days_strictly_between(kind, notification, start),
                count_days_naive(kind, notification, start)
            );
        }

        #[test]
        fn last_notification_leaves_exactly_the_days_asked(
            kind in kind(),
            start in date_in(MIN_YEAR, MAX_YEAR),
            min_days in 1u32..400,
        ) {
            let n = last_notification_leaving(kind, min_days, start).unwrap();
            prop_assert_eq!(count_days_strictly_between(kind, n, start), min_days);
            let later = n.succ_opt().unwrap();
            prop_assert_eq!(count_days_strictly_between(kind, later, start), min_days - 1);
        }

        #[test]
        fn shown_days_agree_with_the_count(
            kind in kind(),
            notification in date_in(MIN_YEAR, MAX_YEAR),
            span in 0i64..120,
        ) {
            let start = notification + TimeDelta::days(span);
            let days = days_strictly_between(kind, notification, start, 1_000);
            prop_assert_eq!(days.len(), count_days_strictly_between(kind, notification, start) as usize);
            prop_assert!(days.iter().all(|&x| x > notification && x < start && kind.includes(x)));
        }

        #[test]
        fn calendar_never_panics_on_any_date(
            kind in kind(),
            a in any_date(),
            b in any_date(),
            min_days in any::<u32>(),
            year in any::<i32>(),
        ) {
            let _ = count_days_strictly_between(kind, a, b);
            let _ = days_strictly_between(kind, a, b, 20);
            let _ = holidays_strictly_between(a, b);
            let _ = last_notification_leaving(kind, min_days, b);
            let _ = format_date_fr(a);
            let _ = holiday_name(a);
            let _ = public_holidays(year);
            let _ = easter_sunday(year);
        }

        #[test]
        fn iso_parsing_never_panics_and_round_trips(s in ".{0,16}", date in date_in(MIN_YEAR, MAX_YEAR)) {
            let _ = parse_iso_date(&s);
            prop_assert_eq!(parse_iso_date(&format_iso_date(date)), Some(date));
        }
    }
}
