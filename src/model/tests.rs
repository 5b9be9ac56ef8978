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

/// After an edit of topics or organizers, relating again only the releases that can change
/// gives what relating every release gives; any other edit relates every release.
#[test]
fn relating_again_after_an_edit_equals_relating_from_scratch() {
    const TOPICS: [&str; 5] = ["Экология", "Гендер", "Образование", "Право", "Медиа"];
    type Edit<'a> = &'a dyn Fn(usize, &mut RawRelease);
    let raws = |edit: Edit| -> Vec<RawRelease> {
        (0..60)
            .map(|i| {
                let lang = if i % 3 == 0 { "ky" } else { "ru" };
                let day = format!("2025-{:02}-{:02}", 1 + i % 12, 1 + (i * 7) % 28);
                let topics = [TOPICS[i % 5], TOPICS[(i / 5) % 5]];
                let mut r = raw(&format!("content/{lang}/r{i}.md"), lang, &day, &topics);
                r.organizers = sp(vec![format!("ОФ «Фонд {}»", i % 7)]);
                edit(i, &mut r);
                r
            })
            .collect()
    };
    let site_of = |edit: Edit| {
        let today = date(2025, 6, 1);
        build(config(), raws(edit), &Registries::default(), today, false)
            .unwrap()
            .0
            .releases
    };
    let old = site_of(&|_, _| {});
    let edits: [(&str, Edit); 5] = [
        ("topic added", &|i, r| {
            if i == 10 {
                r.topics = sp(vec!["Гендер".into(), "Медиа".into(), "Новая".into()]);
            }
        }),
        ("topics dropped", &|i, r| {
            if i == 4 {
                r.topics = sp(vec![]);
            }
        }),
        ("organizer changed", &|i, r| {
            if i == 7 {
                r.organizers = sp(vec!["ОФ «Фонд 3»".into()]);
            }
        }),
        ("two releases", &|i, r| {
            if i == 1 || i == 30 {
                r.topics = sp(vec!["Право".into()]);
            }
        }),
        ("date changed", &|i, r| {
            if i == 2 {
                r.date = sp("2024-02-02".into());
            }
        }),
    ];
    for (what, edit) in edits {
        let expected = site_of(edit);
        let mut again = expected.clone();
        for r in &mut again {
            r.related = vec![usize::MAX];
        }
        let affected = relate::affected(&again, &old);
        if what == "date changed" {
            assert_eq!(affected, None);
        } else {
            let n = affected.map(|a| a.len());
            assert!(n.is_some_and(|n| n > 0 && n < old.len()), "{what}: {n:?}");
        }
        relate::relate_again(&mut again, &old);
        for (a, e) in again.iter().zip(&expected) {
            assert_eq!(a.related, e.related, "{what}: {}", e.source.display());
        }
        assert!(expected.iter().any(|r| !r.related.is_empty()), "{what}");
    }
}

/// Permuting in place gives what gathering `items[order[k]]` into a new list gives.
#[test]
fn permuting_in_place_equals_gathering() {
    let mut seed = 7u64;
    for n in [0usize, 1, 2, 3, 10, 97] {
        for _ in 0..20 {
            // A random permutation (Fisher-Yates with a small LCG).
            let mut order: Vec<usize> = (0..n).collect();
            for i in (1..n).rev() {
                seed = seed
                    .wrapping_mul(6364136223846793005)
                    .wrapping_add(1442695040888963407);
                order.swap(i, (seed >> 33) as usize % (i + 1));
            }
            let items: Vec<String> = (0..n).map(|i| format!("r{i}")).collect();
            let gathered: Vec<String> = order.iter().map(|&i| items[i].clone()).collect();
            let mut permuted = items.clone();
            super::permute(&mut permuted, &order);
            assert_eq!(permuted, gathered, "{order:?}");
        }
    }
}
