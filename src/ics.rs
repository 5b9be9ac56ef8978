//! iCalendar output (RFC 5545): one VEVENT per release, calendars per language, topic and
//! organizer. Pure text building; the render stage decides which events go where.
//!
//! Times are written in UTC (`DTSTART:20250627T040000Z`), so no VTIMEZONE is needed; all-day and
//! multi-day events use DATE values with DTEND the day after the last day. Text is escaped and
//! lines are folded at 75 octets without splitting a UTF-8 character.

use crate::model::Span;
use jiff::Timestamp;
use jiff::civil::{Date, DateTime};
use jiff::tz::TimeZone;

/// What a VEVENT says.
#[derive(Debug, Clone)]
pub struct Event {
    /// Shared by the translations of one event, stable across builds.
    pub uid: String,
    /// When: whole days, or local times in the site's zone.
    pub span: Span,
    /// The title.
    pub summary: String,
    /// The summary and the page's address.
    pub description: String,
    /// The place, on one line.
    pub location: Option<String>,
    /// The page's full address.
    pub url: String,
    /// The first contact with an email: (name, email).
    pub organizer: Option<(String, String)>,
    /// Topic names.
    pub categories: Vec<String>,
}

/// A whole calendar: `name` for subscribers and the events' text (from [`event`]: a release's
/// VEVENT is written once and shared by every calendar that lists it).
pub fn calendar(
    name: &str,
    events: impl IntoIterator<Item = impl AsRef<str>>,
    tz: &TimeZone,
) -> String {
    let mut out = String::new();
    line(&mut out, "BEGIN:VCALENDAR");
    line(&mut out, "VERSION:2.0");
    line(&mut out, "PRODID:-//jarya//jarya static site generator//EN");
    line(&mut out, "CALSCALE:GREGORIAN");
    line(&mut out, "METHOD:PUBLISH");
    line(&mut out, &format!("X-WR-CALNAME:{}", escape(name)));
    line(
        &mut out,
        &format!("X-WR-TIMEZONE:{}", tz.iana_name().unwrap_or("UTC")),
    );
    for e in events {
        out.push_str(e.as_ref());
    }
    line(&mut out, "END:VCALENDAR");
    out
}

/// One VEVENT's folded lines; `stamp` is the DTSTAMP, from [`utc`] (the build's time, the same
/// for every event, so it is formatted once).
pub fn event(e: &Event, tz: &TimeZone, stamp: &str) -> String {
    let mut text = String::with_capacity(1024);
    let out = &mut text;
    // Each property is put together in one buffer and folded from it.
    let mut buf = String::with_capacity(256);
    let mut prop = |out: &mut String, name: &str, value: &str, escaped: bool| {
        buf.clear();
        buf.push_str(name);
        if escaped {
            escape_into(&mut buf, value);
        } else {
            buf.push_str(value);
        }
        line(out, &buf);
    };
    line(out, "BEGIN:VEVENT");
    prop(out, "UID:", &e.uid, true);
    prop(out, "DTSTAMP:", stamp, false);
    match e.span {
        Span::Days { first, after_last } => {
            prop(out, "DTSTART;VALUE=DATE:", &date(first), false);
            prop(out, "DTEND;VALUE=DATE:", &date(after_last), false);
        }
        Span::Timed { start, end } => {
            prop(out, "DTSTART:", &local_to_utc(start, tz), false);
            prop(out, "DTEND:", &local_to_utc(end, tz), false);
        }
    }
    prop(out, "SUMMARY:", &e.summary, true);
    prop(out, "DESCRIPTION:", &e.description, true);
    if let Some(loc) = &e.location {
        prop(out, "LOCATION:", loc, true);
    }
    prop(out, "URL:", &e.url, false);
    if let Some((name, email)) = &e.organizer {
        let organizer = [param(name).as_str(), ":mailto:", email].concat();
        prop(out, "ORGANIZER;CN=", &organizer, false);
    }
    if !e.categories.is_empty() {
        let mut cats = String::new();
        for (i, c) in e.categories.iter().enumerate() {
            if i > 0 {
                cats.push(',');
            }
            escape_into(&mut cats, c);
        }
        prop(out, "CATEGORIES:", &cats, false);
    }
    line(out, "STATUS:CONFIRMED");
    line(out, "TRANSP:OPAQUE");
    line(out, "END:VEVENT");
    text
}

/// A date as iCalendar and Google Calendar write it: `20250627`.
pub fn date(d: Date) -> String {
    let mut out = String::with_capacity(16);
    crate::i18n::push_compact(&mut out, d, "");
    out
}

/// A UTC time: `20250627T040000Z`.
pub fn utc(t: Timestamp) -> String {
    let dt = TimeZone::UTC.to_datetime(t);
    let mut out = date(dt.date());
    out.push('T');
    for n in [dt.hour(), dt.minute(), dt.second()] {
        crate::i18n::push_number(&mut out, n.into(), 2);
    }
    out.push('Z');
    out
}

/// A local time in `tz` as UTC: `20250627T040000Z`.
pub fn local_to_utc(dt: DateTime, tz: &TimeZone) -> String {
    match tz.to_ambiguous_timestamp(dt).compatible() {
        Ok(ts) => utc(ts),
        Err(_) => format!("{}T{:02}{:02}00", date(dt.date()), dt.hour(), dt.minute()),
    }
}

/// Escapes TEXT values: backslash, semicolon, comma and newlines (a CR is dropped).
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    escape_into(&mut out, text);
    out
}

/// [`escape`], appending to `out`.
fn escape_into(out: &mut String, text: &str) {
    crate::escape::replace_ascii_into(out, text, &TEXT);
}

/// What iCalendar TEXT makes of an ASCII byte, as a rule.
static TEXT: std::sync::LazyLock<crate::escape::Rule> = std::sync::LazyLock::new(|| {
    crate::escape::Rule::new(|b| match b {
        b'\\' => Some("\\\\"),
        b';' => Some("\\;"),
        b',' => Some("\\,"),
        b'\n' => Some("\\n"),
        b'\r' => Some(""),
        _ => None,
    })
});

/// A parameter value (CN=...): quoted when it holds `:`, `;` or `,`; double quotes dropped.
fn param(text: &str) -> String {
    let dropped = |c: char| c == '"' || c.is_control();
    let clean: String = if text.contains(dropped) {
        text.chars().filter(|c| !dropped(*c)).collect()
    } else {
        text.to_string()
    };
    if clean.contains([':', ';', ',']) {
        format!("\"{clean}\"")
    } else {
        clean
    }
}

/// Appends one content line, folded at 75 octets (continuation lines start with a space and
/// carry at most 74 octets more), never inside a UTF-8 character; CRLF line ends.
pub fn line(out: &mut String, content: &str) {
    let mut rest = content;
    let mut limit = 75;
    while rest.len() > limit {
        let mut cut = limit;
        while !rest.is_char_boundary(cut) {
            cut -= 1;
        }
        out.push_str(&rest[..cut]);
        out.push_str("\r\n ");
        rest = &rest[cut..];
        limit = 74;
    }
    out.push_str(rest);
    out.push_str("\r\n");
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date as d;

    #[test]
    fn text_is_escaped() {
        assert_eq!(escape("a, b; c\\d\nе"), "a\\, b\\; c\\\\d\\nе");
        assert_eq!(escape("ж\r\nж;"), "ж\\nж\\;");
        assert_eq!(escape(""), "");
    }

    #[test]
    fn lines_fold_at_75_octets_without_splitting_characters() {
        let mut out = String::new();
        let text = format!("SUMMARY:{}", "Ж".repeat(100));
        line(&mut out, &text);
        let lines: Vec<&str> = out.split("\r\n").filter(|l| !l.is_empty()).collect();
        assert!(lines.len() > 2);
        for (i, l) in lines.iter().enumerate() {
            assert!(l.len() <= 75, "line {i} has {} octets", l.len());
            if i > 0 {
                assert!(l.starts_with(' '));
            }
        }
        let unfolded: String = lines
            .iter()
            .enumerate()
            .map(|(i, l)| if i == 0 { *l } else { &l[1..] })
            .collect();
        assert_eq!(unfolded, text);
    }

    /// Categories are escaped one by one and joined by bare commas; an organizer's name loses
    /// quotes and control characters and is quoted when it holds `:`, `;` or `,`.
    #[test]
    fn categories_and_organizer_names_by_their_rules() {
        let tz = TimeZone::get("Asia/Bishkek").unwrap();
        let e = Event {
            uid: "x@y".into(),
            span: Span::Days {
                first: d(2021, 10, 12),
                after_last: d(2021, 10, 13),
            },
            summary: "S".into(),
            description: "D".into(),
            location: None,
            url: "https://x/".into(),
            organizer: Some(("ОФ \"Ырыс\"\u{7}".into(), "u@x.kg".into())),
            categories: vec!["Суу, жер".into(), "A;B".into(), "Ош".into()],
        };
        let c = event(&e, &tz, "20250615T120000Z");
        assert!(c.contains("CATEGORIES:Суу\\, жер,A\\;B,Ош\r\n"), "{c}");
        assert!(c.contains("ORGANIZER;CN=ОФ Ырыс:mailto:u@x.kg\r\n"), "{c}");
    }

    #[test]
    fn all_day_multi_day_and_timed_events() {
        let tz = TimeZone::get("Asia/Bishkek").unwrap();
        let stamp = Timestamp::from_second(1_749_988_800).unwrap();
        let base = Event {
            uid: "x@y".into(),
            span: Span::Days {
                first: d(2021, 10, 12),
                after_last: d(2021, 10, 14),
            },
            summary: "S".into(),
            description: "D".into(),
            location: None,
            url: "https://x/".into(),
            organizer: Some(("Улан, пресса".into(), "u@x.kg".into())),
            categories: vec![],
        };
        let c = calendar("C", [event(&base, &tz, &utc(stamp)).as_str()], &tz);
        assert!(
            c.contains("DTSTART;VALUE=DATE:20211012\r\nDTEND;VALUE=DATE:20211014\r\n"),
            "{c}"
        );
        assert!(c.contains("DTSTAMP:20250615T120000Z\r\n"));
        assert!(c.contains("ORGANIZER;CN=\"Улан, пресса\":mailto:u@x.kg\r\n"));
        let timed = Event {
            span: Span::Timed {
                start: d(2021, 11, 18).at(14, 0, 0, 0),
                end: d(2021, 11, 18).at(18, 0, 0, 0),
            },
            ..base
        };
        let c = calendar("C", [event(&timed, &tz, &utc(stamp)).as_str()], &tz);
        assert!(
            c.contains("DTSTART:20211118T080000Z\r\nDTEND:20211118T120000Z\r\n"),
            "{c}"
        );
    }
}
