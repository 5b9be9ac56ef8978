//! Registries: one topic or organization in both languages, however it is written; switchers, archives, related releases.

use super::*;

// ---------------------------------------------------------------------------------------------
// Registries: one topic or organization in both languages, however it is written.
// ---------------------------------------------------------------------------------------------

/// A site with both registries, a logo and releases naming the entries every way.
fn registry_site() -> tempfile::TempDir {
    let site = site_with(&[
        ("topics.yaml", TOPICS_YAML),
        ("organizations.yaml", ORGS_YAML),
        (
            "ru/a.md",
            &release_by(
                "А",
                "2025-01-10",
                "ru",
                "[Гендерное равенство]",
                "[ОФ «Гражданская платформа»]",
            ),
        ),
        (
            "ru/b.md",
            &release_by(
                "Б",
                "2025-01-11",
                "ru",
                "[гендер]",
                "['ОФ \"Гражданская  платформа\"']",
            ),
        ),
        (
            "ky/c.md",
            &release_by(
                "В",
                "2025-01-12",
                "ky",
                "[Гендердик теңчилик]",
                "[civic-platform]",
            ),
        ),
        (
            "ky/d.md",
            &release_by(
                "Г",
                "2025-01-13",
                "ky",
                "[РАВЕНСТВО ПОЛОВ]",
                "[„Гражданская платформа“]",
            ),
        ),
    ]);
    std::fs::create_dir_all(site.path().join("static/img")).unwrap();
    image::RgbaImage::from_pixel(800, 400, image::Rgba([20, 90, 160, 255]))
        .save_with_format(
            site.path().join("static/img/gp.png"),
            image::ImageFormat::Png,
        )
        .unwrap();
    site
}

#[test]
fn registry_names_match_by_key_name_alias_case_spaces_and_quotes() {
    let site = registry_site();
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("public");
    let o = jarya(&[
        "build",
        "--site",
        site.path().to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(!stderr(&o).contains("warning"), "{}", stderr(&o));

    assert_eq!(
        listed(&read(&out, "ru/topics/gender-equality/index.html"), "ru"),
        ["b", "a"]
    );
    assert_eq!(
        listed(&read(&out, "ky/topics/gender-equality/index.html"), "ky"),
        ["d", "c"]
    );
    assert_eq!(
        listed(&read(&out, "ru/organizers/civic-platform/index.html"), "ru"),
        ["b", "a"]
    );
    assert_eq!(
        listed(&read(&out, "ky/organizers/civic-platform/index.html"), "ky"),
        ["d", "c"]
    );
    // One page per entry: no page was made for a spelling.
    let topic_pages: Vec<_> = tree(&out)
        .into_keys()
        .filter(|k| k.contains("/topics/") && k.ends_with(".html"))
        .collect();
    assert_eq!(
        topic_pages,
        [
            "ky/topics/gender-equality/index.html",
            "ky/topics/index.html",
            "ru/topics/gender-equality/index.html",
            "ru/topics/index.html"
        ]
    );
    // Releases show the registry's name in their language, linked to the entry's page.
    let b = read(&out, "ru/b/index.html");
    assert!(
        b.contains("<a href=\"/ru/topics/gender-equality/\" data-pagefind-filter=\"topic[href]\">Гендерное равенство</a>"),
        "{b}"
    );
    assert!(
        b.contains("<a href=\"/ru/organizers/civic-platform/\" data-pagefind-filter=\"organizer[href]\">ОФ «Гражданская платформа»</a>"),
        "{b}"
    );
    let d = read(&out, "ky/d/index.html");
    assert!(
        d.contains("<a href=\"/ky/topics/gender-equality/\" data-pagefind-filter=\"topic[href]\">Гендердик теңчилик</a>"),
        "{d}"
    );
    assert!(
        d.contains("<a href=\"/ky/organizers/civic-platform/\" data-pagefind-filter=\"organizer[href]\">«Жарандык платформа» КФ</a>"),
        "{d}"
    );
    // The entry's pages point at each other.
    for (here, there, code) in [
        (
            "ru/topics/gender-equality/",
            "ky/topics/gender-equality/",
            "ky",
        ),
        (
            "ky/topics/gender-equality/",
            "ru/topics/gender-equality/",
            "ru",
        ),
        (
            "ru/organizers/civic-platform/",
            "ky/organizers/civic-platform/",
            "ky",
        ),
        (
            "ky/organizers/civic-platform/",
            "ru/organizers/civic-platform/",
            "ru",
        ),
    ] {
        let html = read(&out, &format!("{here}index.html"));
        assert!(
            html.contains(&format!(
                "<a href=\"/{there}\" hreflang=\"{code}\" lang=\"{code}\" rel=\"alternate\">"
            )),
            "{here}"
        );
        assert!(html.contains(&format!("<link rel=\"alternate\" hreflang=\"{code}\" href=\"https://test.example.kg/{there}\">")), "{here}");
    }
    // The organization page shows what the registry says, in the page's language; the logo,
    // 800 px wide, is shown from its 480 px WebP.
    let ru = read(&out, "ru/organizers/civic-platform/index.html");
    let logo = ru
        .split("<img class=\"logo\" src=\"/")
        .nth(1)
        .and_then(|rest| rest.split('"').next())
        .unwrap_or_else(|| panic!("no logo: {ru}"));
    assert!(
        logo.starts_with("_img/") && logo.ends_with("/480.webp"),
        "{logo}"
    );
    let webp = image::load_from_memory(&std::fs::read(out.join(logo)).unwrap()).unwrap();
    assert_eq!((webp.width(), webp.height()), (480, 240));
    assert!(
        out.join("img/gp.png").is_file(),
        "the original is published too"
    );
    for want in [
        "<h1>ОФ «Гражданская платформа»</h1>",
        "<strong>ГП</strong>",
        "<a href=\"https://platforma.kg\">https://platforma.kg</a>",
        "<p class=\"description\">О нас</p>",
        "<a href=\"tel:+996312911010\">+996 312 91 10 10</a>",
    ] {
        assert!(ru.contains(want), "ru organizer page lacks {want}");
    }
    let ky = read(&out, "ky/organizers/civic-platform/index.html");
    assert!(
        ky.contains("<h1>«Жарандык платформа» КФ</h1>")
            && ky.contains("<strong>ЖП</strong>")
            && ky.contains("Биз жөнүндө")
    );
    // Upcoming first on organization pages.
    assert!(read(&out, "ky/topics/gender-equality/index.html").contains("Бирдей укуктар"));
}

#[test]
fn unregistered_names_still_work_and_are_warned_about() {
    let site = site_with(&[
        ("topics.yaml", TOPICS_YAML),
        (
            "ru/a.md",
            &release_by(
                "А",
                "2025-01-10",
                "ru",
                "[Гендерное равенство женщин, Экология]",
                "[ОФ «Тест»]",
            ),
        ),
        (
            "ru/b.md",
            &release_by("Б", "2025-01-11", "ru", "[Экология]", "[ОФ «Тест»]"),
        ),
    ]);
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("public");
    let o = jarya(&[
        "build",
        "--site",
        site.path().to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let err = stderr(&o).replace('\\', "/");
    assert!(err.contains("warning: `topics`: the topic \"Гендерное равенство женщин\" is not in content/topics.yaml (used in content/ru/a.md)\n --> content/ru/a.md:5:9\n"), "{err}");
    assert!(err.contains("  = hint: did you mean \"Гендерное равенство\" (gender-equality)? Otherwise add it to content/topics.yaml\n"), "{err}");
    assert!(err.contains("warning: `topics`: the topic \"Экология\" is not in content/topics.yaml (used in content/ru/a.md, content/ru/b.md)\n --> content/ru/a.md:5:9\n"), "{err}");
    assert!(
        err.contains("  = hint: if it is a new topic, add it to content/topics.yaml\n"),
        "{err}"
    );
    // No organizations.yaml: organizer names are not warned about.
    assert!(!err.contains("organizer"), "{err}");
    // The unregistered topic has its page in its language only; its switcher says so.
    let eco = read(&out, "ru/topics/ekologiya/index.html");
    assert_eq!(listed(&eco, "ru"), ["b", "a"]);
    assert!(
        eco.contains("class=\"home-fallback\">Кыргызча <small>(котормосу жок — башкы бет)</small>")
    );
    assert!(!out.join("ky/topics/ekologiya").exists());
}

#[test]
fn a_topic_a_letter_off_a_registered_one_stops_the_build_at_each_use() {
    let slipped = |title: &str, topic: &str| {
        release_by(title, "2025-01-10", "ru", &format!("[{topic}]"), "[ОФ]")
    };
    let site = site_with(&[
        ("topics.yaml", TOPICS_YAML),
        ("ru/a.md", &slipped("А", "Гендерное равенсво")),
        ("ru/b.md", &slipped("Б", "гендерное равенсво")),
        // Typed on a Russian keyboard, without ң.
        (
            "ky/c.md",
            &release_by("В", "2025-01-10", "ky", "[Гендердик тенчилик]", "[ОФ]"),
        ),
    ]);
    let o = jarya_env(
        &["build", "--site", site.path().to_str().unwrap()],
        &[("JARYA_LANG", "ru")],
    );
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    let err = stderr(&o).replace('\\', "/");
    for (file, name) in [("a", "Гендерное равенсво"), ("b", "гендерное равенсво")]
    {
        assert!(err.contains(&format!("ошибка: `topics`: тема «{name}» почти совпадает с темой «Гендерное равенство» из content/topics.yaml: из-за опечатки появилась бы отдельная страница темы\n --> content/ru/{file}.md:5:9\n")), "{err}");
    }
    assert!(
        err.contains(
            "ошибка: `topics`: тема «Гендердик тенчилик» почти совпадает с темой «Гендердик теңчилик»"
        ),
        "{err}"
    );
    assert!(err.contains(" --> content/ky/c.md:5:9\n"), "{err}");
    assert_eq!(err.matches("ошибка:").count(), 3, "{err}");
    assert!(err.contains("= подсказка: напишите «Гендерное равенство»; если это другая тема, добавьте её в content/topics.yaml"), "{err}");
    assert!(!site.path().join("public").exists());
}

#[test]
fn every_registry_error_is_reported_with_file_and_line() {
    let site = fixture("broken-registry");
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("public");
    let o = build_to(&site, &out);
    assert_eq!(o.status.code(), Some(1));
    let got = stderr(&o).replace('\\', "/");
    if std::env::var_os("JARYA_BLESS").is_some() {
        std::fs::write(site.join("expected-errors.txt"), &got).unwrap();
    } else {
        let want = std::fs::read_to_string(site.join("expected-errors.txt")).unwrap();
        assert_same_text("broken-registry/expected-errors.txt", &got, &want);
    }
    for what in [
        "already used on line 1",
        "also names the entry",
        "unknown language \"kz\"",
        "static/img/no-such-logo.png does not exist",
        "copy Логотип фонда.png into static/img/ and write `logo: img/Логотип фонда.png`",
        "not usable in a web address",
        "did you mean `description`",
        "has no email, phone or url",
    ] {
        assert!(got.contains(what), "{what} not reported:\n{got}");
    }
    assert!(!out.exists());
}

#[test]
fn archives_list_years_and_months_in_both_languages() {
    let (_tmp, out) = build(&repo(), &[]);
    let ru = read(&out, "ru/archive/index.html");
    let years: Vec<&str> = ru
        .match_indices("<a href=\"/ru/archive/20")
        .map(|(i, _)| &ru[i + 21..i + 25])
        .collect();
    assert_eq!(years, ["2025", "2023", "2022", "2021"]);
    assert!(ru.contains(
        "<a href=\"/ru/archive/2021/\">2021</a> <span class=\"count\">2 мероприятия</span>"
    ));
    let y2021 = read(&out, "ru/archive/2021/index.html");
    let nov = y2021
        .find("<h2 id=\"m-2021-11\">Ноябрь 2021</h2>")
        .expect("November heading");
    let oct = y2021
        .find("<h2 id=\"m-2021-10\">Октябрь 2021</h2>")
        .expect("October heading");
    assert!(nov < oct);
    assert_eq!(
        listed(&y2021, "ru"),
        ["obshchestvennym-sovetam-10-let", "gendernoe-ravenstvo-2030"]
    );
    let ky2021 = read(&out, "ky/archive/2021/index.html");
    assert!(
        ky2021.contains("<h2 id=\"m-2021-11\">2021-ж., ноябрь</h2>"),
        "{ky2021}"
    );
    // The same year in the other language, or that language's home, marked, when it has none.
    assert!(
        y2021.contains(
            "<a href=\"/ky/archive/2021/\" hreflang=\"ky\" lang=\"ky\" rel=\"alternate\">"
        )
    );
    assert!(
        read(&out, "ru/archive/2022/index.html")
            .contains("<a href=\"/ky/\" hreflang=\"ky\" lang=\"ky\" class=\"home-fallback\">")
    );
    assert!(ru.contains("<a href=\"/ky/archive/\" hreflang=\"ky\" lang=\"ky\" rel=\"alternate\">"));
}

#[test]
fn every_page_has_a_language_switcher() {
    let (_tmp, out) = build(&repo(), &[]);
    let mut checked = 0;
    for (rel, bytes) in tree(&out) {
        if !rel.ends_with(".html") || rel == "index.html" || rel == "404.html" {
            continue;
        }
        let html = String::from_utf8(bytes).unwrap();
        let (here, other) = if rel.starts_with("ru/") {
            ("ru", "ky")
        } else {
            ("ky", "ru")
        };
        assert!(
            html.contains(&format!(
                "<span class=\"current\" lang=\"{here}\" aria-current=\"page\">"
            )),
            "{rel}"
        );
        let link = html
            .find(&format!("hreflang=\"{other}\" lang=\"{other}\""))
            .unwrap_or_else(|| panic!("{rel}: no link to {other}"));
        let tail = &html[link..html[link..].find("</a>").unwrap() + link];
        let head = &html[html[..link].rfind("<a href=\"").unwrap()..link];
        if tail.contains("home-fallback") {
            assert!(
                head.starts_with(&format!("<a href=\"/{other}/\"")),
                "{rel}: fallback must go home"
            );
            assert!(tail.contains("<small>"), "{rel}: fallback must be marked");
        } else {
            assert!(tail.contains("rel=\"alternate\""), "{rel}: {tail}");
        }
        checked += 1;
    }
    assert!(checked > 50, "{checked}");
    // Counterparts of every page kind.
    for (page, target) in [
        ("ru/index.html", "/ky/"),
        ("ru/topics/index.html", "/ky/topics/"),
        ("ru/organizers/index.html", "/ky/organizers/"),
        ("ru/organizers/feca/index.html", "/ky/organizers/feca/"),
        (
            "ky/topics/gender-equality/index.html",
            "/ru/topics/gender-equality/",
        ),
        ("ru/archive/index.html", "/ky/archive/"),
        (
            "ru/monitoring-yusticii/index.html",
            "/ky/monitoring-yusticii/",
        ),
    ] {
        let other = if target.starts_with("/ky") {
            "ky"
        } else {
            "ru"
        };
        assert!(
            read(&out, page).contains(&format!(
                "<a href=\"{target}\" hreflang=\"{other}\" lang=\"{other}\" rel=\"alternate\">"
            )),
            "{page} should lead to {target}"
        );
    }
}

#[test]
fn related_releases_share_topics_first_then_are_near_in_date() {
    let r = |t: &str, d: &str, topics: &str| release_by(t, d, "ru", topics, "[ОФ «Тест»]");
    let site = site_with(&[
        ("ru/x.md", &r("X", "2025-06-01", "[A, B]")),
        ("ru/two.md", &r("Two", "2020-01-01", "[A, B]")),
        ("ru/one.md", &r("One", "2024-01-01", "[B]")),
        ("ru/near.md", &r("Near", "2025-06-02", "[C]")),
        ("ru/near2.md", &r("Near2", "2025-05-20", "[]")),
        ("ru/far.md", &r("Far", "2010-01-01", "[C]")),
        ("ru/far2.md", &r("Far2", "2011-01-01", "[]")),
        (
            "ky/k.md",
            &release_by("K", "2025-06-01", "ky", "[A, B]", "[Тест]"),
        ),
    ]);
    let (_t, out) = build(site.path(), &[]);
    let html = read(&out, "ru/x/index.html");
    let related = &html[html.find("class=\"related\"").expect("related section")..];
    assert_eq!(
        listed(related, "ru"),
        ["two", "one", "near", "near2", "far2"]
    );
    assert!(!related.contains("/ky/"));
    // Compact cards: the day and the organizers, not the summary (the home list has it).
    assert!(
        related.contains("<time datetime=\"2020-01-01\">"),
        "{related}"
    );
    assert!(related.contains("ОФ «Тест»"), "{related}");
    assert!(!related.contains("class=\"summary\""), "{related}");
    let home = read(&out, "ru/index.html");
    assert!(home.contains("class=\"summary\""), "{home}");
}

/// `role: {ru: ..., ky: ...}` in organizations.yaml: each language's page shows its own.
#[test]
fn registry_contact_roles_are_per_language() {
    let (_tmp, out) = build(&repo(), &[]);
    let ru = read(&out, "ru/organizers/civic-platform/index.html");
    let ky = read(&out, "ky/organizers/civic-platform/index.html");
    assert!(ru.contains("Координатор проекта"), "{ru}");
    assert!(!ru.contains("Долбоордун координатору"));
    assert!(ky.contains("Долбоордун координатору"), "{ky}");
    assert!(!ky.contains("Координатор проекта"));
    let site = site_with(&[
        ("ru/a.md", &release("А", "2025-01-01", "ru", "")),
        (
            "organizations.yaml",
            "x:\n  ru: Икс\n  contacts:\n    - name: Бермет\n      role: {ru: Координатор, kz: Үйлестіруші}\n      phone: 0 312 91 10 10\n",
        ),
    ]);
    let o = jarya(&["check", "--site", site.path().to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        stderr(&o).contains("unknown language \"kz\""),
        "{}",
        stderr(&o)
    );
    assert!(
        stderr(&o).contains("content/organizations.yaml:5"),
        "{}",
        stderr(&o)
    );
}
