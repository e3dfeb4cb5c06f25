//! The dates that matter, in one place: the fee scale with the band the notification falls
//! in, then every deadline, the notification and the start in date order (each deadline's
//! date carries its `data-testid`).

use chrono::NaiveDate;
use leptos::prelude::*;

use crate::domain::cancellation::{CancellationOutcome, Case, FeeBand};
use crate::domain::cancellation_text::{
    band_steps, key_dates, postpone_now_fr, BandStep, Deadline, KeyDate, KeyDateKind,
};
use crate::domain::cgv::LATE_OPCO_FR;
use crate::domain::fr::format_date_fr;
use crate::ui::context::use_app;

fn band_class(band: Option<FeeBand>) -> &'static str {
    match band {
        Some(FeeBand::NoFee) => "band band-free",
        Some(FeeBand::HalfFee) => "band band-half",
        Some(FeeBand::FullFee) => "band band-full",
        None => "band band-start",
    }
}

/// One step of the fee scale, marked when the notification falls in it.
fn step_view(step: BandStep, notified: NaiveDate) -> impl IntoView {
    let class = if step.current {
        format!("{} current", band_class(step.band))
    } else {
        band_class(step.band).to_string()
    };
    view! {
        <li class=class aria-current=step.current.then_some("step")>
            <span class="band-title">{step.title}</span>
            <span>{step.detail}</span>
            {step.current.then(|| view! { <span class="band-here">{format!("Votre notification : {}", format_date_fr(notified))}</span> })}
        </li>
    }
}

fn testid(deadline: Deadline) -> &'static str {
    match deadline {
        Deadline::NoFee => "date-limite-sans-frais",
        Deadline::HalfFee => "date-limite-50",
        Deadline::Postpone => "date-limite-report",
        Deadline::Adjourn => "date-limite-ajournement",
        Deadline::Opco => "date-limite-opco",
    }
}

/// One key date: the date (or "aucune date possible"), then what it is.
fn date_view(d: KeyDate) -> impl IntoView {
    let (class, id) = match d.kind {
        KeyDateKind::Deadline(which) => ("", Some(testid(which))),
        KeyDateKind::Notification => ("is-notification", None),
        KeyDateKind::Start => ("is-start", None),
    };
    let when = d
        .date
        .map(format_date_fr)
        .unwrap_or_else(|| "aucune date possible".to_string());
    view! {
        <li class=class><span class="key-date" data-testid=id>{when}</span>{format!(" : {}", d.what)}</li>
    }
}

/// The fee scale (not for an adjournment) and the key dates, then what they mean now.
#[component]
pub fn Deadlines(outcome: CancellationOutcome) -> impl IntoView {
    let terms = use_app().catalogue.cancellation.clone();
    let o = outcome;
    let notified = o.notified;
    let bands = (o.case != Case::Adjourned).then(|| {
        let steps = band_steps(&o, &terms)
            .into_iter()
            .map(|s| step_view(s, notified))
            .collect_view();
        view! { <ol class="bands" aria-label="Barème d'annulation, du plus tôt au plus tard">{steps}</ol> }
    });
    let dates = key_dates(&o, &terms)
        .into_iter()
        .map(date_view)
        .collect_view();
    view! {
        <h3>"Dates limites"</h3>
        <p class="small">{format!("Pour un démarrage le {} ; chaque date limite est le dernier jour de notification possible, inclus.", format_date_fr(o.start))}</p>
        {bands}
        <ol class="key-dates" aria-label="Dates limites et dates clés, dans l'ordre">{dates}</ol>
        <p class="small">{postpone_now_fr(&o)}</p>
        <p class="small">{LATE_OPCO_FR}</p>
    }
}
