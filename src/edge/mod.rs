//! Browser edges: the only code that touches browser APIs.
