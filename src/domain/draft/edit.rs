//! Edits of a draft's trainee list, within its cap.

use super::{Draft, Trainee, MAX_TRAINEES};

impl Draft {
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
