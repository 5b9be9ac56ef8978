//! Languages: UI strings, month names, dates as readers write them, plurals, transliteration.
//!
//! Pure functions only. Month names and date patterns are CLDR's (v46, `ru` and `ky`
//! locales, gregorian calendar), written out here as explicit patterns:
//!
//! | what                | ru (CLDR)                 | ky (CLDR)                  |
//! |---------------------|---------------------------|----------------------------|
//! | long date           | `d MMMM y 'г'.`           | `y-'ж'., d-MMMM`           |
//! | month heading       | `LLLL y` (nominative)     | `y-'ж'., LLLL`             |
//! | day range, 1 month  | `d–d MMMM y 'г'.`         | `y-'ж'., d–d-MMMM`         |
//! | time                | `HH:mm`                   | `HH:mm`                    |
//!
//! Russian dates use the genitive month (`MMMM`, "июня"), headings the nominative (`LLLL`,
//! "июнь"). Kyrgyz uses one form for both.

use jiff::civil::{Date, DateTime};
use serde::Serialize;
use std::fmt;

/// A language a site is written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    /// Russian.
    Ru,
    /// Kyrgyz.
    Ky,
}

impl Lang {
    /// Every language jarya knows, in a stable order.
    pub const ALL: [Lang; 2] = [Lang::Ru, Lang::Ky];

    /// Parses a language code as written in front matter or `site.yaml`.
    pub fn from_code(code: &str) -> Option<Lang> {
        match code.trim().to_lowercase().as_str() {
            "ru" => Some(Lang::Ru),
            "ky" => Some(Lang::Ky),
            _ => None,
        }
    }

    /// The Open Graph locale: `ru_RU` or `ky_KG`.
    pub fn og_locale(self) -> &'static str {
        match self {
            Lang::Ru => "ru_RU",
            Lang::Ky => "ky_KG",
        }
    }

    /// The ISO 639-1 code: `ru` or `ky`.
    pub fn code(self) -> &'static str {
        match self {
            Lang::Ru => "ru",
            Lang::Ky => "ky",
        }
    }

    /// The UI strings of this language.
    pub fn ui(self) -> &'static Ui {
        match self {
            Lang::Ru => &RU,
            Lang::Ky => &KY,
        }
    }
}

impl fmt::Display for Lang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

/// Every piece of interface text a template shows, for one language.
#[derive(Debug, Serialize)]
pub struct Ui {
    /// The language's name in itself ("Русский", "Кыргызча").
    pub language_name: &'static str,
    /// Link text to skip the navigation.
    pub skip_to_content: &'static str,
    /// The home page link.
    pub home: &'static str,
    /// Topics (navigation and headings).
    pub topics: &'static str,
    /// Organizers (navigation and headings).
    pub organizers: &'static str,
    /// Heading of upcoming events on lists.
    pub upcoming: &'static str,
    /// Heading of past events on lists.
    pub past: &'static str,
    /// Shown when a list is empty.
    pub nothing_yet: &'static str,
    /// Label of the date.
    pub when: &'static str,
    /// Label of the place.
    pub location: &'static str,
    /// Label of the organizer list on a release.
    pub organized_by: &'static str,
    /// Label of the topic list on a release.
    pub topics_label: &'static str,
    /// Heading of the contacts.
    pub contacts: &'static str,
    /// Label of a phone number.
    pub phone: &'static str,
    /// Label of an email address.
    pub email: &'static str,
    /// Label of a web site.
    pub website: &'static str,
    /// Link text to the same release in the other language.
    pub read_in_other_language: &'static str,
    /// "Page" in "Page 2 of 5".
    pub page: &'static str,
    /// "of" in "Page 2 of 5".
    pub page_of: &'static str,
    /// Link to the previous page of a list.
    pub previous_page: &'static str,
    /// Link to the next page of a list.
    pub next_page: &'static str,
    /// Label of the pagination navigation.
    pub pagination: &'static str,
    /// Label of the main navigation.
    pub main_navigation: &'static str,
    /// Label of the language switcher.
    pub language_switcher: &'static str,
    /// "Topic" before a topic page title.
    pub topic: &'static str,
    /// "Organizer" before an organizer page title.
    pub organizer: &'static str,
    /// Title of the 404 page.
    pub not_found_title: &'static str,
    /// Text of the 404 page.
    pub not_found_text: &'static str,
    /// Prompt on the entry page.
    pub choose_language: &'static str,
    /// Footer line.
    pub footer: &'static str,
    /// The archive (navigation and headings).
    pub archive: &'static str,
    /// Heading of related releases.
    pub related: &'static str,
    /// Beside a language link that leads to that language's home page because this page has
    /// no counterpart there (written in that language).
    pub no_counterpart: &'static str,
    /// Label of an organization's short name.
    pub short_name: &'static str,
    /// Link to a release's .ics file.
    pub add_to_calendar: &'static str,
    /// Link that adds a release to Google Calendar.
    pub add_to_google_calendar: &'static str,
    /// Before the subscription links of a list.
    pub subscribe: &'static str,
    /// A subscribable calendar (.ics).
    pub calendar: &'static str,
    /// An Atom feed.
    pub feed: &'static str,
}

static RU: Ui = Ui {
    language_name: "Русский",
    skip_to_content: "Перейти к содержанию",
    home: "Главная",
    topics: "Темы",
    organizers: "Организаторы",
    upcoming: "Предстоящие мероприятия",
    past: "Прошедшие мероприятия",
    nothing_yet: "Пока здесь ничего нет.",
    when: "Когда",
    location: "Место",
    organized_by: "Организаторы",
    topics_label: "Темы",
    contacts: "Контакты",
    phone: "Телефон",
    email: "Эл. почта",
    website: "Сайт",
    read_in_other_language: "Читать на русском",
    page: "Страница",
    page_of: "из",
    previous_page: "Предыдущая страница",
    next_page: "Следующая страница",
    pagination: "Страницы",
    main_navigation: "Основная навигация",
    language_switcher: "Язык",
    topic: "Тема",
    organizer: "Организатор",
    not_found_title: "Страница не найдена",
    not_found_text: "Такой страницы нет. Возможно, ссылка устарела.",
    choose_language: "Выберите язык",
    footer: "Анонсы и пресс-релизы гражданского общества",
    archive: "Архив",
    related: "Похожие мероприятия",
    no_counterpart: "перевода нет — главная страница",
    short_name: "Сокращённо",
    add_to_calendar: "Добавить в календарь (.ics)",
    add_to_google_calendar: "Добавить в Google Календарь",
    subscribe: "Подписаться",
    calendar: "календарь (.ics)",
    feed: "лента новостей (Atom)",
};

static KY: Ui = Ui {
    language_name: "Кыргызча",
    skip_to_content: "Негизги мазмунга өтүү",
    home: "Башкы бет",
    topics: "Темалар",
    organizers: "Уюштуруучулар",
    upcoming: "Алдыдагы иш-чаралар",
    past: "Өткөн иш-чаралар",
    nothing_yet: "Азырынча бул жерде эч нерсе жок.",
    when: "Качан",
    location: "Өтүүчү жери",
    organized_by: "Уюштуруучулар",
    topics_label: "Темалар",
    contacts: "Байланыштар",
    phone: "Телефон",
    email: "Эл. почта",
    website: "Сайт",
    read_in_other_language: "Кыргызча окуу",
    page: "Барак",
    page_of: "/",
    previous_page: "Мурунку барак",
    next_page: "Кийинки барак",
    pagination: "Барактар",
    main_navigation: "Негизги навигация",
    language_switcher: "Тил",
    topic: "Тема",
    organizer: "Уюштуруучу",
    not_found_title: "Барак табылган жок",
    not_found_text: "Мындай барак жок. Шилтеме эскирип калышы мүмкүн.",
    choose_language: "Тилди тандаңыз",
    footer: "Жарандык коомдун жарыялары жана пресс-релиздери",
    archive: "Архив",
    related: "Окшош иш-чаралар",
    no_counterpart: "котормосу жок — башкы бет",
    short_name: "Кыскача",
    add_to_calendar: "Календарга кошуу (.ics)",
    add_to_google_calendar: "Google Календарга кошуу",
    subscribe: "Жазылуу",
    calendar: "календарь (.ics)",
    feed: "жаңылыктар тасмасы (Atom)",
};

/// Russian month names in the genitive, as in dates ("27 июня"). CLDR `format` `wide`.
const RU_MONTHS_GENITIVE: [&str; 12] = [
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

/// Reads a date written in words, as people paste it from a press release: "27 июня 2025",
/// "27 июня 2025 года", "2025-ж., 27-июнь". Used to suggest the ISO form in error hints.
pub fn parse_written_date(text: &str) -> Option<Date> {
    let lower = text.to_lowercase();
    let words: Vec<&str> = lower
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    let month = words.iter().find_map(|w| {
        RU_MONTHS_GENITIVE
            .iter()
            .chain(RU_MONTHS_NOMINATIVE.iter())
            .position(|m| m == w)
            .map(|i| i % 12 + 1)
    })?;
    let numbers: Vec<i32> = words.iter().filter_map(|w| w.parse().ok()).collect();
    let year = numbers.iter().copied().find(|n| *n >= 1000)?;
    let day = numbers.iter().copied().find(|n| (1..=31).contains(n))?;
    Date::new(
        i16::try_from(year).ok()?,
        month as i8,
        i8::try_from(day).ok()?,
    )
    .ok()
}

/// A date as written in running text: "27 июня 2025 г." / "2025-ж., 27-июнь".
pub fn format_date(lang: Lang, date: Date) -> String {
    let m = month_index(date);
    match lang {
        Lang::Ru => format!(
            "{} {} {} г.",
            date.day(),
            RU_MONTHS_GENITIVE[m],
            date.year()
        ),
        Lang::Ky => format!("{}-ж., {}-{}", date.year(), date.day(), KY_MONTHS[m]),
    }
}

/// A month as a heading: "июнь 2025" / "2025-ж., июнь".
pub fn format_month_heading(lang: Lang, date: Date) -> String {
    let m = month_index(date);
    match lang {
        Lang::Ru => format!("{} {}", RU_MONTHS_NOMINATIVE[m], date.year()),
        Lang::Ky => format!("{}-ж., {}", date.year(), KY_MONTHS[m]),
    }
}

/// A time of day, 24-hour: "14:00".
pub fn format_time(time: jiff::civil::Time) -> String {
    format!("{:02}:{:02}", time.hour(), time.minute())
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
        let day = format_date(lang, dt.date());
        if !timed {
            return day;
        }
        match lang {
            Lang::Ru => format!("{day}, {}", format_time(dt.time())),
            Lang::Ky => format!("{day} {}", format_time(dt.time())),
        }
    };
    let Some((end, end_time)) = end else {
        return with_time(start, start_time);
    };
    let (s, e) = (start.date(), end.date());
    if s == e {
        if start_time && end_time && start.time() != end.time() {
            return format!("{}–{}", with_time(start, true), format_time(end.time()));
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
    if timed {
        format!("{}T{}", dt.date(), format_time(dt.time()))
    } else {
        dt.date().to_string()
    }
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

/// The most characters a slug may have.
pub const MAX_SLUG_LEN: usize = 80;

/// Turns a title or file name into a URL slug: lowercase ASCII letters, digits and `-`.
///
/// Cyrillic is romanized by BGN/PCGN for the given language (Russian ж -> zh, Kyrgyz ж -> j,
/// ң -> ng, ө -> o, ү -> u; ъ and ь dropped; е -> ye at the start of a word and after a vowel).
/// Anything else that is not a letter or digit becomes one `-`. At most
/// [`MAX_SLUG_LEN`] characters, cut at a `-`, keeping trailing numbers (see `cut_at_hyphen`).
/// Returns an empty string when nothing is left.
pub fn slugify(lang: Lang, text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut prev: Option<char> = None;
    for c in text.chars().flat_map(char::to_lowercase) {
        let at_word_start = prev.is_none_or(|p| !p.is_alphanumeric());
        let after_vowel = prev.is_some_and(|p| "аеёиоуыэюяөүъьй".contains(p));
        match romanize(lang, c, at_word_start || after_vowel) {
            Some(s) => out.push_str(s),
            None if c.is_ascii_alphanumeric() => out.push(c),
            None if c == 'ъ' || c == 'ь' || c == '\u{301}' => {}
            None => {
                if !out.ends_with('-') {
                    out.push('-');
                }
            }
        }
        prev = Some(c);
    }
    cut_at_hyphen(out.trim_matches('-'), MAX_SLUG_LEN)
}

/// Cuts a slug to `max` characters at a `-`. Trailing all-digit words (dates, numbers: what
/// usually tells two similar names apart, as in `forum-20250627-003`) are kept, and the words
/// before them are cut instead.
fn cut_at_hyphen(s: &str, max: usize) -> String {
    if s.len() <= max {
        return s.to_string();
    }
    let words: Vec<&str> = s.split('-').collect();
    let digits = words
        .iter()
        .rev()
        .take_while(|w| w.bytes().all(|b| b.is_ascii_digit()))
        .count();
    let tail = words[words.len() - digits..].join("-");
    if digits > 0 && digits < words.len() && tail.len() + 1 < max / 2 {
        let head = words[..words.len() - digits].join("-");
        return format!("{}-{tail}", cut_words(&head, max - tail.len() - 1));
    }
    cut_words(s, max).to_string()
}

/// The longest prefix of `s` of at most `max` bytes that ends at a `-` (or the hard cut when
/// the first word alone is longer). Slugs are ASCII, so bytes are characters.
fn cut_words(s: &str, max: usize) -> &str {
    if s.len() <= max {
        return s;
    }
    let head = &s[..max];
    if s.as_bytes().get(max) == Some(&b'-') {
        return head;
    }
    match head.rfind('-') {
        Some(i) if i > 0 => &head[..i],
        _ => head,
    }
}

/// One lowercase letter in ASCII, or `None` when it is not Cyrillic.
fn romanize(lang: Lang, c: char, iotated: bool) -> Option<&'static str> {
    let s = match c {
        'а' => "a",
        'б' => "b",
        'в' => "v",
        'г' => "g",
        'д' => "d",
        'е' if iotated => "ye",
        'е' => "e",
        'ё' if lang == Lang::Ky => "yo",
        'ё' if iotated => "ye",
        'ё' => "e",
        'ж' if lang == Lang::Ky => "j",
        'ж' => "zh",
        'з' => "z",
        'и' => "i",
        'й' => "y",
        'к' => "k",
        'л' => "l",
        'м' => "m",
        'н' => "n",
        'ң' => "ng",
        'о' => "o",
        'ө' => "o",
        'п' => "p",
        'р' => "r",
        'с' => "s",
        'т' => "t",
        'у' => "u",
        'ү' => "u",
        'ф' => "f",
        'х' => "kh",
        'ц' => "ts",
        'ч' => "ch",
        'ш' => "sh",
        'щ' => "shch",
        'ы' => "y",
        'э' => "e",
        'ю' => "yu",
        'я' => "ya",
        // Letters of neighbouring languages that turn up in names.
        'ә' => "a",
        'ғ' => "gh",
        'қ' => "q",
        'ұ' => "u",
        'һ' => "h",
        'і' => "i",
        'ў' => "o",
        'ҳ' => "h",
        'ҷ' => "j",
        'ӣ' => "i",
        'ӯ' => "u",
        _ => return None,
    };
    Some(s)
}

/// A key that sorts names in Russian/Kyrgyz alphabetical order (ё after е, ң after н,
/// ө after о, ү after у), ignoring case; Latin before Cyrillic, digits first.
pub fn collation_key(name: &str) -> Vec<u32> {
    const ALPHABET: &str = "абвгдеёжзийклмнңоөпрстуүфхцчшщъыьэюя";
    name.chars()
        .flat_map(char::to_lowercase)
        .filter(|c| c.is_alphanumeric() || c.is_whitespace())
        .map(|c| match ALPHABET.chars().position(|a| a == c) {
            Some(i) => 0x1_0000 + i as u32,
            None if c.is_whitespace() => 0,
            None => c as u32,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

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
            "январь 2025",
            "февраль 2025",
            "март 2025",
            "апрель 2025",
            "май 2025",
            "июнь 2025",
            "июль 2025",
            "август 2025",
            "сентябрь 2025",
            "октябрь 2025",
            "ноябрь 2025",
            "декабрь 2025",
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
            "2021-ж., 18-ноябрь 14:00–18:00"
        );
        assert_eq!(iso_datetime(start, true), "2021-11-18T14:00");
        assert_eq!(iso_datetime(start, false), "2021-11-18");
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

    #[test]
    fn russian_letters_romanize_by_bgn_pcgn() {
        let table = [
            ("а", "a"),
            ("б", "b"),
            ("в", "v"),
            ("г", "g"),
            ("д", "d"),
            ("же", "zhe"),
            ("з", "z"),
            ("и", "i"),
            ("й", "y"),
            ("к", "k"),
            ("л", "l"),
            ("м", "m"),
            ("н", "n"),
            ("о", "o"),
            ("п", "p"),
            ("р", "r"),
            ("с", "s"),
            ("т", "t"),
            ("у", "u"),
            ("ф", "f"),
            ("х", "kh"),
            ("ц", "ts"),
            ("ч", "ch"),
            ("ш", "sh"),
            ("щ", "shch"),
            ("объект", "obyekt"),
            ("ы", "y"),
            ("мь", "m"),
            ("э", "e"),
            ("ю", "yu"),
            ("я", "ya"),
            ("ёж", "yezh"),
            ("мёд", "med"),
        ];
        for (cyr, lat) in table {
            assert_eq!(slugify(Lang::Ru, cyr), lat, "{cyr}");
        }
        assert_eq!(
            slugify(Lang::Ru, "Мониторинг юстиции"),
            "monitoring-yustitsii"
        );
        assert_eq!(slugify(Lang::Ru, "Европа"), "yevropa");
        assert_eq!(slugify(Lang::Ru, "Щит и жезл"), "shchit-i-zhezl");
    }

    #[test]
    fn kyrgyz_letters_romanize_by_bgn_pcgn() {
        let table = [
            ("ж", "j"),
            ("ң", "ng"),
            ("ө", "o"),
            ("ү", "u"),
            ("ё", "yo"),
            ("ъ", ""),
            ("ь", ""),
            ("ы", "y"),
        ];
        for (cyr, lat) in table {
            assert_eq!(slugify(Lang::Ky, cyr), lat, "{cyr}");
        }
        assert_eq!(
            slugify(Lang::Ky, "коомдук-кеңештерге-10-жыл"),
            "koomduk-kengeshterge-10-jyl"
        );
        assert_eq!(slugify(Lang::Ky, "Өзгөн, Түп!"), "ozgon-tup");
    }

    #[test]
    fn slugs_fold_punctuation_and_are_cut_at_a_word() {
        assert_eq!(slugify(Lang::Ru, "  «Привет», мир!  "), "privet-mir");
        assert_eq!(
            slugify(Lang::Ru, "ОФ \"Гражданская платформа\""),
            "of-grazhdanskaya-platforma"
        );
        assert_eq!(slugify(Lang::Ru, "Hello_World 2025"), "hello-world-2025");
        assert_eq!(slugify(Lang::Ru, "../../etc/passwd"), "etc-passwd");
        assert_eq!(slugify(Lang::Ru, "!!!"), "");
        let long = "слово ".repeat(30);
        let s = slugify(Lang::Ru, &long);
        assert!(s.len() <= MAX_SLUG_LEN, "{s}");
        assert!(s.ends_with("slovo"), "{s}");
        assert_eq!(s.len(), 77);
        // Trailing numbers survive the cut, so long names that differ only there stay apart.
        let a = slugify(
            Lang::Ky,
            "батken шаарында мамлекеттик кызматтарды санариптештирүүнү талкуулашат 20170216 002559",
        );
        let b = slugify(
            Lang::Ky,
            "батken шаарында мамлекеттик кызматтарды санариптештирүүнү талкуулашат 20160321 008500",
        );
        assert!(a.len() <= MAX_SLUG_LEN, "{a}");
        assert!(a.ends_with("-20170216-002559"), "{a}");
        assert_ne!(a, b);
        assert!(a.starts_with("batken-shaarynda-mamlekettik-"), "{a}");
        assert_eq!(
            slugify(Lang::Ru, &format!("{}2025", "а".repeat(90))).len(),
            MAX_SLUG_LEN
        );
    }

    #[test]
    fn collation_puts_kyrgyz_letters_after_their_base() {
        let mut names = vec![
            "үй",
            "уюм",
            "өрүк",
            "пахта",
            "ордо",
            "ңа",
            "на",
            "ёж",
            "ель",
            "жол",
        ];
        names.sort_by_key(|n| collation_key(n));
        assert_eq!(
            names,
            [
                "ель",
                "ёж",
                "жол",
                "на",
                "ңа",
                "ордо",
                "өрүк",
                "пахта",
                "уюм",
                "үй"
            ]
        );
    }
}
