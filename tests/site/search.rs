//! Search: the search pages, the Pagefind index in the output folder, the `search` setting and
//! `--search`, and the golden queries answered in a real browser.

use super::*;

fn search_fixture() -> PathBuf {
    fixture("search")
}

#[test]
fn search_pages_and_index_are_built_the_same_whatever_the_threads() {
    let tmp = tempfile::tempdir().unwrap();
    let (one, many) = (tmp.path().join("one"), tmp.path().join("many"));
    let o = build_to_env(&search_fixture(), &one, &[("RAYON_NUM_THREADS", "1")]);
    assert!(o.status.success(), "{}", stderr(&o));
    let o = build_to_env(&search_fixture(), &many, &[("RAYON_NUM_THREADS", "8")]);
    assert!(o.status.success(), "{}", stderr(&o));
    let files = tree(&one);
    assert!(files == tree(&many), "the two builds differ");

    // Pagefind's index of both languages, its runtime, and none of its own UIs.
    let entry: serde_json::Value =
        serde_json::from_slice(&files["pagefind/pagefind-entry.json"]).unwrap();
    assert_eq!(entry["languages"]["ru"]["page_count"], 6, "{entry}");
    assert_eq!(entry["languages"]["ru"]["wasm"], "ru", "{entry}");
    assert_eq!(entry["languages"]["ky"]["page_count"], 6, "{entry}");
    for f in [
        "pagefind/pagefind.js",
        "pagefind/pagefind-worker.js",
        "search.js",
    ] {
        assert!(files.contains_key(f), "{f} is missing");
    }
    let index: Vec<&String> = files
        .keys()
        .filter(|k| k.starts_with("pagefind/"))
        .collect();
    assert!(
        index.iter().any(|k| k.starts_with("pagefind/fragment/")),
        "{index:?}"
    );
    assert!(!index.iter().any(|k| k.contains("-ui")), "{index:?}");
    assert!(!index.iter().any(|k| k.contains("playground")), "{index:?}");

    // One search page per language: a GET form, filters, and lists to browse without script.
    for lang in ["ru", "ky"] {
        let page = read(&one, &format!("{lang}/search/index.html"));
        assert!(page.contains(r#"<form class="search-form" role="search" method="get""#));
        assert!(page.contains(r#"<input id="search-q" name="q" type="search""#));
        assert!(page.contains(r#"<script type="module" src="/search.js"></script>"#));
        assert!(page.contains(r#"data-bundle="/pagefind/""#));
        assert!(page.contains(&format!(r#"<option value="/{lang}/topics/"#)));
        assert!(page.contains("<noscript>"));
        assert!(page.contains(&format!(r#"<a href="/{lang}/archive/2025/">2025</a>"#)));
        // Every page's menu leads to it.
        assert!(
            read(&one, &format!("{lang}/index.html"))
                .contains(&format!(r#"<li><a href="/{lang}/search/">"#))
        );
    }
    assert!(read(&one, "ru/search/index.html").contains(
        r#"data-found="Найдено: {n} мероприятие|Найдено: {n} мероприятия|Найдено: {n} мероприятий""#
    ));

    // Release pages carry no search script; what Pagefind indexes is marked.
    for (rel, bytes) in &files {
        let is_release = rel.ends_with("/index.html")
            && ["ru/", "ky/"].iter().any(|l| rel.starts_with(l))
            && rel.matches('/').count() == 2
            && !rel.contains("/search/");
        if !is_release {
            continue;
        }
        let html = String::from_utf8_lossy(bytes);
        assert!(
            !html.contains("search.js") && !html.contains("pagefind.js"),
            "{rel}"
        );
        let scripts = html.matches("<script").count();
        let json_ld = html
            .matches(r#"<script type="application/ld+json">"#)
            .count();
        assert_eq!(scripts, json_ld, "{rel}: a script that is not JSON-LD");
        if !rel.contains("/topics/") && !rel.contains("/organizers/") && !rel.contains("/archive/")
        {
            assert!(html.contains("data-pagefind-body"), "{rel}");
            assert!(
                html.contains(r#"data-pagefind-filter="topic[href]""#),
                "{rel}"
            );
        }
    }
    // The folded Kyrgyz words are only in what Pagefind read, never on the page.
    assert!(!read(&one, "ky/jashtar/index.html").contains("fold[content]"));
}

/// One of Pagefind's files, unzipped, without its signature.
fn pagefind_file(bytes: &[u8]) -> Vec<u8> {
    use std::io::Read;
    let mut out = Vec::new();
    flate2::read::GzDecoder::new(bytes)
        .read_to_end(&mut out)
        .unwrap();
    out.strip_prefix(b"pagefind_dcd").unwrap().to_vec()
}

/// The address of each page in the order Pagefind numbered them in `lang`'s index: its
/// metadata lists the pages' fragments in that order, and each fragment holds its address.
fn pagefind_page_order(files: &BTreeMap<String, Vec<u8>>, lang: &str) -> Vec<String> {
    let entry: serde_json::Value =
        serde_json::from_slice(&files["pagefind/pagefind-entry.json"]).unwrap();
    let hash = entry["languages"][lang]["hash"].as_str().unwrap();
    let meta = pagefind_file(&files[&format!("pagefind/pagefind.{hash}.pf_meta")]);
    let mut pages: Vec<(usize, String)> = files
        .iter()
        .filter_map(|(path, bytes)| {
            let name = path.strip_prefix("pagefind/fragment/")?;
            let stem = name.strip_suffix(".pf_fragment")?;
            let at = meta
                .windows(stem.len())
                .position(|w| w == stem.as_bytes())?;
            let fragment: serde_json::Value =
                serde_json::from_slice(&pagefind_file(bytes)).unwrap();
            Some((at, fragment["url"].as_str().unwrap().to_string()))
        })
        .collect();
    pages.sort();
    pages.into_iter().map(|(_, url)| url).collect()
}

/// Pagefind numbers pages in the order it reads them, and reading a folder gives the file
/// system's order: jarya hands it the pages in the site's order (newest first), so that the
/// index is the same on every machine.
#[test]
fn the_search_index_numbers_pages_in_the_sites_order() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("out");
    let o = build_to(&search_fixture(), &out);
    assert!(o.status.success(), "{}", stderr(&o));
    let files = tree(&out);
    let order = |slugs: &[&str], lang: &str| -> Vec<String> {
        slugs.iter().map(|s| format!("/{lang}/{s}/")).collect()
    };
    assert_eq!(
        pagefind_page_order(&files, "ky"),
        order(
            &["shayloo", "ukuk", "suu", "uy-bulo", "kenesh", "jashtar"],
            "ky"
        )
    );
    let ru = [
        "monitoring",
        "ravenstvo",
        "voda",
        "bezopasnyy-gorod",
        "shkola",
        "novyy-park",
    ];
    assert_eq!(pagefind_page_order(&files, "ru"), order(&ru, "ru"));
}

/// Without JavaScript the search page offers topics, organizers, years and months; a month
/// links to the page of its year's list where its section starts (two releases per page here).
#[test]
fn the_search_page_links_each_month_to_its_section_on_the_right_page() {
    let dates = [
        "2025-06-27",
        "2025-06-10",
        "2025-05-05",
        "2025-03-02",
        "2025-03-01",
    ];
    let files: Vec<(String, String)> = dates
        .iter()
        .enumerate()
        .map(|(i, d)| {
            (
                format!("ru/r{i}.md"),
                release(&format!("Событие {i}"), d, "ru", ""),
            )
        })
        .collect();
    let files: Vec<(&str, &str)> = files
        .iter()
        .map(|(a, b)| (a.as_str(), b.as_str()))
        .collect();
    let site = site_with(&files);
    let (_t, out) = build(site.path(), &["--search"]);
    let page = read(&out, "ru/search/index.html");
    let months: Vec<(String, String, String)> = page
        .split(r#"<li><a href=""#)
        .skip(1)
        .filter_map(|li| {
            let (href, rest) = li.split_once('"')?;
            let name = rest.strip_prefix('>')?.split('<').next()?;
            let count = rest
                .split(r#"<span class="count">"#)
                .nth(1)?
                .split('<')
                .next()?;
            href.contains('#')
                .then(|| (href.to_string(), name.to_string(), count.to_string()))
        })
        .collect();
    let want = [
        ("/ru/archive/2025/#m-2025-06", "Июнь", "2"),
        ("/ru/archive/2025/page/2/#m-2025-05", "Май", "1"),
        ("/ru/archive/2025/page/2/#m-2025-03", "Март", "2"),
    ];
    let want: Vec<(String, String, String)> = want
        .iter()
        .map(|(a, b, c)| (a.to_string(), b.to_string(), c.to_string()))
        .collect();
    assert_eq!(months, want, "{page}");
    for (href, _, _) in &months {
        let (path, anchor) = href.split_once('#').unwrap();
        let target = read(&out, &format!("{}index.html", &path[1..]));
        assert!(target.contains(&format!(r#"<h2 id="{anchor}">"#)), "{href}");
    }
}

#[test]
fn without_search_nothing_of_it_is_published_and_the_flag_turns_it_on() {
    let site = site_with(&[
        ("ru/a.md", &release("Форум", "2025-07-01", "ru", "")),
        ("ky/a.md", &release("Форум КЫ", "2025-07-01", "ky", "")),
    ]);
    let (_t, out) = build(site.path(), &[]);
    let files = tree(&out);
    assert!(
        !files
            .keys()
            .any(|k| k.starts_with("pagefind/") || k.contains("search"))
    );
    assert!(!read(&out, "ru/index.html").contains("/ru/search/"));

    let (_t2, out) = build(site.path(), &["--search"]);
    let files = tree(&out);
    assert!(files.contains_key("pagefind/pagefind-entry.json"));
    assert!(files.contains_key("ru/search/index.html"));
    assert!(read(&out, "ru/index.html").contains(r#"<li><a href="/ru/search/">Поиск</a></li>"#));
    assert!(read(&out, "ky/index.html").contains(r#"<li><a href="/ky/search/">Издөө</a></li>"#));
}

#[test]
fn the_search_setting_is_true_or_false_and_its_folder_is_reserved() {
    let site = site_with(&[("ru/a.md", &release("Форум", "2025-07-01", "ru", ""))]);
    let settings = site.path().join("content/site.yaml");
    let text = std::fs::read_to_string(&settings).unwrap();
    std::fs::write(&settings, format!("{text}search: yes\n")).unwrap();
    let tmp = tempfile::tempdir().unwrap();
    let o = build_to(site.path(), &tmp.path().join("out"));
    assert_eq!(o.status.code(), Some(1));
    let err = stderr(&o);
    assert!(err.contains("expected true or false"), "{err}");
    assert!(err.contains("search: true"), "the hint: {err}");
    assert!(!tmp.path().join("out").exists());

    // A file of the site where the index goes is a collision, named.
    std::fs::write(&settings, format!("{text}search: true\n")).unwrap();
    std::fs::create_dir_all(site.path().join("static/pagefind")).unwrap();
    std::fs::write(site.path().join("static/pagefind/pagefind.js"), "x").unwrap();
    let o = build_to(site.path(), &tmp.path().join("out"));
    assert_eq!(o.status.code(), Some(1));
    let err = stderr(&o);
    assert!(err.contains("static/pagefind/pagefind.js"), "{err}");
    assert!(
        err.contains("the search index (folder /pagefind/)"),
        "{err}"
    );
}

/// The golden queries of `tests/fixtures/search/golden.json` (26 Russian, 26 Kyrgyz) in
/// headless Chromium (tests/browser/search.js): each finds exactly its pages; folded Kyrgyz
/// queries find as many as unfolded ones; plurals; axe-core on results; the page without
/// JavaScript. `.ci/run` sets JARYA_PLAYWRIGHT; in CI its absence fails.
#[test]
fn search_finds_the_golden_queries_in_a_browser() {
    let Some(modules) = playwright() else { return };
    let (_t, out) = build(&search_fixture(), &[]);
    let golden = search_fixture().join("golden.json");
    let (ok, said) = node(
        &modules,
        "search.js",
        &[out.as_os_str(), golden.as_os_str()],
    );
    assert!(ok, "{said}");
    assert!(said.contains(", 0 failed"), "{said}");
    let golden = std::fs::read_to_string(search_fixture().join("golden.json")).unwrap();
    for lang in ["ru", "ky"] {
        let n = golden.matches(&format!(r#"{{"lang": "{lang}""#)).count();
        assert!(n >= 20, "{lang}: {n} golden queries (at least 20)");
    }
}
