//! Hostile input: nothing from content turns into script in a reader's browser.

use super::*;

const BODY: &str = "Текст.\n\n<script>alert(2)</script>\n\n[ссылка](javascript:alert(1)) \
                    <img src=x onerror=\"alert(3)\"> <a href=\"https://x.kg\">ok</a>\n\n\
                    <iframe src=\"https://www.youtube.com/embed/abc\" title=\"Видео\"></iframe>\n";

fn page_of(site: &Path) -> String {
    let (_tmp, out) = build(site, &[]);
    read(&out, "ru/a/index.html")
}

#[test]
fn raw_html_and_script_urls_never_reach_the_page_and_each_drop_is_located() {
    let site = site_with(&[("ru/a.md", &(release("А", "2025-01-10", "ru", "") + BODY))]);
    let page = page_of(site.path());
    for bad in ["<script>alert", "javascript:", "onerror", "<iframe"] {
        assert!(!page.contains(bad), "{bad} published:\n{page}");
    }
    assert!(page.contains("<a href=\"https://x.kg\">ok</a>"), "{page}");
    let o = jarya(&["check", "--site", site.path().to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(0), "warnings only");
    let err = stderr(&o);
    assert!(
        err.contains("this HTML will not be published: <script>"),
        "{err}"
    );
    assert!(
        err.contains("the address \"javascript:alert(1)\" could run script"),
        "{err}"
    );
    assert!(err.contains("onerror=\"…\""), "{err}");
    assert!(
        err.contains("<iframe src=\"https://www.youtube.com/embed/abc\">"),
        "{err}"
    );
    // Each at its line: the front matter ends on line 6, BODY starts on line 8.
    assert!(err.contains("content/ru/a.md:10:1"), "{err}");
    assert!(err.contains("content/ru/a.md:12:1"), "{err}");
}

/// A body of Markdown only skips the sanitizer unless an address would be dropped: then it is
/// cleaned like any other, and each dropped link is a located warning.
#[test]
fn markdown_links_the_sanitizer_would_drop_are_dropped_and_located() {
    let body = "Текст [норм](https://x.kg/?a=1&b=2) и [вред](JavaScript:alert(1)).\n\n\
                [файл](ftp://x.kg/f) ![фото](data:text/html,x)\n";
    let site = site_with(&[("ru/a.md", &(release("А", "2025-01-10", "ru", "") + body))]);
    let page = page_of(site.path());
    for bad in ["JavaScript:", "ftp:", "data:text"] {
        assert!(!page.contains(bad), "{bad} published:\n{page}");
    }
    assert!(
        page.contains("<a href=\"https://x.kg/?a=1&amp;b=2\">норм</a>"),
        "{page}"
    );
    let o = jarya(&["check", "--site", site.path().to_str().unwrap()]);
    let err = stderr(&o);
    assert!(err.contains("content/ru/a.md:8:39"), "{err}");
    assert!(
        err.contains("the address \"ftp://x.kg/f\" is not one a page can link to"),
        "{err}"
    );
    assert!(err.contains("content/ru/a.md:10:1"), "{err}");
    assert!(
        err.contains("\"data:text/html,x\" could run script"),
        "{err}"
    );
    // Without any of them, the same Markdown is published as pulldown-cmark writes it.
    let site = site_with(&[(
        "ru/a.md",
        &(release("А", "2025-01-10", "ru", "") + "Текст [норм](https://x.kg/)  \nдалее\n"),
    )]);
    let page = page_of(site.path());
    assert!(
        page.contains("Текст <a href=\"https://x.kg/\">норм</a><br>\nдалее</p>"),
        "{page}"
    );
}

#[test]
fn embed_hosts_allow_frames_and_unsafe_html_lets_everything_through_with_a_warning() {
    let site = site_with(&[("ru/a.md", &(release("А", "2025-01-10", "ru", "") + BODY))]);
    let settings = site.path().join("content/site.yaml");
    let text = std::fs::read_to_string(&settings).unwrap();
    std::fs::write(&settings, format!("{text}embed_hosts: [www.youtube.com]\n")).unwrap();
    let page = page_of(site.path());
    assert!(
        page.contains("<iframe src=\"https://www.youtube.com/embed/abc\""),
        "{page}"
    );
    assert!(!page.contains("<script>alert"));
    std::fs::write(&settings, format!("{text}unsafe_html: true\n")).unwrap();
    let page = page_of(site.path());
    assert!(page.contains("<script>alert(2)</script>"), "{page}");
    let o = jarya(&["check", "--site", site.path().to_str().unwrap()]);
    assert!(stderr(&o).contains("unsafe_html is on"), "{}", stderr(&o));
    assert!(stderr(&o).contains("content/site.yaml:"), "{}", stderr(&o));
}

/// A YAML alias bomb and 100 000 nested brackets: a located error at once, never a hang.
#[test]
fn alias_bombs_and_deep_nesting_are_errors_not_hangs() {
    let mut bomb = vec![
        "---".to_string(),
        "title: T".to_string(),
        "date: 2025-01-01".to_string(),
        "lang: ru".to_string(),
        "a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]".to_string(),
    ];
    for i in 1..10 {
        bomb.push(format!(
            "a{i}: &a{i} [{}]",
            vec![format!("*a{}", i - 1); 10].join(", ")
        ));
    }
    bomb.extend([
        "organizers: *a9".to_string(),
        "---".to_string(),
        "x".to_string(),
    ]);
    let deep = format!("---\ntitle: {}\n---\n", "[".repeat(100_000));
    let site = site_with(&[("ru/bomb.md", &bomb.join("\n")), ("ru/deep.md", &deep)]);
    let started = std::time::Instant::now();
    let o = jarya(&["check", "--site", site.path().to_str().unwrap()]);
    let err = stderr(&o);
    assert_eq!(o.status.code(), Some(1), "{err}");
    assert!(err.contains("expand too far"), "{err}");
    assert!(err.contains("nested more than 64 deep"), "{err}");
    assert!(err.contains("content/ru/deep.md:2:72"), "{err}");
    // Not a timing target (machines are noisy): a hang here took minutes.
    assert!(started.elapsed().as_secs() < 60);
}

/// Every file under `dir` but the leftovers of killed builds beside the output folder.
fn leftovers(parent: &Path) -> Vec<String> {
    std::fs::read_dir(parent)
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.contains("jarya-staging"))
        .collect()
}

/// SIGKILL at many moments of a build: the output folder is always one whole site, the old
/// one or the new one, never a mix or nothing; the next build cleans what the killed ones left.
#[cfg(unix)]
#[test]
fn a_build_killed_at_any_moment_leaves_a_whole_site() {
    let site = tempfile::tempdir().unwrap();
    write_files(site.path(), sample_files());
    let out = site.path().join("public");
    let args = ["build", "--site", site.path().to_str().unwrap()];
    assert!(jarya(&args).status.success());
    let old = tree(&out);
    // The next builds make a different site.
    let file = site.path().join("content/ru/monitoring-yusticii.md");
    let text = std::fs::read_to_string(&file).unwrap();
    std::fs::write(&file, text.replacen("title: ", "title: Новое — ", 1)).unwrap();
    let digest = |t: &BTreeMap<String, Vec<u8>>| {
        use std::hash::{Hash, Hasher};
        let mut h = std::collections::hash_map::DefaultHasher::new();
        t.hash(&mut h);
        h.finish()
    };
    let mut new_ones = Vec::new();
    let mut kills = 0;
    for i in 0..40u64 {
        // Each build does the whole work: without its stamp, a build of unchanged inputs is
        // not skipped (see `uptodate`).
        let _ = std::fs::remove_dir_all(site.path().join(".jarya-cache/builds"));
        let mut child = Command::new(env!("CARGO_BIN_EXE_jarya"))
            .args(args)
            .env("SOURCE_DATE_EPOCH", EPOCH)
            .env("JARYA_GIT_DATES", "0")
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn()
            .unwrap();
        std::thread::sleep(std::time::Duration::from_millis(i * 37 % 1500));
        if child.try_wait().unwrap().is_none() {
            kills += 1;
        }
        let _ = child.kill();
        let _ = child.wait();
        let now = tree(&out);
        assert!(!now.is_empty(), "kill {i}: no output folder");
        let is_new = now
            .get("ru/monitoring-yusticii/index.html")
            .is_some_and(|p| String::from_utf8_lossy(p).contains("Новое — "));
        if is_new {
            new_ones.push((i, digest(&now)));
        } else {
            assert!(now == old, "kill {i}: the old site was changed");
        }
    }
    assert!(kills > 20, "only {kills} builds were killed while running");
    assert!(jarya(&args).status.success());
    assert!(read(&out, "ru/monitoring-yusticii/index.html").contains("Новое — "));
    let whole = digest(&tree(&out));
    for (i, d) in new_ones {
        assert_eq!(
            d, whole,
            "kill {i}: a partly written new site was published"
        );
    }
    assert_eq!(
        leftovers(site.path()),
        Vec::<String>::new(),
        "killed builds' folders remain"
    );
}

/// Paths that try to leave the site, symlinks, a huge file, NUL bytes, a 100 000-character
/// title and 10 000 topics: each a clear error or a safe page, and nothing written outside
/// the output folder.
#[test]
fn adversarial_files_give_errors_or_safe_output_never_escapes() {
    let r = |title: &str, extra: &str| release(title, "2025-01-01", "ru", extra);
    let long_title = "Т".repeat(100_000);
    let many_topics = format!(
        "topics: [{}]\n",
        (0..10_000)
            .map(|i| format!("t{i}"))
            .collect::<Vec<_>>()
            .join(", ")
    );
    let huge = format!("{}{}", r("Большой", ""), "слово ".repeat(2_000_000));
    let bad = site_with(&[
        (
            "ru/i1.md",
            &r("a", "image: ../../../etc/passwd\nimage_alt: x\n"),
        ),
        (
            "ru/i2.md",
            &r("b", "image: \"C:\\\\x.jpg\"\nimage_alt: x\n"),
        ),
        ("ru/nul.md", "---\ntitle: \"a\0b\"\n"),
        ("ru/huge.md", &huge),
        ("ru/topics.md", &r("Темы", &many_topics)),
    ]);
    let o = jarya(&["check", "--site", bad.path().to_str().unwrap()]);
    let err = stderr(&o);
    assert_eq!(o.status.code(), Some(1), "{err}");
    for (file, what) in [
        ("content/ru/i1.md:6", "is not a picture path"),
        ("content/ru/i2.md:6", "is not a picture path"),
        (
            "content/ru/huge.md",
            "a release or a settings file may be at most 10 MB",
        ),
        (
            "content/ru/topics.md:6",
            "10000 names; a release may name at most 100",
        ),
        ("content/ru/nul.md", "error"),
    ] {
        let at = err
            .find(file)
            .unwrap_or_else(|| panic!("nothing about {file}:\n{err}"));
        let around = &err[at.saturating_sub(300)..(at + 300).min(err.len())];
        assert!(around.contains(what), "{file}: {what}:\n{around}");
    }

    // What builds: traversal in slugs and file names becomes an ordinary address.
    let good = site_with(&[
        ("ru/s1.md", &r("a", "slug: ../../etc/evil\n")),
        ("ru/s2.md", &r("b", "slug: \"..\\\\..\\\\x\"\n")),
        ("ru/s3.md", &r("c", "slug: \"%2e%2e/y\"\n")),
        ("ru/s4.md", &r("d", "slug: \"C:/Windows/z\"\n")),
        ("ru/..%2f..%2fname.md", &r("e", "")),
        ("ru/long.md", &r(&long_title, "")),
    ]);
    #[cfg(unix)]
    {
        std::fs::create_dir_all(good.path().join("static")).unwrap();
        std::os::unix::fs::symlink("/etc", good.path().join("static/etc")).unwrap();
        std::os::unix::fs::symlink("..", good.path().join("static/loop")).unwrap();
    }
    let parent = tempfile::tempdir().unwrap();
    let out = parent.path().join("public");
    let o = jarya(&[
        "build",
        "--site",
        good.path().to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let names: Vec<String> = std::fs::read_dir(parent.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(names, ["public"], "written beside the output folder");
    let files = tree(&out);
    assert!(
        !files
            .keys()
            .any(|k| k.contains("..") || k.contains('\\') || k.contains(':'))
    );
    assert!(
        !files
            .keys()
            .any(|k| k.starts_with("etc/") || k.starts_with("loop/")),
        "a symlink was followed"
    );
    // A slug with slashes is the last part of an address (`/ru/forum/` gives `forum`).
    for page in ["ru/evil/", "ru/x/", "ru/y/", "ru/z/"] {
        assert!(files.contains_key(&format!("{page}index.html")), "{page}");
    }
    assert!(
        files.contains_key("ru/evil/index.html"),
        "{:?}",
        files.keys().collect::<Vec<_>>()
    );
    assert!(read(&out, "ru/long/index.html").contains(&long_title));
}

/// Text that breaks out of HTML, JSON, XML, quotes and .ics lines, in every front matter field
/// and registry value: each format escapes it by its own rules and reads it back as written.
#[test]
fn hostile_text_in_every_field_is_escaped_for_every_format() {
    const EVIL: &str =
        "</script><script>alert(1)</script> \"q\" 'a' &amp; <b>x</b>; X-INJECT:1 \\\\ ";
    let y = |s: &str| serde_json::to_string(s).unwrap(); // a JSON string is a YAML string
    let front = format!(
        "summary: {e}\nlocation: {{name: {e}, address: {e}, city: {e}}}\ncontacts:\n  - name: {e}\n    role: {e}\n    phone: 0 312 91 10 10\ntopics: [{e}]\n",
        e = y(EVIL)
    );
    let release = format!(
        "---\ntitle: {t}\ndate: 2025-06-20 10:00\nlang: ru\norganizers: [{o}]\n{front}---\nТекст.\n",
        t = y(EVIL),
        o = y("evil-org"),
    );
    let orgs = format!(
        "evil-org:\n  ru: {e}\n  ky: {e}\n  short: {{ru: {e}}}\n  description: {{ru: {e}}}\n  contacts:\n    - name: {e}\n      role: {e}\n      email: a@x.kg\n",
        e = y(EVIL)
    );
    let site = site_with(&[("ru/a.md", &release), ("organizations.yaml", &orgs)]);
    let (_tmp, out) = build(site.path(), &[]);
    let files = tree(&out);
    let folded = EVIL.split_whitespace().collect::<Vec<_>>().join(" ");
    for (path, bytes) in &files {
        let text = String::from_utf8_lossy(bytes);
        if path.ends_with(".html") {
            // The only scripts are JSON-LD and the page's own; no tag from content survives.
            assert!(!text.contains("<script>alert"), "{path}");
            assert!(!text.contains("<b>x</b>"), "{path}");
            if let Some(start) = text.find("<script type=\"application/ld+json\">") {
                let json = &text[start + 35..];
                let json = &json[..json.find("</script>").unwrap()];
                let v: serde_json::Value =
                    serde_json::from_str(json).unwrap_or_else(|e| panic!("{path}: {e}\n{json}"));
                if path == "ru/a/index.html" {
                    assert_eq!(v["name"], folded.as_str(), "{path}");
                }
            }
            if path == "ru/a/index.html" {
                let start = text
                    .find("https://calendar.google.com/calendar/render?")
                    .unwrap();
                let href = &text[start..start + text[start..].find('"').unwrap()];
                let query = href.replace("&amp;", "&");
                let t = query
                    .split("text=")
                    .nth(1)
                    .unwrap()
                    .split('&')
                    .next()
                    .unwrap();
                let decoded = jarya::urls::percent_decode(&t.replace('+', " ")).unwrap();
                assert_eq!(decoded, folded, "Google Calendar link");
            }
        } else if path.ends_with(".xml") {
            let doc = roxmltree::Document::parse(&text).unwrap_or_else(|e| panic!("{path}: {e}"));
            if path == "ru/atom.xml" {
                let titles: Vec<&str> = doc
                    .descendants()
                    .filter(|n| n.has_tag_name("title"))
                    .filter_map(|n| n.text())
                    .collect();
                assert!(titles.contains(&folded.as_str()), "{path}: {titles:?}");
            }
        } else if path.ends_with(".ics") {
            assert!(!text.lines().any(|l| l.starts_with("X-INJECT")), "{path}");
            let cal = ical::IcalParser::new(std::io::BufReader::new(text.as_bytes()))
                .next()
                .unwrap()
                .unwrap_or_else(|e| panic!("{path}: {e}"));
            for e in &cal.events {
                let summary = e.properties.iter().find(|p| p.name == "SUMMARY").unwrap();
                let value = summary.value.clone().unwrap_or_default();
                let unescaped = value
                    .replace("\\,", ",")
                    .replace("\\;", ";")
                    .replace("\\\\", "\\");
                assert_eq!(unescaped, folded, "{path}");
            }
        }
    }
    assert!(files.contains_key("ru/a/event.ics"));
}

/// `--out` spelled to reach the site or a folder holding it (`..`, `.`, a missing folder in
/// between) is refused before anything is written; a Windows drive path on another system is
/// an ordinary folder name inside the working folder.
#[test]
fn an_output_folder_holding_the_site_is_refused_however_spelled() {
    let parent = tempfile::tempdir().unwrap();
    let site_dir = parent.path().join("site");
    std::fs::create_dir_all(site_dir.join("content/ru")).unwrap();
    let small = site_with(&[("ru/a.md", &release("А", "2025-01-10", "ru", ""))]);
    for (rel, bytes) in tree(&small.path().join("content")) {
        std::fs::write(site_dir.join("content").join(rel), bytes).unwrap();
    }
    std::fs::create_dir_all(site_dir.join("public")).unwrap();
    let s = site_dir.to_str().unwrap();
    for out in [
        format!("{s}/public/../.."),
        format!("{s}/public/.."),
        format!("{s}/not-yet/../.."),
        format!("{s}/./content"),
        format!("{s}/static/../content/ru"),
        format!("{s}/public/../../site"),
    ] {
        let o = jarya(&["build", "--site", s, "--out", &out]);
        assert_eq!(o.status.code(), Some(2), "{out}: {}", stderr(&o));
        assert!(
            stderr(&o).contains("would hold or replace the site's own files"),
            "{out}"
        );
    }
    assert!(site_dir.join("content/ru/a.md").is_file());
    let names = |d: &Path| -> Vec<String> {
        let mut v: Vec<String> = std::fs::read_dir(d)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        v.sort();
        v
    };
    assert_eq!(
        names(parent.path()),
        ["site"],
        "nothing written beside the site"
    );
    // `C:\evil` on Linux: one folder of that name in the working folder, nothing elsewhere.
    #[cfg(unix)]
    {
        let cwd = tempfile::tempdir().unwrap();
        let o = Command::new(env!("CARGO_BIN_EXE_jarya"))
            .args(["build", "--site", s, "--out", "C:\\evil"])
            .current_dir(cwd.path())
            .env("JARYA_LANG", "en")
            .env("JARYA_GIT_DATES", "0")
            .output()
            .unwrap();
        assert!(o.status.success(), "{}", stderr(&o));
        assert_eq!(names(cwd.path()), ["C:\\evil"]);
        assert!(cwd.path().join("C:\\evil/ru/a/index.html").is_file());
    }
}
