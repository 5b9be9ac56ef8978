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
        body: crate::content::Body::default(),
        body_line: 1,
        links: vec![],
        release_links: vec![],
        bundle: None,
        translations: vec![],
        related: vec![],
    }
}

/// The errors of building `releases` (as `built`), each as the writer reads it; none when the
/// site builds.
fn errors(releases: Vec<RawRelease>) -> Vec<String> {
    match build(
        config(),
        releases,
        &Registries::default(),
        date(2025, 6, 1),
        false,
    ) {
        Ok(_) => Vec::new(),
        Err(errs) => errs.iter().map(ToString::to_string).collect(),
    }
}

fn sp<T>(value: T) -> Option<Spanned<T>> {
    Some(Spanned { value, line: 2 })
}

/// The site of `releases` on 2025-06-01 with no registries; panics on errors.
fn built(releases: Vec<RawRelease>) -> Site {
    build(
        config(),
        releases,
        &Registries::default(),
        date(2025, 6, 1),
        false,
    )
    .unwrap()
    .0
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
    let site = built(vec![r]);
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
    assert_eq!(errors(vec![top]), Vec::<String>::new());
}

#[test]
fn an_end_time_is_not_a_second_error_when_the_date_is_wrong() {
    // `date: 21 декабря 2026` with `end: "18:00"`: only `date` is the writer's mistake.
    for date_value in ["21 декабря 2026, 10:00", "2026-02-30"] {
        let mut a = raw("content/ru/a.md", "ru", date_value, &[]);
        a.end = sp("18:00".to_string());
        let all = errors(vec![a]);
        assert_eq!(all.len(), 1, "{all:?}");
        assert!(all[0].contains("`date`"), "{all:?}");
    }
    // An end that is itself wrong is still reported beside a wrong date.
    let mut b = raw("content/ru/b.md", "ru", "2026-02-30", &[]);
    b.end = sp("18 часов".to_string());
    assert_eq!(errors(vec![b]).len(), 2);
}

#[test]
fn a_time_in_end_needs_a_time_in_date() {
    // `date: 2026-12-21` with `end: "17:00"` (or another day at 17:00): when the event starts
    // is unknown; calendars would start it at midnight while the page shows the day only.
    for end in ["17:00", "2026-12-22 17:00", "2026-12-22T17:00:00+06:00"] {
        let mut a = raw("content/ru/a.md", "ru", "2026-12-21", &[]);
        a.end = sp(end.to_string());
        let all = errors(vec![a]);
        assert_eq!(all.len(), 1, "{end}: {all:?}");
        assert!(all[0].contains("`end`"), "{all:?}");
        assert!(all[0].contains("date: 2026-12-21 10:00"), "{all:?}");
    }
    // A day in `end`, or times in both, are what writers mean.
    for (start, end) in [("2026-12-21", "2026-12-22"), ("2026-12-21 10:00", "17:00")] {
        let mut a = raw("content/ru/a.md", "ru", start, &[]);
        a.end = sp(end.to_string());
        let all = errors(vec![a]);
        assert!(all.is_empty(), "{start} / {end}: {all:?}");
    }
}

#[test]
fn an_end_before_the_start_quotes_both_as_a_writer_types_them() {
    // Not `2026-12-21T10:00`: the writer looks for what the message quotes in the file.
    let mut a = raw("content/ru/a.md", "ru", "2026-12-21 10:00", &[]);
    a.end = sp("2026-12-21 09:30".to_string());
    let all = errors(vec![a]);
    assert_eq!(all.len(), 1, "{all:?}");
    assert!(
        all[0].contains("ends (2026-12-21 09:30) before it starts (2026-12-21 10:00)"),
        "{all:?}"
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

#[test]
fn slugs_windows_keeps_for_devices_are_refused_where_they_are_written() {
    let mut a = raw("content/ru/a.md", "ru", "2025-01-01", &[]);
    a.slug = sp("CON".to_string());
    let b = raw("content/ru/lpt1.md", "ru", "2025-01-02", &[]);
    let fine = ["console", "com10", "nullable", "aux-2025"]
        .map(|s| raw(&format!("content/ru/{s}.md"), "ru", "2025-01-03", &[]));
    let mut all = vec![a, b];
    all.extend(fine);
    let errs = build(
        config(),
        all,
        &Registries::default(),
        date(2025, 6, 1),
        false,
    )
    .unwrap_err();
    let text: Vec<String> = errs.iter().map(ToString::to_string).collect();
    assert_eq!(text.len(), 2, "{text:#?}");
    assert!(
        text[0].contains("content/ru/a.md:2:") && text[0].contains("`con`"),
        "{}",
        text[0]
    );
    assert!(
        text[1].contains("content/ru/lpt1.md:1:") && text[1].contains("`lpt1`"),
        "{}",
        text[1]
    );
}

#[test]
fn a_topic_spelled_as_a_windows_device_name_gets_a_page_named_by_its_hash() {
    let r = raw("content/ru/a.md", "ru", "2025-01-01", &["Con", "Консоль"]);
    let site = built(vec![r]);
    let slugs: Vec<&str> = site.releases[0].topics.iter().map(|t| &*t.slug).collect();
    assert!(slugs.contains(&"konsol"), "{slugs:?}");
    assert!(
        slugs.iter().all(|s| !crate::i18n::windows_device_name(s))
            && slugs.iter().any(|s| s.starts_with('u')),
        "{slugs:?}"
    );
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
        let edited = relate::edited(&again, &old);
        if what == "date changed" {
            assert_eq!(edited, None);
        } else {
            let before: Vec<_> = (edited.unwrap_or_default().into_iter())
                .map(|i| (i, relate::Terms::of(&old[i])))
                .collect();
            let n = relate::affected(&again, &before).len();
            assert!(n > before.len() && n < old.len(), "{what}: {n}");
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

/// Registries with the topics of `yaml` (a `topics.yaml`).
fn topics(yaml: &str) -> Registries {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(dir.path().join("content")).unwrap();
    std::fs::write(dir.path().join("content/topics.yaml"), yaml).unwrap();
    let (registries, problems) = registry::load(dir.path(), &[Lang::Ru, Lang::Ky]);
    assert!(problems.is_empty(), "{problems:?}");
    registries
}

/// Topics and organizers put in the model in place (`serve`) give the model that assembling
/// every release again gives: releases, lists, term pages and their names, related releases
/// and the warnings about unregistered names; and the releases said changed are all that did.
#[test]
fn putting_terms_in_place_equals_assembling_again() {
    const TOPICS: [&str; 5] = ["Гендер", "Экология", "экология", "Образование", "Право"];
    type Edit<'a> = &'a dyn Fn(usize, &mut RawRelease);
    let registries = topics("gender:\n  ru: Гендер\n  ky: Гендер\nlaw:\n  ru: Право\n  ky: Укук\n");
    let today = date(2025, 6, 1);
    let checked_of = |edit: Edit| -> Vec<Checked> {
        let raws = (0..40)
            .map(|i| {
                let lang = if i % 3 == 0 { "ky" } else { "ru" };
                let day = format!("2025-{:02}-{:02}", 1 + i % 12, 1 + (i * 7) % 28);
                let mut topics = vec![TOPICS[i % 5], TOPICS[(i / 5) % 5]];
                if i == 8 {
                    topics.push("Редкая тема");
                }
                let mut r = raw(&format!("content/{lang}/r{i}.md"), lang, &day, &topics);
                r.organizers = sp(vec![format!("ОФ «Фонд {}»", i % 7)]);
                edit(i, &mut r);
                r
            })
            .collect();
        check(&config(), raws, today)
    };
    let assembled = |checked: Vec<Checked>| {
        assemble(config(), checked, &registries, today, false, None).unwrap()
    };
    let topics = |v: &[&str]| sp(v.iter().map(|t| t.to_string()).collect::<Vec<_>>());
    let edits: [(&str, &[usize], Edit); 7] = [
        ("a new topic", &[10], &|i, r| {
            if i == 10 {
                r.topics = topics(&["Гендер", "Новая тема"]);
            }
        }),
        ("the last use of a topic gone", &[8], &|i, r| {
            if i == 8 {
                r.topics = topics(&["Гендер"]);
            }
        }),
        ("another organizer", &[7], &|i, r| {
            if i == 7 {
                r.organizers = sp(vec!["ОФ «Фонд 3»".into()]);
            }
        }),
        ("registered names as one name with commas", &[4], &|i, r| {
            if i == 4 {
                r.topics = topics(&["Гендер, Право"]);
            }
        }),
        ("topics dropped, text changed", &[5], &|i, r| {
            if i == 5 {
                r.topics = topics(&[]);
                r.title = sp("Другой заголовок".into());
            }
        }),
        (
            "the other spelling used most",
            &[1, 11, 16, 21, 26, 31, 36],
            &|i, r| {
                if i % 5 == 1 && i != 6 {
                    r.topics = topics(&["экология", TOPICS[(i / 5) % 5]]);
                }
            },
        ),
        ("several releases", &[2, 13, 30], &|i, r| {
            if [2, 13, 30].contains(&i) {
                r.topics = topics(&["Право", "Медиа"]);
            }
        }),
    ];
    let base_checked = checked_of(&|_, _| {});
    let (base, base_warnings) = assembled(base_checked.clone());
    let name_of = |s: &Site, slug: &str| -> Vec<String> {
        (s.languages.iter().flat_map(|l| &l.topics))
            .filter(|t| t.slug == slug)
            .map(|t| t.name.clone())
            .collect()
    };
    // Puts the releases `edited` of `new_checked` in place, checks the model against
    // assembling again, and returns it.
    let run = |what: &str, edited: &[usize], new_checked: Vec<Checked>| -> Site {
        let (mut site, _) = assembled(base_checked.clone());
        let at: Vec<(usize, usize)> = (edited.iter())
            .map(|&k| {
                assert!(terms_and_text(&base_checked[k], &new_checked[k]), "{what}");
                assert!(!text_only(&base_checked[k], &new_checked[k]), "{what}");
                let source = new_checked[k].source();
                let i = site
                    .releases
                    .iter()
                    .position(|r| Some(&*r.source) == source);
                (i.unwrap(), k)
            })
            .collect();
        let patched = put_terms(&mut site, &new_checked, &registries, &at).unwrap();
        let (expected, warnings) = assembled(new_checked);
        assert!(site.releases == expected.releases, "{what}: releases");
        let lists = |s: &Site| format!("{:?}", s.languages);
        assert_eq!(lists(&site), lists(&expected), "{what}: lists");
        let mut kept: Vec<_> = base_warnings.clone();
        kept.retain(|w| !is_unmatched_warning(w));
        kept.extend(patched.unmatched);
        assert_eq!(kept, warnings, "{what}: warnings");
        assert!(warnings.iter().any(is_unmatched_warning), "{what}");
        // Said changed: every release that changed, and else only edited ones.
        let changed: Vec<usize> = patched.changed.iter().map(|c| c.0).collect();
        for (i, (a, b)) in base.releases.iter().zip(&site.releases).enumerate() {
            let edited = at.iter().any(|&(e, _)| e == i);
            assert_eq!(a != b || edited, changed.contains(&i), "{what}: {i}");
        }
        for (i, before) in &patched.changed {
            let b = &base.releases[*i];
            assert_eq!(before, &[b.topics.clone(), b.organizers.clone()], "{what}");
        }
        assert_eq!(lists(&base), format!("{:?}", patched.old_languages));
        site
    };
    for (what, edited, edit) in edits {
        let site = run(what, edited, checked_of(edit));
        if what == "the other spelling used most" {
            assert_ne!(name_of(&base, "ekologiya"), name_of(&site, "ekologiya"));
        }
    }
    // And random edits: one to three releases given other topics (spellings of one page,
    // registered names with commas, a new name) and another organizer.
    const POOL: [&str; 8] = [
        "Гендер",
        "Экология",
        "экология",
        "ЭКОЛОГИЯ",
        "Образование",
        "Право",
        "Гендер, Право",
        "Новая тема",
    ];
    let mut seed = 11u64;
    let mut next = |n: usize| {
        seed = seed
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (seed >> 33) as usize % n
    };
    let mut tried = 0;
    for round in 0..60 {
        let picks: Vec<(usize, Vec<String>, String)> = (0..1 + next(3))
            .map(|_| {
                let n = next(4);
                let topics: Vec<String> = (0..n).map(|_| POOL[next(POOL.len())].into()).collect();
                (next(40), topics, format!("ОФ «Фонд {}»", next(9)))
            })
            .collect();
        let edit = |i: usize, r: &mut RawRelease| {
            for (k, topics, organizer) in &picks {
                if *k == i {
                    r.topics = sp(topics.clone());
                    r.organizers = sp(vec![organizer.clone()]);
                }
            }
        };
        let new_checked = checked_of(&edit);
        let mut edited: Vec<usize> = (picks.iter().map(|p| p.0))
            .filter(|&k| !text_only(&base_checked[k], &new_checked[k]))
            .collect();
        edited.sort_unstable();
        edited.dedup();
        if !edited.is_empty() {
            run(&format!("round {round}: {picks:?}"), &edited, new_checked);
            tried += 1;
        }
    }
    assert!(tried > 40, "{tried}");
}

/// A list written as one name with commas that are not all registered names is an error of
/// the whole model: putting it in place refuses it and leaves the model as it was.
#[test]
fn putting_refused_names_in_place_leaves_the_model() {
    let today = date(2025, 6, 1);
    let raws = |topic: &str| {
        let mut r = raw("content/ru/a.md", "ru", "2025-05-01", &[topic]);
        r.organizers = sp(vec!["ОФ «Фонд»".into()]);
        check(&config(), vec![r], today)
    };
    let registries = topics("law:\n  ru: Право\n");
    let (mut site, _) = assemble(config(), raws("Право"), &registries, today, false, None).unwrap();
    let before = site.releases.clone();
    let edited = raws("Право, Неизвестная тема");
    assert!(assemble(config(), edited.clone(), &registries, today, false, None).is_err());
    assert!(put_terms(&mut site, &edited, &registries, &[(0, 0)]).is_none());
    assert!(site.releases == before);
}

/// Checked releases naming the same organizer share one copy of its name (the index later
/// shares its names too, but by then every release's copies were held at once).
#[test]
fn names_kept_once_as_releases_are_checked() {
    let first = check_one(
        &config(),
        raw("content/ru/a.md", "ru", "2025-06-27", &[]),
        date(2025, 1, 1),
    );
    let second = check_one(
        &config(),
        raw("content/ru/b.md", "ru", "2025-06-28", &[]),
        date(2025, 1, 1),
    );
    let name = |c: &Checked| {
        c.release
            .as_ref()
            .map(|(r, _)| std::sync::Arc::clone(&r.organizers[0].name))
    };
    let (Some(a), Some(b)) = (name(&first), name(&second)) else {
        panic!("not checked: {:?} {:?}", first.diags, second.diags);
    };
    assert_eq!(&*a, "ОФ «Гражданская платформа»");
    assert!(std::sync::Arc::ptr_eq(&a, &b));
}

/// A checked release keeps no room to grow in what the model holds for the whole build: its
/// lists and texts are exactly as long as what they hold.
#[test]
fn checked_releases_hold_no_spare_room() {
    let mut r = raw(
        "content/ru/a.md",
        "ru",
        "2025-06-27",
        &["Право", "Экология", "Выборы"],
    );
    let contact = |name: &str, phone: &str| crate::content::RawContact {
        name: Some(name.into()),
        email: Some("a@ngo.kg, b@ngo.kg".into()),
        phone: Some(phone.into()),
        line: 9,
        ..Default::default()
    };
    r.contacts = Some(crate::content::Spanned {
        value: vec![
            contact("Айгуль", "0555 12 34 56"),
            contact("Бакыт", "0312 91 10 10, 0555 12 34 57"),
        ],
        line: 8,
    });
    r.links = crate::markdown::scan("[a](https://a.kg/x) [b](https://b.kg/)").links;
    let checked = check_one(&config(), r, date(2025, 1, 1));
    let Some((r, _)) = checked.release else {
        panic!("not checked: {:?}", checked.diags);
    };
    assert_eq!((r.contacts.len(), r.links.len(), r.topics.len()), (2, 2, 3));
    assert_eq!(r.contacts.capacity(), 2);
    assert_eq!(r.topics.capacity(), 3);
    assert_eq!(r.organizers.capacity(), r.organizers.len());
    assert_eq!(r.links.capacity(), 2);
    assert_eq!(r.title.capacity(), r.title.len());
    assert_eq!(r.summary.capacity(), r.summary.len());
    for c in &r.contacts {
        assert_eq!(c.emails.capacity(), 2, "{c:?}");
        assert_eq!(c.phones.capacity(), c.phones.len(), "{c:?}");
        assert!(
            c.phones
                .iter()
                .all(|p| p.display.capacity() == p.display.len())
        );
    }
    assert_eq!(r.contacts[1].phones.len(), 2);
}

/// `jarya new`'s examples left in place are errors, except in a draft (the hint's way to keep
/// an unfilled file unpublished).
#[test]
fn examples_left_by_new_are_errors_unless_the_release_is_a_draft() {
    let example = |draft: bool| {
        let mut r = raw("content/ru/a.md", "ru", "2025-06-27", &[]);
        let body = crate::content::EXAMPLE_PARAGRAPHS[0].join("\n\n");
        r.examples = crate::markdown::scan(&body).examples;
        r.organizers = sp(vec![crate::content::EXAMPLE_ORGANIZERS[0].to_string()]);
        r.draft = draft.then_some(crate::content::Spanned {
            value: true,
            line: 3,
        });
        let checked = check_one(&config(), r, date(2025, 1, 1));
        let keys: Vec<&str> = checked.diags.iter().map(|d| d.message.key).collect();
        keys
    };
    assert_eq!(example(false), ["organizers-example", "body-example"]);
    assert_eq!(example(true), Vec::<&str>::new());
}
