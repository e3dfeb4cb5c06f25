//! Browser edges: the only code that touches browser APIs. Small and replaceable.

pub mod clock;
pub mod location;
