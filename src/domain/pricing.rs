//! Pricing a quote request (issue 3).
