//! What the calculators' result panels share: the last valid result kept while an input
//! is being retyped, and the notice saying so.

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

/// Said while the current input has no result but the last valid one stays on screen.
pub fn kept_result_notice() -> AnyView {
    view! {
        <p class="notice warn" role="status">"Saisie incomplète ou invalide : le dernier résultat valide reste affiché. Corrigez le champ signalé."</p>
    }
    .into_any()
}
