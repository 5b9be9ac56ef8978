//! The writer's loop: `new` and `check`.

use super::*;

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

    // Left as `new` wrote them, the examples are errors: an unfilled file is never published.
    let o = jarya(&["check", "--site", s]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    let err = stderr(&o);
    assert_eq!(
        err.matches("is the example `jarya new` wrote").count(),
        2,
        "{err}"
    );
    assert_eq!(
        err.matches("the text is still the example").count(),
        2,
        "{err}"
    );
    assert_eq!(err.matches("error:").count(), 4, "{err}");
    fill(&site.path().join("content/ky/forum-itogi-goda.md"));
    fill(&bundle.join("index.md"));

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

/// What a writer does after `new`: an organizer and a text in place of the examples.
fn fill(file: &Path) {
    let text = std::fs::read_to_string(file).unwrap();
    let mut filled = text.clone();
    for name in jarya::content::EXAMPLE_ORGANIZERS {
        filled = filled.replace(name, "ОФ «Тест»");
    }
    for p in jarya::content::EXAMPLE_PARAGRAPHS.iter().flatten() {
        filled = filled.replace(p, "Текст релиза.");
    }
    assert_ne!(filled, text, "{}", file.display());
    std::fs::write(file, filled).unwrap();
}

/// A site with one mistake of each kind `check` adds to a build's checks.
fn site_with_broken_links() -> tempfile::TempDir {
    let body = "Ссылки:\n\n- [есть](/ru/other/)\n- [тоже есть](../other/)\n- [нет страницы](/ru/nope/)\n- [файл](other.md)\n- [нет файла](gone.md)\n- ![нет картинки](/img/none.png)\n- [внешняя](https://example.kg/x) и <a@b.kg>\n- [календарь](/ru/calendar.ics)\n";
    site_with(&[
        (
            "ru/links.md",
            &format!(
                "---\ntitle: Ссылки\ndate: 2025-01-01\nlang: ru\norganizers: [ОФ «Тест»]\nimage: img/missing.jpg\nimage_alt: Фото\n---\n{body}"
            ),
        ),
        ("ru/other.md", &release("Другая", "2025-01-02", "ru", "")),
    ])
}

#[test]
fn addresses_and_emails_pasted_as_text_are_links_on_the_page() {
    let text = release("Форум", "2025-01-01", "ru", "").replace(
        "Первый абзац.",
        "Аккредитация: press@ngo.kg. Сайт: www.ngo.kg, отчёт: https://ngo.kg/otchet_2025.pdf.\n\n`www.code.kg` и [ссылка](https://a.kg) как есть.",
    );
    let site = site_with(&[("ru/forum.md", &text)]);
    let (_tmp, out) = build(site.path(), &[]);
    let page = read(&out, "ru/forum/index.html");
    for link in [
        "<a href=\"mailto:press@ngo.kg\">press@ngo.kg</a>.",
        "<a href=\"https://www.ngo.kg\">www.ngo.kg</a>,",
        "<a href=\"https://ngo.kg/otchet_2025.pdf\">https://ngo.kg/otchet_2025.pdf</a>.",
        "<code>www.code.kg</code>",
        "<a href=\"https://a.kg\">ссылка</a>",
    ] {
        assert!(page.contains(link), "{link}: {page}");
    }
}

#[test]
fn a_file_put_beside_a_release_is_explained_and_the_advice_works() {
    // The writer puts the programme beside the release's .md and links it by name: only a
    // release folder's files are published, and the hint says how to make one.
    let text = release("Форум", "2025-01-01", "ru", "").replace(
        "Первый абзац.",
        "Смотрите [программу](программа.pdf) и ![схему](схема.png).",
    );
    let site = site_with(&[("ru/forum.md", &text), ("ru/программа.pdf", "%PDF-1.4\n")]);
    let s = site.path().to_str().unwrap();
    let o = jarya_env(&["check", "--site", s], &[("JARYA_LANG", "ru")]);
    assert_eq!(o.status.code(), Some(1));
    let err = stderr(&o).replace('\\', "/");
    assert_eq!(err.matches("ошибка:").count(), 2, "{err}");
    for file in ["программа.pdf", "схема.png"] {
        assert!(err.contains(&format!("создайте папку `content/ru/forum`, перенесите в неё `forum.md` под именем `index.md` и положите рядом `{file}`")), "{file}: {err}");
    }
    // Done as the hint says (the picture too): the files are published beside the page.
    let folder = site.path().join("content/ru/forum");
    std::fs::create_dir_all(&folder).unwrap();
    std::fs::rename(
        site.path().join("content/ru/forum.md"),
        folder.join("index.md"),
    )
    .unwrap();
    std::fs::rename(
        site.path().join("content/ru/программа.pdf"),
        folder.join("программа.pdf"),
    )
    .unwrap();
    let o = jarya_env(&["check", "--site", s], &[("JARYA_LANG", "ru")]);
    let err = stderr(&o).replace('\\', "/");
    assert_eq!(err.matches("ошибка:").count(), 1, "{err}");
    assert!(
        err.contains("положите `схема.png` в папку `content/ru/forum`, рядом с `index.md`"),
        "{err}"
    );
    // Saved as Схема.PNG (Windows would find it): named in its own letter case as the fix.
    image::RgbaImage::new(4, 4)
        .save_with_format(folder.join("Схема.PNG"), image::ImageFormat::Png)
        .unwrap();
    let o = jarya_env(&["check", "--site", s], &[("JARYA_LANG", "ru")]);
    let err = stderr(&o).replace('\\', "/");
    assert!(err.contains("на сайте есть `/ru/forum/Схема.PNG`"), "{err}");
    std::fs::rename(folder.join("Схема.PNG"), folder.join("схема.png")).unwrap();
    let o = jarya(&["build", "--site", s]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(site.path().join("public/ru/forum/программа.pdf").is_file());
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
    assert!(err.contains("error: the link \"gone.md\" leads to a file that is not a release of this site\n  --> content/ru/links.md:15:3\n"), "{err}");
    assert!(!site.path().join("public").exists());

    let o = jarya(&["check", "--site", s]);
    assert_eq!(o.status.code(), Some(1));
    let err = stderr(&o).replace('\\', "/");
    for want in [
        "error: the link \"/ru/nope/\" leads to nothing on this site\n  --> content/ru/links.md:13:3\n",
        "error: the link \"gone.md\" leads to a file that is not a release of this site\n  --> content/ru/links.md:15:3\n",
        "error: the picture \"/img/none.png\" leads to nothing on this site\n  --> content/ru/links.md:16:3\n",
        "error: `image`: the picture \"/img/missing.jpg\" does not exist\n --> content/ru/links.md:6:8",
    ] {
        assert!(err.contains(want), "missing {want:?} in\n{err}");
    }
    assert_eq!(err.matches("error:").count(), 4, "{err}");
    assert!(
        err.contains("13 | - [нет страницы](/ru/nope/)\n   |   ^^^^^^^^^^^^^^^^^^^^^^^^^\n"),
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
    assert!(out.contains("::error file=content/ru/links.md,line=13,col=3,title=jarya::the link \"/ru/nope/\" leads to nothing on this site%0Ahint: "), "{out}");

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

#[test]
fn new_tells_kyrgyz_from_the_title_takes_dotted_dates_and_any_title() {
    let site = site_with(&[]);
    let s = site.path().to_str().unwrap();
    let o = jarya(&["new", "--site", s, "Жаштар форуму", "--date", "03.12.2026"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let out = String::from_utf8_lossy(&o.stdout).replace('\\', "/");
    assert!(
        out.contains("Created content/ky/jashtar-forumu.md"),
        "{out}"
    );
    assert!(out.contains("Language: ky"), "{out}");
    let text = std::fs::read_to_string(site.path().join("content/ky/jashtar-forumu.md")).unwrap();
    assert!(text.contains("date: 2026-12-03\n"), "{text}");
    // Straight quotes, a colon, a backslash and a hash in a title still give valid YAML.
    let title = r#"Проект "Мониторинг": итоги #1 \ 2026"#;
    let o = jarya(&[
        "new",
        "--site",
        s,
        title,
        "--lang",
        "ru",
        "--date",
        "2026-12-03",
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    fill(&site.path().join("content/ky/jashtar-forumu.md"));
    fill(
        &site
            .path()
            .join("content/ru/proyekt-monitoring-itogi-1-2026.md"),
    );
    let o = jarya(&["check", "--site", s]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let (_t, out) = build(site.path(), &[]);
    let html = read(&out, "ru/proyekt-monitoring-itogi-1-2026/index.html");
    assert!(
        html.contains("<h1>Проект &quot;Мониторинг&quot;: итоги #1 \\ 2026</h1>"),
        "{html}"
    );
    let o = jarya(&["new", "--site", s, "Т", "--date", "3 декабря"]);
    assert_eq!(o.status.code(), Some(2));
}

/// Files saved by Windows' Notepad as "Unicode" (UTF-16 with its mark) or "ANSI"
/// (windows-1251): the sample site with its Russian releases in windows-1251 and its Kyrgyz
/// releases and settings in UTF-16 builds the same site as in UTF-8, each windows-1251 file
/// named in a warning; a Kyrgyz letter that windows-1251 turned into `?` is an error at its
/// line, never published.
#[test]
fn files_saved_by_notepad_in_ansi_or_unicode_build_the_same_site() {
    let utf16 = |text: &str| -> Vec<u8> {
        [0xff, 0xfe]
            .into_iter()
            .chain(text.encode_utf16().flat_map(u16::to_le_bytes))
            .collect()
    };
    let ansi = |text: &str| -> Vec<u8> {
        let (bytes, _, unmappable) = encoding_rs::WINDOWS_1251.encode(text);
        assert!(!unmappable, "not all windows-1251:\n{text}");
        bytes.into_owned()
    };
    let is_ansi = |rel: &str| rel.starts_with("content/ru/") && !rel.contains("gendernoe");
    let files: Vec<(String, Vec<u8>)> = sample_files()
        .into_iter()
        .map(|(rel, bytes)| {
            let text = String::from_utf8(bytes.clone()).unwrap_or_default();
            let saved = if is_ansi(&rel) && rel.ends_with(".md") {
                ansi(&text)
            } else if rel.starts_with("content/ky/") || rel.ends_with(".yaml") {
                utf16(&text.replace('\n', "\r\n"))
            } else {
                bytes
            };
            (rel, saved)
        })
        .collect();
    let site = tempfile::tempdir().unwrap();
    write_files(site.path(), files);
    let (_t1, ours) = build(&repo(), &[]);
    let out = site.path().join("public");
    let o = build_to_env(site.path(), &out, &[("JARYA_LANG", "ru")]);
    let err = stderr(&o);
    assert!(o.status.success(), "{err}");
    assert_eq!(
        tree(&out),
        tree(&ours),
        "another site than from UTF-8 files"
    );
    let warned = err.matches("сохранён в кодировке Windows-1251").count();
    assert_eq!(warned, 4, "one warning per windows-1251 file:\n{err}");

    // A Kyrgyz name in a Russian release, saved as "ANSI": Notepad wrote `?` for `ө`.
    let rel = "content/ru/gendernoe-ravenstvo-2030.md";
    let text = std::fs::read_to_string(repo().join(rel)).unwrap();
    let (line, lost) = text
        .lines()
        .enumerate()
        .find(|(_, l)| l.contains(['ң', 'ө', 'ү']))
        .map(|(i, l)| (i + 1, l.replace(['ң', 'ө', 'ү'], "?")))
        .unwrap();
    std::fs::write(
        site.path().join(rel),
        ansi(&text.replace(['ң', 'ө', 'ү'], "?")),
    )
    .unwrap();
    let o = build_to_env(site.path(), &out, &[("JARYA_LANG", "ru")]);
    let err = stderr(&o);
    assert_eq!(o.status.code(), Some(1), "{err}");
    assert!(err.contains(&format!("{rel}:{line}\n")), "{err}");
    assert!(err.contains("нет букв ң, ө, ү"), "{err}");
    // The first word with `?` before a letter (a `?` ending a word is the writer's own).
    let word = lost
        .split(|c: char| !c.is_alphabetic() && c != '?')
        .find(|w| w.trim_end_matches('?').contains('?'))
        .unwrap();
    assert!(err.contains(&format!("«{word}»")), "{err}");
    assert_eq!(tree(&out), tree(&ours), "a failed build changed the site");
}

/// Another site's address written without `https://` (`www.example.kg`, `facebook.com/ngo`)
/// in a body link, `image:` or a contact's `url:`: an error at its place with the whole
/// address as the fix, in `build` as in `check` (published as written, the link would lead to
/// a page of this site that is not there). A file beside the page is not taken for one.
#[test]
fn addresses_without_https_are_errors_with_the_whole_address_as_the_fix() {
    let body = "\n[сайт](www.example.kg) и [страница](facebook.com/ngo) и [ok](https://ok.kg)\n";
    let extra = "image: www.example.kg/foto.jpg\nimage_alt: Фото\ncontacts:\n  - name: Айгуль\n    url: nashaorg.kg\n";
    let text = format!("{}{body}", release("Форум", "2025-05-01", "ru", extra));
    let site = site_with(&[("ru/forum.md", &text)]);
    let out = site.path().join("public");
    let o = build_to_env(site.path(), &out, &[("JARYA_LANG", "ru")]);
    let err = stderr(&o);
    assert_eq!(o.status.code(), Some(1), "{err}");
    assert!(!out.exists(), "a site was written");
    for (what, fix) in [
        (
            "«www.example.kg» — адрес другого сайта без https://",
            "`https://www.example.kg`",
        ),
        (
            "«facebook.com/ngo» — адрес другого сайта без https://",
            "`https://facebook.com/ngo`",
        ),
        (
            "`image`: «www.example.kg/foto.jpg» — адрес другого сайта",
            "`https://www.example.kg/foto.jpg`",
        ),
        (
            "«nashaorg.kg» — не веб-адрес",
            "напишите его полностью: https://nashaorg.kg",
        ),
    ] {
        let at = err.find(what).unwrap_or_else(|| panic!("{what}:\n{err}"));
        let next = err[at..].find("\n\n").map_or(err.len(), |n| at + n);
        assert!(err[at..next].contains(fix), "{fix}:\n{}", &err[at..next]);
    }
    assert_eq!(err.matches("ошибка:").count(), 4, "{err}");

    // Written in full, they are published as written.
    let fixed = text
        .replace("(www.", "(https://www.")
        .replace("(facebook", "(https://facebook")
        .replace("image: www", "image: https://www")
        .replace("url: nashaorg", "url: https://nashaorg");
    std::fs::write(site.path().join("content/ru/forum.md"), fixed).unwrap();
    let o = build_to(site.path(), &out);
    assert!(o.status.success(), "{}", stderr(&o));
    let page = read(&out, "ru/forum/index.html");
    assert!(page.contains("href=\"https://www.example.kg\""), "{page}");
    assert!(page.contains("href=\"https://facebook.com/ngo\""), "{page}");
}

#[test]
fn control_characters_pasted_from_word_reach_no_page_feed_or_calendar() {
    // Shift+Enter in Word is U+000B; other control characters come with text from old programs.
    let site = site_with(&[(
        "ru/a.md",
        &super::values::windows(
            "title: Итоги\u{b}года\u{1}\ndate: 2026-12-21\nlang: ru\norganizers: [ОФ]\n",
        )
        .replace("Текст.", "Первая строка\u{b}вторая\u{1}, и\u{7f} конец."),
    )]);
    let o = jarya(&["build", "--site", site.path().to_str().unwrap()]);
    assert!(o.status.success(), "{}", stderr(&o));
    let out = site.path().join("public");
    for file in [
        "ru/a/index.html",
        "ru/a/event.ics",
        "ru/atom.xml",
        "ru/calendar.ics",
    ] {
        let text = read(&out, file);
        assert!(
            !text
                .chars()
                .any(|c| c.is_ascii_control() && !matches!(c, '\n' | '\r' | '\t')),
            "{file}: {text:?}"
        );
    }
    let page = read(&out, "ru/a/index.html");
    assert!(page.contains("Итоги года"), "{page}");
    assert!(page.contains("Первая строка вторая, и конец."), "{page}");
}
