//! A control with its label, hint and message, tied by `aria-describedby`; the message
//! also sets `aria-invalid` and is announced politely. The page decides what the message
//! is (the [`super::Visits`] rule); the field reports that it was visited.

use leptos::prelude::*;

/// The ids tying a control to its hint and its message, and its `aria-describedby`:
/// `aide-KEY` and `erreur-KEY`, where KEY is the control's id unless told otherwise.
pub struct FieldIds {
    pub error_id: String,
    pub hint_id: String,
    pub described: String,
}

impl FieldIds {
    pub fn new(key: &str, has_hint: bool) -> Self {
        let error_id = format!("erreur-{key}");
        let hint_id = format!("aide-{key}");
        let described = if has_hint {
            format!("{hint_id} {error_id}")
        } else {
            error_id.clone()
        };
        Self {
            error_id,
            hint_id,
            described,
        }
    }
}

/// The hint (when there is one) and the message under a control.
#[component]
fn HintAndMessage(
    ids: FieldIds,
    hint: Option<Signal<String>>,
    message: Signal<Option<String>>,
) -> impl IntoView {
    view! {
        {hint.map(|h| view! { <p id=ids.hint_id class="hint">{move || h.get()}</p> })}
        <p id=ids.error_id class="error-text" aria-live="polite">{move || message.get()}</p>
    }
}

/// A one-line control (`text`, `date`, `number`, `email`, `tel`).
#[component]
pub fn TextField(
    #[prop(into)] id: String,
    #[prop(into)] label: Signal<String>,
    #[prop(into)] value: Signal<String>,
    on_input: Callback<String>,
    #[prop(into, optional)] message: Signal<Option<String>>,
    #[prop(into, optional)] hint: Option<Signal<String>>,
    #[prop(optional)] on_visit: Option<Callback<()>>,
    /// The key of the hint's and message's ids, when it is not the control's id.
    #[prop(into, optional)]
    key: Option<String>,
    #[prop(default = "text")] kind: &'static str,
    #[prop(optional)] inputmode: Option<&'static str>,
    #[prop(default = "off")] autocomplete: &'static str,
    #[prop(optional)] maxlength: Option<usize>,
    #[prop(into, optional)] min: Option<String>,
    #[prop(into, optional)] max: Option<String>,
    #[prop(optional)] step: Option<&'static str>,
    /// A hint shared with other fields, described before this field's own.
    #[prop(optional)]
    shared_hint: Option<&'static str>,
) -> impl IntoView {
    let mut ids = FieldIds::new(key.as_deref().unwrap_or(&id), hint.is_some());
    if let Some(shared) = shared_hint {
        ids.described = format!("{shared} {}", ids.described);
    }
    let visit = move || {
        if let Some(v) = on_visit {
            v.run(());
        }
    };
    view! {
        <div class="field">
            <label for=id.clone()>{move || label.get()}</label>
            <input id=id type=kind inputmode=inputmode autocomplete=autocomplete
                maxlength=maxlength.map(|n| n.to_string()) min=min max=max step=step
                aria-describedby=ids.described.clone()
                aria-invalid=move || message.with(Option::is_some).to_string()
                prop:value=move || value.get()
                on:input=move |ev| on_input.run(event_target_value(&ev))
                on:change=move |ev| { on_input.run(event_target_value(&ev)); visit(); }
                on:blur=move |_| visit() />
            <HintAndMessage ids=ids hint=hint message=message />
        </div>
    }
}

/// A multi-line text control.
#[component]
pub fn TextArea(
    #[prop(into)] id: String,
    #[prop(into)] label: String,
    #[prop(into)] value: Signal<String>,
    on_input: Callback<String>,
    #[prop(into, optional)] message: Signal<Option<String>>,
    #[prop(into, optional)] hint: Option<Signal<String>>,
    #[prop(optional)] on_visit: Option<Callback<()>>,
    rows: u32,
    maxlength: usize,
) -> impl IntoView {
    let ids = FieldIds::new(&id, hint.is_some());
    view! {
        <div class="field">
            <label for=id.clone()>{label}</label>
            <textarea id=id rows=rows.to_string() maxlength=maxlength.to_string()
                aria-describedby=ids.described.clone()
                aria-invalid=move || message.with(Option::is_some).to_string()
                prop:value=move || value.get()
                on:input=move |ev| on_input.run(event_target_value(&ev))
                on:blur=move |_| if let Some(v) = on_visit { v.run(()) }></textarea>
            <HintAndMessage ids=ids hint=hint message=message />
        </div>
    }
}

/// A select among `options` (value, label); `empty` labels the "nothing chosen" option.
#[component]
pub fn ChoiceSelect(
    #[prop(into)] id: String,
    #[prop(into)] label: String,
    options: Vec<(String, String)>,
    #[prop(into)] value: Signal<String>,
    on_change: Callback<String>,
    #[prop(into, optional)] message: Signal<Option<String>>,
    #[prop(into, optional)] hint: Option<Signal<String>>,
    #[prop(optional)] empty: Option<&'static str>,
) -> impl IntoView {
    let ids = FieldIds::new(&id, hint.is_some());
    let options = options
        .into_iter()
        .map(|(key, text)| {
            let current = key.clone();
            view! { <option value=key selected=move || value.with(|v| *v == current)>{text}</option> }
        })
        .collect_view();
    view! {
        <div class="field">
            <label for=id.clone()>{label}</label>
            <select id=id aria-describedby=ids.described.clone()
                aria-invalid=move || message.with(Option::is_some).to_string()
                on:change=move |ev| on_change.run(event_target_value(&ev))>
                {empty.map(|text| view! { <option value="" selected=move || value.with(String::is_empty)>{text}</option> })}
                {options}
            </select>
            <HintAndMessage ids=ids hint=hint message=message />
        </div>
    }
}
