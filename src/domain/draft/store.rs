//! The drafts kept in the browser: [`DraftStore`], the document under
//! [`STORAGE_KEY`](super::STORAGE_KEY), and its operations (create, rename, duplicate,
//! delete and undo, save, list, merge an import or another tab's changes). Each operation
//! returns a new store.

use std::fmt;

use chrono::{DateTime, Datelike, FixedOffset, NaiveDate, Timelike};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize, Serializer};
use serde_json::Value;

use super::checks::parse_timestamp;
use super::json::{shorten, PathError};
use super::{Draft, MAX_DRAFTS, MAX_LINE_CHARS, STORE_VERSION};
use crate::domain::catalogue::Catalogue;
use crate::domain::fr::format_date_fr;
use crate::domain::order::sort_by;
use crate::domain::quote_form::QuoteForm;

/// Why a store operation was refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StoreError {
    /// [`MAX_DRAFTS`] drafts already.
    Full {
        max: usize,
    },
    /// No draft has this id (deleted meanwhile, perhaps in another tab).
    NotFound {
        id: String,
    },
    EmptyName,
    /// The time handed in is not an RFC 3339 timestamp.
    BadTime {
        now: String,
    },
    /// The draft cannot be stored as it is (a text too long, a bad id…).
    Invalid(PathError),
}

impl StoreError {
    pub fn message(&self) -> String {
        match self {
            StoreError::Full { max } => format!(
                "Vous avez déjà {max} brouillons, le maximum : supprimez-en ou exportez-les \
                 avant d'en ajouter."
            ),
            StoreError::NotFound { .. } => {
                "Ce brouillon n'existe plus (il a peut-être été supprimé dans un autre onglet)."
                    .to_string()
            }
            StoreError::EmptyName => "Le nom du brouillon ne peut pas être vide.".to_string(),
            StoreError::BadTime { now } => format!(
                "L'horloge a donné une date illisible (« {} ») : rien n'a été modifié.",
                shorten(now, 40)
            ),
            StoreError::Invalid(e) => {
                format!("Ce brouillon ne peut pas être enregistré. {e}")
            }
        }
    }
}

impl fmt::Display for StoreError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message())
    }
}

impl std::error::Error for StoreError {}

pub(super) fn checked_now(now: &str) -> Result<DateTime<FixedOffset>, StoreError> {
    parse_timestamp(now).ok_or_else(|| StoreError::BadTime {
        now: now.to_string(),
    })
}

/// A deleted draft and where it was, to undo the deletion with [`DraftStore::restore`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Removed {
    pub index: usize,
    pub draft: Draft,
}

/// One row of the drafts list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DraftSummary {
    pub id: String,
    pub name: String,
    pub created: String,
    pub updated: String,
    /// `None` when the simulator inputs cannot be priced.
    pub total_ttc: Option<Decimal>,
}

/// What [`DraftStore::merge_imported`] did.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct ImportSummary {
    pub added: usize,
    /// Drafts already in the store, identical: not added twice.
    pub identical: usize,
    /// Drafts whose id was taken by another draft: added under a fresh id.
    pub renumbered: usize,
}

impl ImportSummary {
    pub fn message(&self) -> String {
        let mut text = match self.added {
            0 => "Aucun brouillon ajouté".to_string(),
            1 => "1 brouillon importé".to_string(),
            n => format!("{n} brouillons importés"),
        };
        if self.renumbered > 0 {
            text.push_str(&format!(
                " ({} sous un nouvel identifiant, le sien étant déjà pris)",
                self.renumbered
            ));
        }
        if self.identical > 0 {
            text.push_str(&format!(
                " ; {} déjà présent{} à l'identique, non dupliqué{}",
                self.identical,
                plural(self.identical),
                plural(self.identical)
            ));
        }
        text.push('.');
        text
    }
}

pub(super) fn plural(n: usize) -> &'static str {
    if n > 1 {
        "s"
    } else {
        ""
    }
}

/// The content of [`STORAGE_KEY`](super::STORAGE_KEY): `{"version": 1, "drafts": [<draft>…]}`.
///
/// `D` is [`Draft`] everywhere but in [`load_store`](super::load_store), which reads the
/// stored drafts as JSON values first, then each one on its own, so that a draft that
/// cannot be read does not hide the others.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DraftStore<D = Draft> {
    /// Always written as [`STORE_VERSION`].
    #[serde(serialize_with = "current_version")]
    pub version: u32,
    pub drafts: Vec<D>,
}

fn current_version<S: Serializer>(_: &u32, serializer: S) -> Result<S::Ok, S::Error> {
    serializer.serialize_u32(STORE_VERSION)
}

impl Default for DraftStore {
    fn default() -> Self {
        DraftStore {
            version: STORE_VERSION,
            drafts: Vec::new(),
        }
    }
}

impl DraftStore {
    pub fn new() -> Self {
        Self::default()
    }

    /// The store as a JSON value (`null` should serialising fail, which it cannot: see
    /// [`Draft::to_value`]).
    pub fn to_value(&self) -> Value {
        serde_json::to_value(self).unwrap_or(Value::Null)
    }

    /// The text to write under [`STORAGE_KEY`](super::STORAGE_KEY) (always the current
    /// version), written from [`DraftStore::to_value`]: one serializer of the drafts in the
    /// pages' wasm, not two (its keys come out sorted). Serialising cannot fail: see
    /// [`Draft::to_value`] (the text would be empty).
    pub fn to_json(&self) -> String {
        match serde_json::to_value(self) {
            Ok(value) => value.to_string(),
            Err(_) => String::new(),
        }
    }

    pub fn get(&self, id: &str) -> Option<&Draft> {
        self.drafts.iter().find(|d| d.id == id)
    }

    pub fn position(&self, id: &str) -> Option<usize> {
        self.drafts.iter().position(|d| d.id == id)
    }

    /// A fresh id, unique in the store, from the time `now` (to the millisecond, UTC):
    /// `b20261126-160200000`, then `…-2`, `…-3` should it be taken.
    pub fn next_id(&self, now: &str) -> String {
        let stamp = match parse_timestamp(now) {
            Some(t) => {
                let u = t.naive_utc();
                format!(
                    "{:04}{:02}{:02}-{:02}{:02}{:02}{:03}",
                    u.year(),
                    u.month(),
                    u.day(),
                    u.hour(),
                    u.minute(),
                    u.second(),
                    u.and_utc().timestamp_subsec_millis().min(999)
                )
            }
            None => now
                .chars()
                .filter(|c| c.is_ascii_digit())
                .take(20)
                .collect(),
        };
        let base = format!("b{stamp}");
        // A linear look-up (at most MAX_DRAFTS ids): a set would bring the standard
        // library's sort into every page that makes drafts.
        let taken = |id: &str| self.drafts.iter().any(|d| d.id == id);
        if !taken(&base) {
            return base;
        }
        // Among len + 1 candidates at most len are taken.
        let mut n = 2;
        loop {
            let candidate = format!("{base}-{n}");
            if !taken(&candidate) || n > self.drafts.len() + 2 {
                return candidate;
            }
            n += 1;
        }
    }

    fn with(&self, drafts: Vec<Draft>) -> DraftStore {
        DraftStore {
            version: STORE_VERSION,
            drafts,
        }
    }

    fn room_for(&self, more: usize) -> Result<(), StoreError> {
        if self.drafts.len().saturating_add(more) > MAX_DRAFTS {
            Err(StoreError::Full { max: MAX_DRAFTS })
        } else {
            Ok(())
        }
    }

    /// A new draft holding `form`, named `name` (or `Brouillon du <date>` when blank);
    /// returns the new store and the new draft's id.
    pub fn create(
        &self,
        name: &str,
        form: QuoteForm,
        now: &str,
    ) -> Result<(DraftStore, String), StoreError> {
        let time = checked_now(now)?;
        self.room_for(1)?;
        let name = match name.trim() {
            "" => format!("Brouillon du {}", format_date_fr(time.date_naive())),
            given => given.to_string(),
        };
        let id = self.next_id(now);
        let draft = Draft::new(id.clone(), name, form, now);
        draft.check().map_err(StoreError::Invalid)?;
        let mut drafts = self.drafts.clone();
        drafts.push(draft);
        Ok((self.with(drafts), id))
    }

    /// Renames a draft (surrounding spaces dropped) and marks it updated.
    pub fn rename(&self, id: &str, name: &str, now: &str) -> Result<DraftStore, StoreError> {
        checked_now(now)?;
        let name = name.trim();
        if name.is_empty() {
            return Err(StoreError::EmptyName);
        }
        let index = self
            .position(id)
            .ok_or_else(|| StoreError::NotFound { id: id.into() })?;
        let mut drafts = self.drafts.clone();
        if let Some(draft) = drafts.get_mut(index) {
            draft.name = name.to_string();
            draft.updated = now.to_string();
            draft.check().map_err(StoreError::Invalid)?;
        }
        Ok(self.with(drafts))
    }

    /// A copy of a draft named "… (copie)", created now, right after the original; returns
    /// the new store and the copy's id.
    pub fn duplicate(&self, id: &str, now: &str) -> Result<(DraftStore, String), StoreError> {
        checked_now(now)?;
        self.room_for(1)?;
        let index = self
            .position(id)
            .ok_or_else(|| StoreError::NotFound { id: id.into() })?;
        let mut copy = self.drafts.get(index).cloned().unwrap_or_default();
        const SUFFIX: &str = " (copie)";
        let keep = MAX_LINE_CHARS - SUFFIX.chars().count();
        copy.name = format!(
            "{}{SUFFIX}",
            copy.name.chars().take(keep).collect::<String>()
        );
        copy.id = self.next_id(now);
        copy.created = now.to_string();
        copy.updated = now.to_string();
        let new_id = copy.id.clone();
        let mut drafts = self.drafts.clone();
        drafts.insert((index + 1).min(drafts.len()), copy);
        Ok((self.with(drafts), new_id))
    }

    /// Deletes a draft; returns the new store and what to hand [`DraftStore::restore`] to
    /// undo.
    pub fn delete(&self, id: &str) -> Result<(DraftStore, Removed), StoreError> {
        let index = self
            .position(id)
            .ok_or_else(|| StoreError::NotFound { id: id.into() })?;
        let mut drafts = self.drafts.clone();
        let draft = drafts.remove(index);
        Ok((self.with(drafts), Removed { index, draft }))
    }

    /// Undoes a deletion: puts the draft back where it was (or at the end if the list got
    /// shorter). Nothing changes if a draft with its id is already back.
    pub fn restore(&self, removed: Removed) -> Result<DraftStore, StoreError> {
        if self.position(&removed.draft.id).is_some() {
            return Ok(self.clone());
        }
        self.room_for(1)?;
        let mut drafts = self.drafts.clone();
        let at = removed.index.min(drafts.len());
        drafts.insert(at, removed.draft);
        Ok(self.with(drafts))
    }

    /// Saves a draft: replaces the one with its id in place, or adds it at the end.
    /// The draft is checked first (caps, id, timestamps).
    pub fn upsert(&self, draft: Draft) -> Result<DraftStore, StoreError> {
        draft.check().map_err(StoreError::Invalid)?;
        let mut drafts = self.drafts.clone();
        match self.position(&draft.id) {
            Some(i) => {
                if let Some(slot) = drafts.get_mut(i) {
                    *slot = draft;
                }
            }
            None => {
                self.room_for(1)?;
                drafts.push(draft);
            }
        }
        Ok(self.with(drafts))
    }

    /// The list to show: most recently updated first (ties by name, then id), with each
    /// draft's total TTC on `date`.
    pub fn list(&self, catalogue: &Catalogue, date: NaiveDate) -> Vec<DraftSummary> {
        let mut rows: Vec<(Option<DateTime<FixedOffset>>, DraftSummary)> = self
            .drafts
            .iter()
            .map(|d| {
                (
                    parse_timestamp(&d.updated),
                    DraftSummary {
                        id: d.id.clone(),
                        name: d.name.clone(),
                        created: d.created.clone(),
                        updated: d.updated.clone(),
                        total_ttc: d.total_ttc(catalogue, date),
                    },
                )
            })
            .collect();
        sort_by(&mut rows, |(ta, a), (tb, b)| {
            tb.cmp(ta)
                .then_with(|| a.name.cmp(&b.name))
                .then_with(|| a.id.cmp(&b.id))
        });
        rows.into_iter().map(|(_, row)| row).collect()
    }

    /// Adds imported drafts (all or none): a draft identical to one already stored is not
    /// added twice; one whose id is taken by a different draft gets a fresh id from `now`.
    pub fn merge_imported(
        &self,
        drafts: Vec<Draft>,
        now: &str,
    ) -> Result<(DraftStore, ImportSummary), StoreError> {
        checked_now(now)?;
        let mut store = self.clone();
        let mut summary = ImportSummary::default();
        for mut draft in drafts {
            draft.check().map_err(StoreError::Invalid)?;
            match store.get(&draft.id) {
                Some(existing) if *existing == draft => {
                    summary.identical += 1;
                    continue;
                }
                Some(_) => {
                    draft.id = store.next_id(now);
                    summary.renumbered += 1;
                }
                None => {}
            }
            store.room_for(1)?;
            store.drafts.push(draft);
            summary.added += 1;
        }
        Ok((store, summary))
    }
}

/// What another tab wrote (`incoming`, read with [`load_store`](super::load_store) from
/// the storage event), merged with this tab's state.
///
/// **Rule:** the other tab's store is taken as it is (it wrote last, so it holds every
/// change made anywhere), except for the draft open in this tab's editor, which keeps this
/// tab's version: it replaces the incoming draft with the same id in place, or is added at
/// the end if the other tab deleted it. What is on this tab's screen is thus never lost
/// nor silently changed under the user; this tab's next save writes it back for all.
pub fn merge_external(current_editing: Option<&Draft>, incoming: DraftStore) -> DraftStore {
    let mut store = incoming;
    store.version = STORE_VERSION;
    if let Some(mine) = current_editing {
        match store.drafts.iter_mut().find(|d| d.id == mine.id) {
            Some(theirs) => *theirs = mine.clone(),
            None => store.drafts.push(mine.clone()),
        }
    }
    store
}

#[cfg(test)]
mod tests {
    use super::super::tests::{
        catalogue, day, sample_draft, sample_prices, sample_total_ht, store_of, with_vat, LATER,
        NOW,
    };
    use super::*;
    use crate::domain::draft::{id_is_valid, MAX_LINE_CHARS};

    #[test]
    fn ids_are_unique_and_follow_the_time() {
        let store = DraftStore::new();
        let id = store.next_id(LATER);
        assert_eq!(id, "b20261127-081530250");
        assert!(id_is_valid(&id));
        let store = store
            .upsert(Draft::new(id.clone(), "x", QuoteForm::default(), LATER))
            .unwrap();
        let second = store.next_id(LATER);
        assert_eq!(second, format!("{id}-2"));
        let store = store
            .upsert(Draft::new(second, "y", QuoteForm::default(), LATER))
            .unwrap();
        assert_eq!(store.next_id(LATER), format!("{id}-3"));
        assert!(id_is_valid(&store.next_id("pas une date")));
    }

    #[test]
    fn create_names_a_blank_draft_after_its_date() {
        let (store, id) = DraftStore::new()
            .create("  ", QuoteForm::default(), NOW)
            .unwrap();
        let draft = store.get(&id).unwrap();
        assert_eq!(draft.name, "Brouillon du jeudi 26 novembre 2026");
        assert_eq!(draft.created, NOW);
        assert_eq!(draft.updated, NOW);
        assert_eq!(
            DraftStore::new().create("x", QuoteForm::default(), "hier"),
            Err(StoreError::BadTime { now: "hier".into() })
        );
    }

    #[test]
    fn rename_trims_and_refuses_an_empty_name() {
        let store = store_of(&["A"]);
        let id = store.drafts[0].id.clone();
        let renamed = store.rename(&id, "  Devis ACME ", LATER).unwrap();
        assert_eq!(renamed.drafts[0].name, "Devis ACME");
        assert_eq!(renamed.drafts[0].updated, LATER);
        assert_eq!(store.rename(&id, "   ", LATER), Err(StoreError::EmptyName));
        assert_eq!(
            store.rename("absent", "x", LATER),
            Err(StoreError::NotFound {
                id: "absent".into()
            })
        );
    }

    #[test]
    fn duplicate_adds_a_copy_after_the_original() {
        let mut store = store_of(&["A", "B"]);
        store.drafts[0].enrolment = sample_draft().enrolment;
        let id = store.drafts[0].id.clone();
        let (copied, new_id) = store.duplicate(&id, LATER).unwrap();
        assert_eq!(copied.drafts.len(), 3);
        let copy = &copied.drafts[1];
        assert_eq!(copy.id, new_id);
        assert_ne!(copy.id, id);
        assert_eq!(copy.name, "A (copie)");
        assert_eq!(copy.created, LATER);
        assert_eq!(copy.enrolment, store.drafts[0].enrolment);
        assert_eq!(copy.form, store.drafts[0].form);
    }

    #[test]
    fn delete_then_undo_restores_the_draft_where_it_was() {
        let store = store_of(&["A", "B", "C"]);
        let id = store.drafts[1].id.clone();
        let (after, removed) = store.delete(&id).unwrap();
        assert_eq!(after.drafts.len(), 2);
        assert_eq!(removed.index, 1);
        assert_eq!(removed.draft.name, "B");
        let undone = after.restore(removed.clone()).unwrap();
        assert_eq!(undone, store);
        // Undoing twice changes nothing more.
        assert_eq!(undone.restore(removed).unwrap(), store);
        assert!(matches!(
            store.delete("absent"),
            Err(StoreError::NotFound { .. })
        ));
    }

    #[test]
    fn upsert_replaces_in_place_or_adds() {
        let store = store_of(&["A", "B"]);
        let mut edited = store.drafts[0].clone();
        edited.enrolment.notes = "Appeler lundi".into();
        edited.touch(LATER).unwrap();
        let saved = store.upsert(edited.clone()).unwrap();
        assert_eq!(saved.drafts.len(), 2);
        assert_eq!(saved.drafts[0], edited);
        let added = saved.upsert(sample_draft()).unwrap();
        assert_eq!(added.drafts.len(), 3);
    }

    #[test]
    fn upsert_refuses_text_over_its_cap_naming_the_field() {
        let mut d = sample_draft();
        d.enrolment.client.name = "x".repeat(MAX_LINE_CHARS + 1);
        match DraftStore::new().upsert(d) {
            Err(StoreError::Invalid(e)) => assert_eq!(e.path, "enrolment.client.name"),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn the_store_holds_at_most_500_drafts() {
        let mut store = DraftStore::new();
        for i in 0..MAX_DRAFTS {
            store
                .drafts
                .push(Draft::new(format!("d{i}"), "x", QuoteForm::default(), NOW));
        }
        assert_eq!(
            store.create("y", QuoteForm::default(), NOW),
            Err(StoreError::Full { max: MAX_DRAFTS })
        );
        assert!(store.duplicate("d0", NOW).is_err());
        assert!(store.upsert(sample_draft()).is_err());
        assert!(StoreError::Full { max: MAX_DRAFTS }
            .message()
            .contains("500"));
    }

    #[test]
    fn list_is_sorted_by_last_update_with_totals() {
        let mut store = store_of(&["Ancien", "Récent", "Milieu"]);
        store.drafts[1].updated = "2026-12-01T10:00:00+01:00".into();
        // Same instant as 2026-11-03T10:00:00Z written in another offset: ties by name.
        store.drafts[2].updated = "2026-11-03T11:00:00+01:00".into();
        store.drafts[0].updated = "2026-11-03T10:00:00Z".into();
        store.drafts[0].form.trainees = "abc".into();
        let list = store.list(&catalogue(), day());
        let names: Vec<&str> = list.iter().map(|r| r.name.as_str()).collect();
        assert_eq!(names, vec!["Récent", "Ancien", "Milieu"]);
        // The default form: the full course and the certification for one trainee.
        let p = sample_prices();
        let one = with_vat(p.full_course + p.certification);
        assert_eq!(list[0].total_ttc, Some(one));
        assert_eq!(
            list[1].total_ttc, None,
            "a form that does not price has no total"
        );
    }

    #[test]
    fn draft_total_ttc_uses_the_pricing() {
        // 2 × (full course + 1 coaching day + certification), with VAT.
        assert_eq!(
            sample_draft().total_ttc(&catalogue(), day()),
            Some(with_vat(sample_total_ht()))
        );
    }

    #[test]
    fn merge_keeps_this_tabs_draft_being_edited() {
        let store = store_of(&["A", "B"]);
        let mut mine = store.drafts[0].clone();
        mine.enrolment.notes = "tapé dans cet onglet".into();
        // The other tab renamed both drafts and added one.
        let mut theirs = store.rename(&store.drafts[0].id, "A'", LATER).unwrap();
        theirs = theirs.rename(&store.drafts[1].id, "B'", LATER).unwrap();
        theirs = theirs.create("C", QuoteForm::default(), LATER).unwrap().0;
        let merged = merge_external(Some(&mine), theirs.clone());
        assert_eq!(merged.drafts.len(), 3);
        assert_eq!(merged.drafts[0], mine, "this tab's version, in place");
        assert_eq!(merged.drafts[1].name, "B'");
        assert_eq!(merged.drafts[2].name, "C");
        // Nothing open here: the other tab's store as it is.
        assert_eq!(merge_external(None, theirs.clone()), theirs);
    }

    #[test]
    fn merge_keeps_the_edited_draft_even_if_deleted_elsewhere() {
        let store = store_of(&["A", "B"]);
        let mine = store.drafts[0].clone();
        let (theirs, _) = store.delete(&mine.id).unwrap();
        let merged = merge_external(Some(&mine), theirs);
        assert_eq!(merged.drafts.len(), 2);
        assert_eq!(merged.drafts[1], mine);
    }

    #[test]
    fn merging_imports_skips_identical_and_renumbers_clashes() {
        let store = store_of(&["A"]);
        let same = store.drafts[0].clone();
        let mut clash = same.clone();
        clash.name = "Autre".into();
        let fresh = sample_draft();
        let (merged, summary) = store
            .merge_imported(vec![same, clash, fresh.clone()], LATER)
            .unwrap();
        assert_eq!(
            summary,
            ImportSummary {
                added: 2,
                identical: 1,
                renumbered: 1
            }
        );
        assert_eq!(merged.drafts.len(), 3);
        assert_ne!(merged.drafts[1].id, merged.drafts[0].id);
        assert_eq!(merged.drafts[1].name, "Autre");
        assert_eq!(merged.drafts[2], fresh);
        assert!(summary.message().starts_with("2 brouillons importés"));
    }
}
