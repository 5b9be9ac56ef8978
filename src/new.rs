//! `jarya new`: starts a release file with every field filled in or shown commented, with a
//! short hint in the release's language.

use crate::config;
use crate::content::{EXAMPLE_ORGANIZERS, EXAMPLE_PARAGRAPHS};
use crate::error::{Error, Result};
use crate::i18n::{self, Lang};
use crate::msg;
use crate::urls::{self, Urls};
use jiff::civil::Date;
use std::path::{Path, PathBuf};

/// What `new` created.
#[derive(Debug, Clone)]
pub struct Created {
    /// The new file, relative to the site folder.
    pub path: PathBuf,
    /// The address the release will have.
    pub url: String,
    /// For a bundle: the folder where photos and files go.
    pub bundle: Option<PathBuf>,
    /// The release's language, and whether it was told from the title's words.
    pub lang: Lang,
    pub detected: bool,
}

/// `2025-06-27` or `27.06.2025`, for `--date`.
pub fn parse_date(text: &str) -> Option<Date> {
    let w = crate::model::parse_when(text, &jiff::tz::TimeZone::UTC).ok()?;
    (!w.timed).then(|| w.start.date())
}

/// Creates `content/<lang>/<slug>.md` (or `<slug>/index.md` for a bundle). Refuses to overwrite.
pub fn create(
    site: &Path,
    title: &str,
    lang: Option<Lang>,
    date: Option<Date>,
    bundle: bool,
) -> Result<Created> {
    let config = config::load(site, None).map_err(|diags| {
        let first = diags.into_iter().next().map(|d| d.message);
        Error::Usage(msg!(
            "new-settings-broken",
            first = first.unwrap_or_else(|| msg!("settings-missing"))
        ))
    })?;
    let detected = lang.is_none();
    let lang = lang.unwrap_or_else(|| {
        i18n::detect(title)
            .0
            .filter(|l| config.language(*l).is_some())
            .unwrap_or(config.default_language)
    });
    if config.language(lang).is_none() {
        return Err(Error::Usage(msg!(
            "new-no-such-language",
            code = lang.code()
        )));
    }
    let title = title.split_whitespace().collect::<Vec<_>>().join(" ");
    let slug = i18n::slugify(lang, &title);
    if slug.is_empty() {
        return Err(Error::Usage(msg!("slug-empty", found = &title)));
    }
    let dir = Path::new("content").join(lang.code());
    let file = dir.join(format!("{slug}.md"));
    let bundle_dir = dir.join(&slug);
    let bundle_file = bundle_dir.join("index.md");
    for existing in [&file, &bundle_file] {
        if site.join(existing).exists() {
            return Err(Error::Usage(msg!("new-exists", path = existing)));
        }
    }
    let date = match date {
        Some(d) => d,
        None => config.timezone.to_datetime(crate::now()?).date(),
    };
    let path = if bundle { bundle_file } else { file };
    let abs = site.join(&path);
    if let Some(parent) = abs.parent() {
        std::fs::create_dir_all(parent).map_err(|e| Error::io(parent, e))?;
    }
    let text = template(lang, &title, date, &slug);
    // `create_new`: never overwrite, even if the file appeared since the check above.
    let mut f = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(&abs)
        .map_err(|e| Error::io(&abs, e))?;
    std::io::Write::write_all(&mut f, text.as_bytes()).map_err(|e| Error::io(&abs, e))?;
    Ok(Created {
        path,
        url: Urls::new(&config).absolute(&urls::release(lang, &slug)),
        bundle: bundle.then_some(bundle_dir),
        lang,
        detected,
    })
}

/// The new file's text: the fields with hints in the release's language.
///
/// Longer than most functions: it is the file as a writer sees it, one line per field.
pub fn template(lang: Lang, title: &str, date: Date, slug: &str) -> String {
    let h = match lang {
        Lang::Ru => Hints {
            title: "Заголовок пресс-релиза",
            date: "Дата начала: ГГГГ-ММ-ДД, можно со временем: 2025-06-27 10:00",
            end: "Последний день (и время) многодневного мероприятия, если есть",
            organizers: "Организаторы: по одному на строке",
            organizer: EXAMPLE_ORGANIZERS[0],
            topics: "Темы: по одной на строке, например [Гендерное равенство, Права человека]",
            location: "Место (необязательно): одной строкой или по частям",
            venue: "Отель «Шератон», конференц-зал",
            address: "ул. Киевская 96",
            city: "Бишкек",
            contacts: "Контакты для прессы: имя и хотя бы один способ связи",
            contact_name: "Имя Фамилия",
            role: "Координатор проекта",
            summary: "Одна-две фразы для списков и соцсетей (по умолчанию — первый абзац)",
            translation: "Одинаковый ключ у перевода на кыргызский связывает две версии",
            image: "Картинка: путь в папке static/ или полный адрес",
            draft: "Черновик: уберите # перед строкой ниже, чтобы релиз не публиковался",
            body: EXAMPLE_PARAGRAPHS[0],
        },
        Lang::Ky => Hints {
            title: "Пресс-релиздин аталышы",
            date: "Башталыш күнү: ЖЖЖЖ-АА-КК, убактысы менен да болот: 2025-06-27 10:00",
            end: "Бир нече күндүк иш-чаранын акыркы күнү (жана убактысы), болсо",
            organizers: "Уюштуруучулар: ар бири өз сабында",
            organizer: EXAMPLE_ORGANIZERS[1],
            topics: "Темалар: ар бири өз сабында, мисалы [Гендердик теңчилик, Адам укуктары]",
            location: "Дареги (милдеттүү эмес): бир сап менен же бөлүктөргө бөлүп",
            venue: "«Шератон» мейманканасы, конференц-зал",
            address: "Киев көч. 96",
            city: "Бишкек",
            contacts: "Басма сөз үчүн байланыш: аты жана жок дегенде бир байланыш жолу",
            contact_name: "Аты Жөнү",
            role: "Долбоордун координатору",
            summary: "Тизмелер жана социалдык тармактар үчүн бир-эки сүйлөм (демейки боюнча — биринчи абзац)",
            translation: "Орусча котормосунда да ушул эле ачкыч болсо, эки версия байланышат",
            image: "Сүрөт: static/ папкасындагы жолу же толук дареги",
            draft: "Долбоор: төмөнкү саптагы # белгисин өчүрсөңүз, релиз жарыяланбайт",
            body: EXAMPLE_PARAGRAPHS[1],
        },
    };
    format!(
        "---\n\
         # {t}\n\
         title: {title}\n\
         # {d}\n\
         date: {date}\n\
         # {e}\n\
         # end: {date}\n\
         lang: {lang}\n\
         # {o}\n\
         organizers:\n  - {org}\n\
         # {tp}\n\
         topics: []\n\
         # {l}\n\
         # location:\n#   name: {venue}\n#   address: {address}\n#   city: {city}\n\
         # {c}\n\
         # contacts:\n#   - name: {cn}\n#     role: {role}\n#     phone: 0 312 00 00 00\n#     email: info@example.kg\n\
         # {s}\n\
         # summary: \n\
         # {tr}\n\
         # translation_key: {slug}\n\
         # {i}\n\
         # image: img/{slug}.jpg\n\
         # {dr}\n\
         # draft: true\n\
         ---\n\
         {p1}\n\n{p2}\n",
        t = h.title,
        title = crate::content::quoted(title),
        d = h.date,
        e = h.end,
        o = h.organizers,
        org = h.organizer,
        tp = h.topics,
        l = h.location,
        venue = h.venue,
        address = h.address,
        city = h.city,
        c = h.contacts,
        cn = h.contact_name,
        role = h.role,
        s = h.summary,
        tr = h.translation,
        i = h.image,
        dr = h.draft,
        p1 = h.body[0],
        p2 = h.body[1],
    )
}

struct Hints {
    title: &'static str,
    date: &'static str,
    end: &'static str,
    organizers: &'static str,
    organizer: &'static str,
    topics: &'static str,
    location: &'static str,
    venue: &'static str,
    address: &'static str,
    city: &'static str,
    contacts: &'static str,
    contact_name: &'static str,
    role: &'static str,
    summary: &'static str,
    translation: &'static str,
    image: &'static str,
    draft: &'static str,
    body: [&'static str; 2],
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content;

    #[test]
    fn the_template_is_valid_front_matter_in_both_languages() {
        for lang in Lang::ALL {
            let text = template(
                lang,
                "Форум: \"итоги\" \\ 2025",
                jiff::civil::date(2025, 6, 27),
                "forum",
            );
            let split = content::split_front_matter(&text).unwrap();
            let tree = content::parse_yaml_tree(split.front).unwrap();
            let content::Yaml::Map(fields) = tree else {
                panic!("not a mapping")
            };
            let get = |k: &str| fields.iter().find(|(n, _)| n == k).map(|(_, v)| v.clone());
            assert_eq!(
                get("title").unwrap().as_text().unwrap(),
                "Форум: \"итоги\" \\ 2025"
            );
            assert_eq!(get("date").unwrap().as_text().unwrap(), "2025-06-27");
            assert_eq!(get("lang").unwrap().as_text().unwrap(), lang.code());
        }
    }
}
