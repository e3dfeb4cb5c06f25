//! The Leptos screens: they read and write signals and call the domain, nothing more.

mod app;
pub mod cancellation_page;
pub mod catalogue_page;
pub mod devis_page;
pub mod draft_page;
pub mod drafts_page;
pub mod drafts_state;
pub mod late_payment_page;
pub mod layout;
pub mod module_page;
pub mod quote_lines;
pub mod quote_state;
pub mod save_draft_button;
pub mod share_panel;
pub mod simulator_page;
pub mod title;

pub use app::{App, AppContext};
