//! « Règles de calcul » (`/regles`): every rule the app applies, with the clause it comes
//! from and a worked example computed by the calculators' own functions (`price_quote`,
//! `assess_cancellation`, `late_payment_penalty`), on the catalogue's figures. A clause
//! changed in the data file changes this page and the calculators together; the worked
//! examples are the calculators' answers, so they cannot disagree with them (the
//! end-to-end test types the same inputs into the calculators and compares).
//!
//! The CGV's clauses are quoted from `cgv.rs`, where each is worded once from the data
//! file's figures (the devis, the cancellation screen and the agenda file quote them too).

use chrono::NaiveDate;
use rust_decimal::Decimal;

use crate::domain::calendar::{holidays_strictly_between, DayKind};
use crate::domain::cancellation::{
    assess_cancellation, booking_from_catalogue, modules_from_full_course, CancellationRequest,
    FeeBand, Who,
};
use crate::domain::catalogue::Catalogue;
use crate::domain::cgv::{
    adjournment_fr, opco_agreement_fr, postpone_fr, CLAUSE_ADJOURN, CLAUSE_CANCEL, CLAUSE_PAYMENT,
    CLAUSE_REPLACE, CPF_FR, FEE_BASIS_FR, LATE_OPCO_FR, STARTED_FR,
};
use crate::domain::fr::{capitalise, days_fr, format_date_fr, half_year_fr};
use crate::domain::individual::{
    cpf_free_until, withdrawal_count_fr, Client, ClientType, ARTICLE_FORCE_MAJEURE,
    ARTICLE_PAYMENT, ARTICLE_WITHDRAWAL,
};
use crate::domain::late_payment::{late_payment_penalty, terms_fr, ClientKind, LatePaymentRequest};
use crate::domain::money::{format_eur, format_number, format_percent};
use crate::domain::pricing::{price_quote, total_rows, Formula, Funding, Quote, QuoteRequest, Vat};
use crate::domain::quote_form::FundingChoice;

/// A group of rules under one heading.
#[derive(Clone, Debug, PartialEq)]
pub struct Section {
    pub title: &'static str,
    pub rules: Vec<Rule>,
}

/// One rule: what it says, where it comes from, and a worked example.
#[derive(Clone, Debug, PartialEq)]
pub struct Rule {
    /// Its anchor on the page (`#regle-<id>`), stable for links and tests.
    pub id: &'static str,
    pub title: &'static str,
    /// The clause it comes from: the brochure, the CGV, or the law.
    pub source: String,
    pub statement: Vec<String>,
    /// Its worked examples: none when the catalogue lacks a figure they need (the
    /// statement then says the figure is missing).
    pub examples: Vec<Example>,
}

/// A worked example: its inputs in words, and the figures the calculator gave.
#[derive(Clone, Debug, PartialEq)]
pub struct Example {
    pub setting: String,
    pub figures: Vec<Figure>,
}

/// One figure of an example, named by the calculator's own `data-testid` where it has one.
#[derive(Clone, Debug, PartialEq)]
pub struct Figure {
    pub key: String,
    pub label: String,
    pub value: String,
}

fn figure(key: &str, label: &str, value: String) -> Figure {
    Figure {
        key: key.to_string(),
        label: label.to_string(),
        value,
    }
}

const BROCHURE: &str = "Brochure, « Coût de la formation »";

/// The worked examples' training: a start on Tuesday 26 May 2026 (SPEC, "The cancellation
/// fee calculator": Ascension and Whit Monday lie in its window).
pub fn example_start() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 5, 26).unwrap_or_default()
}

/// The notification dates of the band examples: 3, 4, 15 and 16 May 2026.
pub fn example_notifications() -> [NaiveDate; 4] {
    [3, 4, 15, 16].map(|d| NaiveDate::from_ymd_opt(2026, 5, d).unwrap_or_default())
}

/// The notification of the interruption example: Friday 29 May 2026, the fourth day of the
/// course (modules 1 and 2 attended, module 3 started, modules 4 and 5 not yet).
pub fn example_interruption() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 5, 29).unwrap_or_default()
}

/// Every rule, by theme.
pub fn rules(catalogue: &Catalogue) -> Vec<Section> {
    vec![
        Section {
            title: "Prix et TVA",
            rules: vec![
                price_grid(catalogue),
                full_course_advice(catalogue),
                vat(catalogue),
            ],
        },
        Section {
            title: "Financement",
            rules: vec![opco(catalogue), cpf(catalogue)],
        },
        Section {
            title: "Calendrier",
            rules: vec![calendar()],
        },
        Section {
            title: "Annulation, absence, interruption",
            rules: vec![
                bands(catalogue),
                deadlines_rule(catalogue),
                interruption(catalogue),
                adjournment(catalogue),
                cpf_cancellation(catalogue),
            ],
        },
        Section {
            title: "Le stagiaire qui paie lui-même",
            rules: vec![
                withdrawal(catalogue),
                individual_payment(catalogue),
                force_majeure(catalogue),
            ],
        },
        Section {
            title: "Retard de paiement",
            rules: vec![late_payment(catalogue)],
        },
    ]
}

/// The quote of `formula` for one trainee on the examples' date, with `vat` and `funding`.
fn example_quote(
    catalogue: &Catalogue,
    formula: Formula,
    vat: Vat,
    funding: Funding,
) -> Option<Quote> {
    let mut request = QuoteRequest::default_for(formula, example_start());
    request.vat = vat;
    request.funding = funding;
    price_quote(catalogue, &request).ok()
}

/// The quote's totals as the simulator names them.
fn total_figures(quote: &Quote) -> Vec<Figure> {
    total_rows(quote, true)
        .iter()
        .map(|row| figure(row.kind.key(), &row.label, row.amount_fr()))
        .collect()
}

fn price_grid(catalogue: &Catalogue) -> Rule {
    let p = &catalogue.prices;
    let tariffs: Vec<String> = p
        .modular_by_days
        .iter()
        .map(|t| format!("{} : {} HT", days_fr(t.days), format_eur(t.price_ht)))
        .collect();
    let example =
        example_quote(catalogue, Formula::Full, Vat::Standard, Funding::None).map(|q| Example {
            setting: "parcours complet, un stagiaire, avec l'accès à la certification".into(),
            figures: total_figures(&q),
        });
    Rule {
        id: "grille",
        title: "La grille de prix",
        source: BROCHURE.into(),
        statement: vec![
            format!(
                "Parcours complet : {} HT par stagiaire.",
                format_eur(p.full_course_ht)
            ),
            format!(
                "Module à la carte, selon sa durée : {}.",
                tariffs.join(" ; ")
            ),
            format!(
                "Accompagnement : {} HT par jour et par stagiaire, {} au plus.",
                format_eur(p.coaching_per_day_ht),
                days_fr(Decimal::from(p.coaching_max_days))
            ),
            format!(
                "Accès à la certification : {} HT par stagiaire.",
                format_eur(p.certification_ht)
            ),
            "Chaque ligne vaut son prix unitaire multiplié par le nombre de stagiaires ; le total \
             HT est la somme des lignes."
                .into(),
        ],
        examples: example.into_iter().collect(),
    }
}

fn full_course_advice(catalogue: &Catalogue) -> Rule {
    let all: Vec<u8> = catalogue.modules.iter().map(|m| m.number).collect();
    let example = example_quote(
        catalogue,
        Formula::Modular(all),
        Vat::Standard,
        Funding::None,
    )
    .and_then(|q| q.advice)
    .map(|a| Example {
        setting: "tous les modules choisis à la carte, un stagiaire".into(),
        figures: vec![
            figure(
                "modules-ht",
                "Modules à la carte, HT",
                format_eur(a.modules_ht_per_trainee),
            ),
            figure(
                "parcours-ht",
                "Parcours complet, HT",
                format_eur(a.full_course_ht_per_trainee),
            ),
            figure("conseil-parcours-complet", "Conseil", a.message),
        ],
    });
    Rule {
        id: "conseil",
        title: "Le conseil du parcours complet",
        source: BROCHURE.into(),
        statement: vec![
            "Quand les modules choisis coûtent autant ou plus que le parcours complet, le \
             simulateur le dit, avec l'économie et les modules que le parcours ajoute."
                .into(),
        ],
        examples: example.into_iter().collect(),
    }
}

fn vat(catalogue: &Catalogue) -> Rule {
    let example =
        example_quote(catalogue, Formula::Full, Vat::Exempt, Funding::None).map(|q| Example {
            setting: "parcours complet, un stagiaire, formation exonérée de TVA".into(),
            figures: total_figures(&q),
        });
    Rule {
        id: "tva",
        title: "La TVA et son exonération",
        source: "Code général des impôts, article 261-4-4° a".into(),
        statement: vec![
            format!(
                "TVA au taux de {} sur le total HT, arrondie au centime.",
                format_percent(catalogue.prices.vat_rate)
            ),
            "Une formation professionnelle continue exonérée (organisme qui en a obtenu le \
             bénéfice) n'en porte pas : le total TTC égale le total HT, et le devis porte la \
             mention de l'exonération."
                .into(),
        ],
        examples: example.into_iter().collect(),
    }
}

fn opco(catalogue: &Catalogue) -> Rule {
    let granted = Decimal::new(2000, 0);
    let example = example_quote(
        catalogue,
        Formula::Full,
        Vat::Standard,
        Funding::Opco { amount: granted },
    )
    .map(|q| Example {
        setting: format!(
            "parcours complet, un stagiaire, {} accordés par l'OPCO",
            format_eur(granted)
        ),
        figures: total_figures(&q),
    });
    Rule {
        id: "opco",
        title: "La prise en charge par un OPCO",
        source: CLAUSE_PAYMENT.into(),
        statement: vec![
            "Le montant accordé par l'OPCO se déduit du total TTC, sans jamais le dépasser ; \
             le reste est à la charge du client."
                .into(),
        ],
        examples: example.into_iter().collect(),
    }
}

fn cpf(catalogue: &Catalogue) -> Rule {
    let in_force = catalogue.cpf_contributions.iter().max_by_key(|c| c.from);
    let balance = Decimal::new(2000, 0);
    let example = in_force.and_then(|c| {
        let mut request = QuoteRequest::default_for(Formula::Full, c.from);
        request.funding = Funding::Cpf {
            balance: Some(balance),
            exempt: false,
        };
        let q = price_quote(catalogue, &request).ok()?;
        Some(Example {
            setting: format!(
                "parcours complet, solde CPF de {}, devis du {}",
                format_eur(balance),
                format_date_fr(c.from)
            ),
            figures: total_figures(&q),
        })
    });
    let contribution = in_force.map_or_else(
        || "La participation forfaitaire en vigueur n'est pas dans le fichier de données : nous consulter.".to_string(),
        |c| format!(
            "Participation forfaitaire en vigueur depuis le {} : {}, due sauf exonération \
             (demandeur d'emploi, abondement de l'employeur).",
            format_date_fr(c.from),
            format_eur(c.amount)
        ),
    );
    Rule {
        id: "cpf",
        title: "Le CPF et sa participation forfaitaire",
        source: "Code du travail, article L6323-4 (participation du titulaire)".into(),
        statement: vec![
            "Le CPF prend en charge le total TTC dans la limite du solde du compte ; il est \
             personnel : un seul stagiaire, titulaire du compte."
                .into(),
            contribution,
        ],
        examples: example.into_iter().collect(),
    }
}

fn calendar() -> Rule {
    let start = example_start();
    let notified = example_notifications()[1];
    let holidays: Vec<String> = holidays_strictly_between(notified, start)
        .into_iter()
        .map(|(d, name)| format!("{} ({name})", format_date_fr(d)))
        .collect();
    let n = crate::domain::calendar::count_days_naive(DayKind::Ouvrable, notified, start);
    Rule {
        id: "calendrier",
        title: "Jours ouvrables et jours de formation",
        source: "Code du travail, article L3133-1 (jours fériés) ; Cass. com., 14 mars 2018, n° 16-26.996 (décompte)".into(),
        statement: vec![
            "Un jour ouvrable est un jour du lundi au samedi qui n'est pas férié ; un jour de \
             formation, un jour du lundi au vendredi qui n'est pas férié."
                .into(),
            "« N jours avant le démarrage » compte les jours strictement entre la date de \
             notification et celle du début : ni l'une ni l'autre ne compte."
                .into(),
            "Jours fériés : 1er janvier, lundi de Pâques, 1er et 8 mai, Ascension, lundi de \
             Pentecôte, 14 juillet, 15 août, 1er et 11 novembre, 25 décembre."
                .into(),
        ],
        examples: vec![Example {
            setting: format!(
                "notification le {}, début le {}",
                format_date_fr(notified),
                format_date_fr(start)
            ),
            figures: vec![
                figure("jours-ouvrables", "Jours ouvrables comptés", n.to_string()),
                figure("jours-feries", "Jours fériés exclus", holidays.join(", ")),
            ],
        }],
    }
}

/// A deadline as the examples show it, « — » where there is none.
fn date(day: Option<NaiveDate>) -> String {
    day.map_or_else(|| "—".to_string(), format_date_fr)
}

/// The cancellation request of the examples: the full course, notified on `notified`.
fn cancellation_example(
    catalogue: &Catalogue,
    notified: NaiveDate,
    funding: FundingChoice,
) -> CancellationRequest {
    CancellationRequest {
        start: example_start(),
        notified,
        amount_ht: catalogue.prices.full_course_ht,
        vat_rate: catalogue.prices.vat_rate,
        who: Who::ClientCancels,
        funding,
        client: crate::domain::individual::Client::default(),
        modules: Vec::new(),
    }
}

fn bands(catalogue: &Catalogue) -> Rule {
    let terms = &catalogue.cancellation;
    let examples = example_notifications()
        .into_iter()
        .filter_map(|notified| {
            let request = cancellation_example(catalogue, notified, FundingChoice::Aucun);
            let o = assess_cancellation(catalogue, &request).ok()?;
            Some(Example {
                setting: format!(
                    "parcours complet à {} HT commençant le {}, annulation notifiée le {}",
                    format_eur(request.amount_ht),
                    format_date_fr(example_start()),
                    format_date_fr(notified)
                ),
                figures: vec![
                    figure(
                        "jours-ouvrables",
                        "Jours ouvrables comptés",
                        o.working_days.to_string(),
                    ),
                    figure("taux-frais", "Taux des frais", format_percent(o.rate)),
                    figure("frais-ht", "Frais HT", format_eur(o.fee_ht)),
                    figure("frais-ttc", "Frais TTC", format_eur(o.fee_ttc)),
                ],
            })
        })
        .collect();
    Rule {
        id: "bareme",
        title: "Le barème d'annulation avant le début",
        source: CLAUSE_CANCEL.into(),
        statement: [FeeBand::NoFee, FeeBand::HalfFee, FeeBand::FullFee]
            .iter()
            .map(|b| format!("{}.", capitalise(&b.rule_fr(terms))))
            .chain([
                FEE_BASIS_FR.to_string(),
                "La TVA s'ajoute aux frais comme à la formation.".to_string(),
            ])
            .collect(),
        examples,
    }
}

fn deadlines_rule(catalogue: &Catalogue) -> Rule {
    let t = &catalogue.cancellation;
    let request = cancellation_example(catalogue, example_notifications()[0], FundingChoice::Opco);
    let example = assess_cancellation(catalogue, &request)
        .ok()
        .map(|o| Example {
            setting: format!(
                "formation commençant le {}",
                format_date_fr(example_start())
            ),
            figures: vec![
                figure(
                    "date-limite-sans-frais",
                    "Annulation sans frais jusqu'au",
                    date(o.deadline_no_fee),
                ),
                figure(
                    "date-limite-50",
                    &format!("Frais de {} jusqu'au", format_percent(t.half_fee_rate)),
                    date(o.deadline_half),
                ),
                figure(
                    "date-limite-report",
                    "Report ou remplacement sans frais jusqu'au",
                    date(o.postpone_deadline),
                ),
                figure(
                    "date-limite-opco",
                    "Accord de l'OPCO reçu au plus tard le",
                    date(o.opco_deadline),
                ),
            ],
        });
    Rule {
        id: "echeances",
        title: "Report, remplacement et accord de l'OPCO",
        source: format!("{CLAUSE_REPLACE} ; {CLAUSE_PAYMENT}"),
        statement: vec![
            postpone_fr(t),
            opco_agreement_fr(t),
            LATE_OPCO_FR.into(),
            "Chaque date affichée est le dernier jour de notification qui respecte le délai."
                .into(),
        ],
        examples: example.into_iter().collect(),
    }
}

fn interruption(catalogue: &Catalogue) -> Rule {
    let mut request = cancellation_example(catalogue, example_interruption(), FundingChoice::Opco);
    request.modules = booking_from_catalogue(catalogue).lines;
    let example = assess_cancellation(catalogue, &request).ok().and_then(|o| {
        let t = o.totals?;
        Some(Example {
            setting: format!(
                "parcours complet financé par un OPCO, commencé le {}, interrompu le {} (dates des \
                 modules supposées)",
                format_date_fr(example_start()),
                format_date_fr(example_interruption())
            ),
            figures: vec![
                figure("part-suivie", "Jours suivis, HT", format_eur(t.attended_ht)),
                figure(
                    "part-opco",
                    "Finançable par l'OPCO, HT",
                    format_eur(t.opco_chargeable_ht.unwrap_or_default()),
                ),
                figure(
                    "part-client",
                    "À la charge du client seul, HT",
                    format_eur(t.client_only_ht),
                ),
                figure("frais-ht", "Total dû, HT", format_eur(o.fee_ht)),
            ],
        })
    });
    Rule {
        id: "interruption",
        title: "Absence ou interruption après le début",
        source: CLAUSE_CANCEL.into(),
        statement: vec![
            STARTED_FR.into(),
            "Les jours d'un module commencé avant la notification sont suivis, les autres sont \
             dus au titre de l'absence, à la charge du client seul. Les modules pas encore \
             commencés suivent le barème, compté jusqu'à leur propre début."
                .into(),
            "Un module sans date est supposé suivre le précédent, le jour de formation suivant \
             sa fin (une demi-journée occupe un jour), le premier commençant au début de la \
             formation ; l'accompagnement vient après le dernier module."
                .into(),
        ],
        examples: example.into_iter().collect(),
    }
}

fn adjournment(catalogue: &Catalogue) -> Rule {
    let t = &catalogue.cancellation;
    let mut request =
        cancellation_example(catalogue, example_notifications()[3], FundingChoice::Aucun);
    request.who = Who::CoSensAdjourns;
    let example = assess_cancellation(catalogue, &request)
        .ok()
        .map(|o| Example {
            setting: format!(
                "formation commençant le {}",
                format_date_fr(example_start())
            ),
            figures: vec![
                figure(
                    "date-limite-ajournement",
                    "Ajournement possible jusqu'au",
                    date(o.adjourn_deadline),
                ),
                figure("frais-ht", "Dû par le client", format_eur(o.fee_ht)),
            ],
        });
    Rule {
        id: "ajournement",
        title: "L'ajournement par Co&Sens",
        source: CLAUSE_ADJOURN.into(),
        statement: vec![adjournment_fr(t)],
        examples: example.into_iter().collect(),
    }
}

fn cpf_cancellation(catalogue: &Catalogue) -> Rule {
    let t = &catalogue.cancellation;
    let example = cpf_free_until(t, example_start()).map(|until| Example {
        setting: format!(
            "formation financée par le CPF commençant le {}",
            format_date_fr(example_start())
        ),
        figures: vec![figure(
            "date-limite-cpf",
            "Annulation sans frais jusqu'au",
            format_date_fr(until),
        )],
    });
    Rule {
        id: "annulation-cpf",
        title: "Annulation d'une inscription financée par le CPF",
        source: "Conditions générales d'utilisation de Mon Compte Formation".into(),
        statement: vec![
            CPF_FR.into(),
            format!(
                "Le titulaire annule sans frais tant que plus de {} (du lundi au vendredi, hors \
                 jours fériés) séparent la notification du début, ni l'une ni l'autre ne \
                 comptant ; au-delà, la plateforme décide de ce qui est débité.",
                DayKind::Ouvre.count_fr(t.cpf_free_working_days)
            ),
        ],
        examples: example.into_iter().collect(),
    }
}

/// The trainee who pays of the examples: the full course, the contract signed on Friday
/// 15 May 2026 (its tenth day, Whit Monday, moves the period's end to the start).
fn individual_example(catalogue: &Catalogue, notified: NaiveDate) -> CancellationRequest {
    let mut request = cancellation_example(catalogue, notified, FundingChoice::Aucun);
    request.client = Client {
        kind: ClientType::Individual,
        signed: NaiveDate::from_ymd_opt(2026, 5, 15),
        force_majeure: false,
    };
    request
}

fn withdrawal(catalogue: &Catalogue) -> Rule {
    let request = individual_example(catalogue, example_start());
    let example = assess_cancellation(catalogue, &request)
        .ok()
        .map(|o| Example {
            setting: format!(
                "contrat signé le vendredi 15 mai 2026, formation commençant le {}, rétractation \
             notifiée ce même jour",
                format_date_fr(example_start())
            ),
            figures: vec![
                figure(
                    "date-fin-retractation",
                    "Fin du délai de rétractation",
                    date(o.withdrawal_end),
                ),
                figure("frais-ht", "Dû par le stagiaire", format_eur(o.fee_ht)),
            ],
        });
    Rule {
        id: "retractation",
        title: "La rétractation du stagiaire qui paie lui-même",
        source: ARTICLE_WITHDRAWAL.into(),
        statement: vec![
            "Le particulier qui s'inscrit à titre individuel et à ses frais signe un contrat de \
             formation professionnelle ; il peut se rétracter par lettre recommandée avec avis \
             de réception. Notifiée dans le délai, la rétractation ne coûte rien, quels que \
             soient le barème des CGV ou les modules commencés."
                .into(),
            withdrawal_count_fr(&catalogue.cancellation),
        ],
        examples: example.into_iter().collect(),
    }
}

fn individual_payment(catalogue: &Catalogue) -> Rule {
    let request = individual_example(catalogue, example_start());
    let example = assess_cancellation(catalogue, &request)
        .ok()
        .and_then(|o| o.payment)
        .map(|p| Example {
            setting: format!(
                "contrat signé le vendredi 15 mai 2026 pour le parcours complet, {} TTC",
                format_eur(p.price_ttc)
            ),
            figures: vec![
                figure(
                    "paiement-premier-jour",
                    "Premier paiement possible le",
                    format_date_fr(p.first_day),
                ),
                figure(
                    "paiement-maximum",
                    "Au plus, ce jour-là",
                    format_eur(p.first_max_ttc),
                ),
            ],
        });
    Rule {
        id: "paiement-particulier",
        title: "Le paiement du stagiaire qui paie lui-même",
        source: ARTICLE_PAYMENT.into(),
        statement: vec![format!(
            "Aucune somme ne peut être exigée avant la fin du délai de rétractation ; ensuite, \
             au plus {} du prix convenu (TTC, ce que paie le stagiaire), le solde au fur et à \
             mesure du déroulement de la formation.",
            format_percent(catalogue.cancellation.individual_first_payment_max_rate)
        )],
        examples: example.into_iter().collect(),
    }
}

fn force_majeure(catalogue: &Catalogue) -> Rule {
    let starts = [(5, 26), (6, 2), (6, 9), (6, 23), (7, 7)]
        .map(|(m, d)| NaiveDate::from_ymd_opt(2026, m, d));
    let mut request = individual_example(
        catalogue,
        NaiveDate::from_ymd_opt(2026, 6, 10).unwrap_or_default(),
    );
    request.client.force_majeure = true;
    request.modules = modules_from_full_course(catalogue, request.amount_ht, &starts);
    let example = assess_cancellation(catalogue, &request)
        .ok()
        .map(|o| Example {
            setting: format!(
                "parcours complet à {} HT, modules datés des 26 mai, 2, 9 et 23 juin et 7 juillet \
             2026 ; empêché par une force majeure reconnue le {}, le stagiaire a suivi les \
             modules 1 et 2 et le premier des deux jours du module 3",
                format_eur(request.amount_ht),
                format_date_fr(request.notified)
            ),
            figures: vec![
                figure("frais-ht", "Dû, HT", format_eur(o.fee_ht)),
                figure("frais-ttc", "Dû, TTC", format_eur(o.fee_ttc)),
            ],
        });
    Rule {
        id: "force-majeure",
        title: "La force majeure",
        source: ARTICLE_FORCE_MAJEURE.into(),
        statement: vec![
            "Lorsque, par suite de force majeure dûment reconnue, le stagiaire qui paie \
             lui-même est empêché de suivre la formation, seules les prestations effectivement \
             dispensées sont dues, au prorata temporis de leur valeur prévue au contrat : la \
             règle des CGV « tout module commencé est dû » et le barème ne s'appliquent pas."
                .into(),
            "Pour chaque module, son prix (réparti comme le parcours complet) × les jours suivis \
             ÷ ses jours ; la somme est arrondie une fois au centime."
                .into(),
        ],
        examples: example.into_iter().collect(),
    }
}

fn late_payment(catalogue: &Catalogue) -> Rule {
    let t = &catalogue.late_payment;
    let latest = catalogue
        .legal_interest_rates
        .iter()
        .max_by_key(|r| (r.year, r.half));
    let example = latest.and_then(|r| late_payment_example(catalogue, r.year, r.half));
    let rate = latest.map_or_else(
        || {
            "Le taux d'intérêt légal n'est pas dans le fichier de données : nous consulter."
                .to_string()
        },
        |r| {
            format!(
            "Dernier taux connu ({}) : {} % pour un créancier particulier, {} % pour les autres.",
            half_year_fr(r.year, r.half),
            format_number(r.individual_creditor),
            format_number(r.other_creditor)
        )
        },
    );
    Rule {
        id: "retard",
        title: "Les pénalités de retard",
        source: format!("{CLAUSE_PAYMENT} ; Code de commerce, articles L441-10 et D441-5"),
        statement: vec![
            terms_fr(t),
            "Les jours de retard courent du lendemain de l'échéance au jour du paiement, inclus."
                .into(),
            rate,
        ],
        examples: example.into_iter().collect(),
    }
}

/// A professional client's payment of 4 800 € due at the start of the half-year and made
/// 45 days later.
fn late_payment_example(catalogue: &Catalogue, year: i32, half: u8) -> Option<Example> {
    let due = NaiveDate::from_ymd_opt(year, if half == 1 { 1 } else { 7 }, 15)?;
    let paid = due.checked_add_days(chrono::Days::new(45))?;
    let request = LatePaymentRequest {
        amount: Decimal::new(4800, 0),
        due,
        paid,
        client: ClientKind::Business,
        typed_rates: Vec::new(),
    };
    let o = late_payment_penalty(catalogue, &request).ok()?;
    Some(Example {
        setting: format!(
            "{} dus par un professionnel le {}, payés le {}",
            format_eur(request.amount),
            format_date_fr(due),
            format_date_fr(paid)
        ),
        figures: vec![
            figure(
                "penalites-jours",
                "Jours de retard",
                o.days_late.to_string(),
            ),
            figure("penalites-interets", "Pénalités", format_eur(o.interest)),
            figure(
                "penalites-indemnite",
                "Indemnité forfaitaire",
                format_eur(o.indemnity),
            ),
            figure("penalites-total", "Total dû", format_eur(o.total)),
        ],
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::money::dec;

    fn all(catalogue: &Catalogue) -> Vec<Rule> {
        rules(catalogue).into_iter().flat_map(|s| s.rules).collect()
    }

    #[test]
    fn every_rule_names_its_source_and_each_id_is_unique() {
        let rules = all(&Catalogue::fixture());
        for r in &rules {
            assert!(!r.source.is_empty() && !r.statement.is_empty(), "{}", r.id);
            assert_eq!(rules.iter().filter(|o| o.id == r.id).count(), 1, "{}", r.id);
        }
    }

    /// The value of the figure `key` in each example of the rule `id`.
    fn values(rules: &[Rule], id: &str, key: &str) -> Vec<String> {
        let rule = rules.iter().find(|r| r.id == id).expect("the rule");
        rule.examples
            .iter()
            .flat_map(|e| {
                e.figures
                    .iter()
                    .filter(|f| f.key == key)
                    .map(|f| f.value.clone())
            })
            .collect()
    }

    #[test]
    fn the_trainee_who_pays_rules_give_the_spec_examples() {
        let rules = all(&Catalogue::fixture());
        assert_eq!(
            values(&rules, "retractation", "date-fin-retractation"),
            ["mardi 26 mai 2026"]
        );
        assert_eq!(values(&rules, "retractation", "frais-ht"), ["0,00 €"]);
        assert_eq!(
            values(&rules, "paiement-particulier", "paiement-premier-jour"),
            ["mercredi 27 mai 2026"]
        );
        assert_eq!(
            values(&rules, "paiement-particulier", "paiement-maximum"),
            ["1\u{202f}440,00 €"]
        );
        assert_eq!(
            values(&rules, "force-majeure", "frais-ht"),
            ["1\u{202f}846,16 €"]
        );
        assert_eq!(
            values(&rules, "annulation-cpf", "date-limite-cpf"),
            ["lundi 11 mai 2026"]
        );
    }

    #[test]
    fn the_worked_examples_are_the_calculators_answers() {
        let c = Catalogue::fixture();
        let rules = all(&c);
        // The SPEC's worked examples: n = 16, 15, 7, 6.
        assert_eq!(
            values(&rules, "bareme", "jours-ouvrables"),
            ["16", "15", "7", "6"]
        );
        let rates: Vec<String> = ["0", "0.5", "0.5", "1"]
            .map(|r| format_percent(dec(r)))
            .into();
        assert_eq!(values(&rules, "bareme", "taux-frais"), rates);
        let full = c.prices.full_course_ht;
        let fees: Vec<String> = [dec("0"), full / dec("2"), full / dec("2"), full]
            .map(format_eur)
            .into();
        assert_eq!(values(&rules, "bareme", "frais-ht"), fees);

        let quote = price_quote(
            &c,
            &QuoteRequest::default_for(Formula::Full, example_start()),
        )
        .unwrap();
        assert_eq!(
            values(&rules, "grille", "total-ttc"),
            [format_eur(quote.total_ttc)]
        );
        assert_eq!(values(&rules, "calendrier", "jours-ouvrables"), ["15"]);
    }

    #[test]
    fn the_interruption_example_splits_attended_days_from_the_clients_own_share() {
        let c = Catalogue::fixture();
        let rules = all(&c);
        let attended = values(&rules, "interruption", "part-suivie");
        let client = values(&rules, "interruption", "part-client");
        assert_eq!((attended.len(), client.len()), (1, 1));
        assert_ne!(attended[0], format_eur(Decimal::ZERO));
        assert_ne!(client[0], format_eur(Decimal::ZERO));
    }

    #[test]
    fn a_clause_changed_in_the_data_file_changes_the_rule_and_its_example() {
        let mut c = Catalogue::fixture();
        c.cancellation.half_fee_rate = dec("0.4");
        c.cancellation.adjourn_notice_days = 14;
        let rules = all(&c);
        let bands = rules.iter().find(|r| r.id == "bareme").unwrap();
        let forty = format_percent(dec("0.4"));
        assert!(
            bands
                .statement
                .iter()
                .any(|s| s.contains(&format!("frais de {forty}"))),
            "{:?}",
            bands.statement
        );
        assert_eq!(values(&rules, "bareme", "taux-frais")[1], forty);
        let adjourn = rules.iter().find(|r| r.id == "ajournement").unwrap();
        assert!(adjourn.statement[0].contains("au plus tard 2 semaines avant"));
    }

    #[test]
    fn a_figure_the_data_file_lacks_is_shown_as_missing() {
        let mut c = Catalogue::fixture();
        c.legal_interest_rates.clear();
        c.cpf_contributions.clear();
        let rules = all(&c);
        let late = rules.iter().find(|r| r.id == "retard").unwrap();
        assert!(late.examples.is_empty());
        assert!(late.statement.iter().any(|s| s.contains("nous consulter")));
        let cpf = rules.iter().find(|r| r.id == "cpf").unwrap();
        assert!(
            cpf.examples.is_empty() && cpf.statement.iter().any(|s| s.contains("nous consulter"))
        );
    }
}
