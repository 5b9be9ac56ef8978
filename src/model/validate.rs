//! Model, validation: a raw release (what the file says) -> a checked [`Release`] (what the
//! program trusts). One validator per field, each returning its typed value and recording its
//! problems; a release with any error is left out of the site (the build then stops).

use super::when::{date_hint, parse_time_only, parse_when};
use super::{Contact, Location, RESERVED_SLUGS, Release, TermRef};
use crate::config::Config;
use crate::content::{RawRelease, Spanned, fold_spaces};
use crate::error::Diagnostic;
use crate::i18n::{self, Lang, Message};
use crate::msg;
use crate::urls;
use jiff::civil::{Date, DateTime};
use std::path::{Path, PathBuf};
use std::sync::{Arc, LazyLock, Mutex};

/// What pairs translations: an explicit `translation_key`, or the file stem.
#[derive(Debug, Clone)]
pub struct TranslationKey {
    pub key: String,
    pub explicit: bool,
}

/// Where one release's problems go, and how they are worded.
pub struct Checker<'a> {
    pub config: &'a Config,
    pub path: &'a Path,
    /// Line of the closing `---`, where a missing field is reported.
    pub end_line: usize,
    /// Fields already reported as "unknown field ..., did you mean ...".
    pub misspelled: &'a [String],
    pub diags: &'a mut Vec<Diagnostic>,
}

impl Checker<'_> {
    fn missing(&mut self, field: &str, example: &str) {
        if self.misspelled.iter().any(|m| m == field) {
            return;
        }
        self.diags.push(
            Diagnostic::error(self.path, msg!("field-missing", field = field))
                .at_line(self.end_line)
                .in_field(field)
                .with_hint(msg!("field-missing-hint", example = example)),
        );
    }

    fn bad(&mut self, field: &str, line: usize, message: Message, hint: Message) {
        self.diags.push(
            Diagnostic::error(self.path, message)
                .at_line(line)
                .in_field(field)
                .with_hint(hint),
        );
    }

    fn errors(&self) -> usize {
        self.diags.iter().filter(|d| d.is_error()).count()
    }
}

/// Checks one release; `None` when it has an error (recorded in `diags`).
pub fn check_release(
    config: &Config,
    raw: RawRelease,
    today: Date,
    diags: &mut Vec<Diagnostic>,
) -> Option<(Release, TranslationKey)> {
    let mut c = Checker {
        config,
        path: &raw.path,
        end_line: raw.front_matter_end_line,
        misspelled: &raw.misspelled,
        diags,
    };
    let before = c.errors();
    let title = title(&mut c, raw.title.as_ref());
    let lang = lang(&mut c, raw.lang.as_ref(), raw.folder.as_deref());
    let (start, end) = when(&mut c, raw.date.as_ref(), raw.end.as_ref());
    let organizers = organizers(&mut c, raw.organizers.as_ref(), &raw.organizer_lines);
    let topics = raw
        .topics
        .as_ref()
        .map(|t| names(&mut c, "topics", t, &raw.topic_lines))
        .unwrap_or_default();
    let contacts = contacts(&mut c, &raw);
    let location = raw.location.as_ref().and_then(|l| location(&l.value));
    let summary = raw
        .summary
        .as_ref()
        .map(|s| fold_spaces(&s.value))
        .filter(|s| !s.is_empty())
        .unwrap_or_else(|| raw.first_paragraph.clone());
    let slug_lang = lang.unwrap_or(config.default_language);
    let slug = slug(&mut c, slug_lang, raw.slug.as_ref(), &raw.stem);
    let image = raw.image.as_ref().and_then(|i| {
        let bundle_files = raw.bundle.as_ref().map(|b| b.files.as_slice());
        image(&mut c, i, bundle_files, &urls::release(slug_lang, &slug))
    });
    image_alt(&mut c, &raw);
    let published = published(&mut c, raw.published.as_ref());
    unsafe_body(&mut c, &raw);
    bare_domains(&mut c, &raw);
    joined_lines(&mut c, &raw);
    examples(&mut c, &raw, &organizers);
    if c.errors() > before {
        return None;
    }
    let translation_key = translation_key(raw.translation_key.as_ref(), &raw.stem);
    let (lang, (start, start_timed)) = (lang?, start?);
    let last_day = end.map_or(start.date(), |(e, _)| e.date());
    let mut release = Release {
        lang,
        slug,
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
        image_line: raw.image.as_ref().map_or(1, |i| i.line),
        image_alt: raw
            .image_alt
            .as_ref()
            .map(|a| fold_spaces(&a.value))
            .filter(|a| !a.is_empty()),
        published: published
            .or_else(|| raw.first_commit.map(|t| config.timezone.to_datetime(t)))
            .unwrap_or_else(|| start.min(today.to_datetime(jiff::civil::Time::midnight()))),
        draft: raw.draft.is_some_and(|d| d.value),
        upcoming: last_day >= today,
        source: raw.path,
        body: raw.body,
        body_line: raw.body_line,
        links: raw.links,
        release_links: Vec::new(),
        bundle: raw.bundle,
        translations: Vec::new(),
        related: Vec::new(),
    };
    release.shrink_to_fit();
    Some((release, translation_key))
}

/// The release's contacts, each checked.
fn contacts(c: &mut Checker<'_>, raw: &RawRelease) -> Vec<Contact> {
    let mut contacts: Vec<Contact> = (raw.contacts.iter())
        .flat_map(|list| &list.value)
        .filter_map(|rc| super::contact::check_contact(c.config, rc, c.path, c.diags))
        .collect();
    // The model is kept for the whole build: no room for contacts never written.
    contacts.shrink_to_fit();
    contacts
}

/// A picture without words is lost to readers who cannot see it and to shares: `image`
/// needs `image_alt`.
fn image_alt(c: &mut Checker<'_>, raw: &RawRelease) {
    if let Some(i) = raw.image.as_ref().filter(|i| !i.value.trim().is_empty())
        && raw
            .image_alt
            .as_ref()
            .is_none_or(|a| a.value.trim().is_empty())
    {
        c.bad(
            "image_alt",
            i.line,
            msg!("image-alt-missing"),
            msg!("image-alt-missing-hint"),
        );
    }
}

/// `published:` a day or a day and a time.
fn published(c: &mut Checker<'_>, raw: Option<&Spanned<String>>) -> Option<DateTime> {
    let p = raw?;
    match parse_when(&p.value, &c.config.timezone) {
        Ok(w) if w.end.is_none() => Some(w.start),
        Ok(_) | Err(_) => {
            c.bad(
                "published",
                p.line,
                msg!("date-invalid", found = p.value.trim()),
                date_hint("published", &p.value),
            );
            None
        }
    }
}

/// The most organizers or topics one release may name (each is a page and a feed).
const MAX_NAMES: usize = 100;

/// Names as written, each kept once: the same organizers and topics are named on release
/// after release (60 000 names at 10 000 releases, 4.5 MB when each had its own copy).
static NAMES: LazyLock<Mutex<rustc_hash::FxHashSet<Arc<str>>>> = LazyLock::new(Default::default);

/// Names kept at most: emptied when full (a long `serve` session, a fuzzer); the names already
/// given out stay valid, new ones are shared from then on.
const NAMES_KEPT: usize = 65_536;

/// The shared copy of `name`.
fn intern(name: String) -> Arc<str> {
    let Ok(mut names) = NAMES.lock() else {
        return name.into();
    };
    if let Some(known) = names.get(name.as_str()) {
        return known.clone();
    }
    if names.len() >= NAMES_KEPT {
        names.clear();
    }
    let shared: Arc<str> = name.into();
    names.insert(shared.clone());
    shared
}

/// The slug every name starts with until the term index gives it its page: one shared
/// empty text instead of an allocation per name (60 000 at 10 000 releases).
static NO_SLUG: LazyLock<Arc<str>> = LazyLock::new(|| Arc::from(""));

/// Warnings for what the sanitizer will drop from the body: unsafe link addresses and raw
/// HTML that is not allowed, each where it is written.
/// Paragraphs that look like paragraphs or list items pasted without empty lines: the page
/// would run them together, so the writer is told where (a warning: the text is published).
fn joined_lines(c: &mut Checker<'_>, raw: &RawRelease) {
    for &(line, count) in &raw.joined {
        c.diags.push(
            Diagnostic::warning(c.path, msg!("body-lines-joined", count = count))
                .at_line(raw.body_line + line)
                .with_hint(msg!("body-lines-joined-hint")),
        );
    }
}

/// What `jarya new` wrote for the writer to replace, still there: an error, so that an unfilled
/// release is never published (a draft may keep it).
fn examples(c: &mut Checker<'_>, raw: &RawRelease, organizers: &[TermRef]) {
    if raw.draft.as_ref().is_some_and(|d| d.value) {
        return;
    }
    for o in organizers {
        if crate::content::EXAMPLE_ORGANIZERS.contains(&&*o.name) {
            c.bad(
                "organizers",
                o.line,
                msg!("organizers-example", name = &*o.name),
                msg!("organizers-example-hint"),
            );
        }
    }
    if let Some(&line) = raw.examples.first() {
        c.diags.push(
            Diagnostic::error(c.path, msg!("body-example"))
                .at_line(raw.body_line + line)
                .with_hint(msg!("body-example-hint")),
        );
    }
}

/// Links to another site written without `https://`: published as they are, they would lead
/// to a page of this site that is not there.
fn bare_domains(c: &mut Checker<'_>, raw: &RawRelease) {
    for l in raw
        .links
        .iter()
        .filter(|l| crate::urls::is_bare_domain(&l.dest))
    {
        c.diags.push(
            Diagnostic::error(c.path, msg!("link-without-https", link = &l.dest))
                .at_line(raw.body_line + l.line)
                .at_column(l.column)
                .with_width(l.width)
                .with_hint(msg!(
                    "link-without-https-hint",
                    fixed = format!("https://{}", l.dest)
                )),
        );
    }
}

fn unsafe_body(c: &mut Checker<'_>, raw: &RawRelease) {
    let policy = &c.config.html;
    if policy.unsafe_html {
        return;
    }
    for l in &raw.links {
        let message = if crate::sanitize::unsafe_url(&l.dest, l.image) {
            msg!("link-unsafe", link = &l.dest)
        } else if !crate::sanitize::keeps_markdown_address(&l.dest, l.image) {
            msg!("link-dropped", link = &l.dest)
        } else {
            continue;
        };
        c.diags.push(
            Diagnostic::warning(c.path, message)
                .at_line(raw.body_line + l.line)
                .at_column(l.column)
                .with_width(l.width)
                .with_hint(msg!("link-unsafe-hint")),
        );
    }
    for h in &raw.html {
        let found = crate::sanitize::problems(&h.dest, policy);
        if !found.is_empty() {
            c.diags.push(
                Diagnostic::warning(c.path, msg!("html-dropped", what = found.join(", ")))
                    .at_line(raw.body_line + h.line)
                    .at_column(h.column)
                    .with_width(h.width)
                    .with_hint(msg!("html-dropped-hint")),
            );
        }
    }
}

/// An explicit `translation_key`, else the file stem.
fn translation_key(raw: Option<&Spanned<String>>, stem: &str) -> TranslationKey {
    match raw {
        Some(k) if !k.value.trim().is_empty() => TranslationKey {
            key: k.value.trim().to_string(),
            explicit: true,
        },
        _ => TranslationKey {
            key: stem.to_string(),
            explicit: false,
        },
    }
}

fn title(c: &mut Checker<'_>, raw: Option<&Spanned<String>>) -> String {
    match raw {
        None => {
            c.missing("title", "title: Название мероприятия");
            String::new()
        }
        Some(t) if t.value.trim().is_empty() => {
            c.bad(
                "title",
                t.line,
                msg!("title-empty"),
                msg!("title-empty-hint"),
            );
            String::new()
        }
        Some(t) => fold_spaces(&t.value),
    }
}

/// The language, which must be one of the site's and agree with the file's folder.
fn lang(c: &mut Checker<'_>, raw: Option<&Spanned<String>>, folder: Option<&str>) -> Option<Lang> {
    let Some(l) = raw else {
        c.missing("lang", "lang: ru");
        return None;
    };
    let Some(lang) = Lang::from_code(&l.value).filter(|x| c.config.language(*x).is_some()) else {
        let codes: Vec<_> = c.config.languages.iter().map(|l| l.lang.code()).collect();
        let hint = match Lang::meant_by(&l.value).filter(|x| c.config.language(*x).is_some()) {
            Some(meant) => msg!("lang-meant", field = "lang", code = meant.code()),
            None => msg!("lang-use-one-of", list = codes.join(", ")),
        };
        c.bad(
            "lang",
            l.line,
            msg!("lang-unknown", found = l.value.trim()),
            hint,
        );
        return None;
    };
    if let Some(folder) = folder
        && let Some(folder_lang) = Lang::from_code(folder)
        && folder_lang != lang
    {
        c.bad(
            "lang",
            l.line,
            msg!("lang-folder-mismatch", folder = folder, lang = lang.code()),
            msg!(
                "lang-folder-mismatch-hint",
                folder = folder,
                lang = lang.code()
            ),
        );
    }
    Some(lang)
}

type Times = (Option<(DateTime, bool)>, Option<(DateTime, bool)>);

/// `date` (required; may hold a time range) and `end` (a day, a day and a time, or a time of
/// the start's day), which may not come before the start, nor be given twice.
fn when(
    c: &mut Checker<'_>,
    date: Option<&Spanned<String>>,
    end: Option<&Spanned<String>>,
) -> Times {
    let tz = &c.config.timezone;
    let start = match date {
        None => {
            c.missing("date", "date: 2025-06-27 10:00");
            None
        }
        Some(d) => match parse_when(&d.value, tz) {
            Ok(x) => Some(x),
            Err(message) => {
                c.bad("date", d.line, message, date_hint("date", &d.value));
                None
            }
        },
    };
    let range_end = start.and_then(|w| w.end).map(|e| (e, true));
    let end_at = end.and_then(|e| {
        if let (Some(_), Some(d)) = (range_end, date) {
            c.bad(
                "end",
                e.line,
                msg!("end-twice", date = d.value.trim()),
                msg!("end-twice-hint"),
            );
            return None;
        }
        if let Some(time) = parse_time_only(&e.value) {
            // A time of the start's day: with no readable start, only `date` is wrong (its
            // error is given); `end` is not reported as a second mistake.
            let w = start?;
            return Some(((w.start.date().to_datetime(time), true), e.line));
        }
        match parse_when(&e.value, tz) {
            Ok(w) if w.end.is_none() => Some(((w.start, w.timed), e.line)),
            Ok(_) => {
                c.bad(
                    "end",
                    e.line,
                    msg!("end-range", found = e.value.trim()),
                    msg!("end-range-hint"),
                );
                None
            }
            Err(message) => {
                c.bad("end", e.line, message, date_hint("end", &e.value));
                None
            }
        }
    });
    let start = start.map(|w| (w.start, w.timed));
    let end_at = end_at.filter(|&(e, line)| end_fits(c, start, e, line, date));
    (start, end_at.map(|(e, _)| e).or(range_end))
}

/// Whether a readable `end` fits a readable start: a time in `end` needs one in `date` (else
/// the start time is unknown, and calendars would start the event at midnight while its page
/// shows the day only), and the end may not come before the start.
fn end_fits(
    c: &mut Checker<'_>,
    start: Option<(DateTime, bool)>,
    (e, e_timed): (DateTime, bool),
    line: usize,
    date: Option<&Spanned<String>>,
) -> bool {
    let (Some((s, s_timed)), Some(d)) = (start, date) else {
        return true;
    };
    let (message, hint) = if e_timed && !s_timed {
        let time = i18n::format_time(e.time());
        let written = d.value.trim();
        (
            msg!(
                "end-time-without-start",
                time = time.as_str(),
                date = written
            ),
            msg!(
                "end-time-without-start-hint",
                date = written,
                day = e.date().to_string()
            ),
        )
    } else if (s_timed && e_timed && e < s) || e.date() < s.date() {
        (
            msg!(
                "end-before-start",
                end = i18n::written_datetime(e, e_timed),
                start = i18n::written_datetime(s, s_timed)
            ),
            msg!("end-before-start-hint"),
        )
    } else {
        return true;
    };
    c.bad("end", line, message, hint);
    false
}

fn organizers(
    c: &mut Checker<'_>,
    raw: Option<&Spanned<Vec<String>>>,
    lines: &[usize],
) -> Vec<TermRef> {
    let Some(o) = raw else {
        c.missing("organizers", "organizers: [ОФ «Название»]");
        return Vec::new();
    };
    let reported = c.diags.len();
    let names = names(c, "organizers", o, lines);
    // A name in error (an empty item, Word's dash) is that error, not also "none".
    if names.is_empty() && c.diags.len() == reported {
        c.bad(
            "organizers",
            o.line,
            msg!("organizers-empty"),
            msg!("organizers-empty-hint"),
        );
    }
    names
}

/// Names of topics or organizers: trimmed, spaces folded, repeats dropped; an empty name is an
/// error. Their pages (slugs, registry entries) are decided by the term index. `lines`: each
/// name's line, where its mistakes are reported (else the key's).
fn names(
    c: &mut Checker<'_>,
    field: &str,
    names: &Spanned<Vec<String>>,
    lines: &[usize],
) -> Vec<TermRef> {
    if names.value.len() > MAX_NAMES {
        c.bad(
            field,
            names.line,
            msg!(
                "names-too-many",
                count = names.value.len(),
                limit = MAX_NAMES
            ),
            msg!("names-too-many-hint"),
        );
        return Vec::new();
    }
    // Sized for the names as written: kept in the model for every release, where a vector
    // grown one push at a time (room for four) took 2 MB more at 10 000 releases.
    let mut out: Vec<TermRef> = Vec::with_capacity(names.value.len());
    for (i, name) in names.value.iter().enumerate() {
        let line = lines.get(i).copied().unwrap_or(names.line);
        let name = fold_spaces(name);
        // `– Выборы`: Word turns a list's `- ` into a dash, and YAML reads the lines as text.
        if let Some(mark) = name
            .chars()
            .next()
            .filter(|c| ['–', '—', '•', '−'].contains(c))
            && name[mark.len_utf8()..].starts_with(' ')
        {
            let first = name.split(mark).map(str::trim).find(|p| !p.is_empty());
            c.bad(
                field,
                line,
                msg!("names-dash", found = &name, mark = mark.to_string()),
                msg!("names-dash-hint", first = first.unwrap_or("…")),
            );
            continue;
        }
        if name.is_empty() {
            c.bad(
                field,
                line,
                msg!("names-item-empty"),
                msg!("names-item-empty-hint"),
            );
            continue;
        }
        if !out.iter().any(|t| *t.name == *name) {
            out.push(TermRef {
                name: intern(name),
                slug: NO_SLUG.clone(),
                entry: None,
                line,
            });
        }
    }
    out
}

fn location(raw: &crate::content::RawLocation) -> Option<Location> {
    let clean = |s: &Option<String>| s.as_deref().map(fold_spaces).filter(|s| !s.is_empty());
    let loc = Location {
        name: clean(&raw.name),
        address: clean(&raw.address),
        city: clean(&raw.city),
    };
    (loc.name.is_some() || loc.address.is_some() || loc.city.is_some()).then_some(loc)
}

/// The slug: `slug:` romanized, else the file name romanized; never a reserved section name.
fn slug(c: &mut Checker<'_>, lang: Lang, raw: Option<&Spanned<String>>, stem: &str) -> String {
    let (slug, line) = match raw {
        Some(s) => {
            // The last part of an address pasted whole (`/ru/forum-2026/`, `https://…/forum/`):
            // the slug is that part, not the whole address run together (`ru-forum-2026`).
            let written = s.value.split(['?', '#']).next().unwrap_or_default();
            let written =
                (written.rsplit(['/', '\\']).find(|p| !p.trim().is_empty())).unwrap_or(written);
            let slug = i18n::slugify(lang, written);
            if slug.is_empty() {
                c.bad(
                    "slug",
                    s.line,
                    msg!("slug-empty", found = &s.value),
                    msg!("slug-empty-hint"),
                );
            }
            (slug, s.line)
        }
        None => {
            let slug = i18n::slugify(lang, stem);
            if slug.is_empty() {
                c.diags.push(
                    Diagnostic::error(c.path, msg!("slug-file-name-empty", name = stem))
                        .at_line(1)
                        .with_hint(msg!("slug-file-name-empty-hint")),
                );
            }
            (slug, 1)
        }
    };
    if RESERVED_SLUGS.contains(&slug.as_str()) {
        c.diags.push(
            Diagnostic::error(c.path, msg!("slug-reserved", slug = &slug))
                .at_line(line)
                .with_hint(msg!("slug-reserved-hint")),
        );
    } else if i18n::windows_device_name(&slug) {
        c.diags.push(
            Diagnostic::error(c.path, msg!("slug-device", slug = &slug))
                .at_line(line)
                .with_hint(msg!("slug-device-hint", slug = &slug)),
        );
    }
    slug
}

/// The picture: a full address; a file of the release's bundle (written as a path relative to
/// `index.md`), which becomes the address of its copy beside the page; or a path under
/// `static/`.
fn image(
    c: &mut Checker<'_>,
    raw: &Spanned<String>,
    bundle_files: Option<&[PathBuf]>,
    page: &str,
) -> Option<String> {
    let v = raw.value.trim();
    if v.is_empty() {
        return None;
    }
    if v.starts_with("https://") || v.starts_with("http://") {
        return Some(v.to_string());
    }
    if urls::is_bare_domain(v) {
        let fixed = format!("https://{v}");
        c.bad(
            "image",
            raw.line,
            msg!("link-without-https", link = v),
            msg!("link-without-https-hint", fixed = fixed),
        );
        return None;
    }
    if v.contains("..") || v.contains('\\') || v.contains(':') {
        c.bad(
            "image",
            raw.line,
            msg!("image-invalid", found = v),
            match crate::content::computer_file(v) {
                Some(file) => msg!("image-on-computer-hint", file = file),
                None => msg!("image-invalid-hint"),
            },
        );
        return None;
    }
    let base = c.config.base_path();
    let relative = v.strip_prefix("./").unwrap_or(v);
    if !v.starts_with('/')
        && bundle_files.is_some_and(|files| files.iter().any(|f| same_path(f, relative)))
    {
        return Some(format!("{base}{page}{relative}"));
    }
    Some(format!("{base}{}", v.trim_start_matches('/')))
}

/// A bundle file's relative path equals a `/`-separated path (on every platform).
fn same_path(file: &Path, written: &str) -> bool {
    let parts: Vec<String> = file
        .components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect();
    parts.join("/") == written
}
