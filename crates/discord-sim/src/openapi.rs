//! Validation of request and response bodies against Discord's OpenAPI 3.1 document (feature
//! `openapi`).
//!
//! The operation is found by matching the request path against the document's path templates
//! (literal segments beat `{param}` segments). Its schema is compiled as JSON Schema 2020-12 with
//! the document's `components` attached at the root, so `#/components/schemas/...` references
//! resolve. Compiled validators are cached per operation.

use std::{
    collections::HashMap,
    path::Path,
    sync::{Arc, Mutex},
};

use anyhow::Context as _;
use serde_json::Value;

/// How many errors to report per body.
const MAX_ERRORS: usize = 5;

type Cache = HashMap<String, Option<Arc<jsonschema::Validator>>>;

/// A loaded OpenAPI document.
pub struct Validator {
    paths: Vec<(Vec<String>, Value)>,
    components: Value,
    cache: Mutex<Cache>,
}

impl Validator {
    /// Loads the document from a file.
    pub fn load(path: &Path) -> anyhow::Result<Self> {
        let text = std::fs::read_to_string(path).with_context(|| format!("reading {}", path.display()))?;
        let doc: Value = serde_json::from_str(&text).with_context(|| format!("parsing {}", path.display()))?;
        Ok(Self::from_document(&doc))
    }

    /// Uses an already parsed document.
    pub fn from_document(doc: &Value) -> Self {
        let paths = doc["paths"]
            .as_object()
            .into_iter()
            .flatten()
            .map(|(template, item)| {
                let segments = template.trim_matches('/').split('/').map(str::to_owned).collect();
                (segments, item.clone())
            })
            .collect();
        Self { paths, components: doc["components"].clone(), cache: Mutex::new(HashMap::new()) }
    }

    /// The path item whose template matches `path` best.
    fn path_item(&self, path: &str) -> Option<&Value> {
        let segments: Vec<&str> = path.trim_matches('/').split('/').collect();
        self.paths
            .iter()
            .filter(|(template, _)| {
                template.len() == segments.len()
                    && template.iter().zip(&segments).all(|(t, s)| t.starts_with('{') || t == s)
            })
            .max_by_key(|(template, _)| template.iter().filter(|t| !t.starts_with('{')).count())
            .map(|(_, item)| item)
    }

    fn validator(&self, key: &str, schema: &Value) -> Option<Arc<jsonschema::Validator>> {
        let mut cache = self.cache.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
        cache
            .entry(key.to_owned())
            .or_insert_with(|| {
                let mut root = schema.clone();
                if !root.is_object() {
                    return None;
                }
                root["components"] = self.components.clone();
                match jsonschema::options().with_draft(jsonschema::Draft::Draft202012).build(&root) {
                    Ok(v) => Some(Arc::new(v)),
                    Err(e) => {
                        tracing::warn!("cannot compile schema for {key}: {e}");
                        None
                    }
                }
            })
            .clone()
    }

    fn check(&self, key: &str, operation_id: &str, schema: &Value, body: &Value) -> Vec<String> {
        let Some(validator) = self.validator(key, schema) else { return Vec::new() };
        validator
            .iter_errors(body)
            .take(MAX_ERRORS)
            .map(|e| format!("{operation_id}: {e} (at {})", e.instance_path()))
            .collect()
    }

    /// Errors of a request body against the operation's `requestBody` JSON schema (multipart
    /// bodies are checked through their `payload_json`). Unknown operations yield no errors.
    pub fn check_request(&self, method: &str, path: &str, body: &Value) -> Vec<String> {
        let method = method.to_ascii_lowercase();
        let Some(op) = self.path_item(path).and_then(|item| item.get(&method)) else { return Vec::new() };
        let schema = &op["requestBody"]["content"]["application/json"]["schema"];
        if schema.is_null() {
            return Vec::new();
        }
        let id = op["operationId"].as_str().unwrap_or("?");
        let mut body = body.clone();
        stringify_snowflakes(&mut body, false);
        numeric_permissions(&mut body);
        self.check(&format!("{id} request"), id, schema, &body)
    }

    /// Errors of a response body against the operation's response schema for `status`.
    pub fn check_response(&self, method: &str, path: &str, status: u16, body: &Value) -> Vec<String> {
        let method = method.to_ascii_lowercase();
        let Some(op) = self.path_item(path).and_then(|item| item.get(&method)) else { return Vec::new() };
        let schema = &op["responses"][status.to_string()]["content"]["application/json"]["schema"];
        if schema.is_null() {
            return Vec::new();
        }
        let id = op["operationId"].as_str().unwrap_or("?");
        self.check(&format!("{id} response {status}"), id, schema, body)
    }
}

/// Discord accepts snowflakes as JSON integers as well as strings (serenity sends new
/// attachment ids as integers); the document only allows strings, so integers under `id`,
/// `*_id` and `*_ids` keys are turned into strings before a request is validated.
fn stringify_snowflakes(value: &mut Value, snowflake: bool) {
    match value {
        Value::Number(n) if snowflake => {
            if let Some(u) = n.as_u64() {
                *value = Value::String(u.to_string());
            }
        }
        Value::Object(map) => {
            for (key, v) in map.iter_mut() {
                let is_id = key == "id" || key.ends_with("_id") || key.ends_with("_ids");
                stringify_snowflakes(v, is_id);
            }
        }
        Value::Array(items) => items.iter_mut().for_each(|v| stringify_snowflakes(v, snowflake)),
        _ => {}
    }
}

/// Discord documents permission fields (`default_member_permissions`, `permissions`, `allow`,
/// `deny`) as strings holding a bit set ("32"), which is what serenity sends, while the
/// document types them as integers; a string of digits is turned into its integer before a
/// request is validated (anything else is left for the schema to refuse).
fn numeric_permissions(value: &mut Value) {
    match value {
        Value::Object(map) => {
            for (key, v) in map.iter_mut() {
                let is_permissions =
                    matches!(key.as_str(), "default_member_permissions" | "permissions" | "allow" | "deny");
                match v {
                    Value::String(s) if is_permissions => {
                        if let Ok(n) = s.parse::<u64>() {
                            *v = Value::from(n);
                        }
                    }
                    _ => numeric_permissions(v),
                }
            }
        }
        Value::Array(items) => items.iter_mut().for_each(numeric_permissions),
        _ => {}
    }
}

impl std::fmt::Debug for Validator {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Validator").field("paths", &self.paths.len()).finish_non_exhaustive()
    }
}
