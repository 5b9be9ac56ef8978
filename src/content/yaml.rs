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
            let local_line = e.location().map_or(1, |l| l.line());
            let (line, column) = e
                .location()
                .map(|l| (first_line + l.line().saturating_sub(1), l.column()))
                .unwrap_or((first_line, 0));
            let full = e.to_string();
            let message = full
                .rfind(" at line ")
                .map(|i| full[..i].to_string())
                .unwrap_or(full);
            if let Some(d) = nested_quotes(original, local_line, first_line) {
                return d;
            }
            // serde_yaml points a duplicate key at the start of its mapping: point at the repeat.
            let (line, column) = match duplicate_key_line(text, &message) {
                Some(l) => (first_line + l - 1, 0),
                None if column > 0 => (line, span::original_column(original, local_line, column)),
                None => (line, column),
            };
            let (what, hint) = yaml_problem(&message);
            let mut d = Diagnostic::error("", what).at_line(line).with_hint(hint);
            if column > 0 {
                d = d.at_column(column);
            }
            d
        })
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

/// `title: "Проект "Мониторинг""`: a quoted value with the same quotes inside. YAML reports
/// something about indentation or keys; the real cause is the inner quotes. Looks at the lines
/// up to the one where the parser stopped.
fn nested_quotes(original: &str, upto: usize, first_line: usize) -> Option<Diagnostic> {
    for (i, line) in original.lines().enumerate().take(upto) {
        let rest = line.trim_start().trim_start_matches("- ");
        let Some((key, value)) = rest.split_once(": ") else {
            continue;
        };
        let value = value.trim();
        let Some(q) = value.chars().next().filter(|c| *c == '"' || *c == '\'') else {
            continue;
        };
        let inner = &value[1..];
        let Some(close) = inner.find(q) else { continue };
        if inner[close + 1..].trim().is_empty() {
            continue;
        }
        let key = key.trim();
        let text = inner.strip_suffix(q).unwrap_or(inner);
        let other = if q == '"' { '\'' } else { '"' };
        // Just after the closing quote (ASCII, so a char boundary): `value` lies inside `line`.
        let start = value.as_ptr() as usize - line.as_ptr() as usize;
        let column = start + close + 2;
        return Some(
            Diagnostic::error(
                "",
                msg!("yaml-nested-quotes", field = key, quote = q.to_string()),
            )
            .at_line(first_line + i)
            .at_column(line.get(..column).unwrap_or(line).chars().count())
            .in_field(key)
            .with_hint(msg!(
                "yaml-nested-quotes-hint",
                with_guillemets = format!(
                    "{key}: {q}{}{q}",
                    text.replacen(q, "«", 1).replacen(q, "»", 1)
                ),
                with_other_quotes = format!("{key}: {other}{text}{other}")
            )),
        );
    }
    None
}

/// For "duplicate entry with key \"x\"": `x`.
fn duplicate_key(message: &str) -> Option<&str> {
    message
        .strip_prefix("duplicate entry with key ")
        .map(|k| k.trim_matches('"'))
}

/// For "duplicate entry with key \"x\"": the line (1-based in `text`) of the second `x:`.
fn duplicate_key_line(text: &str, message: &str) -> Option<usize> {
    let key = duplicate_key(message)?;
    let pat = format!("{key}:");
    text.lines()
        .enumerate()
        .filter(|(_, l)| l.trim_start().trim_start_matches("- ").starts_with(&pat))
        .nth(1)
        .map(|(i, _)| i + 1)
}

/// What serde_yaml's English `message` means for a writer, and what to do.
fn yaml_problem(message: &str) -> (Message, Message) {
    if message.contains("mapping values are not allowed") {
        (msg!("yaml-colon"), msg!("yaml-colon-hint"))
    } else if message.contains("cannot start any token") || message.contains("tab") {
        (msg!("yaml-tab"), msg!("yaml-tab-hint"))
    } else if let Some(key) = duplicate_key(message) {
        (
            msg!("yaml-duplicate", field = key),
            msg!("yaml-duplicate-hint"),
        )
    } else if message.contains("repetition limit") || message.contains("recursion limit") {
        (msg!("yaml-expansion"), msg!("yaml-expansion-hint"))
    } else if message.contains("did not find expected") {
        (msg!("yaml-indent"), msg!("yaml-indent-hint"))
    } else {
        (
            msg!("yaml-invalid", detail = message),
            msg!("yaml-invalid-hint"),
        )
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
    /// Found by the `small_site` fuzz target: spaces after a quoted value followed by more
    /// Cyrillic text put the column inside a letter, and slicing there panicked.
    #[test]
    fn nested_quotes_with_trailing_spaces_point_after_the_closing_quote() {
        let d = super::nested_quotes("a: \"ПП\" ПППП      \n", 1, 1).unwrap();
        assert_eq!(d.message.key, "yaml-nested-quotes");
        assert_eq!(d.column, Some(7));
    }

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
