//! How fast are jours ouvrables counted? (issue 4)
//!
//! Compares the calendar's fast count (`count_days_strictly_between`: whole weeks by
//! arithmetic, then the public holidays year by year) with the day-by-day reference
//! (`count_days_naive`) over many ten-year spans whose first day is drawn, with a fixed
//! seed, between 1900 and 2190 (so that every span stays inside the supported years).
//! Both must agree on every span; then each is timed and its counts per second printed,
//! with the ratio. A second, smaller table does the same for short spans (2 to 60 days),
//! the sizes the cancellation screen actually counts.
//!
//! A benchmark script, not a test:
//!
//! ```text
//! cargo run --release --no-default-features --example count_days_bench
//! ```
//!
//! No dependency beyond the crate's own: a SplitMix64 generator, `std::time::Instant` and
//! `std::hint::black_box` (so that the optimiser can neither hoist nor drop the counts).

use std::hint::black_box;
use std::process::ExitCode;
use std::time::{Duration, Instant};

use chrono::{Months, NaiveDate, TimeDelta};
use cosens_simulateur::domain::calendar::{count_days_naive, count_days_strictly_between, DayKind};

/// Fixed seed: the same spans on every run.
const SEED: u64 = 0x00C0_5E25_2026_0526;
/// Ten-year spans drawn.
const LONG_SPANS: usize = 2_000;
/// Short spans drawn.
const SHORT_SPANS: usize = 20_000;
/// Each measurement repeats whole passes over its spans until at least this long.
const MIN_MEASURE: Duration = Duration::from_millis(700);

/// SplitMix64 (Steele, Lea, Flood 2014): small, seeded, good enough to pick dates.
struct SplitMix64(u64);

impl SplitMix64 {
    fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `0..n` (`n > 0`; the modulo bias is negligible here).
    fn below(&mut self, n: u64) -> u64 {
        self.next_u64() % n
    }
}

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("a valid literal date")
}

/// A notification date drawn uniformly between 1 January 1900 and 31 December 2190.
fn notification(rng: &mut SplitMix64) -> NaiveDate {
    let first = date(1900, 1, 1);
    let days = u64::try_from(date(2190, 12, 31).signed_duration_since(first).num_days())
        .expect("a positive span");
    let offset = i64::try_from(rng.below(days + 1)).expect("a small offset");
    first + TimeDelta::days(offset)
}

/// `(notification, start)` pairs: the start ten years (120 months) after the notification.
fn ten_year_spans(rng: &mut SplitMix64, count: usize) -> Vec<(NaiveDate, NaiveDate)> {
    (0..count)
        .map(|_| {
            let n = notification(rng);
            let s = n
                .checked_add_months(Months::new(120))
                .expect("inside chrono's range");
            (n, s)
        })
        .collect()
}

/// `(notification, start)` pairs: the start 2 to 60 days after the notification.
fn short_spans(rng: &mut SplitMix64, count: usize) -> Vec<(NaiveDate, NaiveDate)> {
    (0..count)
        .map(|_| {
            let n = notification(rng);
            let len = i64::try_from(2 + rng.below(59)).expect("a small length");
            (n, n + TimeDelta::days(len))
        })
        .collect()
}

type Count = fn(DayKind, NaiveDate, NaiveDate) -> u32;

/// Runs `count` over every span, in whole passes, until `MIN_MEASURE` has elapsed; returns
/// the counts per second. The results are summed into a black-boxed checksum, so that none
/// of the counts can be optimised away.
fn measure(count: Count, spans: &[(NaiveDate, NaiveDate)]) -> f64 {
    let mut done: u64 = 0;
    let mut checksum: u64 = 0;
    let began = Instant::now();
    loop {
        for &(n, s) in spans {
            let days = count(black_box(DayKind::Ouvrable), black_box(n), black_box(s));
            checksum = checksum.wrapping_add(u64::from(black_box(days)));
        }
        done += spans.len() as u64;
        if began.elapsed() >= MIN_MEASURE {
            break;
        }
    }
    let seconds = began.elapsed().as_secs_f64();
    black_box(checksum);
    done as f64 / seconds
}

/// Checks that both counts agree on every span; returns the first disagreement, if any.
fn disagreement(spans: &[(NaiveDate, NaiveDate)]) -> Option<(NaiveDate, NaiveDate, u32, u32)> {
    spans.iter().find_map(|&(n, s)| {
        let fast = count_days_strictly_between(DayKind::Ouvrable, n, s);
        let naive = count_days_naive(DayKind::Ouvrable, n, s);
        (fast != naive).then_some((n, s, fast, naive))
    })
}

/// `12345678.9` → `12 345 679`.
fn grouped(x: f64) -> String {
    let digits = format!("{:.0}", x);
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(' ');
        }
        out.push(c);
    }
    out
}

/// Checks, times and prints one table; false when the counts disagree.
fn compare(title: &str, spans: &[(NaiveDate, NaiveDate)]) -> bool {
    println!("{title}");
    let (min_days, max_days) = spans.iter().fold((u32::MAX, 0), |(lo, hi), &(n, s)| {
        let d = count_days_strictly_between(DayKind::Ouvrable, n, s);
        (lo.min(d), hi.max(d))
    });
    println!(
        "  {} spans, {min_days} to {max_days} jours ouvrables each",
        spans.len()
    );
    if let Some((n, s, fast, naive)) = disagreement(spans) {
        println!("  DISAGREEMENT: notified {n}, start {s}: fast {fast}, naive {naive}");
        return false;
    }
    println!("  both counts agree on every span");
    let fast_rate = measure(count_days_strictly_between, spans);
    let naive_rate = measure(count_days_naive, spans);
    println!(
        "  fast  (count_days_strictly_between): {:>14} counts/s",
        grouped(fast_rate)
    );
    println!(
        "  naive (count_days_naive):            {:>14} counts/s",
        grouped(naive_rate)
    );
    println!("  ratio fast / naive: {:.1} ×", fast_rate / naive_rate);
    true
}

fn main() -> ExitCode {
    let mut rng = SplitMix64(SEED);
    let long = ten_year_spans(&mut rng, LONG_SPANS);
    let short = short_spans(&mut rng, SHORT_SPANS);
    println!("Counting jours ouvrables strictly between two dates (seed {SEED:#x})");
    if cfg!(debug_assertions) {
        println!("(debug build: run with --release for meaningful figures)");
    }
    println!();
    let mut ok = compare("Ten-year spans, first day 1900–2190:", &long);
    println!();
    ok &= compare("Short spans (2 to 60 days), first day 1900–2190:", &short);
    if ok {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}
