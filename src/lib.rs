//! Co&Sens course simulator.
//!
//! - [`domain`]: the rules, pure Rust, tested natively.
//! - `ui`: the Leptos screens (feature `web`).
//! - `edge`: the only code that touches browser APIs (feature `web`).

pub mod domain;

#[cfg(feature = "web")]
pub mod edge;
#[cfg(feature = "web")]
pub mod ui;
