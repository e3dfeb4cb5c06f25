//! The drafts kept in the browser's `localStorage` under [`STORAGE_KEY`]: reading them
//! (setting unreadable text aside, never deleting or overwriting it), writing them (a full
//! quota is a French message for the screen), and the `storage` event by which another tab
//! says it changed them.

use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};

use crate::domain::draft::{
    aside_key, load_store, DraftStore, LoadOutcome, ASIDE_KEY_PREFIX, STORAGE_KEY,
};
use crate::domain::order::sort_by;

/// Aside keys tried when the first one is taken (`…-2`, `…-3`, …).
const MAX_ASIDE_ATTEMPTS: usize = 50;

fn unavailable() -> String {
    "Le stockage local du navigateur est indisponible (navigation privée stricte ou \
     cookies bloqués) : vos brouillons ne seront pas conservés après fermeture de la page. \
     Exportez-les en JSON pour les garder."
        .to_string()
}

fn local_storage() -> Result<web_sys::Storage, String> {
    web_sys::window()
        .ok_or_else(unavailable)?
        .local_storage()
        .map_err(|_| unavailable())?
        .ok_or_else(unavailable)
}

/// What was found in storage when the app started.
pub struct Loaded {
    /// The drafts that could be read, and the message to show about the rest.
    pub outcome: LoadOutcome,
    /// False when nothing may be written under [`STORAGE_KEY`]: storage is unavailable,
    /// or unreadable data could not be set aside (writing would overwrite it).
    pub writable: bool,
    /// A French error for the screen (storage unavailable, setting aside failed…).
    pub error: Option<String>,
}

/// Reads the drafts. Unreadable text is first copied, intact, under an aside key that
/// holds nothing yet; only once it is safe there is the readable part written back (so
/// that it is not set aside again at every start). If it cannot be set aside, nothing
/// is ever written under [`STORAGE_KEY`] by this page.
pub fn load(now: &str) -> Loaded {
    let storage = match local_storage() {
        Ok(s) => s,
        Err(error) => {
            return Loaded {
                outcome: LoadOutcome::default(),
                writable: false,
                error: Some(error),
            }
        }
    };
    let raw = match storage.get_item(STORAGE_KEY) {
        Ok(raw) => raw,
        Err(_) => {
            return Loaded {
                outcome: LoadOutcome::default(),
                writable: false,
                error: Some(unavailable()),
            }
        }
    };
    let mut outcome = load_store(raw.as_deref());
    let Some(text) = outcome.unreadable.clone() else {
        return Loaded {
            outcome,
            writable: true,
            error: None,
        };
    };
    match set_aside(&storage, &text, now) {
        Ok(key) => {
            if let Some(message) = outcome.message.as_mut() {
                message.push_str(&format!(" (Clé de stockage : « {key} ».)"));
            }
            let error = storage
                .set_item(STORAGE_KEY, &outcome.store.to_json())
                .err()
                .map(|e| write_error(&e));
            Loaded {
                outcome,
                writable: true,
                error,
            }
        }
        Err(e) => Loaded {
            outcome,
            writable: false,
            error: Some(format!(
                "Les données de brouillons illisibles n'ont pas pu être mises de côté ({}) : \
                 pour ne pas les écraser, rien ne sera enregistré dans ce navigateur. \
                 Exportez vos brouillons en JSON pour les garder.",
                e
            )),
        },
    }
}

/// Copies `text` under a fresh aside key (one that holds nothing, or already this very
/// text); returns the key.
fn set_aside(storage: &web_sys::Storage, text: &str, now: &str) -> Result<String, String> {
    let base = aside_key(now);
    for attempt in 1..=MAX_ASIDE_ATTEMPTS {
        let key = if attempt == 1 {
            base.clone()
        } else {
            format!("{base}-{attempt}")
        };
        match storage.get_item(&key) {
            Ok(Some(existing)) if existing == text => return Ok(key),
            Ok(Some(_)) => continue,
            Ok(None) => {
                return storage
                    .set_item(&key, text)
                    .map(|()| key)
                    .map_err(|e| write_error(&e))
            }
            Err(_) => return Err(unavailable()),
        }
    }
    Err("aucune clé libre".to_string())
}

/// The keys under which unreadable data was set aside, oldest first.
pub fn set_aside_keys() -> Vec<String> {
    let Ok(storage) = local_storage() else {
        return Vec::new();
    };
    let mut keys: Vec<String> = (0..storage.length().unwrap_or(0))
        .filter_map(|i| storage.key(i).ok().flatten())
        .filter(|key| key.starts_with(ASIDE_KEY_PREFIX))
        .collect();
    sort_by(&mut keys, |a, b| a.cmp(b));
    keys
}

/// The text set aside under `key`, exactly as it was found.
pub fn set_aside_text(key: &str) -> Option<String> {
    if !key.starts_with(ASIDE_KEY_PREFIX) {
        return None;
    }
    local_storage().ok()?.get_item(key).ok().flatten()
}

/// Writes the drafts under [`STORAGE_KEY`]. `Err` is a French message for the screen.
pub fn save(store: &DraftStore) -> Result<(), String> {
    local_storage()?
        .set_item(STORAGE_KEY, &store.to_json())
        .map_err(|e| write_error(&e))
}

/// Whether a write failed for lack of room.
fn is_quota_error(error: &JsValue) -> bool {
    error.dyn_ref::<web_sys::DomException>().is_some_and(|e| {
        let name = e.name();
        name == "QuotaExceededError" || name == "NS_ERROR_DOM_QUOTA_REACHED" || e.code() == 22
    })
}

fn write_error(error: &JsValue) -> String {
    if is_quota_error(error) {
        "Le stockage du navigateur est plein : la dernière modification n'a pas été \
         enregistrée. Elle reste affichée : téléchargez une sauvegarde des brouillons pour la \
         garder (la liste des brouillons l'importe), puis faites de la place (supprimez ou \
         exportez d'anciens brouillons)."
            .to_string()
    } else {
        "Le navigateur a refusé l'enregistrement des brouillons : la dernière modification \
         reste affichée mais n'est pas enregistrée. Téléchargez une sauvegarde des brouillons \
         pour la garder."
            .to_string()
    }
}

/// A `storage` event listener on the window, removed when dropped.
pub struct StorageListener {
    closure: Closure<dyn FnMut(web_sys::StorageEvent)>,
}

impl Drop for StorageListener {
    fn drop(&mut self) {
        if let Some(window) = web_sys::window() {
            let _ = window.remove_event_listener_with_callback(
                "storage",
                self.closure.as_ref().unchecked_ref(),
            );
        }
    }
}

/// Calls `on_change` with the new text of [`STORAGE_KEY`] (`None`: removed, or storage
/// cleared) whenever another tab of this site changes it.
pub fn listen(on_change: impl Fn(Option<String>) + 'static) -> Option<StorageListener> {
    let window = web_sys::window()?;
    let closure =
        Closure::<dyn FnMut(web_sys::StorageEvent)>::new(move |event: web_sys::StorageEvent| {
            match event.key() {
                Some(key) if key == STORAGE_KEY => on_change(event.new_value()),
                Some(_) => {}
                None => on_change(None),
            }
        });
    window
        .add_event_listener_with_callback("storage", closure.as_ref().unchecked_ref())
        .ok()?;
    Some(StorageListener { closure })
}
