//! Opening the browser's print dialog.

/// Asks the browser to print the page (the print stylesheet lays out the devis on A4).
pub fn print_page() {
    if let Some(window) = web_sys::window() {
        // A refusal (e.g. printing disabled by policy) leaves the page as it is.
        let _ = window.print();
    }
}
