//! What a printed quote must carry to bind: for a company, a devis that stands in for the
//! training agreement (Code du travail D6353-1) carries its mentions under their own
//! headings; for a trainee who pays for themselves, the document is a « Contrat de
//! formation professionnelle » with every mention of L6353-4. The texts come from the data
//! file (`catalogue.agreement`, the course, the modules); a mention it lacks is a blank to
//! fill in, never an invented value.

use crate::domain::catalogue::{Catalogue, Session};
use crate::domain::cgv::terms_in_short;
use crate::domain::fr::days_fr;
use crate::domain::individual::{ARTICLE_FORCE_MAJEURE, ARTICLE_PAYMENT, ARTICLE_WITHDRAWAL};
use crate::domain::money::{format_eur, format_number, format_percent};
use crate::domain::pricing::Quote;
use crate::domain::sessions::{chosen_dates, hours_fr, label_fr, location_fr, module_dates_fr};

/// Which document the print view is.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum PrintedDocument {
    /// A devis for a company (with or without an OPCO), or for a CPF holder.
    #[default]
    Devis,
    /// The training contract of a person who enrols on their own account and pays.
    Contract,
}

impl PrintedDocument {
    pub const ALL: [PrintedDocument; 2] = [PrintedDocument::Devis, PrintedDocument::Contract];

    /// The document for an enrolment: the contract for a person who pays, not through the
    /// CPF (whose platform's terms stand in for both, D6353-1 III).
    pub fn for_enrolment(person: bool, cpf: bool) -> Self {
        if person && !cpf {
            PrintedDocument::Contract
        } else {
            PrintedDocument::Devis
        }
    }

    /// The select's value.
    pub fn key(self) -> &'static str {
        match self {
            PrintedDocument::Devis => "devis",
            PrintedDocument::Contract => "contrat",
        }
    }

    pub fn from_key(key: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|d| d.key() == key)
    }

    /// The select's label.
    pub fn choice_fr(self) -> &'static str {
        match self {
            PrintedDocument::Devis => "Devis (entreprise ou CPF)",
            PrintedDocument::Contract => {
                "Contrat de formation professionnelle (particulier qui paie lui-même)"
            }
        }
    }

    /// The document's title.
    pub fn title_fr(self) -> &'static str {
        match self {
            PrintedDocument::Devis => "Devis",
            PrintedDocument::Contract => "Contrat de formation professionnelle",
        }
    }

    /// The article its mentions follow.
    pub fn article_fr(self) -> &'static str {
        match self {
            PrintedDocument::Devis => "Code du travail, art. D6353-1",
            PrintedDocument::Contract => "Code du travail, art. L6353-3 et L6353-4",
        }
    }
}

/// The block a document is signed in: its heading, what it asks, and the two boxes beside
/// the date and the place.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SignatureBlock {
    pub heading: &'static str,
    pub note: &'static str,
    pub boxes: [&'static str; 2],
}

impl PrintedDocument {
    /// A devis: the client's signature and stamp under « Bon pour accord » (the CGV); a
    /// contract: the trainee's and Co&Sens's, before any payment (L6353-3).
    pub fn signature_block(self) -> SignatureBlock {
        match self {
            PrintedDocument::Devis => SignatureBlock {
                heading: "Bon pour accord",
                note: "Devis à retourner daté et signé, précédé de la mention « Bon pour \
                       accord », avec le cachet de l'entreprise.",
                boxes: ["Signature :", "Cachet de l'entreprise :"],
            },
            PrintedDocument::Contract => SignatureBlock {
                heading: "Signatures",
                note: "Contrat établi en deux exemplaires, signé avant l'inscription définitive \
                       et tout règlement ; le délai de rétractation court à compter de sa \
                       signature.",
                boxes: ["Le stagiaire (« Lu et approuvé ») :", "Pour Co&Sens :"],
            },
        }
    }
}

/// One mention of the document: its heading and its paragraphs; none: a blank to fill in.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Mention {
    pub heading: &'static str,
    pub paragraphs: Vec<String>,
}

impl Mention {
    fn new(heading: &'static str, paragraphs: Vec<String>) -> Self {
        Self {
            heading,
            paragraphs,
        }
    }

    /// A mention the data file may lack: its text, or a blank.
    fn optional(heading: &'static str, text: Option<&String>) -> Self {
        Self::new(heading, text.cloned().into_iter().collect())
    }

    /// Whether it prints as a blank to fill in.
    pub fn is_blank(&self) -> bool {
        self.paragraphs.is_empty()
    }
}

/// The mentions of `document` for `quote`, in the order of the article.
pub fn mentions(
    document: PrintedDocument,
    catalogue: &Catalogue,
    quote: &Quote,
    session: Option<&Session>,
) -> Vec<Mention> {
    match document {
        PrintedDocument::Devis => devis_mentions(catalogue, quote, session),
        PrintedDocument::Contract => contract_mentions(catalogue, quote, session),
    }
}

/// The course and the modules the quote holds, one line each.
fn programme(catalogue: &Catalogue, quote: &Quote) -> Vec<String> {
    let course = &catalogue.course;
    let mut lines = vec![format!(
        "Formation certifiante {} — {}. {}",
        course.code, course.title, course.registration
    )];
    lines.extend(
        catalogue
            .modules
            .iter()
            .filter(|m| quote.modules.contains(&m.number))
            .map(|m| {
                format!(
                    "Module {} — {} ({}) : {}.",
                    m.number,
                    m.title,
                    days_fr(m.days),
                    m.programme.join(" ; ")
                )
            }),
    );
    lines
}

/// The training's length for this quote.
fn duration(quote: &Quote) -> String {
    let coaching = if quote.coaching_hours.is_zero() {
        String::new()
    } else {
        format!(
            ", et {} h d'accompagnement par stagiaire",
            format_number(quote.coaching_hours)
        )
    };
    format!(
        "{} de formation ({} h){coaching}.",
        days_fr(quote.training_days),
        format_number(quote.training_hours)
    )
}

/// The period without a session: the dates are to be agreed.
const PERIOD_FR: &str =
    "Dates : à convenir avec Co&Sens (parcours ouverts en nombre limité chaque \
     année), précisées dans la convocation.";

/// The period: the session's dates of the modules bought, or « à convenir ».
fn period(catalogue: &Catalogue, quote: &Quote, session: Option<&Session>) -> Vec<String> {
    let Some(session) = session else {
        return vec![PERIOD_FR.into()];
    };
    let mut lines = vec![format!("Session {} : {}.", session.id, label_fr(session))];
    lines.extend(
        chosen_dates(catalogue, session, &quote.modules)
            .iter()
            .map(|m| format!("{}.", module_dates_fr(m))),
    );
    lines
}

/// How it runs: the session's place, mode and hours, or the brochure's modes, places and
/// hours.
fn how_it_runs(catalogue: &Catalogue, session: Option<&Session>) -> String {
    let course = &catalogue.course;
    match session {
        Some(s) => format!(
            "{} ; {}. Horaires : {}.",
            s.mode,
            location_fr(catalogue, s),
            hours_fr(catalogue, s)
        ),
        None => format!(
            "{} ; {}. {}",
            course.modes.join(" ou "),
            course.places.join(" ou "),
            course.schedule
        ),
    }
}

/// How the training is assessed: the brochure's methods.
fn evaluation(catalogue: &Catalogue) -> String {
    format!(
        "Évaluation : {}.",
        catalogue.course.evaluation.methods.join(" ; ")
    )
}

/// The price of the quote, its totals being printed above.
fn price(quote: &Quote) -> String {
    format!(
        "Prix : {} HT, {} TTC, détaillé ci-dessus.",
        format_eur(quote.total_ht),
        format_eur(quote.total_ttc)
    )
}

/// D6353-1: what a devis standing in for the agreement carries.
fn devis_mentions(catalogue: &Catalogue, quote: &Quote, session: Option<&Session>) -> Vec<Mention> {
    let course = &catalogue.course;
    let texts = &catalogue.agreement;
    let mut aim = vec![course.aims.join(" ; ") + "."];
    aim.extend(programme(catalogue, quote));
    let mut means = course.modalities.clone();
    means.extend(texts.teaching_means.clone());
    let mut running = vec![how_it_runs(catalogue, session)];
    running.extend(texts.follow_up.iter().cloned());
    running.push(evaluation(catalogue));
    vec![
        Mention::new("Intitulé, objectif et contenu de l'action", aim),
        Mention::new("Moyens prévus", means),
        Mention::new("Durée et période", {
            let mut lines = vec![duration(quote)];
            lines.extend(period(catalogue, quote, session));
            lines
        }),
        Mention::new(
            "Modalités de déroulement, de suivi et d'évaluation",
            running,
        ),
        Mention::new(
            "Prix et modalités de règlement",
            vec![price(quote), texts.payment_terms.clone()],
        ),
    ]
}

/// L6353-4: what the contract of a trainee who pays carries, on pain of nullity.
fn contract_mentions(
    catalogue: &Catalogue,
    quote: &Quote,
    session: Option<&Session>,
) -> Vec<Mention> {
    let course = &catalogue.course;
    let texts = &catalogue.agreement;
    let terms = &catalogue.cancellation;
    let mut nature = vec![
        format!("Objet : {}.", course.aims.join(" ; ")),
        format!("Durée : {}", duration(quote)),
    ];
    nature.extend(period(catalogue, quote, session));
    nature.extend(programme(catalogue, quote));
    let mut how = course.modalities.clone();
    how.push(how_it_runs(catalogue, session));
    how.extend(texts.teaching_means.clone());
    how.push(evaluation(catalogue));
    how.push(format!("Sanction : {}", course.registration));
    let payment = vec![
        price(quote),
        texts.payment_terms.clone(),
        format!(
            "{ARTICLE_PAYMENT} : aucune somme ne peut être exigée avant l'expiration du délai de \
             rétractation ; il ne peut alors être payé plus de {} du prix convenu, le solde \
             étant échelonné au fur et à mesure du déroulement de la formation.",
            format_percent(terms.individual_first_payment_max_rate)
        ),
    ];
    let mut ending = vec![
        format!(
            "{ARTICLE_WITHDRAWAL} : dans un délai de {} jours à compter de la signature du \
             présent contrat, le stagiaire peut se rétracter par lettre recommandée avec avis de \
             réception ; aucune somme n'est alors due.",
            terms.withdrawal_days
        ),
        format!(
            "{ARTICLE_FORCE_MAJEURE} : si, par suite de force majeure dûment reconnue, le \
             stagiaire est empêché de suivre la formation, il peut rompre le contrat ; seules \
             les prestations effectivement dispensées sont dues, au prorata temporis de leur \
             valeur prévue au contrat."
        ),
    ];
    ending.extend(terms_in_short(terms));
    vec![
        Mention::new("Nature, durée, programme et objet de l'action", nature),
        Mention::optional("Effectif formé", texts.group_size.as_ref()),
        Mention::new(
            "Niveau de connaissances préalables requis",
            course.prerequisites.clone(),
        ),
        Mention::new(
            "Modalités de formation, moyens pédagogiques et techniques, évaluation et sanction",
            how,
        ),
        Mention::optional(
            "Diplômes, titres ou références des formateurs",
            texts.trainers.as_ref(),
        ),
        Mention::new("Modalités de paiement", payment),
        Mention::new(
            "Conditions financières en cas de cessation anticipée ou d'abandon",
            ending,
        ),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::pricing::{price_quote, Formula, Funding, QuoteRequest, Vat};
    use chrono::NaiveDate;

    fn quote(catalogue: &Catalogue) -> Quote {
        let request = QuoteRequest {
            formula: Formula::Full,
            trainees: 1,
            coaching_days: 0,
            certification: true,
            vat: Vat::Standard,
            funding: Funding::None,
            date: NaiveDate::from_ymd_opt(2026, 5, 4).unwrap(),
        };
        price_quote(catalogue, &request).unwrap()
    }

    #[test]
    fn with_a_session_the_period_gives_its_dates_and_the_running_its_place_and_hours() {
        let c = Catalogue::fixture();
        let session = c.session("paris-2027-03");
        let m = mentions(PrintedDocument::Devis, &c, &quote(&c), session);
        let period = &m[2].paragraphs;
        assert!(
            !period.iter().any(|p| p.contains("à convenir")),
            "{period:?}"
        );
        assert!(period.contains(&"Session paris-2027-03 : Paris, présentiel, du mardi 9 mars au mardi 30 mars 2027.".to_owned()), "{period:?}");
        assert!(
            period.contains(&"Module 3 : mardi 16 mars 2027 et mercredi 17 mars 2027.".to_owned()),
            "{period:?}"
        );
        assert!(
            m[3].paragraphs[0].starts_with("Présentiel ; Co&Sens, "),
            "{:?}",
            m[3].paragraphs
        );
        assert!(m[3].paragraphs[0].contains("Horaires : de 9 h 30 à 13 h 00"));
        let contract = mentions(PrintedDocument::Contract, &c, &quote(&c), session);
        assert!(contract[0]
            .paragraphs
            .iter()
            .any(|p| p.starts_with("Module 5 : mardi 30 mars 2027")));
    }

    #[test]
    fn the_devis_carries_each_mention_of_d6353_1_under_its_heading() {
        let c = Catalogue::fixture();
        let m = mentions(PrintedDocument::Devis, &c, &quote(&c), None);
        let headings: Vec<&str> = m.iter().map(|m| m.heading).collect();
        assert_eq!(
            headings,
            [
                "Intitulé, objectif et contenu de l'action",
                "Moyens prévus",
                "Durée et période",
                "Modalités de déroulement, de suivi et d'évaluation",
                "Prix et modalités de règlement",
            ]
        );
        // The period: no session chosen, so « à convenir ».
        assert!(m[2].paragraphs.iter().any(|p| p.contains("à convenir")));
        assert!(m[4].paragraphs[1].contains("à l'issue de la formation"));
        // Every module of the full course is in the content.
        assert_eq!(
            m[0].paragraphs
                .iter()
                .filter(|p| p.starts_with("Module "))
                .count(),
            c.modules.len()
        );
    }

    #[test]
    fn the_contract_carries_every_mention_of_l6353_4_and_blanks_where_the_data_lack() {
        let c = Catalogue::fixture();
        let m = mentions(PrintedDocument::Contract, &c, &quote(&c), None);
        assert_eq!(m.len(), 7);
        let blank: Vec<&str> = m
            .iter()
            .filter(|m| m.is_blank())
            .map(|m| m.heading)
            .collect();
        // The fixture, like the shipped file, gives neither the group's size nor the
        // trainers' titles: blanks, never invented.
        assert_eq!(
            blank,
            [
                "Effectif formé",
                "Diplômes, titres ou références des formateurs"
            ]
        );
        let ending = &m[6].paragraphs;
        assert!(ending
            .iter()
            .any(|p| p.contains("L6353-5") && p.contains("10 jours")));
        assert!(ending.iter().any(|p| p.contains("L6353-7")));
        assert!(m[5].paragraphs.iter().any(|p| p.contains("30\u{a0}%")));
        let mut filled = c.clone();
        filled.agreement.trainers = Some("Consultants experts de la certification.".into());
        let m = mentions(PrintedDocument::Contract, &filled, &quote(&filled), None);
        assert_eq!(m.iter().filter(|m| m.is_blank()).count(), 1);
    }

    #[test]
    fn a_person_who_pays_gets_the_contract_and_a_cpf_holder_the_devis() {
        assert_eq!(
            PrintedDocument::for_enrolment(true, false),
            PrintedDocument::Contract
        );
        assert_eq!(
            PrintedDocument::for_enrolment(true, true),
            PrintedDocument::Devis
        );
        assert_eq!(
            PrintedDocument::for_enrolment(false, false),
            PrintedDocument::Devis
        );
        for d in PrintedDocument::ALL {
            assert_eq!(PrintedDocument::from_key(d.key()), Some(d));
        }
        assert_eq!(
            PrintedDocument::Devis.signature_block().heading,
            "Bon pour accord"
        );
        assert_eq!(
            PrintedDocument::Contract.signature_block().boxes[0],
            "Le stagiaire (« Lu et approuvé ») :"
        );
    }
}
