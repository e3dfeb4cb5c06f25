//! The simulator's inputs as the user typed them, and their reading into a [`QuoteRequest`].
//! Drafts store this form; the share link carries its selection.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::catalogue::Catalogue;
use super::money::parse_amount;
use super::order::sort_by_key;
use super::pricing::{check_request, Formula, Funding, QuoteField, QuoteRequest, Vat};

/// Which funding the user picked in the "Financement" select.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum FundingChoice {
    #[default]
    Aucun,
    Opco,
    Cpf,
}

impl FundingChoice {
    pub const ALL: [FundingChoice; 3] = [Self::Aucun, Self::Opco, Self::Cpf];

    pub fn key(self) -> &'static str {
        match self {
            Self::Aucun => "aucun",
            Self::Opco => "opco",
            Self::Cpf => "cpf",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Self::Aucun => "Aucun (paiement par le client)",
            Self::Opco => "OPCO",
            Self::Cpf => "CPF (Mon Compte Formation)",
        }
    }

    pub fn from_key(key: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|c| c.key() == key)
    }

    /// Every choice as a select lists it: (key, label), in order.
    pub fn choices() -> Vec<(String, String)> {
        Self::ALL
            .iter()
            .map(|c| (c.key().to_string(), c.label().to_string()))
            .collect()
    }
}

/// The simulator form, field by field, as typed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct QuoteForm {
    pub full_course: bool,
    /// Modules ticked for the modular formula (kept while the full course is chosen, so that
    /// switching back restores them).
    pub modules: Vec<u8>,
    pub trainees: String,
    pub coaching_days: String,
    pub certification: bool,
    pub vat_exempt: bool,
    pub funding: FundingChoice,
    pub opco_amount: String,
    pub cpf_balance: String,
    pub cpf_exempt: bool,
    /// The chosen session's id (`catalogue.sessions`), or empty for « Dates à convenir ».
    /// Absent from drafts stored before sessions existed, and not written when empty: a
    /// draft without a session is stored as before.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub session: String,
}

impl Default for QuoteForm {
    /// The full course for one trainee, certification included, 20 % VAT, no funding.
    fn default() -> Self {
        QuoteForm {
            full_course: true,
            modules: Vec::new(),
            trainees: "1".into(),
            coaching_days: "0".into(),
            certification: true,
            vat_exempt: false,
            funding: FundingChoice::Aucun,
            opco_amount: String::new(),
            cpf_balance: String::new(),
            cpf_exempt: false,
            session: String::new(),
        }
    }
}

/// A form error: the field at fault and the French message shown next to it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldError {
    pub field: QuoteField,
    pub message: String,
}

impl QuoteForm {
    /// The modular formula with one module ticked (the module page's "Simuler le coût").
    pub fn for_module(number: u8) -> Self {
        let mut form = QuoteForm::default();
        form.choose_full_course(false);
        form.modules = vec![number];
        form
    }

    /// The modules the quote buys: every module for the full course, else those ticked, in
    /// the catalogue's order.
    pub fn chosen_modules(&self, catalogue: &Catalogue) -> Vec<u8> {
        catalogue
            .modules
            .iter()
            .map(|m| m.number)
            .filter(|&n| self.full_course || self.modules.contains(&n))
            .collect()
    }

    /// Switches formula; the certification follows the default of each formula
    /// (ticked with the full course, not with modules).
    pub fn choose_full_course(&mut self, full: bool) {
        if self.full_course != full {
            self.full_course = full;
            self.certification = full;
        }
    }

    /// Whether module `number` shows ticked: every module is part of the full course.
    pub fn module_ticked(&self, number: u8) -> bool {
        self.full_course || self.modules.contains(&number)
    }

    /// Ticks or unticks a module box. Unticking one while the full course is chosen
    /// switches to the modular formula with the other modules (`all` is every module).
    pub fn set_module(&mut self, number: u8, ticked: bool, all: &[u8]) {
        if self.full_course {
            if ticked {
                return;
            }
            self.choose_full_course(false);
            self.modules = all.to_vec();
        }
        self.toggle_module(number, ticked);
    }

    pub fn toggle_module(&mut self, number: u8, ticked: bool) {
        self.modules.retain(|&m| m != number);
        if ticked {
            self.modules.push(number);
            sort_by_key(&mut self.modules, |n| *n);
        }
    }

    /// Reads the form into a request dated `date`, or lists every field at fault: what a
    /// draft, an export or an import needs, the CPF balance included.
    pub fn to_request(
        &self,
        catalogue: &Catalogue,
        date: NaiveDate,
    ) -> Result<QuoteRequest, Vec<FieldError>> {
        self.read(catalogue, date, true)
    }

    /// Reads the form as the simulator prices it: like [`Self::to_request`], except that an
    /// empty CPF balance is pending (a share link never carries it), not an error: the
    /// quote shows its lines and totals, and asks for the balance.
    pub fn to_simulated_request(
        &self,
        catalogue: &Catalogue,
        date: NaiveDate,
    ) -> Result<QuoteRequest, Vec<FieldError>> {
        self.read(catalogue, date, false)
    }

    fn read(
        &self,
        catalogue: &Catalogue,
        date: NaiveDate,
        balance_required: bool,
    ) -> Result<QuoteRequest, Vec<FieldError>> {
        let mut errors = Vec::new();
        let max_trainees = catalogue.prices.trainees_max;
        let max_coaching = u32::from(catalogue.prices.coaching_max_days);
        let trainees = read_count(&self.trainees).unwrap_or_else(|| {
            errors.push(FieldError {
                field: QuoteField::Trainees,
                message: format!("Indiquez un nombre entier de stagiaires, de 1 à {max_trainees}."),
            });
            1
        });
        let coaching_days = read_count(&self.coaching_days).unwrap_or_else(|| {
            errors.push(FieldError {
                field: QuoteField::Coaching,
                message: format!("Indiquez un nombre entier de jours, de 0 à {max_coaching}."),
            });
            0
        });
        let funding = self.read_funding(balance_required, &mut errors);
        let request = QuoteRequest {
            formula: if self.full_course {
                Formula::Full
            } else {
                Formula::Modular(self.modules.clone())
            },
            trainees,
            coaching_days,
            certification: self.certification,
            vat: if self.vat_exempt {
                Vat::Exempt
            } else {
                Vat::Standard
            },
            funding,
            date,
        };
        // The request's own faults, one per field: a field already at fault keeps the
        // message of its reading.
        for e in check_request(catalogue, &request) {
            let field = e.field();
            if !errors.iter().any(|f| f.field == field) {
                errors.push(FieldError {
                    field,
                    message: e.message(),
                });
            }
        }
        if errors.is_empty() {
            Ok(request)
        } else {
            Err(errors)
        }
    }

    /// The funding chosen with its amount; none, and an error, when the amount cannot be read
    /// (an empty CPF balance is pending unless `balance_required`).
    fn read_funding(&self, balance_required: bool, errors: &mut Vec<FieldError>) -> Funding {
        match self.funding {
            FundingChoice::Aucun => Funding::None,
            FundingChoice::Opco => match parse_amount(&self.opco_amount) {
                Some(amount) => Funding::Opco { amount },
                None => {
                    errors.push(FieldError {
                        field: QuoteField::OpcoAmount,
                        message: "Indiquez le montant accordé par l'OPCO en euros, par exemple \
                                  2 500,00."
                            .into(),
                    });
                    Funding::None
                }
            },
            FundingChoice::Cpf => match parse_amount(&self.cpf_balance) {
                Some(balance) => Funding::Cpf {
                    balance: Some(balance),
                    exempt: self.cpf_exempt,
                },
                None if !balance_required && self.cpf_balance.trim().is_empty() => Funding::Cpf {
                    balance: None,
                    exempt: self.cpf_exempt,
                },
                None => {
                    errors.push(FieldError {
                        field: QuoteField::CpfBalance,
                        message: "Indiquez le solde du compte CPF en euros, par exemple 1 800,00."
                            .into(),
                    });
                    Funding::None
                }
            },
        }
    }
}

/// A whole number as typed ("3", " 12 "); `None` for anything else or above a million.
fn read_count(text: &str) -> Option<u32> {
    let t = text.trim();
    if t.is_empty() || t.len() > 6 || !t.chars().all(|c| c.is_ascii_digit()) {
        return None;
    }
    t.parse().ok()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::money::dec;
    use crate::domain::pricing::price_quote;

    fn catalogue() -> Catalogue {
        Catalogue::fixture()
    }

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 26).unwrap()
    }

    #[test]
    fn default_form_is_the_full_course_with_certification() {
        let request = QuoteForm::default()
            .to_request(&catalogue(), today())
            .unwrap();
        let quote = price_quote(&catalogue(), &request).unwrap();
        assert_eq!(quote.total_ht, dec("4500"));
        assert_eq!(quote.total_ttc, dec("5400"));
    }

    #[test]
    fn switching_formula_follows_the_certification_default() {
        let mut form = QuoteForm::default();
        form.choose_full_course(false);
        assert!(!form.certification);
        form.certification = true;
        form.choose_full_course(false);
        assert!(
            form.certification,
            "re-choosing the same formula keeps the user's choice"
        );
        form.choose_full_course(true);
        assert!(form.certification);
    }

    #[test]
    fn module_page_preselects_its_module() {
        let form = QuoteForm::for_module(3);
        let request = form.to_request(&catalogue(), today()).unwrap();
        assert_eq!(request.formula, Formula::Modular(vec![3]));
        assert!(!request.certification);
    }

    #[test]
    fn ticking_and_unticking_modules_keeps_a_sorted_set() {
        let mut form = QuoteForm::for_module(3);
        form.toggle_module(1, true);
        form.toggle_module(1, true);
        form.toggle_module(5, true);
        form.toggle_module(3, false);
        assert_eq!(form.modules, vec![1, 5]);
    }

    #[test]
    fn unticking_a_module_of_the_full_course_keeps_the_others() {
        let mut form = QuoteForm::default();
        assert!(form.module_ticked(4));
        form.set_module(5, true, &[1, 2, 3, 4, 5]);
        assert!(
            form.full_course,
            "ticking a module already in the full course changes nothing"
        );
        form.set_module(5, false, &[1, 2, 3, 4, 5]);
        assert!(!form.full_course);
        assert_eq!(form.modules, vec![1, 2, 3, 4]);
        assert!(!form.module_ticked(5));
    }

    #[test]
    fn every_field_at_fault_is_reported_with_a_french_message() {
        let form = QuoteForm {
            full_course: false,
            trainees: "abc".into(),
            coaching_days: "9".into(),
            funding: FundingChoice::Opco,
            opco_amount: "-3".into(),
            ..QuoteForm::default()
        };
        let errors = form.to_request(&catalogue(), today()).unwrap_err();
        let fields: Vec<_> = errors.iter().map(|e| e.field).collect();
        assert!(fields.contains(&QuoteField::Trainees));
        assert!(fields.contains(&QuoteField::Coaching));
        assert!(fields.contains(&QuoteField::OpcoAmount));
        assert!(fields.contains(&QuoteField::Modules));
        assert!(errors.iter().all(|e| !e.message.is_empty()));
    }

    #[test]
    fn typed_amounts_in_french_style_are_read() {
        let form = QuoteForm {
            funding: FundingChoice::Opco,
            opco_amount: "2 500,50".into(),
            ..QuoteForm::default()
        };
        let request = form.to_request(&catalogue(), today()).unwrap();
        assert_eq!(
            request.funding,
            Funding::Opco {
                amount: dec("2500.50")
            }
        );
    }

    #[test]
    fn out_of_range_trainees_is_an_error_not_a_clamp() {
        for typed in ["0", "51", "1000000000", "", "2.5", "-1"] {
            let form = QuoteForm {
                trainees: typed.into(),
                ..QuoteForm::default()
            };
            let errors = form.to_request(&catalogue(), today()).unwrap_err();
            assert_eq!(errors[0].field, QuoteField::Trainees, "{typed:?}");
        }
    }
}
