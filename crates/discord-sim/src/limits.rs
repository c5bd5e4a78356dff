//! Discord's message, component, modal and autocomplete limits, checked on every body the bot
//! sends (independent of the OpenAPI document): the first breach becomes a 400 `50035 Invalid
//! Form Body` naming the field, an empty message becomes `50006 Cannot send an empty message`.
//!
//! Lengths count Unicode scalar values (`chars().count()`), as Discord does.

use serde_json::{json, Map, Value};

/// Most characters in a message's content.
pub(crate) const CONTENT: usize = 2000;
/// Most embeds per message.
const EMBEDS: usize = 10;
/// Files on one message.
pub(crate) const ATTACHMENTS: usize = 10;
/// Uploads on one request: Discord's default `attachment_size_limit` (10 MiB), which the
/// simulated interactions announce.
pub(crate) const UPLOAD_BYTES: usize = 10 * 1024 * 1024;
/// Most characters over all embeds of a message (titles, descriptions, fields, footers, authors).
const EMBED_TOTAL: usize = 6000;
/// Most action rows per message or modal.
const ROWS: usize = 5;
/// Most components per action row.
const ROW_COMPONENTS: usize = 5;
/// Most characters of a `custom_id`.
const CUSTOM_ID: usize = 100;
/// Most characters of a nonce.
const NONCE: usize = 25;
/// Most autocomplete choices.
const CHOICES: usize = 25;

/// A breached limit: where, and Discord's error for it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Breach {
    /// Dotted path of the field, e.g. `embeds.0.title` or `data.content`.
    pub(crate) path: String,
    /// Discord's error code string, e.g. `BASE_TYPE_MAX_LENGTH`.
    pub(crate) code: &'static str,
    /// Human-readable message.
    pub(crate) message: String,
    /// Whether this is the "empty message" error (50006) rather than 50035.
    pub(crate) empty: bool,
}

impl Breach {
    fn max_length(path: String, max: usize) -> Self {
        Self { path, code: "BASE_TYPE_MAX_LENGTH", message: format!("Must be {max} or fewer in length."), empty: false }
    }

    /// Any other invalid field.
    pub(crate) fn invalid(path: &str, code: &'static str, message: &str) -> Self {
        Self { path: path.to_owned(), code, message: message.to_owned(), empty: false }
    }

    /// The empty-message error.
    pub(crate) fn empty() -> Self {
        Self { path: String::new(), code: "", message: "Cannot send an empty message".to_owned(), empty: true }
    }

    /// Discord's error body: `{"code": 50035, "message": "Invalid Form Body", "errors": {...}}`
    /// with the error nested along the path, or `{"code": 50006, ...}`.
    pub(crate) fn body(&self) -> Value {
        if self.empty {
            return json!({"code": 50006, "message": "Cannot send an empty message"});
        }
        let mut errors = json!({"_errors": [{"code": self.code, "message": self.message}]});
        for segment in self.path.rsplit('.') {
            let mut map = Map::new();
            map.insert(segment.to_owned(), errors);
            errors = Value::Object(map);
        }
        json!({"code": 50035, "message": "Invalid Form Body", "errors": errors})
    }
}

impl std::fmt::Display for Breach {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if self.empty {
            write!(f, "50006 {}", self.message)
        } else {
            write!(f, "50035 {}: {} ({})", self.path, self.message, self.code)
        }
    }
}

fn chars(v: &Value) -> usize {
    v.as_str().map_or(0, |s| s.chars().count())
}

fn join(prefix: &str, field: &str) -> String {
    if prefix.is_empty() {
        field.to_owned()
    } else {
        format!("{prefix}.{field}")
    }
}

fn max_len(value: &Value, path: String, max: usize) -> Result<(), Breach> {
    if chars(value) > max {
        Err(Breach::max_length(path, max))
    } else {
        Ok(())
    }
}

fn items<'v>(value: &'v Value, path: &str, max: usize) -> Result<&'v [Value], Breach> {
    let list = value.as_array().map_or(&[][..], Vec::as_slice);
    if list.len() > max {
        Err(Breach::max_length(path.to_owned(), max))
    } else {
        Ok(list)
    }
}

/// Checks one embed; returns its characters counted towards the 6000 total.
fn embed(e: &Value, path: &str) -> Result<usize, Breach> {
    max_len(&e["title"], join(path, "title"), 256)?;
    max_len(&e["description"], join(path, "description"), 4096)?;
    max_len(&e["footer"]["text"], join(path, "footer.text"), 2048)?;
    max_len(&e["author"]["name"], join(path, "author.name"), 256)?;
    let mut total = chars(&e["title"]) + chars(&e["description"]) + chars(&e["footer"]["text"]);
    total += chars(&e["author"]["name"]);
    let fields_path = join(path, "fields");
    for (i, field) in items(&e["fields"], &fields_path, 25)?.iter().enumerate() {
        let at = format!("{fields_path}.{i}");
        max_len(&field["name"], join(&at, "name"), 256)?;
        max_len(&field["value"], join(&at, "value"), 1024)?;
        total += chars(&field["name"]) + chars(&field["value"]);
    }
    Ok(total)
}

fn components(rows: &Value, path: &str) -> Result<(), Breach> {
    for (r, row) in items(rows, path, ROWS)?.iter().enumerate() {
        let row_path = format!("{path}.{r}.components");
        for (c, component) in items(&row["components"], &row_path, ROW_COMPONENTS)?.iter().enumerate() {
            let at = format!("{row_path}.{c}");
            max_len(&component["custom_id"], join(&at, "custom_id"), CUSTOM_ID)?;
            if component["type"] == 2 {
                max_len(&component["label"], join(&at, "label"), 80)?;
            }
        }
    }
    Ok(())
}

/// Checks message data (create, edit, callback 4/7 `data`, followup) under `prefix` (e.g.
/// `data` for callbacks, empty otherwise). Only fields present are checked.
pub(crate) fn message(json: &Value, prefix: &str) -> Result<(), Breach> {
    max_len(&json["content"], join(prefix, "content"), CONTENT)?;
    if let Value::String(nonce) = &json["nonce"] {
        if nonce.chars().count() > NONCE {
            return Err(Breach::max_length(join(prefix, "nonce"), NONCE));
        }
    }
    let embeds_path = join(prefix, "embeds");
    let mut total = 0;
    for (i, e) in items(&json["embeds"], &embeds_path, EMBEDS)?.iter().enumerate() {
        total += embed(e, &format!("{embeds_path}.{i}"))?;
    }
    if total > EMBED_TOTAL {
        return Err(Breach {
            path: embeds_path,
            code: "MAX_EMBED_SIZE_EXCEEDED",
            message: format!("Embed size exceeds maximum size of {EMBED_TOTAL}"),
            empty: false,
        });
    }
    components(&json["components"], &join(prefix, "components"))
}

/// Whether a new message made of `json` plus `files` uploads would be empty.
pub(crate) fn is_empty_message(json: &Value, files: usize) -> bool {
    let present = |key: &str| match &json[key] {
        Value::String(s) => !s.is_empty(),
        Value::Array(a) => !a.is_empty(),
        Value::Null => false,
        _ => true,
    };
    files == 0 && !["content", "embeds", "components", "attachments", "sticker_ids", "poll"].iter().any(|k| present(k))
}

/// Checks a modal (callback type 9 `data`).
pub(crate) fn modal(data: &Value) -> Result<(), Breach> {
    max_len(&data["title"], "data.title".to_owned(), 45)?;
    max_len(&data["custom_id"], "data.custom_id".to_owned(), CUSTOM_ID)?;
    for (r, row) in items(&data["components"], "data.components", ROWS)?.iter().enumerate() {
        let row_path = format!("data.components.{r}.components");
        for (c, input) in row["components"].as_array().into_iter().flatten().enumerate() {
            let at = format!("{row_path}.{c}");
            max_len(&input["label"], join(&at, "label"), 45)?;
            max_len(&input["placeholder"], join(&at, "placeholder"), 100)?;
            max_len(&input["value"], join(&at, "value"), 4000)?;
            max_len(&input["custom_id"], join(&at, "custom_id"), CUSTOM_ID)?;
        }
    }
    Ok(())
}

/// Checks autocomplete choices (callback type 8 `data`).
pub(crate) fn choices(data: &Value) -> Result<(), Breach> {
    for (i, choice) in items(&data["choices"], "data.choices", CHOICES)?.iter().enumerate() {
        let at = format!("data.choices.{i}");
        max_len(&choice["name"], join(&at, "name"), 100)?;
        max_len(&choice["value"], join(&at, "value"), 100)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn content_of_2000_characters_passes_and_2001_fails_at_content() {
        assert!(message(&json!({"content": "é".repeat(2000)}), "").is_ok());
        let breach = message(&json!({"content": "x".repeat(2001)}), "data").unwrap_err();
        assert_eq!(breach.path, "data.content");
        assert_eq!(breach.body()["errors"]["data"]["content"]["_errors"][0]["code"], "BASE_TYPE_MAX_LENGTH");
    }

    #[test]
    fn embeds_over_6000_characters_in_total_fail_even_when_each_is_small() {
        let e = json!({"description": "x".repeat(3000)});
        assert!(message(&json!({"embeds": [e.clone(), e.clone()]}), "").is_ok());
        let big = json!({"embeds": [e.clone(), e, {"title": "y"}]});
        assert_eq!(message(&big, "").unwrap_err().code, "MAX_EMBED_SIZE_EXCEEDED");
    }

    #[test]
    fn buttons_rows_choices_and_modals_are_limited() {
        let button = json!({"type": 2, "custom_id": "a", "label": "l".repeat(81)});
        let breach = message(&json!({"components": [{"type": 1, "components": [button]}]}), "").unwrap_err();
        assert_eq!(breach.path, "components.0.components.0.label");
        let six: Vec<Value> = (0..6).map(|_| json!({"type": 1, "components": []})).collect();
        assert_eq!(message(&json!({"components": six}), "").unwrap_err().path, "components");
        let many: Vec<Value> = (0..26).map(|i| json!({"name": i.to_string(), "value": "v"})).collect();
        assert_eq!(choices(&json!({"choices": many})).unwrap_err().path, "data.choices");
        assert_eq!(modal(&json!({"title": "t".repeat(46)})).unwrap_err().path, "data.title");
    }

    #[test]
    fn a_message_without_content_embeds_files_or_components_is_empty() {
        assert!(is_empty_message(&json!({"content": ""}), 0));
        assert!(!is_empty_message(&json!({"content": ""}), 1));
        assert!(!is_empty_message(&json!({"embeds": [{"title": "t"}]}), 0));
        assert_eq!(Breach::empty().body()["code"], 50006);
    }
}
