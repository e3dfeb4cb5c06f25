//! The edits a user makes to a draft ([`DraftEdit`]), applied by one pure function
//! ([`Draft::apply`]); the draft's page sends them, the store writes the result. The
//! trainee list stays within its cap.

use chrono::NaiveDate;

use super::{ClientKind, Draft, DraftField, Trainee, MAX_TRAINEES};
use crate::domain::quote_form::FundingChoice;

/// One change to a draft.
#[derive(Clone, Debug, PartialEq)]
pub enum DraftEdit {
    /// The text of a field that holds one ([`Draft::text`]); other fields are left alone.
    Text(DraftField, String),
    ClientKind(ClientKind),
    Funding(FundingChoice),
    OpcoAmount(String),
    CpfBalance(String),
    CpfExempt(bool),
    StartWish(Option<NaiveDate>),
    /// The session chosen (its id), or « Dates à convenir » (empty): it stands in for the
    /// free wishes, which are then cleared.
    Session(String),
    AddTrainee,
    RemoveTrainee(usize),
}

impl Draft {
    pub fn apply(&mut self, edit: DraftEdit) {
        match edit {
            DraftEdit::Text(field, text) => {
                if let Some(slot) = self.text_mut(field) {
                    *slot = text;
                }
            }
            DraftEdit::ClientKind(kind) => self.enrolment.client.kind = kind,
            DraftEdit::Funding(choice) => self.form.funding = choice,
            DraftEdit::OpcoAmount(text) => self.form.opco_amount = text,
            DraftEdit::CpfBalance(text) => self.form.cpf_balance = text,
            DraftEdit::CpfExempt(exempt) => self.form.cpf_exempt = exempt,
            DraftEdit::StartWish(date) => self.enrolment.start_wish = date,
            DraftEdit::Session(id) => {
                if !id.is_empty() {
                    self.enrolment.place.clear();
                    self.enrolment.mode.clear();
                    self.enrolment.start_wish = None;
                }
                self.form.session = id;
            }
            DraftEdit::AddTrainee => self.add_trainee(),
            DraftEdit::RemoveTrainee(index) => self.remove_trainee(index),
        }
    }

    /// The text of a field that holds one (empty for the others, or a trainee not there).
    pub fn text(&self, field: DraftField) -> String {
        let e = &self.enrolment;
        let trainee = |i: usize| e.trainees.get(i);
        let text = match field {
            DraftField::Name => Some(&self.name),
            DraftField::ClientName => Some(&e.client.name),
            DraftField::ClientSiret => Some(&e.client.siret),
            DraftField::ClientAddress => Some(&e.client.address),
            DraftField::ClientEmail => Some(&e.client.email),
            DraftField::ClientPhone => Some(&e.client.phone),
            DraftField::TraineeName(i) => trainee(i).map(|t| &t.name),
            DraftField::TraineeEmail(i) => trainee(i).map(|t| &t.email),
            DraftField::TraineeJob(i) => trainee(i).map(|t| &t.job),
            DraftField::OpcoName => Some(&e.funding.opco_name),
            DraftField::Place => Some(&e.place),
            DraftField::Mode => Some(&e.mode),
            DraftField::Accessibility => Some(&e.accessibility),
            DraftField::Notes => Some(&e.notes),
            DraftField::Trainees | DraftField::Funding | DraftField::StartWish => None,
        };
        text.cloned().unwrap_or_default()
    }

    /// Where a field's text is kept, for the fields that hold one.
    fn text_mut(&mut self, field: DraftField) -> Option<&mut String> {
        let e = &mut self.enrolment;
        Some(match field {
            DraftField::Name => &mut self.name,
            DraftField::ClientName => &mut e.client.name,
            DraftField::ClientSiret => &mut e.client.siret,
            DraftField::ClientAddress => &mut e.client.address,
            DraftField::ClientEmail => &mut e.client.email,
            DraftField::ClientPhone => &mut e.client.phone,
            DraftField::TraineeName(i) => &mut e.trainees.get_mut(i)?.name,
            DraftField::TraineeEmail(i) => &mut e.trainees.get_mut(i)?.email,
            DraftField::TraineeJob(i) => &mut e.trainees.get_mut(i)?.job,
            DraftField::OpcoName => &mut e.funding.opco_name,
            DraftField::Place => &mut e.place,
            DraftField::Mode => &mut e.mode,
            DraftField::Accessibility => &mut e.accessibility,
            DraftField::Notes => &mut e.notes,
            DraftField::Trainees | DraftField::Funding | DraftField::StartWish => return None,
        })
    }

    /// Whether one more trainee may be named ([`MAX_TRAINEES`] at most).
    pub fn can_add_trainee(&self) -> bool {
        self.enrolment.trainees.len() < MAX_TRAINEES
    }

    /// Adds an empty trainee, unless the list is full.
    pub fn add_trainee(&mut self) {
        if self.can_add_trainee() {
            self.enrolment.trainees.push(Trainee::default());
        }
    }

    /// Removes the trainee at `index`, if there is one.
    pub fn remove_trainee(&mut self, index: usize) {
        if index < self.enrolment.trainees.len() {
            self.enrolment.trainees.remove(index);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::quote_form::QuoteForm;

    #[test]
    fn each_edit_changes_its_field_and_nothing_else() {
        let mut d = Draft::new("b1", "Test", QuoteForm::default(), "2026-11-30T10:00:00Z");
        let before = d.clone();
        d.apply(DraftEdit::Text(DraftField::ClientName, "ACME".into()));
        assert_eq!(d.enrolment.client.name, "ACME");
        assert_eq!(d.text(DraftField::ClientName), "ACME");
        // A trainee's field before the trainee exists, and a field with no text: no change.
        d.apply(DraftEdit::Text(DraftField::TraineeName(0), "Ana".into()));
        d.apply(DraftEdit::Text(DraftField::Funding, "x".into()));
        d.apply(DraftEdit::Text(
            DraftField::ClientName,
            before.enrolment.client.name.clone(),
        ));
        assert_eq!(d, before);
        d.apply(DraftEdit::AddTrainee);
        d.apply(DraftEdit::Text(
            DraftField::TraineeEmail(0),
            "ana@exemple.fr".into(),
        ));
        assert_eq!(d.enrolment.trainees[0].email, "ana@exemple.fr");
        assert_eq!(d.text(DraftField::TraineeEmail(0)), "ana@exemple.fr");
        d.apply(DraftEdit::Funding(FundingChoice::Opco));
        d.apply(DraftEdit::OpcoAmount("1 500".into()));
        assert_eq!(
            (d.form.funding, d.form.opco_amount.as_str()),
            (FundingChoice::Opco, "1 500")
        );
        d.apply(DraftEdit::RemoveTrainee(0));
        assert!(d.enrolment.trainees.is_empty());
    }

    #[test]
    fn the_trainee_list_stops_at_its_cap() {
        let mut d = Draft::new("b1", "Test", QuoteForm::default(), "2026-11-30T10:00:00Z");
        for _ in 0..MAX_TRAINEES + 3 {
            d.add_trainee();
        }
        assert_eq!(d.enrolment.trainees.len(), MAX_TRAINEES);
        assert!(!d.can_add_trainee());
        d.remove_trainee(MAX_TRAINEES + 5);
        assert_eq!(d.enrolment.trainees.len(), MAX_TRAINEES);
        d.remove_trainee(0);
        assert!(d.can_add_trainee());
    }
}
