//! The quote the simulator hands to the draft's page to keep as a draft: written to this
//! tab's session storage by « Enregistrer le brouillon », taken once by the draft's page
//! (`/brouillon?enregistrer=1`). The simulator's page carries no drafts code.

use crate::domain::draft::DraftHandOff;
use crate::domain::quote_form::QuoteForm;
use crate::edge::session;
use crate::ui::router::Router;
use crate::ui::routes::draft_save_path;

/// Where the hand-off waits in this tab's session storage.
pub const HAND_OFF_KEY: &str = "cosens.brouillon-a-enregistrer";

/// What a screen says when this tab's storage refuses the hand-off.
pub const REFUSED_FR: &str = "Le brouillon n'a pas pu être enregistré : ce navigateur refuse \
     le stockage de session (navigation privée ?). Le lien de partage garde ce devis.";

/// Hands `form` over, to update the draft `update` (if it still exists) or make a new one;
/// false when this tab's storage cannot hold it.
pub fn hand_off(form: QuoteForm, update: Option<String>) -> bool {
    serde_json::to_string(&DraftHandOff { form, update })
        .is_ok_and(|text| session::write(HAND_OFF_KEY, &text))
}

/// Hands `form` over and opens the draft's page, which keeps it; [`REFUSED_FR`] when this
/// tab's storage cannot hold it (the page stays).
pub fn open_as_draft(
    router: Router,
    form: QuoteForm,
    update: Option<String>,
) -> Result<(), &'static str> {
    if hand_off(form, update) {
        router.go(&draft_save_path());
        Ok(())
    } else {
        Err(REFUSED_FR)
    }
}

/// The quote handed over, if one waits (read once).
pub fn take_hand_off() -> Option<DraftHandOff> {
    session::take(HAND_OFF_KEY).and_then(|text| DraftHandOff::from_json(&text))
}
