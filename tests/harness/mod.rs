//! What the component tests share: the app's contexts on the fixture catalogue, the test
//! page's window and address, waiting for the reactive system to settle, and a view mounted
//! into its own element with the queries and user actions the tests drive it by. Each test
//! crate uses part of it.
#![allow(dead_code)]

use std::cell::RefCell;
use std::future::Future;
use std::pin::Pin;
use std::rc::Rc;
use std::task::{Context, Poll, Waker};

use chrono::NaiveDate;
use leptos::mount::{mount_to, UnmountHandle};
use leptos::prelude::*;
use leptos::tachys::view::Mountable;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Element, HtmlElement, HtmlInputElement, HtmlSelectElement};

use cosens_simulateur::domain::catalogue::Catalogue;
use cosens_simulateur::ui::groups::All;
use cosens_simulateur::ui::quote_state::QuoteState;
use cosens_simulateur::ui::router::Router;
use cosens_simulateur::ui::AppContext;
use cosens_simulateur::ui::PageGroup;

/// The catalogue the component tests run on, `tests/fixtures/catalogue.json`, whatever the
/// build embeds (the site's `data/catalogue.json` unless `COSENS_CATALOGUE` names another;
/// components.rs checks that the embedded one validates).
pub fn fixture_catalogue() -> Catalogue {
    Catalogue::from_json(include_str!("../fixtures/catalogue.json"))
        .expect("the fixture catalogue is valid")
}

/// The contexts `App` provides, for a component mounted on its own: the fixture catalogue
/// at the root of the host, and the shared quote priced on `today`.
pub fn provide_app_contexts(today: NaiveDate) {
    provide_app_contexts_on(fixture_catalogue(), today);
}

/// [`provide_app_contexts`] on another `catalogue` (the fixture changed by a test).
pub fn provide_app_contexts_on(catalogue: Catalogue, today: NaiveDate) {
    let app = AppContext::new(catalogue, "");
    provide_context(QuoteState::new(app.catalogue.clone(), today));
    provide_context(Router::new("", All::pages));
    provide_context(app);
}

pub fn window() -> web_sys::Window {
    web_sys::window().expect("a window")
}

pub fn document() -> web_sys::Document {
    window().document().expect("a document")
}

/// Puts the test page at `path` (same origin, no reload), so that the router, the
/// `?module=` query and `document.baseURI` read it as the app's address.
pub fn go_to(path: &str) {
    window()
        .history()
        .expect("history")
        .replace_state_with_url(&JsValue::NULL, "", Some(path))
        .expect("replaceState");
}

/// Resolves once a `setTimeout(0)` has fired: every microtask queued before it (Leptos
/// effects and renders) has then run.
pub struct Tick {
    state: Rc<RefCell<(bool, Option<Waker>)>>,
}

impl Future for Tick {
    type Output = ();

    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<()> {
        let mut state = self.state.borrow_mut();
        if state.0 {
            Poll::Ready(())
        } else {
            state.1 = Some(cx.waker().clone());
            Poll::Pending
        }
    }
}

pub fn tick() -> Tick {
    after_ms(0)
}

pub fn after_ms(ms: i32) -> Tick {
    let state = Rc::new(RefCell::new((false, None::<Waker>)));
    let fired = state.clone();
    let callback = Closure::<dyn FnMut()>::once_into_js(move || {
        let mut fired = fired.borrow_mut();
        fired.0 = true;
        if let Some(waker) = fired.1.take() {
            waker.wake();
        }
    });
    window()
        .set_timeout_with_callback_and_timeout_and_arguments_0(callback.unchecked_ref(), ms)
        .expect("setTimeout");
    Tick { state }
}

/// Lets the reactive system settle (a couple of macrotasks, for nested `Show`s and routes).
pub async fn settle() {
    for _ in 0..3 {
        tick().await;
    }
}

/// Collapses every run of whitespace (including U+202F and U+00A0, the French thousands
/// and currency separators) into one ASCII space.
pub fn normalise(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// A view mounted into its own `<div>` of the test page; unmounted and removed on drop.
pub struct Mounted<M: Mountable> {
    root: HtmlElement,
    _handle: UnmountHandle<M>,
}

impl<M: Mountable> Drop for Mounted<M> {
    fn drop(&mut self) {
        self.root.remove();
    }
}

pub async fn mount<F, N>(f: F) -> Mounted<N::State>
where
    F: FnOnce() -> N + 'static,
    N: IntoView,
{
    let root: HtmlElement = document()
        .create_element("div")
        .expect("a div")
        .unchecked_into();
    document()
        .body()
        .expect("a body")
        .append_child(&root)
        .expect("append");
    let handle = mount_to(root.clone(), f);
    settle().await;
    Mounted {
        root,
        _handle: handle,
    }
}

impl<M: Mountable> Mounted<M> {
    pub fn try_find(&self, selector: &str) -> Option<Element> {
        self.root
            .query_selector(selector)
            .expect("a valid selector")
    }

    pub fn find(&self, selector: &str) -> Element {
        self.try_find(selector)
            .unwrap_or_else(|| panic!("nothing matches {selector}"))
    }

    /// Every descendant matching `selector`, in document order.
    pub fn find_all(&self, selector: &str) -> Vec<Element> {
        fn walk(parent: &Element, selector: &str, found: &mut Vec<Element>) {
            let mut child = parent.first_element_child();
            while let Some(element) = child {
                if element.matches(selector).expect("a valid selector") {
                    found.push(element.clone());
                }
                walk(&element, selector, found);
                child = element.next_element_sibling();
            }
        }
        let mut found = Vec::new();
        walk(&self.root, selector, &mut found);
        found
    }

    /// The normalised text of the first element matching `selector`.
    pub fn text(&self, selector: &str) -> String {
        normalise(&self.find(selector).text_content().unwrap_or_default())
    }

    pub fn texts(&self, selector: &str) -> Vec<String> {
        self.find_all(selector)
            .iter()
            .map(|e| normalise(&e.text_content().unwrap_or_default()))
            .collect()
    }

    /// Types `value` into an input, as the user would: sets it and fires `input`.
    pub async fn type_into(&self, selector: &str, value: &str) {
        let input: HtmlInputElement = self.find(selector).unchecked_into();
        input.set_value(value);
        fire(&input, "input");
        settle().await;
    }

    /// Chooses an option of a `<select>` and fires `change`.
    pub async fn choose(&self, selector: &str, value: &str) {
        let select: HtmlSelectElement = self.find(selector).unchecked_into();
        select.set_value(value);
        assert_eq!(select.value(), value, "{selector} has no option {value}");
        fire(&select, "change");
        settle().await;
    }

    /// Clicks an element (a radio or a checkbox fires `input` and `change` itself).
    pub async fn click(&self, selector: &str) {
        let element: HtmlElement = self.find(selector).unchecked_into();
        element.click();
        settle().await;
    }

    /// Clicks the first element matching `selector` whose normalised text is `text` (a
    /// button named by its label).
    pub async fn click_text(&self, selector: &str, text: &str) {
        self.find_text(selector, text).click();
        settle().await;
    }

    /// The first element matching `selector` whose normalised text is `text`.
    pub fn find_text(&self, selector: &str, text: &str) -> HtmlElement {
        self.find_all(selector)
            .into_iter()
            .find(|e| normalise(&e.text_content().unwrap_or_default()) == text)
            .unwrap_or_else(|| panic!("no {selector} reads {text:?}"))
            .unchecked_into()
    }

    pub fn attribute(&self, selector: &str, name: &str) -> Option<String> {
        self.find(selector).get_attribute(name)
    }
}

/// Dispatches a bubbling event of type `kind` at `target`.
pub fn fire(target: &web_sys::EventTarget, kind: &str) {
    let event = document().create_event("Event").expect("an event");
    event.init_event_with_bubbles(kind, true);
    target.dispatch_event(&event).expect("dispatch");
}
