//! The bot's words: every reply, DM, channel post, button, form and error a person reads comes
//! from the message catalogue, Fluent files under `locales/<locale>/` (English, the default, and
//! German, both complete; `locales/<locale>/commands.toml` names the commands, see
//! `bot::locales`).
//!
//! Code names a message by its id, [`tr!`]`("action-added", id = short_id)`, and the text is
//! looked up in the locale of the current [`scope`]: the interaction being answered, or, for the
//! scheduler, the reader of the message (`Store::reader_locale`). A message a locale lacks falls
//! back to English, so a translation is a file (plus one line in [`SOURCES`]) and may be partial.
//!
//! Ids are literals so the catalogue test can check that every id the code uses exists and every
//! English message is used; a message whose variables were not all given is a bug, caught by
//! debug builds (the tests) and logged in release builds.

use std::{borrow::Cow, sync::LazyLock};

use fluent_bundle::{concurrent::FluentBundle, FluentResource};

pub use fluent_bundle::{FluentArgs as Args, FluentValue as Value};

/// The shipped message files: locale, file name (for problems) and contents.
pub const SOURCES: &[(&str, &str, &str)] = &[
    ("en", "labels.ftl", include_str!("../locales/en/labels.ftl")),
    ("en", "app.ftl", include_str!("../locales/en/app.ftl")),
    ("en", "bot.ftl", include_str!("../locales/en/bot.ftl")),
    ("en", "commands.ftl", include_str!("../locales/en/commands.ftl")),
    ("en", "domain.ftl", include_str!("../locales/en/domain.ftl")),
    ("en", "render.ftl", include_str!("../locales/en/render.ftl")),
    ("en", "scheduler.ftl", include_str!("../locales/en/scheduler.ftl")),
    ("de", "labels.ftl", include_str!("../locales/de/labels.ftl")),
    ("de", "app.ftl", include_str!("../locales/de/app.ftl")),
    ("de", "bot.ftl", include_str!("../locales/de/bot.ftl")),
    ("de", "commands.ftl", include_str!("../locales/de/commands.ftl")),
    ("de", "domain.ftl", include_str!("../locales/de/domain.ftl")),
    ("de", "render.ftl", include_str!("../locales/de/render.ftl")),
    ("de", "scheduler.ftl", include_str!("../locales/de/scheduler.ftl")),
];

/// The locale every message exists in.
pub const DEFAULT_LOCALE: &str = "en";

tokio::task_local! {
    static LOCALE: Box<str>;
}

/// Runs `work` with messages in `locale` (a Discord locale such as `de` or `en-US`; `None` for
/// the default).
pub async fn scope<F: std::future::Future>(locale: Option<&str>, work: F) -> F::Output {
    LOCALE.scope(locale.unwrap_or(DEFAULT_LOCALE).into(), work).await
}

/// Runs blocking `work` in `locale`: work handed to another thread (`spawn_blocking`) takes the
/// locale of the interaction it serves along.
pub fn sync_scope<R>(locale: String, work: impl FnOnce() -> R) -> R {
    LOCALE.sync_scope(locale.into(), work)
}

/// The current task's locale ([`DEFAULT_LOCALE`] outside [`scope`]).
pub fn current_locale() -> String {
    LOCALE.try_with(ToString::to_string).unwrap_or_else(|_| DEFAULT_LOCALE.to_owned())
}

/// Formats message `id` in the current locale; use [`tr!`].
pub fn text(id: &str, args: Option<&Args<'_>>) -> String {
    LOCALE
        .try_with(|locale| SHIPPED.format(locale, id, args))
        .unwrap_or_else(|_| SHIPPED.format(DEFAULT_LOCALE, id, args))
}

/// Formats a catalogue message in the current locale: `tr!("id")` or
/// `tr!("id", name = value, count = n)`; values are strings or numbers (Fluent selects plural
/// forms on numbers). Pass ids and other large integers as strings.
#[macro_export]
macro_rules! tr {
    ($id:literal $(,)?) => {
        $crate::catalogue::text($id, None)
    };
    ($id:literal, $($name:ident = $value:expr),+ $(,)?) => {{
        let mut args = $crate::catalogue::Args::new();
        $( args.set(stringify!($name), $crate::catalogue::Value::from($value)); )+
        $crate::catalogue::text($id, Some(&args))
    }};
}

static SHIPPED: LazyLock<Catalogue> = LazyLock::new(|| {
    let (catalogue, problems) = Catalogue::new(SOURCES);
    for problem in &problems {
        tracing::error!(%problem, "message catalogue problem");
    }
    catalogue
});

type Bundle = FluentBundle<FluentResource>;

/// Message bundles by locale.
pub struct Catalogue {
    bundles: Vec<(String, Bundle)>,
}

impl Catalogue {
    /// Builds the bundles from `sources` (locale, file name, Fluent text); returns the problems
    /// found alongside (what parsed is kept).
    pub fn new(sources: &[(&str, &str, &str)]) -> (Self, Vec<String>) {
        let mut problems = Vec::new();
        let mut bundles: Vec<(String, Bundle)> = Vec::new();
        for (locale, file, text) in sources {
            let resource = FluentResource::try_new((*text).to_owned()).unwrap_or_else(|(resource, errors)| {
                problems.extend(errors.iter().map(|e| format!("{locale}/{file}: {e:?}")));
                resource
            });
            let index = if let Some(i) = bundles.iter().position(|(l, _)| l == locale) {
                i
            } else {
                let Ok(id) = locale.parse() else {
                    problems.push(format!("{locale}/{file}: {locale:?} is not a locale"));
                    continue;
                };
                let mut bundle = Bundle::new_concurrent(vec![id]);
                // Discord renders the text; Unicode isolation marks would only show up as noise.
                bundle.set_use_isolating(false);
                bundles.push(((*locale).to_owned(), bundle));
                bundles.len() - 1
            };
            if let Err(errors) = bundles[index].1.add_resource(resource) {
                problems.extend(errors.iter().map(|e| format!("{locale}/{file}: {e:?}")));
            }
        }
        (Self { bundles }, problems)
    }

    /// The bundle for a Discord locale: the exact one, else its language's (`en-GB` → `en`).
    fn bundle(&self, locale: &str) -> Option<&Bundle> {
        let language = locale.split('-').next().unwrap_or(locale);
        let find = |l: &str| self.bundles.iter().find(|(name, _)| name == l).map(|(_, b)| b);
        find(locale).or_else(|| find(language))
    }

    /// Message `id` in `locale`, falling back to the default locale, then to the id itself.
    pub fn format(&self, locale: &str, id: &str, args: Option<&Args<'_>>) -> String {
        let found = [locale, DEFAULT_LOCALE]
            .into_iter()
            .filter_map(|l| self.bundle(l))
            .find_map(|b| b.get_message(id).and_then(|m| m.value()).map(|p| (b, p)));
        let Some((bundle, pattern)) = found else {
            debug_assert!(false, "no message {id:?} in the catalogue");
            tracing::error!(id, "no such message in the catalogue");
            return id.to_owned();
        };
        let mut errors = Vec::new();
        let text: Cow<'_, str> = bundle.format_pattern(pattern, args, &mut errors);
        if !errors.is_empty() {
            debug_assert!(false, "message {id:?} in {locale}: {errors:?}");
            tracing::error!(id, locale, ?errors, "a catalogue message could not be formatted fully");
        }
        text.into_owned()
    }
}

#[cfg(test)]
mod tests;
