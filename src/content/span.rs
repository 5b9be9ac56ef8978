//! Where things stand in a YAML text: the one place that turns a field's path (`contacts.1.email`,
//! `gender.aliases.2`) into a line of the file.
//!
//! serde_yaml gives values without positions, so this module reads the block structure of the
//! text itself (indentation, `key:` and `- ` items), once per document. It knows block scalars
//! (`|`, `>`), whose lines are text and never keys, and stops at the text it was given: a front
//! matter's locator never looks at the body. Flow collections (`[a, b]`) are located at their key.
//!
//! It also maps columns back through [`clean_spaces`], which removes the unseen characters that
//! Word pastes (zero-width spaces, soft hyphens): a column in the cleaned text is turned into a column of the file as written.

use crate::i18n::unseen;
use std::borrow::Cow;
use std::collections::BTreeMap;

/// Lines of every key and list item of a YAML text, by path.
#[derive(Debug, Clone, Default)]
pub struct Locator {
    /// `title` -> 2, `contacts.0` -> 9, `contacts.0.email` -> 10 (lines in the file), with the
    /// text after `key:` on its line, as written (for values YAML would turn into numbers).
    places: BTreeMap<String, Place>,
    /// The line of the file where the text starts.
    first_line: usize,
    /// Values cut short by a comment (`title: Итоги #2` is "Итоги").
    cuts: Vec<Cut>,
}

/// A value that YAML cut short: `#` after a space starts a comment, on a line whose value is
/// not in quotes; taken for text when a word follows the `#` at once (`Итоги #2`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cut {
    /// Line of the file, and column (1-based, in characters) of the `#`.
    pub line: usize,
    pub column: usize,
    /// The field it is in (the top-level key).
    pub field: String,
    /// What the value is without the comment.
    pub value: String,
    /// The line as it would keep the whole text: `title: "Итоги #2"`.
    pub fixed: String,
}

#[derive(Debug, Clone)]
struct Place {
    line: usize,
    /// Empty for a list item.
    written: String,
}

/// A plain value that may go on over the next, more indented lines (`summary: Первая строка`
/// then `  вторая`: YAML folds them into one text), until a comment cuts it short.
struct Open {
    /// The key's column: the value's lines are indented more.
    col: usize,
    /// `None` for a list item's text.
    key: Option<String>,
    field: String,
    /// The value's lines so far, folded with spaces as YAML does.
    whole: String,
    /// The cut found on one of its lines (an index in the cuts).
    cut: Option<usize>,
}

impl Open {
    /// Takes the value's next line (`rest`, the text after the indentation of `line`): a `#`
    /// word on it (`  #МыВместе`, `  вторая #тег`) ends the value there in YAML, which is a cut
    /// whose fix quotes the whole text, this line and the following ones.
    fn next_line(&mut self, line: &str, rest: &str, line_no: usize, cuts: &mut Vec<Cut>) {
        if self.cut.is_none()
            && let Some(mut c) = cut(line, rest, line_no, &self.field, self.key.as_deref())
        {
            c.value = [self.whole.as_str(), c.value.as_str()]
                .join(" ")
                .trim()
                .to_string();
            self.cut = Some(cuts.len());
            cuts.push(c);
        }
        self.whole.push(' ');
        self.whole.push_str(rest.trim());
        if let Some(c) = self.cut.and_then(|at| cuts.get_mut(at)) {
            c.fixed = fixed(self.key.as_deref(), &self.whole);
        }
    }
}

struct Frame {
    indent: usize,
    item: bool,
    path: String,
    items: usize,
}

impl Locator {
    /// Reads `text`, whose first line is line `first_line` of its file.
    pub fn new(text: &str, first_line: usize) -> Self {
        let mut places = BTreeMap::new();
        let mut stack: Vec<Frame> = Vec::new();
        let mut cuts = Vec::new();
        // Lines more indented than this belong to a block scalar.
        let mut block_scalar: Option<usize> = None;
        // A key whose whole value is a comment (`summary: #тег`): its cut, and the key's column.
        let mut bare_key: Option<(usize, usize)> = None;
        let mut open: Option<Open> = None;
        for (i, raw_line) in text.lines().enumerate() {
            let line_no = first_line + i;
            let indent = raw_line.len() - raw_line.trim_start_matches(' ').len();
            let rest = &raw_line[indent..];
            if rest.trim().is_empty() {
                continue;
            }
            if let Some(limit) = block_scalar {
                if indent > limit {
                    continue;
                }
                block_scalar = None;
            }
            if let Some(o) = open.as_mut() {
                if indent > o.col {
                    o.next_line(raw_line, rest, line_no, &mut cuts);
                    continue;
                }
                open = None;
            }
            if rest.starts_with('#') {
                continue;
            }
            // `organizers: #список` followed by its items: the comment is the key's own, and
            // the value is below it.
            if let Some((at, col)) = bare_key.take()
                && (indent > col || (indent == col && (rest == "-" || rest.starts_with("- "))))
            {
                cuts.truncate(at);
            }
            let (col, rest) = items(&mut stack, &mut places, rest, indent, line_no);
            let Some((key, value)) = split_key(rest) else {
                // A list item's text (`- Итоги #2`), which may go on over the next lines.
                if col > indent {
                    let field = stack.first().map_or("", |f| f.path.as_str());
                    let at = cuts.len();
                    cuts.extend(cut(raw_line, rest, line_no, field, None));
                    if plain_text(rest.trim()) && cuts.len() == at {
                        open = Some(Open {
                            col: indent,
                            key: None,
                            field: field.to_string(),
                            whole: rest.trim().to_string(),
                            cut: None,
                        });
                    }
                }
                continue;
            };
            while stack.last().is_some_and(|f| f.indent >= col) {
                stack.pop();
            }
            let parent = stack.last().map(|f| f.path.clone()).unwrap_or_default();
            let path = join(&parent, &key);
            let field = stack.first().map_or(key.as_str(), |f| f.path.as_str());
            let at = cuts.len();
            cuts.extend(cut(raw_line, value, line_no, field, Some(&key)));
            if cuts.get(at).is_some_and(|c| c.value.is_empty()) {
                bare_key = Some((at, col));
            }
            let v = value.trim();
            places.entry(path.clone()).or_insert_with(|| Place {
                line: line_no,
                written: v.split(" #").next().unwrap_or("").trim_end().to_string(),
            });
            if v.starts_with('|') || v.starts_with('>') {
                block_scalar = Some(col);
            } else if plain_text(v) && cuts.len() == at {
                open = Some(Open {
                    col,
                    key: Some(key.clone()),
                    field: field.to_string(),
                    whole: v.to_string(),
                    cut: None,
                });
            }
            stack.push(Frame {
                indent: col,
                item: false,
                path,
                items: 0,
            });
        }
        Locator {
            places,
            first_line,
            cuts,
        }
    }

    /// Values cut short by a comment, in file order.
    pub fn cuts(&self) -> &[Cut] {
        &self.cuts
    }

    /// The line of `path` (segments joined by `.`), or of its nearest located ancestor, or the
    /// first line of the text.
    pub fn line(&self, path: &str) -> usize {
        let mut p = path;
        loop {
            if let Some(place) = self.places.get(p) {
                return place.line;
            }
            match p.rfind('.') {
                Some(i) => p = &p[..i],
                None => return self.first_line,
            }
        }
    }

    /// The line of `path` itself, if it is written in the text.
    pub fn exact(&self, path: &str) -> Option<usize> {
        self.places.get(path).map(|p| p.line)
    }

    /// The value of `path` as written on its line (`+996555123456`, `0555123456`), when it is
    /// written on the key's line.
    pub fn written(&self, path: &str) -> Option<&str> {
        self.places
            .get(path)
            .map(|p| p.written.as_str())
            .filter(|v| !v.is_empty())
    }

    /// Whether the whole value of `path` was taken for a comment (`title: #МыВместе`): its
    /// error is the cut's, and the field is not reported again as missing.
    pub fn commented(&self, path: &str) -> bool {
        self.exact(path).is_some_and(|line| {
            self.cuts
                .iter()
                .any(|c| c.line == line && c.value.is_empty())
        })
    }

    /// The line of `path` under `parent` (`parent.path`).
    pub fn under(&self, parent: &str, path: &str) -> usize {
        self.line(&join(parent, path))
    }
}

/// The [`Cut`] of `value` (the text after `key:` or `- ` on `line`, whose first line in the
/// file is `line_no`), when it is a plain value followed by a comment. The fix starts with
/// `key: `, or with `- ` for a list item (`key` is `None`).
fn cut(line: &str, value: &str, line_no: usize, field: &str, key: Option<&str>) -> Option<Cut> {
    let v = value.trim_start();
    if v.is_empty() || v.starts_with(['"', '\'', '[', '{', '|', '>', '&', '*', '!']) {
        return None;
    }
    let bytes = v.as_bytes();
    // `#2`, `#тег`: text cut short (`summary: #МыВместе …` would be no text at all). `#
    // optional` (a space after the #) is a comment written on purpose, and is left alone.
    let hash = (0..bytes.len()).find(|&i| {
        bytes[i] == b'#'
            && (i == 0 || matches!(bytes[i - 1], b' ' | b'\t'))
            && bytes.get(i + 1).is_some_and(|b| !b.is_ascii_whitespace())
    })?;
    let kept = v[..hash].trim_end();
    let whole = v.trim_end();
    let offset = v.as_ptr() as usize - line.as_ptr() as usize + hash;
    Some(Cut {
        line: line_no,
        column: line.get(..offset).map_or(0, |l| l.chars().count()) + 1,
        field: field.to_string(),
        value: kept.to_string(),
        fixed: fixed(key, whole),
    })
}

/// The line that keeps the whole text `whole` of `key` (or of a list item): `title: "Итоги #2"`.
fn fixed(key: Option<&str>, whole: &str) -> String {
    match key {
        Some(key) => format!("{key}: {}", super::yaml_help::quoted(whole)),
        None => format!("- {}", super::yaml_help::quoted(whole)),
    }
}

/// Whether `v` (a key's value on its line) is plain text that the next lines may go on: not
/// quoted, no flow collection, anchor or tag, and no comment on the line.
fn plain_text(v: &str) -> bool {
    !v.is_empty()
        && !v.starts_with(['"', '\'', '[', '{', '|', '>', '&', '*', '!', '#'])
        && !v.contains(" #")
        && !v.contains("\t#")
}

/// The `- ` items that start a line (possibly several: `- - a`), at column `col`: each is
/// placed and pushed on the stack. The column and text after them.
fn items<'a>(
    stack: &mut Vec<Frame>,
    places: &mut BTreeMap<String, Place>,
    mut rest: &'a str,
    mut col: usize,
    line_no: usize,
) -> (usize, &'a str) {
    while rest == "-" || rest.starts_with("- ") {
        while stack
            .last()
            .is_some_and(|f| f.indent > col || (f.indent == col && f.item))
        {
            stack.pop();
        }
        let (parent, index) = match stack.last_mut() {
            Some(f) => {
                f.items += 1;
                (f.path.clone(), f.items - 1)
            }
            None => (String::new(), 0),
        };
        let path = join(&parent, &index.to_string());
        places.entry(path.clone()).or_insert(Place {
            line: line_no,
            written: String::new(),
        });
        stack.push(Frame {
            indent: col,
            item: true,
            path,
            items: 0,
        });
        let after = rest.get(1..).unwrap_or("");
        let trimmed = after.trim_start_matches(' ');
        col += 1 + after.len() - trimmed.len();
        rest = trimmed;
    }
    (col, rest)
}

fn join(parent: &str, seg: &str) -> String {
    if parent.is_empty() {
        seg.to_string()
    } else {
        [parent, ".", seg].concat()
    }
}

/// `key: value` -> (key, value); quoted keys lose their quotes. `None` for a line that is not a
/// key (a continued text, a flow collection).
fn split_key(rest: &str) -> Option<(String, &str)> {
    if let Some(q) = rest.chars().next().filter(|c| *c == '"' || *c == '\'') {
        let close = rest[1..].find(q)? + 1;
        let after = &rest[close + 1..];
        let value = after.trim_start().strip_prefix(':')?;
        if !(value.is_empty() || value.starts_with([' ', '\t'])) {
            return None;
        }
        return Some((rest[1..close].to_string(), value));
    }
    if rest.starts_with(['[', '{', '&', '*', '!', '|', '>', '"', '\'']) {
        return None;
    }
    let bytes = rest.as_bytes();
    let colon = (0..bytes.len()).find(|&i| {
        bytes[i] == b':' && (i + 1 == bytes.len() || bytes[i + 1] == b' ' || bytes[i + 1] == b'\t')
    })?;
    let key = rest[..colon].trim_end();
    if key.is_empty() || key.contains(" #") {
        return None;
    }
    Some((key.to_string(), &rest[colon + 1..]))
}

/// Spaces that Word and web pages paste and YAML does not take as spaces: they become plain
/// spaces. The unseen characters ([`crate::i18n::UNSEEN`]: zero-width spaces, soft hyphens)
/// are removed. Word's line break inside a paragraph (Shift+Enter, U+000B) and its page break
/// (U+000C) are spaces too.
const SPACES: [char; 5] = ['\u{a0}', '\u{202f}', '\u{2007}', '\u{b}', '\u{c}'];

/// Characters removed from YAML: the unseen ones, and control characters (other than tab and
/// line ends), which YAML refuses ("control characters are not allowed") and nobody sees.
fn dropped(c: char) -> bool {
    unseen(c) || (c.is_control() && !matches!(c, '\t' | '\n' | '\r' | '\u{b}' | '\u{c}'))
}

/// No-break spaces become plain spaces and unseen characters disappear, so `title:\u{a0}Форум`
/// and `Граждан\u{ad}ское` read as meant. Borrowed when there is nothing to change.
pub fn clean_spaces(text: &str) -> Cow<'_, str> {
    // Each of them starts with byte C2, E2 or EF: only those places are decoded (Cyrillic
    // letters start with D0 or D1), found by memchr's SIMD search; or is an ASCII control.
    let cleaned = |c: &char| SPACES.contains(c) || dropped(*c);
    let found = memchr::memchr3_iter(0xc2, 0xe2, 0xef, text.as_bytes()).any(|at| {
        text.get(at..)
            .and_then(|t| t.chars().next())
            .is_some_and(|c| cleaned(&c))
    }) || text
        .bytes()
        .any(|b| (b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r')) || b == 0x7f);
    if !found {
        return Cow::Borrowed(text);
    }
    Cow::Owned(
        text.chars()
            .filter(|&c| !dropped(c))
            .map(|c| if SPACES.contains(&c) { ' ' } else { c })
            .collect(),
    )
}

/// A 1-based column (in characters) of line `line` (1-based, within `original`) of the cleaned
/// text -> the same place's column in the text as written.
pub fn original_column(original: &str, line: usize, cleaned_column: usize) -> usize {
    let Some(text) = original.lines().nth(line.saturating_sub(1)) else {
        return cleaned_column;
    };
    let mut seen = 0;
    for (i, c) in text.chars().enumerate() {
        if dropped(c) {
            continue;
        }
        seen += 1;
        if seen == cleaned_column {
            return i + 1;
        }
    }
    cleaned_column + text.chars().filter(|&c| dropped(c)).count()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Each cut as (line, column, field, value, fix).
    fn shown(loc: &Locator) -> Vec<(usize, usize, &str, &str, &str)> {
        (loc.cuts().iter())
            .map(|c| (c.line, c.column, &*c.field, &*c.value, &*c.fixed))
            .collect()
    }

    #[test]
    fn a_plain_value_cut_by_a_comment_is_found_with_its_fix() {
        let text = "title: Итоги #2 года\ntopics:\n  - Выборы #1\nlocation:\n  city: Ош  # юг\n\
                    name: Зал #тег\n\
                    summary: \"Кавычки\" # комментарий\nimage: /a.jpg#x\nend: |\n  текст # тоже\n\
                    # строка-комментарий\nurl: https://a.kg/#top\n\
                    summary: #МыВместе акция\norganizers: #список\n  - A\ntopics: #темы\n- B\n\
                    contacts: # на потом\n";
        let loc = Locator::new(text, 2);
        let cuts = shown(&loc);
        assert_eq!(
            cuts,
            [
                (2, 14, "title", "Итоги", "title: \"Итоги #2 года\""),
                (4, 12, "topics", "Выборы", "- \"Выборы #1\""),
                (7, 11, "name", "Зал", "name: \"Зал #тег\""),
                (14, 10, "summary", "", "summary: \"#МыВместе акция\""),
            ]
        );
    }

    #[test]
    fn a_hashtag_on_a_value_s_next_line_is_a_cut_with_the_whole_text_as_fix() {
        let text = "summary: Первая строка\n  #МыВместе вторая\n  третья\ntitle: Форум\n\
                    \x20 вторая #тег\ntopics:\n  - A\nlocation:\n  city: Бишкек\n\
                    \x20 address: ул. Киевская\n    #дом 5\ndate: 2026-01-01\n  # пояснение\n\
                    end: 2026-01-02\norganizers:\n  - ОФ Выборы\n    #2026 года\n  - Другой\n";
        let loc = Locator::new(text, 2);
        let cuts = shown(&loc);
        assert_eq!(
            cuts,
            [
                (
                    3,
                    3,
                    "summary",
                    "Первая строка",
                    "summary: \"Первая строка #МыВместе вторая третья\""
                ),
                (
                    6,
                    10,
                    "title",
                    "Форум вторая",
                    "title: \"Форум вторая #тег\""
                ),
                (
                    12,
                    5,
                    "location",
                    "ул. Киевская",
                    "address: \"ул. Киевская #дом 5\""
                ),
                (
                    18,
                    5,
                    "organizers",
                    "ОФ Выборы",
                    "- \"ОФ Выборы #2026 года\""
                ),
            ]
        );
        // The next lines of a value are no keys or items; what follows is placed as before.
        assert_eq!(loc.line("topics.0"), 8);
        assert_eq!(loc.line("location.address"), 11);
        assert_eq!(loc.line("end"), 15);
        assert_eq!(loc.line("organizers.1"), 19);
    }

    const FRONT: &str = concat!(
        "title: x\n",
        "organizers:\n",
        "- A\n",
        "- B\n",
        "contacts:\n",
        "  - name: Айгуль\n",
        "    phone: 0 312\n",
        "  - name: Бакыт\n",
        "    email: b@x.kg\n",
        "summary: |\n",
        "  image: not a key\n",
        "\"lang\": ru\n",
        "image: a.jpg\n",
    );

    #[test]
    fn keys_items_and_nested_parts_have_their_lines() {
        let l = Locator::new(FRONT, 2);
        assert_eq!(l.line("title"), 2);
        assert_eq!(l.line("organizers.0"), 4);
        assert_eq!(l.line("organizers.1"), 5);
        assert_eq!(l.line("contacts.0"), 7);
        assert_eq!(l.line("contacts.0.phone"), 8);
        assert_eq!(l.line("contacts.1.name"), 9);
        assert_eq!(l.line("contacts.1.email"), 10);
        assert_eq!(l.line("lang"), 13);
        // A block scalar's text is not a key: `image` is the real field, not the summary's line.
        assert_eq!(l.line("image"), 14);
        // Unknown parts fall back to their nearest ancestor.
        assert_eq!(l.line("contacts.1.url"), 9);
        assert_eq!(l.line("nothing"), 2);
        assert_eq!(l.exact("contacts.1.url"), None);
        assert_eq!(l.written("contacts.0.phone"), Some("0 312"));
        assert_eq!(l.written("contacts"), None);
    }

    #[test]
    fn registry_aliases_are_found_by_position_not_by_text() {
        let text = "women:\n  ru: Женщины\n  aliases:\n    - Женщины и дети\n    - Женщины\n";
        let l = Locator::new(text, 1);
        assert_eq!(l.line("women.aliases.0"), 4);
        assert_eq!(l.line("women.aliases.1"), 5);
        assert_eq!(l.line("women.ru"), 2);
    }

    #[test]
    fn word_spaces_are_cleaned_wherever_they_are_and_other_text_is_borrowed() {
        // «», €, ‑ and Cyrillic start with the same bytes as the spaces (C2, E2) or none.
        let plain = "title: «Ош» — 5 € ‑ ж\n";
        assert!(matches!(clean_spaces(plain), Cow::Borrowed(_)));
        for c in SPACES.iter().chain(&crate::i18n::UNSEEN) {
            for at in [0, 7, plain.len()] {
                let mut text = plain.to_string();
                text.insert(at, *c);
                let expected = if SPACES.contains(c) {
                    text.replace(*c, " ")
                } else {
                    plain.to_string()
                };
                assert_eq!(clean_spaces(&text), expected, "{text:?}");
            }
        }
    }

    #[test]
    fn columns_map_back_through_removed_zero_width_spaces() {
        let original = "a: 1\nti\u{200b}tle: [x\n";
        assert_eq!(clean_spaces("Граждан\u{ad}ское\u{2060}"), "Гражданское");
        assert_eq!(clean_spaces(original), "a: 1\ntitle: [x\n");
        // `[` is column 8 in the cleaned line and column 9 as written.
        assert_eq!(original_column(original, 2, 8), 9);
        assert_eq!(original_column(original, 1, 3), 3);
    }
}
