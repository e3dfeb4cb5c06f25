//! The form layer every screen builds its inputs with: reading typed text into values
//! with French messages (`domain::form_input`), the rule deciding when a message shows ([`Visits`]),
//! and the field components tying a control to its label, hint and message ([`fields`]).

mod fields;
mod results;

pub use crate::domain::form_input::{amount_input, amount_text, date_input, InputError};
pub use fields::{ChoiceSelect, FieldIds, TextArea, TextField};
pub use results::{kept_result_notice, last_valid};

use leptos::prelude::*;

/// Which fields the user has visited (typed in, changed or left), and whether every
/// message is asked for ("Vérifier la demande"). The one rule of the app: a message about
/// a missing value waits until its field was visited; a message about a wrong value
/// shows at once.
pub struct Visits<F: Send + Sync + 'static> {
    visited: RwSignal<Vec<F>>,
    all: RwSignal<bool>,
}

impl<F: Send + Sync + 'static> Clone for Visits<F> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<F: Send + Sync + 'static> Copy for Visits<F> {}

impl<F: Copy + PartialEq + Send + Sync + 'static> Visits<F> {
    pub fn new() -> Self {
        Self {
            visited: RwSignal::new(Vec::new()),
            all: RwSignal::new(false),
        }
    }

    /// Marks `field` visited.
    pub fn visit(&self, field: F) {
        if !self.visited.with_untracked(|v| v.contains(&field)) {
            self.visited.update(|v| v.push(field));
        }
    }

    /// Shows every message from now on.
    pub fn show_all(&self) {
        self.all.set(true);
    }

    pub fn showing_all(&self) -> bool {
        self.all.get()
    }

    pub fn visited(&self, field: F) -> bool {
        self.all.get() || self.visited.with(|v| v.contains(&field))
    }

    /// Whether `error` is shown now.
    pub fn shows(&self, error: &InputError<F>) -> bool {
        !error.missing || self.visited(error.field)
    }

    /// The message for `field` among `errors`, if it is shown now.
    pub fn message(&self, errors: &[InputError<F>], field: F) -> Option<String> {
        errors
            .iter()
            .find(|e| e.field == field && self.shows(e))
            .map(|e| e.message.clone())
    }
}

impl<F: Copy + PartialEq + Send + Sync + 'static> Default for Visits<F> {
    fn default() -> Self {
        Self::new()
    }
}
