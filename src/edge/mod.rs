//! Browser edges: the only code that touches browser APIs. Small and replaceable.

pub mod clipboard;
pub mod clock;
pub mod files;
pub mod focus;
pub mod location;
pub mod preview;
pub mod print;
pub mod session;
pub mod storage;
