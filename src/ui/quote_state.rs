//! The current quote, shared by the screens: the simulator edits it, the cancellation
//! screen prefills from it, drafts save it and the devis prints it. The site's pages hand
//! it to each other through this tab's session storage.

use std::sync::Arc;

use chrono::NaiveDate;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use crate::domain::catalogue::Catalogue;
use crate::domain::draft::json::read;
use crate::domain::pricing::{
    compute_quote, Quote, QuoteField, QuoteRequest, CPF_BALANCE_ASKED_FR, CPF_PERSONAL_FR,
};
use crate::domain::quote_form::{FieldError, QuoteForm};
use crate::domain::sessions::drop_unavailable;
use crate::edge::session;

/// How a form is read into a request.
type FormReading = fn(&QuoteForm, &Catalogue, NaiveDate) -> Result<QuoteRequest, Vec<FieldError>>;

/// Where this tab keeps the current quote for the site's other pages.
pub const SESSION_KEY: &str = crate::domain::site::SESSION_DATA_KEY;

#[derive(Clone, Copy)]
pub struct QuoteState {
    /// The simulator's inputs as typed.
    pub form: RwSignal<QuoteForm>,
    /// The form read and priced: the quote, or every field at fault.
    pub result: Memo<Result<Quote, Vec<FieldError>>>,
    /// The last quote that priced without error (kept on screen while the input is invalid).
    pub last_quote: Memo<Option<Quote>>,
    /// The inputs of the last quote that priced without error: what a share link carries.
    pub last_valid_form: Memo<Option<QuoteForm>>,
    /// True once the user has touched the simulator (the other screens then offer its quote).
    pub touched: RwSignal<bool>,
    /// The draft the simulator was loaded from: "Enregistrer le brouillon" updates it.
    pub draft: RwSignal<Option<DraftLink>>,
    /// A message about how the quote arrived (a share link, its catalogue version, or why it
    /// could not be read), shown above the simulator until the user dismisses it.
    pub arrival_notice: RwSignal<Option<ArrivalNotice>>,
}

/// How a quote arrived from a share link.
#[derive(Clone, Debug, PartialEq)]
pub struct ArrivalNotice {
    pub message: String,
    /// True when the link could not be read (shown as a warning).
    pub is_error: bool,
    /// Why the session the link named was left out, if it was.
    pub session: Option<String>,
}

/// The draft a quote came from: its id and its name (as the simulator names it), and
/// whether its client is a person (the cancellation screen then starts with the rules of a
/// trainee who pays).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct DraftLink {
    pub id: String,
    pub name: String,
    #[serde(default)]
    pub person: bool,
}

/// What the pages hand each other: the quote the user touched (an untouched one is the
/// default, kept nowhere) and the draft it came from.
#[derive(Serialize, Deserialize)]
struct Kept {
    form: QuoteForm,
    #[serde(default)]
    draft: Option<DraftLink>,
}

impl QuoteState {
    /// The quote this tab was simulating on another page of the site, if any (else the
    /// default one), kept for the next page as it changes.
    pub fn from_session(catalogue: Arc<Catalogue>, today: NaiveDate) -> Self {
        let state = Self::new(catalogue, today);
        if let Some(kept) = read_kept() {
            state.form.set(kept.form);
            state.touched.set(true);
            state.draft.set(kept.draft);
        }
        Effect::new(move |_| {
            if state.touched.get() {
                write_kept(&Kept {
                    form: state.form.get(),
                    draft: state.draft.get(),
                });
            }
        });
        state
    }

    /// The default quote, kept nowhere (tests and as a base), read as the simulator reads
    /// it: an empty CPF balance leaves the quote priced, its CPF share pending.
    pub fn new(catalogue: Arc<Catalogue>, today: NaiveDate) -> Self {
        Self::reading(catalogue, today, QuoteForm::to_simulated_request)
    }

    /// The default quote, its CPF balance required (a comparison's column: its figures are
    /// compared, so none may be pending).
    pub fn balance_required(catalogue: Arc<Catalogue>, today: NaiveDate) -> Self {
        Self::reading(catalogue, today, QuoteForm::to_request)
    }

    fn reading(catalogue: Arc<Catalogue>, today: NaiveDate, read: FormReading) -> Self {
        let form = RwSignal::new(QuoteForm::default());
        let result = Memo::new(move |_| {
            form.with(|f| read(f, &catalogue, today))
                .and_then(|request| {
                    compute_quote(&catalogue, &request).map_err(|e| {
                        vec![FieldError {
                            field: e.field(),
                            message: e.message(),
                        }]
                    })
                })
        });
        let last_quote = Memo::new(move |previous: Option<&Option<Quote>>| match result.get() {
            Ok(quote) => Some(quote),
            Err(_) => previous.cloned().flatten(),
        });
        let last_valid_form = Memo::new(move |previous: Option<&Option<QuoteForm>>| {
            if result.with(|r| r.is_ok()) {
                Some(form.get())
            } else {
                previous.cloned().flatten()
            }
        });
        Self {
            form,
            result,
            last_quote,
            last_valid_form,
            touched: RwSignal::new(false),
            draft: RwSignal::new(None),
            arrival_notice: RwSignal::new(None),
        }
    }

    /// The hint under « Solde CPF »: what it is for, and that it is asked for while the
    /// quote waits for it.
    pub fn cpf_balance_hint(self) -> Signal<String> {
        Signal::derive(move || {
            let pending = self
                .result
                .with(|r| r.as_ref().is_ok_and(Quote::cpf_balance_pending));
            if pending {
                CPF_BALANCE_ASKED_FR
            } else {
                CPF_PERSONAL_FR
            }
            .to_string()
        })
    }

    /// The error message for `field`, if the current input has one (shown at once).
    pub fn field_error(self, field: QuoteField) -> Signal<Option<String>> {
        Signal::derive(move || {
            self.result.with(|r| {
                r.as_ref()
                    .err()
                    .and_then(|errors| errors.iter().find(|e| e.field == field))
                    .map(|e| e.message.clone())
            })
        })
    }

    /// The simulator leaves out a session the quote can no longer have (full, begun, gone
    /// since it was chosen), and says so; other screens keep it (a trainee of a full or
    /// begun session may cancel).
    pub fn leave_unavailable_session(self, catalogue: &Catalogue, today: NaiveDate) {
        let mut form = self.form.get_untracked();
        if let Some(why) = drop_unavailable(catalogue, &mut form, today) {
            self.form.set(form);
            self.arrival_notice.set(Some(ArrivalNotice {
                message: why,
                is_error: false,
                session: None,
            }));
        }
    }

    /// Loads `form` as the quote the user chose elsewhere (a comparison's column): the
    /// simulator shows it, with no arrival notice left over.
    pub fn load(self, form: QuoteForm) {
        self.form.set(form);
        self.touched.set(true);
        self.draft.set(None);
        self.arrival_notice.set(None);
    }
}

/// The quote this tab's pages hand each other, if the user touched one.
fn read_kept() -> Option<Kept> {
    session::read(SESSION_KEY).and_then(|t| serde_json::from_str::<Kept>(&t).ok())
}

fn write_kept(kept: &Kept) {
    if let Ok(text) = serde_json::to_string(kept) {
        let _ = session::write(SESSION_KEY, &text);
    }
}

/// The simulator's inputs the user last touched in this tab (else the default quote's):
/// for the pages that do not simulate (the drafts), which need no [`QuoteState`]. Read
/// with the drafts' own reader, which those pages carry already (not a second copy of the
/// form's deserializer).
pub fn kept_form() -> QuoteForm {
    session::read(SESSION_KEY)
        .and_then(|text| serde_json::from_str::<serde_json::Value>(&text).ok())
        .and_then(|value| read::<Kept>(&value, "").ok())
        .map(|kept| kept.form)
        .unwrap_or_default()
}

/// Hands a draft's quote to the simulator's page, which opens with it, linked to the draft:
/// "Enregistrer le brouillon" there updates it.
pub fn keep_draft_quote(form: QuoteForm, draft: DraftLink) {
    let kept = Kept {
        form,
        draft: Some(draft),
    };
    // Written through a JSON value, as the drafts' store is: the drafts' pages then carry
    // one writer of the form (the simulator's pages, [`write_kept`]'s).
    if let Ok(value) = serde_json::to_value(&kept) {
        let _ = session::write(SESSION_KEY, &value.to_string());
    }
}

pub fn use_quote_state() -> QuoteState {
    expect_context::<QuoteState>()
}
