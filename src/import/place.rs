//! `jarya import`, the place: a "Место: …" line, or a venue in the sentence of the event's date
//! ("в конференц-зале отеля «Шератон»", "«Хаятт Ридженси Бишкек» мейманканасында"), named as a
//! heading names it ("Конференц-зал отеля «Шератон»", "«Хаятт Ридженси Бишкек» мейманканасы").
//! Only these forms are read: a place guessed wrong would be published.

use crate::i18n::capitalized;
use regex::Regex;
use std::sync::LazyLock;

/// Russian venue words after "в": as written (prepositional) -> as a name (nominative).
const RU_VENUES: [(&str, &str); 20] = [
    ("конференц-зале", "конференц-зал"),
    ("пресс-центре", "пресс-центр"),
    ("гостинице", "гостиница"),
    ("отеле", "отель"),
    ("зале", "зал"),
    ("здании", "здание"),
    ("офисе", "офис"),
    ("парке", "парк"),
    ("драмтеатре", "драмтеатр"),
    ("театре", "театр"),
    ("доме", "дом"),
    ("музее", "музей"),
    ("библиотеке", "библиотека"),
    ("университете", "университет"),
    ("министерстве", "министерство"),
    ("мэрии", "мэрия"),
    ("филармонии", "филармония"),
    ("ресторане", "ресторан"),
    ("кафе", "кафе"),
    ("агентстве", "агентство"),
];

/// Kyrgyz venue words in the locative after a «name» -> the possessive a name uses.
const KY_VENUES: [(&str, &str); 8] = [
    ("мейманканасында", "мейманканасы"),
    ("залында", "залы"),
    ("имаратында", "имараты"),
    ("борборунда", "борбору"),
    ("театрында", "театры"),
    ("паркында", "паркы"),
    ("китепканасында", "китепканасы"),
    ("университетинде", "университети"),
];

/// Words that end a Russian venue's name: the verb of the sentence, or what follows it.
const RU_STOPS: [&str; 12] = [
    "пройдёт",
    "пройдет",
    "состоится",
    "состоялось",
    "состоялся",
    "откроется",
    "начнётся",
    "проведёт",
    "проведет",
    "прошло",
    "прошла",
    "будет",
];

/// Fixed patterns (None only if one were mistyped, which the tests below would show).
static LABEL: LazyLock<Option<Regex>> = LazyLock::new(|| {
    Regex::new(
        r"(?i)^\s*(?:место(?:\s+проведения)?|адрес|өтүүчү\s+жер|дареги)\s*[:–—-]\s*(.+?)\.?\s*$",
    )
    .ok()
});

static KY: LazyLock<Option<Regex>> =
    LazyLock::new(|| Regex::new(r"(«[^»]{2,80}»)\s+(\p{L}+)").ok());

/// The place a line gives after "Место:" / "Өтүүчү жер:".
pub fn from_label(line: &str) -> Option<String> {
    let c = LABEL.as_ref()?.captures(line)?;
    Some(c.get(1)?.as_str().trim().to_string()).filter(|p| !p.is_empty())
}

/// The venue a sentence names, as a name.
pub fn from_sentence(text: &str) -> Option<String> {
    ky_venue(text).or_else(|| ru_venue(text))
}

fn ky_venue(text: &str) -> Option<String> {
    KY.as_ref()?.captures_iter(text).find_map(|c| {
        let word = c.get(2)?.as_str().to_lowercase();
        let (_, name) = KY_VENUES.iter().find(|(at, _)| *at == word)?;
        Some(format!("{} {name}", c.get(1)?.as_str()))
    })
}

/// "в <venue word> <words>": up to a closing », a comma or full stop, the sentence's verb or
/// six words.
fn ru_venue(text: &str) -> Option<String> {
    let words: Vec<&str> = text.split_whitespace().collect();
    let at = words.windows(2).position(|w| {
        matches!(w[0].to_lowercase().as_str(), "в" | "во")
            && RU_VENUES.iter().any(|(v, _)| w[1].to_lowercase() == *v)
    })?;
    let first = words[at + 1].to_lowercase();
    let (_, noun) = RU_VENUES.iter().find(|(v, _)| *v == first)?;
    let mut name = vec![capitalized(noun)];
    for w in words.iter().skip(at + 2).take(6) {
        if RU_STOPS.contains(&w.to_lowercase().as_str()) {
            break;
        }
        let clean = w.trim_end_matches([',', '.', ';', ':']);
        name.push(clean.to_string());
        if clean.ends_with('»') || clean.len() < w.len() {
            break;
        }
    }
    Some(name.join(" "))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn venues_named_as_headings_name_them() {
        let ru = |t: &str| from_sentence(t);
        assert_eq!(
            ru("12-13 октября 2021 года в конференц-зале отеля «Шератон» состоялось заседание"),
            Some("Конференц-зал отеля «Шератон»".into())
        );
        assert_eq!(
            ru("27 июня 2025 года в Министерстве юстиции Кыргызской Республики пройдёт встреча"),
            Some("Министерство юстиции Кыргызской Республики".into())
        );
        assert_eq!(
            ru("3 декабря 2025 года в 10:00 в гостинице «Ак Кеме» ОФ «Гражданская платформа»"),
            Some("Гостиница «Ак Кеме»".into())
        );
        assert_eq!(
            ru("Иш-чара 2021-жылдын 18-ноябрында «Хаятт Ридженси Бишкек» мейманканасында өттү."),
            Some("«Хаятт Ридженси Бишкек» мейманканасы".into())
        );
        assert_eq!(ru("Семинар пройдёт в Оше."), None);
        assert_eq!(ru("«Жаңы муун» тармагы уюштурат"), None);
    }

    #[test]
    fn label_lines_give_the_place_as_written() {
        assert_eq!(
            from_label("Место: г. Токмок, ул. Ленина 10."),
            Some("г. Токмок, ул. Ленина 10".into())
        );
        assert_eq!(
            from_label("Өтүүчү жер: Ош шаары, Ленин көчөсү 5"),
            Some("Ош шаары, Ленин көчөсү 5".into())
        );
        assert_eq!(from_label("Место для заметок"), None);
    }
}
