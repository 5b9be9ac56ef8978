//! Builds: the sample site (every page kind, golden files, the Nu checker) and smaller behaviours, each on a site made for it.

use super::*;

// ---------------------------------------------------------------------------------------------
// The sample site (the repo's own content/): every page kind, translations, dates, golden HTML.
// ---------------------------------------------------------------------------------------------

#[test]
fn sample_site_has_every_page_kind_in_both_languages() {
    let (_tmp, out) = build(&repo(), &[]);
    for rel in [
        "index.html",
        "404.html",
        "style.css",
        "ru/index.html",
        "ky/index.html",
        "ru/topics/index.html",
        "ky/topics/index.html",
        "ru/organizers/index.html",
        "ky/organizers/index.html",
        "ru/topics/gender-equality/index.html",
        "ky/topics/public-monitoring/index.html",
        "ru/organizers/feca/index.html",
        "ky/organizers/feca/index.html",
        "ru/archive/index.html",
        "ky/archive/2023/index.html",
        "ru/monitoring-yusticii/index.html",
        "ky/monitoring-yusticii/index.html",
        "ky/koomduk-kengeshterge-10-jyl/index.html",
        "ru/obshchestvennym-sovetam-10-let/index.html",
        "ru/monitoring-sotsialnoy-napryazhennosti/index.html",
    ] {
        assert!(out.join(rel).is_file(), "{rel} missing");
    }
    for (rel, lang) in [
        ("ru/index.html", "ru"),
        ("ky/index.html", "ky"),
        ("ky/topics/index.html", "ky"),
        ("ru/organizers/feca/index.html", "ru"),
        ("ky/monitoring-yusticii/index.html", "ky"),
    ] {
        assert!(
            read(&out, rel).contains(&format!("<html lang=\"{lang}\">")),
            "{rel}"
        );
    }
    // The entry page offers both languages, without JavaScript.
    let entry = read(&out, "index.html");
    assert!(entry.contains("href=\"/ru/\"") && entry.contains("href=\"/ky/\""));
    let all = tree(&out);
    for (rel, bytes) in &all {
        if rel.ends_with(".html") {
            let html = String::from_utf8_lossy(bytes);
            // No JavaScript: the only script element is the JSON-LD data of release pages,
            // and the search pages' own script.
            let search = usize::from(rel.ends_with("/search/index.html"));
            assert_eq!(
                html.matches("<script").count(),
                html.matches("<script type=\"application/ld+json\">")
                    .count()
                    + html
                        .matches("<script type=\"module\" src=\"/search.js\"></script>")
                        .count()
                        .min(search),
                "{rel} has a script"
            );
            assert!(html.starts_with("<!DOCTYPE html>"), "{rel}");
        }
    }
}

#[test]
fn translations_link_to_each_other() {
    let (_tmp, out) = build(&repo(), &[]);
    let pairs = [
        ("ru/monitoring-yusticii/", "ky/monitoring-yusticii/"),
        (
            "ru/obshchestvennym-sovetam-10-let/",
            "ky/koomduk-kengeshterge-10-jyl/",
        ),
        (
            "ru/monitoring-sotsialnoy-napryazhennosti/",
            "ky/socialdyk-chyngaluu-monitoringi/",
        ),
    ];
    for (ru, ky) in pairs {
        let ru_html = read(&out, &format!("{ru}index.html"));
        let ky_html = read(&out, &format!("{ky}index.html"));
        assert!(
            ru_html.contains(&format!(
                "<a href=\"/{ky}\" hreflang=\"ky\" lang=\"ky\" rel=\"alternate\">Кыргызча окуу</a>"
            )),
            "{ru}"
        );
        assert!(ky_html.contains(&format!("<a href=\"/{ru}\" hreflang=\"ru\" lang=\"ru\" rel=\"alternate\">Читать на русском</a>")), "{ky}");
        for html in [&ru_html, &ky_html] {
            assert!(html.contains(&format!(
                "<link rel=\"alternate\" hreflang=\"ky\" href=\"https://jarya.example.kg/{ky}\">"
            )));
            assert!(html.contains(&format!(
                "<link rel=\"alternate\" hreflang=\"ru\" href=\"https://jarya.example.kg/{ru}\">"
            )));
        }
    }
    // A release without a translation has no hreflang links, and its switcher goes home.
    let single = read(&out, "ru/gendernoe-ravenstvo-2030/index.html");
    assert!(!single.contains("hreflang=\"ky\" href=\"https://"));
    assert!(single.contains("<a href=\"/ky/\" hreflang=\"ky\" lang=\"ky\" class=\"home-fallback\">Кыргызча <small>(котормосу жок — башкы бет)</small></a>"));
}

#[test]
fn topic_and_organizer_pages_list_the_right_releases() {
    let (_tmp, out) = build(&repo(), &[]);
    let gender = read(&out, "ru/topics/gender-equality/index.html");
    assert_eq!(
        listed(&gender, "ru"),
        [
            "grazhdanskaya-platforma-liderstvo",
            "gendernoe-ravenstvo-2030"
        ]
    );
    assert!(gender.contains("2 мероприятия"));
    let monitoring = read(&out, "ru/topics/public-monitoring/index.html");
    assert_eq!(
        listed(&monitoring, "ru"),
        [
            "monitoring-yusticii",
            "monitoring-sotsialnoy-napryazhennosti"
        ]
    );
    let feca = read(&out, "ky/organizers/feca/index.html");
    assert_eq!(listed(&feca, "ky"), ["socialdyk-chyngaluu-monitoringi"]);
    assert!(feca.contains("1 иш-чара"));
    let topics = read(&out, "ru/topics/index.html");
    assert!(topics.contains("<a href=\"/ru/topics/gender-equality/\">Гендерное равенство</a> <span class=\"count\">2 мероприятия</span>"));
    // Home: the upcoming event first, then the past ones, newest first.
    let home = read(&out, "ru/index.html");
    assert_eq!(
        listed(&home, "ru"),
        [
            "monitoring-yusticii",
            "monitoring-sotsialnoy-napryazhennosti",
            "grazhdanskaya-platforma-liderstvo",
            "obshchestvennym-sovetam-10-let",
            "gendernoe-ravenstvo-2030",
        ]
    );
    let upcoming = home.find("Предстоящие мероприятия").unwrap();
    let past = home.find("Прошедшие мероприятия").unwrap();
    assert!(upcoming < home.find("/ru/monitoring-yusticii/").unwrap());
    assert!(past > home.find("/ru/monitoring-yusticii/").unwrap());
}

#[test]
fn dates_render_in_both_languages() {
    let (_tmp, out) = build(&repo(), &[]);
    let cases = [
        (
            "ru/gendernoe-ravenstvo-2030/index.html",
            "<time datetime=\"2021-10-12\">12–13 октября 2021 г.</time>",
        ),
        (
            "ru/monitoring-yusticii/index.html",
            "<time datetime=\"2025-06-27\">27 июня 2025 г.</time>",
        ),
        (
            "ru/obshchestvennym-sovetam-10-let/index.html",
            "18 ноября 2021 г., 14:00–18:00",
        ),
        (
            "ru/grazhdanskaya-platforma-liderstvo/index.html",
            "1 сентября 2022 г.",
        ),
        ("ky/monitoring-yusticii/index.html", "2025-ж., 27-июнь"),
        (
            "ky/koomduk-kengeshterge-10-jyl/index.html",
            "<time datetime=\"2021-11-18T14:00\">2021-ж., 18-ноябрь, саат 14:00–18:00</time>",
        ),
        (
            "ky/socialdyk-chyngaluu-monitoringi/index.html",
            "2023-ж., 17–18-апрель",
        ),
    ];
    for (rel, want) in cases {
        assert!(read(&out, rel).contains(want), "{rel} lacks {want}");
    }
}

#[test]
fn contacts_are_links() {
    let (_tmp, out) = build(&repo(), &[]);
    let html = read(&out, "ru/grazhdanskaya-platforma-liderstvo/index.html");
    assert!(html.contains("<a href=\"tel:+996312911010\">+996 312 91 10 10</a>"));
    assert!(html.contains("<a href=\"mailto:info@platforma.kg\">info@platforma.kg</a>"));
    let html = read(&out, "ky/monitoring-yusticii/index.html");
    assert!(html.contains("<a href=\"tel:+996771286605\">+996 771 286 605</a>"));
}

#[test]
fn sample_site_matches_the_golden_files() {
    let (_tmp, out) = build(&repo(), &[]);
    assert_golden(&out, &repo().join("tests/expected/sample"));
}

/// Compares `actual` with `expected` file by file; `JARYA_BLESS=1` rewrites `expected`.
fn assert_golden(actual: &Path, expected: &Path) {
    let got = tree(actual);
    if std::env::var_os("JARYA_BLESS").is_some() {
        let _ = std::fs::remove_dir_all(expected);
        for (rel, bytes) in &got {
            let p = expected.join(rel);
            std::fs::create_dir_all(p.parent().unwrap()).unwrap();
            std::fs::write(p, bytes).unwrap();
        }
        return;
    }
    let want = tree(expected);
    let missing: Vec<_> = want.keys().filter(|k| !got.contains_key(*k)).collect();
    let extra: Vec<_> = got.keys().filter(|k| !want.contains_key(*k)).collect();
    assert!(
        missing.is_empty() && extra.is_empty(),
        "the set of files differs (JARYA_BLESS=1 to accept):\n  missing: {missing:?}\n  extra: {extra:?}"
    );
    for (rel, bytes) in &want {
        assert_same_text(
            rel,
            &String::from_utf8_lossy(&got[rel]),
            &String::from_utf8_lossy(bytes),
        );
    }
}

// ---------------------------------------------------------------------------------------------
// Smaller behaviours, each on a site made for it.
// ---------------------------------------------------------------------------------------------

#[test]
fn front_matter_is_escaped() {
    let site = site_with(&[(
        "ru/x.md",
        &release(
            "<script>alert(1)</script> & «кавычки»",
            "2025-01-01",
            "ru",
            "topics: ['<b>тема</b>']\nsummary: '\"><img src=x onerror=alert(1)>'\n",
        ),
    )]);
    let (_t, out) = build(site.path(), &[]);
    let html = read(&out, "ru/x/index.html");
    assert!(!html.contains("<script>alert"));
    assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; «кавычки»"));
    assert!(!html.contains("<b>тема</b>"));
    assert!(!html.contains("\"><img"));
    assert!(read(&out, "ru/index.html").contains("&lt;script&gt;"));
}

#[test]
fn pagination_splits_lists_by_per_page() {
    let files: Vec<(String, String)> = (1..=5)
        .map(|i| {
            (
                format!("ru/r{i}.md"),
                release(
                    &format!("Событие {i}"),
                    &format!("2024-0{i}-10"),
                    "ru",
                    "topics: [Тема]\n",
                ),
            )
        })
        .collect();
    let refs: Vec<(&str, &str)> = files
        .iter()
        .map(|(a, b)| (a.as_str(), b.as_str()))
        .collect();
    let site = site_with(&refs);
    let (_t, out) = build(site.path(), &[]);
    assert_eq!(listed(&read(&out, "ru/index.html"), "ru"), ["r5", "r4"]);
    assert_eq!(
        listed(&read(&out, "ru/page/2/index.html"), "ru"),
        ["r3", "r2"]
    );
    assert_eq!(listed(&read(&out, "ru/page/3/index.html"), "ru"), ["r1"]);
    assert!(!out.join("ru/page/4/index.html").exists());
    assert!(!out.join("ru/page/1/index.html").exists());
    let p2 = read(&out, "ru/page/2/index.html");
    assert!(p2.contains("<a href=\"/ru/\" rel=\"prev\">"));
    assert!(p2.contains("<a href=\"/ru/page/3/\" rel=\"next\">"));
    assert!(out.join("ru/topics/tema/page/3/index.html").exists());
    // A language with no releases still has a home page.
    assert!(read(&out, "ky/index.html").contains("Азырынча бул жерде эч нерсе жок."));
}

#[test]
fn drafts_only_with_the_flag() {
    let site = site_with(&[
        (
            "ru/a.md",
            &release("А", "2025-01-01", "ru", "draft: true\n"),
        ),
        ("ru/b.md", &release("Б", "2025-01-01", "ru", "")),
    ]);
    let (_t, out) = build(site.path(), &[]);
    assert!(!out.join("ru/a/index.html").exists());
    let (_t2, out) = build(site.path(), &["--drafts"]);
    assert!(out.join("ru/a/index.html").exists());
}

#[test]
fn base_url_sets_links_and_can_be_overridden() {
    let site = site_with(&[("ru/a.md", &release("А", "2025-01-01", "ru", ""))]);
    let (_t, out) = build(site.path(), &["--base-url", "https://ngo.github.io/site"]);
    let html = read(&out, "ru/a/index.html");
    assert!(html.contains("<link rel=\"canonical\" href=\"https://ngo.github.io/site/ru/a/\">"));
    assert!(html.contains("href=\"/site/style.css\""));
    assert!(html.contains("<a href=\"/site/ru/\">"));
}

#[test]
fn slugs_come_from_file_names_or_slug_and_translation_key_pairs() {
    let site = site_with(&[
        (
            "ru/Гендерное равенство — 2025.md",
            &release("А", "2025-01-01", "ru", "translation_key: g\n"),
        ),
        (
            "ky/теңчилик.md",
            &release("Б", "2025-01-01", "ky", "translation_key: g\n"),
        ),
        (
            "ru/x.md",
            &release("В", "2025-01-01", "ru", "slug: Свой адрес\n"),
        ),
    ]);
    let (_t, out) = build(site.path(), &[]);
    let ru = read(&out, "ru/gendernoye-ravenstvo-2025/index.html");
    assert!(ru.contains("href=\"/ky/tengchilik/\""));
    assert!(
        read(&out, "ky/tengchilik/index.html").contains("href=\"/ru/gendernoye-ravenstvo-2025/\"")
    );
    assert!(out.join("ru/svoy-adres/index.html").exists());
}

#[test]
fn site_templates_and_static_files_override_the_theme() {
    let site = site_with(&[("ru/a.md", &release("А", "2025-01-01", "ru", ""))]);
    let t = site.path().join("templates");
    std::fs::create_dir_all(&t).unwrap();
    std::fs::write(
        t.join("terms.html"),
        "{% extends \"base.html\" %}{% block content %}CUSTOM {{ terms | length }}{% endblock %}",
    )
    .unwrap();
    std::fs::create_dir_all(site.path().join("static/img")).unwrap();
    std::fs::write(site.path().join("static/style.css"), "body{}").unwrap();
    std::fs::write(site.path().join("static/img/logo.png"), [137, 80, 78, 71]).unwrap();
    let (_t, out) = build(site.path(), &[]);
    assert!(read(&out, "ru/topics/index.html").contains("CUSTOM 0"));
    assert!(read(&out, "ru/organizers/index.html").contains("CUSTOM 1"));
    assert_eq!(read(&out, "style.css"), "body{}");
    assert_eq!(
        std::fs::read(out.join("img/logo.png")).unwrap(),
        [137, 80, 78, 71]
    );
    // The release template is still the built-in one.
    assert!(read(&out, "ru/a/index.html").contains("class=\"release\""));
}

#[test]
fn template_errors_name_the_file_and_line() {
    let site = site_with(&[("ru/a.md", &release("А", "2025-01-01", "ru", ""))]);
    let t = site.path().join("templates");
    std::fs::create_dir_all(&t).unwrap();
    std::fs::write(
        t.join("release.html"),
        "{% extends \"base.html\" %}\n{% block content %}\n{{ release.title }\n{% endblock %}\n",
    )
    .unwrap();
    let o = jarya(&["build", "--site", site.path().to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1));
    let err = stderr(&o).replace('\\', "/");
    assert!(err.contains("templates/release.html:3:"), "{err}");
    assert!(!site.path().join("public").exists());

    std::fs::write(t.join("release.html"), "{% extends \"base.html\" %}\n{% block content %}\n{{ release.no_such_field }}\n{% endblock %}\n").unwrap();
    let o = jarya(&["build", "--site", site.path().to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1));
    let err = stderr(&o).replace('\\', "/");
    assert!(err.contains("templates/release.html:3:"), "{err}");
}

#[test]
fn a_static_file_may_not_replace_a_page() {
    let site = site_with(&[("ru/a.md", &release("А", "2025-01-01", "ru", ""))]);
    std::fs::create_dir_all(site.path().join("static/ru/a")).unwrap();
    std::fs::write(site.path().join("static/ru/a/index.html"), "x").unwrap();
    let o = jarya(&["build", "--site", site.path().to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1));
    let err = stderr(&o).replace('\\', "/");
    assert!(
        err.contains("error: this file and content/ru/a.md would both be written to /ru/a/index.html\n --> static/ru/a/index.html"),
        "{err}"
    );
}

// ---------------------------------------------------------------------------------------------
// An independent check: the Nu Html Checker (the W3C validator's engine) on the sample site.
// `.ci/run` installs it and sets JARYA_VNU_JAR; in CI its absence is a failure.
// ---------------------------------------------------------------------------------------------

#[test]
fn sample_site_is_valid_html5_by_the_nu_checker() {
    let Some(jar) = std::env::var_os("JARYA_VNU_JAR") else {
        assert!(
            std::env::var_os("CI").is_none(),
            "CI must set JARYA_VNU_JAR (see .ci/run)"
        );
        eprintln!("skipped: set JARYA_VNU_JAR to the path of vnu.jar to validate the HTML");
        return;
    };
    let (_tmp, out) = build(&repo(), &[]);
    let _heavy = browser_lock();
    let o = Command::new("java")
        .arg("-jar")
        .arg(&jar)
        .args(["--errors-only", "--skip-non-html"])
        .arg(&out)
        .output()
        .expect("run java");
    assert!(
        o.status.success(),
        "the Nu Html Checker found errors:\n{}{}",
        String::from_utf8_lossy(&o.stdout),
        String::from_utf8_lossy(&o.stderr)
    );
}

/// `image_alt` says what the picture shows: the page's picture and the share card carry it;
/// without it the picture is decorative (`alt=""`).
#[test]
fn image_alt_describes_the_picture_on_the_page_and_in_shares() {
    let site = site_with(&[
        (
            "ru/a.md",
            &release(
                "А",
                "2025-01-10",
                "ru",
                "image: https://x.kg/a.jpg\nimage_alt: Участники \"форума\" <в зале>\n",
            ),
        ),
        ("ru/b.md", &release("Б", "2025-01-11", "ru", "")),
    ]);
    let (_tmp, out) = build(site.path(), &[]);
    let a = read(&out, "ru/a/index.html");
    assert!(
        a.contains("alt=\"Участники &quot;форума&quot; &lt;в зале&gt;\""),
        "{a}"
    );
    assert!(a.contains("<meta property=\"og:image:alt\" content=\"Участники &quot;форума&quot; &lt;в зале&gt;\">"), "{a}");
    assert!(!read(&out, "ru/b/index.html").contains("og:image:alt"));
}

#[test]
fn a_picture_without_image_alt_is_a_located_error() {
    let site = site_with(&[(
        "ru/a.md",
        &release("А", "2025-01-10", "ru", "image: https://x.kg/a.jpg\n"),
    )]);
    let args = ["build", "--site", site.path().to_str().unwrap()];
    let o = jarya(&args);
    assert_eq!(o.status.code(), Some(1));
    let err = stderr(&o).replace('\\', "/");
    assert!(err.contains("error: `image_alt`: the release has a picture (`image`) but does not say what it shows\n --> content/ru/a.md:6:"), "{err}");
    assert!(err.contains("image_alt: Участники форума в зале"), "{err}");
    let ru = stderr(&jarya_env(&args, &[("JARYA_LANG", "ru")]));
    assert!(ru.contains("но не сказано, что на ней"), "{ru}");
}
