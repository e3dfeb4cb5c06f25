//! What an empty result panel shows before its fields are filled: what to type, and a
//! finished answer as an example (computed by the domain, so it is always a true one).

use leptos::prelude::*;

/// `hint` (what to type and what will appear), then `example`'s setting and answer.
#[component]
pub fn ResultPlaceholder(
    hint: &'static str,
    example: Option<(String, String)>,
    testid: &'static str,
) -> impl IntoView {
    view! {
        <div class="placeholder" data-testid=testid>
            <p class="hint" role="status">{hint}</p>
            {example.map(|(setting, answer)| view! {
                <figure class="example">
                    <figcaption>{format!("Exemple : {setting}.")}</figcaption>
                    <p class="answer">{answer}</p>
                </figure>
            })}
        </div>
    }
}
