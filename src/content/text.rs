//! Load stage, text: reading a file as text (UTF-8, BOM dropped, CRLF made LF) and splitting off
//! its front matter by lines.

use super::encoding::{self, Encoding};
use crate::error::{Diagnostic, io_reason};
use crate::msg;
use std::path::{Path, PathBuf};

/// The file name of a path on the writer's computer (`C:\\Users\\…\\foto.jpg`,
/// `file:///home/…/foto.jpg`), which the site cannot reach.
pub fn computer_file(v: &str) -> Option<&str> {
    let b = v.as_bytes();
    let drive = b.len() > 2 && b[0].is_ascii_alphabetic() && b[1] == b':';
    let on_computer = drive || v.starts_with("\\\\") || v.starts_with("file:");
    on_computer
        .then(|| v.rsplit(['\\', '/']).next())
        .flatten()
        .filter(|f| !f.is_empty() && !f.contains(':'))
}

/// Paths by their spelling without letter case (and with `/` for `\\`), to find the file a
/// writer meant when its name differs only in capital and small letters. Built once (a lookup
/// per missing file, never a scan of every file for each). The first of equal keys, in the
/// order given, is kept.
pub struct CaseIndex<'a>(std::collections::HashMap<String, &'a Path>);

impl<'a> CaseIndex<'a> {
    pub fn new(paths: impl IntoIterator<Item = &'a Path>) -> Self {
        let mut map = std::collections::HashMap::new();
        for p in paths {
            map.entry(case_key(&p.to_string_lossy())).or_insert(p);
        }
        CaseIndex(map)
    }

    /// The path that is `wanted` but for letter case.
    pub fn get(&self, wanted: &str) -> Option<&'a Path> {
        self.0.get(&case_key(wanted)).copied()
    }
}

fn case_key(s: &str) -> String {
    s.replace('\\', "/").to_lowercase()
}

/// The path of a file under `dir` that is `rel` in other letter case (`img/Logo.PNG` for
/// `img/logo.png`: the writer's Windows finds it, the server does not), as it is spelt.
pub fn in_other_case(dir: &Path, rel: &str) -> Option<String> {
    let mut at = dir.to_path_buf();
    let mut spelt = Vec::new();
    for part in rel.split(['/', '\\']).filter(|p| !p.is_empty()) {
        let mut names: Vec<PathBuf> = std::fs::read_dir(&at)
            .ok()?
            .flatten()
            .map(|e| PathBuf::from(e.file_name()))
            .collect();
        names.sort();
        let name = CaseIndex::new(names.iter().map(PathBuf::as_path))
            .get(part)?
            .to_string_lossy()
            .into_owned();
        at.push(&name);
        spelt.push(name);
    }
    (at.is_file()).then(|| spelt.join("/"))
}

/// `path` relative to the site folder, for messages.
pub fn display_path(site: &Path, path: &Path) -> PathBuf {
    path.strip_prefix(site).unwrap_or(path).to_path_buf()
}

/// The largest file jarya reads: a press release is a few pages; anything this big is a
/// pasted document or a binary by mistake, and reading it would cost memory for nothing.
pub const MAX_FILE_BYTES: u64 = 10 * 1024 * 1024;

/// Reads a text file: UTF-8 (a BOM is dropped), line endings made `\n`; UTF-16 with its
/// mark and Cyrillic windows-1251 are read too ([`super::encoding`]).
pub fn read_text(site: &Path, abs: &Path) -> Result<String, Diagnostic> {
    read_text_noted(site, abs).map(|(text, _)| text)
}

/// [`read_text`], with the warning to give when the file was read as windows-1251.
pub fn read_text_noted(
    site: &Path,
    abs: &Path,
) -> Result<(String, Option<Diagnostic>), Diagnostic> {
    let rel = display_path(site, abs);
    text_noted(read_bytes_at(abs, &rel)?, &rel)
}

/// The bytes of `abs` (named `rel` in messages), refused above [`MAX_FILE_BYTES`]. The size
/// comes from the open file, so a file is opened, measured and read once.
pub(super) fn read_bytes_at(abs: &Path, rel: &Path) -> Result<Vec<u8>, Diagnostic> {
    use std::io::Read;
    let unreadable =
        |e: std::io::Error| Diagnostic::error(rel, msg!("file-unreadable", reason = io_reason(&e)));
    let too_large = |size: u64| {
        Diagnostic::error(
            rel,
            msg!(
                "file-too-large",
                megabytes = usize::try_from(size / (1024 * 1024)).unwrap_or(usize::MAX),
                limit = usize::try_from(MAX_FILE_BYTES / (1024 * 1024)).unwrap_or(10)
            ),
        )
        .with_hint(msg!("file-too-large-hint"))
    };
    let file = std::fs::File::open(abs).map_err(unreadable)?;
    let size = file.metadata().map(|m| m.len()).unwrap_or(0);
    if size > MAX_FILE_BYTES {
        return Err(too_large(size));
    }
    let mut bytes = Vec::with_capacity(usize::try_from(size).unwrap_or(0));
    // A file that grew since it was measured is read up to just past the limit, and refused.
    file.take(MAX_FILE_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(unreadable)?;
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(too_large(bytes.len() as u64));
    }
    Ok(bytes)
}

/// `bytes` as text: UTF-8, else UTF-16 with its mark or Cyrillic windows-1251 (else an error
/// at the first bad line), BOM dropped, CRLF made LF, control characters cleaned
/// ([`normalize`]).
pub(super) fn text_of(bytes: Vec<u8>, rel: &Path) -> Result<String, Diagnostic> {
    text_noted(bytes, rel).map(|(text, _)| text)
}

/// [`text_of`], with a warning when the text was read as windows-1251 (a guess, which the
/// writer makes sure of by saving as UTF-8). A letter windows-1251 lost is an error.
pub fn text_noted(bytes: Vec<u8>, rel: &Path) -> Result<(String, Option<Diagnostic>), Diagnostic> {
    let (text, note) = match utf8(bytes) {
        Ok(text) => (text, None),
        Err((bytes, valid)) => match encoding::decode(&bytes) {
            Some((text, Encoding::Utf16)) => (text, None),
            Some((text, Encoding::Windows1251)) => {
                if let Some((line, column, word)) = encoding::lost_letter(&text) {
                    return Err(
                        Diagnostic::error(rel, msg!("file-letters-lost", word = word))
                            .at_line(line)
                            .at_column(column)
                            .with_hint(msg!("file-letters-lost-hint")),
                    );
                }
                let note = Diagnostic::warning(rel, msg!("file-read-as-1251"))
                    .with_hint(msg!("file-not-utf8-hint"));
                (text, Some(note))
            }
            None => {
                let line = bytes[..valid].iter().filter(|&&b| b == b'\n').count() + 1;
                return Err(Diagnostic::error(rel, msg!("file-not-utf8"))
                    .at_line(line)
                    .with_hint(msg!("file-not-utf8-hint")));
            }
        },
    };
    // Most files need no change: they are kept as read, not copied.
    if text.starts_with('\u{feff}') || needs_normalizing(text.as_bytes()) {
        Ok((normalize(&text), note))
    } else {
        Ok((text, note))
    }
}

/// `bytes` as a `String` when they are UTF-8, without copying; else the bytes back with the
/// length of their valid start. encoding_rs validates with SIMD (AVX2 or SSE 4.2, found at run
/// time), where the standard library's check takes a slow path on every Cyrillic letter: it
/// was 7 % (1 000 releases) to 10 % (10 000) of a build's instructions, each file being checked
/// when loaded and its body again when read back.
pub(super) fn utf8(bytes: Vec<u8>) -> Result<String, (Vec<u8>, usize)> {
    let valid = encoding_rs::Encoding::utf8_valid_up_to(&bytes);
    if valid < bytes.len() {
        return Err((bytes, valid));
    }
    // SAFETY: encoding_rs has just checked that all of `bytes` is UTF-8.
    Ok(unsafe { String::from_utf8_unchecked(bytes) })
}

/// Whether `text` needs [`normalize`]: a carriage return (a file saved on Windows) or another
/// control character.
pub(super) fn needs_normalizing(text: &[u8]) -> bool {
    // A control byte other than tab and line feed (CR among them), or DEL. Looked at 64 bytes
    // at a time without a branch per byte, which the compiler turns into SIMD compares.
    let odd = |b: u8| ((b < 0x20) & (b != b'\n') & (b != b'\t')) | (b == 0x7f);
    text.chunks(64)
        .any(|chunk| chunk.iter().fold(false, |found, &b| found | odd(b)))
}

/// Drops a UTF-8 BOM and turns CRLF and lone CR line endings into LF. Word's line and page
/// breaks (U+000B, U+000C: Shift+Enter) become spaces, and other control characters, which
/// nobody sees and HTML, XML and calendars refuse, are removed.
pub fn normalize(text: &str) -> String {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if !needs_normalizing(text.as_bytes()) {
        return text.to_string();
    }
    text.replace("\r\n", "\n")
        .chars()
        .filter_map(|c| match c {
            '\r' => Some('\n'),
            '\u{b}' | '\u{c}' => Some(' '),
            '\n' | '\t' => Some(c),
            c if c.is_ascii_control() => None,
            c => Some(c),
        })
        .collect()
}

/// Spaces (including no-break and Word's odd ones) folded into one; trimmed. One pass, no
/// list of words; the text kept is exactly as long as it is when there was nothing to fold.
///
/// Read byte by byte, one table lookup each ([`SPACE_START`]): a space is ASCII or starts
/// with one of four bytes, so a Cyrillic letter is passed over without being decoded
/// (`split_whitespace` decoded each: 1.5 % of a 10 000-release build's instructions, mostly
/// summaries; now 0.8 %).
pub fn fold_spaces(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let bytes = s.as_bytes();
    let (mut at, mut word) = (0, 0);
    loop {
        // The word: up to a byte that can start a space (one table lookup per byte).
        while bytes.get(at).is_some_and(|&b| !SPACE_START[usize::from(b)]) {
            at += 1;
        }
        let space = match bytes.get(at) {
            None => 0,
            Some(&b) if b.is_ascii() => 1,
            Some(_) => s[at..]
                .chars()
                .next()
                .filter(|c| c.is_whitespace())
                .map_or(0, char::len_utf8),
        };
        if space == 0 && at < bytes.len() {
            at += 1;
            continue;
        }
        if word < at {
            push_word(&mut out, &s[word..at]);
        }
        if at == bytes.len() {
            break;
        }
        at += space;
        word = at;
    }
    out.shrink_to_fit();
    out
}

/// The bytes a space can start with: ASCII's six, and the first bytes of the others (`C2`:
/// U+0085 and no-break, `E1`: U+1680, `E2`: U+2000 to U+205F, `E3`: U+3000).
const SPACE_START: [bool; 256] = {
    let mut table = [false; 256];
    let starts = [
        b'\t', b'\n', 0x0b, 0x0c, b'\r', b' ', 0xc2, 0xe1, 0xe2, 0xe3,
    ];
    let mut i = 0;
    while i < starts.len() {
        table[starts[i] as usize] = true;
        i += 1;
    }
    table
};

fn push_word(out: &mut String, word: &str) {
    if !out.is_empty() {
        out.push(' ');
    }
    out.push_str(word);
}

/// Sorts paths into the order of a walk that lists each folder by name (a folder, then what
/// is in it), the same on every file system, comparing each path's bytes with its separators
/// made the lowest byte: that compares them name by name. The keys are made once; comparing
/// `Path`s (or walkdir's `sort_by_file_name`) splits them into names again at every
/// comparison, 3 % of a 10 000-release build's instructions.
pub fn sort_paths<T>(items: &mut [T], path: impl Fn(&T) -> &Path) {
    items.sort_by_cached_key(|item| {
        let separator = |b: u8| std::path::is_separator(char::from(b));
        let bytes = path(item).as_os_str().as_encoded_bytes();
        bytes
            .iter()
            .map(|&b| if separator(b) { 0 } else { b })
            .collect::<Vec<u8>>()
    });
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
        return Err(Diagnostic::error("", msg!("front-matter-missing"))
            .at_line(line_no.max(1))
            .with_hint(msg!("front-matter-missing-hint")));
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
    Err(Diagnostic::error("", msg!("front-matter-unclosed"))
        .at_line(front_line - 1)
        .with_hint(msg!("front-matter-unclosed-hint")))
}

/// The body of a normalized release text, given the offset found when it was split.
pub fn body_at(text: &str, offset: usize) -> &str {
    text.get(offset..).unwrap_or("")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_file_in_other_letter_case_is_found_as_it_is_spelt() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(dir.path().join("Img/Логотипы")).unwrap();
        std::fs::write(dir.path().join("Img/Логотипы/Фонд.PNG"), b"x").unwrap();
        assert_eq!(
            in_other_case(dir.path(), "img/логотипы/фонд.png").as_deref(),
            Some("Img/Логотипы/Фонд.PNG")
        );
        assert_eq!(
            in_other_case(dir.path(), "img\\ЛОГОТИПЫ\\фонд.png").as_deref(),
            Some("Img/Логотипы/Фонд.PNG")
        );
        assert_eq!(in_other_case(dir.path(), "img/логотипы/другой.png"), None);
        assert_eq!(in_other_case(dir.path(), "img/логотипы"), None);
    }

    #[test]
    fn control_characters_are_cleaned_and_word_breaks_become_spaces() {
        assert_eq!(
            normalize("\u{feff}a\u{b}b\u{c}c\r\nd\u{1}e\u{7f}f\tg\rh"),
            "a b c\ndef\tg\nh"
        );
        assert!(!needs_normalizing(
            "Обычный текст\n\tс табуляцией".as_bytes()
        ));
        for odd in ["\r", "\u{0}", "\u{b}", "\u{1f}", "\u{7f}"] {
            let long = format!("{}{odd}", "ж".repeat(100));
            assert!(needs_normalizing(long.as_bytes()), "{odd:?}");
        }
    }

    /// Runs of spaces of any kind (tabs, line breaks, no-break and em spaces from Word) become
    /// one space; the ends are trimmed; text with nothing to fold is kept as it is, to the byte.
    /// Every string of up to four characters from an alphabet of every kind of space and
    /// letter folds as `split_whitespace` joined by one space would.
    #[test]
    fn spaces_fold_as_split_whitespace_does() {
        let alphabet = [
            "a", "ж", " ", "\t", "\n", "\r", "\u{b}", "\u{c}", "\u{85}", "\u{a0}", "\u{a9}",
            "\u{1680}", "\u{1e9e}", "\u{2003}", "\u{2028}", "\u{202f}", "\u{205f}", "\u{20ac}",
            "\u{3000}", "\u{3042}", "\u{1c}",
        ];
        let n = alphabet.len();
        for code in 0..n.pow(4) {
            let mut text = String::new();
            let mut rest = code;
            for _ in 0..(code % 5).max(1) {
                text.push_str(alphabet[rest % n]);
                rest /= n;
            }
            let expected = text.split_whitespace().collect::<Vec<_>>().join(" ");
            assert_eq!(fold_spaces(&text), expected, "{text:?}");
        }
    }

    #[test]
    fn spaces_folded_into_one() {
        assert_eq!(
            fold_spaces("  ОФ\u{a0}\u{a0}«Ырыс»\t\r\n Ош\u{2003}"),
            "ОФ «Ырыс» Ош"
        );
        assert_eq!(fold_spaces(" \u{a0}\n"), "");
        let clean = fold_spaces("Айыл өкмөтү");
        assert_eq!(
            (clean.as_str(), clean.capacity()),
            ("Айыл өкмөтү", "Айыл өкмөтү".len())
        );
    }

    /// The same answer as the standard library's check, on both sides of the 64 bytes where
    /// encoding_rs switches to SIMD: whole text, a bad byte, a letter cut at the end.
    #[test]
    fn utf8_agrees_with_the_standard_library() {
        let long = "Пресс-релиз: Бишкек, 2025-жылдын 5-ноябры. ".repeat(8);
        let mut cases: Vec<Vec<u8>> = vec![b"".to_vec(), b"ascii".to_vec(), long.clone().into()];
        for at in [3, 70, long.len() - 1] {
            let mut bad = long.clone().into_bytes();
            bad[at] = 0xff;
            cases.push(bad);
        }
        let cut = long.as_bytes()[..long.len() - 1].to_vec();
        cases.push(cut);
        for bytes in cases {
            let expected = std::str::from_utf8(&bytes).map_err(|e| e.valid_up_to());
            let got = utf8(bytes.clone());
            match (expected, got) {
                (Ok(s), Ok(t)) => assert_eq!(s, t),
                (Err(a), Err((back, b))) => assert_eq!((a, &bytes), (b, &back)),
                (e, g) => panic!("std says {e:?}, utf8 says {g:?}"),
            }
        }
    }

    #[test]
    fn paths_sort_name_by_name_as_path_does() {
        let names = [
            "ru/a-b.md",
            "ru/a/b.md",
            "ru/a b.md",
            "ru/a.md",
            "ru/a/c/d.md",
            "ru/ab.md",
            "ky/я.md",
            "ky/z.md",
            "ru/a!.md",
            "ru",
        ];
        let mut by_path: Vec<PathBuf> = names.iter().map(|n| Path::new("/s").join(n)).collect();
        let mut by_key = by_path.clone();
        by_key.reverse();
        by_path.sort();
        sort_paths(&mut by_key, |p| p);
        assert_eq!(by_key, by_path);
    }

    #[test]
    fn a_bad_byte_is_reported_on_its_line() {
        let bytes = b"---\ntitle: A\n---\n\xff".to_vec();
        let d = text_of(bytes, Path::new("a.md")).unwrap_err();
        assert_eq!(d.line, Some(4));
    }
}
