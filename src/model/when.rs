//! Model, time: what a `date`/`end` value means, and the one rule for all-day vs timed events
//! that calendars, calendar links and structured data all follow.

use super::Release;
use jiff::civil::{Date, DateTime, Time};

/// When an event happens, as calendars need it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Span {
    /// Whole days (no time given on either end): the first day and the day after the last.
    Days {
        /// The first day.
        first: Date,
        /// The day after the last day (calendars' exclusive end).
        after_last: Date,
    },
    /// A start time, and an end time when one is known (a date-only end means the end of
    /// that day).
    Timed {
        /// The start, local time in the site's zone.
        start: DateTime,
        /// The end, local time.
        end: Option<DateTime>,
    },
}

impl Release {
    /// The event's span: all-day unless a time was given for its start or its end.
    pub fn span(&self) -> Span {
        let all_day = !self.start_timed && self.end.is_none_or(|(_, t)| !t);
        if all_day {
            let last = self.end.map_or(self.start.date(), |(e, _)| e.date());
            return Span::Days {
                first: self.start.date(),
                after_last: next_day(last),
            };
        }
        Span::Timed {
            start: self.start,
            end: self.end.map(|(e, timed)| {
                if timed {
                    e
                } else {
                    next_day(e.date()).to_datetime(Time::midnight())
                }
            }),
        }
    }
}

/// The day after `d` (saturating at the end of the calendar).
pub fn next_day(d: Date) -> Date {
    d.tomorrow().unwrap_or(d)
}

/// Parses `2025-06-27`, `2025-06-27 10:00`, `2025-06-27T10:00[:00]`, `27.06.2025` (local time in
/// the site's zone) or RFC 3339 with an offset (converted to the site's zone).
/// Returns the local date-time and whether a time was given.
pub fn parse_when(text: &str, tz: &jiff::tz::TimeZone) -> Result<(DateTime, bool), String> {
    let t = text.trim();
    let not_a_date = || format!("\"{t}\" is not a date");
    // An offset can only follow the time part, after the first 11 characters (all ASCII in
    // any date this accepts; `get` keeps other text from being cut inside a character).
    let has_offset = t.is_ascii()
        && t.len() > 16
        && t.get(11..)
            .is_some_and(|time| time.ends_with(['Z', 'z']) || time.contains(['+', '-']));
    if has_offset {
        let ts: jiff::Timestamp = t.parse().map_err(|_| not_a_date())?;
        return Ok((tz.to_datetime(ts), true));
    }
    let iso = if let Some(d) = dotted_date(t) {
        d
    } else {
        t.replacen(' ', "T", 1)
    };
    let bytes = iso.as_bytes();
    let shaped = bytes.len() >= 10
        && bytes[..4].iter().all(u8::is_ascii_digit)
        && bytes[4] == b'-'
        && bytes[7] == b'-';
    if !shaped {
        return Err(not_a_date());
    }
    if iso.len() == 10 {
        let d: Date = iso
            .parse()
            .map_err(|_| format!("\"{t}\" is not a real date (check the month and the day)"))?;
        return Ok((d.to_datetime(jiff::civil::Time::midnight()), false));
    }
    let dt: DateTime = iso.parse().map_err(|_| {
        format!("\"{t}\" is not a real date and time (check the month, day, hours and minutes)")
    })?;
    Ok((dt, true))
}

/// `27.06.2025` -> `2025-06-27`.
fn dotted_date(t: &str) -> Option<String> {
    let (date, rest) = t.split_at_checked(10)?;
    let parts: Vec<&str> = date.split('.').collect();
    match parts.as_slice() {
        [d, m, y] if d.len() == 2 && m.len() == 2 && y.len() == 4 => {
            Some(format!("{y}-{m}-{d}{}", rest.replacen(' ', "T", 1)))
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    fn release(start: DateTime, start_timed: bool, end: Option<(DateTime, bool)>) -> Release {
        Release {
            start,
            start_timed,
            end,
            ..super::super::tests::blank_release()
        }
    }

    #[test]
    fn all_day_unless_a_time_is_given_on_either_end() {
        let day = date(2021, 10, 12).at(0, 0, 0, 0);
        assert_eq!(
            release(day, false, None).span(),
            Span::Days {
                first: date(2021, 10, 12),
                after_last: date(2021, 10, 13)
            }
        );
        assert_eq!(
            release(day, false, Some((date(2021, 10, 13).at(0, 0, 0, 0), false))).span(),
            Span::Days {
                first: date(2021, 10, 12),
                after_last: date(2021, 10, 14)
            }
        );
        let ten = date(2021, 10, 12).at(10, 0, 0, 0);
        assert_eq!(
            release(ten, true, None).span(),
            Span::Timed {
                start: ten,
                end: None
            }
        );
        // A date-only end of a timed start means the end of that day.
        assert_eq!(
            release(ten, true, Some((date(2021, 10, 13).at(0, 0, 0, 0), false))).span(),
            Span::Timed {
                start: ten,
                end: Some(date(2021, 10, 14).at(0, 0, 0, 0))
            }
        );
        // A timed end of a date-only start makes the event timed.
        assert_eq!(
            release(day, false, Some((date(2021, 10, 12).at(18, 0, 0, 0), true))).span(),
            Span::Timed {
                start: day,
                end: Some(date(2021, 10, 12).at(18, 0, 0, 0))
            }
        );
    }

    #[test]
    fn dates_in_every_accepted_form() {
        let tz = jiff::tz::TimeZone::get("Asia/Bishkek").unwrap();
        let d = |s: &str| parse_when(s, &tz).unwrap();
        assert_eq!(d("2025-06-27"), (date(2025, 6, 27).at(0, 0, 0, 0), false));
        assert_eq!(
            d("2025-06-27 10:00"),
            (date(2025, 6, 27).at(10, 0, 0, 0), true)
        );
        assert_eq!(
            d("2025-06-27T10:00:00"),
            (date(2025, 6, 27).at(10, 0, 0, 0), true)
        );
        assert_eq!(d("27.06.2025"), (date(2025, 6, 27).at(0, 0, 0, 0), false));
        assert_eq!(
            d("2025-06-27T04:00:00Z"),
            (date(2025, 6, 27).at(10, 0, 0, 0), true)
        );
        assert_eq!(
            d("2025-06-27T09:00:00+05:00"),
            (date(2025, 6, 27).at(10, 0, 0, 0), true)
        );
        assert!(parse_when("27 июня 2025", &tz).is_err());
        assert!(
            parse_when("2025-02-30", &tz)
                .unwrap_err()
                .contains("not a real date")
        );
        assert!(parse_when("2025-06-27 25:00", &tz).is_err());
        // Any text, cut anywhere, gives an error, never a panic.
        let texts = [
            "3 декабря 2025",
            "2025-06-27Т10:00+06:00",
            "ёёёёёёёёёёёёёёёёёё",
            "27.06.2025 ж",
            "2025-06-2ж 10:00:00+06",
        ];
        for text in texts {
            for (i, _) in text.char_indices() {
                let _ = parse_when(&text[..i], &tz);
                let _ = parse_when(&text[i..], &tz);
            }
        }
    }
}
