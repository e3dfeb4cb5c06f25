//! The Leptos screens: they read and write signals and call the domain, nothing more.

mod app;
pub mod catalogue_page;
pub mod layout;
pub mod module_page;

pub use app::{App, AppContext};
