//! The caps on what a draft holds: every text, list and stored document is capped (see
//! `super`). A file of its own, without `use`s, for `build.rs`, which includes `checks.rs`
//! and so this file (see `crate::domain::catalogue`).

/// At most this many drafts in the store (and in a backup).
pub const MAX_DRAFTS: usize = 500;
/// At most this many named trainees in a draft.
pub const MAX_TRAINEES: usize = 50;
/// Multi-line texts (address, accessibility needs, notes), in characters.
pub const MAX_TEXT_CHARS: usize = 2_000;
/// One-line texts (names, e-mail, phone, SIRET, place, mode, OPCO), in characters.
pub const MAX_LINE_CHARS: usize = 254;
/// Numbers as typed in the simulator form (trainees, days, amounts), in characters.
pub const MAX_TYPED_CHARS: usize = 40;
/// Module numbers ticked in a form.
pub const MAX_MODULES: usize = 20;
/// A draft id: 1 to 64 characters among `A–Z a–z 0–9 - _`.
pub const MAX_ID_CHARS: usize = 64;
/// An RFC 3339 timestamp, in characters.
pub const MAX_TIMESTAMP_CHARS: usize = 40;
/// Stored text above this size is not parsed (it is set aside).
pub const MAX_STORED_BYTES: usize = 16_000_000;
