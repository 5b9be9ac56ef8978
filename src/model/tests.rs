//! Unit tests of the model: built from in-memory raw releases (`testing`).
use super::*;
use crate::content::Spanned;
use jiff::civil::date;

fn config() -> Config {
    crate::config::parse(
        "base_url: https://x.kg/\nlanguages:\n  ru: {title: Т}\n  ky: {title: Т}\n",
        None,
    )
    .unwrap()
}

/// A release with every field empty, for tests of one rule.
pub(crate) fn blank_release() -> Release {
    Release {
        lang: Lang::Ru,
        slug: "x".into(),
        slug_line: None,
        title: "T".into(),
        start: date(2025, 1, 1).at(0, 0, 0, 0),
        start_timed: false,
        end: None,
        organizers: vec![],
        topics: vec![],
        contacts: vec![],
        location: None,
        summary: String::new(),
        image: None,
        image_alt: None,
        image_line: 1,
        published: date(2025, 1, 1).at(0, 0, 0, 0),
        draft: false,
        upcoming: false,
        source: "content/ru/x.md".into(),
        abs_source: "/site/content/ru/x.md".into(),
        body: crate::content::Body::default(),
        body_line: 1,
        links: vec![],
        release_links: vec![],
        bundle: None,
        translations: vec![],
        related: vec![],
    }
}

fn sp<T>(value: T) -> Option<Spanned<T>> {
    Some(Spanned { value, line: 2 })
}

fn raw(path: &str, lang: &str, date: &str, topics: &[&str]) -> RawRelease {
    let stem = std::path::Path::new(path)
        .file_stem()
        .unwrap()
        .to_string_lossy()
        .into_owned();
    RawRelease {
        path: path.into(),
        abs_path: path.into(),
        stem,
        folder: Some(lang.to_string()),
        title: sp(format!("Title {path}")),
        date: sp(date.to_string()),
        lang: sp(lang.to_string()),
        organizers: sp(vec!["ОФ «Гражданская платформа»".to_string()]),
        topics: sp(topics.iter().map(|s| s.to_string()).collect()),
        front_matter_end_line: 9,
        ..RawRelease::default()
    }
}

#[test]
fn a_ru_ky_pair_links_by_stem_and_indexes_topics() {
    let raws = vec![
        raw(
            "content/ky/forum.md",
            "ky",
            "2025-06-27",
            &["Гендердик теңчилик"],
        ),
        raw(
            "content/ru/forum.md",
            "ru",
            "2025-06-27 10:00",
            &["Гендерное равенство", "гендерное  равенство"],
        ),
        raw(
            "content/ru/old.md",
            "ru",
            "2021-10-12",
            &["Гендерное равенство"],
        ),
    ];
    let (site, warnings) = build(
        config(),
        raws,
        &Registries::default(),
        date(2025, 1, 1),
        false,
    )
    .unwrap();
    assert!(warnings.is_empty());
    let ru_forum = site
        .releases
        .iter()
        .position(|r| r.lang == Lang::Ru && r.slug == "forum")
        .unwrap();
    let ky_forum = site
        .releases
        .iter()
        .position(|r| r.lang == Lang::Ky && r.slug == "forum")
        .unwrap();
    assert_eq!(site.releases[ru_forum].translations, vec![ky_forum]);
    assert_eq!(site.releases[ky_forum].translations, vec![ru_forum]);
    let old = site.releases.iter().position(|r| r.slug == "old").unwrap();
    assert!(site.releases[old].translations.is_empty());

    let ru = site.index(Lang::Ru).unwrap();
    assert_eq!(ru.topics.len(), 1, "{:?}", ru.topics);
    assert_eq!(ru.topics[0].slug, "gendernoye-ravenstvo");
    assert_eq!(ru.topics[0].releases, vec![ru_forum, old]);
    assert_eq!(site.releases[ru_forum].topics.len(), 1);
    let ky = site.index(Lang::Ky).unwrap();
    assert_eq!(ky.topics[0].slug, "genderdik-tengchilik");
    assert_eq!(ky.organizers[0].slug, "of-grajdanskaya-platforma");
}

#[test]
fn upcoming_first_soonest_then_past_newest() {
    let raws = vec![
        raw("content/ru/a.md", "ru", "2020-01-01", &[]),
        raw("content/ru/b.md", "ru", "2030-01-01", &[]),
        raw("content/ru/c.md", "ru", "2026-01-01", &[]),
        raw("content/ru/d.md", "ru", "2024-01-01", &[]),
    ];
    let (site, _) = build(
        config(),
        raws,
        &Registries::default(),
        date(2025, 6, 1),
        false,
    )
    .unwrap();
    let slugs: Vec<_> = site
        .index(Lang::Ru)
        .unwrap()
        .releases
        .iter()
        .map(|&i| site.releases[i].slug.as_str())
        .collect();
    assert_eq!(slugs, ["c", "b", "d", "a"]);
}

#[test]
fn ongoing_events_count_as_upcoming() {
    let mut r = raw("content/ru/a.md", "ru", "2025-05-30", &[]);
    r.end = sp("2025-06-02".to_string());
    let (site, _) = build(
        config(),
        vec![r],
        &Registries::default(),
        date(2025, 6, 1),
        false,
    )
    .unwrap();
    assert!(site.releases[0].upcoming);
}

#[test]
fn drafts_are_left_out_unless_asked() {
    let mut r = raw("content/ru/a.md", "ru", "2025-05-30", &[]);
    r.draft = sp(true);
    let (site, _) = build(
        config(),
        vec![r.clone()],
        &Registries::default(),
        date(2025, 6, 1),
        false,
    )
    .unwrap();
    assert!(site.releases.is_empty());
    let (site, _) = build(
        config(),
        vec![r],
        &Registries::default(),
        date(2025, 6, 1),
        true,
    )
    .unwrap();
    assert_eq!(site.releases.len(), 1);
}

#[test]
fn errors_are_all_collected() {
    let mut a = raw("content/ru/a.md", "ru", "2025-13-01", &[]);
    a.title = None;
    let mut b = raw("content/ky/b.md", "ru", "2025-06-02", &[]);
    b.folder = Some("ky".to_string());
    b.end = sp("2025-06-01".to_string());
    let c = raw("content/ru/b.md", "ru", "2025-01-01", &[]);
    let errs = build(
        config(),
        vec![a, b, c],
        &Registries::default(),
        date(2025, 6, 1),
        false,
    )
    .unwrap_err();
    let text: Vec<String> = errs.iter().map(|d| d.to_string()).collect();
    let all = text.join("\n");
    assert!(
        all.contains("content/ru/a.md:9: error: `title`: the required field `title` is missing"),
        "{all}"
    );
    assert!(
        all.contains("content/ru/a.md:2: error: `date`: \"2025-13-01\" is not a real date"),
        "{all}"
    );
    assert!(
        all.contains("content/ky/b.md:2: error: `lang`: the file is in the `ky` folder"),
        "{all}"
    );
    assert!(all.contains("content/ky/b.md:2: error: `end`: the event ends (2025-06-01) before it starts (2025-06-02)"), "{all}");
    assert_eq!(errs.len(), 4, "{all}");
    // A release in content/ru/ may say lang: ru; one at the top of content/ may say anything.
    let mut top = raw("content/x.md", "ky", "2025-06-02", &[]);
    top.folder = None;
    assert!(
        build(
            config(),
            vec![top],
            &Registries::default(),
            date(2025, 6, 1),
            false
        )
        .is_ok()
    );
}

#[test]
fn duplicate_slugs_name_both_files() {
    let a = raw("content/ru/a.md", "ru", "2025-01-01", &[]);
    let mut b = raw("content/ru/b.md", "ru", "2025-01-01", &[]);
    b.slug = sp("A".to_string());
    let errs = build(
        config(),
        vec![a, b],
        &Registries::default(),
        date(2025, 6, 1),
        false,
    )
    .unwrap_err();
    assert_eq!(errs.len(), 1);
    assert!(
        errs[0].to_string().contains("content/ru/b.md:2:"),
        "{}",
        errs[0]
    );
    assert!(errs[0].to_string().contains("content/ru/a.md"));
}
