//! Errors: every problem reported at once, the old output untouched; odd input gives messages, never a crash.

use super::*;

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
    let o = build_to(&site, &out);
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

/// A file in error is left out of the model, but what the model finds in the other files is
/// reported in the same run: one run shows both mistakes.
#[test]
fn a_file_in_error_does_not_hide_what_the_model_finds_in_the_others() {
    let site = site_with(&[
        ("topics.yaml", TOPICS_YAML),
        (
            "ru/a.md",
            &release_by("А", "27 июня 2025", "ru", "[Гендер]", "[ОФ]"),
        ),
        (
            "ru/b.md",
            &release_by("Б", "2025-06-28", "ru", "[Гендерное равенсво]", "[ОФ]"),
        ),
        // A file that is no YAML is in error before the model.
        ("ru/d.md", "---\ntitle: [Г\n---\nТекст.\n"),
        // A link to the file in error waits until that file is fixed.
        (
            "ru/c.md",
            &release_by("В", "2025-06-29", "ru", "[Гендер]", "[ОФ]").replace("Текст.", "[А](a.md)"),
        ),
    ]);
    let o = jarya(&["check", "--site", site.path().to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    let err = stderr(&o).replace('\\', "/");
    assert!(err.contains("error: `date`"), "{err}");
    assert!(err.contains(" --> content/ru/a.md:3:"), "{err}");
    assert!(
        err.contains("error: `topics`: the topic \"Гендерное равенсво\" is almost"),
        "{err}"
    );
    assert!(err.contains(" --> content/ru/b.md:5:9"), "{err}");
    assert!(err.contains(" --> content/ru/d.md:2:"), "{err}");
    assert_eq!(err.matches("error:").count(), 3, "{err}");
    // Without the files in error, the link is known to lead nowhere.
    for gone in ["a", "d"] {
        std::fs::remove_file(site.path().join(format!("content/ru/{gone}.md"))).unwrap();
    }
    let o = jarya(&["check", "--site", site.path().to_str().unwrap()]);
    let err = stderr(&o).replace('\\', "/");
    assert!(err.contains("the link \"a.md\""), "{err}");
}

/// `check` reports the broken links of the other files in the same run as a file in error;
/// a link to the page of the file in error waits until that file is fixed.
#[test]
fn check_reports_broken_links_while_a_file_is_in_error() {
    let body = "[Б](/ru/b/) [темы](/ru/topics/net-takoy/) ![фото](/img/net.png) [А](/ru/a/)";
    let site = site_with(&[
        ("ru/a.md", &release("А", "27 июня 2025", "ru", "")),
        ("ru/b.md", &release("Б", "2025-06-28", "ru", "")),
        (
            "ru/c.md",
            &release("В", "2025-06-29", "ru", "").replace("Первый абзац.", body),
        ),
    ]);
    let path = site.path().to_str().unwrap();
    let o = jarya(&["check", "--site", path]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    let err = stderr(&o).replace('\\', "/");
    assert!(err.contains(" --> content/ru/a.md:3:"), "{err}");
    assert!(
        err.contains("the link \"/ru/topics/net-takoy/\" leads to nothing"),
        "{err}"
    );
    assert!(
        err.contains("the picture \"/img/net.png\" leads to nothing"),
        "{err}"
    );
    assert_eq!(err.matches("error:").count(), 3, "{err}");
    // Once a.md is fixed, its page is there; with a.md gone, the link to it is broken.
    std::fs::remove_file(site.path().join("content/ru/a.md")).unwrap();
    let err = stderr(&jarya(&["check", "--site", path])).replace('\\', "/");
    assert!(
        err.contains("the link \"/ru/a/\" leads to nothing"),
        "{err}"
    );
    assert_eq!(err.matches("error:").count(), 3, "{err}");
    // A build still stops at the file in error, before writing anything.
    std::fs::write(
        site.path().join("content/ru/a.md"),
        release("А", "27 июня 2025", "ru", ""),
    )
    .unwrap();
    let out = site.path().join("public");
    let o = jarya(&["build", "--site", path, "--out", out.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    assert!(!out.exists());
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
        let o = build_to_env(&site, &out, &[("RAYON_NUM_THREADS", threads)]);
        assert!(o.status.success(), "{}", stderr(&o));
        trees.push(tree(&out));
    }
    assert!(!trees[0].is_empty());
    assert_eq!(trees[0], trees[1]);
}

/// The machine's time zone and the order the files were created in change nothing.
#[test]
fn output_does_not_depend_on_the_time_zone_or_the_order_files_were_made() {
    let copy = |order_reversed: bool| {
        let tmp = tempfile::tempdir().unwrap();
        let mut files = sample_files();
        if order_reversed {
            files.reverse();
        }
        write_files(tmp.path(), files);
        tmp
    };
    let (a, b) = (copy(false), copy(true));
    let mut trees = Vec::new();
    for (site, tz) in [
        (&a, "Asia/Bishkek"),
        (&b, "America/Los_Angeles"),
        (&a, "UTC"),
    ] {
        let out = site.path().join("public");
        let o = jarya_env(
            &["build", "--site", site.path().to_str().unwrap()],
            &[("TZ", tz)],
        );
        assert!(o.status.success(), "{}", stderr(&o));
        trees.push(tree(&out));
    }
    assert!(trees[0].len() > 50);
    assert!(trees[0] == trees[1], "file order or TZ changed the output");
    assert!(trees[0] == trees[2], "TZ changed the output");
}

#[test]
fn exit_codes_mean_something() {
    let nowhere = tempfile::tempdir().unwrap();
    let o = jarya(&["build", "--site", nowhere.path().to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("has no content/ folder"));
    // Run in a folder that is no site: the folder by its whole path (not "."), and the way out.
    let o = Command::new(env!("CARGO_BIN_EXE_jarya"))
        .current_dir(nowhere.path())
        .args(["build"])
        .env("JARYA_LANG", "en")
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(2));
    let err = stderr(&o);
    let shown = std::path::absolute(nowhere.path()).unwrap();
    assert!(err.contains(&*shown.to_string_lossy()), "{err}");
    assert!(err.contains("`jarya init` makes a new site"), "{err}");
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
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("public");
    // A build, then one with nothing changed: each says what it did in one line.
    for expected in [" pages, ", "Nothing changed since the last build"] {
        let o = build_to(&repo(), &out);
        let text = String::from_utf8_lossy(&o.stdout);
        assert_eq!(text.lines().count(), 1, "{text}");
        assert!(text.contains("(8 releases: ru: 5, ky: 3)"), "{text}");
        assert!(text.contains(expected), "{text}");
    }
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
                        assert!(!d.message.to_string().is_empty());
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

/// `check` on `site` either passes or gives located messages about `file` in plain words: no
/// other kind of failure, no Rust names, and nothing about a file that was not changed.
fn assert_clear(site: &Path, file: &str, input: &str) {
    match jarya::check(&jarya::BuildOptions::new(site)) {
        Ok(_) => {}
        Err(jarya::error::Error::Content(diags)) => {
            assert!(!diags.is_empty(), "{input}");
            for d in diags.iter().filter(|d| d.is_error()) {
                let path = d.path.to_string_lossy().replace('\\', "/");
                assert!(path.ends_with(file), "{input}: {d}");
                assert!(d.line.is_some(), "no line for {input}: {d}");
                for ui in jarya::i18n::UiLang::ALL {
                    let text =
                        format!("{} {}", d.message_in(ui), d.hint_in(ui).unwrap_or_default());
                    assert!(!text.trim().is_empty(), "{input}");
                    for rust in [
                        "Some(", "None", "Yaml::", "Value::", "Err(", "Ok(", "serde", "::",
                    ] {
                        assert!(!text.contains(rust), "{input}: {rust} in {text}");
                    }
                }
            }
        }
        Err(other) => panic!("{input}: not a located message: {other}"),
    }
}

#[test]
fn odd_values_in_every_field_give_messages_never_a_crash() {
    // Every front matter field, `published` and any later one included.
    let fields = jarya::content::FIELDS;
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
            assert_clear(site.path(), "content/ru/x.md", &text);
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
            assert_clear(site.path(), "content/site.yaml", &format!("{key}: {value}"));
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
                std::fs::write(site.path().join("content").join(registry), &text).unwrap();
                assert_clear(site.path(), registry, &text);
            }
        }
        std::fs::remove_file(site.path().join("content").join(registry)).unwrap();
    }
}
