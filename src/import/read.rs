//! `jarya import`, reading: a plain-text, Markdown, Word (.docx) or LibreOffice (.odt) file
//! becomes blocks of text (headings, paragraphs, list items) with bold and italic as Markdown.
//! A .docx or .odt is a zip of XML: `word/document.xml` with its styles, or `content.xml`.

use super::media::{self, Picture, Pictures};
use quick_xml::Reader;
use quick_xml::events::{BytesStart, Event};
use std::collections::HashMap;
use std::io::Read;
use std::path::Path;

/// One block of the document, its text already in Markdown (emphasis, links).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Block {
    Heading(u8, String),
    Para(String),
    Item(String),
    /// Rows of cells (a cell's paragraphs joined by spaces).
    Table(Vec<Vec<String>>),
    /// A picture: its file beside the release, and what Word says it shows (may be empty).
    Image {
        name: String,
        alt: String,
    },
}

impl Block {
    /// Its text without Markdown (a table's cells, a line per row): what facts are read from.
    pub fn text(&self) -> std::borrow::Cow<'_, str> {
        match self {
            Block::Heading(_, t) | Block::Para(t) | Block::Item(t) => unmark(t),
            Block::Image { alt, .. } => alt.into(),
            Block::Table(rows) => rows
                .iter()
                .map(|r| r.iter().map(|c| unmark(c)).collect::<Vec<_>>().join(" "))
                .collect::<Vec<_>>()
                .join("\n")
                .into(),
        }
    }
}

/// Characters that would be Markdown in a document's text, kept as text.
const MARKS: [char; 6] = ['\\', '*', '[', ']', '`', '<'];

/// A document's text as Markdown text: its `*`, `[`, `]`, `` ` ``, `<` and `\\` escaped, and a
/// `_` that could open or close emphasis (not one inside a word: `ulan_umetov@mail.kg` stays
/// as written, for the writer who reads the file).
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut prev: Option<char> = None;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        let inside = |n: Option<char>| n.is_some_and(char::is_alphanumeric);
        if MARKS.contains(&c) || (c == '_' && !(inside(prev) && inside(chars.peek().copied()))) {
            out.push('\\');
        }
        out.push(c);
        prev = Some(c);
    }
    out
}

/// The text of the Markdown that reading wrote: emphasis marks and link targets left out,
/// escapes read (`**Форум** в [Оше](https://…) \\*` -> `Форум в Оше *`).
pub fn unmark(md: &str) -> std::borrow::Cow<'_, str> {
    if !md.contains(MARKS) {
        return md.into();
    }
    let mut out = String::with_capacity(md.len());
    let mut chars = md.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' => out.extend(chars.next()),
            '*' | '[' => {}
            ']' if chars.peek() == Some(&'(') => {
                for c in chars.by_ref() {
                    if c == ')' {
                        break;
                    }
                }
            }
            _ => out.push(c),
        }
    }
    out.into()
}

/// A table being read: its rows so far, and how deep in tables (one inside a cell is read
/// into that cell).
#[derive(Default)]
pub(super) struct Grid {
    rows: Vec<Vec<String>>,
    depth: usize,
}

impl Grid {
    pub(super) fn open(&mut self) {
        self.depth += 1;
    }

    pub(super) fn row(&mut self) {
        if self.depth == 1 {
            self.rows.push(Vec::new());
        }
    }

    pub(super) fn cell(&mut self) {
        if self.depth == 1
            && let Some(row) = self.rows.last_mut()
        {
            row.push(String::new());
        }
    }

    /// A paragraph's text: into the current cell when in a table (true), else not taken.
    pub(super) fn take(&mut self, text: &str) -> bool {
        if self.depth == 0 {
            return false;
        }
        let text = clean(text);
        if let Some(cell) = self.rows.last_mut().and_then(|r| r.last_mut())
            && !text.is_empty()
        {
            if !cell.is_empty() {
                cell.push(' ');
            }
            cell.push_str(&text);
        }
        true
    }

    pub(super) fn close(&mut self, blocks: &mut Vec<Block>) {
        self.depth = self.depth.saturating_sub(1);
        if self.depth == 0 {
            let rows = std::mem::take(&mut self.rows);
            if rows.iter().any(|r| r.iter().any(|c| !c.is_empty())) {
                blocks.push(Block::Table(rows));
            }
        }
    }
}

/// A document read, and how its bytes were decoded (plain text only).
#[derive(Debug, Clone)]
pub struct Document {
    pub blocks: Vec<Block>,
    pub encoding: Option<&'static str>,
    /// The pictures of a .docx, to go beside the release.
    pub pictures: Vec<Picture>,
}

/// Why a file could not be read.
#[derive(Debug)]
pub enum ReadError {
    /// A Word 97–2003 `.doc`: binary, to be saved again as .docx.
    Legacy,
    /// Not a kind of file import reads (the extension).
    Unsupported(String),
    /// A .docx or .odt whose zip or XML is broken.
    Broken(String),
    /// A plain text in windows-1251 where a Kyrgyz letter became `?`: its line and word.
    LettersLost(usize, String),
    Io(std::io::Error),
}

/// Reads `path` by its extension.
pub fn read(path: &Path) -> Result<Document, ReadError> {
    let ext = path
        .extension()
        .map(|e| e.to_string_lossy().to_lowercase())
        .unwrap_or_default();
    if !matches!(ext.as_str(), "txt" | "text" | "md" | "docx" | "odt" | "doc") {
        return Err(ReadError::Unsupported(ext));
    }
    let size = std::fs::metadata(path).map_err(ReadError::Io)?.len();
    if size > LIMIT {
        return Err(ReadError::Broken(format!("more than {} MB", LIMIT >> 20)));
    }
    let bytes = std::fs::read(path).map_err(ReadError::Io)?;
    from_bytes(&bytes, &ext)
}

/// Reads a file's bytes as the kind its extension (lowercase) names.
pub fn from_bytes(bytes: &[u8], ext: &str) -> Result<Document, ReadError> {
    match ext {
        "doc" => Err(ReadError::Legacy),
        "docx" => {
            let (blocks, pictures) = docx(bytes)?;
            Ok(Document {
                blocks,
                encoding: None,
                pictures,
            })
        }
        "odt" => {
            let (blocks, pictures) = super::odt::read(bytes)?;
            Ok(Document {
                blocks,
                encoding: None,
                pictures,
            })
        }
        _ => {
            let (text, encoding) = decode(bytes);
            if encoding == "windows-1251"
                && let Some((line, _, word)) = crate::content::lost_letter(&text)
            {
                return Err(ReadError::LettersLost(line, word));
            }
            Ok(Document {
                blocks: plain(&text, ext == "md"),
                encoding: Some(encoding),
                pictures: Vec::new(),
            })
        }
    }
}

/// UTF-8 (with or without a byte order mark), UTF-16 with one, or else windows-1251 (the
/// Cyrillic code page of older Windows), with the name of what was used.
pub fn decode(bytes: &[u8]) -> (String, &'static str) {
    if let Some((encoding, bom)) = encoding_rs::Encoding::for_bom(bytes) {
        let (text, _) = encoding.decode_without_bom_handling(&bytes[bom..]);
        let name = match encoding.name() {
            "UTF-8" => "UTF-8 (BOM)",
            "UTF-16LE" => "UTF-16LE",
            _ => "UTF-16BE",
        };
        return (text.into_owned(), name);
    }
    match std::str::from_utf8(bytes) {
        Ok(text) => (text.to_string(), "UTF-8"),
        Err(_) => {
            let (text, _) = encoding_rs::WINDOWS_1251.decode_without_bom_handling(bytes);
            (text.into_owned(), "windows-1251")
        }
    }
}

const BULLETS: [char; 7] = ['·', '•', '-', '*', '–', '—', '▪'];

/// Lines of text: each non-empty line a paragraph, a line starting with a bullet a list item;
/// in Markdown, `#` lines are headings.
fn plain(text: &str, markdown: bool) -> Vec<Block> {
    let mut blocks = Vec::new();
    for line in text.lines() {
        let line = clean(line);
        if line.is_empty() {
            continue;
        }
        if markdown && line.starts_with('#') {
            let level = line.chars().take_while(|c| *c == '#').count().min(6) as u8;
            blocks.push(Block::Heading(
                level,
                line[level as usize..].trim().to_string(),
            ));
            continue;
        }
        // A plain text's characters are text; a Markdown file's are Markdown already.
        let line = if markdown { line } else { escape(&line) };
        if let Some(rest) = line
            .strip_prefix(BULLETS)
            .filter(|r| r.starts_with(char::is_whitespace))
            .or_else(|| {
                line.strip_prefix("\\*")
                    .filter(|r| r.starts_with(char::is_whitespace))
            })
        {
            blocks.push(Block::Item(rest.trim().to_string()));
        } else {
            blocks.push(Block::Para(line));
        }
    }
    blocks
}

/// No-break and other odd spaces (and line and paragraph separators) as plain ones, runs of
/// spaces as one, no ends; control characters (NUL, DEL, C1, a byte order mark) left out: a
/// document's text has none that mean anything, and YAML refuses them.
pub fn clean(line: &str) -> String {
    line.split(char::is_whitespace)
        .map(|w| {
            w.chars()
                .filter(|c| !c.is_control() && !matches!(c, '\u{feff}' | '\u{fffe}' | '\u{ffff}'))
                .collect::<String>()
        })
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// The most of a document's XML read.
const LIMIT: u64 = 64 << 20;

/// A file of a zip package, read up to LIMIT bytes.
pub(super) fn unzip_bytes(bytes: &[u8], name: &str) -> Result<Option<Vec<u8>>, ReadError> {
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes))
        .map_err(|e| ReadError::Broken(e.to_string()))?;
    let Ok(mut file) = zip.by_name(name) else {
        return Ok(None);
    };
    // A zip can claim any size, or lie: at most LIMIT bytes are read (a press release's text
    // is a few hundred KB; a "zip bomb" stops here).
    let mut bytes = Vec::new();
    file.by_ref()
        .take(LIMIT + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| ReadError::Broken(format!("{name}: {e}")))?;
    if bytes.len() as u64 > LIMIT {
        return Err(ReadError::Broken(format!(
            "{name}: more than {} MB",
            LIMIT >> 20
        )));
    }
    Ok(Some(bytes))
}

pub(super) fn unzip(bytes: &[u8], name: &str) -> Result<Option<String>, ReadError> {
    unzip_bytes(bytes, name)?
        .map(|b| String::from_utf8(b).map_err(|e| ReadError::Broken(format!("{name}: {e}"))))
        .transpose()
}

pub(super) fn attr(e: &BytesStart, name: &str) -> Option<String> {
    e.try_get_attribute(name)
        .ok()
        .flatten()
        .map(|a| unescape(&a.value))
}

/// An attribute's value with its references (`&amp;`, `&#1234;`) read.
fn unescape(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    let mut rest = value;
    while let Some(at) = rest.find('&') {
        out.push_str(&rest[..at]);
        let after = &rest[at + 1..];
        match after
            .find(';')
            .and_then(|end| Some((end, entity(&after[..end])?)))
        {
            Some((end, c)) => {
                out.push(c);
                rest = &after[end + 1..];
            }
            None => {
                out.push('&');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// `&amp;` and its kin, and `&#1234;`.
pub(super) fn entity(name: &str) -> Option<char> {
    match name {
        "amp" => Some('&'),
        "lt" => Some('<'),
        "gt" => Some('>'),
        "quot" => Some('"'),
        "apos" => Some('\''),
        _ => {
            let n = name.strip_prefix('#')?;
            let code = match n.strip_prefix('x') {
                Some(hex) => u32::from_str_radix(hex, 16).ok()?,
                None => n.parse().ok()?,
            };
            char::from_u32(code)
        }
    }
}

/// A paragraph being read: its runs as Markdown.
#[derive(Default)]
pub(super) struct Para {
    pub(super) text: String,
    pub(super) run: String,
    pub(super) bold: bool,
    pub(super) italic: bool,
    link: Option<String>,
}

impl Para {
    /// A link starts: its text goes between `[` and `](url)`.
    pub(super) fn open_link(&mut self, url: Option<String>) {
        self.end_run();
        self.link = url;
        if self.link.is_some() {
            self.text.push('[');
        }
    }

    pub(super) fn close_link(&mut self) {
        self.end_run();
        if let Some(url) = self.link.take() {
            self.text.push_str(&format!("]({url})"));
        }
    }

    /// Ends a run: its text, emphasised as it was.
    pub(super) fn end_run(&mut self) {
        let run = std::mem::take(&mut self.run);
        let core = run.trim();
        if core.is_empty() {
            self.text.push_str(&run);
        } else {
            let mark = match (self.bold, self.italic) {
                (true, true) => "***",
                (true, false) => "**",
                (false, true) => "*",
                (false, false) => "",
            };
            let lead = &run[..run.len() - run.trim_start().len()];
            let tail = &run[run.trim_end().len()..];
            let core = escape(core);
            self.text
                .push_str(&format!("{lead}{mark}{core}{mark}{tail}"));
        }
        self.bold = false;
        self.italic = false;
    }
}

/// The next XML event; broken XML is a broken document.
pub(super) fn next<'a>(reader: &mut Reader<&'a [u8]>) -> Result<Event<'a>, ReadError> {
    reader
        .read_event()
        .map_err(|e| ReadError::Broken(e.to_string()))
}

/// `w:val="0"` or `"false"` switches a property off.
fn on(e: &BytesStart) -> bool {
    !matches!(attr(e, "w:val").as_deref(), Some("0" | "false"))
}

/// A .docx: paragraphs with their style (resolved to its name through styles.xml: built-in
/// names stay English, `heading 1`, `Title`, `List Bullet`, whatever Word's language), list
/// numbering, bold, italic and links.
fn docx(bytes: &[u8]) -> Result<(Vec<Block>, Vec<Picture>), ReadError> {
    let document = unzip(bytes, "word/document.xml")?
        .ok_or_else(|| ReadError::Broken("word/document.xml".into()))?;
    let styles = style_names(&unzip(bytes, "word/styles.xml")?.unwrap_or_default());
    let rels = media::relations(&unzip(bytes, "word/_rels/document.xml.rels")?.unwrap_or_default());
    let mut pictures = Pictures::default();
    // The pictures of the paragraph being read (name, alt), and the last alt text seen.
    let mut images: Vec<(String, String)> = Vec::new();
    let mut alt = String::new();
    let mut reader = Reader::from_str(&document);
    let mut blocks = Vec::new();
    let mut para = Para::default();
    let mut style = String::new();
    let mut listed = false;
    // Text counts only inside `w:t`; other text is the XML's own whitespace.
    let mut in_t = false;
    let mut grid = Grid::default();
    loop {
        match next(&mut reader)? {
            Event::Empty(e) if e.name().as_ref() == "w:t" => {}
            Event::Start(e) | Event::Empty(e) => match e.name().as_ref() {
                "w:p" => {
                    para = Para::default();
                    style.clear();
                    listed = false;
                }
                "w:t" => in_t = true,
                "wp:docPr" => {
                    alt = attr(&e, "descr")
                        .or_else(|| attr(&e, "title"))
                        .unwrap_or_default();
                }
                "a:blip" => {
                    let rel = attr(&e, "r:embed").and_then(|id| rels.get(&id));
                    if let Some(rel) = rel.filter(|r| !r.external)
                        && let Some(name) = pictures.take(bytes, "word/", &rel.target, None)?
                    {
                        images.push((name, clean(&std::mem::take(&mut alt))));
                    }
                }
                "w:tbl" => grid.open(),
                "w:tr" => grid.row(),
                "w:tc" => grid.cell(),
                // A run's own properties follow; the paragraph mark's (in w:pPr) do not count.
                "w:r" => (para.bold, para.italic) = (false, false),
                "w:pStyle" => style = attr(&e, "w:val").unwrap_or_default(),
                "w:numPr" => listed = true,
                "w:b" => para.bold = on(&e),
                "w:i" => para.italic = on(&e),
                "w:tab" | "w:br" => para.run.push(' '),
                "w:hyperlink" => {
                    let rel = attr(&e, "r:id").and_then(|id| rels.get(&id));
                    para.open_link(rel.filter(|r| r.external).map(|r| r.target.clone()));
                }
                _ => {}
            },
            Event::Text(t) if in_t => para.run.push_str(&t.into_inner()),
            Event::GeneralRef(r) if in_t => para.run.extend(entity(&r.into_inner())),
            Event::End(e) => match e.name().as_ref() {
                "w:t" => in_t = false,
                "w:r" => para.end_run(),
                "w:hyperlink" => para.close_link(),
                "w:tbl" => grid.close(&mut blocks),
                "w:p" => {
                    para.end_run();
                    if !grid.take(&para.text) {
                        let name = styles.get(&style).map_or(style.as_str(), String::as_str);
                        push(&mut blocks, kind(name, listed), &para.text);
                    }
                    blocks.extend(
                        images
                            .drain(..)
                            .map(|(name, alt)| Block::Image { name, alt }),
                    );
                }
                _ => {}
            },
            Event::Eof => break,
            _ => {}
        }
    }
    Ok((blocks, pictures.taken))
}

#[derive(Clone, Copy)]
pub(super) enum Kind {
    Heading(u8),
    Para,
    Item,
}

/// A paragraph's kind from its style name (lowercase compare) and list numbering.
pub(super) fn kind(style: &str, listed: bool) -> Kind {
    let s = style.to_lowercase();
    if s == "title" {
        Kind::Heading(1)
    } else if let Some(n) = s.strip_prefix("heading").map(str::trim) {
        Kind::Heading(n.parse::<u8>().unwrap_or(1).clamp(1, 6))
    } else if listed || s.contains("list") {
        Kind::Item
    } else {
        Kind::Para
    }
}

pub(super) fn push(blocks: &mut Vec<Block>, kind: Kind, text: &str) {
    let text = clean(text);
    if text.is_empty() {
        return;
    }
    blocks.push(match kind {
        Kind::Heading(n) => Block::Heading(n, text),
        Kind::Para => Block::Para(text),
        Kind::Item => Block::Item(text),
    });
}

/// styles.xml: style id -> its name (`1` -> `heading 1` in a Russian Word).
fn style_names(xml: &str) -> HashMap<String, String> {
    let mut names = HashMap::new();
    let mut reader = Reader::from_str(xml);
    let mut id = None;
    while let Ok(event) = reader.read_event() {
        match event {
            Event::Start(e) | Event::Empty(e) => match e.name().as_ref() {
                "w:style" => id = attr(&e, "w:styleId"),
                "w:name" => {
                    if let (Some(id), Some(name)) = (id.take(), attr(&e, "w:val")) {
                        names.insert(id, name);
                    }
                }
                _ => {}
            },
            Event::Eof => break,
            _ => {}
        }
    }
    names
}
