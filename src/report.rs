//! Reporting: diagnostics as people read them (like rustc: the line, a marker under the
//! mistake, the hint; coloured on a terminal), or as JSON, or as GitHub workflow annotations.

use crate::error::{Diagnostic, Severity};
use crate::i18n::{Message, UiLang};
use crate::msg;
use serde::Serialize;

/// How `check` and `build` print problems.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// For people: the offending line with a marker, and a hint.
    Human,
    /// One JSON document with every problem, for tools.
    Json,
    /// GitHub Actions workflow commands, so CI marks the file and line.
    Github,
}

/// "error" or "warning" in `ui`.
fn label(severity: Severity, ui: UiLang) -> String {
    match severity {
        Severity::Error => msg!("label-error").render(ui),
        Severity::Warning => msg!("label-warning").render(ui),
    }
}

/// A problem that is not in a file (a command-line mistake): `error: message`.
pub fn error_line(message: &Message, ui: UiLang) -> String {
    format!("{}: {}", label(Severity::Error, ui), message.render(ui))
}

/// Writes one diagnostic for people, in `ui`. `source` is the offending line's text when
/// known.
pub fn human(d: &Diagnostic, source: Option<&str>, color: bool, ui: UiLang) -> String {
    let paint = |code: &str, text: &str| {
        if color {
            format!("\x1b[{code}m{text}\x1b[0m")
        } else {
            text.to_string()
        }
    };
    let label_color = match d.severity {
        Severity::Error => "1;31",
        Severity::Warning => "1;33",
    };
    let label = label(d.severity, ui);
    let mut out = String::new();
    let field = d
        .field
        .as_ref()
        .map(|f| format!("`{f}`: "))
        .unwrap_or_default();
    out.push_str(&format!(
        "{}{} {field}{}\n",
        paint(label_color, &label),
        paint("1", ":"),
        paint("1", &d.message_in(ui))
    ));
    let mut place = d.path.display().to_string().replace('\\', "/");
    if let Some(line) = d.line {
        place.push_str(&format!(":{line}"));
        if let Some(col) = marker_span(d, source).map(|(c, _)| c) {
            place.push_str(&format!(":{col}"));
        }
    }
    let gutter = d.line.map_or(1, |l| l.to_string().len());
    let pad = " ".repeat(gutter);
    out.push_str(&format!("{pad}{} {place}\n", paint("1;34", "-->")));
    if let (Some(line), Some(src)) = (d.line, source) {
        let bar = paint("1;34", "|");
        let (shown, offset) = window(
            src.trim_end(),
            marker_span(d, Some(src)).map_or(1, |(c, _)| c),
        );
        out.push_str(&format!("{pad} {bar}\n"));
        out.push_str(&format!(
            "{} {bar} {shown}\n",
            paint("1;34", &line.to_string())
        ));
        if let Some((col, len)) = marker_span(d, Some(src)) {
            let width = shown
                .chars()
                .count()
                .saturating_sub(col - 1 - offset)
                .max(1);
            let marker = format!(
                "{}{}",
                " ".repeat(col - 1 - offset),
                "^".repeat(len.clamp(1, width))
            );
            out.push_str(&format!("{pad} {bar} {}\n", paint(label_color, &marker)));
        }
    }
    if let Some(hint) = d.hint_in(ui) {
        out.push_str(&format!(
            "{pad} {} {}: {hint}\n",
            paint("1;34", "="),
            paint("1", &msg!("label-hint").render(ui))
        ));
    }
    out
}

/// The most characters of a source line shown.
const WINDOW: usize = 100;

/// A long line cut to [`WINDOW`] characters around column `col`, with "…" where it was cut;
/// returns the text and how many characters (of the line, counting the "…") were cut before it.
fn window(line: &str, col: usize) -> (String, usize) {
    let chars: Vec<char> = line.chars().collect();
    if chars.len() <= WINDOW {
        return (line.to_string(), 0);
    }
    let start = col
        .saturating_sub(20)
        .min(chars.len().saturating_sub(WINDOW));
    let end = (start + WINDOW).min(chars.len());
    let mut shown: String = chars[start..end].iter().collect();
    let mut offset = start;
    if start > 0 {
        shown.insert(0, '…');
        offset -= 1;
    }
    if end < chars.len() {
        shown.push('…');
    }
    (shown, offset)
}

/// Where the marker goes (1-based column, length in characters): the given column, else the
/// value after `field:` on the line, else the whole line.
fn marker_span(d: &Diagnostic, source: Option<&str>) -> Option<(usize, usize)> {
    let src = source?;
    let chars: Vec<char> = src.trim_end().chars().collect();
    if chars.is_empty() {
        return None;
    }
    if let Some(col) = d.column {
        let col = col.clamp(1, chars.len());
        let rest = &chars[col - 1..];
        let len = d
            .width
            .unwrap_or_else(|| rest.iter().take_while(|c| !c.is_whitespace()).count())
            .min(rest.len());
        return Some((col, len.max(1)));
    }
    let indent = chars.iter().take_while(|c| c.is_whitespace()).count();
    let text: String = chars[indent..].iter().collect();
    let key = text.trim_start_matches("- ");
    let key_start = indent + (text.chars().count() - key.chars().count());
    if let (Some(_), Some(colon)) = (&d.field, key.find(':')) {
        let value = key[colon + 1..].trim_start();
        if !value.is_empty() && !value.starts_with('#') {
            let value_start = key_start
                + key[..colon + 1].chars().count()
                + (key[colon + 1..].chars().count() - value.chars().count());
            return Some((value_start + 1, value.trim_end().chars().count()));
        }
    }
    Some((indent + 1, chars.len() - indent))
}

/// One problem as JSON (see [`json`]).
#[derive(Serialize)]
struct JsonDiagnostic<'a> {
    severity: &'static str,
    /// The message's key in the catalogues: stable across languages and versions.
    code: &'static str,
    path: String,
    line: Option<usize>,
    column: Option<usize>,
    field: Option<&'a str>,
    message: String,
    hint: Option<String>,
}

/// Every problem as one JSON document: `{"errors": n, "warnings": n, "diagnostics": [...]}`;
/// messages and hints in `ui`, each with its language-independent `code`.
pub fn json(diags: &[Diagnostic], ui: UiLang) -> String {
    let list: Vec<JsonDiagnostic<'_>> = diags
        .iter()
        .map(|d| JsonDiagnostic {
            severity: match d.severity {
                Severity::Error => "error",
                Severity::Warning => "warning",
            },
            code: d.message.key,
            path: d.path.display().to_string().replace('\\', "/"),
            line: d.line,
            column: d.column,
            field: d.field.as_deref(),
            message: d.message_in(ui),
            hint: d.hint_in(ui),
        })
        .collect();
    let doc = serde_json::json!({
        "errors": diags.iter().filter(|d| d.is_error()).count(),
        "warnings": diags.iter().filter(|d| !d.is_error()).count(),
        "diagnostics": list,
    });
    format!("{doc:#}\n")
}

/// One problem as a GitHub Actions workflow command: `::error file=...,line=...::message`.
pub fn github(d: &Diagnostic, ui: UiLang) -> String {
    let kind = match d.severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
    };
    let mut props = vec![format!(
        "file={}",
        prop(&d.path.display().to_string().replace('\\', "/"))
    )];
    if let Some(l) = d.line {
        props.push(format!("line={l}"));
    }
    if let Some(c) = d.column {
        props.push(format!("col={c}"));
    }
    let title = d
        .field
        .as_ref()
        .map_or_else(|| "jarya".to_string(), |f| format!("jarya: {f}"));
    props.push(format!("title={}", prop(&title)));
    let mut message = d.message_in(ui);
    if let Some(h) = d.hint_in(ui) {
        message.push('\n');
        message.push_str(&msg!("label-hint").render(ui));
        message.push_str(": ");
        message.push_str(&h);
    }
    format!("::{kind} {}::{}", props.join(","), data(&message))
}

/// Escapes a workflow command's message.
fn data(s: &str) -> String {
    s.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// Escapes a workflow command's property value.
fn prop(s: &str) -> String {
    data(s).replace(':', "%3A").replace(',', "%2C")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn diag() -> Diagnostic {
        Diagnostic::error(
            "content/ru/x.md",
            msg!("date-invalid", found = "27 июня 2025"),
        )
        .at_line(3)
        .in_field("date")
        .with_hint(msg!(
            "date-written-hint",
            field = "date",
            date = "2025-06-27"
        ))
    }

    #[test]
    fn human_output_shows_the_line_and_a_marker_under_the_value() {
        let text = human(&diag(), Some("date: 27 июня 2025"), false, UiLang::En);
        assert_eq!(
            text,
            "error: `date`: \"27 июня 2025\" is not a date\n --> content/ru/x.md:3:7\n  |\n3 | date: 27 июня 2025\n  |       ^^^^^^^^^^^^\n  = hint: write `date: 2025-06-27` (year-month-day), or with a time: `date: 2025-06-27 10:00`\n"
        );
        let colored = human(&diag(), Some("date: 27 июня 2025"), true, UiLang::En);
        assert!(colored.contains("\x1b[1;31merror\x1b[0m"));
        let ru = human(&diag(), Some("date: 27 июня 2025"), false, UiLang::Ru);
        assert!(ru.starts_with("ошибка: `date`: "), "{ru}");
        assert!(ru.contains(" --> content/ru/x.md:3:7\n"), "{ru}");
        assert!(ru.contains("= подсказка: "), "{ru}");
    }

    #[test]
    fn a_given_column_is_used() {
        let d = Diagnostic::error("a.md", msg!("yaml-colon"))
            .at_line(2)
            .at_column(8);
        let text = human(&d, Some("title: Форум: итоги"), false, UiLang::En);
        assert!(text.contains(" --> a.md:2:8\n"), "{text}");
        assert!(text.contains("  |        ^^^^^^\n"), "{text}");
    }

    #[test]
    fn long_lines_are_cut_around_the_marker() {
        let line = format!("{} <bad@link> {}", "слово ".repeat(40), "ещё ".repeat(40));
        let col = line
            .find('<')
            .map(|b| line[..b].chars().count() + 1)
            .unwrap();
        let d = Diagnostic::error("a.md", msg!("body-link-broken", link = "bad@link"))
            .at_line(9)
            .at_column(col);
        let text = human(&d, Some(&line), false, UiLang::En);
        let lines: Vec<&str> = text.lines().collect();
        assert!(lines[3].starts_with("9 | …"), "{text}");
        assert!(lines[3].chars().count() < 110, "{text}");
        let marker_col = lines[4].find('^').unwrap();
        assert_eq!(lines[3].chars().nth(marker_col), Some('<'), "{text}");
    }

    #[test]
    fn no_source_no_marker() {
        let text = human(
            &Diagnostic::error("content/site.yaml", msg!("settings-missing")),
            None,
            false,
            UiLang::En,
        );
        assert_eq!(
            text,
            "error: the site settings file is missing\n --> content/site.yaml\n"
        );
    }

    #[test]
    fn github_annotations_are_escaped() {
        assert_eq!(
            github(&diag(), UiLang::En),
            "::error file=content/ru/x.md,line=3,title=jarya%3A date::\"27 июня 2025\" is not a date%0Ahint: write `date: 2025-06-27` (year-month-day), or with a time: `date: 2025-06-27 10:00`"
        );
    }

    #[test]
    fn json_has_every_field() {
        let v: serde_json::Value = serde_json::from_str(&json(&[diag()], UiLang::Ky)).unwrap();
        assert_eq!(v["errors"], 1);
        assert_eq!(v["diagnostics"][0]["code"], "date-invalid");
        assert_eq!(
            v["diagnostics"][0]["message"],
            msg!("date-invalid", found = "27 июня 2025").render(UiLang::Ky)
        );
        assert_eq!(v["diagnostics"][0]["line"], 3);
        assert_eq!(v["diagnostics"][0]["field"], "date");
        assert_eq!(v["diagnostics"][0]["path"], "content/ru/x.md");
    }
}
