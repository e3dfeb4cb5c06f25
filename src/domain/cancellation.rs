//! Cancellation, postponement and OPCO deadline rules (issue 4).
