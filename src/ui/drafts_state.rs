//! The draft enrolments, shared by the screens: the store as a signal, written to the
//! browser's storage on each change the user makes (never on a mere render) — at once for
//! the list's operations, after a pause in typing for the editor — the last storage error,
//! and what another tab writes merged in.

use std::time::Duration;

use chrono::NaiveDate;
use leptos::prelude::*;

use crate::domain::draft::{load_store, merge_external, Draft, DraftStore, StoreError};
use crate::edge::clock::now_rfc3339;
use crate::edge::storage;

/// How long typing in the draft editor must pause before the store is written.
pub const WRITE_DELAY: Duration = Duration::from_millis(400);

/// Whether this tab's changes are in the browser's storage, for the editor's status line.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SaveState {
    /// Everything on screen is stored.
    Saved,
    /// Typed changes wait for a pause in typing.
    Pending,
    /// The last write failed ([`DraftsState::error`] says why).
    Failed,
    /// Nothing is stored in this browser (storage unavailable or locked).
    NotKept,
}

impl SaveState {
    /// The status line, in French.
    pub fn label_fr(self) -> &'static str {
        match self {
            Self::Saved => "Enregistré dans ce navigateur.",
            Self::Pending => "Enregistrement…",
            Self::Failed => "Non enregistré : voir le message ci-dessus.",
            Self::NotKept => "Non enregistré : ce navigateur ne conserve pas les brouillons.",
        }
    }
}

#[derive(Clone, Copy)]
pub struct DraftsState {
    /// Every draft, as on screen (also when the last write failed).
    pub store: RwSignal<DraftStore>,
    /// The last storage error (a full quota…), in French; cleared by the next good write.
    pub error: RwSignal<Option<String>>,
    /// What reading the storage found to say (data set aside, older format converted).
    pub notice: RwSignal<Option<String>>,
    /// The draft open in this tab's editor: another tab's write never changes it here.
    pub editing: RwSignal<Option<String>>,
    /// Whether what is on screen is stored.
    pub save_state: RwSignal<SaveState>,
    /// The keys under which unreadable data was set aside in this browser.
    pub set_aside: RwSignal<Vec<String>>,
    /// The draft a quote handed over by the simulator was just kept in, and what to say.
    pub kept: RwSignal<Option<(String, String)>>,
    /// The write waiting for a pause in typing, if any.
    pending_write: StoredValue<Option<TimeoutHandle>>,
    /// False when nothing may be written (storage unavailable, or unreadable data that
    /// could not be set aside and must not be overwritten).
    writable: RwSignal<bool>,
    /// The day drafts are priced on.
    pub today: NaiveDate,
}

impl DraftsState {
    /// A state holding `store`, writing nowhere (for tests and as a base).
    pub fn in_memory(store: DraftStore, today: NaiveDate) -> Self {
        Self {
            store: RwSignal::new(store),
            error: RwSignal::new(None),
            notice: RwSignal::new(None),
            editing: RwSignal::new(None),
            save_state: RwSignal::new(SaveState::NotKept),
            set_aside: RwSignal::new(Vec::new()),
            kept: RwSignal::new(None),
            pending_write: StoredValue::new(None),
            writable: RwSignal::new(false),
            today,
        }
    }

    /// Reads the drafts from the browser's storage (setting unreadable data aside) and
    /// listens for the changes other tabs make, for as long as the calling owner lives.
    pub fn from_browser(today: NaiveDate) -> Self {
        let loaded = storage::load(&now_rfc3339());
        let state = Self::in_memory(loaded.outcome.store, today);
        state.writable.set(loaded.writable);
        if loaded.writable {
            state.save_state.set(SaveState::Saved);
        }
        state.notice.set(loaded.outcome.message);
        state.error.set(loaded.error);
        state.set_aside.set(storage::set_aside_keys());
        if let Some(listener) = storage::listen(move |raw| state.receive(raw.as_deref())) {
            // Dropped (the listener removed) when the owner is cleaned up.
            let _ = StoredValue::new_local(listener);
        }
        // Leaving or hiding the page writes what typing left waiting.
        let on_hide = window_event_listener(leptos::ev::pagehide, move |_| state.write_pending());
        on_cleanup(move || on_hide.remove());
        state
    }

    /// Shows `store` and writes it at once (with anything typing left waiting). Returns
    /// false when it could not be written (the error is then in [`DraftsState::error`];
    /// the store is on screen all the same).
    pub fn commit(&self, store: DraftStore) -> bool {
        self.cancel_pending_write();
        let saved = self.write(&store);
        self.store.set(store);
        saved
    }

    /// Writes `store` when this browser keeps drafts, and says how it went.
    fn write(&self, store: &DraftStore) -> bool {
        if !self.writable.try_get_untracked().unwrap_or(false) {
            return false;
        }
        match storage::save(store) {
            Ok(()) => {
                if self.error.try_with_untracked(Option::is_some) == Some(true) {
                    self.error.set(None);
                }
                self.save_state.set(SaveState::Saved);
                true
            }
            Err(message) => {
                self.error.set(Some(message));
                self.save_state.set(SaveState::Failed);
                false
            }
        }
    }

    fn cancel_pending_write(&self) -> bool {
        match self.pending_write.try_update_value(Option::take).flatten() {
            Some(handle) => {
                handle.clear();
                true
            }
            None => false,
        }
    }

    /// Writes at once what typing left waiting (on leaving the editor or the page).
    pub fn write_pending(&self) {
        if self.cancel_pending_write() {
            if let Some(store) = self.store.try_get_untracked() {
                self.write(&store);
            }
        }
    }

    /// Writes the store after [`WRITE_DELAY`] without a further change.
    fn write_after_pause(&self) {
        if !self.writable.get_untracked() {
            return;
        }
        self.cancel_pending_write();
        self.save_state.set(SaveState::Pending);
        let state = *self;
        let timer = set_timeout_with_handle(
            move || {
                if state.pending_write.try_update_value(Option::take).is_some() {
                    if let Some(store) = state.store.try_get_untracked() {
                        state.write(&store);
                    }
                }
            },
            WRITE_DELAY,
        );
        match timer {
            Ok(handle) => self.pending_write.set_value(Some(handle)),
            Err(_) => {
                let store = self.store.get_untracked();
                self.write(&store);
            }
        }
    }

    /// Runs a store operation stamped now and commits its result; `Err` is the French
    /// message of a refused operation (nothing changed then).
    pub fn apply<T>(
        &self,
        op: impl FnOnce(&DraftStore, &str) -> Result<(DraftStore, T), StoreError>,
    ) -> Result<T, String> {
        let now = now_rfc3339();
        let (store, out) = self
            .store
            .with_untracked(|s| op(s, &now))
            .map_err(|e| e.message())?;
        self.commit(store);
        Ok(out)
    }

    /// Changes one draft (marked updated now) and commits.
    pub fn update_draft(&self, id: &str, change: impl FnOnce(&mut Draft)) -> Result<(), String> {
        let store = self.changed(id, change)?;
        self.commit(store);
        Ok(())
    }

    /// Changes one draft as the user types: shown at once, written after a pause in typing.
    pub fn update_draft_as_typed(
        &self,
        id: &str,
        change: impl FnOnce(&mut Draft),
    ) -> Result<(), String> {
        let store = self.changed(id, change)?;
        self.store.set(store);
        self.write_after_pause();
        Ok(())
    }

    /// The store with one draft changed and marked updated now.
    fn changed(&self, id: &str, change: impl FnOnce(&mut Draft)) -> Result<DraftStore, String> {
        let now = now_rfc3339();
        self.store
            .with_untracked(|store| {
                let mut draft = store
                    .get(id)
                    .cloned()
                    .ok_or_else(|| StoreError::NotFound { id: id.to_string() })?;
                change(&mut draft);
                draft.touch(&now)?;
                store.upsert(draft)
            })
            .map_err(|e| e.message())
    }

    /// What another tab wrote under the storage key (`None`: removed): taken as it is,
    /// except the draft open in this tab's editor, which keeps this tab's version.
    pub fn receive(&self, raw: Option<&str>) {
        let outcome = load_store(raw);
        if outcome.unreadable.is_some() {
            self.notice.set(Some(
                "Un autre onglet a enregistré des brouillons que cette page ne sait pas lire \
                 (version plus récente de l'application ?) : rechargez la page pour les voir."
                    .to_string(),
            ));
            return;
        }
        let mine = self
            .editing
            .get_untracked()
            .and_then(|id| self.store.with_untracked(|s| s.get(&id).cloned()));
        self.store.set(merge_external(mine.as_ref(), outcome.store));
    }
}

pub fn use_drafts() -> DraftsState {
    expect_context::<DraftsState>()
}
