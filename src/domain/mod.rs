//! The pure domain: the rules of the offer and of Co&Sens's terms of sale.
//! Plain Rust (serde, rust_decimal, chrono); nothing here touches the browser.

pub mod agreement;
pub mod calendar;
pub mod cancellation;
pub mod cancellation_form;
pub mod cancellation_text;
pub mod catalogue;
pub mod cgv;
pub mod compare;
pub mod devis;
pub mod draft;
pub mod embed;
pub mod exchange;
pub mod form_input;
pub mod fr;
pub mod ics;
pub mod individual;
pub mod json_ld;
pub mod late_payment;
pub mod late_payment_form;
pub mod mail;
pub mod money;
pub mod order;
pub mod pricing;
pub mod quote_form;
pub mod rules;
pub mod search;
pub mod sessions;
pub mod share_link;
pub mod site;
