//! A quote handed to the draft's page to keep (« Enregistrer le brouillon » in the
//! simulator): the simulator's page carries no drafts code, so it writes the hand-off to
//! this tab's session storage and opens the draft's page, which keeps it with
//! [`DraftStore::keep`] and shows the draft.

use serde::{Deserialize, Serialize};

use super::json::read;
use super::{DraftStore, StoreError};
use crate::domain::quote_form::QuoteForm;

/// The quote to keep, and the draft it came from (updated if it still exists).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct DraftHandOff {
    pub form: QuoteForm,
    pub update: Option<String>,
}

impl DraftHandOff {
    /// Reads a hand-off written by the simulator's page; `None` when the text is not one.
    /// (Through the drafts' own reader, which the draft's page carries already, rather
    /// than a second copy of the form's deserializer.)
    pub fn from_json(text: &str) -> Option<Self> {
        let value: serde_json::Value = serde_json::from_str(text).ok()?;
        read(&value, "").ok()
    }
}

/// What keeping a hand-off did.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Kept {
    pub id: String,
    /// The draft's name, as the store gave it.
    pub name: String,
    /// True when an existing draft took the quote; false for a new draft.
    pub updated: bool,
}

impl Kept {
    /// « Brouillon « X » enregistré. » or « … mis à jour avec ce devis. »
    pub fn message_fr(&self) -> String {
        let name = &self.name;
        if self.updated {
            format!("Brouillon « {name} » mis à jour avec ce devis.")
        } else {
            format!("Brouillon « {name} » enregistré.")
        }
    }
}

impl DraftStore {
    /// Keeps a handed-over quote: in the draft it names when that one exists (marked
    /// updated `now`), else in a new draft.
    pub fn keep(
        &self,
        hand_off: DraftHandOff,
        now: &str,
    ) -> Result<(DraftStore, Kept), StoreError> {
        if let Some(mut draft) = hand_off
            .update
            .as_deref()
            .and_then(|id| self.get(id))
            .cloned()
        {
            draft.form = hand_off.form;
            draft.touch(now)?;
            let kept = Kept {
                id: draft.id.clone(),
                name: draft.name.clone(),
                updated: true,
            };
            return Ok((self.upsert(draft)?, kept));
        }
        let (store, id) = self.create("", hand_off.form, now)?;
        let name = store.get(&id).map(|d| d.name.clone()).unwrap_or_default();
        Ok((
            store,
            Kept {
                id,
                name,
                updated: false,
            },
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const NOW: &str = "2026-11-30T10:00:00Z";

    fn form(trainees: &str) -> QuoteForm {
        QuoteForm {
            trainees: trainees.into(),
            ..QuoteForm::default()
        }
    }

    #[test]
    fn a_hand_off_makes_a_new_draft_then_updates_the_draft_it_came_from() {
        let store = DraftStore::new();
        let (store, kept) = store
            .keep(
                DraftHandOff {
                    form: form("2"),
                    update: None,
                },
                NOW,
            )
            .unwrap();
        assert!(!kept.updated);
        assert_eq!(store.get(&kept.id).unwrap().form.trainees, "2");
        let name = store.get(&kept.id).unwrap().name.clone();
        assert_eq!(kept.name, name);
        assert_eq!(
            kept.message_fr(),
            format!("Brouillon « {name} » enregistré.")
        );

        let again = DraftHandOff {
            form: form("3"),
            update: Some(kept.id.clone()),
        };
        let (store, updated) = store.keep(again, "2026-11-30T10:05:00Z").unwrap();
        assert_eq!(
            updated,
            Kept {
                id: kept.id.clone(),
                name,
                updated: true
            }
        );
        assert_eq!(store.get(&kept.id).unwrap().form.trainees, "3");
        assert_eq!(store.get(&kept.id).unwrap().updated, "2026-11-30T10:05:00Z");
        assert!(updated.message_fr().contains("mis à jour"));
    }

    #[test]
    fn a_hand_off_naming_a_draft_since_deleted_makes_a_new_one() {
        let gone = DraftHandOff {
            form: form("4"),
            update: Some("b-supprime".into()),
        };
        let (store, kept) = DraftStore::new().keep(gone, NOW).unwrap();
        assert!(!kept.updated);
        assert_eq!(store.get(&kept.id).unwrap().form.trainees, "4");
    }
}
