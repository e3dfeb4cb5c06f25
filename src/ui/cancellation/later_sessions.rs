//! Where a postponed trainee can go: the open sessions after the training's start (the
//! CGV: « à une formation ultérieure, dûment programmée au catalogue »).

use chrono::NaiveDate;
use leptos::prelude::*;

use crate::domain::sessions::label_fr;
use crate::ui::context::use_app;
use crate::ui::sessions::SessionLines;

#[component]
pub fn LaterSessions(start: NaiveDate) -> impl IntoView {
    let c = use_app().catalogue.clone();
    let later: Vec<String> = c
        .open_sessions_after(start)
        .into_iter()
        .map(label_fr)
        .collect();
    view! {
        <section aria-labelledby="titre-sessions-ulterieures" data-testid="sessions-ulterieures">
            <h3 id="titre-sessions-ulterieures">"Sessions ultérieures pour un report"</h3>
            <SessionLines lines=later />
        </section>
    }
}
