//! "Envoyer par e-mail": a `mailto:` link (RFC 6068) that opens the user's mail client with
//! a French subject and a plain-text body — the quote's share link, its lines and totals.
//!
//! No personal data goes in a link: the builders take the quote, its share link and the
//! catalogue, never a draft, so no client's or trainee's name, e-mail or phone can reach
//! the body. A CPF balance is personal too: with CPF funding the body gives no figure that
//! depends on it (the share link does not carry it either).

use crate::domain::catalogue::Catalogue;
use crate::domain::fr::date_fr;
use crate::domain::money::format_eur;
use crate::domain::pricing::{total_rows, Funding, LineKind, Quote, TotalKind};
use rust_decimal::Decimal;

/// The longest link the builders write: Chromium on Windows hands a `mailto:` link of more
/// than about 2 000 characters to no mail client, so a large quote's lines are shortened,
/// then left to the share link, to stay under it.
pub const MAX_URL_CHARS: usize = 2_000;

/// Every octet of `text`'s UTF-8 percent-encoded, but the unreserved characters of
/// RFC 3986 (`A–Z a–z 0–9 - . _ ~`): a space is `%20`, a line break `%0D%0A`.
pub fn percent_encode(text: &str) -> String {
    encode_keeping(text, |_| false)
}

fn encode_keeping(text: &str, keep: fn(u8) -> bool) -> String {
    const HEX: &[u8; 16] = b"0123456789ABCDEF";
    let mut out = String::with_capacity(text.len() * 3);
    for b in text.bytes() {
        if b.is_ascii_alphanumeric() || b"-._~".contains(&b) || keep(b) {
            out.push(char::from(b));
        } else {
            out.push('%');
            out.push(char::from(HEX[usize::from(b >> 4)]));
            out.push(char::from(HEX[usize::from(b & 0x0f)]));
        }
    }
    out
}

/// Line breaks as CRLF, as a message body has them.
fn crlf(text: &str) -> String {
    text.replace("\r\n", "\n")
        .replace('\r', "\n")
        .replace('\n', "\r\n")
}

/// `mailto:TO?subject=…&body=…`: the recipient (may be empty), the subject and the body
/// percent-encoded, the body's line breaks as CRLF (`%0D%0A`).
pub fn mailto_url(to: &str, subject: &str, body: &str) -> String {
    format!(
        "mailto:{}?subject={}&body={}",
        encode_keeping(to.trim(), |b| b == b'@'),
        percent_encode(subject),
        percent_encode(&crlf(body))
    )
}

/// A message to open in the user's mail client.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Mail {
    /// Empty: the user chooses the recipient.
    pub to: String,
    pub subject: String,
    pub body: String,
}

impl Mail {
    /// The `mailto:` link of the message.
    pub fn url(&self) -> String {
        mailto_url(&self.to, &self.subject, &self.body)
    }
}

/// « Conduire un projet … » (RS5302).
fn course_fr(catalogue: &Catalogue) -> String {
    let c = &catalogue.course;
    format!("« {} » ({})", c.title, c.code)
}

/// Text with its no-break spaces as plain spaces: a message body needs no layout, and each
/// one would take 6 to 9 characters of the link once percent-encoded.
fn plain(text: String) -> String {
    text.replace(['\u{202f}', '\u{a0}'], " ")
}

/// An amount for a message: `4 000,00 €` with plain spaces.
pub fn plain_eur(amount: Decimal) -> String {
    plain(format_eur(amount))
}

/// How much of the quote's lines a message shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Detail {
    /// Each line's label as on screen, its quantity and total HT.
    Full,
    /// The same with a module's number for its label ("Module 3").
    Short,
    /// No line: the totals only; the link shows the rest.
    Totals,
}

/// The quote in plain text: its lines (label, quantity, total HT) as `detail` asks, then
/// the totals and the funding.
pub fn quote_text(quote: &Quote, detail: Detail) -> String {
    let eur = plain_eur;
    let mut out = String::new();
    if detail == Detail::Totals {
        out.push_str("Le détail des lignes figure dans le devis en ligne (lien ci-dessus).\n");
    } else {
        out.push_str("Détail :\n");
        for l in &quote.lines {
            let label = match (detail, l.kind) {
                (Detail::Short, LineKind::Module(n)) => format!("Module {n}"),
                _ => l.label.clone(),
            };
            out.push_str(&format!(
                "- {label} × {} : {} HT\n",
                l.quantity,
                eur(l.total_ht)
            ));
        }
    }
    out.push('\n');
    // A CPF balance is personal: with CPF funding, no figure that depends on it.
    let cpf = matches!(quote.request.funding, Funding::Cpf { .. });
    for row in total_rows(quote, true) {
        if cpf && matches!(row.kind, TotalKind::Funded | TotalKind::Remaining) {
            continue;
        }
        let amount = row.amount.map(eur).unwrap_or_default();
        out.push_str(&format!("{} : {amount}\n", plain(row.label)));
    }
    if cpf {
        out.push_str(
            "Financement : Mon Compte Formation (CPF). La prise en charge et le reste à charge dépendent du solde CPF du stagiaire, qui ne figure pas dans ce message.\n",
        );
    }
    if let Some(mention) = &quote.vat_mention {
        out.push_str(mention);
        out.push('\n');
    }
    out
}

/// The message `make` writes around the quote's text, with as much detail as fits in
/// [`MAX_URL_CHARS`].
fn fitted(quote: &Quote, make: impl Fn(String) -> Mail) -> Mail {
    let mut mail = make(quote_text(quote, Detail::Full));
    for detail in [Detail::Short, Detail::Totals] {
        if mail.url().len() <= MAX_URL_CHARS {
            break;
        }
        mail = make(quote_text(quote, detail));
    }
    mail
}

/// What opens the quote again: its share link.
fn link_text(share_url: &str) -> String {
    format!("Ce devis dans le simulateur Co&Sens (prix recalculés d'après le catalogue en vigueur) :\n{share_url}\n")
}

/// The simulator's quote, to send to anyone.
pub fn quote_mail(quote: &Quote, share_url: &str, catalogue: &Catalogue) -> Mail {
    fitted(quote, |text| {
        Mail {
        to: String::new(),
        subject: format!(
            "Devis estimatif Co&Sens — formation {}",
            catalogue.course.code
        ),
        body: format!(
            "Bonjour,\n\nVoici un devis estimatif pour la formation {}.\n\n{}\n{text}\nSimulation indicative : seul le devis signé vaut engagement.\n\nCordialement,\n",
            course_fr(catalogue),
            link_text(share_url),
        ),
    }
    })
}

/// The printable devis `number`, to send to the client.
pub fn devis_mail(quote: &Quote, share_url: &str, number: &str, catalogue: &Catalogue) -> Mail {
    fitted(quote, |text| {
        Mail {
        to: String::new(),
        subject: format!("Devis {number} — formation {}", catalogue.course.code),
        body: format!(
            "Bonjour,\n\nVoici le devis n° {number} du {} pour la formation {}.\n\n{}\n{text}\nPour l'accepter, retournez-le à Co&Sens daté et signé avec la mention « Bon pour accord » et le cachet de l'entreprise.\n\nCordialement,\n",
            date_fr(quote.request.date),
            course_fr(catalogue),
            link_text(share_url),
        ),
    }
    })
}

/// The reminder a draft's message carries: the enrolment request goes as an attachment.
pub const ATTACH_REMINDER: &str = "Pièce jointe : la demande d'inscription au format JSON, à joindre avant l'envoi (bouton « Exporter en JSON » de la demande d'inscription).";

/// A draft's enrolment request, to Co&Sens's registration address. It takes the draft's
/// quote, not the draft: nothing personal can reach the message.
pub fn draft_mail(quote: &Quote, share_url: &str, catalogue: &Catalogue) -> Mail {
    fitted(quote, |text| {
        Mail {
        to: catalogue.course.registration_email.clone(),
        subject: format!(
            "Demande d'inscription — formation {}",
            catalogue.course.code
        ),
        body: format!(
            "Bonjour,\n\nVeuillez trouver ci-joint une demande d'inscription à la formation {}.\n\n{ATTACH_REMINDER}\n\n{}\n{text}\nCordialement,\n",
            course_fr(catalogue),
            link_text(share_url),
        ),
    }
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::draft::tests::{day, sample_draft};
    use crate::domain::pricing::price_quote;
    use crate::domain::quote_form::{FundingChoice, QuoteForm};
    use crate::domain::share_link::{encode, share_url};

    const SITE: &str = "https://exemple.fr/sous/chemin/simulateur/";

    fn catalogue() -> Catalogue {
        Catalogue::fixture()
    }

    fn priced(form: &QuoteForm) -> Quote {
        let c = catalogue();
        price_quote(&c, &form.to_request(&c, day()).unwrap()).unwrap()
    }

    fn link(form: &QuoteForm) -> String {
        share_url(SITE, &encode(form, &catalogue().version))
    }

    /// Percent-decoding, sharing no code with the encoder.
    fn decode(text: &str) -> String {
        let bytes = text.as_bytes();
        let mut out = Vec::new();
        let mut i = 0;
        while i < bytes.len() {
            if bytes[i] == b'%' {
                let hex = std::str::from_utf8(&bytes[i + 1..i + 3]).unwrap();
                out.push(u8::from_str_radix(hex, 16).unwrap());
                i += 3;
            } else {
                out.push(bytes[i]);
                i += 1;
            }
        }
        String::from_utf8(out).unwrap()
    }

    /// The recipient, subject and body of a `mailto:` link, decoded.
    fn read(url: &str) -> (String, String, String) {
        let rest = url.strip_prefix("mailto:").unwrap();
        let (to, query) = rest.split_once('?').unwrap();
        let mut subject = None;
        let mut body = None;
        for pair in query.split('&') {
            match pair.split_once('=').unwrap() {
                ("subject", v) => subject = Some(decode(v)),
                ("body", v) => body = Some(decode(v)),
                (k, _) => panic!("unexpected field {k}"),
            }
        }
        (decode(to), subject.unwrap(), body.unwrap())
    }

    fn opco_form() -> QuoteForm {
        QuoteForm {
            full_course: false,
            modules: vec![1, 3],
            trainees: "3".into(),
            coaching_days: "2".into(),
            certification: false,
            funding: FundingChoice::Opco,
            opco_amount: "1000".into(),
            ..QuoteForm::default()
        }
    }

    #[test]
    fn percent_encoding_follows_rfc_6068() {
        assert_eq!(percent_encode("AZaz09-._~"), "AZaz09-._~");
        assert_eq!(
            percent_encode("a b\r\n&=?#%+/:@,;é€\u{202f}"),
            "a%20b%0D%0A%26%3D%3F%23%25%2B%2F%3A%40%2C%3B%C3%A9%E2%82%AC%E2%80%AF"
        );
        assert_eq!(
            mailto_url("inscription@coetsens.com", "Devis n° 1", "l1\nl2\r\nl3"),
            "mailto:inscription@coetsens.com?subject=Devis%20n%C2%B0%201&body=l1%0D%0Al2%0D%0Al3"
        );
        assert_eq!(mailto_url("", "S", "B"), "mailto:?subject=S&body=B");
        // A character that would end the address is encoded in it too.
        assert_eq!(
            mailto_url("a?b&c@x.fr", "", ""),
            "mailto:a%3Fb%26c@x.fr?subject=&body="
        );
    }

    #[test]
    fn the_simulator_message_carries_the_link_the_lines_and_the_totals() {
        let form = opco_form();
        let quote = priced(&form);
        let mail = quote_mail(&quote, &link(&form), &catalogue());
        let (to, subject, body) = read(&mail.url());
        assert_eq!(to, "");
        assert_eq!(subject, "Devis estimatif Co&Sens — formation RS5302");
        assert_eq!(body, crlf(&mail.body));
        assert!(body.contains(&format!("\r\n{}\r\n", link(&form))), "{body}");
        for line in &quote.lines {
            assert!(body.contains(&format!(
                "- {} × {} : {} HT",
                line.label,
                line.quantity,
                plain_eur(line.total_ht)
            )));
        }
        let eur = |s: &str| plain_eur(crate::domain::money::dec(s));
        for expected in [
            format!("Total HT : {}", eur("12900")),
            format!("TVA (20 %) : {}", eur("2580")),
            format!("Total TTC : {}", eur("15480")),
            format!("Prise en charge OPCO : {}", eur("1000")),
            format!("Reste à charge : {}", eur("14480")),
        ] {
            assert!(body.contains(&expected), "{expected} in {body}");
        }
        assert!(!body.replace("\r\n", "").contains('\n'), "no bare LF");
    }

    #[test]
    fn the_devis_message_names_its_number_and_the_signature() {
        let form = QuoteForm::default();
        let quote = priced(&form);
        let mail = devis_mail(&quote, &link(&form), "D-20261126-ABCD", &catalogue());
        let (to, subject, body) = read(&mail.url());
        assert_eq!(to, "");
        assert_eq!(subject, "Devis D-20261126-ABCD — formation RS5302");
        assert!(body.contains("devis n° D-20261126-ABCD du 26 novembre 2026"));
        assert!(body.contains("« Bon pour accord »"));
        assert!(body.contains(&link(&form)));
        assert!(body.contains(&format!("Prise en charge : {}", plain_eur(quote.funded))));
    }

    #[test]
    fn the_draft_message_goes_to_the_registration_address_with_the_reminder() {
        let draft = sample_draft();
        let quote = draft.quote(&catalogue(), day()).unwrap();
        let mail = draft_mail(&quote, &link(&draft.form), &catalogue());
        let (to, subject, body) = read(&mail.url());
        assert_eq!(to, "christophe.tronel@coetsens.com");
        assert_eq!(to, catalogue().course.registration_email);
        assert_eq!(subject, "Demande d'inscription — formation RS5302");
        assert!(body.contains(ATTACH_REMINDER));
        assert!(body.contains("« Exporter en JSON »"));
        assert!(body.contains(&link(&draft.form)));
        assert!(body.contains(&format!("Total TTC : {}", plain_eur(quote.total_ttc))));
    }

    #[test]
    fn no_personal_data_goes_in_the_draft_message() {
        let mut draft = sample_draft();
        let quote = draft.quote(&catalogue(), day()).unwrap();
        let url = draft_mail(&quote, &link(&draft.form), &catalogue()).url();
        let (_, subject, body) = read(&url);
        let e = &draft.enrolment;
        let mut personal = vec![
            draft.name.as_str(),
            e.client.name.as_str(),
            e.client.siret.as_str(),
            e.client.email.as_str(),
            e.client.phone.as_str(),
            "12 rue de la Paix",
            e.notes.as_str(),
            e.accessibility.as_str(),
        ];
        for t in &e.trainees {
            personal.extend([t.name.as_str(), t.job.as_str()]);
            if !t.email.is_empty() {
                personal.push(t.email.as_str());
            }
        }
        for p in personal {
            assert!(!body.contains(p) && !subject.contains(p), "{p} leaked");
            assert!(!url.contains(&percent_encode(p)), "{p} leaked, encoded");
        }
        // A CPF balance is personal: no figure that depends on it.
        draft.form.funding = FundingChoice::Cpf;
        draft.form.cpf_balance = "1234.56".into();
        draft.form.trainees = "1".into();
        let quote = draft.quote(&catalogue(), day()).unwrap();
        assert_eq!(quote.funded, crate::domain::money::dec("1234.56"));
        let (_, _, body) = read(&draft_mail(&quote, &link(&draft.form), &catalogue()).url());
        assert!(!body.contains("234,56"), "{body}");
        assert!(!body.contains(&plain_eur(quote.remaining)), "{body}");
        assert!(body.contains("solde CPF du stagiaire, qui ne figure pas"));
    }

    #[test]
    fn a_shorter_detail_names_modules_by_number_or_leaves_the_lines_to_the_link() {
        let quote = priced(&opco_form());
        let short = quote_text(&quote, Detail::Short);
        assert!(
            short.contains("- Module 1 × 3 : 2 400,00 € HT\n"),
            "{short}"
        );
        assert!(short.contains("- Accompagnement (2 jours par stagiaire) × 6 : 6 000,00 € HT\n"));
        let totals = quote_text(&quote, Detail::Totals);
        assert!(!totals.contains("Module"), "{totals}");
        assert!(totals.contains("Total HT : 12 900,00 €"));
    }

    #[test]
    fn the_largest_quote_stays_a_valid_url() {
        let form = QuoteForm {
            full_course: false,
            modules: vec![1, 2, 3, 4, 5],
            trainees: "50".into(),
            coaching_days: "3".into(),
            certification: true,
            vat_exempt: true,
            funding: FundingChoice::Opco,
            opco_amount: "123456.78".into(),
            ..QuoteForm::default()
        };
        let quote = priced(&form);
        assert_eq!(quote.lines.len(), 7);
        for mail in [
            quote_mail(&quote, &link(&form), &catalogue()),
            devis_mail(&quote, &link(&form), "D-20261126-ABCD", &catalogue()),
            draft_mail(&quote, &link(&form), &catalogue()),
        ] {
            let url = mail.url();
            assert!(
                url.bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b"-._~%:?=&@".contains(&b)),
                "{url}"
            );
            assert_eq!(url.matches('?').count(), 1);
            assert_eq!(url.matches('&').count(), 1);
            let (to, subject, body) = read(&url);
            assert_eq!(
                (to, subject, body),
                (mail.to, mail.subject, crlf(&mail.body))
            );
            // Short enough for every mail client and the Windows shell (2 048).
            assert!(
                url.len() <= MAX_URL_CHARS,
                "{} characters\n{}",
                url.len(),
                mail.body
            );
            // Shortened, it still has the link, the totals and the funding.
            assert!(mail.body.contains(&link(&form)));
            for figure in ["Total TTC : 425 000,00 €", "Reste à charge : 301 543,22 €"] {
                assert!(mail.body.contains(figure), "{}", mail.body);
            }
            assert!(mail.body.contains("Module 1") || mail.body.contains("Le détail des lignes"));
        }
    }
}
