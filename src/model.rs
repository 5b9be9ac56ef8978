//! Model stage (pure): (config, raw releases, today) -> [`Site`].
//!
//! Checks every field's meaning (dates, language, contacts, slugs), pairs translations and
//! builds the per-language indexes (home list, topics, organizers). No I/O, no clock, no Tera:
//! "today" is passed in. Every step is linear or n·log n in the number of releases.

use crate::config::Config;
use crate::content::{RawContact, RawRelease, Spanned};
use crate::error::Diagnostic;
use crate::i18n::{self, Lang};
use crate::registry::{Registries, Registry};
use crate::urls::TermKind;
use jiff::civil::{Date, DateTime};
use std::collections::BTreeMap;
use std::path::PathBuf;

/// The whole site, ready to render.
#[derive(Debug)]
pub struct Site {
    /// The settings.
    pub config: Config,
    /// Every published release, sorted by language, then newest first, then slug.
    pub releases: Vec<Release>,
    /// One index per site language, in the config's order.
    pub languages: Vec<LangIndex>,
    /// The day the site was built for (decides upcoming vs past).
    pub today: Date,
}

impl Site {
    /// The index of one language.
    pub fn index(&self, lang: Lang) -> Option<&LangIndex> {
        self.languages.iter().find(|l| l.lang == lang)
    }
}

/// A press release, checked.
#[derive(Debug, Clone)]
pub struct Release {
    /// Its language.
    pub lang: Lang,
    /// Last part of its URL: lowercase ASCII, digits and `-`.
    pub slug: String,
    /// Line of the `slug:` field, when the slug was given rather than taken from the file name.
    pub slug_line: Option<usize>,
    /// The headline.
    pub title: String,
    /// When the event starts, in the site's time zone.
    pub start: DateTime,
    /// Whether a start time was given (else only the day counts).
    pub start_timed: bool,
    /// When it ends, and whether a time was given.
    pub end: Option<(DateTime, bool)>,
    /// Who organizes it, at least one.
    pub organizers: Vec<TermRef>,
    /// What it is about.
    pub topics: Vec<TermRef>,
    /// Who to contact.
    pub contacts: Vec<Contact>,
    /// Where it happens.
    pub location: Option<Location>,
    /// A sentence or two for lists.
    pub summary: String,
    /// A picture: a site path (`/img/x.jpg`) or a full URL.
    pub image: Option<String>,
    /// Whether it is a draft (only present in `--drafts` builds).
    pub draft: bool,
    /// True when the event ends today or later.
    pub upcoming: bool,
    /// The file, relative to the site folder.
    pub source: PathBuf,
    /// The file on disk (the body is read again at render time).
    pub abs_source: PathBuf,
    /// Where the body starts in the normalized file text.
    pub body_offset: usize,
    /// Indexes (in [`Site::releases`]) of the same event in other languages.
    pub translations: Vec<usize>,
    /// Up to five releases of the same language: most shared topics, then nearest in date.
    pub related: Vec<usize>,
}

/// A topic or organizer as a release names it, resolved to its page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TermRef {
    /// The name shown.
    pub name: String,
    /// The slug of its page.
    pub slug: String,
    /// The registry entry it names, if any (index in its registry).
    pub entry: Option<usize>,
    /// Line of the field (`topics:` / `organizers:`) in the release.
    pub line: usize,
}

/// A way to reach someone about a release.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Contact {
    /// Person or office.
    pub name: String,
    /// Their role.
    pub role: Option<String>,
    /// Email address.
    pub email: Option<String>,
    /// Phone as written, and as a `tel:` number.
    pub phone: Option<Phone>,
    /// Web page.
    pub url: Option<String>,
}

/// A phone number: as written, and in international form for `tel:` links.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Phone {
    /// As the release writes it.
    pub display: String,
    /// `+996312911010`.
    pub tel: String,
}

/// Where an event takes place.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Location {
    /// The venue, or the whole place as one string.
    pub name: Option<String>,
    /// Street address.
    pub address: Option<String>,
    /// City.
    pub city: Option<String>,
}

impl Release {
    /// The folder of a bundle (a release written as `<name>/index.md`, with its photos and
    /// files beside it), or `None` for a plain `.md` file.
    pub fn bundle_dir(&self) -> Option<&std::path::Path> {
        let name = self.abs_source.file_name()?.to_string_lossy();
        if name.eq_ignore_ascii_case("index.md") {
            self.abs_source.parent()
        } else {
            None
        }
    }
}

impl Location {
    /// The parts joined with commas: "Отель «Шератон», Бишкек".
    pub fn one_line(&self) -> String {
        [&self.name, &self.address, &self.city]
            .into_iter()
            .flatten()
            .map(String::as_str)
            .collect::<Vec<_>>()
            .join(", ")
    }
}

/// One language's part of the site.
#[derive(Debug, Clone)]
pub struct LangIndex {
    /// The language.
    pub lang: Lang,
    /// Its releases in list order: upcoming (soonest first), then past (newest first).
    pub releases: Vec<usize>,
    /// Its topics, in alphabetical order.
    pub topics: Vec<Term>,
    /// Its organizers, in alphabetical order.
    pub organizers: Vec<Term>,
    /// Years with releases, newest first.
    pub years: Vec<Year>,
}

impl LangIndex {
    /// The topics or the organizers.
    pub fn terms(&self, kind: TermKind) -> &[Term] {
        match kind {
            TermKind::Topics => &self.topics,
            TermKind::Organizers => &self.organizers,
        }
    }
}

/// A topic or organizer page.
#[derive(Debug, Clone)]
pub struct Term {
    /// Name shown: the registry's name in this language, else the spelling most releases use.
    pub name: String,
    /// Slug of the page: the registry key, else the romanized name.
    pub slug: String,
    /// Its releases, in list order.
    pub releases: Vec<usize>,
    /// The registry entry (index in its registry); registered terms have a page in every
    /// language, with or without releases.
    pub entry: Option<usize>,
}

/// One year of a language's archive.
#[derive(Debug, Clone)]
pub struct Year {
    /// The year.
    pub year: i16,
    /// Its releases, newest first.
    pub releases: Vec<usize>,
}

/// Slugs a release may not take: the names of the site's own sections.
pub const RESERVED_SLUGS: [&str; 6] =
    ["topics", "organizers", "page", "archive", "static", "index"];

/// Builds the site: checks every release, pairs translations, builds indexes.
///
/// Returns the site and its warnings, or every error found (warnings included).
pub fn build(
    config: Config,
    raws: Vec<RawRelease>,
    registries: &Registries,
    today: Date,
    include_drafts: bool,
) -> Result<(Site, Vec<Diagnostic>), Vec<Diagnostic>> {
    let mut diags = Vec::new();
    let mut releases = Vec::with_capacity(raws.len());
    let mut keys = Vec::with_capacity(raws.len());
    for raw in raws {
        if let Some((release, key)) = check_release(&config, raw, today, &mut diags) {
            if release.draft && !include_drafts {
                continue;
            }
            releases.push(release);
            keys.push(key);
        }
    }
    check_unique_slugs(&releases, &mut diags);
    for registry in [&registries.topics, &registries.organizations]
        .into_iter()
        .flatten()
    {
        for entry in &registry.entries {
            for c in &entry.contacts {
                check_contact(&config, c, &registry.path, &mut diags);
            }
        }
    }
    if diags.iter().any(Diagnostic::is_error) {
        return Err(diags);
    }

    // Sort by language, newest first, slug: the order of `Site::releases`.
    let mut order: Vec<usize> = (0..releases.len()).collect();
    order.sort_by(|&a, &b| {
        let (x, y) = (&releases[a], &releases[b]);
        (x.lang, std::cmp::Reverse(x.start), &x.slug).cmp(&(
            y.lang,
            std::cmp::Reverse(y.start),
            &y.slug,
        ))
    });
    let mut slots: Vec<Option<(Release, TranslationKey)>> =
        releases.into_iter().zip(keys).map(Some).collect();
    let (mut releases, keys): (Vec<Release>, Vec<TranslationKey>) =
        order.iter().filter_map(|&i| slots[i].take()).unzip();

    link_translations(&mut releases, &keys, &mut diags);
    if diags.iter().any(Diagnostic::is_error) {
        return Err(diags);
    }
    let mut unmatched = Unmatched::new();
    let languages = config
        .languages
        .iter()
        .map(|l| index_language(l.lang, &mut releases, registries, &mut unmatched))
        .collect();
    diags.extend(unmatched_warnings(&releases, registries, unmatched));
    relate(&mut releases);
    Ok((
        Site {
            config,
            releases,
            languages,
            today,
        },
        diags,
    ))
}

/// What pairs translations: an explicit `translation_key`, or the file stem.
#[derive(Debug, Clone)]
struct TranslationKey {
    key: String,
    explicit: bool,
}

fn check_release(
    config: &Config,
    raw: RawRelease,
    today: Date,
    diags: &mut Vec<Diagnostic>,
) -> Option<(Release, TranslationKey)> {
    let errors_before = diags.iter().filter(|d| d.is_error()).count();
    let path = raw.path.clone();
    let end_line = raw.front_matter_end_line;
    let misspelled = raw.misspelled.clone();
    let missing = |field: &str, example: &str| {
        if misspelled.iter().any(|m| m == field) {
            // Already reported as "unknown field ..., did you mean `field`?".
            return None;
        }
        Some(
            Diagnostic::error(&path, format!("the required field `{field}` is missing"))
                .at_line(end_line)
                .in_field(field)
                .with_hint(format!("add a line before the closing `---`: {example}")),
        )
    };
    let bad = |field: &str, line: usize, message: String, hint: &str| {
        Diagnostic::error(&path, message)
            .at_line(line)
            .in_field(field)
            .with_hint(hint)
    };

    let title = match &raw.title {
        None => {
            diags.extend(missing("title", "title: Название мероприятия"));
            String::new()
        }
        Some(t) if t.value.trim().is_empty() => {
            diags.push(bad(
                "title",
                t.line,
                "the title is empty".into(),
                "write the release's headline after `title:`",
            ));
            String::new()
        }
        Some(t) => fold_spaces(&t.value),
    };

    let lang = match &raw.lang {
        None => {
            diags.extend(missing("lang", "lang: ru (or lang: ky)"));
            None
        }
        Some(l) => match Lang::from_code(&l.value).filter(|x| config.language(*x).is_some()) {
            Some(x) => Some(x),
            None => {
                let codes: Vec<_> = config.languages.iter().map(|l| l.lang.code()).collect();
                diags.push(bad(
                    "lang",
                    l.line,
                    format!("unknown language \"{}\"", l.value.trim()),
                    &format!("use one of: {}", codes.join(", ")),
                ));
                None
            }
        },
    };
    if let (Some(lang), Some(folder), Some(l)) = (lang, &raw.folder, &raw.lang)
        && let Some(folder_lang) = Lang::from_code(folder)
        && folder_lang != lang
    {
        diags.push(bad(
            "lang",
            l.line,
            format!("the file is in the `{folder}` folder but says `lang: {lang}`"),
            &format!("write `lang: {folder}`, or move the file to content/{lang}/"),
        ));
    }

    let start = match &raw.date {
        None => {
            diags.extend(missing("date", "date: 2025-06-27 (or 2025-06-27 10:00)"));
            None
        }
        Some(d) => match parse_when(&d.value, &config.timezone) {
            Ok(x) => Some(x),
            Err(message) => {
                diags.push(bad("date", d.line, message, &date_hint(&d.value)));
                None
            }
        },
    };
    let end = match &raw.end {
        None => None,
        Some(e) => match parse_when(&e.value, &config.timezone) {
            Ok(x) => Some((x, e.line)),
            Err(message) => {
                diags.push(bad("end", e.line, message, &date_hint(&e.value)));
                None
            }
        },
    };
    if let (Some((s, s_timed)), Some(((e, e_timed), line))) = (start, end) {
        let before = if s_timed && e_timed {
            e < s
        } else {
            e.date() < s.date()
        };
        if before {
            diags.push(bad(
                "end",
                line,
                format!(
                    "the event ends ({}) before it starts ({})",
                    i18n::iso_datetime(e, e_timed),
                    i18n::iso_datetime(s, s_timed)
                ),
                "`end` is the last day (and time) of the event; check both dates",
            ));
        }
    }

    let organizers = match &raw.organizers {
        None => {
            diags.extend(missing("organizers", "organizers: [ОФ «Название»]"));
            Vec::new()
        }
        Some(o) => {
            let names = check_names("organizers", o, &path, diags);
            if names.is_empty() && !o.value.iter().any(|n| n.trim().is_empty()) {
                diags.push(bad(
                    "organizers",
                    o.line,
                    "at least one organizer is needed".into(),
                    "name the organization(s) behind the event, one per line: `  - ОФ «Название»`",
                ));
            }
            names
        }
    };
    let topics = raw
        .topics
        .as_ref()
        .map(|t| check_names("topics", t, &path, diags))
        .unwrap_or_default();

    let mut contacts = Vec::new();
    if let Some(list) = &raw.contacts {
        for c in &list.value {
            if let Some(contact) = check_contact(config, c, &path, diags) {
                contacts.push(contact);
            }
        }
    }

    let location = raw.location.as_ref().and_then(|l| {
        let clean = |s: &Option<String>| s.as_deref().map(fold_spaces).filter(|s| !s.is_empty());
        let loc = Location {
            name: clean(&l.value.name),
            address: clean(&l.value.address),
            city: clean(&l.value.city),
        };
        (loc.name.is_some() || loc.address.is_some() || loc.city.is_some()).then_some(loc)
    });

    let summary = raw
        .summary
        .as_ref()
        .map(|s| fold_spaces(&s.value))
        .filter(|s| !s.is_empty())
        .unwrap_or_else(|| raw.first_paragraph.clone());

    let slug_lang = lang.unwrap_or(config.default_language);
    let slug = match &raw.slug {
        Some(s) => {
            let slug = i18n::slugify(slug_lang, &s.value);
            if slug.is_empty() {
                diags.push(bad(
                    "slug",
                    s.line,
                    format!(
                        "\"{}\" has no letters or digits to make a web address from",
                        s.value
                    ),
                    "use letters, digits and dashes: slug: forum-2025",
                ));
            }
            (slug, s.line)
        }
        None => {
            let slug = i18n::slugify(slug_lang, &raw.stem);
            if slug.is_empty() {
                diags.push(
                    Diagnostic::error(&path, format!("the file name \"{}\" has no letters or digits to make a web address from", raw.stem))
                        .at_line(1)
                        .with_hint("rename the file, or add a line `slug: forum-2025`"),
                );
            }
            (slug, 1)
        }
    };
    if RESERVED_SLUGS.contains(&slug.0.as_str()) {
        diags.push(
            Diagnostic::error(
                &path,
                format!(
                    "the web address `{}` is reserved for the site's own pages",
                    slug.0
                ),
            )
            .at_line(slug.1)
            .with_hint("add a line `slug: ...` with another name, or rename the file"),
        );
    }

    let image = raw.image.as_ref().and_then(|i| {
        let v = i.value.trim();
        if v.is_empty() {
            return None;
        }
        if v.starts_with("https://") || v.starts_with("http://") {
            return Some(v.to_string());
        }
        if v.contains("..") || v.contains('\\') || v.contains("://") {
            diags.push(bad(
                "image",
                i.line,
                format!("\"{v}\" is not a picture path under static/ or a full web address"),
                "write a path under static/, like `image: img/forum.jpg`, or a full https:// address",
            ));
            return None;
        }
        Some(format!("{}{}", config.base_path(), v.trim_start_matches('/')))
    });

    let translation_key = match &raw.translation_key {
        Some(k) if !k.value.trim().is_empty() => TranslationKey {
            key: k.value.trim().to_string(),
            explicit: true,
        },
        _ => TranslationKey {
            key: raw.stem.clone(),
            explicit: false,
        },
    };

    if diags.iter().filter(|d| d.is_error()).count() > errors_before {
        return None;
    }
    let (lang, (start, start_timed)) = (lang?, start?);
    let end = end.map(|(e, _)| e);
    let last_day = end.map_or(start.date(), |(e, _)| e.date());
    Some((
        Release {
            lang,
            slug: slug.0,
            slug_line: raw.slug.as_ref().map(|s| s.line),
            title,
            start,
            start_timed,
            end,
            organizers,
            topics,
            contacts,
            location,
            summary,
            image,
            draft: raw.draft.is_some_and(|d| d.value),
            upcoming: last_day >= today,
            source: raw.path,
            abs_source: raw.abs_path,
            body_offset: raw.body_offset,
            translations: Vec::new(),
            related: Vec::new(),
        },
        translation_key,
    ))
}

/// The hint for a date that could not be read; names the ISO form when the text is a date
/// written in words.
fn date_hint(written: &str) -> String {
    match i18n::parse_written_date(written) {
        Some(d) => format!("write it as {d} (year-month-day), or with a time: {d} 10:00"),
        None => "write the date as YYYY-MM-DD, e.g. 2025-06-27, or with a time: 2025-06-27 10:00"
            .to_string(),
    }
}

/// Spaces (including no-break and Word's odd ones) folded into one; trimmed.
fn fold_spaces(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Names of topics or organizers: trimmed, spaces folded; an empty name is an error.
fn check_names(
    field: &str,
    names: &Spanned<Vec<String>>,
    path: &PathBuf,
    diags: &mut Vec<Diagnostic>,
) -> Vec<TermRef> {
    let mut out: Vec<TermRef> = Vec::new();
    for name in &names.value {
        let name = fold_spaces(name);
        if name.is_empty() {
            diags.push(
                Diagnostic::error(path, "a name in the list is empty")
                    .at_line(names.line)
                    .in_field(field)
                    .with_hint("delete the empty `-` line or write the name after it"),
            );
            continue;
        }
        // The slug is decided by the model's term index; collect names here.
        if !out.iter().any(|t| t.name == name) {
            out.push(TermRef {
                name,
                slug: String::new(),
                entry: None,
                line: names.line,
            });
        }
    }
    out
}

/// A registry contact as shown on a page (its problems were reported when the site was built).
pub fn contact_from_raw(config: &Config, c: &RawContact) -> Option<Contact> {
    check_contact(config, c, &PathBuf::new(), &mut Vec::new())
}

fn check_contact(
    config: &Config,
    c: &RawContact,
    path: &PathBuf,
    diags: &mut Vec<Diagnostic>,
) -> Option<Contact> {
    let clean = |s: &Option<String>| s.as_deref().map(fold_spaces).filter(|s| !s.is_empty());
    let bad = |part: &str, message: String, hint: &str| {
        Diagnostic::error(path, message)
            .at_line(c.line_of(part))
            .in_field("contacts")
            .with_hint(hint)
    };
    let name = clean(&c.name);
    let email = clean(&c.email);
    let phone = clean(&c.phone);
    let url = clean(&c.url);
    let who = name.clone().unwrap_or_else(|| "a contact".to_string());
    let mut ok = true;
    if name.is_none() {
        diags.push(bad(
            "name",
            "a contact has no name".into(),
            "add `name: ...`: a person or an office",
        ));
        ok = false;
    }
    if email.is_none() && phone.is_none() && url.is_none() {
        diags.push(bad(
            "name",
            format!("{who} has no email, phone or url"),
            "give at least one way to reach them: `email: ...` or `phone: ...`",
        ));
        ok = false;
    }
    if let Some(e) = &email
        && !looks_like_email(e)
    {
        diags.push(bad(
            "email",
            format!("\"{e}\" is not an email address"),
            "write it like name@example.kg",
        ));
        ok = false;
    }
    let phone = match phone {
        None => None,
        Some(p) => match tel_number(&p, &config.phone_country_code) {
            Some(tel) => Some(Phone { display: p, tel }),
            None => {
                diags.push(bad(
                    "phone",
                    format!("\"{p}\" is not a phone number"),
                    "write the digits with spaces, like 0 312 91 10 10 or +996 771 28 66 05",
                ));
                ok = false;
                None
            }
        },
    };
    if let Some(u) = &url
        && (!(u.starts_with("https://") || u.starts_with("http://"))
            || u.contains(char::is_whitespace))
    {
        diags.push(bad(
            "url",
            format!("\"{u}\" is not a web address"),
            "write it in full: https://example.kg",
        ));
        ok = false;
    }
    ok.then(|| Contact {
        name: name.unwrap_or_default(),
        role: clean(&c.role),
        email,
        phone,
        url,
    })
}

fn looks_like_email(e: &str) -> bool {
    let Some((user, domain)) = e.split_once('@') else {
        return false;
    };
    !user.is_empty()
        && domain.contains('.')
        && !domain.starts_with('.')
        && !domain.ends_with('.')
        && !domain.contains('@')
        && !e.contains(char::is_whitespace)
        && !e.contains(['<', '>', '"', ',', ';'])
}

/// A phone number as written -> international `tel:` form.
///
/// `+…` stays; `00…` becomes `+…`; a national number with a leading 0 gets the country code
/// instead of the 0 (`0 312 91 10 10` -> `+996312911010`); one that already starts with the
/// country code gets a `+`. `None` when it has too few or too many digits, or letters.
pub fn tel_number(written: &str, country_code: &str) -> Option<String> {
    let t = written.trim();
    if t.chars()
        .any(|c| !(c.is_ascii_digit() || c.is_whitespace() || "+-().\u{2011}\u{2013}".contains(c)))
    {
        return None;
    }
    let digits: String = t.chars().filter(char::is_ascii_digit).collect();
    let international = if t.starts_with('+') {
        digits
    } else if let Some(rest) = digits.strip_prefix("00") {
        rest.to_string()
    } else if let Some(rest) = digits.strip_prefix('0') {
        format!("{country_code}{rest}")
    } else if digits.starts_with(country_code) && digits.len() >= country_code.len() + 8 {
        digits
    } else {
        format!("{country_code}{digits}")
    };
    (8..=15)
        .contains(&international.len())
        .then(|| format!("+{international}"))
}

/// Parses `2025-06-27`, `2025-06-27 10:00`, `2025-06-27T10:00[:00]`, `27.06.2025` (local time in
/// the site's zone) or RFC 3339 with an offset (converted to the site's zone).
/// Returns the local date-time and whether a time was given.
pub fn parse_when(text: &str, tz: &jiff::tz::TimeZone) -> Result<(DateTime, bool), String> {
    let t = text.trim();
    let not_a_date = || format!("\"{t}\" is not a date");
    // An offset can only follow the time part, after the first 11 characters (all ASCII in
    // any date this accepts; `get` keeps other text from being cut inside a character).
    let has_offset = t.is_ascii()
        && t.len() > 16
        && t.get(11..)
            .is_some_and(|time| time.ends_with(['Z', 'z']) || time.contains(['+', '-']));
    if has_offset {
        let ts: jiff::Timestamp = t.parse().map_err(|_| not_a_date())?;
        return Ok((tz.to_datetime(ts), true));
    }
    let iso = if let Some(d) = dotted_date(t) {
        d
    } else {
        t.replacen(' ', "T", 1)
    };
    let bytes = iso.as_bytes();
    let shaped = bytes.len() >= 10
        && bytes[..4].iter().all(u8::is_ascii_digit)
        && bytes[4] == b'-'
        && bytes[7] == b'-';
    if !shaped {
        return Err(not_a_date());
    }
    if iso.len() == 10 {
        let d: Date = iso
            .parse()
            .map_err(|_| format!("\"{t}\" is not a real date (check the month and the day)"))?;
        return Ok((d.to_datetime(jiff::civil::Time::midnight()), false));
    }
    let dt: DateTime = iso.parse().map_err(|_| {
        format!("\"{t}\" is not a real date and time (check the month, day, hours and minutes)")
    })?;
    Ok((dt, true))
}

/// `27.06.2025` -> `2025-06-27`.
fn dotted_date(t: &str) -> Option<String> {
    let (date, rest) = t.split_at_checked(10)?;
    let parts: Vec<&str> = date.split('.').collect();
    match parts.as_slice() {
        [d, m, y] if d.len() == 2 && m.len() == 2 && y.len() == 4 => {
            Some(format!("{y}-{m}-{d}{}", rest.replacen(' ', "T", 1)))
        }
        _ => None,
    }
}

fn check_unique_slugs(releases: &[Release], diags: &mut Vec<Diagnostic>) {
    let mut seen: BTreeMap<(Lang, &str), &Release> = BTreeMap::new();
    for r in releases {
        if let Some(first) = seen.insert((r.lang, &r.slug), r) {
            // Report on the file whose `slug:` made the clash, else on the later file.
            let (here, other) = if first.slug_line.is_some() && r.slug_line.is_none() {
                (first, r)
            } else {
                (r, first)
            };
            diags.push(
                Diagnostic::error(
                    &here.source,
                    format!(
                        "two {} releases have the web address /{}/{}/: this file and {}",
                        here.lang,
                        here.lang,
                        here.slug,
                        other.source.display()
                    ),
                )
                .at_line(here.slug_line.unwrap_or(1))
                .with_hint("give one of them another `slug:` (or rename the file)"),
            );
        }
    }
}

fn link_translations(
    releases: &mut [Release],
    keys: &[TranslationKey],
    diags: &mut Vec<Diagnostic>,
) {
    let mut groups: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
    for (i, k) in keys.iter().enumerate() {
        groups.entry(k.key.as_str()).or_default().push(i);
    }
    for members in groups.values() {
        if members.len() < 2 {
            continue;
        }
        let mut by_lang: BTreeMap<Lang, Vec<usize>> = BTreeMap::new();
        for &i in members {
            by_lang.entry(releases[i].lang).or_default().push(i);
        }
        if let Some(same) = by_lang.values().find(|v| v.len() > 1) {
            let (a, b) = (&releases[same[0]], &releases[same[1]]);
            let explicit = keys[same[0]].explicit || keys[same[1]].explicit;
            let (first, second) = if a.source <= b.source { (a, b) } else { (b, a) };
            let d = if explicit {
                Diagnostic::error(
                    &second.source,
                    format!(
                        "two {} releases share the translation_key \"{}\": this file and {}",
                        second.lang,
                        keys[same[0]].key,
                        first.source.display()
                    ),
                )
                .in_field("translation_key")
                .with_hint(
                    "a translation_key pairs one release per language: give each event its own key",
                )
            } else {
                Diagnostic::warning(
                    &second.source,
                    format!(
                        "this file and {} have the same name in one language, so neither is linked to a translation",
                        first.source.display()
                    ),
                )
                .with_hint("add the same `translation_key:` to a release and its translation")
            };
            diags.push(d);
            continue;
        }
        for &i in members {
            let others: Vec<usize> = members.iter().copied().filter(|&j| j != i).collect();
            releases[i].translations = others;
        }
    }
}

/// Builds one language's lists and term pages; fills in the releases' term slugs.
fn index_language(
    lang: Lang,
    releases: &mut [Release],
    registries: &Registries,
    unmatched: &mut Unmatched,
) -> LangIndex {
    let ids: Vec<usize> = (0..releases.len())
        .filter(|&i| releases[i].lang == lang)
        .collect();
    let list = list_order(releases, ids.clone());
    let mut terms = |kind: TermKind, field: fn(&mut Release) -> &mut Vec<TermRef>| {
        let registry = registries.of(kind);
        build_terms(lang, releases, &ids, &list, field, registry, |name, at| {
            unmatched.entry((kind, name)).or_default().push(at);
        })
    };
    let topics = terms(TermKind::Topics, |r| &mut r.topics);
    let organizers = terms(TermKind::Organizers, |r| &mut r.organizers);
    LangIndex {
        lang,
        years: years(releases, &ids),
        releases: list,
        topics,
        organizers,
    }
}

/// Years with releases, newest first, each with its releases newest first.
fn years(releases: &[Release], ids: &[usize]) -> Vec<Year> {
    let mut by_year: BTreeMap<i16, Vec<usize>> = BTreeMap::new();
    for &i in ids {
        by_year.entry(releases[i].start.year()).or_default().push(i);
    }
    by_year
        .into_iter()
        .rev()
        .map(|(year, mut rs)| {
            rs.sort_by(|&a, &b| {
                (releases[b].start, &releases[a].slug).cmp(&(releases[a].start, &releases[b].slug))
            });
            Year { year, releases: rs }
        })
        .collect()
}

/// Names that match no registry entry: (kind, name) -> every (release, line) using them.
type Unmatched = BTreeMap<(TermKind, String), Vec<(usize, usize)>>;

/// One warning per unregistered name, naming the files that use it and the closest entries.
fn unmatched_warnings(
    releases: &[Release],
    registries: &Registries,
    unmatched: Unmatched,
) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for ((kind, name), mut uses) in unmatched {
        uses.sort_by(|a, b| (&releases[a.0].source, a.1).cmp(&(&releases[b.0].source, b.1)));
        let Some(registry) = registries.of(kind) else {
            continue;
        };
        let Some(&(first, line)) = uses.first() else {
            continue;
        };
        let what = match kind {
            TermKind::Topics => "topic",
            TermKind::Organizers => "organizer",
        };
        let mut files: Vec<String> = uses
            .iter()
            .map(|(i, _)| releases[*i].source.display().to_string())
            .collect();
        files.dedup();
        let shown = files.len().min(3);
        let more = if files.len() > shown {
            format!(" and {} more", files.len() - shown)
        } else {
            String::new()
        };
        let lang = releases[first].lang;
        let closest: Vec<String> = registry
            .closest(&name)
            .iter()
            .map(|e| format!("\"{}\" ({})", e.name(lang), e.key))
            .collect();
        let hint = if closest.is_empty() {
            format!(
                "if it is a new {what}, add it to {}",
                registry.path.display()
            )
        } else {
            format!(
                "did you mean {}? Otherwise add it to {}",
                closest.join(" or "),
                registry.path.display()
            )
        };
        out.push(
            Diagnostic::warning(
                &releases[first].source,
                format!(
                    "the {what} \"{name}\" is not in {} (used in {}{more})",
                    registry.path.display(),
                    files[..shown].join(", ")
                ),
            )
            .at_line(line)
            .in_field(match kind {
                TermKind::Topics => "topics",
                TermKind::Organizers => "organizers",
            })
            .with_hint(hint),
        );
    }
    out
}

/// Upcoming releases (soonest first), then past ones (newest first); ties by slug.
pub fn list_order(releases: &[Release], mut ids: Vec<usize>) -> Vec<usize> {
    ids.sort_by(|&a, &b| {
        let (x, y) = (&releases[a], &releases[b]);
        match (x.upcoming, y.upcoming) {
            (true, false) => std::cmp::Ordering::Less,
            (false, true) => std::cmp::Ordering::Greater,
            (true, true) => (x.start, &x.slug).cmp(&(y.start, &y.slug)),
            (false, false) => (y.start, &x.slug).cmp(&(x.start, &y.slug)),
        }
    });
    ids
}

/// Groups a language's topic (or organizer) names into pages: a registered name goes to its
/// entry's page (slug = key); other names are grouped by slug, so "Гендерное равенство" and
/// "гендерное  равенство" are one page named by its most used spelling. Registered entries get a
/// page even without releases in this language, so every language links to every other.
fn build_terms(
    lang: Lang,
    releases: &mut [Release],
    ids: &[usize],
    list: &[usize],
    field: fn(&mut Release) -> &mut Vec<TermRef>,
    registry: Option<&Registry>,
    mut on_unmatched: impl FnMut(String, (usize, usize)),
) -> Vec<Term> {
    struct Acc {
        spellings: BTreeMap<String, usize>,
        members: Vec<usize>,
        entry: Option<usize>,
    }
    let mut by_slug: BTreeMap<String, Acc> = BTreeMap::new();
    if let Some(reg) = registry {
        for (e, entry) in reg.entries.iter().enumerate() {
            by_slug.insert(
                entry.key.clone(),
                Acc {
                    spellings: BTreeMap::new(),
                    members: Vec::new(),
                    entry: Some(e),
                },
            );
        }
    }
    for &i in ids {
        for t in field(&mut releases[i]).iter_mut() {
            let entry = registry.and_then(|r| r.find(lang, &t.name));
            let slug = match (entry, registry) {
                (Some(e), Some(reg)) => {
                    t.name = reg.entries[e].name(lang).to_string();
                    reg.entries[e].key.clone()
                }
                _ => {
                    if registry.is_some() {
                        on_unmatched(t.name.clone(), (i, t.line));
                    }
                    let slug = i18n::slugify(lang, &t.name);
                    if slug.is_empty() {
                        format!("u{:x}", fnv1a(&t.name))
                    } else {
                        slug
                    }
                }
            };
            t.slug = slug.clone();
            t.entry = entry;
            let acc = by_slug.entry(slug).or_insert_with(|| Acc {
                spellings: BTreeMap::new(),
                members: Vec::new(),
                entry: None,
            });
            *acc.spellings.entry(t.name.clone()).or_default() += 1;
            if acc.members.last() != Some(&i) {
                acc.members.push(i);
            }
        }
    }
    let position: BTreeMap<usize, usize> = list.iter().enumerate().map(|(p, &i)| (i, p)).collect();
    let mut terms: Vec<Term> = by_slug
        .into_iter()
        .map(|(slug, mut acc)| {
            let name = match (acc.entry, registry) {
                (Some(e), Some(reg)) => reg.entries[e].name(lang).to_string(),
                _ => acc
                    .spellings
                    .iter()
                    .max_by(|a, b| a.1.cmp(b.1).then_with(|| b.0.cmp(a.0)))
                    .map(|(n, _)| n.clone())
                    .unwrap_or_default(),
            };
            acc.members
                .sort_by_key(|i| position.get(i).copied().unwrap_or(usize::MAX));
            acc.members.dedup();
            Term {
                name,
                slug,
                releases: acc.members,
                entry: acc.entry,
            }
        })
        .collect();
    let names: BTreeMap<String, String> = terms
        .iter()
        .map(|t| (t.slug.clone(), t.name.clone()))
        .collect();
    for &i in ids {
        for t in field(&mut releases[i]).iter_mut() {
            if let Some(n) = names.get(&t.slug) {
                t.name = n.clone();
            }
        }
        let list = field(&mut releases[i]);
        let mut seen = std::collections::BTreeSet::new();
        list.retain(|t| seen.insert(t.slug.clone()));
    }
    terms.sort_by(|a, b| {
        (i18n::collation_key(&a.name), &a.slug).cmp(&(i18n::collation_key(&b.name), &b.slug))
    });
    terms
}

/// How many date-nearest releases of each shared topic are looked at when relating releases:
/// bounds the work per release, so relating is linear in the number of releases.
const RELATED_WINDOW: usize = 12;
/// How many related releases a release shows.
const RELATED_COUNT: usize = 5;

/// Fills `related`: releases of the same language with the most shared topics, then nearest in
/// date, then by slug. Candidates are the [`RELATED_WINDOW`] date-nearest releases on each side
/// in each of the release's topics; when fewer than five share a topic, the date-nearest
/// releases of the language fill the list.
fn relate(releases: &mut [Release]) {
    // Date-sorted members of each (language, topic), and of each language.
    let mut by_topic: BTreeMap<(Lang, &str), Vec<usize>> = BTreeMap::new();
    let mut by_lang: BTreeMap<Lang, Vec<usize>> = BTreeMap::new();
    for (i, r) in releases.iter().enumerate() {
        by_lang.entry(r.lang).or_default().push(i);
        for t in &r.topics {
            by_topic
                .entry((r.lang, t.slug.as_str()))
                .or_default()
                .push(i);
        }
    }
    let key = |i: usize| (releases[i].start, releases[i].slug.as_str());
    for v in by_topic.values_mut().chain(by_lang.values_mut()) {
        v.sort_by(|&a, &b| key(a).cmp(&key(b)));
    }
    let distance = |a: usize, b: usize| {
        let (x, y) = (releases[a].start, releases[b].start);
        if x > y {
            x.duration_since(y)
        } else {
            y.duration_since(x)
        }
    };
    let near = |list: &[usize], i: usize| -> Vec<usize> {
        let pos = list.partition_point(|&j| key(j) < key(i));
        let lo = pos.saturating_sub(RELATED_WINDOW);
        let hi = (pos + RELATED_WINDOW + 1).min(list.len());
        list[lo..hi].iter().copied().filter(|&j| j != i).collect()
    };
    let related: Vec<Vec<usize>> = (0..releases.len())
        .map(|i| {
            let r = &releases[i];
            let mut shared: BTreeMap<usize, usize> = BTreeMap::new();
            for t in &r.topics {
                if let Some(list) = by_topic.get(&(r.lang, t.slug.as_str())) {
                    for j in near(list, i) {
                        *shared.entry(j).or_default() += 1;
                    }
                }
            }
            if shared.len() < RELATED_COUNT
                && let Some(list) = by_lang.get(&r.lang)
            {
                for j in near(list, i) {
                    shared.entry(j).or_default();
                }
            }
            let mut ranked: Vec<(usize, usize)> = shared.into_iter().collect();
            ranked.sort_by(|&(a, sa), &(b, sb)| {
                sb.cmp(&sa)
                    .then_with(|| distance(i, a).cmp(&distance(i, b)))
                    .then_with(|| releases[a].slug.cmp(&releases[b].slug))
            });
            ranked
                .into_iter()
                .take(RELATED_COUNT)
                .map(|(j, _)| j)
                .collect()
        })
        .collect();
    for (r, rel) in releases.iter_mut().zip(related) {
        r.related = rel;
    }
}

/// A small stable hash for names that romanize to nothing (e.g. only emoji).
fn fnv1a(s: &str) -> u32 {
    s.bytes().fold(0x811c_9dc5u32, |h, b| {
        (h ^ u32::from(b)).wrapping_mul(0x0100_0193)
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::Spanned;
    use jiff::civil::date;

    fn config() -> Config {
        crate::config::parse(
            "base_url: https://x.kg/\nlanguages:\n  ru: {title: Т}\n  ky: {title: Т}\n",
            None,
        )
        .unwrap()
    }

    fn sp<T>(value: T) -> Option<Spanned<T>> {
        Some(Spanned { value, line: 2 })
    }

    fn raw(path: &str, lang: &str, date: &str, topics: &[&str]) -> RawRelease {
        let stem = std::path::Path::new(path)
            .file_stem()
            .unwrap()
            .to_string_lossy()
            .into_owned();
        RawRelease {
            path: path.into(),
            abs_path: path.into(),
            stem,
            folder: Some(lang.to_string()),
            title: sp(format!("Title {path}")),
            date: sp(date.to_string()),
            lang: sp(lang.to_string()),
            organizers: sp(vec!["ОФ «Гражданская платформа»".to_string()]),
            topics: sp(topics.iter().map(|s| s.to_string()).collect()),
            front_matter_end_line: 9,
            ..RawRelease::default()
        }
    }

    #[test]
    fn a_ru_ky_pair_links_by_stem_and_indexes_topics() {
        let raws = vec![
            raw(
                "content/ky/forum.md",
                "ky",
                "2025-06-27",
                &["Гендердик теңчилик"],
            ),
            raw(
                "content/ru/forum.md",
                "ru",
                "2025-06-27 10:00",
                &["Гендерное равенство", "гендерное  равенство"],
            ),
            raw(
                "content/ru/old.md",
                "ru",
                "2021-10-12",
                &["Гендерное равенство"],
            ),
        ];
        let (site, warnings) = build(
            config(),
            raws,
            &Registries::default(),
            date(2025, 1, 1),
            false,
        )
        .unwrap();
        assert!(warnings.is_empty());
        let ru_forum = site
            .releases
            .iter()
            .position(|r| r.lang == Lang::Ru && r.slug == "forum")
            .unwrap();
        let ky_forum = site
            .releases
            .iter()
            .position(|r| r.lang == Lang::Ky && r.slug == "forum")
            .unwrap();
        assert_eq!(site.releases[ru_forum].translations, vec![ky_forum]);
        assert_eq!(site.releases[ky_forum].translations, vec![ru_forum]);
        let old = site.releases.iter().position(|r| r.slug == "old").unwrap();
        assert!(site.releases[old].translations.is_empty());

        let ru = site.index(Lang::Ru).unwrap();
        assert_eq!(ru.topics.len(), 1, "{:?}", ru.topics);
        assert_eq!(ru.topics[0].slug, "gendernoye-ravenstvo");
        assert_eq!(ru.topics[0].releases, vec![ru_forum, old]);
        assert_eq!(site.releases[ru_forum].topics.len(), 1);
        let ky = site.index(Lang::Ky).unwrap();
        assert_eq!(ky.topics[0].slug, "genderdik-tengchilik");
        assert_eq!(ky.organizers[0].slug, "of-grajdanskaya-platforma");
    }

    #[test]
    fn upcoming_first_soonest_then_past_newest() {
        let raws = vec![
            raw("content/ru/a.md", "ru", "2020-01-01", &[]),
            raw("content/ru/b.md", "ru", "2030-01-01", &[]),
            raw("content/ru/c.md", "ru", "2026-01-01", &[]),
            raw("content/ru/d.md", "ru", "2024-01-01", &[]),
        ];
        let (site, _) = build(
            config(),
            raws,
            &Registries::default(),
            date(2025, 6, 1),
            false,
        )
        .unwrap();
        let slugs: Vec<_> = site
            .index(Lang::Ru)
            .unwrap()
            .releases
            .iter()
            .map(|&i| site.releases[i].slug.as_str())
            .collect();
        assert_eq!(slugs, ["c", "b", "d", "a"]);
    }

    #[test]
    fn ongoing_events_count_as_upcoming() {
        let mut r = raw("content/ru/a.md", "ru", "2025-05-30", &[]);
        r.end = sp("2025-06-02".to_string());
        let (site, _) = build(
            config(),
            vec![r],
            &Registries::default(),
            date(2025, 6, 1),
            false,
        )
        .unwrap();
        assert!(site.releases[0].upcoming);
    }

    #[test]
    fn drafts_are_left_out_unless_asked() {
        let mut r = raw("content/ru/a.md", "ru", "2025-05-30", &[]);
        r.draft = sp(true);
        let (site, _) = build(
            config(),
            vec![r.clone()],
            &Registries::default(),
            date(2025, 6, 1),
            false,
        )
        .unwrap();
        assert!(site.releases.is_empty());
        let (site, _) = build(
            config(),
            vec![r],
            &Registries::default(),
            date(2025, 6, 1),
            true,
        )
        .unwrap();
        assert_eq!(site.releases.len(), 1);
    }

    #[test]
    fn errors_are_all_collected() {
        let mut a = raw("content/ru/a.md", "ru", "2025-13-01", &[]);
        a.title = None;
        let mut b = raw("content/ky/b.md", "ru", "2025-06-02", &[]);
        b.folder = Some("ky".to_string());
        b.end = sp("2025-06-01".to_string());
        let c = raw("content/ru/b.md", "ru", "2025-01-01", &[]);
        let errs = build(
            config(),
            vec![a, b, c],
            &Registries::default(),
            date(2025, 6, 1),
            false,
        )
        .unwrap_err();
        let text: Vec<String> = errs.iter().map(|d| d.to_string()).collect();
        let all = text.join("\n");
        assert!(
            all.contains(
                "content/ru/a.md:9: error: `title`: the required field `title` is missing"
            ),
            "{all}"
        );
        assert!(
            all.contains("content/ru/a.md:2: error: `date`: \"2025-13-01\" is not a real date"),
            "{all}"
        );
        assert!(
            all.contains("content/ky/b.md:2: error: `lang`: the file is in the `ky` folder"),
            "{all}"
        );
        assert!(all.contains("content/ky/b.md:2: error: `end`: the event ends (2025-06-01) before it starts (2025-06-02)"), "{all}");
        assert_eq!(errs.len(), 4, "{all}");
        // A release in content/ru/ may say lang: ru; one at the top of content/ may say anything.
        let mut top = raw("content/x.md", "ky", "2025-06-02", &[]);
        top.folder = None;
        assert!(
            build(
                config(),
                vec![top],
                &Registries::default(),
                date(2025, 6, 1),
                false
            )
            .is_ok()
        );
    }

    #[test]
    fn duplicate_slugs_name_both_files() {
        let a = raw("content/ru/a.md", "ru", "2025-01-01", &[]);
        let mut b = raw("content/ru/b.md", "ru", "2025-01-01", &[]);
        b.slug = sp("A".to_string());
        let errs = build(
            config(),
            vec![a, b],
            &Registries::default(),
            date(2025, 6, 1),
            false,
        )
        .unwrap_err();
        assert_eq!(errs.len(), 1);
        assert!(
            errs[0].to_string().contains("content/ru/b.md:2:"),
            "{}",
            errs[0]
        );
        assert!(errs[0].to_string().contains("content/ru/a.md"));
    }

    #[test]
    fn dates_in_every_accepted_form() {
        let tz = jiff::tz::TimeZone::get("Asia/Bishkek").unwrap();
        let d = |s: &str| parse_when(s, &tz).unwrap();
        assert_eq!(d("2025-06-27"), (date(2025, 6, 27).at(0, 0, 0, 0), false));
        assert_eq!(
            d("2025-06-27 10:00"),
            (date(2025, 6, 27).at(10, 0, 0, 0), true)
        );
        assert_eq!(
            d("2025-06-27T10:00:00"),
            (date(2025, 6, 27).at(10, 0, 0, 0), true)
        );
        assert_eq!(d("27.06.2025"), (date(2025, 6, 27).at(0, 0, 0, 0), false));
        assert_eq!(
            d("2025-06-27T04:00:00Z"),
            (date(2025, 6, 27).at(10, 0, 0, 0), true)
        );
        assert_eq!(
            d("2025-06-27T09:00:00+05:00"),
            (date(2025, 6, 27).at(10, 0, 0, 0), true)
        );
        assert!(parse_when("27 июня 2025", &tz).is_err());
        assert!(
            parse_when("2025-02-30", &tz)
                .unwrap_err()
                .contains("not a real date")
        );
        assert!(parse_when("2025-06-27 25:00", &tz).is_err());
        // Any text, cut anywhere, gives an error, never a panic.
        let texts = [
            "3 декабря 2025",
            "2025-06-27Т10:00+06:00",
            "ёёёёёёёёёёёёёёёёёё",
            "27.06.2025 ж",
            "2025-06-2ж 10:00:00+06",
        ];
        for text in texts {
            for (i, _) in text.char_indices() {
                let _ = parse_when(&text[..i], &tz);
                let _ = parse_when(&text[i..], &tz);
            }
        }
    }

    #[test]
    fn phones_become_international() {
        assert_eq!(
            tel_number("0 312 91 10 10", "996").unwrap(),
            "+996312911010"
        );
        assert_eq!(tel_number("+996771286605", "996").unwrap(), "+996771286605");
        assert_eq!(
            tel_number("+996 (312) 26-10-00", "996").unwrap(),
            "+996312261000"
        );
        assert_eq!(
            tel_number("996 555 123 456", "996").unwrap(),
            "+996555123456"
        );
        assert_eq!(
            tel_number("00 7 727 123 45 67", "996").unwrap(),
            "+77271234567"
        );
        assert_eq!(tel_number("555 123 456", "996").unwrap(), "+996555123456");
        assert!(tel_number("12", "996").is_none());
        assert!(tel_number("звоните", "996").is_none());
    }
}
