//! Reading a JSON value into the serde types of the drafts and of the exchange documents,
//! with the path of the field at fault and a French message:
//! `Champ « drafts[2].enrolment.client.email » : type attendu : chaîne de caractères ;
//! trouvé : nombre.`
//!
//! The serde derives are the one definition of the layouts in Rust; [`read`] runs them
//! over a [`Value`] with a deserializer of its own, which knows where it is in the
//! document and speaks French. The checks a derive cannot express (caps, timestamps, ids,
//! dates, amounts) are the `deserialize_with` readers of [`super::fields`]: their
//! messages are French already and get the path of the field they read.

use std::fmt;

use serde::de::value::BorrowedStrDeserializer;
use serde::de::{
    self, Deserialize, DeserializeSeed, Deserializer, Expected, IntoDeserializer, MapAccess,
    SeqAccess, Unexpected, Visitor,
};
use serde_json::{Number, Value};

/// A field at fault in a JSON document: its path (`client.email`, `drafts[2].form.trainees`)
/// and a French message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PathError {
    pub path: String,
    pub message: String,
}

impl PathError {
    pub fn new(path: impl Into<String>, message: impl Into<String>) -> Self {
        PathError {
            path: path.into(),
            message: message.into(),
        }
    }
}

impl fmt::Display for PathError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.path.is_empty() {
            write!(f, "Document : {}", self.message)
        } else {
            write!(f, "Champ « {} » : {}", self.path, self.message)
        }
    }
}

impl std::error::Error for PathError {}

/// `path.key` (or `key` at the top).
pub(crate) fn join(path: &str, key: &str) -> String {
    if path.is_empty() {
        key.to_string()
    } else {
        format!("{path}.{key}")
    }
}

/// The first `max` characters of `s`, with "…" when cut.
pub(crate) fn shorten(s: &str, max: usize) -> String {
    if s.chars().count() <= max {
        s.to_string()
    } else {
        let mut out: String = s.chars().take(max).collect();
        out.push('…');
        out
    }
}

/// The JSON type of a value, in French.
pub(crate) fn kind_of(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "booléen",
        Value::Number(_) => "nombre",
        Value::String(_) => "chaîne de caractères",
        Value::Array(_) => "tableau",
        Value::Object(_) => "objet",
    }
}

/// `type attendu : … ; trouvé : ….`
pub(crate) fn wrong_type(path: &str, expected: &str, found: &Value) -> PathError {
    PathError::new(path, wrong_type_message(expected, kind_of(found)))
}

fn wrong_type_message(expected: &str, found: &str) -> String {
    format!("type attendu : {expected} ; trouvé : {found}.")
}

/// Reads `value` (found at `path` in its document) into `T`; an error names the field at
/// fault by its path from `path`.
pub(crate) fn read<'a, T: Deserialize<'a>>(value: &'a Value, path: &str) -> Result<T, PathError> {
    T::deserialize(Reader { value }).map_err(|e| e.into_path_error(path))
}

// ---------------------------------------------------------------------------------------
// The error, in French
// ---------------------------------------------------------------------------------------

/// A step of a path: an object's key or an array's index.
#[derive(Debug)]
enum Step {
    Key(String),
    Index(usize),
}

/// The error of [`Reader`]: a French message, and the path of the field at fault, gathered
/// as the error goes up, innermost step first. Reading builds no path while all is well:
/// the deserializer stays small, as each type read has its own copy of it.
#[derive(Debug)]
struct ReadError {
    steps: Vec<Step>,
    message: String,
}

impl ReadError {
    fn new(message: String) -> Self {
        ReadError {
            steps: Vec::new(),
            message,
        }
    }

    /// The error went up through the field `key`.
    #[inline(never)]
    fn in_key(mut self, key: &str) -> Self {
        self.steps.push(Step::Key(shorten(key, 60)));
        self
    }

    /// The error went up through the item `index`.
    #[inline(never)]
    fn in_item(mut self, index: usize) -> Self {
        self.steps.push(Step::Index(index));
        self
    }

    fn into_path_error(self, path: &str) -> PathError {
        let mut full = path.to_string();
        for step in self.steps.iter().rev() {
            match step {
                Step::Key(key) => full = join(&full, key),
                Step::Index(i) => full.push_str(&format!("[{i}]")),
            }
        }
        PathError::new(full, self.message)
    }
}

impl fmt::Display for ReadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for ReadError {}

impl de::Error for ReadError {
    fn custom<T: fmt::Display>(msg: T) -> Self {
        ReadError::new(msg.to_string())
    }

    fn invalid_type(unexp: Unexpected<'_>, exp: &dyn Expected) -> Self {
        ReadError::new(wrong_type_message(&expected_fr(exp), found_fr(&unexp)))
    }

    fn invalid_value(unexp: Unexpected<'_>, exp: &dyn Expected) -> Self {
        let expected = expected_fr(exp);
        match (unexp, unsigned_max(exp)) {
            (Unexpected::Unsigned(n), Some(max)) => {
                ReadError::new(format!("{n} est hors limites : de 0 à {max}."))
            }
            (Unexpected::Signed(_), Some(_)) => {
                ReadError::new(wrong_type_message(&expected, "nombre"))
            }
            (unexp, _) => ReadError::new(format!(
                "valeur invalide ({}) ; attendu : {expected}.",
                found_fr(&unexp)
            )),
        }
    }

    fn invalid_length(len: usize, exp: &dyn Expected) -> Self {
        ReadError::new(format!("{len} éléments ; attendu : {}.", expected_fr(exp)))
    }

    fn unknown_variant(variant: &str, expected: &'static [&'static str]) -> Self {
        ReadError::new(format!(
            "« {} » n'est pas une valeur reconnue ; valeurs possibles : {}.",
            shorten(variant, 40),
            expected.join(", ")
        ))
    }

    fn unknown_field(_field: &str, expected: &'static [&'static str]) -> Self {
        // The path, which names the field, is set by the map reader.
        ReadError::new(format!(
            "champ inconnu dans ce format ; champs attendus ici : {}.",
            expected.join(", ")
        ))
    }

    fn missing_field(field: &'static str) -> Self {
        ReadError::new("champ obligatoire absent.".to_string()).in_key(field)
    }
}

/// What serde's own visitors expect, in French (the readers of this crate give French
/// expectations, kept as they are).
fn expected_fr(exp: &dyn Expected) -> String {
    let text = exp.to_string();
    let french = match text.as_str() {
        "a string" | "a borrowed string" | "a character" => "chaîne de caractères",
        "a boolean" => "booléen (true ou false)",
        "u8" | "u16" | "u32" | "u64" | "usize" => "nombre entier positif",
        "i8" | "i16" | "i32" | "i64" | "isize" => "nombre entier",
        "f32" | "f64" => "nombre",
        "a sequence" => "tableau",
        "a map" => "objet",
        other if other.starts_with("struct ") => "objet",
        other if other.starts_with("enum ") || other == "variant identifier" => {
            "chaîne de caractères"
        }
        _ => return text,
    };
    french.to_string()
}

/// The largest value of the unsigned type `exp` names, if it names one.
fn unsigned_max(exp: &dyn Expected) -> Option<u64> {
    match exp.to_string().as_str() {
        "u8" => Some(u64::from(u8::MAX)),
        "u16" => Some(u64::from(u16::MAX)),
        "u32" => Some(u64::from(u32::MAX)),
        "u64" | "usize" => Some(u64::MAX),
        _ => None,
    }
}

/// The JSON type of what was found, in French.
fn found_fr(unexp: &Unexpected<'_>) -> &'static str {
    match unexp {
        Unexpected::Bool(_) => "booléen",
        Unexpected::Unsigned(_) | Unexpected::Signed(_) | Unexpected::Float(_) => "nombre",
        Unexpected::Char(_) | Unexpected::Str(_) => "chaîne de caractères",
        Unexpected::Unit | Unexpected::Option => "null",
        Unexpected::Seq => "tableau",
        Unexpected::Map => "objet",
        _ => "valeur",
    }
}

// ---------------------------------------------------------------------------------------
// The deserializer
// ---------------------------------------------------------------------------------------

/// A JSON value being read (its path is gathered only by an error, see [`ReadError`]).
struct Reader<'a> {
    value: &'a Value,
}

fn visit_number<'de, V: Visitor<'de>>(n: &Number, visitor: V) -> Result<V::Value, ReadError> {
    if let Some(u) = n.as_u64() {
        visitor.visit_u64(u)
    } else if let Some(i) = n.as_i64() {
        visitor.visit_i64(i)
    } else {
        visitor.visit_f64(n.as_f64().unwrap_or(f64::NAN))
    }
}

impl<'de> Deserializer<'de> for Reader<'de> {
    type Error = ReadError;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, ReadError> {
        match self.value {
            Value::Null => visitor.visit_unit(),
            Value::Bool(b) => visitor.visit_bool(*b),
            Value::Number(n) => visit_number(n, visitor),
            Value::String(s) => visitor.visit_borrowed_str(s),
            Value::Array(items) => visitor.visit_seq(Items {
                iter: items.iter().enumerate(),
            }),
            Value::Object(map) => visitor.visit_map(Fields {
                iter: map.iter(),
                pending: None,
            }),
        }
    }

    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, ReadError> {
        if self.value.is_null() {
            visitor.visit_none::<ReadError>()
        } else {
            visitor.visit_some(self)
        }
    }

    /// Enums are unit variants written as strings (`"entreprise"`, `"opco"`).
    fn deserialize_enum<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _variants: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, ReadError> {
        match self.value {
            Value::String(s) => visitor.visit_enum(s.as_str().into_deserializer()),
            other => Err(not_a("chaîne de caractères", other)),
        }
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        visitor: V,
    ) -> Result<V::Value, ReadError> {
        visitor.visit_newtype_struct(self)
    }

    /// Structs are objects only (a derive would also take an array, field by field).
    fn deserialize_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, ReadError> {
        if self.value.is_object() {
            self.deserialize_any(visitor)
        } else {
            Err(not_a("objet", self.value))
        }
    }

    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string bytes byte_buf
        unit unit_struct seq tuple tuple_struct map identifier ignored_any
    }
}

/// `type attendu : {expected} ; trouvé : …` for the value `found`.
fn not_a(expected: &str, found: &Value) -> ReadError {
    ReadError::new(wrong_type_message(expected, kind_of(found)))
}

/// The items of an array being read.
struct Items<'a> {
    iter: std::iter::Enumerate<std::slice::Iter<'a, Value>>,
}

impl<'de> SeqAccess<'de> for Items<'de> {
    type Error = ReadError;

    fn next_element_seed<T: DeserializeSeed<'de>>(
        &mut self,
        seed: T,
    ) -> Result<Option<T::Value>, ReadError> {
        let Some((i, value)) = self.iter.next() else {
            return Ok(None);
        };
        seed.deserialize(Reader { value })
            .map(Some)
            .map_err(|e| e.in_item(i))
    }

    fn size_hint(&self) -> Option<usize> {
        Some(self.iter.len())
    }
}

/// The fields of an object being read.
struct Fields<'a> {
    iter: serde_json::map::Iter<'a>,
    /// The field whose key was just read.
    pending: Option<(&'a str, &'a Value)>,
}

impl<'de> MapAccess<'de> for Fields<'de> {
    type Error = ReadError;

    fn next_key_seed<K: DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, ReadError> {
        let Some((key, value)) = self.iter.next() else {
            return Ok(None);
        };
        self.pending = Some((key.as_str(), value));
        seed.deserialize(BorrowedStrDeserializer::<ReadError>::new(key.as_str()))
            .map(Some)
            .map_err(|e| e.in_key(key))
    }

    fn next_value_seed<V: DeserializeSeed<'de>>(&mut self, seed: V) -> Result<V::Value, ReadError> {
        let Some((key, value)) = self.pending.take() else {
            return Err(ReadError::new("valeur lue sans sa clé.".to_string()));
        };
        seed.deserialize(Reader { value })
            .map_err(|e| e.in_key(key))
    }

    fn size_hint(&self) -> Option<usize> {
        Some(self.iter.len())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde::Deserialize;
    use serde_json::json;

    #[derive(Debug, PartialEq, Deserialize)]
    #[serde(deny_unknown_fields)]
    struct Inner {
        n: u8,
        kind: Kind,
        note: Option<String>,
    }

    #[derive(Debug, PartialEq, Deserialize)]
    enum Kind {
        #[serde(rename = "un")]
        One,
        #[serde(rename = "deux")]
        Two,
    }

    #[derive(Debug, PartialEq, Deserialize)]
    #[serde(deny_unknown_fields)]
    struct Outer {
        name: String,
        items: Vec<Inner>,
    }

    fn error(v: Value) -> PathError {
        read::<Outer>(&v, "doc").unwrap_err()
    }

    fn good() -> Value {
        json!({"name": "x", "items": [
            {"n": 1, "kind": "un", "note": null},
            {"n": 2, "kind": "deux", "note": "a"}
        ]})
    }

    #[test]
    fn reads_what_the_derive_describes() {
        let outer: Outer = read(&good(), "").unwrap();
        assert_eq!(outer.items[1].kind, Kind::Two);
        assert_eq!(outer.items[1].note.as_deref(), Some("a"));
    }

    #[test]
    fn errors_name_the_path_in_french() {
        type Case = (fn(&mut Value), &'static str, &'static str);
        let cases: Vec<Case> = vec![
            (
                |v| v["name"] = 3.into(),
                "doc.name",
                "type attendu : chaîne de caractères ; trouvé : nombre.",
            ),
            (
                |v| v["items"][1]["n"] = 300.into(),
                "doc.items[1].n",
                "300 est hors limites : de 0 à 255.",
            ),
            (
                |v| v["items"][1]["n"] = (-1).into(),
                "doc.items[1].n",
                "type attendu : nombre entier positif ; trouvé : nombre.",
            ),
            (
                |v| v["items"][0]["kind"] = "trois".into(),
                "doc.items[0].kind",
                "« trois » n'est pas une valeur reconnue ; valeurs possibles : un, deux.",
            ),
            (
                |v| v["items"][0]["kind"] = Value::Null,
                "doc.items[0].kind",
                "type attendu : chaîne de caractères ; trouvé : null.",
            ),
            (
                |v| {
                    v["items"][0].as_object_mut().unwrap().remove("n");
                },
                "doc.items[0].n",
                "champ obligatoire absent.",
            ),
            (
                |v| v["items"][0]["m"] = 1.into(),
                "doc.items[0].m",
                "champ inconnu dans ce format ; champs attendus ici : n, kind, note.",
            ),
            (
                |v| v["items"] = json!({}),
                "doc.items",
                "type attendu : tableau ; trouvé : objet.",
            ),
            (
                |v| v["items"][1] = json!([]),
                "doc.items[1]",
                "type attendu : objet ; trouvé : tableau.",
            ),
            (
                |v| v["items"][1]["note"] = json!(true),
                "doc.items[1].note",
                "type attendu : chaîne de caractères ; trouvé : booléen.",
            ),
        ];
        for (edit, path, message) in cases {
            let mut v = good();
            edit(&mut v);
            assert_eq!(error(v), PathError::new(path, message));
        }
        assert_eq!(
            read::<Outer>(&json!([1]), "").unwrap_err(),
            PathError::new("", "type attendu : objet ; trouvé : tableau.")
        );
    }
}
