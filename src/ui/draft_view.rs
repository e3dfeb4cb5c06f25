//! A draft as the screens that show it read it: the draft from the store, what its
//! enrolment request still lacks, and its quote. The draft's page edits it
//! (`draft::Editor`); the request's page sends it (`request`).

use leptos::prelude::*;

use crate::domain::draft::{Draft, DraftField};
use crate::domain::pricing::{compute_quote, Quote};
use crate::domain::quote_form::FieldError;
use crate::ui::context::use_app;
use crate::ui::drafts_state::DraftsState;

/// The draft's quote, or why its simulator inputs give none (`None`: no such draft).
pub type Priced = Option<Result<Quote, Vec<FieldError>>>;

#[derive(Clone, Copy)]
pub struct DraftView {
    pub draft: Memo<Option<Draft>>,
    /// What the enrolment request still lacks, field by field (`Draft::problems`).
    pub problems: Memo<Vec<(DraftField, String)>>,
    pub priced: Memo<Priced>,
}

impl DraftView {
    /// The draft `id` of the store, as it changes.
    pub fn new(drafts: DraftsState, id: String) -> Self {
        let catalogue = use_app().catalogue.clone();
        let today = drafts.today;
        let draft = Memo::new(move |_| drafts.store.with(|s| s.get(&id).cloned()));
        let cat = catalogue.clone();
        let problems = Memo::new(move |_| {
            draft.with(|d| d.as_ref().map(|d| d.problems(&cat)).unwrap_or_default())
        });
        let priced = Memo::new(move |_| {
            draft.with(|d| {
                d.as_ref().map(|d| {
                    let request = d.form.to_request(&catalogue, today)?;
                    compute_quote(&catalogue, &request).map_err(|e| {
                        vec![FieldError {
                            field: e.field(),
                            message: e.message(),
                        }]
                    })
                })
            })
        });
        Self {
            draft,
            problems,
            priced,
        }
    }
}

/// Why a draft's simulation gives no quote: each field at fault and its message.
#[component]
pub fn NoQuote(errors: Vec<FieldError>, testid: &'static str) -> impl IntoView {
    let why = errors
        .iter()
        .map(|e| format!("{} : {}", e.field.label(), e.message))
        .collect::<Vec<_>>()
        .join(" ");
    view! {
        <p class="notice warn" data-testid=testid>
            "La simulation de ce brouillon ne donne pas de devis : "{why}
        </p>
    }
}
