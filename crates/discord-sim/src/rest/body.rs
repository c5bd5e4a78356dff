//! Request bodies: JSON, or multipart/form-data with `payload_json` and `files[n]` parts.

use anyhow::{anyhow, Context as _};
use axum::{
    body::Body,
    extract::{FromRequest as _, Multipart},
    http::{header::CONTENT_TYPE, Request},
};
use serde_json::Value;

/// Largest body the sim accepts (Discord's default upload limit is 10 MiB; be generous).
const MAX_BODY: usize = 64 * 1024 * 1024;

/// An uploaded file part.
#[derive(Clone, Debug)]
pub(crate) struct Upload {
    /// The form field name, e.g. `files[0]`.
    pub(crate) field: String,
    pub(crate) filename: String,
    pub(crate) content_type: Option<String>,
    pub(crate) bytes: Vec<u8>,
}

impl Upload {
    /// The attachment index from `files[n]`.
    pub(crate) fn index(&self) -> Option<u64> {
        self.field.strip_prefix("files[")?.strip_suffix(']')?.parse().ok()
    }
}

/// A parsed request body.
#[derive(Clone, Debug, Default)]
pub(crate) struct ParsedBody {
    /// The JSON body, or `payload_json`.
    pub(crate) json: Option<Value>,
    pub(crate) files: Vec<Upload>,
}

/// Reads and parses the body of `req`.
pub(crate) async fn parse(req: Request<Body>) -> anyhow::Result<ParsedBody> {
    let content_type = req.headers().get(CONTENT_TYPE).and_then(|v| v.to_str().ok()).unwrap_or_default().to_owned();
    if content_type.starts_with("multipart/form-data") {
        return parse_multipart(req).await;
    }
    let bytes = axum::body::to_bytes(req.into_body(), MAX_BODY).await.context("reading body")?;
    if bytes.is_empty() {
        return Ok(ParsedBody::default());
    }
    let json = serde_json::from_slice(&bytes).context("body is not JSON")?;
    Ok(ParsedBody { json: Some(json), files: Vec::new() })
}

async fn parse_multipart(mut req: Request<Body>) -> anyhow::Result<ParsedBody> {
    // axum's own default (2 MB) would refuse uploads Discord takes; the upload limit itself is
    // checked with the message, as Discord answers it (413).
    axum::extract::DefaultBodyLimit::max(MAX_BODY).apply(&mut req);
    let mut form = Multipart::from_request(req, &()).await.map_err(|e| anyhow!("bad multipart body: {e}"))?;
    let mut body = ParsedBody::default();
    while let Some(field) = form.next_field().await.context("reading multipart field")? {
        let name = field.name().unwrap_or_default().to_owned();
        let filename = field.file_name().map(str::to_owned);
        let content_type = field.content_type().map(str::to_owned);
        let bytes = field.bytes().await.context("reading multipart part")?;
        if name == "payload_json" {
            body.json = Some(serde_json::from_slice(&bytes).context("payload_json is not JSON")?);
        } else {
            body.files.push(Upload {
                filename: filename.unwrap_or_else(|| name.clone()),
                field: name,
                content_type,
                bytes: bytes.to_vec(),
            });
        }
    }
    Ok(body)
}
