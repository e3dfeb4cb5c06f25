//! What is wrong or missing in a draft's enrolment details, field by field, in French:
//! the messages shown next to the fields of the draft screen.

use super::checks::{email_is_valid, french_phone_is_valid, siret_is_valid};
use super::json::shorten;
use super::{
    Client, ClientKind, Draft, Enrolment, Trainee, MAX_LINE_CHARS, MAX_TEXT_CHARS, MAX_TRAINEES,
};
use crate::domain::catalogue::Catalogue;
use crate::domain::quote_form::FundingChoice;

/// A field of the enrolment details, for the messages shown next to it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum DraftField {
    Name,
    ClientName,
    ClientSiret,
    ClientAddress,
    ClientEmail,
    ClientPhone,
    /// The list of trainees as a whole.
    Trainees,
    TraineeName(usize),
    TraineeEmail(usize),
    TraineeJob(usize),
    /// The funding chosen (CPF is for an individual only).
    Funding,
    OpcoName,
    Place,
    Mode,
    StartWish,
    Accessibility,
    Notes,
}

impl DraftField {
    /// Where the field sits in an enrolment request (`client.email`, `trainees[0].email`).
    pub fn path(self) -> String {
        match self {
            DraftField::Name => "draft.name".into(),
            DraftField::ClientName => "client.name".into(),
            DraftField::ClientSiret => "client.siret".into(),
            DraftField::ClientAddress => "client.address".into(),
            DraftField::ClientEmail => "client.email".into(),
            DraftField::ClientPhone => "client.phone".into(),
            DraftField::Trainees => "trainees".into(),
            DraftField::TraineeName(i) => format!("trainees[{i}].name"),
            DraftField::TraineeEmail(i) => format!("trainees[{i}].email"),
            DraftField::TraineeJob(i) => format!("trainees[{i}].job"),
            DraftField::Funding => "funding.type".into(),
            DraftField::OpcoName => "funding.opco_name".into(),
            DraftField::Place => "wishes.place".into(),
            DraftField::Mode => "wishes.mode".into(),
            DraftField::StartWish => "wishes.start_wish".into(),
            DraftField::Accessibility => "accessibility".into(),
            DraftField::Notes => "notes".into(),
        }
    }

    /// The French label of the control.
    pub fn label(self) -> String {
        match self {
            DraftField::Name => "Nom du brouillon".into(),
            DraftField::ClientName => "Nom du client".into(),
            DraftField::ClientSiret => "SIRET".into(),
            DraftField::ClientAddress => "Adresse".into(),
            DraftField::ClientEmail => "E-mail du client".into(),
            DraftField::ClientPhone => "Téléphone du client".into(),
            DraftField::Trainees => "Stagiaires".into(),
            DraftField::TraineeName(i) => format!("Stagiaire {} : nom", i + 1),
            DraftField::TraineeEmail(i) => format!("Stagiaire {} : e-mail", i + 1),
            DraftField::TraineeJob(i) => format!("Stagiaire {} : fonction", i + 1),
            DraftField::Funding => "Financement".into(),
            DraftField::OpcoName => "OPCO".into(),
            DraftField::Place => "Lieu".into(),
            DraftField::Mode => "Modalité".into(),
            DraftField::StartWish => "Date de début souhaitée".into(),
            DraftField::Accessibility => "Besoins d'accessibilité".into(),
            DraftField::Notes => "Notes".into(),
        }
    }
}

/// The problems found, in the order of the form.
type Problems = Vec<(DraftField, String)>;

impl Draft {
    /// What is wrong or missing in the enrolment details, field by field, in French, in the
    /// order of the form. An empty list means the details are complete and well formed.
    /// (The simulator inputs are checked by [`QuoteForm::to_request`].)
    ///
    /// [`QuoteForm::to_request`]: crate::domain::quote_form::QuoteForm::to_request
    pub fn problems(&self, catalogue: &Catalogue) -> Problems {
        let mut out = Problems::new();
        if self.name.trim().is_empty() {
            out.push((DraftField::Name, "Donnez un nom à ce brouillon.".into()));
        }
        self.length_problems(&mut out);
        client_problems(&self.enrolment.client, &mut out);
        self.trainee_problems(&mut out);
        self.funding_problems(catalogue, &mut out);
        session_problems(&self.enrolment, catalogue, &mut out);
        out
    }

    /// The texts over their cap (the trainees' are checked with the trainees).
    fn length_problems(&self, out: &mut Problems) {
        let e = &self.enrolment;
        let c = &e.client;
        for (field, text, max) in [
            (DraftField::Name, &self.name, MAX_LINE_CHARS),
            (DraftField::ClientName, &c.name, MAX_LINE_CHARS),
            (DraftField::ClientSiret, &c.siret, MAX_LINE_CHARS),
            (DraftField::ClientAddress, &c.address, MAX_TEXT_CHARS),
            (DraftField::ClientEmail, &c.email, MAX_LINE_CHARS),
            (DraftField::ClientPhone, &c.phone, MAX_LINE_CHARS),
            (DraftField::OpcoName, &e.funding.opco_name, MAX_LINE_CHARS),
            (DraftField::Place, &e.place, MAX_LINE_CHARS),
            (DraftField::Mode, &e.mode, MAX_LINE_CHARS),
            (DraftField::Accessibility, &e.accessibility, MAX_TEXT_CHARS),
            (DraftField::Notes, &e.notes, MAX_TEXT_CHARS),
        ] {
            if let Some(message) = too_long(text, max) {
                out.push((field, message));
            }
        }
    }

    /// How many trainees are named (against the cap and the simulation), and each one.
    fn trainee_problems(&self, out: &mut Problems) {
        let named = self.enrolment.trainees.len();
        if named > MAX_TRAINEES {
            out.push((
                DraftField::Trainees,
                format!("{MAX_TRAINEES} stagiaires au plus par brouillon ({named} indiqués)."),
            ));
        }
        if let Ok(planned) = self.form.trainees.trim().parse::<usize>() {
            if named > planned {
                out.push((
                    DraftField::Trainees,
                    format!(
                        "{named} stagiaires sont nommés alors que la simulation en prévoit \
                         {planned} : ajustez le « Nombre de stagiaires »."
                    ),
                ));
            }
        }
        for (i, t) in self
            .enrolment
            .trainees
            .iter()
            .enumerate()
            .take(MAX_TRAINEES)
        {
            one_trainee_problems(i, t, out);
        }
    }

    /// Funding: CPF for an individual only; the OPCO's name when the form says OPCO, and
    /// one of the catalogue's.
    fn funding_problems(&self, catalogue: &Catalogue, out: &mut Problems) {
        if self.form.funding == FundingChoice::Cpf
            && self.enrolment.client.kind == ClientKind::Company
        {
            out.push((
                DraftField::Funding,
                "Le CPF finance la formation d'une personne, titulaire du compte, qui s'inscrit \
                 elle-même : il ne peut pas être choisi pour un client entreprise. Choisissez \
                 un financement OPCO ou aucun, ou indiquez un client particulier."
                    .into(),
            ));
        }
        let opco = self.enrolment.funding.opco_name.trim();
        if self.form.funding == FundingChoice::Opco && opco.is_empty() {
            out.push((
                DraftField::OpcoName,
                "Choisissez l'OPCO qui finance la formation.".into(),
            ));
        } else if !opco.is_empty() && !catalogue.opcos.iter().any(|o| o == opco) {
            out.push((
                DraftField::OpcoName,
                format!(
                    "« {} » n'est pas un OPCO reconnu ; choisissez-en un dans la liste : {}.",
                    shorten(opco, 60),
                    catalogue.opcos.join(", ")
                ),
            ));
        }
    }
}

/// The client: name and SIRET as its kind wants them, e-mail, phone.
fn client_problems(c: &Client, out: &mut Problems) {
    match c.kind {
        ClientKind::Company => company_problems(c, out),
        ClientKind::Individual => individual_problems(c, out),
    }
    if c.email.trim().is_empty() {
        out.push((
            DraftField::ClientEmail,
            "Indiquez une adresse e-mail pour vous répondre.".into(),
        ));
    } else if !email_is_valid(&c.email) {
        out.push((
            DraftField::ClientEmail,
            "Cette adresse e-mail n'est pas valide (exemple : prenom.nom@exemple.fr).".into(),
        ));
    }
    if !c.phone.trim().is_empty() && !french_phone_is_valid(&c.phone) {
        out.push((
            DraftField::ClientPhone,
            "Ce numéro n'est pas un numéro français valide (exemple : 01 23 45 67 89 ou \
             +33 1 23 45 67 89)."
                .into(),
        ));
    }
}

/// A company: its name and a valid SIRET.
fn company_problems(c: &Client, out: &mut Problems) {
    if c.name.trim().is_empty() {
        out.push((
            DraftField::ClientName,
            "Indiquez la raison sociale de l'entreprise.".into(),
        ));
    }
    if c.siret.trim().is_empty() {
        out.push((
            DraftField::ClientSiret,
            "Indiquez le SIRET de l'entreprise (14 chiffres).".into(),
        ));
    } else if !siret_is_valid(&c.siret) {
        out.push((
            DraftField::ClientSiret,
            "Ce SIRET n'est pas valide : il compte 14 chiffres et sa clé de contrôle \
             (formule de Luhn) doit être juste. Vérifiez-le sur l'avis de situation \
             SIRENE ou un extrait Kbis."
                .into(),
        ));
    }
}

/// An individual: a name; a SIRET only if valid.
fn individual_problems(c: &Client, out: &mut Problems) {
    if c.name.trim().is_empty() {
        out.push((DraftField::ClientName, "Indiquez vos nom et prénom.".into()));
    }
    if !c.siret.trim().is_empty() && !siret_is_valid(&c.siret) {
        out.push((
            DraftField::ClientSiret,
            "Ce SIRET n'est pas valide (14 chiffres et une clé de contrôle juste) ; \
             laissez ce champ vide pour un particulier."
                .into(),
        ));
    }
}

/// Trainee `i` (from 0): a name, a valid e-mail if any, texts within their cap.
fn one_trainee_problems(i: usize, t: &Trainee, out: &mut Problems) {
    if t.name.trim().is_empty() {
        out.push((
            DraftField::TraineeName(i),
            format!("Indiquez le nom du stagiaire {}.", i + 1),
        ));
    }
    if !t.email.trim().is_empty() && !email_is_valid(&t.email) {
        out.push((
            DraftField::TraineeEmail(i),
            format!(
                "L'adresse e-mail du stagiaire {} n'est pas valide (exemple : \
                 prenom.nom@exemple.fr).",
                i + 1
            ),
        ));
    }
    for (field, text) in [
        (DraftField::TraineeName(i), &t.name),
        (DraftField::TraineeEmail(i), &t.email),
        (DraftField::TraineeJob(i), &t.job),
    ] {
        if let Some(message) = too_long(text, MAX_LINE_CHARS) {
            out.push((field, message));
        }
    }
}

/// Session wishes: one of the catalogue's places and modes.
fn session_problems(e: &Enrolment, catalogue: &Catalogue, out: &mut Problems) {
    let place = e.place.trim();
    if !place.is_empty() && !catalogue.course.places.iter().any(|p| p == place) {
        out.push((
            DraftField::Place,
            format!(
                "Choisissez un lieu parmi : {}.",
                catalogue.course.places.join(", ")
            ),
        ));
    }
    let mode = e.mode.trim();
    if !mode.is_empty() && !catalogue.course.modes.iter().any(|m| m == mode) {
        out.push((
            DraftField::Mode,
            format!(
                "Choisissez une modalité parmi : {}.",
                catalogue.course.modes.join(", ")
            ),
        ));
    }
}

fn too_long(text: &str, max: usize) -> Option<String> {
    let n = text.chars().count();
    (n > max).then(|| format!("Texte trop long : {n} caractères, {max} au plus."))
}

#[cfg(test)]
mod tests {
    use super::super::tests::{catalogue, sample_draft};
    use super::*;

    #[test]
    fn a_complete_draft_has_no_problem() {
        assert_eq!(sample_draft().problems(&catalogue()), vec![]);
    }

    #[test]
    fn cpf_is_refused_for_a_company_client() {
        // Issue 11, point 5: CPF funds one trainee who is an individual.
        let mut d = sample_draft();
        d.form.funding = FundingChoice::Cpf;
        d.form.trainees = "1".into();
        d.enrolment.trainees.truncate(1);
        let problems = d.problems(&catalogue());
        let funding: Vec<&String> = problems
            .iter()
            .filter(|(f, _)| *f == DraftField::Funding)
            .map(|(_, m)| m)
            .collect();
        assert_eq!(funding.len(), 1, "{problems:?}");
        assert!(funding[0].contains("client entreprise"), "{}", funding[0]);
        assert_eq!(DraftField::Funding.label(), "Financement");
        d.enrolment.client.kind = ClientKind::Individual;
        d.enrolment.client.siret.clear();
        assert!(!d
            .problems(&catalogue())
            .iter()
            .any(|(f, _)| *f == DraftField::Funding));
    }

    #[test]
    fn problems_name_each_field_in_french() {
        let mut d = sample_draft();
        d.enrolment.client.siret = "732 829 320 00075".into();
        d.enrolment.client.email = "rh@acme".into();
        d.enrolment.client.phone = "12 34".into();
        d.enrolment.funding.opco_name = "OPCO Inconnu".into();
        d.enrolment.trainees[1].email = "pas une adresse".into();
        d.enrolment.place = "Lyon".into();
        let problems = d.problems(&catalogue());
        let fields: Vec<DraftField> = problems.iter().map(|(f, _)| *f).collect();
        assert_eq!(
            fields,
            vec![
                DraftField::ClientSiret,
                DraftField::ClientEmail,
                DraftField::ClientPhone,
                DraftField::TraineeEmail(1),
                DraftField::OpcoName,
                DraftField::Place,
            ]
        );
        assert!(problems[0].1.contains("SIRET"));
        assert!(problems[4].1.contains("AKTO"), "lists the OPCOs");
        assert_eq!(DraftField::TraineeEmail(1).path(), "trainees[1].email");
        assert_eq!(DraftField::TraineeEmail(1).label(), "Stagiaire 2 : e-mail");
    }

    #[test]
    fn a_company_needs_a_siret_an_individual_does_not() {
        let mut d = sample_draft();
        d.enrolment.client.siret = " ".into();
        assert_eq!(d.problems(&catalogue())[0].0, DraftField::ClientSiret);
        d.enrolment.client.kind = ClientKind::Individual;
        assert_eq!(d.problems(&catalogue()), vec![]);
    }

    #[test]
    fn opco_funding_needs_the_opco_name() {
        let mut d = sample_draft();
        d.enrolment.funding.opco_name.clear();
        assert_eq!(d.problems(&catalogue())[0].0, DraftField::OpcoName);
        d.form.funding = FundingChoice::Aucun;
        assert_eq!(d.problems(&catalogue()), vec![]);
    }

    #[test]
    fn more_named_trainees_than_planned_is_a_problem() {
        let mut d = sample_draft();
        d.form.trainees = "1".into();
        assert_eq!(d.problems(&catalogue())[0].0, DraftField::Trainees);
    }
}
