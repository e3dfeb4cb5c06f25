//! Embedding a screen in another site: the snippet the page « Intégrer le simulateur »
//! gives (`<script src="…/integrer.js" data-ecran="simulateur" async></script>`), the accent
//! colour it may carry, and the preview document that runs it. The script itself, and the
//! rule on the colour's contrast, are `scripts/embed.mjs`'s: they run in the host page.

/// What the colour field says when its text is not a colour.
pub const COLOUR_FORMAT_FR: &str =
    "Une couleur s'écrit #RRGGBB (par exemple #0b5394) : elle n'est pas reprise dans le code.";

/// The accent colour typed: `None` when empty, `#rrggbb` when it is one, else why not.
pub fn parse_colour(text: &str) -> Result<Option<String>, &'static str> {
    let text = text.trim();
    if text.is_empty() {
        return Ok(None);
    }
    let hex = text.strip_prefix('#').unwrap_or("");
    if hex.len() == 6 && hex.chars().all(|c| c.is_ascii_hexdigit()) {
        Ok(Some(format!("#{}", hex.to_ascii_lowercase())))
    } else {
        Err(COLOUR_FORMAT_FR)
    }
}

/// `text` within an HTML attribute's double quotes.
fn attribute(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('"', "&quot;")
        .replace('<', "&lt;")
}

/// The tag a host page holds to embed `screen` (its `data-ecran` name), loaded from
/// `script_url`, with the accent `colour` if any (as [`parse_colour`] gives it).
pub fn snippet(script_url: &str, screen: &str, colour: Option<&str>) -> String {
    let colour = colour
        .map(|c| format!(" data-couleur=\"{}\"", attribute(c)))
        .unwrap_or_default();
    format!(
        "<script src=\"{}\" data-ecran=\"{}\"{colour} async></script>",
        attribute(script_url),
        attribute(screen)
    )
}

/// A page that holds only `snippet`: the live preview runs the real script in it.
pub fn preview_document(snippet: &str) -> String {
    format!(
        "<!DOCTYPE html><html lang=\"fr\"><head><meta charset=\"utf-8\">\
         <title>Aperçu de l'intégration</title></head><body>{snippet}</body></html>"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_snippet_names_the_script_the_screen_and_the_colour() {
        let url = "https://coetsens.com/simulateur-rs5302/integrer.js";
        assert_eq!(
            snippet(url, "simulateur", None),
            "<script src=\"https://coetsens.com/simulateur-rs5302/integrer.js\" data-ecran=\"simulateur\" async></script>"
        );
        assert_eq!(
            snippet(url, "annulation", Some("#7a1f5c")),
            "<script src=\"https://coetsens.com/simulateur-rs5302/integrer.js\" data-ecran=\"annulation\" data-couleur=\"#7a1f5c\" async></script>"
        );
    }

    #[test]
    fn a_colour_is_six_hex_digits_after_a_hash_or_nothing() {
        assert_eq!(parse_colour(""), Ok(None));
        assert_eq!(parse_colour("  "), Ok(None));
        assert_eq!(parse_colour(" #7A1F5C "), Ok(Some("#7a1f5c".into())));
        for wrong in [
            "7a1f5c",
            "#7a1f5",
            "#7a1f5cc",
            "rouge",
            "#gggggg",
            "\"><script>",
        ] {
            assert_eq!(parse_colour(wrong), Err(COLOUR_FORMAT_FR), "{wrong}");
        }
    }

    #[test]
    fn nothing_typed_can_leave_its_attribute() {
        let tag = snippet("https://x.fr/a\"b<c&d/integrer.js", "sim\"ulateur", None);
        assert!(
            tag.contains("src=\"https://x.fr/a&quot;b&lt;c&amp;d/integrer.js\""),
            "{tag}"
        );
        assert!(tag.contains("data-ecran=\"sim&quot;ulateur\""), "{tag}");
        let page = preview_document(&tag);
        assert!(page.starts_with("<!DOCTYPE html><html lang=\"fr\">"));
        assert!(page.ends_with(&format!("<body>{tag}</body></html>")));
    }
}
