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
//!
//! Kyrgyz interface words, where a native reading found a calque, follow established Kyrgyz
//! localizations: "Башкы барак" (home; MediaWiki `ky.json` `mainpage`), "Дареги" (place of
//! the event; Phabricator `ky` "Address" → "Дарек", and how Kyrgyz announcements label the
//! venue), "Atom агымы" (feed; MediaWiki `site-atom-feed` "$1 Atom агымы", instead of the
//! calque "жаңылыктар тасмасы"), "Кыскартылган аталышы" (an organization's short name, the
//! phrase of Kyrgyz registration documents: "толук жана кыскартылган аталышы"). A draft is
//! "долбоор" (MediaWiki `ky`), not "кара жазма". jarya's own messages are in
//! `messages/{en,ru,ky}.ftl`.

mod dates;
mod detect;
mod message;
mod slug;

pub use dates::*;
pub use detect::{Evidence, detect};
pub use message::{Arg, Message, UiLang, keys, text};
pub use slug::*;

use serde::Serialize;
use std::fmt;

/// A Kyrgyz letter as typed on a Russian keyboard, which lacks ң ө ү (and their capitals):
/// н о у. Other characters stay.
pub fn russian_keyboard(c: char) -> char {
    match c {
        'ң' | 'Ң' => 'н',
        'ө' | 'Ө' => 'о',
        'ү' | 'Ү' => 'у',
        other => other,
    }
}

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

    /// The language a writer means by a name or a code that is not one (`kg`, Kyrgyzstan's
    /// country code; `кыргызча`; `rus`): for the hint of an unknown language.
    pub fn meant_by(written: &str) -> Option<Lang> {
        let w = written.trim().to_lowercase();
        let w = w.trim_end_matches('.');
        let ky = [
            "kg",
            "kgz",
            "kir",
            "kyr",
            "kgs",
            "кг",
            "кырг",
            "кыргыз",
            "кыргызча",
        ];
        let ru = ["rus", "ру", "рус", "русский", "орусча", "russian"];
        if ky.contains(&w)
            || w.starts_with("кирг")
            || w.starts_with("кырг")
            || w.starts_with("kyrg")
            || w.starts_with("kirg")
        {
            Some(Lang::Ky)
        } else if ru.contains(&w) || w.starts_with("русск") {
            Some(Lang::Ru)
        } else {
            None
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
    /// At the top of a past event's page: "Мероприятие прошло".
    pub past_event: &'static str,
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
    /// The button that opens the navigation on narrow screens.
    pub menu: &'static str,
    /// Link from a place to a map.
    pub on_the_map: &'static str,
    /// Label of the site's social network links.
    pub social: &'static str,
    /// The search page (navigation and heading).
    pub search: &'static str,
    /// Label of the search field.
    pub search_label: &'static str,
    /// The search button.
    pub search_button: &'static str,
    /// The topic filter's first choice.
    pub search_any_topic: &'static str,
    /// The organizer filter's first choice.
    pub search_any_organizer: &'static str,
    /// While the search runs.
    pub search_loading: &'static str,
    /// When nothing is found.
    pub search_none: &'static str,
    /// When the search cannot load.
    pub search_failed: &'static str,
    /// How many were found, `{n}` for the number: the forms for 1, 2–4 and 5 (Russian
    /// plurals; Kyrgyz has one form).
    pub search_found: [&'static str; 3],
    /// The button that shows more results.
    pub search_more: &'static str,
    /// Shown without JavaScript.
    pub search_needs_script: &'static str,
    /// Heading of the lists to browse instead.
    pub search_browse: &'static str,
}

static RU: Ui = Ui {
    language_name: "Русский",
    skip_to_content: "Перейти к содержанию",
    home: "Главная",
    topics: "Темы",
    organizers: "Организаторы",
    upcoming: "Предстоящие мероприятия",
    past: "Прошедшие мероприятия",
    past_event: "Мероприятие прошло",
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
    menu: "Меню",
    on_the_map: "на карте",
    social: "Мы в соцсетях",
    search: "Поиск",
    search_label: "Что найти",
    search_button: "Найти",
    search_any_topic: "Все темы",
    search_any_organizer: "Все организаторы",
    search_loading: "Ищем…",
    search_none: "Ничего не найдено. Попробуйте другое слово или посмотрите списки ниже.",
    search_failed: "Поиск не загрузился. Посмотрите списки ниже.",
    search_found: [
        "Найдено: {n} мероприятие",
        "Найдено: {n} мероприятия",
        "Найдено: {n} мероприятий",
    ],
    search_more: "Показать ещё",
    search_needs_script: "Поиск работает, когда в браузере включён JavaScript. Без него найдите мероприятие по темам, организаторам и годам.",
    search_browse: "Темы, организаторы и годы",
};

static KY: Ui = Ui {
    language_name: "Кыргызча",
    skip_to_content: "Негизги мазмунга өтүү",
    home: "Башкы барак",
    topics: "Темалар",
    organizers: "Уюштуруучулар",
    upcoming: "Алдыдагы иш-чаралар",
    past: "Өткөн иш-чаралар",
    past_event: "Бул иш-чара өтүп кеткен",
    nothing_yet: "Азырынча бул жерде эч нерсе жок.",
    when: "Качан",
    location: "Дареги",
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
    short_name: "Кыскартылган аталышы",
    add_to_calendar: "Календарга кошуу (.ics)",
    add_to_google_calendar: "Google Календарга кошуу",
    subscribe: "Жазылуу",
    calendar: "календарь (.ics)",
    feed: "Atom агымы",
    menu: "Меню",
    on_the_map: "картадан көрүү",
    social: "Биз социалдык тармактарда",
    search: "Издөө",
    search_label: "Эмнени издейсиз",
    search_button: "Издөө",
    search_any_topic: "Бардык темалар",
    search_any_organizer: "Бардык уюштуруучулар",
    search_loading: "Изделүүдө…",
    search_none: "Эч нерсе табылган жок. Башка сөз менен издеп көрүңүз же төмөнкү тизмелерди караңыз.",
    search_failed: "Издөө жүктөлгөн жок. Төмөнкү тизмелерди караңыз.",
    search_found: [
        "Табылды: {n} иш-чара",
        "Табылды: {n} иш-чара",
        "Табылды: {n} иш-чара",
    ],
    search_more: "Дагы көрсөтүү",
    search_needs_script: "Издөө браузерде JavaScript күйүк болгондо иштейт. Ансыз иш-чараны темалар, уюштуруучулар жана жылдар боюнча табыңыз.",
    search_browse: "Темалар, уюштуруучулар жана жылдар",
};
