//! The browser's clock: today in the user's time zone, now with its offset, now in UTC.

use chrono::{NaiveDate, NaiveDateTime};

/// Today in the browser's local time; falls back to the Unix epoch's date should the
/// browser report something impossible (never a panic).
pub fn today() -> NaiveDate {
    let now = js_sys::Date::new_0();
    NaiveDate::from_ymd_opt(
        now.get_full_year() as i32,
        now.get_month() + 1,
        now.get_date(),
    )
    .unwrap_or_default()
}

/// Now, in the browser's local time with its offset, to the millisecond:
/// `2026-11-26T17:02:00.123+01:00` (the form the drafts store keeps).
pub fn now_rfc3339() -> String {
    let now = js_sys::Date::new_0();
    // getTimezoneOffset is UTC minus local time, in minutes.
    let offset = -(now.get_timezone_offset() as i32);
    let sign = if offset < 0 { '-' } else { '+' };
    let offset = offset.unsigned_abs();
    format!(
        "{:04}-{:02}-{:02}T{:02}:{:02}:{:02}.{:03}{sign}{:02}:{:02}",
        now.get_full_year(),
        now.get_month() + 1,
        now.get_date(),
        now.get_hours(),
        now.get_minutes(),
        now.get_seconds(),
        now.get_milliseconds(),
        (offset / 60).min(99),
        offset % 60
    )
}

/// Now in UTC, to the second (an iCalendar file's DTSTAMP); the Unix epoch should the
/// browser report something impossible (never a panic).
pub fn now_utc() -> NaiveDateTime {
    let now = js_sys::Date::new_0();
    NaiveDate::from_ymd_opt(
        now.get_utc_full_year() as i32,
        now.get_utc_month() + 1,
        now.get_utc_date(),
    )
    .and_then(|d| {
        d.and_hms_opt(
            now.get_utc_hours(),
            now.get_utc_minutes(),
            now.get_utc_seconds(),
        )
    })
    .unwrap_or_default()
}
