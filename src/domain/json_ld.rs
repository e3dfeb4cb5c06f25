//! The course and its upcoming sessions for search engines and partners: schema.org
//! `Course` in JSON-LD, with one `CourseInstance` per upcoming session, for a
//! `<script type="application/ld+json">` in the catalogue page's HTML.
//!
//! Written from plain structs with serde's derive (`serde_json::Value` and its `json!`
//! would bring a map type and its code into the catalogue's app for nothing).

use chrono::NaiveDate;
use serde::Serialize;

use crate::domain::calendar::format_iso_date;
use crate::domain::catalogue::{Catalogue, Session};
use crate::domain::sessions::location_fr;

#[derive(Serialize)]
struct Course<'a> {
    #[serde(rename = "@context")]
    context: &'static str,
    #[serde(rename = "@type")]
    kind: &'static str,
    name: &'a str,
    description: String,
    #[serde(rename = "courseCode")]
    course_code: &'a str,
    provider: Organization<'a>,
    offers: Offer<'a>,
    #[serde(rename = "hasCourseInstance")]
    instances: Vec<Instance>,
}

#[derive(Serialize)]
struct Organization<'a> {
    #[serde(rename = "@type")]
    kind: &'static str,
    name: &'a str,
    url: &'a str,
}

#[derive(Serialize)]
struct Offer<'a> {
    #[serde(rename = "@type")]
    kind: &'static str,
    category: &'static str,
    price: String,
    #[serde(rename = "priceCurrency")]
    currency: &'static str,
    url: &'a str,
}

#[derive(Serialize)]
struct Instance {
    #[serde(rename = "@type")]
    kind: &'static str,
    identifier: String,
    #[serde(rename = "courseMode")]
    mode: &'static str,
    #[serde(rename = "startDate")]
    start: Option<String>,
    #[serde(rename = "endDate")]
    end: Option<String>,
    location: Place,
}

#[derive(Serialize)]
struct Place {
    #[serde(rename = "@type")]
    kind: &'static str,
    name: String,
    address: String,
}

fn instance(catalogue: &Catalogue, s: &Session) -> Instance {
    Instance {
        kind: "CourseInstance",
        identifier: s.id.clone(),
        mode: if s.mode == catalogue.course.remote_mode {
            "online"
        } else {
            "onsite"
        },
        start: s.start().map(format_iso_date),
        end: s.end().map(format_iso_date),
        location: Place {
            kind: "Place",
            name: location_fr(catalogue, s),
            address: s.place.clone(),
        },
    }
}

/// The JSON-LD of the course and its sessions upcoming on `today`. `<` is escaped, so no
/// text can close the script element it sits in.
pub fn json_ld(catalogue: &Catalogue, today: NaiveDate) -> String {
    let course = &catalogue.course;
    let value = Course {
        context: "https://schema.org",
        kind: "Course",
        name: &course.title,
        description: course.introduction.join(" "),
        course_code: &course.code,
        provider: Organization {
            kind: "Organization",
            // The head office's name (the data file's), the body that runs the course.
            name: catalogue
                .offices
                .iter()
                .find(|o| o.head_office)
                .map_or("", |o| o.name.as_str()),
            url: &course.enrolment_url,
        },
        offers: Offer {
            kind: "Offer",
            category: "Parcours complet",
            price: catalogue.prices.full_course_ht.to_string(),
            currency: "EUR",
            url: &course.enrolment_url,
        },
        instances: catalogue
            .upcoming_sessions(today)
            .into_iter()
            .map(|s| instance(catalogue, s))
            .collect(),
    };
    // Serialising these structs cannot fail (strings and lists only).
    serde_json::to_string(&value)
        .unwrap_or_default()
        .replace('<', "\\u003c")
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::Value;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    #[test]
    fn the_json_ld_is_a_course_with_one_instance_per_upcoming_session() {
        let c = Catalogue::fixture();
        let v: Value = serde_json::from_str(&json_ld(&c, d("2027-04-01"))).unwrap();
        assert_eq!(v["@type"], "Course");
        assert_eq!(v["courseCode"], "RS5302");
        assert_eq!(v["name"], c.course.title.as_str());
        assert!(v["description"].as_str().is_some_and(|t| !t.is_empty()));
        assert_eq!(v["provider"]["name"], "Co&Sens");
        assert_eq!(v["offers"]["price"], c.prices.full_course_ht.to_string());
        assert_eq!(v["offers"]["priceCurrency"], "EUR");
        let instances = v["hasCourseInstance"].as_array().unwrap();
        assert_eq!(instances.len(), 2);
        assert_eq!(instances[0]["startDate"], "2027-05-11");
        assert_eq!(instances[0]["endDate"], "2027-06-01");
        assert_eq!(instances[0]["courseMode"], "onsite");
        assert_eq!(instances[1]["courseMode"], "online");
        assert!(instances[0]["location"]["name"]
            .as_str()
            .unwrap()
            .starts_with("Co&Sens"));
        // No text can close the script element it sits in.
        assert!(!json_ld(&c, d("2027-04-01")).contains('<'));
    }
}
