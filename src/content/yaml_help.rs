//! Load stage: what a YAML mistake means for a writer. libyaml's messages are English and name
//! the parser's state ("while scanning a simple key"); each is turned here into the mistake a
//! writer makes (a quote left open, a value that starts with a sign YAML reads, a line without
//! its field), located where it was made, with the fix written with the writer's own value.

use super::span;
use crate::error::Diagnostic;
use crate::i18n::Message;
use crate::msg;

/// A parse error of `original` (the text as written, whose first line is `first_line` of its
/// file; `text` is it after [`span::clean_spaces`]): libyaml's `message` and the 1-based line
/// and column where it stopped.
pub(super) fn explain(
    original: &str,
    text: &str,
    message: &str,
    at: Option<(usize, usize)>,
    first_line: usize,
) -> Diagnostic {
    let (local_line, column) = at.unwrap_or((1, 0));
    let problem = message
        .rfind(" at line ")
        .map_or(message, |i| &message[..i]);
    let problem = problem.split(", while ").next().unwrap_or(problem);
    if let Some(d) = nested_quotes(original, local_line, first_line) {
        return d;
    }
    if let Some(d) = unclosed_quote(original, message, local_line, first_line) {
        return d;
    }
    if let Some(d) = sign_first(original, message, local_line, first_line) {
        return d;
    }
    if let Some(d) = unclosed_flow(original, message, first_line) {
        return d;
    }
    if problem.contains("mapping values are not allowed")
        && let Some(d) = item_without_key(original, local_line, first_line)
    {
        return d;
    }
    if problem.contains("mapping values are not allowed")
        && let Some(d) = colon_in_value(original, local_line, column, first_line)
    {
        return d;
    }
    // A line that is no `field: value` is reported at that line, not at the next.
    let local_line = match context_line(message, "while scanning a simple key") {
        Some(l) if message.contains("could not find expected ':'") => l,
        _ => local_line,
    };
    if message.contains("could not find expected ':'")
        && let Some(d) = colon_without_space(original, local_line, first_line)
    {
        return d;
    }
    // serde_yaml points a duplicate key at the start of its mapping: point at the repeat.
    let (line, column) = match duplicate_key_line(text, problem) {
        Some(l) => (first_line + l - 1, 0),
        None if column > 0 => (
            first_line + local_line.saturating_sub(1),
            span::original_column(original, local_line, column),
        ),
        None => (first_line + local_line.saturating_sub(1), 0),
    };
    let (what, hint) = yaml_problem(problem);
    let mut d = Diagnostic::error("", what).at_line(line).with_hint(hint);
    if column > 0 {
        d = d.at_column(column);
    }
    d
}

/// What libyaml's `problem` means for a writer, and what to do.
fn yaml_problem(problem: &str) -> (Message, Message) {
    if problem.contains("mapping values are not allowed") {
        (msg!("yaml-colon"), msg!("yaml-colon-hint"))
    } else if problem.contains("cannot start any token") || problem.contains("tab") {
        (msg!("yaml-tab"), msg!("yaml-tab-hint"))
    } else if let Some(key) = duplicate_key(problem) {
        (
            msg!("yaml-duplicate", field = key),
            msg!("yaml-duplicate-hint"),
        )
    } else if problem.contains("repetition limit") || problem.contains("recursion limit") {
        (msg!("yaml-expansion"), msg!("yaml-expansion-hint"))
    } else if problem.contains("block sequence entries are not allowed")
        || problem.contains("mapping keys are not allowed")
    {
        (msg!("yaml-dash"), msg!("yaml-dash-hint"))
    } else if problem.contains("could not find expected ':'") {
        (msg!("yaml-no-colon"), msg!("yaml-no-colon-hint"))
    } else if problem.contains("escape") || problem.contains("hexadecimal") {
        (msg!("yaml-escape"), msg!("yaml-escape-hint"))
    } else if problem.contains("did not find expected") {
        (msg!("yaml-indent"), msg!("yaml-indent-hint"))
    } else {
        (
            msg!("yaml-invalid", detail = problem),
            msg!("yaml-invalid-hint"),
        )
    }
}

/// The line (1-based in the parsed text) of libyaml's context "`what` at line N column M".
fn context_line(message: &str, what: &str) -> Option<usize> {
    let rest = &message[message.find(what)? + what.len()..];
    let digits: String = rest
        .strip_prefix(" at line ")?
        .chars()
        .take_while(char::is_ascii_digit)
        .collect();
    digits.parse().ok()
}

/// `key: value` on a line of front matter, items (`- `) skipped: the key, the value trimmed,
/// and the value's byte offset in the line.
fn key_value(line: &str) -> Option<(&str, &str, usize)> {
    let rest = line.trim_start().trim_start_matches("- ");
    let (key, value) = rest.split_once(": ")?;
    let trimmed = value.trim();
    let offset = trimmed.as_ptr() as usize - line.as_ptr() as usize;
    Some((key.trim(), trimmed, offset))
}

/// `title: Форум: итоги` (a colon and a space inside a value without quotes): the writer's
/// line with its value in quotes as the fix.
fn colon_in_value(
    original: &str,
    local_line: usize,
    column: usize,
    first_line: usize,
) -> Option<Diagnostic> {
    let line = original.lines().nth(local_line.checked_sub(1)?)?;
    let (key, value, _) = key_value(line)?;
    let item = if line.trim_start().starts_with("- ") {
        "- "
    } else {
        ""
    };
    let fixed = format!("{item}{key}: {}", quoted(value));
    let mut d = Diagnostic::error("", msg!("yaml-colon"))
        .at_line(first_line + local_line - 1)
        .with_hint(msg!("yaml-colon-fix-hint", fixed = fixed));
    if column > 0 {
        d = d.at_column(span::original_column(original, local_line, column));
    }
    Some(d)
}

/// `summary:Текст` (no space after the colon, so YAML reads the line as one word): the line
/// with its space as the fix.
fn colon_without_space(original: &str, local_line: usize, first_line: usize) -> Option<Diagnostic> {
    let line = original.lines().nth(local_line.checked_sub(1)?)?;
    let indent = line.len() - line.trim_start().len();
    let (key, value) = line.trim_start().split_once(':')?;
    let is_key = !key.is_empty() && key.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_');
    if !is_key || value.is_empty() || value.starts_with([' ', '\t']) {
        return None;
    }
    Some(
        Diagnostic::error("", msg!("yaml-colon-space", field = key))
            .at_line(first_line + local_line - 1)
            .at_column(indent + key.len() + 1)
            .in_field(key)
            .with_hint(msg!(
                "yaml-colon-space-hint",
                fixed = format!("{key}: {}", value.trim_end())
            )),
    )
}

/// The value in quotes that keep it as written: straight double quotes, or single ones when it
/// holds a double quote or a backslash (which double quotes would read as a sign).
pub(crate) fn quoted(value: &str) -> String {
    if value.contains(['"', '\\']) {
        format!("'{}'", value.replace('\'', "''"))
    } else {
        format!("\"{value}\"")
    }
}

/// `title: "Итоги года` with no closing quote: libyaml reads on to the next quote, lines away,
/// and reports the end of the text or a key it did not expect there. The cause is the quote
/// that opens a value on its line and is closed neither there nor before a line that starts
/// another field.
fn unclosed_quote(
    original: &str,
    message: &str,
    upto: usize,
    first_line: usize,
) -> Option<Diagnostic> {
    let lines: Vec<&str> = original.lines().collect();
    let opened = context_line(message, "while scanning a quoted scalar");
    for (i, line) in lines.iter().enumerate().take(upto) {
        let Some((key, value, offset)) = key_value(line) else {
            continue;
        };
        let Some(q) = value.chars().next().filter(|c| *c == '"' || *c == '\'') else {
            continue;
        };
        if value[1..].contains(q) {
            continue;
        }
        let next_is_field = lines[i + 1..]
            .iter()
            .find(|l| !l.trim().is_empty())
            .is_none_or(|l| key_value(l).is_some_and(|(k, _, _)| !k.contains(q)));
        if opened != Some(i + 1) && !next_is_field {
            continue;
        }
        let text = value[1..].trim_end();
        return Some(
            Diagnostic::error("", msg!("yaml-unclosed-quote"))
                .at_line(first_line + i)
                .at_column(line[..offset].chars().count() + 1)
                .in_field(key)
                .with_hint(msg!(
                    "yaml-unclosed-quote-hint",
                    fixed = format!("{key}: {}", quoted(text))
                )),
        );
    }
    None
}

/// A value that starts with a sign YAML reads as its own: `*` (a reference), `&` (a name for
/// one), `!` (a type), `[` (a list) with more text after it, `{` (named parts). libyaml
/// reports the character after the sign, or a key it did not expect.
fn sign_first(original: &str, message: &str, upto: usize, first_line: usize) -> Option<Diagnostic> {
    let line = original.lines().nth(upto.checked_sub(1)?)?;
    let (key, value, offset) = key_value(line)?;
    let sign = value.chars().next()?;
    let read = match sign {
        '*' | '&' | '!' => ["an alias", "an anchor", "a tag", "unknown anchor"]
            .iter()
            .any(|w| message.contains(w)),
        // Closed, then more text: `[Итоги] года` (an unclosed list is another mistake).
        '[' => {
            message.contains("did not find expected")
                && value.contains(']')
                && !value.ends_with(']')
        }
        // No field takes named parts written in braces: `{Итоги`, `{Итоги} года`.
        '{' => message.contains("did not find expected") && !value.ends_with('}'),
        _ => false,
    };
    if !read {
        return None;
    }
    Some(
        Diagnostic::error("", msg!("yaml-sign-first", sign = sign.to_string()))
            .at_line(first_line + upto - 1)
            .at_column(line[..offset].chars().count() + 1)
            .in_field(key)
            .with_hint(msg!(
                "yaml-sign-first-hint",
                fixed = format!("{key}: {}", quoted(value))
            )),
    )
}

/// A contact written `- Айгуль Асанова` and then `role: …` under it: the item's first line has
/// no `name:`. libyaml reports the colon of the next line.
fn item_without_key(original: &str, upto: usize, first_line: usize) -> Option<Diagnostic> {
    let lines: Vec<&str> = original.lines().collect();
    let at = upto.checked_sub(1)?;
    let (part, _, _) = key_value(lines.get(at)?)?;
    let indent = |l: &str| l.len() - l.trim_start().len();
    let item_at = (0..at).rev().find(|&i| !lines[i].trim().is_empty())?;
    let item = lines[item_at];
    let text = item.trim_start().strip_prefix("- ")?.trim();
    if text.is_empty() || text.contains(": ") || indent(lines[at]) != indent(item) + 2 {
        return None;
    }
    // The list's field: the nearest line above the item that is less indented.
    let field = (0..item_at)
        .rev()
        .map(|i| lines[i])
        .find(|l| !l.trim().is_empty() && indent(l) < indent(item))
        .and_then(|l| l.trim().strip_suffix(':'))?;
    if field != "contacts" {
        return None;
    }
    Some(
        Diagnostic::error("", msg!("yaml-item-no-key", text = text, part = part))
            .at_line(first_line + item_at)
            .at_column(indent(item) + 1)
            .in_field(field)
            .with_hint(msg!(
                "yaml-item-no-key-hint",
                fixed = format!("- name: {text}")
            )),
    )
}

/// `topics: [Выборы, Право` without its `]`: libyaml reads on and stops lines later.
fn unclosed_flow(original: &str, message: &str, first_line: usize) -> Option<Diagnostic> {
    if !message.contains("did not find expected ','") {
        return None;
    }
    let (at, sign, close) =
        context_line(message, "while parsing a flow sequence").map(|l| (l, '[', ']'))?;
    let line = original.lines().nth(at.checked_sub(1)?)?;
    let (key, value, offset) = key_value(line)?;
    if !value.starts_with(sign) || value.contains(close) {
        return None;
    }
    Some(
        Diagnostic::error("", msg!("yaml-flow-open", sign = sign.to_string()))
            .at_line(first_line + at - 1)
            .at_column(line[..offset].chars().count() + 1)
            .in_field(key)
            .with_hint(msg!(
                "yaml-flow-open-hint",
                close = close.to_string(),
                fixed = format!("{key}: {value}{close}")
            )),
    )
}

/// `title: "Проект "Мониторинг""`: a quoted value with the same quotes inside. YAML reports
/// something about indentation or keys; the real cause is the inner quotes. Looks at the lines
/// up to the one where the parser stopped.
pub(super) fn nested_quotes(original: &str, upto: usize, first_line: usize) -> Option<Diagnostic> {
    for (i, line) in original.lines().enumerate().take(upto) {
        let Some((key, value, start)) = key_value(line) else {
            continue;
        };
        let Some(q) = value.chars().next().filter(|c| *c == '"' || *c == '\'') else {
            continue;
        };
        let inner = &value[1..];
        let Some(close) = inner.find(q) else { continue };
        if inner[close + 1..].trim().is_empty() {
            continue;
        }
        let text = inner.strip_suffix(q).unwrap_or(inner);
        let other = if q == '"' { '\'' } else { '"' };
        // Just after the closing quote (ASCII, so a char boundary): `value` lies inside `line`.
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

/// For "duplicate entry with key \"x\"" (after a path, `location: ` for a nested one): `x`.
fn duplicate_key(problem: &str) -> Option<&str> {
    const SAID: &str = "duplicate entry with key ";
    problem
        .find(SAID)
        .map(|i| problem[i + SAID.len()..].trim_matches('"'))
}

/// For "duplicate entry with key \"x\"": the line (1-based in `text`) of the `x:` that repeats
/// one of the same mapping (the same column, no line between that closes the mapping or
/// starts another list item); else the second `x:` of the text.
fn duplicate_key_line(text: &str, problem: &str) -> Option<usize> {
    let key = duplicate_key(problem)?;
    let pat = format!("{key}:");
    let mut open: Vec<usize> = Vec::new();
    let mut seen = Vec::new();
    for (i, line) in text.lines().enumerate() {
        let rest = line.trim_start();
        if rest.is_empty() || rest.starts_with('#') {
            continue;
        }
        let mut col = line.len() - rest.len();
        let item = rest.starts_with("- ");
        let rest = rest.trim_start_matches("- ");
        if item {
            col = line.len() - rest.len();
        }
        // A line closes the mappings deeper than it; an item starts a new one at its column.
        open.retain(|&c| c < col || (c == col && !item));
        if rest.starts_with(&pat) {
            seen.push(i + 1);
            if open.contains(&col) {
                return Some(i + 1);
            }
            open.push(col);
        }
    }
    seen.get(1).copied()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Found by the `small_site` fuzz target: spaces after a quoted value followed by more
    /// Cyrillic text put the column inside a letter, and slicing there panicked.
    #[test]
    fn nested_quotes_with_trailing_spaces_point_after_the_closing_quote() {
        let d = nested_quotes("a: \"ПП\" ПППП      \n", 1, 1).unwrap();
        assert_eq!(d.message.key, "yaml-nested-quotes");
        assert_eq!(d.column, Some(7));
    }

    #[test]
    fn a_repeated_key_is_found_in_its_own_mapping() {
        let text = "contacts:\n  - name: А\n    phone: 1\n  - name: Б\n    name: В\n";
        assert_eq!(
            duplicate_key_line(text, "contacts[1]: duplicate entry with key \"name\""),
            Some(5)
        );
        let text = "location:\n  city: Ош\n  name: Зал\n  city: Бишкек\ntitle: x\n";
        assert_eq!(
            duplicate_key_line(text, "location: duplicate entry with key \"city\""),
            Some(4)
        );
    }

    /// Each mistake: its message, and where it is (line, column) when the text starts at line 2.
    #[test]
    fn each_mistake_is_named_where_it_was_made() {
        let head = "lang: ru\n";
        let tail = "date: 2026-12-21\norganizers: [ОФ]\n";
        let cases: [(&str, &str, usize, usize, &str); 11] = [
            (
                "title: \"Итоги года\n",
                "yaml-unclosed-quote",
                3,
                8,
                "title: \"Итоги года\"",
            ),
            (
                "title: 'Итоги года\n",
                "yaml-unclosed-quote",
                3,
                8,
                "title: \"Итоги года\"",
            ),
            (
                "title: *итоги\n",
                "yaml-sign-first",
                3,
                8,
                "title: \"*итоги\"",
            ),
            (
                "title: !важно Итоги\n",
                "yaml-sign-first",
                3,
                8,
                "title: \"!важно Итоги\"",
            ),
            (
                "title: [Итоги] года\n",
                "yaml-sign-first",
                3,
                8,
                "title: \"[Итоги] года\"",
            ),
            (
                "topics: [Выборы, Право\n",
                "yaml-flow-open",
                3,
                9,
                "topics: [Выборы, Право]",
            ),
            ("title: - Итоги\n", "yaml-dash", 3, 8, ""),
            ("title: \"Итоги\"\n\"года\"\n", "yaml-no-colon", 4, 1, ""),
            ("title: \"C:\\Фото\"\n", "yaml-escape", 3, 0, ""),
            (
                "location:\n  city: Ош\n  city: Бишкек\n",
                "yaml-duplicate",
                5,
                0,
                "",
            ),
            (
                "contacts:\n  - Айгуль\n    phone: 0555 12 34 56\n",
                "yaml-item-no-key",
                4,
                3,
                "- name: Айгуль",
            ),
        ];
        for (line, key, at, column, fixed) in cases {
            let text = format!("{head}{line}{tail}");
            let d = super::super::yaml::parse_yaml(&text, 2).unwrap_err();
            assert_eq!(d.message.key, key, "{line}");
            assert_eq!(d.line, Some(at), "{line}");
            if column > 0 {
                assert_eq!(d.column, Some(column), "{line}");
            }
            if !fixed.is_empty() {
                let hint = d.hint.map(|h| h.to_string()).unwrap_or_default();
                assert!(hint.contains(fixed), "{line}: {hint}");
            }
        }
    }

    #[test]
    fn quoted_keeps_the_value_as_written() {
        assert_eq!(quoted("Итоги #2"), "\"Итоги #2\"");
        assert_eq!(quoted("C:\\Фото"), "'C:\\Фото'");
        assert_eq!(quoted("Проект \"М\" и 'Н'"), "'Проект \"М\" и ''Н'''");
    }
}
