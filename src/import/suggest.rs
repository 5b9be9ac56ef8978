//! `jarya import`, new organizations: a name the text gives an organization ("ОФ «Лица
//! Таласа»", "«Агартуу» коомдук фонду") that the registry does not know becomes a suggested
//! entry for `content/organizations.yaml`, printed for the writer, never a silent new
//! organizer (`check` would refuse it, and a misread name would be published).

use super::facts::words;
use crate::i18n::{self, Lang};
use crate::registry::Registry;
use regex::Regex;
use std::fmt::Write as _;
use std::sync::LazyLock;

/// An organization named in the text and missing from the registry.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Suggestion {
    /// The key it would get (`litsa-talasa`).
    pub key: String,
    /// Its name in the release's language, the kind in its dictionary form ("Общественный
    /// фонд «Лица Таласа»", "«Агартуу» коомдук фонду").
    pub name: String,
    /// The words it was read from.
    pub from: String,
}

/// At most this many suggestions from one text.
const MOST: usize = 5;

/// A «name», one level of inner quotes allowed: «Фонд «Сорос-Кыргызстан»».
const QUOTED: &str = r"«[^«»\n]{2,120}?(?:«[^«»\n]{1,80}»[^«»\n]{0,40}?)?»";

/// Russian: the kind of organization, then its «name».
static RU: LazyLock<Option<Regex>> = LazyLock::new(|| {
    let kinds = r"(?i:общественн\w+\s+(?:фонд|объединени|организаци)\w*|фонд\w*|ассоциаци\w*|центр\w*|институт\w*|агентств\w*|альянс\w*|коалици\w*|сет(?:ь|и|ью)|движени\w*|союз\w*|клуб\w*)|ОФ|ОО|ОсОО|ОЮЛ|ЧФ";
    Regex::new(&format!(r"(?:^|[^\w-])({kinds})\s+({QUOTED})")).ok()
});

/// Kyrgyz: the «name», then the kind of organization.
static KY: LazyLock<Option<Regex>> = LazyLock::new(|| {
    let kinds = r"(?i:коомдук\s+(?:фонд|бирикме)\w*|фонд\w*|ассоциация\w*|борбор\w*|уюм\w*|тарма[кг]\w*|альянс\w*|бирикме\w*|институт\w*|агентти[кг]\w*)|КФ|КБ";
    Regex::new(&format!(r"({QUOTED})\s+({kinds})(?:$|[^\w-])")).ok()
});

/// The dictionary form of a kind as the text inflects it ("Общественного фонда" ->
/// "Общественный фонд", "коомдук фондунун" -> "коомдук фонду").
fn kind_named(kind: &str, lang: Lang) -> String {
    let k = kind.to_lowercase();
    let k = k.split_whitespace().collect::<Vec<_>>().join(" ");
    let table: &[(&str, &str)] = match lang {
        Lang::Ru => &[
            ("общественн", ""),
            ("фонд", "Фонд"),
            ("ассоциаци", "Ассоциация"),
            ("центр", "Центр"),
            ("институт", "Институт"),
            ("агентств", "Агентство"),
            ("альянс", "Альянс"),
            ("коалици", "Коалиция"),
            ("сет", "Сеть"),
            ("движени", "Движение"),
            ("союз", "Союз"),
            ("клуб", "Клуб"),
        ],
        Lang::Ky => &[
            ("коомдук фонд", "коомдук фонду"),
            ("коомдук бирикме", "коомдук бирикмеси"),
            ("фонд", "фонду"),
            ("ассоциация", "ассоциациясы"),
            ("борбор", "борбору"),
            ("уюм", "уюму"),
            ("тарма", "тармагы"),
            ("альянс", "альянсы"),
            ("бирикме", "бирикмеси"),
            ("институт", "институту"),
            ("агентти", "агенттиги"),
        ],
    };
    if lang == Lang::Ru && k.starts_with("общественн") {
        return if k.contains("фонд") {
            "Общественный фонд"
        } else if k.contains("объединени") {
            "Общественное объединение"
        } else {
            "Общественная организация"
        }
        .to_string();
    }
    table
        .iter()
        .find(|(stem, _)| !stem.is_empty() && k.starts_with(stem))
        .map_or_else(|| kind.to_string(), |(_, name)| (*name).to_string())
}

/// Organizations `text` names that `registry` lacks, in the order the text names them; `place`
/// (the venue found) is never one.
pub fn organizations(
    text: &str,
    lang: Lang,
    registry: Option<&Registry>,
    place: Option<&str>,
) -> Vec<Suggestion> {
    let known = registry.map_or_else(Vec::new, known_names);
    let place = place.map(words).unwrap_or_default();
    let re = match lang {
        Lang::Ru => RU.as_ref(),
        Lang::Ky => KY.as_ref(),
    };
    let mut found: Vec<Suggestion> = Vec::new();
    for line in text.lines() {
        for c in re.into_iter().flat_map(|re| re.captures_iter(line)) {
            let (kind, quoted) = match lang {
                Lang::Ru => (&c[1], &c[2]),
                Lang::Ky => (&c[2], &c[1]),
            };
            let inner = words(quoted);
            let padded = |s: &str| format!(" {s} ");
            let is_known = known.iter().any(|k| padded(k).contains(&padded(&inner)))
                || registry.is_some_and(|r| r.find(lang, quoted).is_some());
            let key = i18n::slugify(lang, quoted);
            if inner.is_empty()
                || is_known
                || (!place.is_empty() && padded(&place).contains(&padded(&inner)))
                || found.iter().any(|s| s.key == key)
            {
                continue;
            }
            let kind = kind_named(kind, lang);
            let name = match lang {
                Lang::Ru => format!("{kind} {quoted}"),
                Lang::Ky => format!("{quoted} {kind}"),
            };
            found.push(Suggestion {
                key,
                name,
                from: c[0].trim().to_string(),
            });
            if found.len() == MOST {
                return found;
            }
        }
    }
    found
}

/// Every name, short name and alias of the registry, as [`words`].
fn known_names(registry: &Registry) -> Vec<String> {
    registry
        .entries
        .iter()
        .flat_map(|e| {
            e.names
                .values()
                .chain(e.short.values())
                .chain(e.aliases.iter())
        })
        .map(|n| words(n))
        .filter(|n| !n.is_empty())
        .collect()
}

/// The entries to add to the registry, as YAML; `other` is the comment asking for the name in
/// the other language.
pub fn yaml(suggestions: &[Suggestion], lang: Lang, other: &str) -> String {
    let other_lang = match lang {
        Lang::Ru => Lang::Ky,
        Lang::Ky => Lang::Ru,
    };
    let mut y = String::new();
    for s in suggestions {
        let name = super::quoted(&s.name);
        let _ = writeln!(y, "{}:", s.key);
        let _ = writeln!(y, "  {}: {name}", lang.code());
        let _ = writeln!(y, "  # {}: {other}", other_lang.code());
    }
    y
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(text: &str, lang: Lang) -> Vec<(String, String)> {
        organizations(text, lang, None, None)
            .into_iter()
            .map(|s| (s.key, s.name))
            .collect()
    }

    #[test]
    fn russian_kinds_are_put_in_their_dictionary_form() {
        let text = "При поддержке Общественного фонда «Лица Таласа» и ОО «Арча».\n\
                    Партнёры: Ассоциации «Жаштар», фонд «Сорос-Кыргызстан».";
        assert_eq!(
            names(text, Lang::Ru),
            [
                (
                    "litsa-talasa".into(),
                    "Общественный фонд «Лица Таласа»".into()
                ),
                ("archa".into(), "ОО «Арча»".into()),
                ("zhashtar".into(), "Ассоциация «Жаштар»".into()),
                ("soros-kyrgyzstan".into(), "Фонд «Сорос-Кыргызстан»".into()),
            ]
        );
    }

    #[test]
    fn kyrgyz_kinds_follow_the_name() {
        let text = "«Агартуу» коомдук фондунун колдоосу менен, «Жаш муун» КБ жана \
                    «Ыйман» борборунда.";
        assert_eq!(
            names(text, Lang::Ky),
            [
                ("agartuu".into(), "«Агартуу» коомдук фонду".into()),
                ("jash-muun".into(), "«Жаш муун» КБ".into()),
                ("yyman".into(), "«Ыйман» борбору".into()),
            ]
        );
    }

    #[test]
    fn events_places_and_repeats_are_not_organizations() {
        let text = "Форум «Жаштар» пройдёт в центре «Ала-Тоо». Фонд «Арча», фонд «Арча».";
        let found = organizations(text, Lang::Ru, None, Some("центр «Ала-Тоо»"));
        let got: Vec<&str> = found.iter().map(|s| s.name.as_str()).collect();
        assert_eq!(got, ["Фонд «Арча»"]);
    }

    #[test]
    fn the_yaml_is_an_entry_per_organization() {
        let s = Suggestion {
            key: "archa".into(),
            name: "ОО «Арча»".into(),
            from: String::new(),
        };
        assert_eq!(
            yaml(&[s], Lang::Ru, "name"),
            "archa:\n  ru: \"ОО «Арча»\"\n  # ky: name\n"
        );
    }
}
