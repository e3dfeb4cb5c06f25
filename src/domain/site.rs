//! What the site's addresses and this browser's storage are called, from the route table
//! (`src/ui/routes.json`, written out by build.rs): the query parameters (`DRAFT_PARAM`
//! `brouillon`, `MODULE_PARAM` `module`, `SHARE_PARAM` `devis`, `SAVE_PARAM` `enregistrer`;
//! `FRAME_PARAM` `cadre`, a screen framed in another site, and `COLOUR_PARAM` `couleur`,
//! its accent), the script another site holds to embed a screen (`EMBED_SCRIPT`,
//! `integrer.js`) and the storage keys whose data a page's first view shows
//! (`SESSION_DATA_KEY`, the quote this tab is simulating; `LOCAL_DATA_KEY`, the drafts).

include!(concat!(env!("OUT_DIR"), "/site.rs"));
