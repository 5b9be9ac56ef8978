//! Config stage: `content/site.yaml` -> a validated [`Config`].
//!
//! In: the site folder and command-line overrides. Out: the config, or diagnostics with the
//! line of each bad setting.

use crate::content::{self, Locator, Yaml};
mod brand;
mod languages;
mod optional;
pub use brand::{Accent, Brand, Logo, Rgb, SocialLink};
use languages::{RawLanguage, languages, read_languages};

use crate::error::Diagnostic;
use crate::i18n::{Lang, Message};
use crate::msg;
use crate::sanitize::Policy;
use std::path::{Path, PathBuf};

/// One language of the site.
#[derive(Debug, Clone, PartialEq)]
pub struct LanguageConfig {
    /// The language.
    pub lang: Lang,
    /// The site's name in this language.
    pub title: String,
    /// One sentence about the site, for the home page and search engines.
    pub description: String,
    /// The footer's text (`footer:`): who publishes, an address; empty for the theme's own.
    pub footer: String,
}

/// The validated site settings.
#[derive(Debug, Clone, PartialEq)]
pub struct Config {
    /// Where the site will be published, ending with `/`: `https://example.kg/`.
    pub base_url: String,
    /// The language listed first and used for the 404 page.
    pub default_language: Lang,
    /// The site's languages, the default one first.
    pub languages: Vec<LanguageConfig>,
    /// Releases per list page.
    pub per_page: usize,
    /// The time zone of the events' local times.
    pub timezone: jiff::tz::TimeZone,
    /// The time zone's name, as written.
    pub timezone_name: String,
    /// How long a timed event without an end lasts in calendars (default 2 hours).
    pub event_duration: jiff::SignedDuration,
    /// The region of phone numbers written without a country code (KG).
    pub phone_region: phonenumber::country::Id,
    /// The picture shown when a page without its own image is shared: a path under `static/`
    /// or a full address; `None` for the built-in one.
    pub image: Option<String>,
    /// The browser editor (`/admin/`), when the site turns it on.
    pub editor: Option<Editor>,
    /// `search: true`: search pages per language and a Pagefind index of the release pages.
    pub search: bool,
    /// What raw HTML in bodies may do (`unsafe_html`, `embed_hosts`).
    pub html: Policy,
    /// The line of `unsafe_html: true`, when it is on (`check` warns about it).
    pub unsafe_html_line: Option<usize>,
    /// Logo, accent colour, social links.
    pub brand: Brand,
    /// The site's folder as given (not a setting: where the settings were read; empty for
    /// settings parsed from text alone). A release's file is [`Release::file`] in it.
    ///
    /// [`Release::file`]: crate::model::Release::file
    pub dir: PathBuf,
}

/// `editor: true`: where the browser editor saves releases.
#[derive(Debug, Clone, PartialEq)]
pub struct Editor {
    /// The GitHub repository, `owner/name`: `editor_repo`, else the repository a GitHub Actions
    /// build runs in (`GITHUB_REPOSITORY`).
    pub repo: String,
    /// The branch it commits to (`editor_branch`, default `main`).
    pub branch: String,
}

impl Config {
    /// The settings of one language, if the site has it.
    pub fn language(&self, lang: Lang) -> Option<&LanguageConfig> {
        self.languages.iter().find(|l| l.lang == lang)
    }

    /// The path part of `base_url` (`/` or `/project/`): prefix of every link.
    pub fn base_path(&self) -> &str {
        let after_scheme = self
            .base_url
            .split_once("://")
            .map(|(_, rest)| rest)
            .unwrap_or(&self.base_url);
        after_scheme.find('/').map_or("/", |i| &after_scheme[i..])
    }
}

/// `content/site.yaml`, as written. Each field's line is the settings reference.
#[derive(Debug, Default)]
struct RawConfig {
    /// Where the site is published: `https://example.kg/` (required).
    base_url: Option<String>,
    /// `ru` or `ky`: listed first (default: `ru`).
    default_language: Option<String>,
    /// Each language's `title` and `description` (required).
    languages: Option<Vec<(String, RawLanguage)>>,
    /// Releases per list page (default 20).
    per_page: Option<String>,
    /// IANA time zone of the events (default `Asia/Bishkek`, UTC+6).
    timezone: Option<String>,
    /// How long a timed event without `end` lasts in calendars: `2h`, `90m`, `1h30m`.
    event_duration: Option<String>,
    /// Region of phone numbers written without a country code (default `KG`).
    phone_region: Option<String>,
    /// The same as a calling code (`996`), as earlier versions took it.
    phone_country_code: Option<String>,
    /// The default share picture: a path under `static/` or a full address.
    image: Option<String>,
    /// `true`: write the browser editor at `/admin/`.
    editor: Option<String>,
    /// The GitHub repository the editor saves to: `owner/name`.
    editor_repo: Option<String>,
    /// The branch the editor saves to (default `main`).
    editor_branch: Option<String>,
    /// `true`: search pages (`/ru/search/`) and an index of the releases, made by Pagefind.
    search: Option<String>,
    /// `true`: raw HTML in bodies goes out as written, script included.
    unsafe_html: Option<String>,
    /// Hosts whose pages a body may embed in an `<iframe>`: `[www.youtube.com]`.
    embed_hosts: Option<String>,
    /// The site's logo, under `static/`: `img/logo.svg` (SVG, PNG, JPEG or WebP).
    logo: Option<String>,
    /// The accent colour, in quotes: `"#0b5cad"` (checked against WCAG AA).
    accent: Option<String>,
    /// `accent:` was written with an unquoted `#`, which YAML reads as a comment.
    accent_commented: bool,
    /// Links to the organization elsewhere: `[https://t.me/ngo, https://facebook.com/ngo]`.
    social: Vec<String>,
}

const SETTINGS: [&str; 18] = [
    "logo",
    "search",
    "accent",
    "social",
    "unsafe_html",
    "embed_hosts",
    "editor",
    "editor_repo",
    "editor_branch",
    "image",
    "base_url",
    "default_language",
    "languages",
    "per_page",
    "timezone",
    "phone_country_code",
    "phone_region",
    "event_duration",
];

/// Reads the settings' shape: known keys, text where text is expected.
fn read_raw(tree: Yaml, loc: &Locator) -> (RawConfig, Vec<Diagnostic>) {
    let mut raw = RawConfig::default();
    let mut errors = Vec::new();
    let entries = match tree {
        Yaml::Map(m) => m,
        Yaml::Null => Vec::new(),
        other => {
            errors.push(shape(
                loc,
                "",
                &other,
                msg!("expect-settings-lines"),
                msg!("settings-example-hint"),
            ));
            return (raw, errors);
        }
    };
    for (key, value) in entries {
        let slot = match key.as_str() {
            "base_url" => &mut raw.base_url,
            "default_language" => &mut raw.default_language,
            "per_page" => &mut raw.per_page,
            "timezone" => &mut raw.timezone,
            "phone_country_code" => &mut raw.phone_country_code,
            "phone_region" => &mut raw.phone_region,
            "event_duration" => &mut raw.event_duration,
            "image" => &mut raw.image,
            "editor" => &mut raw.editor,
            "editor_repo" => &mut raw.editor_repo,
            "editor_branch" => &mut raw.editor_branch,
            "unsafe_html" => &mut raw.unsafe_html,
            "search" => &mut raw.search,
            "logo" => &mut raw.logo,
            "accent" => {
                raw.accent_commented = value == Yaml::Null
                    && loc
                        .written(&key)
                        .is_some_and(|w| w.trim_start().starts_with('#'));
                &mut raw.accent
            }
            "social" => {
                raw.social = optional::list(&value);
                continue;
            }
            "embed_hosts" => {
                raw.embed_hosts = optional::list_as_text(&value);
                continue;
            }
            "languages" => {
                raw.languages = read_languages(loc, &key, value, &mut errors);
                continue;
            }
            _ => {
                let list = SETTINGS.join(", ");
                let hint = match content::closest(&key, &SETTINGS) {
                    Some(k) => msg!("setting-unknown-suggest", suggestion = k, list = list),
                    None => msg!("setting-unknown-hint", list = list),
                };
                errors.push(
                    Diagnostic::error("", msg!("setting-unknown", name = &key))
                        .at_line(loc.line(&key))
                        .with_hint(hint),
                );
                continue;
            }
        };
        match text(&value) {
            Some(t) => *slot = Some(t),
            None if value == Yaml::Null => {}
            None => errors.push(shape(
                loc,
                &key,
                &value,
                msg!("expect-one-value"),
                msg!("expect-one-value-hint"),
            )),
        }
    }
    (raw, errors)
}

/// A value that is not of the expected shape.
fn shape(loc: &Locator, key: &str, found: &Yaml, expected: Message, hint: Message) -> Diagnostic {
    Diagnostic::error(
        "",
        msg!(
            "shape-expected",
            expected = expected,
            found = found.describe()
        ),
    )
    .at_line(loc.line(key))
    .in_field(key)
    .with_hint(hint)
}

/// A scalar's text (`None` for nothing and for lists or maps).
fn text(v: &Yaml) -> Option<String> {
    v.as_text().filter(|_| !matches!(v, Yaml::Null))
}

/// Where the site settings live, relative to the site folder.
pub fn config_path() -> PathBuf {
    Path::new("content").join("site.yaml")
}

/// Loads and checks `content/site.yaml`. `base_url` from the command line wins.
pub fn load(site: &Path, base_url_override: Option<&str>) -> Result<Config, Vec<Diagnostic>> {
    let rel = config_path();
    let abs = site.join(&rel);
    if !abs.is_file() {
        return Err(vec![
            Diagnostic::error(&rel, msg!("settings-missing"))
                .with_hint(msg!("settings-missing-hint")),
        ]);
    }
    let text = content::read_text(site, &abs).map_err(|d| vec![d])?;
    parse_in(&text, base_url_override, Some(site)).map_err(|ds| {
        ds.into_iter()
            .map(|mut d| {
                d.path = rel.clone();
                d
            })
            .collect()
    })
}

/// Parses the text of `site.yaml` (paths in the diagnostics are left empty; no logo is read).
pub fn parse(text: &str, base_url_override: Option<&str>) -> Result<Config, Vec<Diagnostic>> {
    parse_in(text, base_url_override, None)
}

/// Parses `site.yaml` of the site in `site` (its logo is read from `static/`).
fn parse_in(
    text: &str,
    base_url_override: Option<&str>,
    site: Option<&Path>,
) -> Result<Config, Vec<Diagnostic>> {
    let tree = content::parse_yaml_tree(text).map_err(|d| vec![d])?;
    let loc = Locator::new(text, 1);
    let (raw, shape_errors) = read_raw(tree, &loc);
    if !shape_errors.is_empty() {
        return Err(shape_errors);
    }
    let mut p = Problems {
        loc: &loc,
        // A title cut short by a comment (`title: НКО #1`) would be published cut.
        // `accent: #0b5cad` has its own message (a colour in quotes), given below.
        errors: (loc.cuts().iter())
            .filter(|c| !(c.field == "accent" && c.value.is_empty()))
            .map(|c| content::cut_short(Path::new(""), c))
            .collect(),
    };
    let base_url = base_url(
        &mut p,
        base_url_override.map(str::to_string).or(raw.base_url),
    );
    let default_language = default_language(&mut p, raw.default_language.as_deref());
    let languages = languages(&mut p, raw.languages, default_language);
    let per_page = per_page(&mut p, raw.per_page.as_deref());
    let (timezone, timezone_name) = timezone(&mut p, raw.timezone);
    let editor = optional::editor(&mut p, raw.editor, raw.editor_repo, raw.editor_branch);
    let search = optional::search(&mut p, raw.search.as_deref());
    let html = optional::html_policy(&mut p, raw.unsafe_html.as_deref(), raw.embed_hosts);
    let unsafe_html_line = html.unsafe_html.then(|| loc.line("unsafe_html"));
    let phone_region = phone_region(&mut p, raw.phone_region, raw.phone_country_code);
    let event_duration = event_duration(&mut p, raw.event_duration.as_deref());
    let brand = Brand {
        logo: site.and_then(|s| brand::logo(&mut p, s, raw.logo.as_deref())),
        accent: brand::accent(&mut p, raw.accent.as_deref(), raw.accent_commented),
        social: brand::social(&mut p, raw.social),
    };
    if !p.errors.is_empty() {
        return Err(p.errors);
    }
    let image = raw
        .image
        .map(|i| i.trim().trim_start_matches('/').to_string())
        .filter(|i| !i.is_empty());
    Ok(Config {
        brand,
        image,
        editor,
        search,
        html,
        unsafe_html_line,
        base_url,
        default_language,
        languages,
        per_page,
        timezone,
        timezone_name,
        phone_region,
        event_duration,
        dir: site.map(Path::to_path_buf).unwrap_or_default(),
    })
}

/// The problems of the settings, each at its setting's line.
pub(crate) struct Problems<'a> {
    loc: &'a Locator,
    errors: Vec<Diagnostic>,
}

impl Problems<'_> {
    pub(crate) fn err(&mut self, key: &str, message: Message, hint: Message) {
        self.err_at(key, key, message, hint);
    }

    /// An error about the setting `key`, at the line of `path` inside it (`languages.kg`).
    pub(crate) fn err_at(&mut self, key: &str, path: &str, message: Message, hint: Message) {
        self.errors.push(
            Diagnostic::error("", message)
                .at_line(self.loc.line(path))
                .in_field(key)
                .with_hint(hint),
        );
    }
}

fn base_url(p: &mut Problems<'_>, written: Option<String>) -> String {
    let base_url = written.unwrap_or_default().trim().to_string();
    if !(base_url.starts_with("http://") || base_url.starts_with("https://"))
        || base_url.contains(char::is_whitespace)
    {
        p.err(
            "base_url",
            msg!("base-url-invalid", found = &base_url),
            msg!("base-url-hint"),
        );
    }
    if base_url.ends_with('/') {
        base_url
    } else {
        format!("{base_url}/")
    }
}

fn default_language(p: &mut Problems<'_>, written: Option<&str>) -> Lang {
    let Some(code) = written else {
        return Lang::Ru;
    };
    Lang::from_code(code).unwrap_or_else(|| {
        let hint = match Lang::meant_by(code) {
            Some(meant) => msg!(
                "lang-meant",
                field = "default_language",
                code = meant.code()
            ),
            None => msg!("lang-unknown-hint"),
        };
        p.err("default_language", msg!("lang-unknown", found = code), hint);
        Lang::Ru
    })
}

fn per_page(p: &mut Problems<'_>, written: Option<&str>) -> usize {
    match written.map(|w| (w, w.trim().parse::<usize>())) {
        None => 20,
        Some((_, Ok(n))) if (1..=1000).contains(&n) => n,
        Some((n, _)) => {
            p.err(
                "per_page",
                msg!("per-page-invalid", found = n),
                msg!("per-page-hint"),
            );
            20
        }
    }
}

fn timezone(p: &mut Problems<'_>, written: Option<String>) -> (jiff::tz::TimeZone, String) {
    let name = written.unwrap_or_else(|| "Asia/Bishkek".to_string());
    match jiff::tz::db().get(name.trim()) {
        Ok(tz) => (tz, name),
        Err(_) => {
            p.err(
                "timezone",
                msg!("timezone-unknown", found = &name),
                msg!("timezone-hint"),
            );
            (jiff::tz::TimeZone::UTC, name)
        }
    }
}

/// `event_duration: 2h` (also `90m`, `1h30m`, `1:30`); 2 hours when not given.
fn event_duration(p: &mut Problems<'_>, written: Option<&str>) -> jiff::SignedDuration {
    let two_hours = jiff::SignedDuration::from_hours(2);
    let Some(w) = written else {
        return two_hours;
    };
    match parse_duration(w) {
        Some(minutes) if (1..=7 * 24 * 60).contains(&minutes) => {
            jiff::SignedDuration::from_mins(minutes)
        }
        _ => {
            p.err(
                "event_duration",
                msg!("event-duration-invalid", found = w),
                msg!("event-duration-hint"),
            );
            two_hours
        }
    }
}

/// `2h`, `90m`, `1h30m`, `1:30` -> minutes.
fn parse_duration(text: &str) -> Option<i64> {
    let t = text.trim().to_ascii_lowercase().replace(' ', "");
    if let Some((h, m)) = t.split_once(':') {
        return Some(h.parse::<i64>().ok()? * 60 + m.parse::<i64>().ok()?);
    }
    let (hours, rest) = match t.split_once('h') {
        Some((h, rest)) => (h.parse::<i64>().ok()?, rest),
        None => (0, t.as_str()),
    };
    let minutes = match rest.strip_suffix('m') {
        Some(m) => m.parse::<i64>().ok()?,
        None if rest.is_empty() && t.contains('h') => 0,
        None => return None,
    };
    Some(hours * 60 + minutes)
}

/// `phone_region: KG`, or the region of `phone_country_code: 996`; KG when neither is given.
fn phone_region(
    p: &mut Problems<'_>,
    region: Option<String>,
    calling_code: Option<String>,
) -> phonenumber::country::Id {
    use crate::model::phone;
    let kg = phonenumber::country::Id::KG;
    if let Some(r) = region {
        return phone::region(&r).unwrap_or_else(|| {
            p.err(
                "phone_region",
                msg!("phone-region-invalid", found = &r),
                msg!("phone-region-hint"),
            );
            kg
        });
    }
    let Some(code) = calling_code else {
        return kg;
    };
    phone::region_of_calling_code(&code).unwrap_or_else(|| {
        p.err(
            "phone_country_code",
            msg!("phone-code-invalid", found = &code),
            msg!("phone-code-hint"),
        );
        kg
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const GOOD: &str =
        "base_url: https://x.kg/sub\nlanguages:\n  ky: {title: Т}\n  ru: {title: T}\n";

    #[test]
    fn defaults_and_order() {
        let c = parse(GOOD, None).unwrap();
        assert_eq!(c.base_url, "https://x.kg/sub/");
        assert_eq!(c.base_path(), "/sub/");
        assert_eq!(c.default_language, Lang::Ru);
        assert_eq!(c.languages[0].lang, Lang::Ru);
        assert_eq!(c.per_page, 20);
        assert_eq!(c.timezone_name, "Asia/Bishkek");
        assert_eq!(c.phone_region, phonenumber::country::Id::KG);
        assert_eq!(c.event_duration, jiff::SignedDuration::from_hours(2));
        for (text, minutes) in [
            ("2h", 120),
            ("90m", 90),
            ("1h30m", 90),
            ("1:30", 90),
            ("3 h", 180),
        ] {
            assert_eq!(parse_duration(text), Some(minutes), "{text}");
        }
        assert_eq!(parse_duration("2 часа"), None);
    }

    /// A title cut short by a comment is an error; a comment written as one (`# ...`) is not.
    #[test]
    fn a_value_cut_by_a_comment_is_an_error() {
        let cut = GOOD.replace("{title: Т}", "\n    title: НКО #1");
        let errors = parse(&cut, None).unwrap_err();
        let keys: Vec<&str> = errors.iter().map(|d| d.message.key).collect();
        assert_eq!(keys, ["yaml-comment"]);
        assert_eq!(errors[0].line, Some(4));
        let commented = GOOD.replace(
            "base_url: https://x.kg/sub",
            "base_url: https://x.kg/sub  # адрес",
        );
        assert!(parse(&commented, None).is_ok());
        // A colour unquoted is the whole value taken for a comment: one error, the colour's.
        let colour = format!("{GOOD}accent: #0b5cad\n");
        let errors = parse(&colour, None).unwrap_err();
        let keys: Vec<&str> = errors.iter().map(|d| d.message.key).collect();
        assert_eq!(keys, ["accent-commented"]);
        let hashtag = GOOD.replace("{title: Т}", "\n    title: #МыВместе");
        let keys: Vec<&str> = (parse(&hashtag, None).unwrap_err().iter())
            .map(|d| d.message.key)
            .collect();
        assert_eq!(keys, ["yaml-comment-all"]);
    }

    #[test]
    fn search_is_off_unless_asked_and_needs_the_feature() {
        assert!(!parse(GOOD, None).unwrap().search);
        let on = parse(&format!("{GOOD}search: true\n"), None);
        if cfg!(feature = "search") {
            assert!(on.unwrap().search);
        } else {
            // A copy built without Pagefind says so at the setting's line.
            let errors = on.unwrap_err();
            assert_eq!(errors[0].message.key, "search-not-built");
            assert_eq!(errors[0].line, Some(5));
        }
        let bad = parse(&format!("{GOOD}search: yes\n"), None).unwrap_err();
        assert_eq!(bad[0].message.key, "field-bool");
        assert_eq!(bad[0].line, Some(5));
    }

    #[test]
    fn base_url_override_wins() {
        let c = parse(GOOD, Some("http://127.0.0.1:8000")).unwrap();
        assert_eq!(c.base_url, "http://127.0.0.1:8000/");
        assert_eq!(c.base_path(), "/");
    }

    #[test]
    fn every_bad_setting_is_reported_with_its_line() {
        let text =
            "base_url: x.kg\nper_page: 0\ntimezone: Asia/Bishkekk\nlanguages:\n  kz: {title: T}\n";
        let errs = parse(text, None).unwrap_err();
        let lines: Vec<_> = errs.iter().map(|d| d.line).collect();
        assert_eq!(errs.len(), 4, "{errs:#?}");
        assert!(lines.contains(&Some(1)));
        assert!(lines.contains(&Some(2)));
        assert!(lines.contains(&Some(3)));
        // `kz` at its own line under `languages:`.
        assert!(lines.contains(&Some(5)));
    }

    /// `kg` (the country) and `кыргызча` for Kyrgyz: the fix named, at the line written.
    #[test]
    fn a_language_written_as_a_country_or_a_word_is_named_at_its_line() {
        let text = "base_url: https://x.kg\ndefault_language: кыргызча\nlanguages:\n  ru: {title: Т}\n  kg: {title: Т}\n";
        let errs = parse(text, None).unwrap_err();
        let all: Vec<String> = errs.iter().map(|d| d.to_string()).collect();
        let all = all.join("\n");
        assert!(
            all.contains(":2: error: `default_language`: unknown language"),
            "{all}"
        );
        assert!(all.contains("write `default_language: ky`"), "{all}");
        assert!(
            all.contains(":5: error: `languages`: unknown language \"kg\""),
            "{all}"
        );
        assert!(all.contains("write `ky:`"), "{all}");
    }

    #[test]
    fn wrong_shapes_are_explained_without_type_names() {
        let errs = parse(
            "base_url: https://x.kg\nper_page: twenty\nlanguages:\n  ru: [a]\ntimezone: [x]\n",
            None,
        )
        .unwrap_err();
        let all: Vec<String> = errs.iter().map(|d| d.to_string()).collect();
        let all = all.join("\n");
        assert!(
            all.contains(
                ":4: error: `languages`: expected a title and a description for ru, found a list"
            ),
            "{all}"
        );
        assert!(
            all.contains(":5: error: `timezone`: expected one value on the line, found a list"),
            "{all}"
        );
        for rust in ["i64", "usize", "struct", "String", "Option"] {
            assert!(!all.contains(rust), "{all}");
        }
        let errs = parse(
            "base_url: https://x.kg\nper_page: twenty\nlanguages: {ru: {title: T}}\n",
            None,
        )
        .unwrap_err();
        assert_eq!(
            errs[0].to_string().lines().next().unwrap(),
            ":2: error: `per_page`: expected a number of releases per page from 1 to 1000, found \"twenty\""
        );
    }

    #[test]
    fn unknown_setting_suggests_the_closest() {
        let errs = parse("base_url: https://x.kg\nper_pag: 3\n", None).unwrap_err();
        assert_eq!(errs[0].line, Some(2));
        assert!(
            errs[0]
                .hint
                .as_ref()
                .unwrap()
                .to_string()
                .contains("per_page")
        );
    }
}
