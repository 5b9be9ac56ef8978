//! In-memory sites for the unit tests of later stages (no file system).

use super::*;
use crate::content::Spanned;

/// A ru/ky site at https://x.kg/.
pub fn config() -> Config {
    crate::config::parse(
        "base_url: https://x.kg/\nlanguages:\n  ru: {title: Сайт}\n  ky: {title: Сайт}\n",
        None,
    )
    .unwrap()
}

/// A release `content/<lang>/<stem>.md` with `body`, as the load stage would read it.
pub fn raw(lang: &str, stem: &str, date: &str, body: &str) -> RawRelease {
    let sp = |value: String| Some(Spanned { value, line: 2 });
    let scan = crate::markdown::scan(body);
    let path = PathBuf::from(format!("content/{lang}/{stem}.md"));
    RawRelease {
        abs_path: Path::new("/nowhere/site").join(&path),
        path,
        stem: stem.to_string(),
        folder: Some(lang.to_string()),
        title: sp(format!("Заголовок {stem}")),
        date: sp(date.to_string()),
        lang: sp(lang.to_string()),
        organizers: Some(Spanned {
            value: vec!["ОФ «Тест»".to_string()],
            line: 5,
        }),
        front_matter_end_line: 6,
        body: crate::content::Body::Text(body.to_string()),
        body_line: 7,
        first_paragraph: scan.first_paragraph,
        links: scan.links,
        ..RawRelease::default()
    }
}

/// The site of `raws`, built for 2025-06-01; panics on errors.
pub fn site(raws: Vec<RawRelease>) -> Site {
    let today = jiff::civil::date(2025, 6, 1);
    build(config(), raws, &Registries::default(), today, false)
        .map(|(site, _)| site)
        .unwrap()
}
