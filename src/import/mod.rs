//! `jarya import`: a press release written in Word, LibreOffice or a text editor becomes a
//! release file, `content/<lang>/<slug>.md`, with the front matter read from its text. Every
//! value found carries a comment saying where it was read; what was not found is listed for
//! the writer; the file is a draft until the writer has checked it.
//!
//! Rooms: `read` (the file to blocks of text), `when` (dates), `facts` (the other fields);
//! this file puts the release together and writes it.

pub mod facts;
pub mod media;
pub mod odt;
pub mod place;
pub mod read;
pub mod suggest;
pub mod when;

use crate::error::{Error, Result};
use crate::i18n::{self, Lang, Message, UiLang};
use crate::msg;
use crate::registry;
use facts::{Facts, Found};
use read::{Block, ReadError};
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

/// One file imported (or, with `--dry-run`, what would be written).
#[derive(Debug, Clone)]
pub struct Imported {
    /// The release file, relative to the site folder.
    pub path: PathBuf,
    /// Its text.
    pub text: String,
    /// How a plain-text file was decoded.
    pub encoding: Option<&'static str>,
    /// Fields that were not found, for the writer to fill in (and pictures without a text
    /// saying what they show).
    pub missing: Vec<String>,
    /// A .docx's or .odt's pictures, written beside the release: it is then a page bundle
    /// (`content/<lang>/<slug>/index.md`).
    pub pictures: Vec<media::Picture>,
    /// Entries to add to `content/organizations.yaml` for organizations the text names and
    /// the registry lacks (YAML; empty when none).
    pub new_organizations: String,
}

/// Reads `file` and makes its release for the site at `site`. `ui` is the language of the
/// comments in the file.
pub fn import(site: &Path, file: &Path, lang: Option<Lang>, ui: UiLang) -> Result<Imported> {
    let name = file.file_name().map_or_else(
        || file.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    );
    let doc = read::read(file).map_err(|e| match e {
        ReadError::Legacy => Error::Usage(msg!("import-legacy-doc", file = &name)),
        ReadError::Unsupported(ext) => {
            Error::Usage(msg!("import-unsupported", file = &name, ext = ext))
        }
        ReadError::Broken(detail) => {
            Error::Usage(msg!("import-broken", file = &name, detail = detail))
        }
        ReadError::LettersLost(line, word) => Error::Usage(msg!(
            "import-letters-lost",
            file = &name,
            line = line.to_string(),
            word = word
        )),
        ReadError::Io(e) => Error::io(file, e),
    })?;
    let (registries, _) = registry::load(site, &[Lang::Ru, Lang::Ky]);
    let stem = file
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    let known = (
        registries.organizations.as_ref(),
        registries.topics.as_ref(),
    );
    make(doc, &name, &stem, lang, known, ui)
}

/// The release made from a document read from the file `name` (`stem` without its
/// extension), with the site's registries (organizations, topics). Touches no disk.
pub fn make(
    doc: read::Document,
    name: &str,
    stem: &str,
    lang: Option<Lang>,
    (organizations, topics): (Option<&registry::Registry>, Option<&registry::Registry>),
    ui: UiLang,
) -> Result<Imported> {
    let facts = facts::read(&doc.blocks, lang, organizations, topics);
    let Some(lang) = facts.lang else {
        let ev = &facts.evidence;
        return Err(Error::Usage(msg!(
            "import-language-unknown",
            file = name,
            ky = ev.ky as usize,
            ru = ev.ru as usize,
            words = if ev.words.is_empty() {
                "—".to_string()
            } else {
                ev.words.join(", ")
            }
        )));
    };
    let title = facts.title.as_ref().map_or("", |t| t.value.as_str());
    let mut slug = i18n::slugify(lang, title);
    if slug.is_empty() || slug.chars().count() > 80 {
        slug = i18n::slugify(lang, stem);
    }
    if slug.is_empty() {
        return Err(Error::Usage(msg!("slug-empty", found = title)));
    }
    let dir = Path::new("content").join(lang.code());
    let path = if doc.pictures.is_empty() {
        dir.join(format!("{slug}.md"))
    } else {
        dir.join(&slug).join("index.md")
    };
    let say = |m: Message| m.render(ui);
    let mut missing = Vec::new();
    let front = front_matter(&facts, lang, name, &say, &mut missing);
    let text = format!("{front}\n{}", body(&doc.blocks, facts.title_block));
    for b in &doc.blocks {
        if let Block::Image { name, alt } = b
            && alt.is_empty()
        {
            missing.push(format!("![…]({name})"));
        }
    }
    let other = say(msg!("import-other-name"));
    Ok(Imported {
        path,
        text,
        encoding: doc.encoding,
        missing,
        pictures: doc.pictures,
        new_organizations: suggest::yaml(&facts.suggested, lang, &other),
    })
}

/// Writes an imported release and its pictures; refuses to overwrite anything: the release
/// as a file or as a bundle of the same name.
pub fn write(site: &Path, imported: &Imported) -> Result<()> {
    let rel = &imported.path;
    let slug_path = if rel.ends_with("index.md") {
        rel.parent().map(|d| d.with_extension("md"))
    } else {
        Some(rel.with_extension(""))
    };
    for taken in std::iter::once(rel.clone()).chain(slug_path) {
        if site.join(&taken).exists() {
            return Err(Error::Usage(msg!("new-exists", path = &taken)));
        }
    }
    let abs = site.join(rel);
    let dir = abs.parent().unwrap_or(site);
    std::fs::create_dir_all(dir).map_err(|e| Error::io(dir, e))?;
    for p in &imported.pictures {
        let file = dir.join(&p.name);
        std::fs::write(&file, &p.bytes).map_err(|e| Error::io(&file, e))?;
    }
    std::fs::write(&abs, &imported.text).map_err(|e| Error::io(&abs, e))
}

/// A YAML string: JSON's double-quoted form, which is YAML's too, with the characters JSON
/// leaves as they are and YAML does not take raw (DEL, C1 controls; NEL and the line and
/// paragraph separators, which YAML 1.1 reads as line breaks) escaped as well.
pub(crate) fn quoted(s: &str) -> String {
    let json = serde_json::Value::String(s.to_string()).to_string();
    let mut out = String::with_capacity(json.len());
    for c in json.chars() {
        if matches!(
            c,
            '\u{7f}'..='\u{9f}' | '\u{2028}' | '\u{2029}' | '\u{feff}'
        ) {
            let _ = write!(out, "\\u{:04x}", u32::from(c));
        } else {
            out.push(c);
        }
    }
    out
}

/// A comment: one line, what was read (shortened).
fn comment(say: &dyn Fn(Message) -> String, from: &str) -> String {
    let mut text: String = from.split_whitespace().collect::<Vec<_>>().join(" ");
    if text.chars().count() > 70 {
        text = text.chars().take(70).collect::<String>() + "…";
    }
    format!("  # {}", say(msg!("import-from", text = text)))
}

fn front_matter(
    facts: &Facts,
    lang: Lang,
    file: &str,
    say: &dyn Fn(Message) -> String,
    missing: &mut Vec<String>,
) -> String {
    let mut y = String::from("---\n");
    let _ = writeln!(y, "# {}", say(msg!("import-header", file = file)));
    match &facts.title {
        Some(t) => {
            let _ = writeln!(y, "title: {}{}", quoted(&t.value), comment(say, &t.from));
        }
        None => {
            missing.push("title".into());
            let _ = writeln!(y, "title: \"\"");
        }
    }
    match &facts.when {
        Some(Found { value: w, from }) => {
            let time =
                |t: Option<jiff::civil::Time>| t.map(|t| format!(" {}", i18n::format_time(t)));
            let start = format!("{}{}", w.date, time(w.time).unwrap_or_default());
            let _ = writeln!(y, "date: {start}{}", comment(say, from));
            if let Some(end) = w.end_date {
                let _ = writeln!(y, "end: {end}");
            } else if let Some(t) = w.end_time {
                let _ = writeln!(y, "end: \"{}\"", i18n::format_time(t));
            }
        }
        None => {
            missing.push("date".into());
            let _ = writeln!(y, "date:  # {}", say(msg!("import-todo")));
        }
    }
    let _ = writeln!(y, "lang: {}", lang.code());
    if let Some(p) = &facts.place {
        let _ = writeln!(y, "location: {}{}", quoted(&p.value), comment(say, &p.from));
    }
    list(&mut y, "organizers", &facts.organizers, say);
    if facts.organizers.is_empty() {
        missing.push("organizers".into());
    }
    for s in &facts.suggested {
        let _ = writeln!(
            y,
            "# {}",
            say(msg!("import-new-organization", name = &s.name))
        );
    }
    if !facts.topics.is_empty() {
        list(&mut y, "topics", &facts.topics, say);
    }
    contacts(&mut y, facts, say);
    y.push_str("draft: true\n---\n");
    y
}

fn list(y: &mut String, key: &str, found: &[Found<String>], say: &dyn Fn(Message) -> String) {
    if found.is_empty() {
        let _ = writeln!(y, "{key}: []  # {}", say(msg!("import-todo")));
        return;
    }
    let _ = writeln!(y, "{key}:");
    for f in found {
        let _ = writeln!(y, "  - {}{}", quoted(&f.value), comment(say, &f.from));
    }
}

fn contacts(y: &mut String, facts: &Facts, say: &dyn Fn(Message) -> String) {
    if !facts.contacts.is_empty() {
        let _ = writeln!(y, "contacts:");
    }
    for c in &facts.contacts {
        let v = &c.value;
        let _ = writeln!(y, "  - name: {}{}", quoted(&v.name), comment(say, &c.from));
        for (key, value) in [("role", &v.role), ("phone", &v.phone), ("email", &v.email)] {
            if let Some(value) = value {
                let _ = writeln!(y, "    {key}: {}", quoted(value));
            }
        }
    }
    if !facts.loose.is_empty() {
        let list = facts.loose.join(", ");
        let _ = writeln!(y, "# {}", say(msg!("import-loose", list = list)));
    }
}

/// The body in Markdown: every block but the title; headings under the title's level; a
/// paragraph that Markdown would take for something else gets a backslash.
fn body(blocks: &[Block], title: Option<usize>) -> String {
    let mut md = String::new();
    let mut in_list = false;
    for (i, b) in blocks.iter().enumerate() {
        if Some(i) == title {
            continue;
        }
        let is_item = matches!(b, Block::Item(_));
        if in_list && !is_item {
            md.push('\n');
        }
        in_list = is_item;
        match b {
            Block::Heading(n, t) => {
                let _ = writeln!(md, "{} {t}\n", "#".repeat(usize::from(*n).clamp(1, 5) + 1));
            }
            Block::Para(t) => {
                let _ = writeln!(md, "{}\n", literal(t));
            }
            Block::Item(t) => {
                let _ = writeln!(md, "- {t}");
            }
            Block::Table(rows) => table(&mut md, rows),
            Block::Image { name, alt } => {
                let alt = alt.replace('[', "\\[").replace(']', "\\]");
                let _ = writeln!(md, "![{alt}]({name})\n");
            }
        }
    }
    md.trim_end().to_string() + "\n"
}

/// A pipe table: the first row as its head, every row as wide as the widest.
fn table(md: &mut String, rows: &[Vec<String>]) {
    let width = rows.iter().map(Vec::len).max().unwrap_or(0).max(1);
    for (i, row) in rows.iter().enumerate() {
        let cells: Vec<String> = (0..width)
            .map(|c| row.get(c).map_or(String::new(), |t| t.replace('|', "\\|")))
            .collect();
        let _ = writeln!(md, "| {} |", cells.join(" | "));
        if i == 0 {
            let _ = writeln!(md, "|{}", " --- |".repeat(width));
        }
    }
    md.push('\n');
}

/// Text that starts like Markdown syntax (`#`, `>`, `-`, `1.`) kept as text.
fn literal(t: &str) -> String {
    let numbered = t.split_once(['.', ')']).is_some_and(|(n, rest)| {
        !n.is_empty() && n.chars().all(|c| c.is_ascii_digit()) && rest.starts_with(' ')
    });
    match t.find(['.', ')']) {
        Some(i) if numbered => format!("{}\\{}", &t[..i], &t[i..]),
        _ if t.starts_with(['#', '>', '-', '+', '*', '=', '|']) => format!("\\{t}"),
        _ => t.to_string(),
    }
}

#[cfg(test)]
mod tests;
