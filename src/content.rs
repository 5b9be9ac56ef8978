//! Load stage: walk `content/`, read each release, split its front matter and parse its YAML.
//!
//! In: the site folder. Out: [`RawRelease`]s, the front matter as written (with the line of
//! every field), or every [`Diagnostic`] found. Files may start with a UTF-8 BOM and use CRLF
//! line endings. This is the only module that knows serde_yaml (archived upstream): swap it here.

use crate::error::Diagnostic;
use crate::markdown;
use rayon::prelude::*;
use serde_yaml::Value;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// A value from front matter with the line (1-based, in the whole file) where its key stands.
#[derive(Debug, Clone, PartialEq)]
pub struct Spanned<T> {
    /// The value.
    pub value: T,
    /// Line of the key in the file.
    pub line: usize,
}

/// A contact as written in front matter: a name and at least one way to reach them.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct RawContact {
    /// Who to contact: a person or an office.
    pub name: Option<String>,
    /// Their role ("Координатор проекта").
    pub role: Option<String>,
    /// Email address.
    pub email: Option<String>,
    /// Phone number, written as people write it ("0 312 91 10 10").
    pub phone: Option<String>,
    /// A web page.
    pub url: Option<String>,
    /// Line of this contact in the file.
    pub line: usize,
    /// Line of each part (`email`, `phone`, ...) in the file.
    pub part_lines: BTreeMap<String, usize>,
}

impl RawContact {
    /// The line of one part, or of the contact when the part is not written.
    pub fn line_of(&self, part: &str) -> usize {
        self.part_lines.get(part).copied().unwrap_or(self.line)
    }
}

/// Where an event takes place: a plain string, or its parts.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct RawLocation {
    /// The venue ("Отель «Шератон»"), or the whole location when written as one string.
    pub name: Option<String>,
    /// Street address.
    pub address: Option<String>,
    /// City or village.
    pub city: Option<String>,
}

/// The front matter fields, in the order the reference lists them.
pub const FIELDS: [&str; 13] = [
    "title",
    "date",
    "end",
    "lang",
    "organizers",
    "topics",
    "contacts",
    "location",
    "summary",
    "slug",
    "translation_key",
    "draft",
    "image",
];

/// The parts of a contact.
const CONTACT_PARTS: [&str; 5] = ["name", "role", "email", "phone", "url"];

/// The parts of a location.
const LOCATION_PARTS: [&str; 3] = ["name", "address", "city"];

/// Names that are not fields but are common mistakes, with the field meant.
const FIELD_ALIASES: [(&str, &str); 16] = [
    ("organisers", "organizers"),
    ("organizer", "organizers"),
    ("organiser", "organizers"),
    ("organization", "organizers"),
    ("tags", "topics"),
    ("categories", "topics"),
    ("topic", "topics"),
    ("language", "lang"),
    ("contact", "contacts"),
    ("place", "location"),
    ("venue", "location"),
    ("address", "location"),
    ("description", "summary"),
    ("start", "date"),
    ("end_date", "end"),
    ("translation", "translation_key"),
];

/// One release file's front matter, as written. See the README's front matter table.
#[derive(Debug, Clone, Default)]
pub struct RawRelease {
    /// The file, relative to the site folder (for messages).
    pub path: PathBuf,
    /// The file on disk.
    pub abs_path: PathBuf,
    /// The file stem, or the folder name for `<name>/index.md`: pairs translations.
    pub stem: String,
    /// The first folder under `content/` (`ru` for `content/ru/x.md`), if any.
    pub folder: Option<String>,
    /// `title`: the release's headline (required).
    pub title: Option<Spanned<String>>,
    /// `date`: when the event starts: `2025-06-27`, `2025-06-27 10:00` or RFC 3339 (required).
    pub date: Option<Spanned<String>>,
    /// `end`: when a multi-day or timed event ends, same forms as `date`.
    pub end: Option<Spanned<String>>,
    /// `lang`: `ru` or `ky` (required).
    pub lang: Option<Spanned<String>>,
    /// `organizers`: one name or a list of names (required, at least one).
    pub organizers: Option<Spanned<Vec<String>>>,
    /// `topics`: a list of topic names (may be empty).
    pub topics: Option<Spanned<Vec<String>>>,
    /// `contacts`: a list of `{name, role?, email?, phone?, url?}`.
    pub contacts: Option<Spanned<Vec<RawContact>>>,
    /// `location`: a string or `{name, address?, city?}`.
    pub location: Option<Spanned<RawLocation>>,
    /// `summary`: one or two sentences for lists and previews; default: the first paragraph.
    pub summary: Option<Spanned<String>>,
    /// `slug`: the last part of the URL; default: the file name, romanized.
    pub slug: Option<Spanned<String>>,
    /// `translation_key`: the same key on releases in two languages makes them translations.
    pub translation_key: Option<Spanned<String>>,
    /// `draft`: `true` leaves the release out unless the build is run with `--drafts`.
    pub draft: Option<Spanned<bool>>,
    /// `image`: a picture for the release: a path under `static/` or a full URL.
    pub image: Option<Spanned<String>>,
    /// The first paragraph of the body as plain text (the default summary).
    pub first_paragraph: String,
    /// Line of the closing `---` (where a missing field is reported).
    pub front_matter_end_line: usize,
    /// Byte offset of the body in the normalized text.
    pub body_offset: usize,
    /// Fields that an unknown field was probably meant to be (not reported again as missing).
    pub misspelled: Vec<String>,
}

/// Finds and loads every release under `<site>/content/`, in a stable order.
///
/// Returns every release whose front matter could be read (even with bad fields) and every
/// problem found.
pub fn load_releases(site: &Path) -> (Vec<RawRelease>, Vec<Diagnostic>) {
    let content = site.join("content");
    let mut files = Vec::new();
    let mut diagnostics = Vec::new();
    let walker = walkdir::WalkDir::new(&content)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|e| e.depth() == 0 || !e.file_name().to_string_lossy().starts_with('.'));
    for entry in walker {
        match entry {
            Ok(e) if e.file_type().is_file() && is_markdown(e.path()) => files.push(e.into_path()),
            Ok(_) => {}
            Err(err) => {
                let path = err.path().unwrap_or(&content).to_path_buf();
                diagnostics.push(Diagnostic::error(
                    display_path(site, &path),
                    format!("cannot read this folder: {err}"),
                ));
            }
        }
    }
    let results: Vec<_> = files
        .par_iter()
        .map(|abs| load_release(site, &content, abs))
        .collect();
    let mut releases = Vec::with_capacity(results.len());
    for r in results {
        match r {
            Ok((release, warnings)) => {
                releases.push(release);
                diagnostics.extend(warnings);
            }
            Err(errs) => diagnostics.extend(errs),
        }
    }
    (releases, diagnostics)
}

fn is_markdown(path: &Path) -> bool {
    path.extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("md") || e.eq_ignore_ascii_case("markdown"))
}

/// `path` relative to the site folder, for messages.
pub fn display_path(site: &Path, path: &Path) -> PathBuf {
    path.strip_prefix(site).unwrap_or(path).to_path_buf()
}

/// Reads a text file: UTF-8 (a BOM is dropped), line endings made `\n`.
pub fn read_text(site: &Path, abs: &Path) -> Result<String, Diagnostic> {
    let rel = display_path(site, abs);
    let bytes = std::fs::read(abs)
        .map_err(|e| Diagnostic::error(&rel, format!("cannot read the file: {e}")))?;
    let text = String::from_utf8(bytes).map_err(|e| {
        let valid = e.utf8_error().valid_up_to();
        let line = e.as_bytes()[..valid]
            .iter()
            .filter(|&&b| b == b'\n')
            .count()
            + 1;
        Diagnostic::error(&rel, "the file is not UTF-8 text")
            .at_line(line)
            .with_hint("save it as \"UTF-8\" (in Notepad: File > Save as > Encoding: UTF-8)")
    })?;
    Ok(normalize(&text))
}

/// Drops a UTF-8 BOM and turns CRLF and lone CR line endings into LF.
pub fn normalize(text: &str) -> String {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if !text.contains('\r') {
        return text.to_string();
    }
    text.replace("\r\n", "\n").replace('\r', "\n")
}

/// A file split into front matter and body.
#[derive(Debug, PartialEq)]
pub struct Split<'a> {
    /// The YAML between the `---` lines.
    pub front: &'a str,
    /// Line number (1-based) of the first YAML line.
    pub front_line: usize,
    /// Line number of the closing `---`.
    pub end_line: usize,
    /// Byte offset where the body starts.
    pub body_offset: usize,
}

/// Splits front matter off a normalized text, by lines: an opening `---` line (blank lines
/// before it are allowed) and a closing `---` or `...` line.
pub fn split_front_matter(text: &str) -> Result<Split<'_>, Diagnostic> {
    let mut offset = 0;
    let mut line_no = 0;
    let mut lines = text.split_inclusive('\n');
    let mut front_start = None;
    for line in lines.by_ref() {
        line_no += 1;
        offset += line.len();
        let t = line.trim();
        if t.is_empty() {
            continue;
        }
        if t == "---" {
            front_start = Some((offset, line_no + 1));
        }
        break;
    }
    let Some((start, front_line)) = front_start else {
        return Err(
            Diagnostic::error("", "the file does not start with front matter")
                .at_line(line_no.max(1))
                .with_hint(
                    "begin the file with a line `---`, the fields (title, date, lang, organizers), \
                 then another `---` line, then the text",
                ),
        );
    };
    for line in lines {
        line_no += 1;
        let t = line.trim_end();
        if t == "---" || t == "..." {
            return Ok(Split {
                front: &text[start..offset],
                front_line,
                end_line: line_no,
                body_offset: offset + line.len(),
            });
        }
        offset += line.len();
    }
    Err(Diagnostic::error("", "the front matter is never closed")
        .at_line(front_line - 1)
        .with_hint("add a line `---` after the last field, before the text"))
}

/// The body of a normalized release text, given the offset found when it was loaded.
pub fn body_at(text: &str, offset: usize) -> &str {
    text.get(offset..).unwrap_or("")
}

fn load_release(
    site: &Path,
    content: &Path,
    abs: &Path,
) -> Result<(RawRelease, Vec<Diagnostic>), Vec<Diagnostic>> {
    let rel = display_path(site, abs);
    let text = read_text(site, abs).map_err(|d| vec![d])?;
    let split = split_front_matter(&text).map_err(|mut d| {
        d.path = rel.clone();
        vec![d]
    })?;
    let value = parse_yaml(&clean_spaces(split.front), split.front_line).map_err(|mut d| {
        d.path = rel.clone();
        vec![d]
    })?;
    let mapping = match Yaml::from_value(value) {
        Yaml::Map(m) => m,
        Yaml::Null => Vec::new(),
        _ => {
            return Err(vec![
                Diagnostic::error(
                    &rel,
                    "the front matter must be a list of `field: value` lines",
                )
                .at_line(split.front_line)
                .with_hint("write each field on its own line, like `title: Название`"),
            ]);
        }
    };
    let key_lines = key_lines(split.front, split.front_line);
    let mut raw = RawRelease {
        path: rel.clone(),
        abs_path: abs.to_path_buf(),
        stem: stem_of(abs),
        folder: abs
            .strip_prefix(content)
            .ok()
            .and_then(|p| p.components().next())
            .filter(|_| abs.parent() != Some(content))
            .map(|c| c.as_os_str().to_string_lossy().into_owned()),
        front_matter_end_line: split.end_line,
        body_offset: split.body_offset,
        first_paragraph: markdown::first_paragraph_text(body_at(&text, split.body_offset)),
        ..RawRelease::default()
    };
    let mut errors = Vec::new();
    let mut fields = FieldReader {
        path: &rel,
        text: split.front,
        first_line: split.front_line,
        errors: &mut errors,
    };
    for (name, value) in mapping {
        let line = key_lines
            .get(name.as_str())
            .copied()
            .unwrap_or(split.front_line);
        match name.as_str() {
            "title" => raw.title = fields.string(&name, value, line),
            "date" => raw.date = fields.string(&name, value, line),
            "end" => raw.end = fields.string(&name, value, line),
            "lang" => raw.lang = fields.string(&name, value, line),
            "summary" => raw.summary = fields.string(&name, value, line),
            "slug" => raw.slug = fields.string(&name, value, line),
            "translation_key" => raw.translation_key = fields.string(&name, value, line),
            "image" => raw.image = fields.string(&name, value, line),
            "organizers" => raw.organizers = fields.names(&name, value, line),
            "topics" => raw.topics = fields.names(&name, value, line),
            "draft" => raw.draft = fields.boolean(&name, value, line),
            "contacts" => raw.contacts = fields.contacts(value, line),
            "location" => raw.location = fields.location(value, line),
            _ => {
                if let Some(meant) = fields.unknown(&name, line) {
                    raw.misspelled.push(meant.to_string());
                }
            }
        }
    }
    // Field errors do not stop the file: the model still checks what could be read, so one
    // run reports every mistake.
    Ok((raw, errors))
}

/// The stem that pairs translations: the file stem, or the folder name for `index.md`.
fn stem_of(path: &Path) -> String {
    let stem = path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    if stem.eq_ignore_ascii_case("index")
        && let Some(parent) = path.parent().and_then(Path::file_name)
    {
        return parent.to_string_lossy().into_owned();
    }
    stem
}

/// Parses YAML text that starts at line `first_line` of its file; errors count lines from the
/// top of the file.
pub fn parse_yaml(text: &str, first_line: usize) -> Result<Value, Diagnostic> {
    serde_yaml::from_str::<Value>(text).map_err(|e| {
        let (line, column) = e
            .location()
            .map(|l| (first_line + l.line().saturating_sub(1), l.column()))
            .unwrap_or((first_line, 0));
        let full = e.to_string();
        let message = full
            .rfind(" at line ")
            .map(|i| full[..i].to_string())
            .unwrap_or(full);
        // serde_yaml points a duplicate key at the start of its mapping: point at the repeat.
        let (line, column) = match duplicate_key_line(text, &message) {
            Some(l) => (first_line + l - 1, 0),
            None => (line, column),
        };
        let mut d = Diagnostic::error("", format!("this is not valid YAML: {message}"))
            .at_line(line)
            .with_hint(yaml_hint(&message));
        if column > 0 {
            d = d.at_column(column);
        }
        d
    })
}

/// For "duplicate entry with key \"x\"": the line (1-based in `text`) of the second `x:`.
fn duplicate_key_line(text: &str, message: &str) -> Option<usize> {
    let key = message
        .strip_prefix("duplicate entry with key ")?
        .trim_matches('"');
    let pat = format!("{key}:");
    text.lines()
        .enumerate()
        .filter(|(_, l)| l.trim_start().trim_start_matches("- ").starts_with(&pat))
        .nth(1)
        .map(|(i, _)| i + 1)
}

fn yaml_hint(message: &str) -> &'static str {
    if message.contains("mapping values are not allowed") {
        "a value that contains a colon (:) must be put in straight quotes: title: \"Форум: итоги\""
    } else if message.contains("cannot start any token") || message.contains("tab") {
        "indent with spaces, not tabs; put a value that starts with @, ` or % in quotes"
    } else if message.contains("duplicate") {
        "each field may appear only once: delete one of them"
    } else if message.contains("did not find expected") {
        "check the indentation: list items start with `  - ` under their field"
    } else {
        "check this line and the one before it: quotes must be closed, lists indented"
    }
}

/// A YAML document as a plain tree, so other modules read YAML without knowing serde_yaml.
#[derive(Debug, Clone, PartialEq)]
pub enum Yaml {
    /// Nothing (`~`, `null` or an empty value).
    Null,
    /// One line of text.
    Scalar(String),
    /// A number, as written.
    Number(String),
    /// `true` or `false`.
    Bool(bool),
    /// A list.
    List(Vec<Yaml>),
    /// `key: value` pairs, in file order.
    Map(Vec<(String, Yaml)>),
}

impl Yaml {
    fn from_value(value: Value) -> Yaml {
        match value {
            Value::Null => Yaml::Null,
            Value::Bool(b) => Yaml::Bool(b),
            Value::Sequence(items) => Yaml::List(items.into_iter().map(Yaml::from_value).collect()),
            Value::Mapping(m) => Yaml::Map(
                m.into_iter()
                    .map(|(k, v)| {
                        (
                            scalar_to_string(&k).unwrap_or_default(),
                            Yaml::from_value(v),
                        )
                    })
                    .collect(),
            ),
            Value::Tagged(t) => Yaml::from_value(t.value),
            Value::Number(n) => Yaml::Number(n.to_string()),
            Value::String(s) => Yaml::Scalar(s),
        }
    }

    /// The text of a scalar (numbers and booleans written out).
    pub fn as_text(&self) -> Option<String> {
        match self {
            Yaml::Scalar(s) | Yaml::Number(s) => Some(s.clone()),
            Yaml::Bool(b) => Some(b.to_string()),
            _ => None,
        }
    }

    /// How the value looks, in words a non-programmer understands.
    pub fn describe(&self) -> String {
        match self {
            Yaml::Null => "nothing".to_string(),
            Yaml::Bool(b) => format!("`{b}`"),
            Yaml::Scalar(s) => format!("\"{s}\""),
            Yaml::Number(n) => format!("the number {n}"),
            Yaml::List(_) => "a list".to_string(),
            Yaml::Map(_) => "named parts (`key: value` lines)".to_string(),
        }
    }
}

/// Parses YAML text (a whole file: errors count lines from line 1) into a [`Yaml`] tree.
pub fn parse_yaml_tree(text: &str) -> Result<Yaml, Diagnostic> {
    parse_yaml(&clean_spaces(text), 1).map(Yaml::from_value)
}

/// Word and web pages paste no-break and zero-width spaces; YAML does not take them as spaces.
/// They become plain spaces (zero-width ones disappear), so `title:\u{a0}Форум` reads as meant.
pub fn clean_spaces(text: &str) -> std::borrow::Cow<'_, str> {
    const ODD: [char; 5] = ['\u{a0}', '\u{202f}', '\u{2007}', '\u{200b}', '\u{feff}'];
    if !text.contains(ODD) {
        return std::borrow::Cow::Borrowed(text);
    }
    std::borrow::Cow::Owned(
        text.chars()
            .filter(|c| *c != '\u{200b}' && *c != '\u{feff}')
            .map(|c| if ODD.contains(&c) { ' ' } else { c })
            .collect(),
    )
}

/// The line (in the file) of each top-level key of the front matter.
pub fn key_lines(front: &str, first_line: usize) -> BTreeMap<String, usize> {
    let mut map = BTreeMap::new();
    for (i, line) in front.lines().enumerate() {
        if line.starts_with([' ', '\t', '#', '-']) {
            continue;
        }
        if let Some(colon) = line.find(':') {
            let key = line[..colon].trim().trim_matches(['"', '\'']);
            if !key.is_empty() {
                map.entry(key.to_string()).or_insert(first_line + i);
            }
        }
    }
    map
}

/// Reads YAML fields (of front matter, or of a registry file) into their raw types, recording
/// every problem with its line.
pub struct FieldReader<'a> {
    /// The file, for messages.
    pub path: &'a Path,
    /// The YAML text (to find the lines of nested keys).
    pub text: &'a str,
    /// The line of the file where `text` starts.
    pub first_line: usize,
    /// Where problems go.
    pub errors: &'a mut Vec<Diagnostic>,
}

impl FieldReader<'_> {
    /// Records a problem with a field.
    pub fn fail(&mut self, field: &str, line: usize, message: String, hint: &str) {
        self.errors.push(
            Diagnostic::error(self.path, message)
                .at_line(line)
                .in_field(field)
                .with_hint(hint),
        );
    }

    pub fn string(&mut self, field: &str, value: Yaml, line: usize) -> Option<Spanned<String>> {
        match value.as_text() {
            Some(s) => Some(Spanned { value: s, line }),
            None if value == Yaml::Null => None,
            None => {
                self.fail(
                    field,
                    line,
                    format!("expected one line of text, found {}", value.describe()),
                    "write the value on the same line as the field name",
                );
                None
            }
        }
    }

    pub fn boolean(&mut self, field: &str, value: Yaml, line: usize) -> Option<Spanned<bool>> {
        match value {
            Yaml::Bool(b) => Some(Spanned { value: b, line }),
            Yaml::Null => None,
            other => {
                self.fail(
                    field,
                    line,
                    format!("expected true or false, found {}", other.describe()),
                    "write `draft: true` to hide the release, or delete the line",
                );
                None
            }
        }
    }

    /// One name, or a list of names.
    pub fn names(&mut self, field: &str, value: Yaml, line: usize) -> Option<Spanned<Vec<String>>> {
        let items = match value {
            Yaml::Null => Vec::new(),
            Yaml::List(items) => items,
            other if other.as_text().is_some() => vec![other],
            other => {
                self.fail(
                    field,
                    line,
                    format!("expected a list of names, found {}", other.describe()),
                    "write each name on its own line starting with `  - `",
                );
                return None;
            }
        };
        let mut names = Vec::with_capacity(items.len());
        for item in items {
            match item.as_text() {
                Some(s) => names.push(s),
                None => {
                    self.fail(
                        field,
                        line,
                        format!("each item must be a name, found {}", item.describe()),
                        "write each name on its own line starting with `  - `",
                    );
                    return None;
                }
            }
        }
        Some(Spanned { value: names, line })
    }

    /// A list of contacts (or one).
    pub fn contacts(&mut self, value: Yaml, line: usize) -> Option<Spanned<Vec<RawContact>>> {
        const HINT: &str = "write each contact as `  - name: ...` followed by `    email: ...` \
                            and/or `    phone: ...` lines";
        let items = match value {
            Yaml::Null => Vec::new(),
            Yaml::List(items) => items,
            m @ Yaml::Map(_) => vec![m],
            other => {
                self.fail(
                    "contacts",
                    line,
                    format!("expected a list of contacts, found {}", other.describe()),
                    HINT,
                );
                return None;
            }
        };
        let mut contacts = Vec::new();
        let mut search_from = line;
        for item in items {
            let item_line = self.item_line(search_from);
            search_from = item_line + 1;
            let Yaml::Map(map) = item else {
                self.fail(
                    "contacts",
                    item_line,
                    format!(
                        "each contact must have named parts (name, email, phone...), found {}",
                        item.describe()
                    ),
                    HINT,
                );
                continue;
            };
            let mut parts = self.parts("contacts", "contact", map, &CONTACT_PARTS, item_line, HINT);
            let part_lines = parts.iter().map(|(k, (_, l))| (k.clone(), *l)).collect();
            let mut take = |k: &str| parts.remove(k).map(|(v, _)| v);
            contacts.push(RawContact {
                name: take("name"),
                role: take("role"),
                email: take("email"),
                phone: take("phone"),
                url: take("url"),
                line: item_line,
                part_lines,
            });
        }
        Some(Spanned {
            value: contacts,
            line,
        })
    }

    /// A place: one string or named parts.
    pub fn location(&mut self, value: Yaml, line: usize) -> Option<Spanned<RawLocation>> {
        const HINT: &str = "write `location: Бишкек, ул. Киевская 96` or give `name`, \
                            `address` and `city` on indented lines";
        let location = match value {
            Yaml::Null => return None,
            Yaml::Map(map) => {
                let mut parts =
                    self.parts("location", "location", map, &LOCATION_PARTS, line, HINT);
                let mut take = |k: &str| parts.remove(k).map(|(v, _)| v);
                RawLocation {
                    name: take("name"),
                    address: take("address"),
                    city: take("city"),
                }
            }
            other => match other.as_text() {
                Some(s) => RawLocation {
                    name: Some(s),
                    ..RawLocation::default()
                },
                None => {
                    self.fail(
                        "location",
                        line,
                        format!("expected a place, found {}", other.describe()),
                        HINT,
                    );
                    return None;
                }
            },
        };
        Some(Spanned {
            value: location,
            line,
        })
    }

    /// The `known` text parts of a mapping (a contact, a location), each with its line;
    /// unknown parts and parts that are not text are reported.
    pub fn parts(
        &mut self,
        field: &str,
        what: &str,
        map: Vec<(String, Yaml)>,
        known: &[&str],
        from: usize,
        hint: &str,
    ) -> BTreeMap<String, (String, usize)> {
        let mut out = BTreeMap::new();
        for (k, v) in map {
            let key = k;
            let at = self.line_of(&key, from);
            if !known.contains(&key.as_str()) {
                let list = known.join(", ");
                let hint = match closest(&key, known) {
                    Some(k) => format!("did you mean `{k}`? A {what} has: {list}"),
                    None => format!("a {what} has: {list}"),
                };
                self.fail(field, at, format!("unknown {what} part `{key}`"), &hint);
                continue;
            }
            match v.as_text() {
                Some(s) => {
                    out.insert(key, (s, at));
                }
                None if v == Yaml::Null => {}
                None => self.fail(
                    field,
                    at,
                    format!("`{key}` must be one line of text, found {}", v.describe()),
                    hint,
                ),
            }
        }
        out
    }

    /// Reports an unknown field; returns the field it was probably meant to be.
    fn unknown(&mut self, name: &str, line: usize) -> Option<&'static str> {
        let known = &FIELDS;
        let suggestion = FIELD_ALIASES
            .iter()
            .find(|(alias, _)| alias.eq_ignore_ascii_case(name))
            .map(|(_, field)| *field)
            .or_else(|| closest(name, known));
        let hint = if name == "time" {
            "put the time in `date`: `date: 2025-06-27 10:00`".to_string()
        } else {
            match suggestion {
                Some(s) => format!("did you mean `{s}`? Known fields: {}", known.join(", ")),
                None => format!("known fields: {}", known.join(", ")),
            }
        };
        self.errors.push(
            Diagnostic::error(self.path, format!("unknown field `{name}`"))
                .at_line(line)
                .in_field(name)
                .with_hint(hint),
        );
        suggestion
    }

    /// The line of the next list item (`- `) at or after `from`.
    fn item_line(&self, from: usize) -> usize {
        self.find_line(from, |l| l.trim_start().starts_with('-'))
            .unwrap_or(from)
    }

    /// The line of `key:` at or after `from` (any indentation).
    fn line_of(&self, key: &str, from: usize) -> usize {
        nested_key_line(self.text, self.first_line, key, from).unwrap_or(from)
    }

    fn find_line(&self, from: usize, pred: impl Fn(&str) -> bool) -> Option<usize> {
        find_line(self.text, self.first_line, from, pred)
    }
}

/// The first line at or after `from` (lines of `text` start at `first_line`) that matches.
fn find_line(
    text: &str,
    first_line: usize,
    from: usize,
    pred: impl Fn(&str) -> bool,
) -> Option<usize> {
    text.lines()
        .enumerate()
        .map(|(i, l)| (first_line + i, l))
        .skip_while(|(n, _)| *n < from)
        .find(|(_, l)| pred(l))
        .map(|(n, _)| n)
}

/// The line of `key:` at any indentation (also as a list item, `- key:`), at or after `from`.
pub fn nested_key_line(text: &str, first_line: usize, key: &str, from: usize) -> Option<usize> {
    let pat = format!("{key}:");
    find_line(text, first_line, from, |l| {
        l.trim_start()
            .trim_start_matches("- ")
            .trim_start()
            .starts_with(&pat)
    })
}

/// A scalar as text: strings as they are, numbers and booleans written out.
fn scalar_to_string(value: &Value) -> Option<String> {
    match value {
        Value::String(s) => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        Value::Bool(b) => Some(b.to_string()),
        Value::Tagged(t) => scalar_to_string(&t.value),
        _ => None,
    }
}

/// The known name closest to `name` (edit distance at most 3, or a shared prefix).
pub fn closest<'a>(name: &str, known: &[&'a str]) -> Option<&'a str> {
    let lower = name.to_lowercase();
    known
        .iter()
        .map(|k| (edit_distance(&lower, k), *k))
        .filter(|(d, k)| {
            *d <= 3.min(k.len() / 2 + 1) || (lower.len() >= 3 && k.starts_with(&lower))
        })
        .min()
        .map(|(_, k)| k)
}

/// Levenshtein distance between two strings, by characters.
pub fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut cur = vec![i + 1; b.len() + 1];
        for (j, cb) in b.iter().enumerate() {
            let cost = usize::from(ca != *cb);
            cur[j + 1] = (prev[j] + cost).min(prev[j + 1] + 1).min(cur[j] + 1);
        }
        prev = cur;
    }
    prev[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bom_and_crlf_are_normalized() {
        assert_eq!(
            normalize("\u{feff}---\r\na: 1\r\n---\r\n"),
            "---\na: 1\n---\n"
        );
        assert_eq!(normalize("a\rb"), "a\nb");
    }

    #[test]
    fn front_matter_is_split_by_lines() {
        let text = "\n---\ntitle: x\n---\nbody\n";
        let s = split_front_matter(text).unwrap();
        assert_eq!(s.front, "title: x\n");
        assert_eq!(s.front_line, 3);
        assert_eq!(s.end_line, 4);
        assert_eq!(body_at(text, s.body_offset), "body\n");
    }

    #[test]
    fn a_horizontal_rule_in_the_body_is_not_front_matter() {
        let text = "---\ntitle: x\n---\na\n\n---\nb\n";
        let s = split_front_matter(text).unwrap();
        assert_eq!(body_at(text, s.body_offset), "a\n\n---\nb\n");
    }

    #[test]
    fn missing_and_unclosed_front_matter_are_reported() {
        let e = split_front_matter("title: x\n").unwrap_err();
        assert!(e.message.contains("does not start with front matter"));
        let e = split_front_matter("---\ntitle: x\nbody\n").unwrap_err();
        assert!(e.message.contains("never closed"));
        assert_eq!(e.line, Some(1));
    }

    #[test]
    fn yaml_errors_count_lines_from_the_top_of_the_file() {
        let e = parse_yaml("title: a\ndate: 2025-01-01\nlang: [ru\n", 2).unwrap_err();
        assert!(e.line.unwrap() >= 4, "{e:?}");
        let e = parse_yaml("title: Форум: итоги\n", 2).unwrap_err();
        assert_eq!(e.line, Some(2));
        assert!(e.hint.unwrap().contains("quotes"));
    }

    #[test]
    fn no_break_spaces_pasted_from_word_work_as_spaces() {
        let v = parse_yaml_tree("title:\u{a0}Форум\u{200b}\nper_page: 5\n").unwrap();
        assert_eq!(
            v,
            Yaml::Map(vec![
                ("title".to_string(), Yaml::Scalar("Форум".to_string())),
                ("per_page".to_string(), Yaml::Number("5".to_string())),
            ])
        );
    }

    #[test]
    fn key_lines_are_found() {
        let m = key_lines("title: a\n# c\norganizers:\n  - x\n\"lang\": ru\n", 2);
        assert_eq!(m["title"], 2);
        assert_eq!(m["organizers"], 4);
        assert_eq!(m["lang"], 6);
    }

    #[test]
    fn closest_field_names() {
        let known = &FIELDS;
        assert_eq!(closest("organizrs", known), Some("organizers"));
        assert_eq!(closest("titel", known), Some("title"));
        assert_eq!(closest("translation_ky", known), Some("translation_key"));
        assert_eq!(closest("zzzzzzzz", known), None);
        assert_eq!(edit_distance("kitten", "sitting"), 3);
    }

    #[test]
    fn stems_of_bundles_are_their_folder() {
        assert_eq!(stem_of(Path::new("content/ru/forum/index.md")), "forum");
        assert_eq!(stem_of(Path::new("content/ru/forum.md")), "forum");
    }
}
