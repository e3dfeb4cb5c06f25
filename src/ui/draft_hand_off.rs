//! The quote the simulator hands to the draft's page to keep as a draft: written to this
//! tab's session storage by « Enregistrer le brouillon », taken once by the draft's page
//! (`/brouillon?enregistrer=1`). The simulator's page carries no drafts code.

use crate::domain::draft::DraftHandOff;
use crate::domain::quote_form::QuoteForm;
use crate::edge::session;

/// Where the hand-off waits in this tab's session storage.
pub const HAND_OFF_KEY: &str = "cosens.brouillon-a-enregistrer";

/// Hands `form` over, to update the draft `update` (if it still exists) or make a new one;
/// false when this tab's storage cannot hold it.
pub fn hand_off(form: QuoteForm, update: Option<String>) -> bool {
    serde_json::to_string(&DraftHandOff { form, update })
        .is_ok_and(|text| session::write(HAND_OFF_KEY, &text))
}

/// The quote handed over, if one waits (read once).
pub fn take_hand_off() -> Option<DraftHandOff> {
    session::take(HAND_OFF_KEY).and_then(|text| serde_json::from_str(&text).ok())
}
