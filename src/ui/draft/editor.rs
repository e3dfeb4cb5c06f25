//! The open draft as the editor's parts share it: read it, change it, and the messages of
//! its fields.

use leptos::prelude::*;

use crate::domain::draft::{Draft, DraftEdit, DraftField};
use crate::domain::pricing::QuoteField;
use crate::ui::draft_view::{DraftView, Priced};
use crate::ui::drafts_state::DraftsState;
use crate::ui::form::Visits;

#[derive(Clone, Copy)]
pub struct Editor {
    pub draft: Memo<Option<Draft>>,
    pub problems: Memo<Vec<(DraftField, String)>>,
    /// The fields typed in; every message once "Vérifier la demande" is pressed.
    pub visits: Visits<DraftField>,
    pub priced: Memo<Priced>,
    /// The last message of the editor (saved, or why not).
    pub status: RwSignal<Option<String>>,
    drafts: DraftsState,
    id: StoredValue<String>,
}

impl Editor {
    pub fn new(drafts: DraftsState, id: String) -> Self {
        let view = DraftView::new(drafts, id.clone());
        Self {
            draft: view.draft,
            problems: view.problems,
            visits: Visits::new(),
            priced: view.priced,
            status: RwSignal::new(None),
            drafts,
            id: StoredValue::new(id),
        }
    }

    pub fn id(self) -> String {
        self.id.get_value()
    }

    /// A text of the draft (empty while it is missing).
    pub fn read(self, f: fn(&Draft) -> String) -> String {
        self.draft.with(|d| d.as_ref().map(f).unwrap_or_default())
    }

    /// A reactive text of the draft, for a field's value.
    pub fn text(self, f: fn(&Draft) -> String) -> Signal<String> {
        Signal::derive(move || self.read(f))
    }

    /// Applies one edit to the open draft: shown at once, written after a pause in typing.
    pub fn edit(self, edit: DraftEdit) {
        if let Err(message) = self
            .drafts
            .update_draft_as_typed(&self.id.get_value(), move |d| d.apply(edit))
        {
            self.status.set(Some(message));
        }
    }

    /// The text of a field of the draft, for its control's value.
    pub fn field_text(self, field: DraftField) -> Signal<String> {
        Signal::derive(move || {
            self.draft
                .with(|d| d.as_ref().map(|d| d.text(field)).unwrap_or_default())
        })
    }

    /// A callback for a text field: marks `field` visited and sets its text.
    pub fn on_text(self, field: DraftField) -> Callback<String> {
        Callback::new(move |v: String| {
            self.visits.visit(field);
            self.edit(DraftEdit::Text(field, v));
        })
    }

    /// The field's message whether visited or not: for a choice that conflicts with another.
    pub fn problem(self, field: DraftField) -> Option<String> {
        self.problems
            .with(|p| p.iter().find(|(f, _)| *f == field).map(|(_, m)| m.clone()))
    }

    /// The field's message, once the field was typed in (or every message is asked for).
    pub fn message(self, field: DraftField) -> Signal<Option<String>> {
        Signal::derive(move || {
            self.visits
                .visited(field)
                .then(|| self.problem(field))
                .flatten()
        })
    }

    /// The message of a simulator input of the draft, when it gives no quote.
    pub fn quote_error(self, field: QuoteField) -> Option<String> {
        self.priced.with(|p| match p {
            Some(Err(errors)) => errors
                .iter()
                .find(|e| e.field == field)
                .map(|e| e.message.clone()),
            _ => None,
        })
    }
}
