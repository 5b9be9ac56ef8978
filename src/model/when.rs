//! Model, time: what a `date`/`end` value means, and the one rule for all-day vs timed events
//! that calendars, calendar links and structured data all follow.

use super::Release;
use crate::i18n::Message;
use crate::msg;
use jiff::civil::{Date, DateTime, Time};

/// When an event happens, as calendars need it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Span {
    /// Whole days (no time in `date`): the first day and the day after the last.
    Days {
        /// The first day.
        first: Date,
        /// The day after the last day (calendars' exclusive end).
        after_last: Date,
    },
    /// A start time and an end time: the one written (a date-only end means the end of that
    /// day), else the start plus the site's `event_duration`.
    Timed {
        /// The start, local time in the site's zone.
        start: DateTime,
        /// The end, local time.
        end: DateTime,
    },
}

impl Release {
    /// The event's span for calendars: all-day unless `date` gives a time (a time in `end`
    /// alone is refused by validation, since the start time would be unknown); a timed event
    /// without an end lasts `duration` (a page shows its start only).
    pub fn span(&self, duration: jiff::SignedDuration) -> Span {
        if !self.start_timed {
            let last = self.end.map_or(self.start.date(), |(e, _)| e.date());
            return Span::Days {
                first: self.start.date(),
                after_last: next_day(last),
            };
        }
        Span::Timed {
            start: self.start,
            end: match self.end {
                Some((e, true)) => e,
                Some((e, false)) => next_day(e.date()).to_datetime(Time::midnight()),
                None => self.start.checked_add(duration).unwrap_or(self.start),
            },
        }
    }
}

/// The day after `d` (saturating at the end of the calendar).
pub fn next_day(d: Date) -> Date {
    d.tomorrow().unwrap_or(d)
}

/// A `date` (or `end`) value as written: a day, a day and a time, or a day and a time range.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct When {
    /// The start, local time in the site's zone (midnight when no time was given).
    pub start: DateTime,
    /// Whether a time was given.
    pub timed: bool,
    /// The end of a time range written in the value (`14:00-18:00`), the same day.
    pub end: Option<DateTime>,
}

/// Parses what writers put in `date`:
///
/// - a day: `2025-06-27` or `27.06.2025`;
/// - a day and a time: `2025-06-27 10:00`, `27.06.2025 10.00`, `2025-06-27T10:00:00`;
/// - a day and a time range: `2025-06-27 14:00-18:00`, `14:00–18:00`, `14.00 — 18.00`;
/// - RFC 3339 with an offset, converted to the site's zone: `2025-06-27T10:00:00+06:00`, `…Z`.
///
/// `10:00-06:00` could be a range or a time with an offset: without a `T` and seconds it is a
/// range; a range that ends before it starts is an error that shows both unambiguous forms.
pub fn parse_when(text: &str, tz: &jiff::tz::TimeZone) -> Result<When, Message> {
    let t = text.trim();
    // `2026-12-15 - 2026-12-17`, `15–17 декабря 2026`: an event of several days is written as
    // its start in `date` and its last day in `end`; said so, rather than "not a time".
    parse_one(t, tz).map_err(|e| match written_days(t).len() {
        0 | 1 => e,
        _ => msg!("date-days", found = t),
    })
}

fn parse_one(t: &str, tz: &jiff::tz::TimeZone) -> Result<When, Message> {
    let not_a_date = || msg!("date-invalid", found = t);
    if is_rfc3339_with_offset(t) {
        let ts: jiff::Timestamp = t.parse().map_err(|_| not_a_date())?;
        return Ok(When {
            start: tz.to_datetime(ts),
            timed: true,
            end: None,
        });
    }
    let (day, rest) = split_day(t).ok_or_else(not_a_date)?;
    let day: Date = day.parse().map_err(|_| msg!("date-not-real", found = t))?;
    let rest = rest.trim();
    if rest.is_empty() {
        return Ok(When {
            start: day.to_datetime(Time::midnight()),
            timed: false,
            end: None,
        });
    }
    // Words around the times (`с 10:00 до 18:00`) are not a date; digits alone that cannot
    // be a time (`25:00`) are a time that does not exist.
    let words = rest.chars().any(char::is_alphabetic);
    let bad_time = || match words {
        true => not_a_date(),
        false => msg!("date-time-not-real", found = t),
    };
    let (from, to) = split_range(rest);
    let start = day.to_datetime(parse_time(from).ok_or_else(bad_time)?);
    let end = match to {
        None => None,
        Some(to) => Some(day.to_datetime(parse_time(to).ok_or_else(bad_time)?)),
    };
    if let Some(e) = end
        && e <= start
    {
        let (s_hm, e_hm) = (
            crate::i18n::format_time(start.time()),
            crate::i18n::format_time(e.time()),
        );
        return Err(msg!(
            "date-ambiguous",
            found = t,
            start = s_hm.as_str(),
            end = e_hm.as_str(),
            day = day.to_string(),
            offset_form = format!("{day}T{s_hm}:00-{e_hm}")
        ));
    }
    Ok(When {
        start,
        timed: true,
        end,
    })
}

/// A time alone (`18:00`), for an `end` on the same day as the start.
pub fn parse_time_only(text: &str) -> Option<Time> {
    parse_time(text.trim())
}

/// `2025-06-27T10:00:00+06:00`, `…-06:00`, `…Z`: a `T`, seconds, then an offset. A `+` offset
/// is never a range, so `2025-06-27 10:00+06:00` counts too.
fn is_rfc3339_with_offset(t: &str) -> bool {
    let Some(time) = t.get(11..).filter(|_| t.is_ascii() && t.len() > 16) else {
        return false;
    };
    let t_sep = t.as_bytes()[10] == b'T' || t.as_bytes()[10] == b't';
    let seconds = time.len() >= 8 && time.as_bytes()[5] == b':';
    time.ends_with(['Z', 'z'])
        || time.contains('+')
        || (t_sep && seconds && time[8..].starts_with('-'))
}

/// The real day a value starts with (`2025-06-27 с 10:00 до 12:00` -> 2025-06-27), for a hint
/// that shows the writer's own day when the rest of the value cannot be read.
pub fn leading_day(t: &str) -> Option<Date> {
    split_day(t.trim())?.0.parse().ok()
}

/// `2025-06-27 …` or `27.06.2025 …` -> (`2025-06-27`, `…`); `T` may separate the time.
fn split_day(t: &str) -> Option<(String, &str)> {
    let (head, rest) = t.split_at_checked(10)?;
    let b = head.as_bytes();
    let digits = |r: std::ops::Range<usize>| b[r].iter().all(u8::is_ascii_digit);
    let day = if digits(0..4) && b[4] == b'-' && digits(5..7) && b[7] == b'-' && digits(8..10) {
        head.to_string()
    } else if digits(0..2) && b[2] == b'.' && digits(3..5) && b[5] == b'.' && digits(6..10) {
        format!("{}-{}-{}", &head[6..10], &head[3..5], &head[0..2])
    } else {
        return None;
    };
    let rest = rest.strip_prefix(['T', 't']).unwrap_or(rest);
    if !(rest.is_empty() || rest.starts_with([' ', '\t']) || t.as_bytes()[10] == b'T') {
        return None;
    }
    Some((day, rest))
}

/// The hint for a date that could not be read; names the ISO form when the text is a date
/// written in words.
pub fn date_hint(field: &str, written: &str) -> Message {
    let times = written_times(written);
    if let ([first, .., last], "date") = (&written_days(written)[..], field) {
        let with_time = |day: &Date, time: Option<&Time>| match time {
            Some(&t) => format!("{day} {}", crate::i18n::format_time(t)),
            None => day.to_string(),
        };
        return msg!(
            "date-days-hint",
            start = with_time(first, times.first()),
            end = with_time(last, times.get(1))
        );
    }
    let Some(day) = crate::i18n::parse_written_date(written).or_else(|| leading_day(written))
    else {
        return match times[..] {
            // `end: саат 18:00гө чейин`: a time alone is the end on the day the event starts.
            [time] if field == "end" => {
                msg!("end-time-hint", time = crate::i18n::format_time(time))
            }
            _ if field == "date" => msg!("date-hint", field = field),
            _ => msg!("date-moment-hint", field = field),
        };
    };
    let date = day.to_string();
    match times[..] {
        // Only `date` may be a range (`end` and `published` are one moment).
        [start, end] if field == "date" && start < end => msg!(
            "date-range-hint",
            field = field,
            date = date,
            start = crate::i18n::format_time(start),
            end = crate::i18n::format_time(end)
        ),
        [time] => msg!(
            "date-time-hint",
            field = field,
            date = date,
            time = crate::i18n::format_time(time)
        ),
        _ => msg!("date-written-hint", field = field, date = date),
    }
}

/// The times written anywhere in a value (`21 декабря 2026, с 10:00 до 18:00` -> 10:00,
/// 18:00), for a hint that gives the writer's own times back in the form jarya reads. A run of
/// digits, `:` and `.` is a time when [`parse_time`] reads it (`21.12.2026` is not one).
pub fn written_times(t: &str) -> Vec<Time> {
    t.split(|c: char| !(c.is_ascii_digit() || c == ':' || c == '.'))
        .map(|w| w.trim_matches(['.', ':']))
        .filter_map(parse_time)
        .take(3)
        .collect()
}

/// The different days written in a value, earliest first: `2026-12-15`, `15.12.2026`, and days in
/// words (`15–17 декабря 2026`, `2026-жылдын 15-17-декабры`: each number of a day takes the
/// next month's name and the year). Times (`10:00`) are not days.
pub fn written_days(t: &str) -> Vec<Date> {
    let mut days: Vec<Date> = Vec::new();
    let mut rest = String::with_capacity(t.len());
    // ISO days first, since their dashes would split them into numbers.
    let mut i = 0;
    while let Some(c) = t[i..].chars().next() {
        if let Some(day) = t
            .get(i..i + 10)
            .and_then(|h| iso_day(h, t.as_bytes().get(i + 10)))
        {
            days.push(day);
            rest.push(' ');
            i += 10;
        } else {
            rest.push(c);
            i += c.len_utf8();
        }
    }
    let lower = rest.to_lowercase();
    // A worded day takes the first year written after it, else the last one before it.
    let (mut pending, mut worded, mut year) = (Vec::new(), Vec::new(), None);
    let mut dated = 0;
    for w in lower.split(|c: char| !(c.is_alphanumeric() || c == ':' || c == '.')) {
        let w = w.trim_matches('.');
        if let Some((day, _)) = split_day(w).filter(|(_, r)| r.is_empty()) {
            days.extend(day.parse::<Date>().ok());
        } else if let Ok(n) = w.parse::<i16>() {
            match n {
                1..=31 => pending.push(n as i8),
                1000.. => {
                    year = Some(n);
                    worded[dated..].iter_mut().for_each(|(y, _, _)| *y = n);
                    dated = worded.len();
                }
                _ => {}
            }
        } else if let Some(month) = crate::i18n::month_of_word(w) {
            let y = year.unwrap_or(0);
            worded.extend(pending.drain(..).map(|d| (y, month, d)));
        }
    }
    days.extend(
        worded
            .into_iter()
            .filter(|(y, _, _)| *y > 0)
            .filter_map(|(y, m, d)| Date::new(y, m, d).ok()),
    );
    days.sort_unstable();
    days.dedup();
    days
}

/// `2026-12-15` not followed by another digit, as a real day.
fn iso_day(head: &str, next: Option<&u8>) -> Option<Date> {
    let b = head.as_bytes();
    let shape = b.len() == 10
        && b[4] == b'-'
        && b[7] == b'-'
        && [0, 1, 2, 3, 5, 6, 8, 9]
            .iter()
            .all(|&k| b[k].is_ascii_digit());
    (shape && !next.is_some_and(u8::is_ascii_digit))
        .then(|| head.parse().ok())
        .flatten()
}

/// `14:00-18:00`, `14:00 – 18:00`, `14.00—18.00` -> (`14:00`, `18:00`).
fn split_range(rest: &str) -> (&str, Option<&str>) {
    // The first dash after the start time: a time never contains one.
    match rest.find(['-', '–', '—']) {
        Some(i) => {
            let dash = rest[i..].chars().next().map_or(1, char::len_utf8);
            (rest[..i].trim(), Some(rest[i + dash..].trim()))
        }
        None => (rest, None),
    }
}

/// `10:00`, `9:30`, `10.00`, `10:00:00`.
fn parse_time(t: &str) -> Option<Time> {
    let parts: Vec<&str> = t.split([':', '.']).collect();
    let num = |s: &str, max: i8| {
        (!s.is_empty() && s.len() <= 2 && s.bytes().all(|b| b.is_ascii_digit()))
            .then(|| s.parse::<i8>().ok())
            .flatten()
            .filter(|n| *n <= max)
    };
    let (h, m, s) = match parts.as_slice() {
        [h, m] if m.len() == 2 => (num(h, 23)?, num(m, 59)?, 0),
        [h, m, s] if m.len() == 2 && s.len() == 2 => (num(h, 23)?, num(m, 59)?, num(s, 59)?),
        _ => return None,
    };
    Time::new(h, m, s, 0).ok()
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    const TWO_HOURS: jiff::SignedDuration = jiff::SignedDuration::from_hours(2);

    fn release(start: DateTime, start_timed: bool, end: Option<(DateTime, bool)>) -> Release {
        Release {
            start,
            start_timed,
            end,
            ..super::super::tests::blank_release()
        }
    }

    #[test]
    fn all_day_unless_date_gives_a_time() {
        let day = date(2021, 10, 12).at(0, 0, 0, 0);
        assert_eq!(
            release(day, false, None).span(TWO_HOURS),
            Span::Days {
                first: date(2021, 10, 12),
                after_last: date(2021, 10, 13)
            }
        );
        assert_eq!(
            release(day, false, Some((date(2021, 10, 13).at(0, 0, 0, 0), false))).span(TWO_HOURS),
            Span::Days {
                first: date(2021, 10, 12),
                after_last: date(2021, 10, 14)
            }
        );
        let ten = date(2021, 10, 12).at(10, 0, 0, 0);
        assert_eq!(
            release(ten, true, None).span(TWO_HOURS),
            Span::Timed {
                start: ten,
                end: date(2021, 10, 12).at(12, 0, 0, 0)
            }
        );
        // A date-only end of a timed start means the end of that day.
        assert_eq!(
            release(ten, true, Some((date(2021, 10, 13).at(0, 0, 0, 0), false))).span(TWO_HOURS),
            Span::Timed {
                start: ten,
                end: date(2021, 10, 14).at(0, 0, 0, 0)
            }
        );
        // A date-only start is all-day whatever `end` holds (validation refuses a time in
        // `end` alone): calendars never start an event at a midnight nobody wrote.
        assert_eq!(
            release(day, false, Some((date(2021, 10, 13).at(18, 0, 0, 0), true))).span(TWO_HOURS),
            Span::Days {
                first: date(2021, 10, 12),
                after_last: date(2021, 10, 14)
            }
        );
    }

    #[test]
    fn dates_in_every_accepted_form() {
        let tz = jiff::tz::TimeZone::get("Asia/Bishkek").unwrap();
        let d = |s: &str| {
            let w = parse_when(s, &tz).unwrap_or_else(|e| panic!("{s}: {e}"));
            (w.start, w.timed, w.end)
        };
        let at = |h, m| date(2025, 6, 27).at(h, m, 0, 0);
        assert_eq!(d("2025-06-27"), (at(0, 0), false, None));
        assert_eq!(d("2025-06-27 10:00"), (at(10, 0), true, None));
        assert_eq!(d("2025-06-27T10:00:00"), (at(10, 0), true, None));
        assert_eq!(d("27.06.2025"), (at(0, 0), false, None));
        assert_eq!(d("27.06.2025 10:00"), (at(10, 0), true, None));
        assert_eq!(d("27.06.2025 9.30"), (at(9, 30), true, None));
        assert_eq!(d("2025-06-27T04:00:00Z"), (at(10, 0), true, None));
        assert_eq!(d("2025-06-27T09:00:00+05:00"), (at(10, 0), true, None));
        assert_eq!(d("2025-06-27T10:00:00-06:00").0, at(22, 0));
        // Time ranges, the way releases state events.
        for range in [
            "2025-06-27 14:00-18:00",
            "2025-06-27 14:00–18:00",
            "2025-06-27 14.00–18.00",
            "2025-06-27 14:00 - 18:00",
            "2025-06-27 14:00 — 18:00",
            "27.06.2025 14:00-18:00",
        ] {
            assert_eq!(d(range), (at(14, 0), true, Some(at(18, 0))), "{range}");
        }
        // Read two ways: an error that shows both unambiguous forms, never a guess.
        let e = parse_when("2025-06-27 20:00-06:00", &tz)
            .unwrap_err()
            .to_string();
        assert!(
            e.contains("two ways")
                && e.contains("end: ")
                && e.contains("2025-06-27T20:00:00-06:00"),
            "{e}"
        );
        assert!(parse_when("27 июня 2025", &tz).is_err());
        assert!(
            parse_when("2025-02-30", &tz)
                .unwrap_err()
                .to_string()
                .contains("not a real date")
        );
        assert!(parse_when("2025-06-27 25:00", &tz).is_err());
        assert!(parse_when("2025-06-27 14:00-", &tz).is_err());
        assert_eq!(parse_time_only(" 18:00 "), Time::new(18, 0, 0, 0).ok());
        // The writer's day, for the hint, when only the time cannot be read.
        assert_eq!(
            leading_day(" 2025-06-27 с 10:00 до 12:00"),
            Some(date(2025, 6, 27))
        );
        assert_eq!(leading_day("27.06.2025 10ч"), Some(date(2025, 6, 27)));
        assert_eq!(leading_day("2025-02-30 10:00"), None);
        assert_eq!(leading_day("2025/06/27"), None);
        // Any text, cut anywhere, gives an error, never a panic.
        let texts = [
            "3 декабря 2025",
            "2025-06-27Т10:00+06:00",
            "ёёёёёёёёёёёёёёёёёё",
            "27.06.2025 ж",
            "2025-06-2ж 10:00:00+06",
            "2025-06-27 14:00–18:00",
        ];
        for text in texts {
            for (i, _) in text.char_indices() {
                let _ = parse_when(&text[..i], &tz);
                let _ = parse_when(&text[i..], &tz);
            }
        }
    }

    #[test]
    fn several_days_in_date_say_to_write_the_last_day_in_end() {
        let tz = jiff::tz::TimeZone::get("Asia/Bishkek").unwrap();
        for (value, hint) in [
            (
                "2026-12-15 - 2026-12-17",
                "`date: 2026-12-15` and below it `end: 2026-12-17`",
            ),
            (
                "15.12.2026 - 17.12.2026",
                "`date: 2026-12-15` and below it `end: 2026-12-17`",
            ),
            (
                "15.12.2026-17.12.2026",
                "`date: 2026-12-15` and below it `end: 2026-12-17`",
            ),
            (
                "15–17 декабря 2026",
                "`date: 2026-12-15` and below it `end: 2026-12-17`",
            ),
            (
                "с 30 декабря 2026 по 2 января 2027",
                "`date: 2026-12-30` and below it `end: 2027-01-02`",
            ),
            (
                "2026-жылдын 15-17-декабры",
                "`date: 2026-12-15` and below it `end: 2026-12-17`",
            ),
            (
                "2026-12-15 10:00 - 2026-12-16 12:00",
                "`date: 2026-12-15 10:00` and below it `end: 2026-12-16 12:00`",
            ),
        ] {
            let e = parse_when(value, &tz).unwrap_err().to_string();
            assert!(e.contains("several days"), "{value}: {e}");
            let h = date_hint("date", value).to_string();
            assert!(h.contains(hint), "{value}: {h}");
        }
        // One day, with its time or a time range, is not several.
        for one in [
            "15 декабря 2026, 10:00",
            "2026-12-15 10:00-12:00",
            "27.06.2025 9.30",
            "2026-жылдын 15-декабрында саат 10:00",
        ] {
            assert!(
                written_days(one).len() <= 1,
                "{one}: {:?}",
                written_days(one)
            );
        }
        // Two days in words with a year before them only (2027-жылдын 2-3-январы) and no year.
        assert_eq!(written_days("2-3-январь 2027").len(), 2);
        assert!(written_days("15–17 декабря").is_empty());
    }

    #[test]
    fn written_times_are_found_among_words_and_dates_are_not_taken_for_times() {
        let t = |h, m| Time::new(h, m, 0, 0).unwrap();
        assert_eq!(
            written_times("21 декабря 2026, с 10:00 до 18:00."),
            [t(10, 0), t(18, 0)]
        );
        assert_eq!(written_times("21.12.2026 в 9.30"), [t(9, 30)]);
        assert_eq!(written_times("2026-12-21 саат 14:30дан"), [t(14, 30)]);
        assert!(written_times("2026-12-21 25:00 10:75").is_empty());
        assert!(written_times("27 июня 2025").is_empty());
    }
}
