//! `jarya import`, facts: what the text of a release says about its title, language, date,
//! contacts, organizers and topics, each with the words it was read from.

use super::place;
use super::read::Block;
use super::suggest::{self, Suggestion};
use super::when::{self, When};
use crate::i18n::{self, Evidence, Lang, capitalized};
use crate::model::phone::{self, Reading};
use crate::registry::{Registry, normalize_name};
use regex::Regex;
use std::sync::LazyLock;

/// A value and the text it was read from (for the comment beside it).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Found<T> {
    pub value: T,
    pub from: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Contact {
    pub name: String,
    pub role: Option<String>,
    /// E.164, `+996312911010`.
    pub phone: Option<String>,
    pub email: Option<String>,
}

/// Everything found in one document.
#[derive(Debug, Clone)]
pub struct Facts {
    pub lang: Option<Lang>,
    pub evidence: Evidence,
    pub title: Option<Found<String>>,
    /// The title's block: the body is every other block.
    pub title_block: Option<usize>,
    pub when: Option<Found<When>>,
    /// The place: a "Место:" line, or a venue in the date's sentence.
    pub place: Option<Found<String>>,
    pub contacts: Vec<Found<Contact>>,
    /// Phones and e-mails seen without a name beside them (listed for the writer).
    pub loose: Vec<String>,
    pub organizers: Vec<Found<String>>,
    /// Organizations the text names that the registry lacks.
    pub suggested: Vec<Suggestion>,
    pub topics: Vec<Found<String>>,
}

/// Lines that head a release without being its title.
const LABELS: [&str; 12] = [
    "пресс-релиз",
    "пресс релиз",
    "press release",
    "пресс-релиз для сми",
    "приглашение для сми",
    "анонс",
    "пресс-анонс",
    "медиа-анонс",
    "басма сөз релизи",
    "маалымат",
    "жмк үчүн чакыруу",
    "кулактандыруу",
];

/// Reads the facts of `blocks`; `lang` when the writer gave it.
pub fn read(
    blocks: &[Block],
    lang: Option<Lang>,
    organizations: Option<&Registry>,
    topics: Option<&Registry>,
) -> Facts {
    let body: String = blocks
        .iter()
        .map(Block::text)
        .collect::<Vec<_>>()
        .join("\n");
    let (detected, evidence) = i18n::detect(&body);
    let lang = lang.or(detected);
    let orgs = organizations.map_or_else(Vec::new, |r| registered(r, &body, lang));
    let title_block = title_block(blocks, organizations);
    let title = title_block.map(|i| {
        let line = blocks[i].text();
        Found {
            value: title(&headline(&line), &body),
            from: line.to_string(),
        }
    });
    let dated = find_when(blocks, title_block);
    let place = blocks
        .iter()
        .find_map(|b| place::from_label(&b.text()).map(|p| (p, b.text().into_owned())))
        .or_else(|| {
            let (i, _) = dated.as_ref()?;
            let text = blocks[*i].text();
            place::from_sentence(&text).map(|p| (p, text.into_owned()))
        })
        .map(|(value, from)| Found { value, from });
    let when = dated.map(|(_, w)| w);
    let (contacts, loose) = contacts(blocks);
    let suggested = lang.map_or_else(Vec::new, |l| {
        let place = place.as_ref().map(|p| p.value.as_str());
        suggest::organizations(&body, l, organizations, place)
    });
    Facts {
        lang,
        evidence,
        title,
        title_block,
        when,
        place,
        contacts,
        loose,
        organizers: orgs,
        suggested,
        topics: topics.map_or_else(Vec::new, |r| registered(r, &body, lang)),
    }
}

/// The event's date (the title's own block looked at last: a date there is the event's only
/// when no other is given), and its time from the rest of its sentence or the next paragraph
/// when the date has none ("2025-жылдын 3-декабрында … Иш-чара саат 10:00дөн 13:00гө чейин").
fn find_when(blocks: &[Block], title_block: Option<usize>) -> Option<(usize, Found<When>)> {
    let order = (0..blocks.len())
        .filter(|i| Some(*i) != title_block)
        .chain(title_block);
    let (i, (at, mut w)) = order
        .into_iter()
        .find_map(|i| when::find(&blocks[i].text()).map(|f| (i, f)))?;
    let mut from = w.written.clone();
    if w.time.is_none() {
        let text = blocks[i].text();
        let rest = text.get(at + w.written.len()..).unwrap_or("").to_string();
        let next = blocks
            .get(i + 1)
            .filter(|_| Some(i + 1) != title_block)
            .map(|b| b.text().into_owned())
            .filter(|t| when::find(t).is_none())
            .unwrap_or_default();
        if let Some((time, end, words)) = when::find_time(&rest).or_else(|| when::find_time(&next))
        {
            w.time = Some(time);
            if w.end_date.is_none() {
                w.end_time = end;
            }
            from = format!("{from} … {words}");
        }
    }
    Some((i, Found { value: w, from }))
}

/// The first heading, else the first line, that is not a label ("ПРЕСС-РЕЛИЗ"), a date line,
/// an organization's name alone, a table or a picture.
fn title_block(blocks: &[Block], organizations: Option<&Registry>) -> Option<usize> {
    let could_be = |b: &Block| {
        let text = b.text();
        let t = text.as_ref();
        let plain = normalize_name(&t.replace(['–', '—'], "-").replace(" - ", "-"));
        let date_only = when::find(t).is_some_and(|(_, w)| w.written.len() + 8 >= t.len());
        let an_organization = organizations.is_some_and(|r| r.find(Lang::Ru, t).is_some());
        !matches!(b, Block::Image { .. } | Block::Table(_))
            && !LABELS.contains(&plain.as_str())
            && !date_only
            && !an_organization
    };
    blocks
        .iter()
        .position(|b| matches!(b, Block::Heading(..)) && could_be(b))
        .or_else(|| blocks.iter().position(could_be))
}

/// A paragraph standing as the title when the text has none: its first sentence, without a
/// date that opens it ("1 сентября 2022 года стартовал проект…" -> "Стартовал проект…").
fn headline(line: &str) -> String {
    if line.chars().count() <= 120 {
        return line.to_string();
    }
    let sentence = line.split_once(". ").map_or(line, |(first, _)| first);
    let rest = match when::find(sentence) {
        Some((0, w)) => sentence[w.written.len()..].trim_start(),
        _ => sentence,
    };
    capitalized(rest)
}

/// A title as written, tidied: capitals to sentence case (a word the text writes with a
/// capital inside a sentence, a name, keeps it: "ФОРУМ ЛИДЕРОВ ОША" -> "Форум лидеров Оша"),
/// a lone closing » given its «, and a spaced hyphen made a dash.
pub fn title(line: &str, text: &str) -> String {
    let letters: Vec<char> = line.chars().filter(|c| c.is_alphabetic()).collect();
    let capitals = letters.len() > 3 && letters.iter().all(|c| c.is_uppercase());
    let mut t = if capitals {
        let names = names_in(text);
        let lower = line.to_lowercase();
        let words: Vec<String> = lower
            .split(' ')
            .enumerate()
            .map(|(i, w)| {
                // First, a name, or first inside quotes: «Лица Таласа».
                if i == 0 || w.starts_with('«') || names.iter().any(|n| same_word(n, w)) {
                    w.strip_prefix('«')
                        .map_or_else(|| capitalized(w), |q| format!("«{}", capitalized(q)))
                } else {
                    w.to_string()
                }
            })
            .collect();
        words.join(" ")
    } else {
        line.to_string()
    };
    t = t.replace(" - ", " — ");
    if t.matches('»').count() > t.matches('«').count() {
        t.insert(0, '«');
    }
    t.trim().to_string()
}

/// Words `text` writes with a capital inside a sentence (not first, not after a quote or a
/// dash), lowercased: names of people and places.
fn names_in(text: &str) -> Vec<String> {
    let mut names = Vec::new();
    let mut prev = '.';
    let mut word = String::new();
    for c in text.chars().chain(std::iter::once(' ')) {
        if c.is_alphabetic() {
            word.push(c);
            continue;
        }
        if let Some(first) = word.chars().next()
            && first.is_uppercase()
            && word.chars().skip(1).all(char::is_lowercase)
            && !matches!(
                prev,
                '.' | '!' | '?' | '\n' | '«' | '"' | '“' | '(' | '—' | '–' | ':'
            )
            && word.chars().count() >= 3
        {
            names.push(word.to_lowercase());
        }
        if !word.is_empty() {
            prev = ' ';
        }
        word.clear();
        if !c.is_whitespace() || c == '\n' {
            prev = c;
        }
    }
    names
}

/// The same word in another case form: equal but for the last letter ("оша", "оше").
fn same_word(a: &str, b: &str) -> bool {
    let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
    let n = a.len().min(b.len());
    n >= 3 && a.len().abs_diff(b.len()) <= 1 && a[..n - 1] == b[..n - 1]
}

/// Entries of `registry` named in `text` (by any of their names, short names or aliases, as
/// whole words), in the order the registry lists them, each in the release's language.
fn registered(registry: &Registry, text: &str, lang: Option<Lang>) -> Vec<Found<String>> {
    let haystack = format!(" {} ", words(text));
    let mut found = Vec::new();
    for entry in &registry.entries {
        let names: Vec<&String> = entry
            .names
            .values()
            .chain(entry.short.values())
            .chain(entry.aliases.iter())
            .collect();
        // A name's «quoted» part of two words or more also names it: «Ачык коомчулуктар –
        // ачык ЖМК» in "Европа Биримдигинин «Ачык коомчулуктар – ачык ЖМК» долбоору".
        let quoted = names.iter().filter_map(|n| {
            let inner = n.split_once('«')?.1.rsplit_once('»')?.0;
            (inner.split_whitespace().count() >= 2).then_some(inner)
        });
        let hit = names
            .iter()
            .map(|n| n.as_str())
            .chain(quoted)
            .map(words)
            .filter(|n| !n.is_empty())
            .find(|n| haystack.contains(&format!(" {n} ")));
        if let Some(hit) = hit {
            let name = lang.map_or_else(|| entry.key.clone(), |l| entry.name(l).to_string());
            found.push(Found {
                value: name,
                from: hit,
            });
        }
    }
    found
}

/// Lowercase words joined by single spaces: quotes and punctuation left out, ё as е.
pub(super) fn words(text: &str) -> String {
    normalize_name(text)
        .split(|c: char| !(c.is_alphanumeric() || c == '-'))
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// Fixed patterns (None only if one were mistyped, which the tests below would show).
static PHONE: LazyLock<Option<Regex>> = LazyLock::new(|| {
    Regex::new(r"(?:\+|\b00)\s*996[\s\-()]*\d(?:[\s\-()]*\d){8}|\b0[\s\-()]*\d(?:[\s\-()]*\d){8}\b")
        .ok()
});

static EMAIL: LazyLock<Option<Regex>> =
    LazyLock::new(|| Regex::new(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}").ok());

/// A capitalised word: two in a row are a person's name ("Улан Уметов", "Опобекова Бермет").
static WORD: LazyLock<Option<Regex>> = LazyLock::new(|| Regex::new(r"\b\p{Lu}\p{Ll}+\b").ok());

/// Where the first person's name in `line` is: two capitalised words with only spaces
/// between, neither of them a word that starts a contact line ("Координатор Бакыт Асанов").
fn person(line: &str) -> Option<std::ops::Range<usize>> {
    let words: Vec<regex::Match> = WORD
        .iter()
        .flat_map(|re| re.find_iter(line))
        .filter(|m| !NOT_NAMES.contains(&m.as_str()))
        .collect();
    words.windows(2).find_map(|pair| {
        let between = &line[pair[0].end()..pair[1].start()];
        (!between.is_empty() && between.chars().all(char::is_whitespace))
            .then(|| pair[0].start()..pair[1].end())
    })
}

/// Words that label a contact line: what stands before the name is then no role.
const LABEL_WORDS: [&str; 9] = [
    "контакты",
    "контакт",
    "телефон",
    "тел",
    "факс",
    "байланыш",
    "e-mail",
    "email",
    "справки",
];

/// Words that start a contact line without being a name.
const NOT_NAMES: [&str; 8] = [
    "Контакты",
    "Телефон",
    "Тел",
    "Факс",
    "Координатор",
    "Байланыш",
    "Дополнительную",
    "Электронная",
];

/// Contacts: a line with a phone or an e-mail and a person's name; the role is what comes
/// before the name and a dash ("Координатор проекта – Опобекова Бермет").
fn contacts(blocks: &[Block]) -> (Vec<Found<Contact>>, Vec<String>) {
    let mut found = Vec::new();
    let mut loose = Vec::new();
    for b in blocks {
        let text = b.text();
        let line = text.as_ref();
        let phone = PHONE.as_ref().and_then(|re| re.find(line)).and_then(|m| {
            match phone::read(m.as_str(), phonenumber::country::Id::KG) {
                Reading::Valid { tel, .. } => Some(tel),
                _ => None,
            }
        });
        let email = EMAIL
            .as_ref()
            .and_then(|re| re.find(line))
            .map(|m| m.as_str().to_string());
        if phone.is_none() && email.is_none() {
            continue;
        }
        let name = person(line);
        let Some(name) = name else {
            loose.extend(phone.into_iter().chain(email));
            continue;
        };
        let before = line[..name.start].trim_end();
        let role = before
            .strip_suffix(['–', '—', '-', ':'])
            .map(str::trim)
            .filter(|r| !r.is_empty() && r.split_whitespace().count() <= 5)
            // "Контакты: Улан Уметов" names no role.
            .filter(|r| {
                let first = r.split_whitespace().next().unwrap_or("");
                !LABEL_WORDS.contains(&first.trim_end_matches([':', '.']).to_lowercase().as_str())
            })
            .map(str::to_string);
        found.push(Found {
            value: Contact {
                name: line[name].to_string(),
                role,
                phone,
                email,
            },
            from: line.to_string(),
        });
    }
    (found, loose)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn titles_are_tidied() {
        assert_eq!(
            title(
                "УЧАСТИЕ ОБЩЕСТВЕННОСТИ В МОНИТОРИНГЕ ПРОГРАММ",
                "«Мониторинг» начат."
            ),
            "Участие общественности в мониторинге программ"
        );
        assert_eq!(
            title(
                "Коомдук кеңештерге 10 жыл - жарандык катышуунун бири» конференциясы",
                ""
            ),
            "«Коомдук кеңештерге 10 жыл — жарандык катышуунун бири» конференциясы"
        );
        assert_eq!(title("Форум «Жаштар»", ""), "Форум «Жаштар»");
        assert_eq!(title("ВЫСТАВКА «ЛИЦА»", ""), "Выставка «Лица»");
        assert_eq!(
            title(
                "ФОРУМ МОЛОДЫХ ЛИДЕРОВ ОША",
                "Форум пройдёт в Оше. Программа готова."
            ),
            "Форум молодых лидеров Оша"
        );
    }

    #[test]
    fn contacts_need_a_name_and_phones_are_e164() {
        let blocks = vec![
            Block::Para(
                "Контакты для прессы телефон: +996771286605 Улан Уметов ulanumetov01@gmail.com"
                    .into(),
            ),
            Block::Para(
                "Координатор проекта – Опобекова Бермет, 0 312 91 10 10 или info@platforma.kg"
                    .into(),
            ),
            Block::Para("Телефон: +996 312 26 10 00".into()),
            Block::Para("Звоните: 0555-12-34-56 (WhatsApp)".into()),
        ];
        let (found, loose) = contacts(&blocks);
        let got: Vec<&Contact> = found.iter().map(|f| &f.value).collect();
        assert_eq!(
            got,
            [
                &Contact {
                    name: "Улан Уметов".into(),
                    role: None,
                    phone: Some("+996771286605".into()),
                    email: Some("ulanumetov01@gmail.com".into()),
                },
                &Contact {
                    name: "Опобекова Бермет".into(),
                    role: Some("Координатор проекта".into()),
                    phone: Some("+996312911010".into()),
                    email: Some("info@platforma.kg".into()),
                },
            ]
        );
        assert_eq!(loose, ["+996312261000", "+996555123456"]);
    }

    #[test]
    fn the_title_skips_labels_dates_and_starts_at_a_heading() {
        let b = |t: &str| Block::Para(t.into());
        let blocks = [
            b("ПРЕСС – РЕЛИЗ"),
            b("1 сентября 2022 года"),
            b("Стартовал проект"),
        ];
        assert_eq!(title_block(&blocks, None), Some(2));
        let blocks = [b("Вступление"), Block::Heading(1, "Форум".into())];
        assert_eq!(title_block(&blocks, None), Some(1));
    }
}
