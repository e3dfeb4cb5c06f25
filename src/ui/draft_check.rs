//! « Vérifier la demande »: every point a draft's enrolment request still lacks, or that
//! it is complete (the draft's page and the request's page).

use leptos::prelude::*;

use crate::domain::draft::DraftField;
use crate::domain::fr::count_fr;

#[component]
pub fn Checklist(problems: Memo<Vec<(DraftField, String)>>) -> impl IntoView {
    view! {
        <div class="checklist" data-testid="verification">
            {move || {
                let problems = problems.get();
                if problems.is_empty() {
                    return view! { <p class="ok-text">"La demande est complète."</p> }.into_any();
                }
                let n = problems.len();
                view! {
                    <p>{format!("{} à compléter :", count_fr(n, "point", "points"))}</p>
                    <ul>
                        {problems.into_iter().map(|(f, m)| view! { <li>{format!("{} — {m}", f.label())}</li> }).collect_view()}
                    </ul>
                }.into_any()
            }}
        </div>
    }
}
