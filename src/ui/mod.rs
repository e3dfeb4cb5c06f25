//! The Leptos screens.
