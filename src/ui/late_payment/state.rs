//! The late-payment screen's state: the form (`domain::late_payment_form`, pure and tested
//! natively) in a signal, and which fields the user has visited.

use leptos::prelude::*;

use crate::domain::catalogue::Catalogue;
use crate::domain::late_payment::LatePaymentOutcome;
pub use crate::domain::late_payment_form::{Errors, Field, HalfYear};
use crate::domain::late_payment_form::{LatePaymentEdit, LatePaymentForm};
use crate::edge::clock::today;
use crate::ui::form::Visits;

#[derive(Clone, Copy)]
pub struct Inputs {
    pub form: RwSignal<LatePaymentForm>,
    pub visits: Visits<Field>,
}

impl Inputs {
    pub fn new() -> Self {
        Self {
            form: RwSignal::new(LatePaymentForm::new(today())),
            visits: Visits::new(),
        }
    }

    /// Applies one edit of the user's.
    pub fn edit(self, edit: LatePaymentEdit) {
        self.form.update(|f| f.apply(edit));
    }

    /// A view of one input's text.
    pub fn text(self, read: fn(&LatePaymentForm) -> &String) -> Signal<String> {
        Signal::derive(move || self.form.with(|f| read(f).clone()))
    }

    /// The half-years of the delay whose rate the data file lacks: one field each.
    pub fn missing(self, catalogue: &Catalogue) -> Vec<HalfYear> {
        self.form.with(|f| f.missing(catalogue))
    }

    /// The penalty of the inputs, or every input at fault.
    pub fn compute(self, catalogue: &Catalogue) -> Result<LatePaymentOutcome, Errors> {
        self.form.with(|f| f.compute(catalogue))
    }
}
