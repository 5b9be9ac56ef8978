//! Load stage, YAML: the only code that knows serde_yaml (archived upstream: swap it here).
//! Parses a document into a plain [`Yaml`] tree, with errors located in the file as written.

use super::span;
use crate::error::Diagnostic;
use crate::i18n::Message;
use crate::msg;
use serde_yaml::Value;

/// Parses YAML text that starts at line `first_line` of its file into a [`Yaml`] tree. Spaces
/// pasted from Word are cleaned first ([`span::clean_spaces`]); errors count lines from the top
/// of the file and columns as the line is written.
pub fn parse_yaml(original: &str, first_line: usize) -> Result<Yaml, Diagnostic> {
    if let Some((line, column)) = too_deep(original) {
        return Err(
            Diagnostic::error("", msg!("yaml-too-deep", limit = MAX_FLOW_DEPTH))
                .at_line(first_line + line)
                .at_column(column)
                .with_hint(msg!("yaml-too-deep-hint")),
        );
    }
    let text = &*span::clean_spaces(original);
    serde_yaml::from_str::<Value>(text)
        .map(Yaml::from_value)
        .map_err(|e| {
            let at = e.location().map(|l| (l.line(), l.column()));
            let d = super::yaml_help::explain(original, text, &e.to_string(), at, first_line);
            cut_before(original, first_line, &d).unwrap_or(d)
        })
}

/// A value cut short by a `#` on one of its lines (`summary: Первая строка`, `  #МыВместе`,
/// `  третья`) leaves the lines after the `#` outside any value, which YAML calls a mistake of
/// indentation there: the cut is the writer's mistake, when the error is in the indented lines
/// right after it.
fn cut_before(original: &str, first_line: usize, error: &Diagnostic) -> Option<Diagnostic> {
    let at = error.line?;
    let loc = span::Locator::new(original, first_line);
    let cut = loc.cuts().iter().rev().find(|c| c.line < at)?;
    let between = original.lines().skip(cut.line + 1 - first_line);
    let indented = between
        .take(at - cut.line)
        .all(|l| l.trim().is_empty() || l.starts_with([' ', '\t']));
    indented.then(|| super::cut_short(std::path::Path::new(""), cut))
}

/// The deepest `[`/`{` nesting front matter may have. libyaml's scanner takes time growing
/// with the square of the depth (50 000 `[` take half a minute), and no release needs more
/// than a few levels.
const MAX_FLOW_DEPTH: usize = 64;

/// Where flow nesting first goes deeper than [`MAX_FLOW_DEPTH`] (0-based line, 1-based
/// column), outside quotes and comments.
fn too_deep(text: &str) -> Option<(usize, usize)> {
    let mut depth = 0usize;
    let (mut line, mut column) = (0, 0);
    let mut quote: Option<char> = None;
    let mut comment = false;
    let mut prev = ' ';
    for c in text.chars() {
        column += 1;
        if c == '\n' {
            (line, column, comment) = (line + 1, 0, false);
            if quote == Some('#') {
                quote = None;
            }
            prev = c;
            continue;
        }
        match (quote, c) {
            _ if comment => {}
            (Some(q), c) if c == q => quote = None,
            (Some(_), _) => {}
            (None, '"' | '\'') => quote = Some(c),
            (None, '#') if prev.is_whitespace() => comment = true,
            (None, '[' | '{') => {
                depth += 1;
                if depth > MAX_FLOW_DEPTH {
                    return Some((line, column));
                }
            }
            (None, ']' | '}') => depth = depth.saturating_sub(1),
            _ => {}
        }
        prev = c;
    }
    None
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
    pub(crate) fn from_value(value: Value) -> Yaml {
        match value {
            Value::Null => Yaml::Null,
            Value::Bool(b) => Yaml::Bool(b),
            Value::Sequence(items) => Yaml::List(items.into_iter().map(Yaml::from_value).collect()),
            Value::Mapping(m) => Yaml::Map(
                m.into_iter()
                    .map(|(k, v)| {
                        (
                            // A key written `~` or `null` keeps its spelling, so that it
                            // is reported as written rather than as an empty name.
                            scalar_to_string(&k).unwrap_or_else(|| "~".to_string()),
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
    pub fn describe(&self) -> Message {
        match self {
            Yaml::Null => msg!("found-nothing"),
            Yaml::Bool(b) => msg!("found-value", value = b.to_string()),
            Yaml::Scalar(s) => msg!("found-text", value = s),
            Yaml::Number(n) => msg!("found-number", value = n),
            Yaml::List(_) => msg!("found-list"),
            Yaml::Map(_) => msg!("found-map"),
        }
    }
}

/// Parses YAML text (a whole file: errors count lines from line 1) into a [`Yaml`] tree.
pub fn parse_yaml_tree(text: &str) -> Result<Yaml, Diagnostic> {
    parse_yaml(text, 1)
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
    fn deep_nesting_is_refused_before_the_parser_sees_it() {
        let deep = format!("title: {}", "[".repeat(100_000));
        let d = parse_yaml(&deep, 2).unwrap_err();
        assert_eq!(d.message.key, "yaml-too-deep");
        assert_eq!((d.line, d.column), (Some(2), Some(7 + MAX_FLOW_DEPTH + 1)));
        assert!(parse_yaml("a: [[1, [2]], {b: \"[[[[\"}]  # [[[[\n", 1).is_ok());
    }

    #[test]
    fn lines_after_a_hashtag_inside_a_value_are_the_cut_not_an_indentation_mistake() {
        let text = "title: Итоги\nsummary: Первая\n  #МыВместе вторая\n  третья\ndate: x\n";
        let d = parse_yaml(text, 2).unwrap_err();
        assert_eq!(d.message.key, "yaml-comment");
        assert_eq!((d.line, d.column), (Some(4), Some(3)));
        let hint = d.hint.unwrap().to_string();
        assert!(
            hint.contains("summary: \"Первая #МыВместе вторая третья\""),
            "{hint}"
        );
        // A mistake of its own below a cut stays the parser's.
        let d = parse_yaml("title: Итоги #2\ndate: [x\n", 2).unwrap_err();
        assert_ne!(d.message.key, "yaml-comment");
    }

    #[test]
    fn straight_quotes_inside_straight_quotes_are_named_as_the_cause() {
        let d = parse_yaml(
            "lang: ru\ntitle: \"Проект \"Мониторинг\"\"\ndate: 2025-01-01\n",
            2,
        )
        .unwrap_err();
        assert_eq!(d.line, Some(3));
        assert_eq!(d.column, Some(16));
        assert!(
            d.message.to_string().contains("\" quotes inside \" quotes"),
            "{d}"
        );
        let hint = d.hint.unwrap().to_string();
        assert!(hint.contains("title: \"Проект «Мониторинг»\""), "{hint}");
        assert!(hint.contains("title: 'Проект \"Мониторинг\"'"), "{hint}");
        // Valid quoting is left alone.
        assert!(parse_yaml("title: 'Проект \"М\"'\nb: \"a: b\"\n", 1).is_ok());
    }
}
