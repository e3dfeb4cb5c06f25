//! The cancellation screen's state: the form (`domain::cancellation_form`, pure and tested
//! natively) in a signal, and which fields the user has visited.

use leptos::prelude::*;

use crate::domain::cancellation::Booking;
pub use crate::domain::cancellation_form::{assess, Errors, Field};
use crate::domain::cancellation_form::{CancellationEdit, CancellationForm, FormLine};
use crate::domain::pricing::Quote;
use crate::edge::clock::today;
use crate::ui::form::Visits;

#[derive(Clone, Copy)]
pub struct Inputs {
    pub form: RwSignal<CancellationForm>,
    pub visits: Visits<Field>,
}

impl Inputs {
    /// Prefilled from the current quote (amount, modules, funding, VAT), or empty; a quote
    /// from a draft whose client is a `person` starts with the rules of a trainee who pays
    /// (`CancellationForm::new`).
    pub fn new(quote: Option<&Quote>, booking: Booking, person: bool) -> Self {
        Self {
            form: RwSignal::new(CancellationForm::new(quote, booking, today(), person)),
            visits: Visits::new(),
        }
    }

    /// Applies one edit of the user's.
    pub fn edit(self, edit: CancellationEdit) {
        self.form.update(|f| f.apply(edit));
    }

    /// A view of one input's text.
    pub fn text(self, read: fn(&CancellationForm) -> &String) -> Signal<String> {
        Signal::derive(move || self.form.with(|f| read(f).clone()))
    }

    /// A view of one text of the line at `index`.
    pub fn line_text(self, index: usize, read: fn(&FormLine) -> &String) -> Signal<String> {
        Signal::derive(move || {
            self.form.with(|f| {
                f.lines
                    .get(index)
                    .map(|l| read(l).clone())
                    .unwrap_or_default()
            })
        })
    }
}
