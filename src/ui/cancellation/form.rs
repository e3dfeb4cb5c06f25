//! The cancellation form: dates, amount, who ends the booking, funding, VAT, and the module
//! lines once the training has started.

use leptos::prelude::*;
use rust_decimal::Decimal;

use crate::domain::calendar::{parse_iso_date, training_day_from};
use crate::domain::cancellation::{moved_date_sentence_fr, BookingSource, Who};
use crate::domain::cancellation_form::CancellationEdit;
use crate::domain::cgv::FEE_BASIS_FR;
use crate::domain::money::{format_eur, format_percent};
use crate::domain::pricing::Vat;
use crate::domain::quote_form::FundingChoice;
use crate::ui::context::use_app;
use crate::ui::form::{ChoiceSelect, TextField};

use super::client::ClientFields;
use super::modules::ModuleLines;
use super::state::{Field, Inputs};

/// What prefilled « Montant HT »: a quote's fee basis, the certification fee left out of it,
/// and whether that quote is the simulator's default one (none was composed in this tab).
#[derive(Clone, Copy)]
pub struct Prefilled {
    pub basis: Decimal,
    pub certification: Decimal,
    pub default_quote: bool,
}

/// The hint under "Montant HT": where the prefilled amount comes from, and the fee basis.
fn amount_hint(prefilled: Option<Prefilled>) -> String {
    let Some(p) = prefilled else {
        return format!("Prix HT de la formation, en euros (par exemple 4 000,00). {FEE_BASIS_FR}");
    };
    let quote = if p.default_quote {
        "du devis par défaut du simulateur, aucun devis n'ayant été composé dans cet onglet"
    } else {
        "du devis en cours dans le simulateur"
    };
    let certification = if p.certification.is_zero() {
        String::new()
    } else {
        format!(
            ", sans les frais de certification ({})",
            format_eur(p.certification)
        )
    };
    format!(
        "Prérempli : prix HT de la formation commandée ({}) {quote}{certification} ; modifiable. \
         {FEE_BASIS_FR}",
        format_eur(p.basis)
    )
}

/// The hint under the start date: the first training day, and where the calculation
/// starts when the date typed is not one.
fn start_hint(inputs: Inputs) -> Signal<String> {
    Signal::derive(move || {
        let typed = inputs.form.with(|f| parse_iso_date(&f.start));
        match typed.and_then(|d| Some((d, training_day_from(d)?))) {
            Some((typed, used)) if typed != used => moved_date_sentence_fr(typed, used),
            _ => "Le premier jour de formation (du lundi au vendredi, hors jours fériés)."
                .to_string(),
        }
    })
}

fn options(list: &[(&str, &str)]) -> Vec<(String, String)> {
    list.iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect()
}

#[component]
pub fn CancellationForm(
    inputs: Inputs,
    /// What a quote prefilled, if one did.
    prefilled: Option<Prefilled>,
    source: BookingSource,
    with_modules: Signal<bool>,
    message_for: impl Fn(Field) -> Option<String> + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let visit = move |field: Field| Callback::new(move |()| inputs.visits.visit(field));
    let vat = format!(
        "{} (taux normal)",
        format_percent(use_app().catalogue.prices.vat_rate)
    );
    view! {
        <form class="cancellation-form" on:submit=|ev| ev.prevent_default() aria-label="Paramètres de l'annulation">
            <TextField id="date-debut" label="Date de début de la formation" kind="date"
                hint=start_hint(inputs)
                value=inputs.text(|f| &f.start) on_input=Callback::new(move |v| inputs.edit(CancellationEdit::Start(v)))
                message=Signal::derive(move || message_for(Field::Start)) on_visit=visit(Field::Start) />
            <TextField id="date-notification" label="Date de notification" kind="date"
                hint="Le jour où Co&Sens est informé de l'annulation, de l'absence ou de l'abandon (aujourd'hui par défaut).".to_string()
                value=inputs.text(|f| &f.notified) on_input=Callback::new(move |v| inputs.edit(CancellationEdit::Notified(v)))
                message=Signal::derive(move || message_for(Field::Notified)) on_visit=visit(Field::Notified) />
            <TextField id="montant-ht" label="Montant HT" inputmode="decimal" maxlength=20
                hint=amount_hint(prefilled)
                value=inputs.text(|f| &f.amount) on_input=Callback::new(move |v| inputs.edit(CancellationEdit::Amount(v)))
                message=Signal::derive(move || message_for(Field::Amount)) on_visit=visit(Field::Amount) />
            <ChoiceSelect id="qui-annule" label="Qui annule ?"
                options=options(&[("client", "Le client (annulation, absence ou abandon)"), ("ajournement", "Co&Sens ajourne faute de participants")])
                value=Signal::derive(move || if inputs.form.with(|f| f.who) == Who::CoSensAdjourns { "ajournement" } else { "client" }.to_string())
                on_change=Callback::new(move |v: String| inputs.edit(CancellationEdit::Who(if v == "ajournement" { Who::CoSensAdjourns } else { Who::ClientCancels }))) />
            <ClientFields inputs=inputs message_for=message_for />
            <ChoiceSelect id="financement-annulation" label="Financement"
                options=FundingChoice::choices()
                value=Signal::derive(move || inputs.form.with(|f| f.funding).key().to_string())
                on_change=Callback::new(move |v: String| inputs.edit(CancellationEdit::Funding(FundingChoice::from_key(&v).unwrap_or_default()))) />
            <ChoiceSelect id="tva-annulation" label="TVA"
                options=vec![(Vat::Standard.key().into(), vat), (Vat::Exempt.key().into(), "Exonérée".into())]
                value=Signal::derive(move || Vat::of_exempt(inputs.form.with(|f| f.vat_exempt)).key().to_string())
                on_change=Callback::new(move |v: String| inputs.edit(CancellationEdit::VatExempt(v == Vat::Exempt.key()))) />
            <Show when=move || with_modules.get()>
                <ModuleLines inputs=inputs source=source message_for=message_for />
            </Show>
        </form>
    }
}
