//! Embeds the catalogue: `data/catalogue.json`, the site's offer, or the file named by
//! `COSENS_CATALOGUE` (the test suite builds the app on `tests/fixtures/catalogue.json`,
//! so that a site owner's price change breaks no test but the one that checks the shipped
//! file).
//!
//! The file is read and checked here with the domain's own code
//! (`Catalogue::from_json`, from `src/domain/catalogue/model.rs`): a file that does not
//! validate fails the build with the message the tests see, e.g. `catalogue : champ
//! « prices.certification_ht » : prix négatif (-500.00)`. The catalogue is then written to
//! `$OUT_DIR/catalogue.rs` as the Rust expression that builds it, which
//! `Catalogue::embedded()` includes: the app carries neither a JSON reader for it nor its
//! checks, and does no work at start. `$OUT_DIR/catalogue.json` keeps the file read, for
//! the test that compares the two.

use std::fmt::Write as _;
use std::{env, fs, path::PathBuf, process};

use chrono::{Datelike, NaiveDate};
use rust_decimal::Decimal;

// The domain files the catalogue's reading and checks use, included as they are. They name
// each other `crate::domain::…`, which `domain` below maps to them; `draft/checks.rs` names
// its caps `super::limits`. A new `use` in one of these files needs its file here.
#[allow(dead_code, unused_imports)]
#[path = "src/domain/calendar.rs"]
mod calendar;
#[allow(dead_code)]
#[path = "src/domain/catalogue/model.rs"]
mod catalogue;
#[allow(dead_code)]
#[path = "src/domain/draft/checks.rs"]
mod draft_checks;
#[allow(dead_code)]
#[path = "src/domain/fr.rs"]
mod fr;
#[allow(dead_code)]
#[path = "src/domain/draft/limits.rs"]
mod limits;
#[allow(dead_code)]
#[path = "src/domain/money.rs"]
mod money;
#[allow(dead_code)]
#[path = "src/domain/order.rs"]
mod order;
#[allow(dead_code)]
#[path = "src/domain/catalogue/sessions.rs"]
mod sessions;

/// The paths of the crate's domain that the included files use.
mod domain {
    pub(crate) use crate::{calendar, fr, money, order};

    pub(crate) mod draft {
        pub(crate) use crate::draft_checks::email_is_valid;
    }
}

use catalogue::{
    AgreementTexts, CancellationTerms, Catalogue, Course, CpfContribution, Evaluation,
    LatePaymentTerms, LegalInterestRate, ModularTariff, Module, Office, PastResult, PlaceHours,
    Prices, Referent,
};
use sessions::{Session, SessionModule, SessionStatus};

fn main() {
    println!("cargo:rerun-if-env-changed=COSENS_CATALOGUE");
    let source = env::var_os("COSENS_CATALOGUE")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from("data/catalogue.json"));
    println!("cargo:rerun-if-changed={}", source.display());
    let out = PathBuf::from(env::var_os("OUT_DIR").expect("cargo sets OUT_DIR"));
    let text = fs::read_to_string(&source).unwrap_or_else(|e| {
        fail(&format!(
            "cannot read the catalogue {}: {e}",
            source.display()
        ))
    });
    let catalogue =
        Catalogue::from_json(&text).unwrap_or_else(|e| fail(&format!("{}: {e}", source.display())));
    fs::write(out.join("catalogue.rs"), rust_source(&catalogue)).expect("OUT_DIR is writable");
    fs::write(out.join("catalogue.json"), text).expect("OUT_DIR is writable");

    println!("cargo:rerun-if-changed={ROUTE_TABLE}");
    let routes = fs::read_to_string(ROUTE_TABLE)
        .map_err(|e| e.to_string())
        .and_then(|t| serde_json::from_str::<RouteTable>(&t).map_err(|e| e.to_string()))
        .unwrap_or_else(|e| fail(&format!("{ROUTE_TABLE}: {e}")));
    fs::write(out.join("routes.rs"), routes.rust_source()).expect("OUT_DIR is writable");
    fs::write(out.join("site.rs"), routes.site_source()).expect("OUT_DIR is writable");
}

/// The route table (README, "Screens and addresses").
const ROUTE_TABLE: &str = "src/ui/routes.json";

#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct RouteTable {
    #[allow(dead_code)]
    about: String,
    screens: Vec<RouteScreen>,
    module_prefix: String,
    module_group: String,
    draft_prefix: String,
    draft_opener: String,
    fallback_group: String,
    params: RouteParams,
    embed_script: String,
    own_data_keys: OwnDataKeys,
    not_found: String,
    title_suffix: String,
}

#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct RouteScreen {
    id: String,
    path: String,
    name: String,
    nav: Option<String>,
    group: String,
    first_view: String,
    /// Its name in integrer.js's `data-ecran`, if another site may embed it.
    #[serde(default)]
    embed: Option<String>,
}

#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct RouteParams {
    draft: String,
    module: String,
    share: String,
    save: String,
    frame: String,
    colour: String,
}

#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct OwnDataKeys {
    session: String,
    local: String,
}

impl RouteTable {
    /// The route table as Rust constants, for `include!` in `src/ui/routes.rs`.
    fn rust_source(&self) -> String {
        let mut out =
            String::from("// Written by build.rs from src/ui/routes.json: do not edit.\n");
        for s in &self.screens {
            let first_view = match s.first_view.as_str() {
                "fixed" => "Fixed",
                "own_data" => "OwnData",
                "dated" => "Dated",
                other => fail(&format!(
                    "{ROUTE_TABLE}: {}: first_view « {other} »",
                    s.path
                )),
            };
            if !s.path.starts_with('/') || (s.path.len() > 1 && s.path.ends_with('/')) {
                fail(&format!(
                    "{ROUTE_TABLE}: « {} »: a path starts with / and has no trailing slash",
                    s.path
                ));
            }
            let _ = writeln!(
                out,
                "pub const {}: Screen = Screen {{ path: {:?}, segment: {:?}, name: {:?}, nav: {:?}, group: {:?}, first_view: FirstView::{first_view}, embed: {:?} }};",
                s.id, s.path, &s.path[1..], s.name, s.nav, s.group, s.embed
            );
        }
        let ids: Vec<&str> = self.screens.iter().map(|s| s.id.as_str()).collect();
        let _ = writeln!(
            out,
            "pub const SCREENS: [Screen; {}] = [{}];",
            ids.len(),
            ids.join(", ")
        );
        for (name, value) in [
            ("MODULE_PREFIX", &self.module_prefix),
            ("MODULE_GROUP", &self.module_group),
            ("DRAFT_PREFIX", &self.draft_prefix),
            ("DRAFT_OPENER", &self.draft_opener),
            ("FALLBACK_GROUP", &self.fallback_group),
            ("NOT_FOUND_NAME", &self.not_found),
            ("TITLE_SUFFIX", &self.title_suffix),
        ] {
            let _ = writeln!(out, "pub const {name}: &str = {value:?};");
        }
        out
    }

    /// The address parameters and the storage keys, for `include!` in `src/domain/site.rs`
    /// (the domain writes share links and stores drafts with them).
    fn site_source(&self) -> String {
        let mut out =
            String::from("// Written by build.rs from src/ui/routes.json: do not edit.\n");
        for (name, value) in [
            ("DRAFT_PARAM", &self.params.draft),
            ("MODULE_PARAM", &self.params.module),
            ("SHARE_PARAM", &self.params.share),
            ("SAVE_PARAM", &self.params.save),
            ("FRAME_PARAM", &self.params.frame),
            ("COLOUR_PARAM", &self.params.colour),
            ("EMBED_SCRIPT", &self.embed_script),
            ("SESSION_DATA_KEY", &self.own_data_keys.session),
            ("LOCAL_DATA_KEY", &self.own_data_keys.local),
        ] {
            let _ = writeln!(out, "pub const {name}: &str = {value:?};");
        }
        out
    }
}

/// Stops the build with `message` as cargo's error.
fn fail(message: &str) -> ! {
    for line in message.lines() {
        println!("cargo::error={line}");
    }
    process::exit(1)
}

/// The Rust expression that builds `catalogue`, for `include!` in `Catalogue::embedded`
/// (where the catalogue's types are in scope). Texts are `&str` turned into `String`s by two
/// small functions; decimals and dates are constants (`const` blocks: evaluated by the
/// compiler, so nothing can fail at run time).
fn rust_source(catalogue: &Catalogue) -> String {
    let mut out = String::from(
        "// Written by build.rs from the catalogue file: do not edit.\n\
         {\n\
         use chrono::NaiveDate;\n\
         use rust_decimal::Decimal;\n\
         fn s(text: &str) -> String {\n\
         text.to_owned()\n\
         }\n\
         fn strings(texts: &[&str]) -> Vec<String> {\n\
         texts.iter().copied().map(s).collect()\n\
         }\n",
    );
    catalogue.write(&mut out);
    out.push_str("\n}\n");
    out
}

/// A value written as the Rust expression that builds it.
trait Rust {
    fn write(&self, out: &mut String);

    /// A list of such values: `vec![…]`.
    fn write_list(items: &[Self], out: &mut String)
    where
        Self: Sized,
    {
        out.push_str("vec![");
        for item in items {
            item.write(out);
            out.push_str(",\n");
        }
        out.push(']');
    }
}

impl Rust for String {
    fn write(&self, out: &mut String) {
        // `{:?}` of a `str` is a Rust string literal.
        let _ = write!(out, "s({self:?})");
    }

    fn write_list(items: &[Self], out: &mut String) {
        let _ = write!(out, "strings(&{items:?})");
    }
}

impl Rust for Decimal {
    fn write(&self, out: &mut String) {
        let m = self.mantissa().unsigned_abs();
        // The 96-bit mantissa in three 32-bit words (truncating casts on purpose).
        let (lo, mid, hi) = (m as u32, (m >> 32) as u32, (m >> 64) as u32);
        let negative = self.is_sign_negative();
        let scale = self.scale();
        let _ = write!(
            out,
            "const {{ Decimal::from_parts({lo}, {mid}, {hi}, {negative}, {scale}) }}"
        );
    }
}

impl Rust for NaiveDate {
    fn write(&self, out: &mut String) {
        let (y, m, d) = (self.year(), self.month(), self.day());
        let _ = write!(
            out,
            "const {{ NaiveDate::from_ymd_opt({y}, {m}, {d}).expect(\"a date of the calendar\") }}"
        );
    }
}

/// Numbers and booleans: their literal.
macro_rules! rust_literal {
    ($($ty:ty),*) => {$(
        impl Rust for $ty {
            fn write(&self, out: &mut String) {
                let _ = write!(out, "{self}");
            }
        }
    )*};
}

rust_literal!(bool, u8, u32, i32);

impl<T: Rust> Rust for Option<T> {
    fn write(&self, out: &mut String) {
        match self {
            Some(value) => {
                out.push_str("Some(");
                value.write(out);
                out.push(')');
            }
            None => out.push_str("None"),
        }
    }
}

impl<T: Rust> Rust for Vec<T> {
    fn write(&self, out: &mut String) {
        T::write_list(self, out);
    }
}

/// A struct: its literal, every field named. The pattern names every field too, so that a
/// field added to the type stops this file from compiling until it is listed here.
macro_rules! rust_struct {
    ($ty:ident { $($field:ident),* $(,)? }) => {
        impl Rust for $ty {
            fn write(&self, out: &mut String) {
                let $ty { $($field),* } = self;
                out.push_str(concat!(stringify!($ty), " {\n"));
                $(
                    out.push_str(concat!(stringify!($field), ": "));
                    $field.write(out);
                    out.push_str(",\n");
                )*
                out.push('}');
            }
        }
    };
}

rust_struct!(Catalogue {
    version,
    course,
    modules,
    sessions,
    past_results,
    prices,
    cpf_contributions,
    legal_interest_rates,
    late_payment,
    cancellation,
    agreement,
    referents,
    offices,
    declaration_note,
    opcos,
});
rust_struct!(Course {
    code,
    title,
    brochure_version,
    registration,
    introduction,
    audiences,
    prerequisites,
    access_note,
    aims,
    modalities,
    evaluation,
    total_days,
    total_hours,
    hours_per_day,
    coaching_max_hours,
    schedule,
    places,
    modes,
    remote_mode,
    hours_by_place,
    cpf_eligible,
    accessibility,
    enrolment_url,
    registration_email,
});
rust_struct!(Evaluation {
    competences,
    methods,
    final_oral_hours,
});
rust_struct!(Module {
    number,
    title,
    days,
    price_ht,
    programme,
});
rust_struct!(Prices {
    full_course_ht,
    modular_by_days,
    coaching_per_day_ht,
    coaching_max_days,
    certification_ht,
    vat_rate,
    trainees_max,
});
rust_struct!(Session {
    id,
    place,
    mode,
    status,
    modules,
});
rust_struct!(SessionModule { module, dates });
rust_struct!(PlaceHours { place, hours });
rust_struct!(PastResult { date, text });

impl Rust for SessionStatus {
    fn write(&self, out: &mut String) {
        out.push_str(match self {
            SessionStatus::Open => "SessionStatus::Open",
            SessionStatus::Full => "SessionStatus::Full",
        });
    }
}

rust_struct!(ModularTariff { days, price_ht });
rust_struct!(CpfContribution { from, amount });
rust_struct!(LegalInterestRate {
    year,
    half,
    other_creditor,
    individual_creditor,
});
rust_struct!(LatePaymentTerms {
    cgv_multiplier,
    business_floor_multiplier,
    business_recovery_indemnity,
});
rust_struct!(CancellationTerms {
    no_fee_above_working_days,
    half_fee_from_working_days,
    half_fee_rate,
    postpone_min_calendar_days,
    opco_min_working_days,
    adjourn_notice_days,
    withdrawal_days,
    individual_first_payment_max_rate,
    cpf_free_working_days,
});
rust_struct!(AgreementTexts {
    payment_terms,
    follow_up,
    group_size,
    teaching_means,
    trainers,
});
rust_struct!(Referent {
    city,
    name,
    phone,
    email,
    address,
});
rust_struct!(Office {
    name,
    address,
    phone,
    siret,
    legal_form,
    declaration_number,
    head_office,
});
