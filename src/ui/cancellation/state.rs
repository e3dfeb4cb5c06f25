//! The cancellation screen's inputs as typed, and their reading into a request.

use chrono::NaiveDate;
use leptos::prelude::*;
use rust_decimal::Decimal;

use crate::domain::calendar::{format_iso_date, parse_iso_date};
use crate::domain::cancellation::{
    assess_cancellation, notified_after_start, split_between_lines, Booking, BookingKind,
    CancellationError, CancellationOutcome, CancellationRequest, FundingKind, ModuleBooking, Who,
};
use crate::domain::catalogue::Catalogue;
use crate::domain::money::parse_amount;
use crate::domain::pricing::{Funding, Quote};
use crate::edge::clock::today;
use crate::ui::form::{amount_input, amount_text, date_input, InputError, Visits};

/// Which input a message belongs to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Field {
    Start,
    Notified,
    Amount,
    ModuleStart(u8),
    ModuleAmount(u8),
    /// Not tied to one input: shown above the results.
    Other,
}

pub type Errors = Vec<InputError<Field>>;

fn field_of(error: &CancellationError) -> Field {
    match error {
        CancellationError::NegativeAmount | CancellationError::AmountTooLarge => Field::Amount,
        CancellationError::StartOutOfRange => Field::Start,
        CancellationError::NotificationOutOfRange => Field::Notified,
        CancellationError::ModuleNegativeAmount { number }
        | CancellationError::ModuleAmountTooLarge { number } => Field::ModuleAmount(*number),
        CancellationError::ModuleStartOutOfRange { number } => Field::ModuleStart(*number),
        CancellationError::InvalidVatRate
        | CancellationError::TooManyModules
        | CancellationError::ModuleInvalidDays { .. }
        | CancellationError::Overflow => Field::Other,
    }
}

/// One line of the booking (a module or the coaching), as the interruption view edits it.
#[derive(Clone)]
pub struct ModuleRow {
    pub kind: BookingKind,
    pub number: u8,
    pub label: String,
    pub days: Decimal,
    pub amount: RwSignal<String>,
    pub start: RwSignal<String>,
}

impl ModuleRow {
    /// "du module 3", "de l'accompagnement": how the row's labels name it.
    pub fn of_name(&self) -> String {
        match self.kind {
            BookingKind::Module => format!("du module {}", self.number),
            BookingKind::Coaching => "de l'accompagnement".to_string(),
        }
    }

    /// False when its amount is 0: the line is not booked.
    pub fn is_booked(&self) -> bool {
        self.amount.with(|t| parse_amount(t)) != Some(Decimal::ZERO)
    }

    /// The booking line as typed (an amount not yet valid counts as 0).
    pub fn booking(&self, start: Option<NaiveDate>) -> ModuleBooking {
        ModuleBooking {
            kind: self.kind,
            number: self.number,
            label: self.label.clone(),
            days: self.days,
            amount_ht: self.amount.with(|t| parse_amount(t)).unwrap_or_default(),
            start,
        }
    }
}

/// The screen's inputs as typed.
#[derive(Clone, Copy)]
pub struct Inputs {
    pub start: RwSignal<String>,
    pub notified: RwSignal<String>,
    pub amount: RwSignal<String>,
    pub who: RwSignal<Who>,
    pub funding: RwSignal<FundingKind>,
    pub vat_exempt: RwSignal<bool>,
    pub rows: StoredValue<Vec<ModuleRow>>,
    pub visits: Visits<Field>,
}

impl Inputs {
    /// Prefilled from the current quote (amount, modules, funding, VAT), or empty.
    pub fn new(quote: Option<&Quote>, booking: Booking) -> Self {
        let funding = match quote.map(|q| &q.request.funding) {
            Some(Funding::Opco { .. }) => FundingKind::Opco,
            Some(Funding::Cpf { .. }) => FundingKind::Cpf,
            _ => FundingKind::None,
        };
        let amount = quote
            .map(|_| amount_text(booking.basis_ht))
            .unwrap_or_default();
        let rows = booking
            .lines
            .into_iter()
            .map(|b| ModuleRow {
                kind: b.kind,
                number: b.number,
                label: b.label,
                days: b.days,
                amount: RwSignal::new(amount_text(b.amount_ht)),
                start: RwSignal::new(String::new()),
            })
            .collect();
        Self {
            start: RwSignal::new(String::new()),
            notified: RwSignal::new(format_iso_date(today())),
            amount: RwSignal::new(amount),
            who: RwSignal::new(Who::ClientCancels),
            funding: RwSignal::new(funding),
            vat_exempt: RwSignal::new(quote.is_some_and(|q| q.vat_rate.is_zero())),
            rows: StoredValue::new(rows),
            visits: Visits::new(),
        }
    }

    /// « Montant HT » as typed; the booked lines follow it, split again in proportion to
    /// their days, so that the amount and the lines agree. With no line booked (every
    /// amount 0), the amount stands alone: the training as one block.
    pub fn set_amount(self, text: String) {
        let amount = parse_amount(&text);
        self.amount.set(text);
        let Some(amount) = amount else { return };
        self.rows.with_value(|rows| {
            let lines: Vec<&ModuleRow> = rows.iter().filter(|r| r.is_booked()).collect();
            let bookings: Vec<ModuleBooking> = lines.iter().map(|r| r.booking(None)).collect();
            for (row, line) in lines.iter().zip(split_between_lines(amount, &bookings)) {
                row.amount.set(amount_text(line.amount_ht));
            }
        });
    }

    /// A line's amount as typed; « Montant HT » becomes the lines' sum once every line reads.
    pub fn set_row_amount(self, row: &ModuleRow, text: String) {
        row.amount.set(text);
        let total: Option<Decimal> = self.rows.with_value(|rows| {
            rows.iter()
                .map(|r| r.amount.with_untracked(|t| parse_amount(t)))
                .sum()
        });
        if let Some(total) = total {
            self.amount.set(amount_text(total));
        }
    }

    /// Notified on or after the start, the client ending it, not CPF: the module lines
    /// are read (and shown).
    pub fn after_start(self, previous: Option<&bool>) -> bool {
        let start = self.start.with(|t| parse_iso_date(t));
        let notified = self.notified.with(|t| parse_iso_date(t));
        match (start, notified) {
            (Some(s), Some(n)) => notified_after_start(s, n),
            _ => previous.copied().unwrap_or(false),
        }
    }

    /// The booked lines as typed (an amount of 0: not booked).
    fn modules(self, errors: &mut Errors) -> Vec<ModuleBooking> {
        let mut modules = Vec::new();
        self.rows.with_value(|rows| {
            for row in rows {
                let n = row.number;
                let what = format!("le montant HT {} (0 s'il n'est pas réservé)", row.of_name());
                let amount = row
                    .amount
                    .with(|t| amount_input(t, Field::ModuleAmount(n), &what, errors));
                let start = row.start.with(|t| match t.trim() {
                    "" => Some(None),
                    _ => date_input(t, Field::ModuleStart(n), "", errors).map(Some),
                });
                if let (Some(amount_ht), Some(start)) = (amount, start) {
                    if !amount_ht.is_zero() {
                        modules.push(ModuleBooking {
                            amount_ht,
                            ..row.booking(start)
                        });
                    }
                }
            }
        });
        modules
    }

    /// The request as typed, or every input at fault.
    pub fn request(
        self,
        catalogue: &Catalogue,
        with_modules: bool,
    ) -> Result<CancellationRequest, Errors> {
        let mut errors = Errors::new();
        let what = "la date de début de la formation";
        let start = self
            .start
            .with(|t| date_input(t, Field::Start, what, &mut errors));
        let notified = self
            .notified
            .with(|t| date_input(t, Field::Notified, "la date de notification", &mut errors));
        let amount = self
            .amount
            .with(|t| amount_input(t, Field::Amount, "le montant HT", &mut errors));
        let modules = if with_modules {
            self.modules(&mut errors)
        } else {
            Vec::new()
        };
        match (start, notified, amount) {
            (Some(start), Some(notified), Some(amount_ht)) if errors.is_empty() => {
                Ok(CancellationRequest {
                    start,
                    notified,
                    amount_ht,
                    vat_rate: if self.vat_exempt.get() {
                        Decimal::ZERO
                    } else {
                        catalogue.prices.vat_rate
                    },
                    who: self.who.get(),
                    funding: self.funding.get(),
                    modules,
                })
            }
            _ => Err(errors),
        }
    }
}

/// The outcome of the request, or the inputs at fault.
pub fn assess(
    catalogue: &Catalogue,
    request: CancellationRequest,
) -> Result<CancellationOutcome, Errors> {
    assess_cancellation(catalogue, &request)
        .map_err(|e| vec![InputError::invalid(field_of(&e), e.message())])
}
