//! Messages people read in the terminal, in `serve`'s error page and in `--help`: a key into
//! the Fluent catalogues (`src/i18n/messages/{en,ru,ky}.ftl`) with named arguments, rendered
//! in the reader's language at the moment it is shown.
//!
//! Diagnostics carry [`Message`]s, not text, so one build's problems can be printed in
//! Russian for a writer and in English for a log. Plurals follow CLDR's rules for each
//! language (Fluent's `intl_pluralrules`). Keys are checked by the tests at the bottom: every
//! key in all three catalogues, every placeholder used by every translation, and every key
//! the code uses present.

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use std::fmt;
use std::sync::OnceLock;

/// The language of jarya's own words (messages, help), chosen by the person running it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum UiLang {
    /// English.
    En,
    /// Russian.
    Ru,
    /// Kyrgyz.
    Ky,
}

impl UiLang {
    /// Every language the messages are written in.
    pub const ALL: [UiLang; 3] = [UiLang::En, UiLang::Ru, UiLang::Ky];

    /// Reads a language code or a POSIX locale (`ru`, `ky_KG.UTF-8`, `en-US`); `None` for
    /// `C`, `POSIX`, an empty value and languages jarya does not speak.
    pub fn from_locale(value: &str) -> Option<UiLang> {
        let code = value
            .split(['_', '.', '-', '@'])
            .next()
            .unwrap_or("")
            .trim()
            .to_ascii_lowercase();
        match code.as_str() {
            "en" => Some(UiLang::En),
            "ru" => Some(UiLang::Ru),
            "ky" | "kir" => Some(UiLang::Ky),
            _ => None,
        }
    }

    /// The language to speak: the `--ui-lang` flag, then `JARYA_LANG`, then the locale
    /// (`LC_ALL`, `LC_MESSAGES`, `LANG`), then `site` (the site's default language), then
    /// English. `env` reads a variable (the process environment outside tests).
    pub fn choose(
        flag: Option<&str>,
        env: impl Fn(&str) -> Option<String>,
        site: Option<UiLang>,
    ) -> UiLang {
        let from_env = ["JARYA_LANG", "LC_ALL", "LC_MESSAGES", "LANG"]
            .into_iter()
            .filter_map(&env)
            .find_map(|v| UiLang::from_locale(&v));
        flag.and_then(UiLang::from_locale)
            .or(from_env)
            .or(site)
            .unwrap_or(UiLang::En)
    }

    /// The language's code: `en`, `ru` or `ky`.
    pub fn code(self) -> &'static str {
        match self {
            UiLang::En => "en",
            UiLang::Ru => "ru",
            UiLang::Ky => "ky",
        }
    }

    fn catalogue(self) -> &'static str {
        match self {
            UiLang::En => include_str!("messages/en.ftl"),
            UiLang::Ru => include_str!("messages/ru.ftl"),
            UiLang::Ky => include_str!("messages/ky.ftl"),
        }
    }
}

impl From<crate::i18n::Lang> for UiLang {
    fn from(lang: crate::i18n::Lang) -> Self {
        match lang {
            crate::i18n::Lang::Ru => UiLang::Ru,
            crate::i18n::Lang::Ky => UiLang::Ky,
        }
    }
}

/// A value put into a message.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub enum Arg {
    /// Text shown as it is (a file name, a value as written).
    Text(String),
    /// A number: it chooses plural forms.
    Number(i64),
    /// Another message, rendered in the same language.
    Message(Box<Message>),
}

impl From<String> for Arg {
    fn from(s: String) -> Self {
        Arg::Text(s)
    }
}
impl From<&str> for Arg {
    fn from(s: &str) -> Self {
        Arg::Text(s.to_string())
    }
}
impl From<&String> for Arg {
    fn from(s: &String) -> Self {
        Arg::Text(s.clone())
    }
}
impl From<&std::path::Path> for Arg {
    fn from(p: &std::path::Path) -> Self {
        Arg::Text(p.display().to_string())
    }
}
impl From<&std::path::PathBuf> for Arg {
    fn from(p: &std::path::PathBuf) -> Self {
        Arg::Text(p.display().to_string())
    }
}
impl From<usize> for Arg {
    fn from(n: usize) -> Self {
        Arg::Number(i64::try_from(n).unwrap_or(i64::MAX))
    }
}
impl From<i64> for Arg {
    fn from(n: i64) -> Self {
        Arg::Number(n)
    }
}
impl From<Message> for Arg {
    fn from(m: Message) -> Self {
        Arg::Message(Box::new(m))
    }
}

/// One message: its catalogue key and its arguments.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Message {
    /// The key in the catalogues (`field-unknown`).
    pub key: &'static str,
    /// Named arguments, in the order given.
    pub args: Vec<(&'static str, Arg)>,
}

/// `msg!("key", name = value, ...)`: a [`Message`] with named arguments.
#[macro_export]
macro_rules! msg {
    ($key:literal $(, $name:ident = $value:expr)* $(,)?) => {
        $crate::i18n::Message::new($key)$(.arg(stringify!($name), $value))*
    };
}

impl Message {
    /// A message without arguments.
    pub fn new(key: &'static str) -> Self {
        Message {
            key,
            args: Vec::new(),
        }
    }

    /// Adds the argument `name`.
    pub fn arg(mut self, name: &'static str, value: impl Into<Arg>) -> Self {
        self.args.push((name, value.into()));
        self
    }

    /// The message in `lang`; English where a translation is missing, the key where even
    /// that is (the tests keep both from happening).
    pub fn render(&self, lang: UiLang) -> String {
        let mut args = FluentArgs::new();
        for (name, value) in &self.args {
            let v = match value {
                Arg::Text(s) => FluentValue::from(s.as_str()),
                Arg::Number(n) => FluentValue::from(*n),
                Arg::Message(m) => FluentValue::from(m.render(lang)),
            };
            args.set(*name, v);
        }
        for l in [lang, UiLang::En] {
            let bundle = bundle(l);
            if let Some(pattern) = bundle.get_message(self.key).and_then(|m| m.value()) {
                let mut errors = Vec::new();
                let text = bundle.format_pattern(pattern, Some(&args), &mut errors);
                return text.into_owned();
            }
        }
        self.key.to_string()
    }
}

impl fmt::Display for Message {
    /// The English text (for logs and tests; people get [`Message::render`]).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.render(UiLang::En))
    }
}

/// The text of a message without arguments (help texts, whose keys are made from the names
/// of arguments); `None` when the catalogue of `lang` lacks it.
pub fn text(key: &str, lang: UiLang) -> Option<String> {
    let bundle = bundle(lang);
    let pattern = bundle.get_message(key)?.value()?;
    let mut errors = Vec::new();
    Some(
        bundle
            .format_pattern(pattern, None, &mut errors)
            .into_owned(),
    )
}

/// Every key of the catalogue of `lang`, in the order written.
pub fn keys(lang: UiLang) -> Vec<String> {
    lang.catalogue()
        .lines()
        .filter(|l| l.starts_with(|c: char| c.is_ascii_lowercase()))
        .filter_map(|l| l.split_once(" =").map(|(k, _)| k.trim().to_string()))
        .collect()
}

/// The catalogue of `lang`, parsed once.
fn bundle(lang: UiLang) -> &'static FluentBundle<FluentResource> {
    static BUNDLES: OnceLock<Vec<FluentBundle<FluentResource>>> = OnceLock::new();
    let all = BUNDLES.get_or_init(|| UiLang::ALL.iter().map(|l| make_bundle(*l)).collect());
    let i = UiLang::ALL.iter().position(|l| *l == lang).unwrap_or(0);
    &all[i]
}

fn make_bundle(lang: UiLang) -> FluentBundle<FluentResource> {
    // The catalogues are part of the binary and checked by the tests; a syntax error in one
    // loses only the broken entries.
    let resource = FluentResource::try_new(lang.catalogue().to_string()).unwrap_or_else(|(r, _)| r);
    let id: unic_langid::LanguageIdentifier = lang.code().parse().unwrap_or_default();
    let mut bundle = FluentBundle::new_concurrent(vec![id]);
    // Terminal text: no Unicode isolation marks around placeables.
    bundle.set_use_isolating(false);
    let _ = bundle.add_resource(resource);
    bundle
}

#[cfg(test)]
mod tests;
