//! The Leptos screens: they read and write signals and call the domain, nothing more.
//! A screen is a module of its own (`catalogue`, `simulator`, `compare`, `cancellation`,
//! `late_payment`, `rules`, `drafts`, `draft`, `request`, `devis`, `embed`, `module_page`); what two screens share
//! lives beside them (`context`, `routes`, `router`, `first_render`, `form`,
//! `title`, `not_found`, the quote and drafts states, `draft_view`, `draft_check`, `quote_lines`, `share_panel`, `save_draft_button`, `draft_hand_off`, `sessions`, `calendar_button`,
//! `storage_messages`, `result_example`), and no screen imports another. `app` makes the
//! app of each page group out of them.

mod app;
pub mod calendar_button;
pub mod cancellation;
pub mod catalogue;
pub mod compare;
pub mod context;
pub mod details_table;
pub mod devis;
pub mod draft;
pub mod draft_check;
pub mod draft_hand_off;
pub mod draft_view;
pub mod drafts;
pub mod drafts_state;
pub mod embed;
pub mod first_render;
pub mod form;
pub mod late_payment;
pub mod module_page;
pub mod not_found;
pub mod quote_lines;
pub mod quote_state;
pub mod quote_totals;
pub mod request;
pub mod result_example;
pub mod router;
pub mod routes;
pub mod rules;
pub mod save_draft_button;
pub mod sessions;
pub mod share_panel;
pub mod simulator;
pub mod storage_messages;
pub mod title;

pub use app::{app, groups, start, PageGroup};
pub use context::AppContext;
