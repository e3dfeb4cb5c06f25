//! The comparison's columns: each a quote of its own (a [`QuoteState`], priced as the user
//! types), two to three of them, and which column heading takes the focus next.

use std::sync::Arc;

use chrono::NaiveDate;
use leptos::prelude::*;

use crate::domain::catalogue::Catalogue;
use crate::domain::compare::{MAX_QUOTES, MIN_QUOTES};
use crate::domain::pricing::Quote;
use crate::domain::quote_form::QuoteForm;
use crate::ui::quote_state::QuoteState;

/// What a new column needs: the page's owner (its signals live as long as the page), the
/// catalogue and the quotes' date.
struct Maker {
    owner: Owner,
    catalogue: Arc<Catalogue>,
    today: NaiveDate,
}

impl Maker {
    fn column(&self, form: QuoteForm) -> QuoteState {
        self.owner.with(|| {
            let state = QuoteState::balance_required(self.catalogue.clone(), self.today);
            state.form.set(form);
            state
        })
    }
}

#[derive(Clone, Copy)]
pub struct Columns {
    pub list: RwSignal<Vec<QuoteState>>,
    /// The column whose heading takes the focus once shown (after an add or a removal).
    pub focus: RwSignal<Option<usize>>,
    maker: StoredValue<Maker>,
}

impl Columns {
    /// Columns for `forms` (at most [`MAX_QUOTES`] are kept).
    pub fn new(forms: Vec<QuoteForm>, catalogue: Arc<Catalogue>, today: NaiveDate) -> Self {
        let maker = Maker {
            owner: Owner::current().unwrap_or_default(),
            catalogue,
            today,
        };
        let list = forms
            .into_iter()
            .take(MAX_QUOTES)
            .map(|f| maker.column(f))
            .collect();
        Self {
            list: RwSignal::new(list),
            focus: RwSignal::new(None),
            maker: StoredValue::new(maker),
        }
    }

    pub fn can_add(self) -> bool {
        self.list.with(|l| l.len() < MAX_QUOTES)
    }

    pub fn can_remove(self) -> bool {
        self.list.with(|l| l.len() > MIN_QUOTES)
    }

    /// Adds a column, a copy of the first one, and moves the focus to it.
    pub fn add(self) {
        if !self.can_add() {
            return;
        }
        let first = self
            .list
            .with_untracked(|l| l.first().map(|c| c.form.get_untracked()))
            .unwrap_or_default();
        let column = self.maker.with_value(|m| m.column(first));
        self.list.update(|l| l.push(column));
        self.focus.set(Some(
            self.list.with_untracked(|l| l.len()).saturating_sub(1),
        ));
    }

    /// Removes column `index` (never below [`MIN_QUOTES`]); the focus goes to the column
    /// that takes its place, or the one before.
    pub fn remove(self, index: usize) {
        if !self.can_remove() {
            return;
        }
        self.list.update(|l| {
            if index < l.len() {
                l.remove(index);
            }
        });
        let last = self.list.with_untracked(|l| l.len()).saturating_sub(1);
        self.focus.set(Some(index.min(last)));
    }

    /// Every column's last valid quote, or `None` while a column has none yet.
    pub fn quotes(self) -> Option<Vec<Quote>> {
        self.list
            .with(|l| l.iter().map(|c| c.last_quote.get()).collect())
    }

    /// Every column's last valid inputs (what a comparison link carries).
    pub fn valid_forms(self) -> Option<Vec<QuoteForm>> {
        self.list
            .with(|l| l.iter().map(|c| c.last_valid_form.get()).collect())
    }
}
