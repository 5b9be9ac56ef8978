//! Load stage: walk `content/`, read each release, split its front matter and parse its YAML.
//!
//! In: the site folder. Out: [`RawRelease`]s, the front matter as written (with the line of
//! every field), or every [`Diagnostic`] found. Files may start with a UTF-8 BOM and use CRLF
//! line endings. A build keeps only the place of each body ([`body`]): the render stage reads
//! it back through [`body::read_back`], which it is given. A bundle (`<name>/index.md`) also
//! lists the files beside it (photos, PDFs).
//!
//! Rooms: [`text`] (reading and splitting files), [`encoding`] (files not in UTF-8),
//! [`yaml`] (the only user of serde_yaml), [`span`] (where a YAML path stands in the file),
//! [`fields`] (YAML values -> raw types).

pub mod body;
mod encoding;
mod fields;
pub(crate) use encoding::lost_letter;
pub mod git;
pub mod span;
mod text;
mod yaml;
mod yaml_help;
pub(crate) use yaml_help::quoted;

pub use body::Body;
pub use fields::FieldReader;
pub use span::Locator;
pub use text::{
    CaseIndex, Split, body_at, computer_file, display_path, fold_spaces, in_other_case, normalize,
    read_text, read_text_noted, sort_paths, split_front_matter, text_noted,
};
pub use yaml::{Yaml, closest, edit_distance, parse_yaml, parse_yaml_tree};

use crate::error::Diagnostic;
use crate::markdown::{self, BodyLink};
use crate::msg;
use rayon::prelude::*;
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
    /// Their role per language code, when written `role: {ru: ..., ky: ...}` (registries).
    pub role_by_lang: BTreeMap<String, String>,
    /// Email address.
    pub email: Option<String>,
    /// Phone number, written as people write it ("0 312 91 10 10").
    pub phone: Option<String>,
    /// A web page.
    pub url: Option<String>,
    /// Line of this contact in the file.
    pub line: usize,
    /// Line of each part written, in the order of [`CONTACT_PARTS`] (0: not written).
    pub part_lines: [usize; CONTACT_PARTS.len()],
    /// A part was unknown or unreadable (`телефон:`), and reported: what it was meant to be
    /// is not reported again as missing.
    pub reported: bool,
}

impl RawContact {
    /// The line of one part, or of the contact when the part is not written.
    pub fn line_of(&self, part: &str) -> usize {
        CONTACT_PARTS
            .iter()
            .position(|p| *p == part)
            .map(|i| self.part_lines[i])
            .filter(|l| *l > 0)
            .unwrap_or(self.line)
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

/// What `jarya new` writes for the writer to replace, in each language: an organizer's name
/// and two paragraphs of text. A release that still has one is an error, so that an unfilled
/// file is never published.
pub const EXAMPLE_ORGANIZERS: [&str; 2] = ["Название организации", "Уюмдун аталышы"];

/// See [`EXAMPLE_ORGANIZERS`]: the paragraphs, Russian then Kyrgyz.
pub const EXAMPLE_PARAGRAPHS: [[&str; 2]; 2] = [
    [
        "Первый абзац: кто, что, когда и где.",
        "Подробности мероприятия: программа, участники, как принять участие.",
    ],
    [
        "Биринчи абзац: ким, эмне, качан жана кайда.",
        "Иш-чаранын чоо-жайы: программа, катышуучулар, кантип катышууга болот.",
    ],
];

/// Whether a paragraph (its Markdown) is one of [`EXAMPLE_PARAGRAPHS`].
pub fn is_example(paragraph: &str) -> bool {
    let p = paragraph.trim_end();
    EXAMPLE_PARAGRAPHS.iter().flatten().any(|e| *e == p)
}

/// The front matter fields, in the order the reference lists them.
pub const FIELDS: [&str; 15] = [
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
    "image_alt",
    "published",
];

/// The parts of a contact.
pub(crate) const CONTACT_PARTS: [&str; 5] = ["name", "role", "email", "phone", "url"];

/// The parts of a location.
pub(crate) const LOCATION_PARTS: [&str; 3] = ["name", "address", "city"];

/// Names that are not fields but are common mistakes, with the field meant.
pub(crate) const FIELD_ALIASES: [(&str, &str); 52] = [
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
    // The fields' names in Russian and Kyrgyz, as staff who read no English write them.
    ("заголовок", "title"),
    ("название", "title"),
    ("аталышы", "title"),
    ("аталыш", "title"),
    ("дата", "date"),
    ("начало", "date"),
    ("күнү", "date"),
    ("күн", "date"),
    ("конец", "end"),
    ("окончание", "end"),
    ("аягы", "end"),
    ("язык", "lang"),
    ("тил", "lang"),
    ("организатор", "organizers"),
    ("организаторы", "organizers"),
    ("уюштуруучу", "organizers"),
    ("уюштуруучулар", "organizers"),
    ("тема", "topics"),
    ("темы", "topics"),
    ("темалар", "topics"),
    ("контакт", "contacts"),
    ("контакты", "contacts"),
    ("байланыш", "contacts"),
    ("байланыштар", "contacts"),
    ("место", "location"),
    ("адрес", "location"),
    ("орун", "location"),
    ("дарек", "location"),
    ("дареги", "location"),
    ("описание", "summary"),
    ("анонс", "summary"),
    ("кыскача", "summary"),
    ("картинка", "image"),
    ("фото", "image"),
    ("сүрөт", "image"),
    ("черновик", "draft"),
];

/// Names written for a part of a contact or a place (`телефон:` for `phone:`), in English,
/// Russian and Kyrgyz: the part meant, suggested when the name is unknown.
pub(crate) const PART_ALIASES: [(&str, &str); 24] = [
    ("tel", "phone"),
    ("telephone", "phone"),
    ("mail", "email"),
    ("e-mail", "email"),
    ("website", "url"),
    ("site", "url"),
    ("link", "url"),
    ("имя", "name"),
    ("фио", "name"),
    ("аты", "name"),
    ("название", "name"),
    ("должность", "role"),
    ("роль", "role"),
    ("кызматы", "role"),
    ("телефон", "phone"),
    ("тел", "phone"),
    ("почта", "email"),
    ("сайт", "url"),
    ("адрес", "address"),
    ("дарек", "address"),
    ("дареги", "address"),
    ("город", "city"),
    ("шаар", "city"),
    ("место", "name"),
];

/// The name meant by `written` among `aliases`, if it is one of `known`; case is ignored.
pub(crate) fn alias_of<'k>(
    written: &str,
    aliases: &[(&str, &str)],
    known: &[&'k str],
) -> Option<&'k str> {
    let w = written.trim().to_lowercase();
    let meant = aliases.iter().find(|(alias, _)| *alias == w)?.1;
    known.iter().find(|k| **k == meant).copied()
}

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
    /// The line of each organizer and topic (the key's line for `[a, b]` on one line).
    pub organizer_lines: Vec<usize>,
    pub topic_lines: Vec<usize>,
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
    /// `image_alt`: what the picture shows, for readers who cannot see it.
    pub image_alt: Option<Spanned<String>>,
    /// `published`: when the release was published (`2025-06-01` or with a time); feeds use
    /// it. Default: the file's first commit (git), else the event's date, or the build's
    /// date when the event is later.
    pub published: Option<Spanned<String>>,
    /// When git first saw this file (not read from the file: from `git log`).
    pub first_commit: Option<jiff::Timestamp>,
    /// The first paragraph of the body as plain text (the default summary).
    pub first_paragraph: String,
    /// Line of the closing `---` (where a missing field is reported).
    pub front_matter_end_line: usize,
    /// The Markdown body (after the front matter), normalized: in a build, its place in the file.
    pub body: Body,
    /// Line of the file where the body starts.
    pub body_line: usize,
    /// The links and pictures of the body, with their places.
    pub links: Vec<BodyLink>,
    /// The raw HTML of the body, with its places (checked against the site's policy).
    pub html: Vec<BodyLink>,
    /// Paragraphs whose lines look like paragraphs and list items pasted without empty lines
    /// (each a line of the body, its first, and how many lines it has).
    pub joined: Vec<(usize, usize)>,
    /// Lines of the body (0 for its first) of paragraphs still as `jarya new` wrote them
    /// ([`EXAMPLE_PARAGRAPHS`]).
    pub examples: Vec<usize>,
    /// For a bundle (`<name>/index.md`): its folder and the files in it that are not releases
    /// (relative to the folder, in a stable order).
    pub bundle: Option<Bundle>,
    /// Fields that an unknown field was probably meant to be, or that were written in a shape
    /// that could not be read: reported already, not again as missing.
    pub misspelled: Vec<String>,
}

/// A release written as a folder: `<name>/index.md` with its photos and files beside it.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Bundle {
    /// The folder on disk.
    pub dir: PathBuf,
    /// Its files that are not Markdown, relative to the folder, sorted.
    pub files: Vec<PathBuf>,
}

/// Finds and loads every release under `<site>/content/`, in a stable order, each handed to
/// `then` as soon as it is read, in parallel (the build checks it there: the raw form of
/// every file is never held at once). `first_commits` ([`git::first_commits`]) dates the
/// releases that give no `published`.
///
/// Returns `then`'s result for every release whose front matter could be read (even with bad
/// fields) and every problem found.
pub fn load_releases<T: Send>(
    site: &Path,
    first_commits: &git::FirstCommits,
    then: impl Fn(RawRelease) -> T + Sync,
) -> (Vec<T>, Vec<Diagnostic>) {
    let content = site.join("content");
    let mut files = Vec::new();
    let mut diagnostics = Vec::new();
    let walker = walkdir::WalkDir::new(&content)
        .into_iter()
        .filter_entry(|e| e.depth() == 0 || !e.file_name().to_string_lossy().starts_with('.'));
    for entry in walker {
        match entry {
            Ok(e) if e.file_type().is_file() && is_markdown(e.path()) => {
                // Held through loading: without the room a joined path is given to grow.
                let mut path = e.into_path();
                path.shrink_to_fit();
                files.push(path);
            }
            Ok(_) => {}
            Err(err) => {
                let path = err.path().unwrap_or(&content).to_path_buf();
                diagnostics.push(Diagnostic::error(
                    display_path(site, &path),
                    msg!(
                        "folder-unreadable",
                        reason = err.io_error().map_or_else(
                            || msg!("io-other", detail = err.to_string()),
                            crate::error::io_reason
                        )
                    ),
                ));
            }
        }
    }
    text::sort_paths(&mut files, |f| f);
    let results: Vec<_> = files
        .par_iter()
        .map(|abs| {
            let (mut release, warnings) = load_release(site, &content, abs)?;
            release.first_commit = first_commits.get(&release.path).copied();
            Ok((then(release), warnings))
        })
        .collect();
    drop(files);
    // Each file's diagnostics in file order; the results are moved into the vector they are
    // in (no second vector of every release).
    let loaded = results
        .into_iter()
        .filter_map(|r: Result<(T, Vec<Diagnostic>), Vec<Diagnostic>>| match r {
            Ok((t, warnings)) => {
                diagnostics.extend(warnings);
                Some(t)
            }
            Err(errs) => {
                diagnostics.extend(errs);
                None
            }
        })
        .collect();
    (loaded, diagnostics)
}

/// Whether a file is a release (`.md` or `.markdown`).
pub fn is_markdown(path: &Path) -> bool {
    path.extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("md") || e.eq_ignore_ascii_case("markdown"))
}

/// Loads one release file (for `serve`, which reloads the file that changed).
pub fn load_one(site: &Path, abs: &Path) -> Result<(RawRelease, Vec<Diagnostic>), Vec<Diagnostic>> {
    load_release(site, &site.join("content"), abs)
}

fn load_release(
    site: &Path,
    content: &Path,
    abs: &Path,
) -> Result<(RawRelease, Vec<Diagnostic>), Vec<Diagnostic>> {
    let (text, note) = read_text_noted(site, abs).map_err(|d| vec![d])?;
    match parse(site, content, abs, &text, false) {
        Ok((raw, mut diags)) => {
            diags.extend(note);
            Ok((raw, diags))
        }
        Err(mut diags) => {
            diags.extend(note);
            Err(diags)
        }
    }
}

/// A release from its text (normalized, as [`read_text`] gives it), its body kept in memory
/// (for fuzzing and tests): `abs` is where the file is, for its name, folder and bundle.
pub fn parse_release(
    site: &Path,
    content: &Path,
    abs: &Path,
    text: &str,
) -> Result<(RawRelease, Vec<Diagnostic>), Vec<Diagnostic>> {
    parse(site, content, abs, text, true)
}

/// [`parse_release`], the body kept in memory when `keep_body`, else as its place in the file.
fn parse(
    site: &Path,
    content: &Path,
    abs: &Path,
    text: &str,
    keep_body: bool,
) -> Result<(RawRelease, Vec<Diagnostic>), Vec<Diagnostic>> {
    let rel = display_path(site, abs);
    let located = |mut d: Diagnostic| {
        d.path = rel.clone();
        vec![d]
    };
    let split = split_front_matter(text).map_err(located)?;
    let mapping = match parse_yaml(split.front, split.front_line).map_err(located)? {
        Yaml::Map(m) => m,
        Yaml::Null => Vec::new(),
        _ => {
            return Err(vec![
                Diagnostic::error(&rel, msg!("front-matter-shape"))
                    .at_line(split.front_line)
                    .with_hint(msg!("front-matter-shape-hint")),
            ]);
        }
    };
    let body = body_at(text, split.body_offset);
    let scan = markdown::scan(body);
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
        body: Body::of(text, split.body_offset, keep_body),
        body_line: split.end_line + 1,
        first_paragraph: scan.first_paragraph,
        links: scan.links,
        html: scan.html,
        joined: scan.joined,
        examples: scan.examples,
        bundle: bundle_of(abs),
        ..RawRelease::default()
    };
    let loc = Locator::new(split.front, split.front_line);
    let errors = read_fields(&mut raw, mapping, &loc, &rel);
    // Field errors do not stop the file: the model still checks what could be read, so one
    // run reports every mistake.
    Ok((raw, errors))
}

/// The front matter's fields into `raw`; the problems found (a field in a wrong shape, an
/// unknown field, a value cut short by a comment).
fn read_fields(
    raw: &mut RawRelease,
    mapping: Vec<(String, Yaml)>,
    loc: &Locator,
    rel: &Path,
) -> Vec<Diagnostic> {
    let mut errors: Vec<Diagnostic> = loc.cuts().iter().map(|c| cut_short(rel, c)).collect();
    let mut fields = FieldReader {
        path: rel,
        loc,
        errors: &mut errors,
    };
    for (name, value) in mapping {
        let line = loc.line(&name);
        match name.as_str() {
            "title" => raw.title = fields.string(&name, value, line),
            "date" => raw.date = fields.string(&name, value, line),
            "end" => raw.end = fields.string(&name, value, line),
            "lang" => raw.lang = fields.string(&name, value, line),
            "summary" => raw.summary = fields.string(&name, value, line),
            "slug" => raw.slug = fields.string(&name, value, line),
            "translation_key" => raw.translation_key = fields.string(&name, value, line),
            "image" => raw.image = fields.string(&name, value, line),
            "image_alt" => raw.image_alt = fields.string(&name, value, line),
            "published" => raw.published = fields.string(&name, value, line),
            "organizers" => raw.organizers = fields.names(&name, &name, value),
            "topics" => raw.topics = fields.names(&name, &name, value),
            "draft" => raw.draft = fields.boolean(&name, value, line),
            "contacts" => raw.contacts = fields.contacts(&name, value),
            "location" => raw.location = fields.location(&name, value),
            _ => {
                if let Some(meant) = fields.unknown(&name, line) {
                    raw.misspelled.push(meant.to_string());
                }
            }
        }
    }
    let item_lines = |field: &str, names: &Option<Spanned<Vec<String>>>| -> Vec<usize> {
        let count = names.as_ref().map_or(0, |n| n.value.len());
        (0..count)
            .map(|i| loc.line(&format!("{field}.{i}")))
            .collect()
    };
    raw.organizer_lines = item_lines("organizers", &raw.organizers);
    raw.topic_lines = item_lines("topics", &raw.topics);
    // A field written in a shape that could not be read is not reported again as missing.
    raw.misspelled.extend(
        errors
            .iter()
            .filter(|d| d.is_error())
            .filter_map(|d| d.field.clone()),
    );
    errors
}

/// A value cut short by a comment: an error, so that "Итоги" is not published for
/// `title: Итоги #2` (a comment goes on a line of its own, as `jarya new` writes them).
pub(crate) fn cut_short(rel: &Path, c: &span::Cut) -> Diagnostic {
    let message = match c.value.is_empty() {
        true => msg!("yaml-comment-all"),
        false => msg!("yaml-comment", value = c.value.as_str()),
    };
    Diagnostic::error(rel, message)
        .at_line(c.line)
        .at_column(c.column)
        .in_field(&c.field)
        .with_hint(msg!("yaml-comment-hint", fixed = c.fixed.as_str()))
}

/// For `<name>/index.md` (or `index.markdown`): the folder and its other files, skipping hidden
/// ones and Markdown files (those are releases of their own).
fn bundle_of(abs: &Path) -> Option<Bundle> {
    let stem = abs.file_stem()?.to_string_lossy();
    if !stem.eq_ignore_ascii_case("index") {
        return None;
    }
    let dir = abs.parent()?.to_path_buf();
    let mut files = Vec::new();
    let walker = walkdir::WalkDir::new(&dir)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|e| e.depth() == 0 || !e.file_name().to_string_lossy().starts_with('.'));
    for entry in walker.flatten() {
        if entry.file_type().is_file()
            && !is_markdown(entry.path())
            && let Ok(rel) = entry.path().strip_prefix(&dir)
        {
            files.push(rel.to_path_buf());
        }
    }
    Some(Bundle { dir, files })
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_contact_part_has_its_own_line_and_missing_ones_the_contacts() {
        let text = "---\ntitle: x\ncontacts:\n  - name: Айгуль\n    role:\n      ru: Координатор\n      ky: Координатор\n    email: a@b.kg\n  - name: Бакыт\n---\n";
        let site = Path::new("/site");
        let abs = Path::new("/site/content/ru/a.md");
        let (raw, _) = parse_release(site, &site.join("content"), abs, text).unwrap();
        let contacts = raw.contacts.unwrap().value;
        assert_eq!(contacts[0].line_of("name"), 4);
        assert_eq!(contacts[0].line_of("role"), 5);
        assert_eq!(contacts[0].line_of("email"), 8);
        assert_eq!(contacts[0].line_of("phone"), contacts[0].line);
        assert_eq!(contacts[1].line_of("email"), contacts[1].line);
        assert_eq!(contacts[1].line, 9);
    }

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
        assert!(
            e.message
                .to_string()
                .contains("does not start with front matter")
        );
        let e = split_front_matter("---\ntitle: x\nbody\n").unwrap_err();
        assert!(e.message.to_string().contains("never closed"));
        assert_eq!(e.line, Some(1));
    }

    #[test]
    fn yaml_errors_count_lines_from_the_top_of_the_file() {
        let e = parse_yaml("title: a\ndate: 2025-01-01\nlang: [ru\n", 2).unwrap_err();
        assert!(e.line.unwrap() >= 4, "{e:?}");
        let e = parse_yaml("title: Форум: итоги\n", 2).unwrap_err();
        assert_eq!(e.line, Some(2));
        assert!(e.hint.unwrap().to_string().contains("quotes"));
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
