//! The offer: the course, its modules, its prices and the dated rates, from
//! `data/catalogue.json`.
//!
//! `build.rs` reads the file (or the one named by `COSENS_CATALOGUE`), checks it with
//! [`Catalogue::from_json`] (`model.rs`, which it includes) and writes it out as Rust that
//! builds the value: a file that does not validate fails the build with the field at
//! fault, and the app neither parses nor checks anything at start
//! ([`Catalogue::embedded`]).

mod model;
mod sessions;

pub(crate) use model::next_half_year;
pub use model::{
    AgreementTexts, CancellationTerms, Catalogue, CatalogueError, Course, CpfContribution,
    Evaluation, LatePaymentTerms, LegalInterestRate, ModularTariff, Module, Office, PastResult,
    PlaceHours, Prices, Referent,
};
pub use sessions::{
    session_id_is_valid, Session, SessionModule, SessionStatus, MAX_SESSION_ID_CHARS,
};

impl Catalogue {
    /// `4 000,00 € HT (4 800,00 € TTC)`: a price of the offer with the catalogue's VAT.
    pub fn price_ht_ttc_fr(&self, ht: rust_decimal::Decimal) -> String {
        use crate::domain::money::{format_eur, vat_and_ttc};
        match vat_and_ttc(self.prices.vat_rate, ht) {
            Some((_, ttc)) => format!("{} HT ({} TTC)", format_eur(ht), format_eur(ttc)),
            None => format!("{} HT", format_eur(ht)),
        }
    }

    /// What « TTC » means on the course page's prices.
    pub const TTC_NOTE_FR: &'static str = "TTC au taux normal de TVA ; une formation exonérée \
         (art. 261-4-4° a du CGI) est facturée HT.";

    /// The catalogue the build embeds: `data/catalogue.json`, or the file named by the
    /// `COSENS_CATALOGUE` environment variable at build time. Checked by the build, which
    /// fails on a file that does not validate; editing the file and rebuilding changes the
    /// offer.
    pub fn embedded() -> Self {
        include!(concat!(env!("OUT_DIR"), "/catalogue.rs"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The file the build read, copied by `build.rs` beside the Rust it wrote.
    const EMBEDDED_JSON: &str = include_str!(concat!(env!("OUT_DIR"), "/catalogue.json"));

    #[test]
    fn embedded_catalogue_is_the_data_file_as_read_and_checked() {
        let read = Catalogue::from_json(EMBEDDED_JSON).expect("the embedded catalogue is valid");
        let embedded = Catalogue::embedded();
        assert_eq!(embedded, read);
        // Decimals to the same scale too ("4000.00", not "4000"): the amounts print alike.
        assert_eq!(format!("{embedded:?}"), format!("{read:?}"));
    }
}
