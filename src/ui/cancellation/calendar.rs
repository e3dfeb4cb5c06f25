//! The dates that matter: the last notification date of each band and the other
//! deadlines, then the fee scale and the key dates in order.

use chrono::NaiveDate;
use leptos::prelude::*;

use crate::domain::cancellation::{CancellationOutcome, FeeBand};
use crate::domain::cancellation_text::{band_steps, key_dates, BandStep, KeyDateKind};
use crate::domain::fr::format_date_fr;
use crate::domain::money::format_percent;
use crate::ui::context::use_app;

fn date_or_none(date: Option<NaiveDate>) -> String {
    date.map(format_date_fr)
        .unwrap_or_else(|| "aucune date possible".to_string())
}

#[component]
pub fn Deadlines(outcome: CancellationOutcome) -> impl IntoView {
    let o = outcome;
    let half = format_percent(FeeBand::HalfFee.rate(&use_app().catalogue.cancellation));
    let postpone_now = if o.postpone_possible {
        "Pour cette date de notification, le report ou le remplacement du stagiaire reste possible sans frais, sous réserve de l'accord de l'OPCO."
    } else {
        "Pour cette date de notification, le report ou le remplacement sans frais n'est plus possible."
    };
    view! {
        <h3>"Dates limites"</h3>
        <p class="small">{format!("Pour un démarrage le {} ; chaque date est le dernier jour de notification possible, inclus.", format_date_fr(o.start))}</p>
        <dl class="deadlines">
            <dt>"Annulation sans frais jusqu'au"</dt>
            <dd data-testid="date-limite-sans-frais">{date_or_none(o.deadline_no_fee)}</dd>
            <dt>{format!("Annulation avec {half} de frais jusqu'au")}</dt>
            <dd data-testid="date-limite-50">{date_or_none(o.deadline_half)}</dd>
            <dt>"Report ou remplacement du stagiaire sans frais jusqu'au"</dt>
            <dd data-testid="date-limite-report">{date_or_none(o.postpone_deadline)}</dd>
            <dt>"Accord de prise en charge de l'OPCO reçu au plus tard le"</dt>
            <dd data-testid="date-limite-opco">{date_or_none(o.opco_deadline)}</dd>
            <dt>"Ajournement par Co&Sens au plus tard le"</dt>
            <dd data-testid="date-limite-ajournement">{date_or_none(o.adjourn_deadline)}</dd>
        </dl>
        <p class="small">{postpone_now}</p>
        <p class="small">"Passé la date limite de l'OPCO, Co&Sens peut refuser l'entrée en formation du stagiaire ou facturer au client la totalité des frais de formation."</p>
    }
}

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

/// The fee bands in order, the current one marked, and the key dates in date order.
#[component]
pub fn Timeline(outcome: CancellationOutcome) -> impl IntoView {
    let terms = use_app().catalogue.cancellation.clone();
    let notified = outcome.notified;
    let bands = band_steps(&outcome, &terms)
        .into_iter()
        .map(|s| step_view(s, notified))
        .collect_view();
    let dates = key_dates(&outcome, &terms)
        .into_iter()
        .map(|d| {
            let class = match d.kind {
                KeyDateKind::Deadline => "",
                KeyDateKind::Notification => "is-notification",
                KeyDateKind::Start => "is-start",
            };
            view! { <li class=class><span class="key-date">{format_date_fr(d.date)}</span>{format!(" : {}", d.what)}</li> }
        })
        .collect_view();
    view! {
        <h3>"Calendrier"</h3>
        <ol class="bands" aria-label="Barème d'annulation, du plus tôt au plus tard">{bands}</ol>
        <ol class="key-dates" aria-label="Dates clés, dans l'ordre">{dates}</ol>
    }
}
