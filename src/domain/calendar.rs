//! The French working-day calendar and dates in French (issue 4).
