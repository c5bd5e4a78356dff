//! Parsing `METHOD /api/v10/...` into the routes the sim implements.

/// A REST route the sim understands.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum Route {
    Gateway,
    GatewayBot,
    ApplicationInfo,
    CurrentUser,
    GetUser { user: u64 },
    CreateDm,
    PutCommands { guild: Option<u64> },
    GetCommands { guild: Option<u64> },
    Callback { interaction: u64, token: String },
    GetOriginal { token: String },
    EditOriginal { token: String },
    DeleteOriginal { token: String },
    Followup { token: String },
    EditFollowup { token: String, message: u64 },
    GetFollowup { token: String, message: u64 },
    DeleteFollowup { token: String, message: u64 },
    GetChannel { channel: u64 },
    CreateMessage { channel: u64 },
    GetMessages { channel: u64 },
    GetMessage { channel: u64, message: u64 },
    EditMessage { channel: u64, message: u64 },
    DeleteMessage { channel: u64, message: u64 },
    GetMember { guild: u64, user: u64 },
}

/// Why a path did not resolve to a route.
#[derive(Debug, PartialEq, Eq)]
pub(crate) enum RouteError {
    /// No such route (or wrong method).
    Unknown,
    /// A snowflake segment was not a number.
    BadId(String),
    /// The application id in the path is not ours.
    WrongApplication,
}

fn id(s: &str) -> Result<u64, RouteError> {
    s.parse().map_err(|_| RouteError::BadId(s.to_owned()))
}

/// Resolves a method and a path below `/api/v10`.
pub(crate) fn parse(method: &str, path: &str, application_id: u64) -> Result<Route, RouteError> {
    let segments: Vec<&str> = path.trim_matches('/').split('/').collect();
    let app = |s: &str| -> Result<(), RouteError> {
        if id(s)? == application_id {
            Ok(())
        } else {
            Err(RouteError::WrongApplication)
        }
    };
    let token = |s: &str| s.to_owned();
    Ok(match (method, segments.as_slice()) {
        ("GET", ["gateway"]) => Route::Gateway,
        ("GET", ["gateway", "bot"]) => Route::GatewayBot,
        ("GET", ["oauth2", "applications", "@me"] | ["applications", "@me"]) => Route::ApplicationInfo,
        ("GET", ["users", "@me"]) => Route::CurrentUser,
        ("GET", ["users", u]) => Route::GetUser { user: id(u)? },
        ("POST", ["users", "@me", "channels"]) => Route::CreateDm,
        ("PUT", ["applications", a, "commands"]) => {
            app(a)?;
            Route::PutCommands { guild: None }
        }
        ("PUT", ["applications", a, "guilds", g, "commands"]) => {
            app(a)?;
            Route::PutCommands { guild: Some(id(g)?) }
        }
        ("GET", ["applications", a, "commands"]) => {
            app(a)?;
            Route::GetCommands { guild: None }
        }
        ("GET", ["applications", a, "guilds", g, "commands"]) => {
            app(a)?;
            Route::GetCommands { guild: Some(id(g)?) }
        }
        ("POST", ["interactions", i, t, "callback"]) => Route::Callback { interaction: id(i)?, token: token(t) },
        (m, ["webhooks", a, t, "messages", "@original"]) => {
            app(a)?;
            match m {
                "GET" => Route::GetOriginal { token: token(t) },
                "PATCH" => Route::EditOriginal { token: token(t) },
                "DELETE" => Route::DeleteOriginal { token: token(t) },
                _ => return Err(RouteError::Unknown),
            }
        }
        ("POST", ["webhooks", a, t]) => {
            app(a)?;
            Route::Followup { token: token(t) }
        }
        (m, ["webhooks", a, t, "messages", msg]) => {
            app(a)?;
            let (token, message) = (token(t), id(msg)?);
            match m {
                "GET" => Route::GetFollowup { token, message },
                "PATCH" => Route::EditFollowup { token, message },
                "DELETE" => Route::DeleteFollowup { token, message },
                _ => return Err(RouteError::Unknown),
            }
        }
        ("GET", ["channels", c]) => Route::GetChannel { channel: id(c)? },
        ("POST", ["channels", c, "messages"]) => Route::CreateMessage { channel: id(c)? },
        ("GET", ["channels", c, "messages"]) => Route::GetMessages { channel: id(c)? },
        (m, ["channels", c, "messages", msg]) => {
            let (channel, message) = (id(c)?, id(msg)?);
            match m {
                "GET" => Route::GetMessage { channel, message },
                "PATCH" => Route::EditMessage { channel, message },
                "DELETE" => Route::DeleteMessage { channel, message },
                _ => return Err(RouteError::Unknown),
            }
        }
        ("GET", ["guilds", g, "members", u]) => Route::GetMember { guild: id(g)?, user: id(u)? },
        _ => return Err(RouteError::Unknown),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn webhook_and_channel_paths_resolve() {
        assert_eq!(
            parse("PATCH", "/webhooks/5/abc/messages/@original", 5),
            Ok(Route::EditOriginal { token: "abc".into() })
        );
        assert_eq!(parse("POST", "/channels/9/messages", 5), Ok(Route::CreateMessage { channel: 9 }));
        assert_eq!(parse("PUT", "/applications/6/commands", 5), Err(RouteError::WrongApplication));
        assert_eq!(parse("GET", "/nope", 5), Err(RouteError::Unknown));
    }
}
