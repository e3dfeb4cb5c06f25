//! What the calculators' result panels share: the last valid result kept while an input
//! is being retyped, and the line saying why the current input has no result.

use leptos::prelude::*;

/// The last valid result of `computed`: kept while an input is retyped, cleared by an
/// error that `clears` says no retyping of one field will fix.
pub fn last_valid<T, E>(
    computed: Memo<Result<T, Vec<E>>>,
    clears: fn(&E) -> bool,
) -> Memo<Option<T>>
where
    T: Clone + PartialEq + Send + Sync + 'static,
    E: Clone + PartialEq + Send + Sync + 'static,
{
    Memo::new(move |previous: Option<&Option<T>>| match computed.get() {
        Ok(result) => Some(result),
        Err(errors) if errors.iter().any(clears) => None,
        Err(_) => previous.cloned().flatten(),
    })
}

/// Why there is no result for the current input: the last valid one stays on screen, or
/// `prompt` says what to fill in.
pub fn input_status(keeps_last: bool, prompt: &'static str) -> AnyView {
    if keeps_last {
        view! {
            <p class="notice warn" role="status">"Saisie incomplète ou invalide : le dernier résultat valide reste affiché. Corrigez le champ signalé."</p>
        }
        .into_any()
    } else {
        view! { <p class="hint" role="status">{prompt}</p> }.into_any()
    }
}
