//! Languages, dates: month names, dates and times as Russian and Kyrgyz readers write them,
//! counts with plurals (CLDR patterns, see the table in the module above).

use super::Lang;
use jiff::civil::{Date, DateTime};

/// Kyrgyz month stems, to which every case suffix attaches (январы, январында, январдан, ...).
pub const KY_MONTH_STEMS: [&str; 12] = [
    "январ",
    "феврал",
    "март",
    "апрел",
    "май",
    "июн",
    "июл",
    "август",
    "сентябр",
    "октябр",
    "ноябр",
    "декабр",
];

/// Russian month names in the genitive, as in dates ("27 июня"). CLDR `format` `wide`.
pub const RU_MONTHS_GENITIVE: [&str; 12] = [
    "января",
    "февраля",
    "марта",
    "апреля",
    "мая",
    "июня",
    "июля",
    "августа",
    "сентября",
    "октября",
    "ноября",
    "декабря",
];

/// Russian month names in the nominative, as in headings ("июнь 2025"). CLDR `stand-alone` `wide`.
const RU_MONTHS_NOMINATIVE: [&str; 12] = [
    "январь",
    "февраль",
    "март",
    "апрель",
    "май",
    "июнь",
    "июль",
    "август",
    "сентябрь",
    "октябрь",
    "ноябрь",
    "декабрь",
];

/// Kyrgyz month names. CLDR `format` `wide` (lowercase; the same stems as Russian).
const KY_MONTHS: [&str; 12] = [
    "январь",
    "февраль",
    "март",
    "апрель",
    "май",
    "июнь",
    "июль",
    "август",
    "сентябрь",
    "октябрь",
    "ноябрь",
    "декабрь",
];

fn month_index(date: Date) -> usize {
    // jiff guarantees 1..=12.
    (date.month() as usize).saturating_sub(1).min(11)
}

/// The month (1-12) a word names: Russian in either case (`декабря`, `декабрь`) or a
/// Kyrgyz month with its suffix (`декабры`, `декабрында`).
pub fn month_of_word(w: &str) -> Option<i8> {
    RU_MONTHS_GENITIVE
        .iter()
        .chain(RU_MONTHS_NOMINATIVE.iter())
        .position(|m| *m == w)
        .map(|i| i % 12 + 1)
        .or_else(|| {
            KY_MONTH_STEMS
                .iter()
                .position(|m| w.starts_with(m))
                .map(|i| i + 1)
        })
        .map(|m| m as i8)
}

/// Reads a date written in words, as people paste it from a press release: "27 июня 2025",
/// "27 июня 2025 года", "2025-ж., 27-июнь". Used to suggest the ISO form in error hints.
pub fn parse_written_date(text: &str) -> Option<Date> {
    let lower = text.to_lowercase();
    let words: Vec<&str> = lower
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    // Kyrgyz months take suffixes: 3-декабры, 18-ноябрында, 1-апрелден.
    let month = words.iter().find_map(|w| month_of_word(w))?;
    let numbers: Vec<i32> = words.iter().filter_map(|w| w.parse().ok()).collect();
    let year = numbers.iter().copied().find(|n| *n >= 1000)?;
    let day = numbers.iter().copied().find(|n| (1..=31).contains(n))?;
    Date::new(i16::try_from(year).ok()?, month, i8::try_from(day).ok()?).ok()
}

/// Appends `n` in decimal, zero-padded to `width` characters (the sign counted), as
/// `format!("{n:0width$}")` writes it. Dates are written this way, not with `format!`, which
/// costs about a thousand instructions a call: a list page writes a date on every card and a
/// calendar several per event (a 10 000-release build wrote 600 000 of them).
pub fn push_number(out: &mut String, n: i64, width: usize) {
    let mut digits = [0u8; 20];
    let mut rest = n.unsigned_abs();
    let mut first = digits.len();
    loop {
        first -= 1;
        digits[first] = b'0' + (rest % 10) as u8;
        rest /= 10;
        if rest == 0 {
            break;
        }
    }
    if n < 0 {
        out.push('-');
    }
    let written = digits.len() - first + usize::from(n < 0);
    out.extend(std::iter::repeat_n('0', width.saturating_sub(written)));
    out.extend(digits[first..].iter().map(|&d| char::from(d)));
}

/// A date as written in running text: "27 июня 2025 г." / "2025-ж., 27-июнь".
pub fn format_date(lang: Lang, date: Date) -> String {
    let mut out = String::with_capacity(32);
    push_date(&mut out, lang, date);
    out
}

/// [`format_date`], appended to `out`.
fn push_date(out: &mut String, lang: Lang, date: Date) {
    let m = month_index(date);
    match lang {
        Lang::Ru => {
            push_number(out, date.day().into(), 0);
            out.push(' ');
            out.push_str(RU_MONTHS_GENITIVE[m]);
            out.push(' ');
            push_number(out, date.year().into(), 0);
            out.push_str(" г.");
        }
        Lang::Ky => {
            push_number(out, date.year().into(), 0);
            out.push_str("-ж., ");
            push_number(out, date.day().into(), 0);
            out.push('-');
            out.push_str(KY_MONTHS[m]);
        }
    }
}

/// The month under a day in a date badge: "июня" / "июнь".
pub fn badge_month(lang: Lang, date: Date) -> &'static str {
    let m = month_index(date);
    match lang {
        Lang::Ru => RU_MONTHS_GENITIVE[m],
        Lang::Ky => KY_MONTHS[m],
    }
}

/// A month as a heading: "июнь 2025" / "2025-ж., июнь".
pub fn format_month_heading(lang: Lang, date: Date) -> String {
    let m = month_index(date);
    match lang {
        Lang::Ru => {
            let mut out = capitalized(RU_MONTHS_NOMINATIVE[m]);
            out.push(' ');
            push_number(&mut out, date.year().into(), 0);
            out
        }
        Lang::Ky => {
            let mut out = String::with_capacity(24);
            push_number(&mut out, date.year().into(), 0);
            out.push_str("-ж., ");
            out.push_str(KY_MONTHS[m]);
            out
        }
    }
}

/// A month's name on its own, as a link in a list of months: "Июнь" / "Июнь".
pub fn month_name(lang: Lang, date: Date) -> String {
    let m = month_index(date);
    capitalized(match lang {
        Lang::Ru => RU_MONTHS_NOMINATIVE[m],
        Lang::Ky => KY_MONTHS[m],
    })
}

/// "декабрь" -> "Декабрь".
pub fn capitalized(word: &str) -> String {
    let mut chars = word.chars();
    chars
        .next()
        .map(|c| c.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

/// A time of day, 24-hour: "14:00".
pub fn format_time(time: jiff::civil::Time) -> String {
    let mut out = String::with_capacity(5);
    push_time(&mut out, time);
    out
}

/// [`format_time`], appended to `out`.
fn push_time(out: &mut String, time: jiff::civil::Time) {
    push_number(out, time.hour().into(), 2);
    out.push(':');
    push_number(out, time.minute().into(), 2);
}

/// When an event happens, as readers write it.
///
/// `start_time` / `end_time` say whether the times of `start` / `end` were given.
/// - one day: "27 июня 2025 г.", "27 июня 2025 г., 14:00", "27 июня 2025 г., 14:00–18:00"
/// - days of one month: "12–13 октября 2021 г." / "2021-ж., 12–13-октябрь"
/// - across months: "30 октября – 2 ноября 2021 г." / "2021-ж., 30-октябрь – 2-ноябрь"
/// - across years, or several days with times: both ends written in full, joined by " – "
pub fn format_event(
    lang: Lang,
    start: DateTime,
    start_time: bool,
    end: Option<(DateTime, bool)>,
) -> String {
    let with_time = |dt: DateTime, timed: bool| {
        let mut day = String::with_capacity(40);
        push_date(&mut day, lang, dt.date());
        if timed {
            day.push_str(match lang {
                Lang::Ru => ", ",
                Lang::Ky => ", саат ",
            });
            push_time(&mut day, dt.time());
        }
        day
    };
    let Some((end, end_time)) = end else {
        return with_time(start, start_time);
    };
    let (s, e) = (start.date(), end.date());
    if s == e {
        if start_time && end_time && start.time() != end.time() {
            let mut out = with_time(start, true);
            out.push('–');
            push_time(&mut out, end.time());
            return out;
        }
        return with_time(start, start_time);
    }
    if start_time || end_time || s.year() != e.year() {
        return format!(
            "{} – {}",
            with_time(start, start_time),
            with_time(end, end_time)
        );
    }
    let (sm, em) = (month_index(s), month_index(e));
    match lang {
        Lang::Ru if sm == em => format!(
            "{}–{} {} {} г.",
            s.day(),
            e.day(),
            RU_MONTHS_GENITIVE[em],
            e.year()
        ),
        Lang::Ru => format!(
            "{} {} – {} {} {} г.",
            s.day(),
            RU_MONTHS_GENITIVE[sm],
            e.day(),
            RU_MONTHS_GENITIVE[em],
            e.year()
        ),
        Lang::Ky if sm == em => {
            format!("{}-ж., {}–{}-{}", e.year(), s.day(), e.day(), KY_MONTHS[em])
        }
        Lang::Ky => format!(
            "{}-ж., {}-{} – {}-{}",
            e.year(),
            s.day(),
            KY_MONTHS[sm],
            e.day(),
            KY_MONTHS[em]
        ),
    }
}

/// A machine-readable date for `<time datetime>`: `2025-06-27` or `2025-06-27T14:00`.
pub fn iso_datetime(dt: DateTime, timed: bool) -> String {
    datetime_with(dt, timed, 'T')
}

/// A day, or a day and a time, as a writer types it in front matter: `2025-06-27 14:00`
/// (messages quote it back so that it can be found in the file).
pub fn written_datetime(dt: DateTime, timed: bool) -> String {
    datetime_with(dt, timed, ' ')
}

fn datetime_with(dt: DateTime, timed: bool, sep: char) -> String {
    let mut out = String::with_capacity(16);
    if (0..=9999).contains(&dt.year()) {
        push_compact(&mut out, dt.date(), "-");
    } else {
        // jiff writes years beyond four digits with a sign and six digits.
        out = dt.date().to_string();
    }
    if timed {
        out.push(sep);
        push_time(&mut out, dt.time());
    }
    out
}

/// A date as `2025-06-27` (`sep` "-") or `20250627` (`sep` ""), the year in at least four
/// digits, as `format!("{:04}{sep}{:02}{sep}{:02}")` writes it.
pub fn push_compact(out: &mut String, d: Date, sep: &str) {
    push_number(out, d.year().into(), 4);
    out.push_str(sep);
    push_number(out, d.month().into(), 2);
    out.push_str(sep);
    push_number(out, d.day().into(), 2);
}

/// "5 событий" / "5 иш-чара": a count of events with the right plural form.
pub fn count_events(lang: Lang, n: usize) -> String {
    match lang {
        Lang::Ru => format!(
            "{n} {}",
            russian_plural(n, "мероприятие", "мероприятия", "мероприятий")
        ),
        // Kyrgyz nouns stay singular after a numeral.
        Lang::Ky => format!("{n} иш-чара"),
    }
}

/// The Russian plural form for `n` (CLDR rules one / few / many for integers).
pub fn russian_plural<'a>(n: usize, one: &'a str, few: &'a str, many: &'a str) -> &'a str {
    let (m10, m100) = (n % 10, n % 100);
    if m10 == 1 && m100 != 11 {
        one
    } else if (2..=4).contains(&m10) && !(12..=14).contains(&m100) {
        few
    } else {
        many
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    #[test]
    fn numbers_are_written_as_format_writes_them() {
        for n in [
            0,
            5,
            -5,
            9,
            10,
            99,
            100,
            2025,
            -2025,
            12345,
            i64::MIN,
            i64::MAX,
        ] {
            for width in [0, 2, 4, 6] {
                let mut out = String::from("x");
                push_number(&mut out, n, width);
                assert_eq!(out, format!("x{n:0width$}"), "{n} {width}");
            }
        }
        let mut out = String::new();
        push_compact(&mut out, date(987, 3, 4), "-");
        assert_eq!(out, "0987-03-04");
        assert_eq!(
            iso_datetime(date(2025, 6, 7).at(9, 5, 0, 0), true),
            "2025-06-07T09:05"
        );
        assert_eq!(
            iso_datetime(date(-5, 6, 7).at(0, 0, 0, 0), false),
            "-000005-06-07"
        );
    }

    #[test]
    fn russian_dates_use_the_genitive_for_all_twelve_months() {
        let expected = [
            "5 января 2025 г.",
            "5 февраля 2025 г.",
            "5 марта 2025 г.",
            "5 апреля 2025 г.",
            "5 мая 2025 г.",
            "5 июня 2025 г.",
            "5 июля 2025 г.",
            "5 августа 2025 г.",
            "5 сентября 2025 г.",
            "5 октября 2025 г.",
            "5 ноября 2025 г.",
            "5 декабря 2025 г.",
        ];
        for (m, want) in expected.iter().enumerate() {
            let d = date(2025, m as i8 + 1, 5);
            assert_eq!(format_date(Lang::Ru, d), *want);
        }
    }

    #[test]
    fn russian_headings_use_the_nominative_for_all_twelve_months() {
        let expected = [
            "Январь 2025",
            "Февраль 2025",
            "Март 2025",
            "Апрель 2025",
            "Май 2025",
            "Июнь 2025",
            "Июль 2025",
            "Август 2025",
            "Сентябрь 2025",
            "Октябрь 2025",
            "Ноябрь 2025",
            "Декабрь 2025",
        ];
        for (m, want) in expected.iter().enumerate() {
            let d = date(2025, m as i8 + 1, 1);
            assert_eq!(format_month_heading(Lang::Ru, d), *want);
        }
    }

    #[test]
    fn kyrgyz_dates_follow_the_cldr_long_pattern_for_all_twelve_months() {
        let expected = [
            "2025-ж., 27-январь",
            "2025-ж., 27-февраль",
            "2025-ж., 27-март",
            "2025-ж., 27-апрель",
            "2025-ж., 27-май",
            "2025-ж., 27-июнь",
            "2025-ж., 27-июль",
            "2025-ж., 27-август",
            "2025-ж., 27-сентябрь",
            "2025-ж., 27-октябрь",
            "2025-ж., 27-ноябрь",
            "2025-ж., 27-декабрь",
        ];
        for (m, want) in expected.iter().enumerate() {
            let d = date(2025, m as i8 + 1, 27);
            assert_eq!(format_date(Lang::Ky, d), *want);
            let heading = format_month_heading(Lang::Ky, d);
            assert_eq!(heading, want.replace("27-", ""));
        }
    }

    fn dt(y: i16, m: i8, d: i8, h: i8, min: i8) -> DateTime {
        date(y, m, d).at(h, min, 0, 0)
    }

    #[test]
    fn event_ranges_in_both_languages() {
        let start = dt(2021, 10, 12, 0, 0);
        let end = Some((dt(2021, 10, 13, 0, 0), false));
        assert_eq!(
            format_event(Lang::Ru, start, false, end),
            "12–13 октября 2021 г."
        );
        assert_eq!(
            format_event(Lang::Ky, start, false, end),
            "2021-ж., 12–13-октябрь"
        );

        let end = Some((dt(2021, 11, 2, 0, 0), false));
        let start = dt(2021, 10, 30, 0, 0);
        assert_eq!(
            format_event(Lang::Ru, start, false, end),
            "30 октября – 2 ноября 2021 г."
        );
        assert_eq!(
            format_event(Lang::Ky, start, false, end),
            "2021-ж., 30-октябрь – 2-ноябрь"
        );

        let start = dt(2021, 12, 30, 0, 0);
        let end = Some((dt(2022, 1, 2, 0, 0), false));
        assert_eq!(
            format_event(Lang::Ru, start, false, end),
            "30 декабря 2021 г. – 2 января 2022 г."
        );
    }

    #[test]
    fn event_times() {
        let start = dt(2021, 11, 18, 14, 0);
        assert_eq!(
            format_event(Lang::Ru, start, true, None),
            "18 ноября 2021 г., 14:00"
        );
        let end = Some((dt(2021, 11, 18, 18, 0), true));
        assert_eq!(
            format_event(Lang::Ru, start, true, end),
            "18 ноября 2021 г., 14:00–18:00"
        );
        assert_eq!(
            format_event(Lang::Ky, start, true, end),
            "2021-ж., 18-ноябрь, саат 14:00–18:00"
        );
        assert_eq!(iso_datetime(start, true), "2021-11-18T14:00");
        assert_eq!(iso_datetime(start, false), "2021-11-18");
        assert_eq!(written_datetime(start, true), "2021-11-18 14:00");
        assert_eq!(written_datetime(start, false), "2021-11-18");
    }

    #[test]
    fn kyrgyz_dates_in_words_with_every_case_suffix() {
        let suffixes = [
            "ь",
            "ы",
            "ында",
            "ынын",
            "ына",
            "ынан",
            "ындагы",
            "да",
            "дан",
            "га",
        ];
        for (m, stem) in KY_MONTH_STEMS.iter().enumerate() {
            for suffix in suffixes {
                for text in [
                    format!("2025-жылдын 3-{stem}{suffix}"),
                    format!("3-{stem}{suffix} 2025-ж."),
                ] {
                    assert_eq!(
                        parse_written_date(&text),
                        Some(date(2025, m as i8 + 1, 3)),
                        "{text}"
                    );
                }
            }
        }
    }

    #[test]
    fn dates_written_in_words_are_understood_for_hints() {
        assert_eq!(parse_written_date("27 июня 2025"), Some(date(2025, 6, 27)));
        assert_eq!(
            parse_written_date("1 сентября 2022 года"),
            Some(date(2022, 9, 1))
        );
        assert_eq!(
            parse_written_date("2021-ж., 18-ноябрь"),
            Some(date(2021, 11, 18))
        );
        assert_eq!(parse_written_date("31 июня 2025"), None);
        assert_eq!(parse_written_date("завтра"), None);
    }

    #[test]
    fn russian_plurals() {
        let cases = [
            (1, "1 мероприятие"),
            (2, "2 мероприятия"),
            (4, "4 мероприятия"),
            (5, "5 мероприятий"),
            (11, "11 мероприятий"),
            (12, "12 мероприятий"),
            (21, "21 мероприятие"),
            (22, "22 мероприятия"),
            (111, "111 мероприятий"),
            (0, "0 мероприятий"),
        ];
        for (n, want) in cases {
            assert_eq!(count_events(Lang::Ru, n), want);
        }
        assert_eq!(count_events(Lang::Ky, 5), "5 иш-чара");
    }
}
