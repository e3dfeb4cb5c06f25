//! `/brouillons/ID`: one draft — the enrolment details (client, trainees, funding, session
//! wishes, accessibility, notes), saved as the user types, its quote priced from the
//! catalogue, and its export as an enrolment request (file or clipboard).

use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::components::A;
use leptos_router::hooks::{use_navigate, use_params_map};
use leptos_router::NavigateOptions;

use crate::domain::calendar::{format_iso_date, parse_iso_date};
use crate::domain::draft::{
    ClientKind, Draft, DraftField, Trainee, MAX_LINE_CHARS, MAX_TEXT_CHARS, MAX_TRAINEES,
    MAX_TYPED_CHARS,
};
use crate::domain::exchange::{enrolment_request_json, request_file_name};
use crate::domain::money::format_eur;
use crate::domain::pricing::{price_quote, Quote, QuoteField};
use crate::domain::quote_form::{FieldError, FundingChoice};
use crate::edge::clipboard::copy_text;
use crate::edge::clock::now_rfc3339;
use crate::edge::files::download_text;
use crate::ui::app::use_app;
use crate::ui::devis_page::DRAFT_PARAM;
use crate::ui::drafts_page::StorageMessages;
use crate::ui::drafts_state::{use_drafts, SaveState};
use crate::ui::quote_lines::QuoteLines;
use crate::ui::quote_state::use_quote_state;
use crate::ui::title::DocumentTitle;

#[component]
pub fn DraftPage() -> impl IntoView {
    let drafts = use_drafts();
    let params = use_params_map();
    let id = Memo::new(move |_| params.read().get("id").unwrap_or_default());
    // The open draft is kept as it is here when another tab writes.
    Effect::new(move |_| drafts.editing.set(Some(id.get())));
    on_cleanup(move || drafts.editing.set(None));
    let exists = Memo::new(move |_| {
        let id = id.get();
        drafts.store.with(|s| s.get(&id).is_some())
    });
    view! {
        <Show when=move || exists.get() fallback=move || view! { <UnknownDraft id=id.get() /> }>
            {move || view! { <DraftEditor id=id.get() /> }}
        </Show>
    }
}

#[component]
fn UnknownDraft(id: String) -> impl IntoView {
    let app = use_app();
    let shown: String = id.chars().take(64).collect();
    view! {
        <DocumentTitle name="Brouillon introuvable".to_string() />
        <h1>"Brouillon introuvable"</h1>
        <p role="alert" data-testid="brouillon-introuvable">
            {format!("Aucun brouillon « {shown} » n'est enregistré dans ce navigateur : il a peut-être été supprimé, ou créé dans un autre navigateur (importez-le alors depuis la liste).")}
        </p>
        <p><A href=app.href("/brouillons")>"Revenir à la liste des brouillons"</A></p>
    }
}

/// Which field messages are shown: those of the fields the user has typed in, or every
/// one once "Vérifier la demande" is pressed.
#[derive(Clone, Copy)]
struct Checks {
    problems: Memo<Vec<(DraftField, String)>>,
    touched: RwSignal<Vec<DraftField>>,
    all: RwSignal<bool>,
}

impl Checks {
    /// The field's message, once the field was visited (or every field shown).
    fn message(&self, field: DraftField) -> Option<String> {
        if !(self.all.get() || self.touched.with(|t| t.contains(&field))) {
            return None;
        }
        self.problem(field)
    }

    /// The field's message whether visited or not: for a choice that conflicts with another.
    fn problem(&self, field: DraftField) -> Option<String> {
        self.problems
            .with(|p| p.iter().find(|(f, _)| *f == field).map(|(_, m)| m.clone()))
    }

    fn touch(&self, field: DraftField) {
        if !self.touched.with_untracked(|t| t.contains(&field)) {
            self.touched.update(|t| t.push(field));
        }
    }
}

/// A change to the open draft: shown at once, written after a pause in typing.
type Change = Box<dyn FnOnce(&mut Draft)>;

#[component]
fn DraftEditor(id: String) -> impl IntoView {
    let app = use_app();
    let drafts = use_drafts();
    let quote_state = use_quote_state();
    let navigate = use_navigate();
    let catalogue = app.catalogue.clone();
    let today = drafts.today;

    let id = StoredValue::new(id);
    let draft = Memo::new(move |_| {
        let id = id.get_value();
        drafts.store.with(|s| s.get(&id).cloned())
    });
    let status = RwSignal::new(None::<String>);
    let copied_json = RwSignal::new(None::<String>);
    let read = move |f: fn(&Draft) -> String| draft.with(|d| d.as_ref().map(f).unwrap_or_default());
    let edit = move |change: Change| {
        if let Err(message) = drafts.update_draft_as_typed(&id.get_value(), change) {
            status.set(Some(message));
        }
    };
    // Leaving the editor writes what typing left waiting.
    on_cleanup(move || drafts.write_pending());

    let cat = catalogue.clone();
    let checks = Checks {
        problems: Memo::new(move |_| {
            draft.with(|d| d.as_ref().map(|d| d.problems(&cat)).unwrap_or_default())
        }),
        touched: RwSignal::new(Vec::new()),
        all: RwSignal::new(false),
    };

    let cat = catalogue.clone();
    let priced = Memo::new(move |_| -> Option<Result<Quote, Vec<FieldError>>> {
        draft.with(|d| {
            d.as_ref().map(|d| {
                d.form.to_request(&cat, today).and_then(|request| {
                    price_quote(&cat, &request).map_err(|e| {
                        vec![FieldError {
                            field: e.field(),
                            message: e.message(),
                        }]
                    })
                })
            })
        })
    });
    let quote_error = move |field: QuoteField| {
        priced.with(|p| match p {
            Some(Err(errors)) => errors
                .iter()
                .find(|e| e.field == field)
                .map(|e| e.message.clone()),
            _ => None,
        })
    };

    let name = move || read(|d| d.name.clone());
    let kind = move || {
        draft.with(|d| {
            d.as_ref()
                .map(|d| d.enrolment.client.kind)
                .unwrap_or_default()
        })
    };
    let funding = move || draft.with(|d| d.as_ref().map(|d| d.form.funding).unwrap_or_default());
    let funding_error =
        move || quote_error(QuoteField::Funding).or_else(|| checks.problem(DraftField::Funding));
    let trainee_count =
        move || draft.with(|d| d.as_ref().map_or(0, |d| d.enrolment.trainees.len()));
    let trainees_full = move || trainee_count() >= MAX_TRAINEES;

    let load_into_simulator = move |_| {
        if let Some(d) = draft.get_untracked() {
            quote_state.form.set(d.form);
            quote_state.touched.set(true);
            drafts.simulator_draft.set(Some(d.id));
            navigate("/simulateur", NavigateOptions::default());
        }
    };

    let cat = catalogue.clone();
    let export = move |_| {
        let Some(d) = draft.get_untracked() else {
            return;
        };
        let now = now_rfc3339();
        let result = enrolment_request_json(&d, &cat, today, &now)
            .map_err(|e| format!("La demande n'a pas pu être exportée. {e}"))
            .and_then(|json| {
                let file = request_file_name(&d, &now);
                download_text(&file, &json, "application/json").map(|()| file)
            });
        status.set(Some(match result {
            Ok(file) => {
                let missing = checks.problems.with_untracked(Vec::len);
                if missing == 0 {
                    format!("Demande d'inscription téléchargée : {file}.")
                } else {
                    format!(
                        "Demande d'inscription téléchargée : {file}. Attention, {missing} point{s} reste{nt} à compléter (« Vérifier la demande »).",
                        s = if missing > 1 { "s" } else { "" },
                        nt = if missing > 1 { "nt" } else { "" },
                    )
                }
            }
            Err(message) => message,
        }));
    };

    let cat = catalogue.clone();
    let copy = move |_| {
        let Some(d) = draft.get_untracked() else {
            return;
        };
        match enrolment_request_json(&d, &cat, today, &now_rfc3339()) {
            Ok(json) => spawn_local(async move {
                match copy_text(&json).await {
                    Ok(()) => {
                        copied_json.set(None);
                        status.set(Some(
                            "JSON de la demande copié dans le presse-papiers.".into(),
                        ));
                    }
                    Err(message) => {
                        copied_json.set(Some(json));
                        status.set(Some(message));
                    }
                }
            }),
            Err(e) => status.set(Some(format!("La demande n'a pas pu être exportée. {e}"))),
        }
    };

    let opcos = catalogue.opcos.clone();
    let places = catalogue.course.places.clone();
    let modes = catalogue.course.modes.clone();
    let accessibility_note = catalogue.course.accessibility.clone();
    let href_list = app.href("/brouillons");
    let href_devis = app.href(&format!("/devis?{DRAFT_PARAM}={}", id.get_value()));

    view! {
        <nav aria-label="Fil d'Ariane" class="breadcrumb">
            <A href=href_list>"Brouillons"</A>
            " › "
            <span aria-current="page">{name}</span>
        </nav>
        <DocumentTitle name=Signal::derive(move || format!("Brouillon « {} »", name())) />
        <h1>"Brouillon : "{name}</h1>
        <p class="hint">"Chaque saisie est enregistrée dans ce navigateur. Les champs marqués d'un astérisque (*) sont nécessaires à la demande d'inscription."</p>
        <p class="save-state" data-testid="etat-enregistrement"
            class:pending=move || drafts.save_state.get() == SaveState::Pending>
            {move || drafts.save_state.get().label_fr()}
        </p>
        <StorageMessages />
        <p role="status" aria-live="polite" class="draft-status" data-testid="statut-brouillon">{move || status.get()}</p>
        <div class="layout-2">
            <form class="draft-form" aria-label="Détails de l'inscription" on:submit=|ev| ev.prevent_default()>
                <TextInput input_id="nom-brouillon" label="Nom du brouillon *" field=DraftField::Name checks=checks
                    value=Signal::derive(move || read(|d| d.name.clone()))
                    on_input=Callback::new(move |v: String| edit(Box::new(move |d| d.name = v))) />

                <fieldset>
                    <legend>"Client"</legend>
                    <div class="choice-row" role="radiogroup" aria-label="Type de client">
                        {ClientKind::ALL.into_iter().map(|k| {
                            let input_id = format!("client-{}", k.key());
                            view! {
                                <div class="choice">
                                    <input type="radio" name="client-type" id=input_id.clone()
                                        prop:checked=move || kind() == k
                                        on:change=move |_| edit(Box::new(move |d| d.enrolment.client.kind = k)) />
                                    <label for=input_id>{k.label()}</label>
                                </div>
                            }
                        }).collect_view()}
                    </div>
                    <TextInput input_id="client-nom" label="Nom du client *" field=DraftField::ClientName checks=checks
                        autocomplete="organization"
                        value=Signal::derive(move || read(|d| d.enrolment.client.name.clone()))
                        on_input=Callback::new(move |v: String| edit(Box::new(move |d| d.enrolment.client.name = v))) />
                    <TextInput input_id="client-siret" label="SIRET" field=DraftField::ClientSiret checks=checks
                        inputmode="numeric" max_chars=MAX_TYPED_CHARS
                        hint=Signal::derive(move || if kind() == ClientKind::Company {
                            "Obligatoire pour une entreprise : 14 chiffres (espaces permis), clé de contrôle vérifiée.".to_string()
                        } else {
                            "Facultatif pour un particulier.".to_string()
                        })
                        value=Signal::derive(move || read(|d| d.enrolment.client.siret.clone()))
                        on_input=Callback::new(move |v: String| edit(Box::new(move |d| d.enrolment.client.siret = v))) />
                    <TextArea input_id="client-adresse" label="Adresse" field=DraftField::ClientAddress checks=checks rows=3
                        value=Signal::derive(move || read(|d| d.enrolment.client.address.clone()))
                        on_input=Callback::new(move |v: String| edit(Box::new(move |d| d.enrolment.client.address = v))) />
                    <TextInput input_id="client-email" label="E-mail du client *" field=DraftField::ClientEmail checks=checks
                        kind="email" autocomplete="email"
                        value=Signal::derive(move || read(|d| d.enrolment.client.email.clone()))
                        on_input=Callback::new(move |v: String| edit(Box::new(move |d| d.enrolment.client.email = v))) />
                    <TextInput input_id="client-telephone" label="Téléphone du client" field=DraftField::ClientPhone checks=checks
                        kind="tel" autocomplete="tel" max_chars=MAX_TYPED_CHARS
                        value=Signal::derive(move || read(|d| d.enrolment.client.phone.clone()))
                        on_input=Callback::new(move |v: String| edit(Box::new(move |d| d.enrolment.client.phone = v))) />
                </fieldset>

                <fieldset aria-describedby="erreur-stagiaires-liste">
                    <legend>"Stagiaires"</legend>
                    <p class="hint">"Les personnes qui suivront la formation ; leur nombre ne peut dépasser celui de la simulation."</p>
                    <For each=move || 0..trainee_count() key=|i| *i let:i>
                        <TraineeFields index=i checks=checks draft=draft edit=edit />
                    </For>
                    <p id="erreur-stagiaires-liste" class="error-text">{move || checks.message(DraftField::Trainees)}</p>
                    <button type="button" class="secondary"
                        disabled=trainees_full
                        on:click=move |_| {
                            checks.touch(DraftField::Trainees);
                            edit(Box::new(|d| {
                                if d.enrolment.trainees.len() < MAX_TRAINEES {
                                    d.enrolment.trainees.push(Trainee::default());
                                }
                            }));
                        }>"Ajouter un stagiaire"</button>
                </fieldset>

                <fieldset>
                    <legend>"Financement"</legend>
                    <div class="field">
                        <label for="brouillon-financement">"Financement"</label>
                        <select id="brouillon-financement" aria-describedby="erreur-brouillon-financement"
                            aria-invalid=move || funding_error().is_some().to_string()
                            on:change=move |ev| {
                                let choice = FundingChoice::from_key(&event_target_value(&ev)).unwrap_or_default();
                                edit(Box::new(move |d| d.form.funding = choice));
                            }>
                            {FundingChoice::ALL.into_iter().map(|c| view! {
                                <option value=c.key() selected=move || funding() == c>{c.label()}</option>
                            }).collect_view()}
                        </select>
                        <p id="erreur-brouillon-financement" class="error-text">{funding_error}</p>
                    </div>
                    <Show when=move || funding() == FundingChoice::Opco>
                        <div class="field">
                            <label for="brouillon-opco">"OPCO *"</label>
                            <select id="brouillon-opco" aria-describedby="erreur-brouillon-opco"
                                aria-invalid=move || checks.message(DraftField::OpcoName).is_some().to_string()
                                on:change=move |ev| {
                                    let v = event_target_value(&ev);
                                    checks.touch(DraftField::OpcoName);
                                    edit(Box::new(move |d| d.enrolment.funding.opco_name = v));
                                }>
                                <option value="" selected=move || read(|d| d.enrolment.funding.opco_name.clone()).is_empty()>"— Choisir l'OPCO —"</option>
                                {opcos.iter().map(|o| {
                                    let o = o.clone();
                                    let value = o.clone();
                                    let current = o.clone();
                                    view! { <option value=value selected=move || read(|d| d.enrolment.funding.opco_name.clone()) == current>{o}</option> }
                                }).collect_view()}
                            </select>
                            <p id="erreur-brouillon-opco" class="error-text">{move || checks.message(DraftField::OpcoName)}</p>
                        </div>
                        <div class="field">
                            <label for="brouillon-montant-opco">"Montant pris en charge par l'OPCO"</label>
                            <input id="brouillon-montant-opco" type="text" inputmode="decimal" autocomplete="off" maxlength="20"
                                aria-describedby="erreur-brouillon-montant-opco"
                                aria-invalid=move || quote_error(QuoteField::OpcoAmount).is_some().to_string()
                                prop:value=move || read(|d| d.form.opco_amount.clone())
                                on:input=move |ev| { let v = event_target_value(&ev); edit(Box::new(move |d| d.form.opco_amount = v)); } />
                            <p id="erreur-brouillon-montant-opco" class="error-text">{move || quote_error(QuoteField::OpcoAmount)}</p>
                        </div>
                    </Show>
                    <Show when=move || funding() == FundingChoice::Cpf>
                        <div class="field">
                            <label for="brouillon-solde-cpf">"Solde CPF"</label>
                            <input id="brouillon-solde-cpf" type="text" inputmode="decimal" autocomplete="off" maxlength="20"
                                aria-describedby="erreur-brouillon-solde-cpf"
                                aria-invalid=move || quote_error(QuoteField::CpfBalance).is_some().to_string()
                                prop:value=move || read(|d| d.form.cpf_balance.clone())
                                on:input=move |ev| { let v = event_target_value(&ev); edit(Box::new(move |d| d.form.cpf_balance = v)); } />
                            <p id="erreur-brouillon-solde-cpf" class="error-text">{move || quote_error(QuoteField::CpfBalance)}</p>
                        </div>
                        <div class="choice">
                            <input type="checkbox" id="brouillon-cpf-exonere"
                                prop:checked=move || draft.with(|d| d.as_ref().is_some_and(|d| d.form.cpf_exempt))
                                on:change=move |ev| { let v = event_target_checked(&ev); edit(Box::new(move |d| d.form.cpf_exempt = v)); } />
                            <label for="brouillon-cpf-exonere">"Dispensé de la participation forfaitaire (demandeur d'emploi, abondement de l'employeur)"</label>
                        </div>
                    </Show>
                </fieldset>

                <fieldset>
                    <legend>"Session souhaitée"</legend>
                    <ChoiceSelect input_id="brouillon-lieu" label="Lieu" field=DraftField::Place checks=checks
                        options=places
                        value=Signal::derive(move || read(|d| d.enrolment.place.clone()))
                        on_change=Callback::new(move |v: String| edit(Box::new(move |d| d.enrolment.place = v))) />
                    <ChoiceSelect input_id="brouillon-modalite" label="Modalité" field=DraftField::Mode checks=checks
                        options=modes
                        value=Signal::derive(move || read(|d| d.enrolment.mode.clone()))
                        on_change=Callback::new(move |v: String| edit(Box::new(move |d| d.enrolment.mode = v))) />
                    <div class="field">
                        <label for="brouillon-debut">"Date de début souhaitée"</label>
                        <input id="brouillon-debut" type="date" min="1900-01-01" max="2200-12-31"
                            prop:value=move || draft.with(|d| d.as_ref().and_then(|d| d.enrolment.start_wish).map(format_iso_date).unwrap_or_default())
                            on:change=move |ev| {
                                let v = parse_iso_date(&event_target_value(&ev));
                                edit(Box::new(move |d| d.enrolment.start_wish = v));
                            } />
                    </div>
                </fieldset>

                <TextArea input_id="brouillon-accessibilite" label="Besoins d'accessibilité" field=DraftField::Accessibility checks=checks rows=3
                    hint=accessibility_note
                    value=Signal::derive(move || read(|d| d.enrolment.accessibility.clone()))
                    on_input=Callback::new(move |v: String| edit(Box::new(move |d| d.enrolment.accessibility = v))) />
                <TextArea input_id="brouillon-notes" label="Notes" field=DraftField::Notes checks=checks rows=4
                    value=Signal::derive(move || read(|d| d.enrolment.notes.clone()))
                    on_input=Callback::new(move |v: String| edit(Box::new(move |d| d.enrolment.notes = v))) />
            </form>

            <div class="draft-side">
                <section class="results" aria-labelledby="titre-devis-brouillon">
                    <h2 id="titre-devis-brouillon">"Devis de ce brouillon"</h2>
                    {move || priced.get().map(|p| match p {
                        Ok(q) => view! { <DraftQuote quote=q /> }.into_any(),
                        Err(errors) => view! {
                            <p class="notice warn" data-testid="brouillon-devis-invalide">
                                "La simulation de ce brouillon ne donne pas de devis : "
                                {errors.iter().map(|e| format!("{} : {}", e.field.label(), e.message)).collect::<Vec<_>>().join(" ")}
                            </p>
                        }.into_any(),
                    })}
                    <div class="toolbar">
                        <button type="button" class="secondary" on:click=load_into_simulator>"Modifier dans le simulateur"</button>
                        <Show when=move || priced.with(|p| matches!(p, Some(Ok(_))))>
                            <A href=href_devis.clone() attr:class="button secondary">"Imprimer le devis"</A>
                        </Show>
                    </div>
                </section>

                <section aria-labelledby="titre-export">
                    <h2 id="titre-export">"Demande d'inscription"</h2>
                    <p class="hint">"Un document JSON à envoyer à Co&Sens : client, stagiaires, sélection, financement et devis détaillé."</p>
                    <div class="toolbar">
                        <button type="button" on:click=export>"Exporter en JSON"</button>
                        <button type="button" class="secondary" on:click=copy>"Copier le JSON"</button>
                        <button type="button" class="secondary" on:click=move |_| checks.all.set(true)>"Vérifier la demande"</button>
                    </div>
                    <Show when=move || checks.all.get()>
                        <div class="checklist" data-testid="verification">
                            {move || {
                                let problems = checks.problems.get();
                                if problems.is_empty() {
                                    view! { <p class="ok-text">"La demande est complète."</p> }.into_any()
                                } else {
                                    let n = problems.len();
                                    view! {
                                        <p>{format!("{n} point{} à compléter :", if n > 1 { "s" } else { "" })}</p>
                                        <ul>
                                            {problems.into_iter().map(|(f, m)| view! { <li>{format!("{} — {m}", f.label())}</li> }).collect_view()}
                                        </ul>
                                    }.into_any()
                                }
                            }}
                        </div>
                    </Show>
                    {move || copied_json.get().map(|json| view! {
                        <div class="field">
                            <label for="json-demande">"JSON de la demande (à copier)"</label>
                            <textarea id="json-demande" readonly rows="8">{json}</textarea>
                        </div>
                    })}
                </section>
            </div>
        </div>
    }
}

/// The ids tying a control to its hint and its message, and its `aria-describedby`.
struct FieldIds {
    error_id: String,
    hint_id: String,
    described: String,
}

impl FieldIds {
    fn new(input_id: &str, has_hint: bool) -> Self {
        let error_id = format!("erreur-{input_id}");
        let hint_id = format!("aide-{input_id}");
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

/// A one-line text control with its label, hint and message (linked by
/// `aria-describedby`).
#[component]
fn TextInput(
    input_id: &'static str,
    label: &'static str,
    field: DraftField,
    checks: Checks,
    #[prop(into)] value: Signal<String>,
    on_input: Callback<String>,
    #[prop(default = "text")] kind: &'static str,
    #[prop(default = "off")] autocomplete: &'static str,
    #[prop(optional)] inputmode: Option<&'static str>,
    #[prop(default = MAX_LINE_CHARS)] max_chars: usize,
    #[prop(optional, into)] hint: Option<Signal<String>>,
) -> impl IntoView {
    let FieldIds {
        error_id,
        hint_id,
        described,
    } = FieldIds::new(input_id, hint.is_some());
    let message = move || checks.message(field);
    view! {
        <div class="field">
            <label for=input_id>{label}</label>
            <input id=input_id type=kind autocomplete=autocomplete inputmode=inputmode
                maxlength=max_chars.to_string()
                aria-describedby=described
                aria-invalid=move || message().is_some().to_string()
                prop:value=move || value.get()
                on:input=move |ev| { checks.touch(field); on_input.run(event_target_value(&ev)); } />
            {hint.map(|h| view! { <p id=hint_id class="hint">{move || h.get()}</p> })}
            <p id=error_id class="error-text">{message}</p>
        </div>
    }
}

/// A multi-line text control with its label, hint and message.
#[component]
fn TextArea(
    input_id: &'static str,
    label: &'static str,
    field: DraftField,
    checks: Checks,
    rows: u32,
    #[prop(into)] value: Signal<String>,
    on_input: Callback<String>,
    #[prop(optional)] hint: Option<String>,
) -> impl IntoView {
    let FieldIds {
        error_id,
        hint_id,
        described,
    } = FieldIds::new(input_id, hint.is_some());
    let message = move || checks.message(field);
    view! {
        <div class="field">
            <label for=input_id>{label}</label>
            <textarea id=input_id rows=rows.to_string() maxlength=MAX_TEXT_CHARS.to_string()
                aria-describedby=described
                aria-invalid=move || message().is_some().to_string()
                prop:value=move || value.get()
                on:input=move |ev| { checks.touch(field); on_input.run(event_target_value(&ev)); }></textarea>
            {hint.map(|h| view! { <p id=hint_id class="hint">{h}</p> })}
            <p id=error_id class="error-text">{message}</p>
        </div>
    }
}

/// A select among the catalogue's values (place, mode), empty allowed.
#[component]
fn ChoiceSelect(
    input_id: &'static str,
    label: &'static str,
    field: DraftField,
    checks: Checks,
    options: Vec<String>,
    #[prop(into)] value: Signal<String>,
    on_change: Callback<String>,
) -> impl IntoView {
    let error_id = FieldIds::new(input_id, false).error_id;
    let message = move || checks.message(field);
    view! {
        <div class="field">
            <label for=input_id>{label}</label>
            <select id=input_id aria-describedby=error_id.clone()
                aria-invalid=move || message().is_some().to_string()
                on:change=move |ev| { checks.touch(field); on_change.run(event_target_value(&ev)); }>
                <option value="" selected=move || value.with(String::is_empty)>"— Indifférent —"</option>
                {options.into_iter().map(|o| {
                    let current = o.clone();
                    let label = o.clone();
                    view! { <option value=o selected=move || value.with(|v| *v == current)>{label}</option> }
                }).collect_view()}
            </select>
            <p id=error_id class="error-text">{message}</p>
        </div>
    }
}

/// One trainee's name, e-mail and job, and the button that removes them.
#[component]
fn TraineeFields(
    index: usize,
    checks: Checks,
    draft: Memo<Option<Draft>>,
    edit: impl Fn(Change) + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let n = index + 1;
    let get = move |f: fn(&Trainee) -> String| {
        draft.with(|d| {
            d.as_ref()
                .and_then(|d| d.enrolment.trainees.get(index))
                .map(f)
                .unwrap_or_default()
        })
    };
    let set = move |v: String, f: fn(&mut Trainee, String)| {
        edit(Box::new(move |d| {
            if let Some(t) = d.enrolment.trainees.get_mut(index) {
                f(t, v);
            }
        }))
    };
    let field_view = move |suffix: &'static str,
                           field: DraftField,
                           kind: &'static str,
                           getter: fn(&Trainee) -> String,
                           setter: fn(&mut Trainee, String)| {
        let input_id = format!("stagiaire-{n}-{suffix}");
        let error_id = FieldIds::new(&input_id, false).error_id;
        let message = move || checks.message(field);
        view! {
            <div class="field">
                <label for=input_id.clone()>{field.label()}</label>
                <input id=input_id type=kind autocomplete="off" maxlength=MAX_LINE_CHARS.to_string()
                    aria-describedby=error_id.clone()
                    aria-invalid=move || message().is_some().to_string()
                    prop:value=move || get(getter)
                    on:input=move |ev| { checks.touch(field); set(event_target_value(&ev), setter); } />
                <p id=error_id class="error-text">{message}</p>
            </div>
        }
    };
    view! {
        <div class="trainee" data-testid="stagiaire">
            <h3>{format!("Stagiaire {n}")}</h3>
            <div class="trainee-fields">
                {field_view("nom", DraftField::TraineeName(index), "text", |t| t.name.clone(), |t, v| t.name = v)}
                {field_view("email", DraftField::TraineeEmail(index), "email", |t| t.email.clone(), |t, v| t.email = v)}
                {field_view("fonction", DraftField::TraineeJob(index), "text", |t| t.job.clone(), |t, v| t.job = v)}
            </div>
            <button type="button" class="secondary"
                on:click=move |_| edit(Box::new(move |d| {
                    if index < d.enrolment.trainees.len() {
                        d.enrolment.trainees.remove(index);
                    }
                }))>{format!("Retirer le stagiaire {n}")}</button>
        </div>
    }
}

/// The draft's quote: its lines and totals.
#[component]
fn DraftQuote(quote: Quote) -> impl IntoView {
    view! {
        <QuoteLines lines=quote.lines.clone() caption="Lignes du devis, en euros hors taxes" />
        <div aria-live="polite" aria-atomic="true">
            <dl class="totals">
                <dt>"Total HT"</dt><dd data-testid="brouillon-total-ht">{format_eur(quote.total_ht)}</dd>
                <dt>"TVA"</dt><dd data-testid="brouillon-total-tva">{format_eur(quote.total_vat)}</dd>
                <dt>"Total TTC"</dt><dd data-testid="brouillon-total-ttc" class="big">{format_eur(quote.total_ttc)}</dd>
                <dt>"Prise en charge"</dt><dd data-testid="brouillon-prise-en-charge">{format_eur(quote.funded)}</dd>
                <dt>"Reste à charge"</dt><dd data-testid="brouillon-reste-a-charge">{format_eur(quote.remaining)}</dd>
            </dl>
        </div>
        {quote.vat_mention.clone().map(|m| view! { <p class="small">{m}</p> })}
    }
}
