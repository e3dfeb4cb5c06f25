//! `/regles`: « Règles de calcul », every rule the app applies, each with its source and
//! worked examples. The domain writes them (`domain::rules`), computing each example with
//! the calculators' own functions; this screen only lays them out.

use leptos::prelude::*;

use crate::domain::rules::{rules, Example, Rule, Section};
use crate::ui::context::use_app;
use crate::ui::routes::{CANCELLATION, LATE_PAYMENT, RULES, SIMULATOR};
use crate::ui::title::DocumentTitle;

#[component]
pub fn RulesPage() -> impl IntoView {
    let app = use_app();
    let sections = rules(&app.catalogue)
        .into_iter()
        .map(|section| view! { <RuleSection section /> })
        .collect_view();
    view! {
        <DocumentTitle name=RULES.name.to_string() />
        <h1>"Règles de calcul"</h1>
        <p class="page-intro">
            "Chaque règle appliquée par le "
            <a href=app.href(SIMULATOR.path)>"simulateur"</a>", le calculateur de "
            <a href=app.href(CANCELLATION.path)>"frais d'annulation"</a>" et celui des "
            <a href=app.href(LATE_PAYMENT.path)>"pénalités de retard"</a>
            ", avec sa source et des exemples calculés par ces mêmes calculateurs, sur les \
             chiffres du catalogue en vigueur (version " {app.catalogue.version.clone()} ")."
        </p>
        {sections}
    }
}

#[component]
fn RuleSection(section: Section) -> impl IntoView {
    let rules = section
        .rules
        .into_iter()
        .map(|rule| view! { <RuleView rule /> })
        .collect_view();
    view! {
        <section class="rules-section">
            <h2>{section.title}</h2>
            {rules}
        </section>
    }
}

#[component]
fn RuleView(rule: Rule) -> impl IntoView {
    let id = rule.id;
    let statement = rule
        .statement
        .into_iter()
        .map(|s| view! { <p>{s}</p> })
        .collect_view();
    let examples = rule
        .examples
        .into_iter()
        .enumerate()
        .map(
            |(i, example)| view! { <ExampleView example testid=format!("regle-{id}-{}", i + 1) /> },
        )
        .collect_view();
    view! {
        <article class="rule card" id=format!("regle-{id}") aria-labelledby=format!("titre-regle-{id}")>
            <h3 id=format!("titre-regle-{id}")>{rule.title}</h3>
            <p class="rule-source"><span class="label">"Source : "</span>{rule.source}</p>
            {statement}
            {examples}
        </article>
    }
}

#[component]
fn ExampleView(example: Example, testid: String) -> impl IntoView {
    let figures = example
        .figures
        .into_iter()
        .map(|f| {
            let key = format!("{testid}-{}", f.key);
            view! {
                <dt>{f.label}</dt>
                <dd data-testid=key>{f.value}</dd>
            }
        })
        .collect_view();
    view! {
        <figure class="example" data-testid=testid.clone()>
            <figcaption>{format!("Exemple : {}.", example.setting)}</figcaption>
            <dl class="figures">{figures}</dl>
        </figure>
    }
}
