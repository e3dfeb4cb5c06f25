//! Today's date, from the browser's clock, in the user's time zone.

use chrono::NaiveDate;

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
