//! The draft enrolments, shared by the screens: the store as a signal, written to the
//! browser's storage on each change the user makes (never on a mere render), the last
//! storage error, and what another tab writes merged in.

use chrono::NaiveDate;
use leptos::prelude::*;

use crate::domain::draft::{load_store, merge_external, Draft, DraftStore, StoreError};
use crate::edge::clock::now_rfc3339;
use crate::edge::storage;

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
    /// The draft the simulator was loaded from: "Enregistrer le brouillon" updates it.
    pub simulator_draft: RwSignal<Option<String>>,
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
            simulator_draft: RwSignal::new(None),
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
        state.notice.set(loaded.outcome.message);
        state.error.set(loaded.error);
        if let Some(listener) = storage::listen(move |raw| state.receive(raw.as_deref())) {
            // Dropped (the listener removed) when the owner is cleaned up.
            let _ = StoredValue::new_local(listener);
        }
        state
    }

    /// Shows `store` and writes it. Returns false when it could not be written (the
    /// error is then in [`DraftsState::error`]; the store is on screen all the same).
    pub fn commit(&self, store: DraftStore) -> bool {
        let saved = if self.writable.get_untracked() {
            match storage::save(&store) {
                Ok(()) => {
                    if self.error.with_untracked(Option::is_some) {
                        self.error.set(None);
                    }
                    true
                }
                Err(message) => {
                    self.error.set(Some(message));
                    false
                }
            }
        } else {
            false
        };
        self.store.set(store);
        saved
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
        self.apply(|store, now| {
            let mut draft = store
                .get(id)
                .cloned()
                .ok_or_else(|| StoreError::NotFound { id: id.to_string() })?;
            change(&mut draft);
            draft.touch(now)?;
            Ok((store.upsert(draft)?, ()))
        })
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
