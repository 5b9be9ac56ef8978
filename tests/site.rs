//! Integration tests: run the real `jarya` binary on fixture sites and check what it writes.
//!
//! Golden files live in `tests/expected/`; re-bless them after an intended change with
//! `JARYA_BLESS=1 cargo test`, then review the diff with `git diff tests/expected`.

// Test helpers may unwrap: a failure should stop the test loudly.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// 2025-06-15 12:00 UTC: the sample's June 2025 event is upcoming, the rest past.
const EPOCH: &str = "1749988800";

fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn fixture(name: &str) -> PathBuf {
    repo().join("tests").join("fixtures").join(name)
}

fn jarya(args: &[&str]) -> Output {
    jarya_env(args, &[])
}

fn jarya_env(args: &[&str], env: &[(&str, &str)]) -> Output {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_jarya"));
    cmd.args(args).env("SOURCE_DATE_EPOCH", EPOCH);
    for (k, v) in env {
        cmd.env(k, v);
    }
    cmd.output().expect("run jarya")
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// Builds `site` into a new temporary folder; panics with the messages if the build fails.
fn build(site: &Path, extra: &[&str]) -> (tempfile::TempDir, PathBuf) {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("public");
    let mut args = vec![
        "build",
        "--site",
        site.to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
    ];
    args.extend_from_slice(extra);
    let o = jarya(&args);
    assert!(o.status.success(), "build failed:\n{}", stderr(&o));
    (tmp, out)
}

/// Every file under `dir`, by relative path (with `/`), with its bytes.
fn tree(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    let mut map = BTreeMap::new();
    for e in walkdir::WalkDir::new(dir).sort_by_file_name() {
        let e = e.unwrap();
        if e.file_type().is_file() {
            let rel = e.path().strip_prefix(dir).unwrap();
            let key = rel
                .components()
                .map(|c| c.as_os_str().to_string_lossy())
                .collect::<Vec<_>>()
                .join("/");
            map.insert(key, std::fs::read(e.path()).unwrap());
        }
    }
    map
}

fn read(out: &Path, rel: &str) -> String {
    std::fs::read_to_string(out.join(rel)).unwrap_or_else(|e| panic!("{rel}: {e}"))
}

/// A small site written into a temporary folder: `files` are (path under content/, text).
fn site_with(files: &[(&str, &str)]) -> tempfile::TempDir {
    let tmp = tempfile::tempdir().unwrap();
    let content = tmp.path().join("content");
    std::fs::create_dir_all(&content).unwrap();
    std::fs::write(
        content.join("site.yaml"),
        "base_url: https://test.example.kg/\nper_page: 2\nlanguages:\n  ru: {title: Тест, description: Описание}\n  ky: {title: Тест КЫ}\n",
    )
    .unwrap();
    for (path, text) in files {
        let p = content.join(path);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(p, text).unwrap();
    }
    tmp
}

fn release(title: &str, date: &str, lang: &str, extra: &str) -> String {
    format!(
        "---\ntitle: \"{title}\"\ndate: {date}\nlang: {lang}\norganizers: [ОФ «Тест»]\n{extra}---\nПервый абзац.\n"
    )
}

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
            // No JavaScript: the only script element is the JSON-LD data of release pages.
            assert_eq!(
                html.matches("<script").count(),
                html.matches("<script type=\"application/ld+json\">")
                    .count(),
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

/// The release links (`/ru/<slug>/`) a list page shows, in order.
fn listed(html: &str, lang: &str) -> Vec<String> {
    let marker = format!("<h3><a href=\"/{lang}/");
    html.match_indices(&marker)
        .map(|(i, _)| {
            let rest = &html[i + marker.len()..];
            rest[..rest.find('/').unwrap()].to_string()
        })
        .collect()
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
            "<time datetime=\"2021-11-18T14:00\">2021-ж., 18-ноябрь 14:00–18:00</time>",
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
    assert!(html.contains("<a href=\"tel:+996312911010\">0 312 91 10 10</a>"));
    assert!(html.contains("<a href=\"mailto:info@platforma.kg\">info@platforma.kg</a>"));
    let html = read(&out, "ky/monitoring-yusticii/index.html");
    assert!(html.contains("<a href=\"tel:+996771286605\">+996771286605</a>"));
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

/// Fails with the first differing line, readable, rather than two whole files.
fn assert_same_text(what: &str, got: &str, want: &str) {
    if got == want {
        return;
    }
    let g: Vec<&str> = got.lines().collect();
    let w: Vec<&str> = want.lines().collect();
    let n = (0..g.len().max(w.len()))
        .find(|&i| g.get(i) != w.get(i))
        .unwrap_or(0);
    panic!(
        "{what} differs from the golden file at line {}:\n  got:  {}\n  want: {}\n(JARYA_BLESS=1 cargo test to accept)",
        n + 1,
        g.get(n).unwrap_or(&"(end of file)"),
        w.get(n).unwrap_or(&"(end of file)"),
    );
}

// ---------------------------------------------------------------------------------------------
// Errors: every problem reported at once, the old output untouched.
// ---------------------------------------------------------------------------------------------

#[test]
fn broken_site_reports_every_error_and_leaves_output_untouched() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("public");
    std::fs::create_dir_all(out.join("ru")).unwrap();
    std::fs::write(out.join("index.html"), "previous build").unwrap();
    std::fs::write(out.join("ru/keep.txt"), "keep me").unwrap();
    let before = tree(tmp.path());

    let site = fixture("broken");
    let o = jarya(&[
        "build",
        "--site",
        site.to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    let expected = std::fs::read_to_string(site.join("expected-errors.txt")).unwrap();
    let got = stderr(&o).replace('\\', "/");
    if std::env::var_os("JARYA_BLESS").is_some() {
        std::fs::write(site.join("expected-errors.txt"), &got).unwrap();
    } else {
        assert_same_text("expected-errors.txt", &got, &expected);
    }
    assert!(o.stdout.is_empty());
    // Every broken file is named, each with a line number.
    for name in std::fs::read_dir(site.join("content/ru"))
        .unwrap()
        .chain(std::fs::read_dir(site.join("content/ky")).unwrap())
    {
        let name = name.unwrap().file_name().to_string_lossy().into_owned();
        if !name.starts_with("good") {
            assert!(got.contains(&format!("{name}:")), "{name} not reported");
        }
    }
    // Nothing changed on disk: same files, same bytes, no staging folder left behind.
    assert_eq!(tree(tmp.path()), before);
    assert_eq!(std::fs::read_dir(tmp.path()).unwrap().count(), 1);
}

#[test]
fn bom_and_crlf_files_build_exactly_like_lf_files() {
    let lf = release(
        "Форум «Тест»",
        "2025-06-27 10:00",
        "ru",
        "topics: [Гендер]\n",
    );
    let crlf = format!("\u{feff}{}", lf.replace('\n', "\r\n"));
    let a = site_with(&[("ru/forum.md", &lf)]);
    let b = site_with(&[("ru/forum.md", &crlf)]);
    let (_t1, out_a) = build(a.path(), &[]);
    let (_t2, out_b) = build(b.path(), &[]);
    assert_eq!(tree(&out_a), tree(&out_b));
    assert!(read(&out_a, "ru/forum/index.html").contains("27 июня 2025 г., 10:00"));
}

#[test]
fn two_builds_are_byte_identical_whatever_the_thread_count() {
    let site = repo();
    let tmp = tempfile::tempdir().unwrap();
    let mut trees = Vec::new();
    for threads in ["1", "4"] {
        let out = tmp.path().join(format!("out{threads}"));
        let o = jarya_env(
            &[
                "build",
                "--site",
                site.to_str().unwrap(),
                "--out",
                out.to_str().unwrap(),
            ],
            &[("RAYON_NUM_THREADS", threads)],
        );
        assert!(o.status.success(), "{}", stderr(&o));
        trees.push(tree(&out));
    }
    assert!(!trees[0].is_empty());
    assert_eq!(trees[0], trees[1]);
}

#[test]
fn exit_codes_mean_something() {
    let nowhere = tempfile::tempdir().unwrap();
    let o = jarya(&["build", "--site", nowhere.path().to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("has no content/ folder"));
    assert_eq!(jarya(&["build", "--no-such-flag"]).status.code(), Some(2));
    assert_eq!(jarya(&["frobnicate"]).status.code(), Some(2));
    let o = jarya_env(
        &["check", "--site", repo().to_str().unwrap()],
        &[("SOURCE_DATE_EPOCH", "soon")],
    );
    assert_eq!(o.status.code(), Some(2));
    let o = jarya(&["check", "--site", repo().to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let o = jarya(&["check", "--site", fixture("broken").to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1));
}

#[test]
fn build_prints_one_summary_line() {
    let (_tmp, out) = build(&repo(), &[]);
    let o = jarya(&[
        "build",
        "--site",
        repo().to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
    ]);
    let text = String::from_utf8_lossy(&o.stdout);
    assert_eq!(text.lines().count(), 1, "{text}");
    assert!(text.contains("ru: 5 releases, ky: 3 releases"), "{text}");
    assert!(text.contains(" pages, "), "{text}");
}

#[test]
fn output_folder_that_would_destroy_the_site_is_refused() {
    let site = site_with(&[("ru/a.md", &release("А", "2025-01-01", "ru", ""))]);
    for out in [site.path().to_path_buf(), site.path().join("content/out")] {
        let o = jarya(&[
            "build",
            "--site",
            site.path().to_str().unwrap(),
            "--out",
            out.to_str().unwrap(),
        ]);
        assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    }
    assert!(site.path().join("content/ru/a.md").exists());
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

// ---------------------------------------------------------------------------------------------
// Registries: one topic or organization in both languages, however it is written.
// ---------------------------------------------------------------------------------------------

const TOPICS_YAML: &str = "gender-equality:\n  ru: Гендерное равенство\n  ky: Гендердик теңчилик\n  aliases: [Гендер, Равенство полов]\n  description: {ru: Равные права, ky: Бирдей укуктар}\n";
const ORGS_YAML: &str = "civic-platform:\n  ru: ОФ «Гражданская платформа»\n  ky: «Жарандык платформа» КФ\n  short: {ru: ГП, ky: ЖП}\n  aliases: [Гражданская платформа]\n  website: https://platforma.kg\n  logo: img/gp.png\n  description: {ru: О нас, ky: Биз жөнүндө}\n  contacts:\n    - name: Бермет Опобекова\n      phone: 0 312 91 10 10\n";

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
    std::fs::write(site.path().join("static/img/gp.png"), [137, 80, 78, 71]).unwrap();
    site
}

fn release_by(title: &str, date: &str, lang: &str, topics: &str, organizers: &str) -> String {
    format!(
        "---\ntitle: {title}\ndate: {date}\nlang: {lang}\ntopics: {topics}\norganizers: {organizers}\n---\nТекст.\n"
    )
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
        b.contains("<a href=\"/ru/topics/gender-equality/\">Гендерное равенство</a>"),
        "{b}"
    );
    assert!(
        b.contains("<a href=\"/ru/organizers/civic-platform/\">ОФ «Гражданская платформа»</a>"),
        "{b}"
    );
    let d = read(&out, "ky/d/index.html");
    assert!(
        d.contains("<a href=\"/ky/topics/gender-equality/\">Гендердик теңчилик</a>"),
        "{d}"
    );
    assert!(
        d.contains("<a href=\"/ky/organizers/civic-platform/\">«Жарандык платформа» КФ</a>"),
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
    // The organization page shows what the registry says, in the page's language.
    let ru = read(&out, "ru/organizers/civic-platform/index.html");
    for want in [
        "<h1>ОФ «Гражданская платформа»</h1>",
        "<img class=\"logo\" src=\"/img/gp.png\"",
        "<strong>ГП</strong>",
        "<a href=\"https://platforma.kg\">https://platforma.kg</a>",
        "<p class=\"description\">О нас</p>",
        "<a href=\"tel:+996312911010\">0 312 91 10 10</a>",
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
                "[Гендерное равенсво, Экология]",
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
    assert!(err.contains("warning: `topics`: the topic \"Гендерное равенсво\" is not in content/topics.yaml (used in content/ru/a.md)\n --> content/ru/a.md:5:9\n"), "{err}");
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
fn every_registry_error_is_reported_with_file_and_line() {
    let site = fixture("broken-registry");
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("public");
    let o = jarya(&[
        "build",
        "--site",
        site.to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
    ]);
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
        "unknown language `kz`",
        "static/img/no-such-logo.png does not exist",
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
        .find("<h2 id=\"section-1\">ноябрь 2021</h2>")
        .expect("November heading");
    let oct = y2021
        .find("<h2 id=\"section-2\">октябрь 2021</h2>")
        .expect("October heading");
    assert!(nov < oct);
    assert_eq!(
        listed(&y2021, "ru"),
        ["obshchestvennym-sovetam-10-let", "gendernoe-ravenstvo-2030"]
    );
    let ky2021 = read(&out, "ky/archive/2021/index.html");
    assert!(
        ky2021.contains("<h2 id=\"section-1\">2021-ж., ноябрь</h2>"),
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
}

// ---------------------------------------------------------------------------------------------
// Events that travel: every .ics, feed, sitemap and JSON-LD read back by independent parsers
// (the `ical`, `feed-rs`, `roxmltree` and `serde_json` crates; jarya writes them by hand).
// ---------------------------------------------------------------------------------------------

/// An iCalendar property's parameters: (name, values).
type IcsParams = Vec<(String, Vec<String>)>;

/// The events of an .ics file as property maps (name -> value, parameters), parsed by the
/// `ical` crate.
fn ics_events(path: &Path) -> Vec<BTreeMap<String, (String, IcsParams)>> {
    let text = std::fs::read(path).unwrap();
    // RFC 5545: CRLF line ends, no physical line over 75 octets.
    for (n, line) in text.split(|&b| b == b'\n').enumerate() {
        if line.is_empty() {
            continue;
        }
        assert_eq!(
            line.last(),
            Some(&b'\r'),
            "{}: line {} does not end with CRLF",
            path.display(),
            n + 1
        );
        assert!(
            line.len() - 1 <= 75,
            "{}: line {} has {} octets",
            path.display(),
            n + 1,
            line.len() - 1
        );
    }
    let mut cals = ical::IcalParser::new(std::io::BufReader::new(&text[..]));
    let cal = cals
        .next()
        .expect("one calendar")
        .expect("a valid calendar");
    assert!(cals.next().is_none());
    for p in ["VERSION", "PRODID"] {
        assert!(
            cal.properties.iter().any(|x| x.name == p),
            "{} lacks {p}",
            path.display()
        );
    }
    cal.events
        .into_iter()
        .map(|e| {
            e.properties
                .into_iter()
                .map(|p| {
                    (
                        p.name,
                        (p.value.unwrap_or_default(), p.params.unwrap_or_default()),
                    )
                })
                .collect()
        })
        .collect()
}

/// RFC 5545 TEXT unescaping.
fn ics_text(v: &str) -> String {
    let mut out = String::new();
    let mut chars = v.chars();
    while let Some(c) = chars.next() {
        if c == '\\' {
            match chars.next() {
                Some('n') | Some('N') => out.push('\n'),
                Some(o) => out.push(o),
                None => {}
            }
        } else {
            out.push(c);
        }
    }
    out
}

#[test]
fn every_calendar_parses_with_an_independent_reader() {
    let (_tmp, out) = build(&repo(), &[]);
    let mut files = 0;
    for (rel, _) in tree(&out) {
        if !rel.ends_with(".ics") {
            continue;
        }
        files += 1;
        for e in ics_events(&out.join(&rel)) {
            for p in ["UID", "DTSTAMP", "DTSTART", "SUMMARY", "DESCRIPTION", "URL"] {
                assert!(e.contains_key(p), "{rel}: an event lacks {p}");
            }
            assert_eq!(e["DTSTAMP"].0, "20250615T120000Z", "{rel}");
            assert!(e["URL"].0.starts_with("https://jarya.example.kg/"), "{rel}");
        }
    }
    // One per release, one per language, one per topic and organizer in each language.
    assert!(files >= 8 + 2 + 36, "{files}");

    // All-day, multi-day and timed events.
    let one = &ics_events(&out.join("ru/monitoring-yusticii/event.ics"))[0];
    assert_eq!(
        one["DTSTART"],
        (
            "20250627".into(),
            vec![("VALUE".into(), vec!["DATE".into()])]
        )
    );
    assert_eq!(one["DTEND"].0, "20250628");
    let multi = &ics_events(&out.join("ru/gendernoe-ravenstvo-2030/event.ics"))[0];
    assert_eq!(
        (multi["DTSTART"].0.as_str(), multi["DTEND"].0.as_str()),
        ("20211012", "20211014")
    );
    let timed = &ics_events(&out.join("ky/koomduk-kengeshterge-10-jyl/event.ics"))[0];
    assert_eq!(
        (timed["DTSTART"].0.as_str(), timed["DTEND"].0.as_str()),
        ("20211118T080000Z", "20211118T120000Z")
    );
    assert_eq!(
        ics_text(&timed["LOCATION"].0),
        "«Хаятт Ридженси Бишкек» мейманканасы, Бишкек"
    );
    // A contact with an email is the organizer.
    assert_eq!(one["ORGANIZER"].0, "mailto:ulanumetov01@gmail.com");
    // Translations share their UID.
    for (a, b) in [
        ("ru/monitoring-yusticii", "ky/monitoring-yusticii"),
        (
            "ru/obshchestvennym-sovetam-10-let",
            "ky/koomduk-kengeshterge-10-jyl",
        ),
    ] {
        let ua = &ics_events(&out.join(format!("{a}/event.ics")))[0]["UID"].0;
        let ub = &ics_events(&out.join(format!("{b}/event.ics")))[0]["UID"].0;
        assert_eq!(ua, ub);
    }
    let other = &ics_events(&out.join("ru/gendernoe-ravenstvo-2030/event.ics"))[0]["UID"].0;
    assert_ne!(other, &one["UID"].0);
    // The language calendar holds every release of the language; a topic's, its releases.
    assert_eq!(ics_events(&out.join("ru/calendar.ics")).len(), 5);
    assert_eq!(ics_events(&out.join("ky/calendar.ics")).len(), 3);
    assert_eq!(
        ics_events(&out.join("ru/topics/gender-equality/calendar.ics")).len(),
        2
    );
    assert_eq!(
        ics_events(&out.join("ky/organizers/feca/calendar.ics")).len(),
        1
    );
    // Pages link to them.
    let page = read(&out, "ru/monitoring-yusticii/index.html");
    assert!(page.contains(
        "<a href=\"/ru/monitoring-yusticii/event.ics\" download>Добавить в календарь (.ics)</a>"
    ));
    assert!(
        page.contains(
            "https://calendar.google.com/calendar/render?action=TEMPLATE&amp;text=%D0%A3"
        )
    );
    assert!(page.contains("&amp;dates=20250627/20250628&amp;"));
    assert!(
        read(&out, "ru/topics/gender-equality/index.html")
            .contains("<a href=\"/ru/topics/gender-equality/calendar.ics\">")
    );
}

#[test]
fn calendar_text_with_commas_semicolons_and_long_cyrillic_survives_a_round_trip() {
    let title = "Форум; «Гражданское общество, государство и СМИ»: диалог\\\\ и сотрудничество, 2025; Бишкек — Ош — Каракол — Нарын — Талас";
    let site = site_with(&[(
        "ru/forum.md",
        &format!(
            "---\ntitle: \"{title}\"\ndate: 2025-10-12 09:30\nend: 2025-10-13 17:00\nlang: ru\norganizers: [ОФ «Тест»]\nlocation: {{name: \"Отель «Шератон», зал №1\", city: Бишкек}}\ncontacts: [{{name: \"Улан; пресса\", email: u@x.kg}}]\n---\nАбзац, с запятыми; и точкой с запятой.\n"
        ),
    )]);
    let (_t, out) = build(site.path(), &[]);
    let e = &ics_events(&out.join("ru/forum/event.ics"))[0];
    assert_eq!(ics_text(&e["SUMMARY"].0), title.replace("\\\\", "\\"));
    assert_eq!(
        ics_text(&e["LOCATION"].0),
        "Отель «Шератон», зал №1, Бишкек"
    );
    assert_eq!(
        ics_text(&e["DESCRIPTION"].0),
        "Абзац, с запятыми; и точкой с запятой.\n\nhttps://test.example.kg/ru/forum/"
    );
    assert_eq!(
        (e["DTSTART"].0.as_str(), e["DTEND"].0.as_str()),
        ("20251012T033000Z", "20251013T110000Z")
    );
    assert_eq!(
        e["ORGANIZER"].1,
        vec![("CN".to_string(), vec!["Улан; пресса".to_string()])]
    );
}

#[test]
fn feeds_are_atom_with_the_expected_entries() {
    let (_tmp, out) = build(&repo(), &[]);
    let mut feeds = 0;
    for (rel, bytes) in tree(&out) {
        if !rel.ends_with("atom.xml") {
            continue;
        }
        feeds += 1;
        let feed = feed_rs::parser::parse(&bytes[..]).unwrap_or_else(|e| panic!("{rel}: {e}"));
        assert_eq!(feed.feed_type, feed_rs::model::FeedType::Atom, "{rel}");
        assert!(
            feed.links.iter().any(|l| l.rel.as_deref() == Some("self")
                && l.href == format!("https://jarya.example.kg/{rel}")),
            "{rel}"
        );
        for e in &feed.entries {
            assert!(e.id.starts_with("https://jarya.example.kg/"), "{rel}");
            assert!(
                e.links[0].href.starts_with("https://jarya.example.kg/"),
                "{rel}"
            );
            assert!(
                e.updated.is_some() && e.title.is_some() && !e.authors.is_empty(),
                "{rel}"
            );
        }
    }
    assert!(feeds >= 2 + 36, "{feeds}");
    let bytes = std::fs::read(out.join("ru/atom.xml")).unwrap();
    let feed = feed_rs::parser::parse(&bytes[..]).unwrap();
    let ids: Vec<&str> = feed.entries.iter().map(|e| e.id.as_str()).collect();
    assert_eq!(
        ids,
        [
            "https://jarya.example.kg/ru/monitoring-yusticii/",
            "https://jarya.example.kg/ru/monitoring-sotsialnoy-napryazhennosti/",
            "https://jarya.example.kg/ru/grazhdanskaya-platforma-liderstvo/",
            "https://jarya.example.kg/ru/obshchestvennym-sovetam-10-let/",
            "https://jarya.example.kg/ru/gendernoe-ravenstvo-2030/",
        ]
    );
    let timed = &feed.entries[3];
    assert_eq!(
        timed.updated.unwrap().to_rfc3339(),
        "2021-11-18T08:00:00+00:00"
    );
    let topic = feed_rs::parser::parse(
        &std::fs::read(out.join("ky/topics/public-monitoring/atom.xml")).unwrap()[..],
    )
    .unwrap();
    assert_eq!(topic.entries.len(), 2);
    // Pages announce their feeds.
    let page = read(&out, "ru/topics/gender-equality/index.html");
    assert!(page.contains("<link rel=\"alternate\" type=\"application/atom+xml\" title=\"Жарыя — анонсы гражданского общества\" href=\"/ru/atom.xml\">"));
    assert!(page.contains("href=\"/ru/topics/gender-equality/atom.xml\">"));
}

#[test]
fn feeds_keep_the_latest_per_page_entries() {
    let files: Vec<(String, String)> = (1..=5)
        .map(|i| {
            (
                format!("ru/r{i}.md"),
                release(&format!("Событие {i}"), &format!("2024-0{i}-10"), "ru", ""),
            )
        })
        .collect();
    let refs: Vec<(&str, &str)> = files
        .iter()
        .map(|(a, b)| (a.as_str(), b.as_str()))
        .collect();
    let site = site_with(&refs);
    let (_t, out) = build(site.path(), &[]);
    let feed =
        feed_rs::parser::parse(&std::fs::read(out.join("ru/atom.xml")).unwrap()[..]).unwrap();
    let ids: Vec<&str> = feed.entries.iter().map(|e| e.id.as_str()).collect();
    assert_eq!(
        ids,
        [
            "https://test.example.kg/ru/r5/",
            "https://test.example.kg/ru/r4/"
        ]
    );
}

#[test]
fn sitemap_lists_every_page_with_its_translations() {
    let (_tmp, out) = build(&repo(), &[]);
    let xml = read(&out, "sitemap.xml");
    let doc = roxmltree::Document::parse(&xml).expect("well-formed sitemap");
    const SM: &str = "http://www.sitemaps.org/schemas/sitemap/0.9";
    const XHTML: &str = "http://www.w3.org/1999/xhtml";
    let root = doc.root_element();
    assert!(root.has_tag_name((SM, "urlset")));
    let mut locs = BTreeMap::new();
    for url in root.children().filter(|n| n.has_tag_name((SM, "url"))) {
        let loc = url
            .children()
            .find(|n| n.has_tag_name((SM, "loc")))
            .and_then(|n| n.text())
            .unwrap()
            .to_string();
        let alts: Vec<(String, String)> = url
            .children()
            .filter(|n| n.has_tag_name((XHTML, "link")))
            .map(|n| {
                (
                    n.attribute("hreflang").unwrap().to_string(),
                    n.attribute("href").unwrap().to_string(),
                )
            })
            .collect();
        locs.insert(loc, alts);
    }
    let mut pages: Vec<String> = tree(&out)
        .into_keys()
        .filter(|k| k.ends_with(".html") && k != "404.html")
        .map(|k| {
            format!(
                "https://jarya.example.kg/{}",
                k.trim_end_matches("index.html")
            )
        })
        .collect();
    pages.sort();
    assert_eq!(locs.keys().cloned().collect::<Vec<_>>(), pages);
    let alts = &locs["https://jarya.example.kg/ru/monitoring-yusticii/"];
    assert_eq!(
        alts,
        &vec![
            (
                "ky".to_string(),
                "https://jarya.example.kg/ky/monitoring-yusticii/".to_string()
            ),
            (
                "ru".to_string(),
                "https://jarya.example.kg/ru/monitoring-yusticii/".to_string()
            ),
        ]
    );
    assert!(locs["https://jarya.example.kg/ru/gendernoe-ravenstvo-2030/"].is_empty());
    assert_eq!(
        read(&out, "robots.txt"),
        "User-agent: *\nAllow: /\n\nSitemap: https://jarya.example.kg/sitemap.xml\n"
    );
}

#[test]
fn release_pages_carry_event_json_ld_and_share_cards() {
    let (_tmp, out) = build(&repo(), &[]);
    for (rel, bytes) in tree(&out) {
        if !rel.ends_with(".html") || rel == "index.html" || rel == "404.html" {
            continue;
        }
        let html = String::from_utf8(bytes).unwrap();
        for tag in [
            "og:title",
            "og:description",
            "og:image",
            "og:url",
            "og:locale\"",
            "og:locale:alternate",
            "twitter:card",
        ] {
            assert!(html.contains(tag), "{rel} lacks {tag}");
        }
        let locale = if rel.starts_with("ru/") {
            "ru_RU"
        } else {
            "ky_KG"
        };
        assert!(
            html.contains(&format!(
                "<meta property=\"og:locale\" content=\"{locale}\">"
            )),
            "{rel}"
        );
        assert!(
            html.contains("<link rel=\"canonical\" href=\"https://jarya.example.kg/"),
            "{rel}"
        );
    }
    let json_ld = |rel: &str| -> serde_json::Value {
        let html = read(&out, rel);
        let start = html
            .find("<script type=\"application/ld+json\">")
            .expect("JSON-LD")
            + 35;
        let end = start + html[start..].find("</script>").unwrap();
        serde_json::from_str(&html[start..end]).expect("JSON-LD parses")
    };
    let timed = json_ld("ru/obshchestvennym-sovetam-10-let/index.html");
    assert_eq!(timed["@context"], "https://schema.org");
    assert_eq!(timed["@type"], "Event");
    assert_eq!(timed["startDate"], "2021-11-18T14:00:00+06:00");
    assert_eq!(timed["endDate"], "2021-11-18T18:00:00+06:00");
    assert_eq!(timed["inLanguage"], "ru");
    assert_eq!(timed["location"]["@type"], "Place");
    assert_eq!(timed["location"]["address"]["@type"], "PostalAddress");
    assert_eq!(timed["location"]["address"]["addressLocality"], "Бишкек");
    assert_eq!(timed["organizer"][0]["@type"], "Organization");
    assert_eq!(timed["eventStatus"], "https://schema.org/EventScheduled");
    assert_eq!(
        timed["url"],
        "https://jarya.example.kg/ru/obshchestvennym-sovetam-10-let/"
    );
    assert_eq!(timed["image"][0], "https://jarya.example.kg/share.png");
    let day = json_ld("ky/socialdyk-chyngaluu-monitoringi/index.html");
    assert_eq!(
        (day["startDate"].as_str(), day["endDate"].as_str()),
        (Some("2023-04-17"), Some("2023-04-18"))
    );
    assert_eq!(day["inLanguage"], "ky");
    let registered = json_ld("ru/grazhdanskaya-platforma-liderstvo/index.html");
    assert_eq!(registered["organizer"][0]["url"], "https://platforma.kg");
    assert!(out.join("share.png").is_file());
}

#[test]
fn json_ld_cannot_break_out_of_its_script() {
    let site = site_with(&[(
        "ru/x.md",
        &release(
            "</script><script>alert(1)</script>",
            "2025-01-01",
            "ru",
            "summary: \"a <!-- b & c\"\n",
        ),
    )]);
    let (_t, out) = build(site.path(), &[]);
    let html = read(&out, "ru/x/index.html");
    assert_eq!(html.matches("<script").count(), 1, "{html}");
    assert_eq!(html.matches("</script>").count(), 1);
    let start = html.find("<script type=\"application/ld+json\">").unwrap() + 35;
    let end = start + html[start..].find("</script>").unwrap();
    let v: serde_json::Value = serde_json::from_str(&html[start..end]).unwrap();
    assert_eq!(v["name"], "</script><script>alert(1)</script>");
    assert_eq!(v["description"], "a <!-- b & c");
}

// ---------------------------------------------------------------------------------------------
// The writer's loop: new, check, serve.
// ---------------------------------------------------------------------------------------------

#[test]
fn new_creates_a_release_that_builds_and_refuses_to_overwrite() {
    let site = site_with(&[]);
    let s = site.path().to_str().unwrap();
    let o = jarya(&[
        "new",
        "--site",
        s,
        "Форум: «итоги» года",
        "--lang",
        "ky",
        "--date",
        "2025-10-12",
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let out = String::from_utf8_lossy(&o.stdout).replace('\\', "/");
    assert!(
        out.contains("Created content/ky/forum-itogi-goda.md"),
        "{out}"
    );
    assert!(
        out.contains("https://test.example.kg/ky/forum-itogi-goda/"),
        "{out}"
    );
    let text = std::fs::read_to_string(site.path().join("content/ky/forum-itogi-goda.md")).unwrap();
    assert!(
        text.contains("# Пресс-релиздин аталышы"),
        "hints are in the release's language"
    );
    assert!(text.contains("date: 2025-10-12\n"));
    let again = jarya(&["new", "--site", s, "Форум: «итоги» года", "--lang", "ky"]);
    assert_eq!(again.status.code(), Some(2));
    assert!(stderr(&again).contains("refusing to overwrite"));
    assert_eq!(
        std::fs::read_to_string(site.path().join("content/ky/forum-itogi-goda.md")).unwrap(),
        text
    );

    // The default language, today's date, and a bundle with a photo beside it.
    let o = jarya(&["new", "--site", s, "Пресс-конференция", "--bundle"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let bundle = site.path().join("content/ru/press-konferentsiya");
    assert!(bundle.join("index.md").is_file());
    assert!(
        std::fs::read_to_string(bundle.join("index.md"))
            .unwrap()
            .contains("date: 2025-06-15\n")
    );
    std::fs::write(bundle.join("photo.jpg"), [0xff, 0xd8, 0xff]).unwrap();
    let md = std::fs::read_to_string(bundle.join("index.md")).unwrap();
    std::fs::write(
        bundle.join("index.md"),
        format!("{md}\n![Фото](photo.jpg)\n"),
    )
    .unwrap();

    let (_t, out) = build(site.path(), &[]);
    assert!(read(&out, "ky/forum-itogi-goda/index.html").contains("<h1>Форум: «итоги» года</h1>"));
    assert!(
        read(&out, "ru/press-konferentsiya/index.html")
            .contains("<img src=\"photo.jpg\" alt=\"Фото\"")
    );
    assert_eq!(
        std::fs::read(out.join("ru/press-konferentsiya/photo.jpg")).unwrap(),
        [0xff, 0xd8, 0xff]
    );
    let o = jarya(&["check", "--site", s]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
}

/// A site with one mistake of each kind `check` adds to a build's checks.
fn site_with_broken_links() -> tempfile::TempDir {
    let body = "Ссылки:\n\n- [есть](/ru/other/)\n- [тоже есть](../other/)\n- [нет страницы](/ru/nope/)\n- [файл](other.md)\n- [нет файла](gone.md)\n- ![нет картинки](/img/none.png)\n- [внешняя](https://example.kg/x) и <a@b.kg>\n- [календарь](/ru/calendar.ics)\n";
    site_with(&[
        (
            "ru/links.md",
            &format!(
                "---\ntitle: Ссылки\ndate: 2025-01-01\nlang: ru\norganizers: [ОФ «Тест»]\nimage: img/missing.jpg\n---\n{body}"
            ),
        ),
        ("ru/other.md", &release("Другая", "2025-01-02", "ru", "")),
    ])
}

#[test]
fn check_finds_broken_links_and_missing_pictures_in_every_format() {
    let site = site_with_broken_links();
    let s = site.path().to_str().unwrap();
    // A build stops only on a link to a release file that does not exist (it would ship as a
    // broken link); the other links are `check`'s.
    let o = jarya(&["build", "--site", s]);
    assert_eq!(o.status.code(), Some(1));
    let err = stderr(&o).replace('\\', "/");
    assert_eq!(err.matches("error:").count(), 1, "{err}");
    assert!(err.contains("error: the link \"gone.md\" leads to a file that is not a release of this site\n  --> content/ru/links.md:14:3\n"), "{err}");
    assert!(!site.path().join("public").exists());

    let o = jarya(&["check", "--site", s]);
    assert_eq!(o.status.code(), Some(1));
    let err = stderr(&o).replace('\\', "/");
    for want in [
        "error: the link \"/ru/nope/\" leads to nothing on this site\n  --> content/ru/links.md:12:3\n",
        "error: the link \"gone.md\" leads to a file that is not a release of this site\n  --> content/ru/links.md:14:3\n",
        "error: the picture \"/img/none.png\" leads to nothing on this site\n  --> content/ru/links.md:15:3\n",
        "error: `image`: the picture \"/img/missing.jpg\" does not exist\n --> content/ru/links.md:6:8",
    ] {
        assert!(err.contains(want), "missing {want:?} in\n{err}");
    }
    assert_eq!(err.matches("error:").count(), 4, "{err}");
    assert!(
        err.contains("12 | - [нет страницы](/ru/nope/)\n   |   ^^^^^^^^^^^^^^^^^^^^^^^^^\n"),
        "{err}"
    );

    let o = jarya(&["check", "--site", s, "--format", "json"]);
    assert_eq!(o.status.code(), Some(1));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).expect("JSON");
    assert_eq!(v["errors"], 4);
    let first = &v["diagnostics"][0];
    assert_eq!(first["severity"], "error");
    assert_eq!(first["path"], "content/ru/links.md");
    assert!(first["line"].as_u64().is_some());

    let o = jarya(&["check", "--site", s, "--format", "github"]);
    assert_eq!(o.status.code(), Some(1));
    let out = String::from_utf8_lossy(&o.stdout);
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), 4, "{out}");
    assert!(
        lines
            .iter()
            .all(|l| l.starts_with("::error file=content/ru/links.md,line=")),
        "{out}"
    );
    assert!(out.contains("::error file=content/ru/links.md,line=12,col=3,title=jarya::the link \"/ru/nope/\" leads to nothing on this site%0Ahint: "), "{out}");

    // Warnings only: exit 0, and they are printed.
    let warn = site_with(&[
        ("topics.yaml", TOPICS_YAML),
        (
            "ru/a.md",
            &release_by("А", "2025-01-10", "ru", "[Экология]", "[ОФ «Тест»]"),
        ),
    ]);
    let o = jarya(&[
        "check",
        "--site",
        warn.path().to_str().unwrap(),
        "--format",
        "github",
    ]);
    assert_eq!(o.status.code(), Some(0));
    assert!(
        String::from_utf8_lossy(&o.stdout).starts_with("::warning file=content/ru/a.md,line=5,")
    );
}

/// Stops the server it holds when dropped, even when a test fails.
struct Server {
    child: std::process::Child,
    port: u16,
    /// What the server prints.
    log: std::sync::mpsc::Receiver<String>,
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Server {
    fn start(site: &Path) -> Server {
        use std::io::BufRead;
        let mut child = Command::new(env!("CARGO_BIN_EXE_jarya"))
            .args(["serve", "--port", "0", "--site", site.to_str().unwrap()])
            .env("SOURCE_DATE_EPOCH", EPOCH)
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .expect("start jarya serve");
        let stderr = child.stderr.take().unwrap();
        let (tx, rx) = std::sync::mpsc::channel();
        std::thread::spawn(move || {
            for line in std::io::BufReader::new(stderr)
                .lines()
                .map_while(Result::ok)
            {
                let _ = tx.send(line);
            }
        });
        let mut server = Server {
            child,
            port: 0,
            log: rx,
        };
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs(30);
        while std::time::Instant::now() < deadline {
            if let Ok(line) = server
                .log
                .recv_timeout(std::time::Duration::from_millis(200))
                && let Some(rest) = line.split("http://127.0.0.1:").nth(1)
            {
                server.port = rest
                    .trim_end_matches(|c: char| !c.is_ascii_digit())
                    .split('/')
                    .next()
                    .unwrap()
                    .parse()
                    .unwrap();
                return server;
            }
        }
        panic!("jarya serve did not start");
    }

    /// A raw HTTP/1.1 GET (raw, so paths reach the server exactly as written): status, headers,
    /// body.
    fn get(&self, path: &str) -> (u16, String, String) {
        use std::io::{Read, Write};
        let mut s = std::net::TcpStream::connect(("127.0.0.1", self.port)).unwrap();
        s.set_read_timeout(Some(std::time::Duration::from_secs(30)))
            .unwrap();
        write!(
            s,
            "GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n"
        )
        .unwrap();
        let mut raw = Vec::new();
        s.read_to_end(&mut raw).unwrap();
        let text = String::from_utf8_lossy(&raw).into_owned();
        let (head, body) = text.split_once("\r\n\r\n").unwrap_or((&text, ""));
        let status = head.split_whitespace().nth(1).unwrap().parse().unwrap();
        (status, head.to_string(), body.to_string())
    }

    /// Waits for a printed line containing `text`.
    fn wait_for_log(&self, text: &str) -> String {
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs(20);
        while std::time::Instant::now() < deadline {
            if let Ok(line) = self.log.recv_timeout(std::time::Duration::from_millis(200))
                && line.contains(text)
            {
                return line;
            }
        }
        panic!("the server never printed {text:?}");
    }

    /// GETs `path` until `pred` holds (the watcher looks about twice a second).
    fn wait_for(
        &self,
        path: &str,
        pred: impl Fn(u16, &str, &str) -> bool,
    ) -> (u16, String, String) {
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs(20);
        loop {
            let (status, head, body) = self.get(path);
            if pred(status, &head, &body) {
                return (status, head, body);
            }
            assert!(
                std::time::Instant::now() < deadline,
                "timed out waiting on {path}: {status}\n{head}"
            );
            std::thread::sleep(std::time::Duration::from_millis(100));
        }
    }
}

#[test]
fn serve_answers_pages_refuses_traversal_rebuilds_and_shows_errors() {
    let site = site_with(&[
        ("ru/a.md", &release("Первая", "2025-01-10", "ru", "")),
        ("ru/b.md", &release("Вторая", "2025-01-11", "ru", "")),
    ]);
    // A secret beside the site that no request may reach.
    std::fs::write(site.path().join("secret.txt"), "top secret").unwrap();
    let server = Server::start(site.path());

    let (status, head, body) = server.get("/ru/a/");
    assert_eq!(status, 200);
    assert!(head.contains("Content-Type: text/html; charset=utf-8"));
    assert!(body.contains("<h1>Первая</h1>"));
    assert!(
        body.contains("<script src=\"/__jarya/live.js\"></script>"),
        "live reload is injected in serve"
    );
    assert!(
        body.contains("http://127.0.0.1:"),
        "links point at the server"
    );
    assert_eq!(server.get("/").0, 200);
    let (status, head, _) = server.get("/ru/a");
    assert_eq!(status, 301);
    assert!(head.contains("Location: /ru/a/"));
    for (path, ty) in [
        ("/ru/a/event.ics", "text/calendar; charset=utf-8"),
        ("/ru/atom.xml", "application/atom+xml; charset=utf-8"),
        ("/style.css", "text/css; charset=utf-8"),
        ("/sitemap.xml", "application/xml; charset=utf-8"),
    ] {
        let (status, head, _) = server.get(path);
        assert_eq!(status, 200, "{path}");
        assert!(
            head.contains(&format!("Content-Type: {ty}")),
            "{path}: {head}"
        );
    }
    let (status, _, body) = server.get("/no/such/page/");
    assert_eq!(status, 404);
    assert!(body.contains("Страница не найдена"), "the site's 404.html");
    for evil in [
        "/../secret.txt",
        "/../../secret.txt",
        "/%2e%2e/secret.txt",
        "/%2E%2E%2Fsecret.txt",
        "/ru/..%5c..%5csecret.txt",
        "/..\\secret.txt",
        "/%00",
    ] {
        let (status, _, body) = server.get(evil);
        assert!(status == 400 || status == 404, "{evil}: {status}");
        assert!(!body.contains("top secret"), "{evil} leaked a file");
    }

    // The live-reload long poll answers the current build's number at once, and a newer one
    // as soon as a change is rebuilt.
    let (status, _, first) = server.get("/__jarya/wait");
    assert_eq!(status, 200);
    assert!(server.get("/__jarya/live.js").2.contains("/__jarya/wait"));

    // A change is rebuilt and served.
    let a = site.path().join("content/ru/a.md");
    std::fs::write(&a, release("Первая, исправленная", "2025-01-10", "ru", "")).unwrap();
    server.wait_for("/ru/a/", |s, _, b| {
        s == 200 && b.contains("<h1>Первая, исправленная</h1>")
    });
    let (_, _, next) = server.get(&format!("/__jarya/wait?v={first}"));
    assert_ne!(next, first, "the long poll reports the rebuild");

    server.wait_for_log("content/ru/a.md changed; rebuilt in");

    // A change to the text alone (not the front matter, not the first paragraph that lists
    // show) re-renders only that page.
    let body_only = format!(
        "{}\nВторой абзац, новый.\n",
        release("Первая, исправленная", "2025-01-10", "ru", "")
    );
    std::fs::write(&a, body_only).unwrap();
    server.wait_for("/ru/a/", |s, _, b| {
        s == 200 && b.contains("Второй абзац, новый.")
    });
    let line = server.wait_for_log("content/ru/a.md changed");
    assert!(line.contains("re-rendered its page in"), "{line}");

    // A mistake: its page shows the error; other pages keep the last good build, flagged.
    std::fs::write(&a, release("Первая", "27 июня 2025", "ru", "")).unwrap();
    let (_, _, body) = server.wait_for("/ru/a/", |s, _, _| s == 500);
    assert!(body.contains("content/ru/a.md:3"), "{body}");
    assert!(body.contains("is not a date"), "{body}");
    assert!(
        body.contains("<pre><span class=\"n\">3</span> date: 27 июня 2025</pre>"),
        "{body}"
    );
    assert!(body.contains("write it as 2025-06-27"), "{body}");
    let (status, head, body) = server.get("/ru/b/");
    assert_eq!(status, 200);
    assert!(head.contains("X-Jarya-Errors: 1"));
    assert!(body.contains("<h1>Вторая</h1>"));
    assert!(server.get("/__jarya/errors").2.contains("is not a date"));

    // Fixing the file clears it.
    std::fs::write(&a, release("Первая", "2025-06-27", "ru", "")).unwrap();
    let (_, head, _) = server.wait_for("/ru/a/", |s, _, _| s == 200);
    assert!(!head.contains("X-Jarya-Errors"));
    assert!(!server.get("/ru/b/").1.contains("X-Jarya-Errors"));
}

// ---------------------------------------------------------------------------------------------
// Robustness: files cut anywhere or filled with odd text give messages, never a crash.
// ---------------------------------------------------------------------------------------------

#[test]
fn releases_cut_anywhere_give_messages_never_a_crash() {
    let sources: Vec<String> = [
        "ru/monitoring-yusticii.md",
        "ky/коомдук-кеңештерге-10-жыл.md",
    ]
    .iter()
    .map(|p| std::fs::read_to_string(repo().join("content").join(p)).unwrap())
    .collect();
    let site = site_with(&[]);
    let file = site.path().join("content/ru/x.md");
    std::fs::create_dir_all(file.parent().unwrap()).unwrap();
    let mut variants = 0;
    for text in &sources {
        let head: String = text.chars().take(700).collect();
        let cuts: Vec<usize> = head.char_indices().map(|(i, _)| i).step_by(7).collect();
        for &i in &cuts {
            for variant in [
                head[..i].to_string(),
                format!("{}{}", &head[..i], &head[i..].replacen(':', " ", 1)),
                format!("{}\u{feff}\t«»\u{a0}\r{}", &head[..i], &head[i..]),
            ] {
                std::fs::write(&file, variant).unwrap();
                let result = jarya::check(&jarya::BuildOptions::new(site.path()));
                if let Err(jarya::error::Error::Content(diags)) = &result {
                    assert!(!diags.is_empty());
                    for d in diags {
                        assert!(!d.message.is_empty());
                        assert!(
                            d.path.to_string_lossy().contains("x.md")
                                || d.path.to_string_lossy().contains("site.yaml"),
                            "{d}"
                        );
                    }
                }
                variants += 1;
            }
        }
    }
    assert!(variants > 200, "{variants}");
}

#[test]
fn odd_values_in_every_field_give_messages_never_a_crash() {
    let fields = [
        "title",
        "date",
        "end",
        "lang",
        "organizers",
        "topics",
        "contacts",
        "location",
        "summary",
        "slug",
        "translation_key",
        "draft",
        "image",
    ];
    let long = "ж".repeat(300);
    let values = [
        "3 декабря 2025",
        "ёёёёёёёёёёёёёёёёёё",
        "2025-06-2ж 10:00:00+06",
        "2025-13-45T99:99:99+99:99",
        "27.06.2025 ж",
        "",
        "~",
        "[]",
        "{}",
        "[[]]",
        "{a: {b: c}}",
        "\"\"",
        "«»",
        "'",
        "0 312",
        "-1",
        "1e999",
        "@x",
        "*x",
        "&a",
        "!tag x",
        "[{name: ''}]",
        "[{name: X, phone: '++'}]",
        "[{name: X, email: '@'}]",
        "[{name: X, url: 'ftp:x'}]",
        "../../../etc/passwd",
        "/abs",
        "C:\\\\x",
        "http://",
        "true",
        "no",
        long.as_str(),
    ];
    let site = site_with(&[("ru/ok.md", &release("Хороший", "2025-01-01", "ru", ""))]);
    let file = site.path().join("content/ru/x.md");
    for field in fields {
        for value in values {
            let mut text =
                String::from("---\ntitle: Т\ndate: 2025-01-01\nlang: ru\norganizers: [О]\n");
            text = text
                .lines()
                .filter(|l| !l.starts_with(&format!("{field}:")))
                .map(|l| format!("{l}\n"))
                .collect();
            text.push_str(&format!(
                "{field}: {value}\n---\nТекст [ссылка]({value}).\n"
            ));
            std::fs::write(&file, &text).unwrap();
            let _ = jarya::check(&jarya::BuildOptions::new(site.path()));
        }
    }
    // The same values in the settings and in the registries.
    std::fs::remove_file(&file).unwrap();
    let settings = site.path().join("content/site.yaml");
    let good = std::fs::read_to_string(&settings).unwrap();
    for key in [
        "base_url",
        "default_language",
        "per_page",
        "timezone",
        "phone_country_code",
        "image",
        "languages",
    ] {
        for value in values {
            let text: String = good
                .lines()
                .filter(|l| {
                    !(l.starts_with(&format!("{key}:"))
                        || (key == "languages" && l.starts_with("  ")))
                })
                .map(|l| format!("{l}\n"))
                .collect();
            std::fs::write(&settings, format!("{text}{key}: {value}\n")).unwrap();
            let _ = jarya::check(&jarya::BuildOptions::new(site.path()));
        }
    }
    std::fs::write(&settings, &good).unwrap();
    for registry in ["topics.yaml", "organizations.yaml"] {
        for field in [
            "ru",
            "ky",
            "aliases",
            "description",
            "short",
            "website",
            "logo",
            "contacts",
            "kz",
        ] {
            for value in values {
                let text = format!("x:\n  ru: Имя\n  {field}: {value}\n{value}:\n  ru: Другое\n");
                std::fs::write(site.path().join("content").join(registry), text).unwrap();
                let _ = jarya::check(&jarya::BuildOptions::new(site.path()));
            }
        }
        std::fs::remove_file(site.path().join("content").join(registry)).unwrap();
    }
}

#[test]
fn large_calendars_keep_upcoming_and_recent_events() {
    let files: Vec<(String, String)> = (0..520)
        .map(|i| {
            let day = jiff::civil::date(2024, 2, 1)
                .checked_add(jiff::Span::new().days(i))
                .unwrap();
            (
                format!("ru/e{i}.md"),
                release(&format!("Событие {i}"), &day.to_string(), "ru", ""),
            )
        })
        .collect();
    let refs: Vec<(&str, &str)> = files
        .iter()
        .map(|(a, b)| (a.as_str(), b.as_str()))
        .collect();
    let site = site_with(&refs);
    let (_t, out) = build(site.path(), &[]);
    let events = ics_events(&out.join("ru/calendar.ics"));
    assert_eq!(events.len(), 500);
    let starts: BTreeSet<String> = events.iter().map(|e| e["DTSTART"].0.clone()).collect();
    // Events run from 2024-02-01 to 2025-07-04 and today is 2025-06-15: the upcoming ones are
    // all there, the 20 oldest are not.
    assert!(
        starts.contains("20250615") && starts.contains("20250704"),
        "upcoming kept"
    );
    assert!(starts.contains("20240221"), "recent past kept");
    assert!(
        !starts.contains("20240201") && !starts.contains("20240220"),
        "oldest dropped"
    );
}

/// Live reload in a real browser: `.ci/run` installs Chromium and playwright-core and sets
/// JARYA_PLAYWRIGHT to the folder holding `node_modules/playwright-core`; in CI its absence is a
/// failure.
#[test]
fn live_reload_works_in_a_real_browser() {
    let Some(modules) = std::env::var_os("JARYA_PLAYWRIGHT") else {
        assert!(
            std::env::var_os("CI").is_none(),
            "CI must set JARYA_PLAYWRIGHT (see .ci/run)"
        );
        eprintln!("skipped: set JARYA_PLAYWRIGHT to a folder with node_modules/playwright-core");
        return;
    };
    let site = site_with(&[
        ("ru/a.md", &release("Первая", "2025-01-10", "ru", "")),
        ("ru/b.md", &release("Вторая", "2025-01-11", "ru", "")),
    ]);
    let server = Server::start(site.path());
    let o = Command::new("node")
        .arg(repo().join("tests/browser/live-reload.js"))
        .arg(server.port.to_string())
        .arg(site.path().join("content/ru/a.md"))
        .env("NODE_PATH", PathBuf::from(modules).join("node_modules"))
        .output()
        .expect("run node");
    assert!(
        o.status.success(),
        "{}{}",
        String::from_utf8_lossy(&o.stdout),
        String::from_utf8_lossy(&o.stderr)
    );
}
