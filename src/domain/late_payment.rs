//! Late-payment penalties (issue 4).
