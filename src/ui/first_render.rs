//! A page's first render, cut into short tasks behind its prerendered preview.
//!
//! A page shows its screen prerendered (`edge::preview`) until its app has rendered the same
//! screen. Rendering it all at once is one long task, which a phone's slow processor turns
//! into a blocked page for a few hundred milliseconds; so the app renders out of the
//! document, each [`Later`] part in a task of its own, and takes the preview's place once
//! every part is there: the reader sees the preview, then the app, nothing in between.
//! Once the page has started, and on pages without a preview, [`Later`] renders at once.

use std::time::Duration;

use leptos::prelude::*;

/// The parts of the first render still to come.
#[derive(Clone, Copy)]
pub struct FirstRender {
    pending: RwSignal<usize>,
    active: RwSignal<bool>,
}

impl FirstRender {
    /// A first render cut into parts; `done` runs, in a task of its own, once every part
    /// has rendered. To be provided as a context to the app.
    pub fn new(done: impl FnOnce() + 'static) -> Self {
        let first = Self {
            pending: RwSignal::new(0),
            active: RwSignal::new(true),
        };
        let done = StoredValue::new_local(Some(Box::new(done) as Box<dyn FnOnce()>));
        Effect::new(move |_| {
            if first.active.get() && first.pending.get() == 0 {
                set_timeout(
                    move || {
                        // A part may have started another one meanwhile.
                        if first.pending.get_untracked() == 0 && first.active.get_untracked() {
                            first.active.set(false);
                            if let Some(done) = done.try_update_value(Option::take).flatten() {
                                done();
                            }
                        }
                    },
                    Duration::ZERO,
                );
            }
        });
        first
    }
}

/// `children`, rendered in a task of their own during the page's first render (see the
/// module), at once otherwise.
#[component]
pub fn Later(children: ChildrenFn) -> impl IntoView {
    let first = use_context::<FirstRender>().filter(|f| f.active.get_untracked());
    let ready = RwSignal::new(first.is_none());
    if let Some(first) = first {
        first.pending.update(|n| *n += 1);
        set_timeout(
            move || {
                ready.set(true);
                first.pending.update(|n| *n -= 1);
            },
            Duration::ZERO,
        );
    }
    move || ready.get().then(|| children())
}
