//! `jarya import`, dates: an event's day, time and end as Russian and Kyrgyz releases write
//! them. Both languages' forms are looked for in every text (Kyrgyz releases carry Russian
//! date lines). Kyrgyz months take any case suffix (ноябрында, апрелден, июнунда); a
//! decree's attributive form (-дагы/-деги) is not an event.

use crate::i18n;
use jiff::civil::{Date, Time};
use regex::Regex;
use std::sync::LazyLock;

/// An event's time as found in one sentence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct When {
    pub date: Date,
    pub time: Option<Time>,
    /// The last day of a range of days ("12-13 октября").
    pub end_date: Option<Date>,
    /// The end of a range of times ("с 14:00 до 18:00").
    pub end_time: Option<Time>,
    /// What was read, as written.
    pub written: String,
}

/// Russian months as dates write them ("27 июня"), Kyrgyz month stems (every case suffix
/// attaches to them): the tables of `i18n`.
const RU_MONTHS: [&str; 12] = i18n::RU_MONTHS_GENITIVE;
const KY_STEMS: [&str; 12] = i18n::KY_MONTH_STEMS;

/// Kyrgyz suffixes after a time: 14:00 дөн ("from"), 10:00дө ("at").
const KY_FROM: &str = "дөн|дан|ден|дон|төн|тан|тен|тон|дө|да|до|де|тө|та|те|то";

/// A time, and the end of a range: "в 15.00–17.00", "с 14:00 до 18:00", "саат 14:00 дөн
/// 18:00 гө", "саат 18.00-20.30да".
/// `bare`: right after a date, a time may stand without "в" ("22 января 2026 года, 11:00").
fn times(bare: bool) -> String {
    let t = |n: &str| format!(r"(?P<{n}h>\d{{1,2}})[:.](?P<{n}m>\d{{2}})");
    format!(
        r"(?:{lead}{a}(?:\s*(?:до|[-–—])\s*{b})?|саат\s+{c}(?:\s*-?\s*(?:{KY_FROM}))?(?:(?:\s*[-–—]\s*|\s+){d})?)",
        lead = if bare {
            r"(?:(?:начало\s+)?(?:в|с)\s+)?"
        } else {
            r"(?:начало\s+)?(?:в|с)\s+"
        },
        a = t("t1"),
        b = t("t2"),
        c = t("t3"),
        d = t("t4"),
    )
}

/// Fixed patterns (None only if one were mistyped, which the tests below would show).
static RU: LazyLock<Option<Regex>> = LazyLock::new(|| {
    let months = RU_MONTHS.join("|");
    Regex::new(&format!(
        r"(?i)\b(?P<d>\d{{1,2}})(?:\s+(?P<m0>{months}))?(?:\s*(?:[-–—]|по)\s*(?P<d2>\d{{1,2}}))?\s+(?P<m>{months})\s+(?P<y>\d{{4}})(?:\s*(?:года|году|г\.?))?(?:[,\s]+{})?",
        times(true)
    ))
    .ok()
});

static KY: LazyLock<Option<Regex>> = LazyLock::new(|| {
    let stems = KY_STEMS.join("|");
    Regex::new(&format!(
        r"(?i)(?:\b(?P<y>\d{{4}})\s*-?\s*(?:жылдын|жылы|ж\.)\s*,?\s*)?\b(?P<d>\d{{1,2}})(?:\s*[-–—]\s*(?P<d2>\d{{1,2}}))?\s*-\s*(?P<m>{stems})(?P<suffix>\p{{L}}*)(?:(?:\s*[-–—]\s*|\s+)(?P<d3>\d{{1,2}})\s*-\s*(?P<m3>{stems})\p{{L}}*(?:\s+чейин)?)?(?:,?\s+(?P<y2>\d{{4}})\s*-?\s*(?:жыл\p{{L}}*|ж\.))?(?:,?\s+{})?",
        times(true)
    ))
    .ok()
});

/// 27.06.2025, with a time after it.
static NUMERIC: LazyLock<Option<Regex>> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i)\b(?P<d>\d{{1,2}})\.(?P<m>\d{{1,2}})\.(?P<y>\d{{4}})(?:\s*(?:года|г\.?|ж\.?))?(?:[,\s]+{})?",
        times(true)
    ))
    .ok()
});

/// A time alone, as a sentence after the date gives it.
static TIMES: LazyLock<Option<Regex>> =
    LazyLock::new(|| Regex::new(&format!(r"(?i)(?:^|\s){}", times(false))).ok());

fn time(c: &regex::Captures, n: &str) -> Option<Time> {
    let h: i8 = c.name(&format!("{n}h"))?.as_str().parse().ok()?;
    let m: i8 = c.name(&format!("{n}m"))?.as_str().parse().ok()?;
    Time::new(h, m, 0, 0).ok()
}

fn number<T: std::str::FromStr>(c: &regex::Captures, n: &str) -> Option<T> {
    c.name(n)?.as_str().parse().ok()
}

/// A month by its Russian genitive name or Kyrgyz stem (1-based).
fn month(name: Option<regex::Match>) -> Option<i8> {
    let name = name?.as_str().to_lowercase();
    let i = RU_MONTHS
        .iter()
        .chain(KY_STEMS.iter())
        .position(|m| *m == name)?;
    Some((i % 12) as i8 + 1)
}

/// A match's start and times: (start, end) of either language's time forms.
fn times_of(c: &regex::Captures) -> (Option<Time>, Option<Time>) {
    (
        time(c, "t1").or_else(|| time(c, "t3")),
        time(c, "t2").or_else(|| time(c, "t4")),
    )
}

/// One match made a `When`: the year from `y` (or `y2`), a start month `m0` before a range
/// into month `m`, or an end month `m3` after it.
fn when(c: &regex::Captures) -> Option<(usize, When)> {
    let suffix = c
        .name("suffix")
        .map_or(String::new(), |m| m.as_str().to_lowercase());
    // A decree's date ("14-июнундагы № 155") is not an event.
    if ["дагы", "деги", "тагы", "теги"]
        .iter()
        .any(|s| suffix.ends_with(s))
    {
        return None;
    }
    let year: i16 = number(c, "y").or_else(|| number(c, "y2"))?;
    let m = month(c.name("m")).or_else(|| number(c, "m"))?;
    let start_month = month(c.name("m0")).unwrap_or(m);
    let date = Date::new(year, start_month, number(c, "d")?).ok()?;
    let end_date = match (number::<i8>(c, "d2"), number::<i8>(c, "d3")) {
        (Some(d), _) => Date::new(year, m, d).ok(),
        (None, Some(d)) => Date::new(year, month(c.name("m3"))?, d).ok(),
        (None, None) => None,
    };
    let (time, end_time) = times_of(c);
    let all = c.get(0)?;
    Some((
        all.start(),
        When {
            date,
            time,
            end_date: end_date.filter(|e| *e > date),
            end_time,
            written: all.as_str().trim().to_string(),
        },
    ))
}

/// The first event date in `text` with its year: (where it starts, what it says). A date
/// without a year, or a decree's date, is never a value (the writer would not mean it).
pub fn find(text: &str) -> Option<(usize, When)> {
    [&RU, &KY, &NUMERIC]
        .into_iter()
        .filter_map(|re| {
            re.iter()
                .flat_map(|re| re.captures_iter(text))
                .find_map(|c| when(&c))
        })
        .min_by_key(|(at, _)| *at)
}

/// A time given alone ("Начало в 10:00.", "Иш-чара саат 10:00дөн 13:00гө чейин"): start,
/// end, and the words.
pub fn find_time(text: &str) -> Option<(Time, Option<Time>, String)> {
    let c = TIMES.as_ref()?.captures(text)?;
    let (start, end) = times_of(&c);
    Some((start?, end, c.get(0)?.as_str().trim().to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Date, time, end date, end time.
    type Read = (String, Option<String>, Option<String>, Option<String>);

    fn read(text: &str) -> Option<Read> {
        find(text).map(|(_, w)| {
            (
                w.date.to_string(),
                w.time.map(|t| t.strftime("%H:%M").to_string()),
                w.end_date.map(|d| d.to_string()),
                w.end_time.map(|t| t.strftime("%H:%M").to_string()),
            )
        })
    }

    fn day(text: &str) -> Option<String> {
        read(text).map(|r| r.0)
    }

    #[test]
    fn russian_dates_ranges_and_times() {
        assert_eq!(
            day("27 июня 2025 года в Министерстве"),
            Some("2025-06-27".into())
        );
        assert_eq!(day("18 апреля 2023"), Some("2023-04-18".into()));
        assert_eq!(
            read("12-13 октября 2021 года в конференц-зале"),
            Some(("2021-10-12".into(), None, Some("2021-10-13".into()), None))
        );
        assert_eq!(
            read("с 14 по 16 марта 2024 г."),
            Some(("2024-03-14".into(), None, Some("2024-03-16".into()), None))
        );
        assert_eq!(
            read("Форум пройдёт 5 декабря 2025 года в 15.00–17.00 в Оше"),
            Some((
                "2025-12-05".into(),
                Some("15:00".into()),
                None,
                Some("17:00".into())
            ))
        );
        assert_eq!(
            read("5 Декабря 2025 г., с 14:00 до 18:00"),
            Some((
                "2025-12-05".into(),
                Some("14:00".into()),
                None,
                Some("18:00".into())
            ))
        );
        // No year, a year range, a month alone: nothing to publish.
        assert_eq!(day("в апреле 2020 года, на 2021-2023 гг., 6 ноября"), None);
        assert_eq!(day("31 июня 2025 года"), None);
    }

    #[test]
    fn kyrgyz_dates_with_suffixes_and_times() {
        assert_eq!(
            read("Иш-чара 2021-жылдын 18-ноябрында саат 14:00 дөн 18:00 гө чейин өттү."),
            Some((
                "2021-11-18".into(),
                Some("14:00".into()),
                None,
                Some("18:00".into())
            ))
        );
        assert_eq!(
            read("2022 жылдын 22-ноябрда, саат 18.00-20.30да"),
            Some((
                "2022-11-22".into(),
                Some("18:00".into()),
                None,
                Some("20:30".into())
            ))
        );
        assert_eq!(
            read("2024-жылдын 30-августунда саат 16:00дө"),
            Some(("2024-08-30".into(), Some("16:00".into()), None, None))
        );
        assert_eq!(day("15-октябрь 2026 жыл"), Some("2026-10-15".into()));
        assert_eq!(day("2021-ж., 18-ноябрь"), Some("2021-11-18".into()));
        // A decree's date and a day without a year are not events.
        assert_eq!(day("2024-жылдын 14-июнундагы № 155 токтому"), None);
        assert_eq!(day("Бүгүн, 6-ноябрда"), None);
    }

    /// Every form of every month in the research table (possessive, its cases, and the plain
    /// locative, ablative and dative) is that month.
    #[test]
    fn every_kyrgyz_month_form() {
        let forms = [
            "январь январы январында январынын январына январынан январда январдан январга",
            "февраль февралы февралында февралынын февралына февралынан февралда февралдан февралга",
            "март марты мартында мартынын мартына мартынан мартта марттан мартка",
            "апрель апрели апрелинде апрелинин апрелине апрелинен апрелде апрелден апрелге",
            "май майы майында майынын майына майынан майда майдан майга",
            "июнь июну июнунда июнунун июнуна июнунан июнда июндан июнга",
            "июль июлу июлунда июлунун июлуна июлунан июлда июлдан июлга",
            "август августу августунда августунун августуна августунан августта августтан августка",
            "сентябрь сентябры сентябрында сентябрынын сентябрына сентябрынан сентябрда сентябрдан сентябрга",
            "октябрь октябры октябрында октябрынын октябрына октябрынан октябрда октябрдан октябрга",
            "ноябрь ноябры ноябрында ноябрынын ноябрына ноябрынан ноябрда ноябрдан ноябрга",
            "декабрь декабры декабрында декабрынын декабрына декабрынан декабрда декабрдан декабрга",
        ];
        for (m, words) in forms.iter().enumerate() {
            for w in words.split(' ') {
                let text = format!("2025-жылдын 3-{w} жыйын болот");
                let want = format!("2025-{:02}-03", m + 1);
                assert_eq!(day(&text), Some(want), "{w}");
            }
        }
    }

    #[test]
    fn ranges_across_months_numeric_dates_and_times_alone() {
        assert_eq!(
            read("30 сентября – 2 октября 2026 г. в Чолпон-Ате"),
            Some(("2026-09-30".into(), None, Some("2026-10-02".into()), None))
        );
        assert_eq!(
            read("ФЕЦА 2026-жылдын 30-сентябрынан 2-октябрына чейин конференция өткөрөт"),
            Some(("2026-09-30".into(), None, Some("2026-10-02".into()), None))
        );
        assert_eq!(
            read("Жайкы мектеп 2026-жылдын 20-25-июлунда өтөт"),
            Some(("2026-07-20".into(), None, Some("2026-07-25".into()), None))
        );
        assert_eq!(
            read("Дата: 12.04.2026, начало в 9:30."),
            Some(("2026-04-12".into(), Some("09:30".into()), None, None))
        );
        assert_eq!(day("31.02.2026"), None);
        assert_eq!(
            read("Дата и время: 22 января 2026 года, 11:00"),
            Some(("2026-01-22".into(), Some("11:00".into()), None, None))
        );
        let t = |s: &str| find_time(s).map(|(a, b, _)| (a.to_string(), b.map(|b| b.to_string())));
        assert_eq!(
            t("Иш-чара саат 10:00дөн 13:00гө чейин болот."),
            Some(("10:00:00".into(), Some("13:00:00".into())))
        );
        assert_eq!(t("Начало в 10:00."), Some(("10:00:00".into(), None)));
        assert_eq!(t("Приходите в 25:00"), None);
        assert_eq!(t("Офис 10:00"), None);
    }

    #[test]
    fn the_first_date_of_either_language_wins() {
        let text = "Бүгүн, 2023-жылдын 18-апрелинде. Семинар 20 апреля 2023 года.";
        assert_eq!(day(text), Some("2023-04-18".into()));
    }
}
