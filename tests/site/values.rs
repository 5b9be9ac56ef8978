//! No silent wrong value: what writers type (Windows line ends, a BOM, Word's dashes and quotes)
//! is read as they meant it, or is an error that shows the unambiguous form.

use super::*;

/// A release as typed on Windows: BOM, CRLF.
pub(crate) fn windows(front: &str) -> String {
    format!("\u{feff}---\n{front}---\nТекст.\n").replace('\n', "\r\n")
}

#[test]
fn a_time_range_in_date_is_one_day_from_start_to_end() {
    for (i, date) in [
        "2026-12-20 14:00-18:00",
        "2026-12-20 14:00–18:00",
        "20.12.2026 14.00–18.00",
        "2026-12-20 14:00 — 18:00",
    ]
    .iter()
    .enumerate()
    {
        let front = format!("title: Форум\ndate: {date}\nlang: ru\norganizers: [ОФ «Тест»]\n");
        let site = site_with(&[(&format!("ru/f{i}.md") as &str, &windows(&front))]);
        let (_t, out) = build(site.path(), &[]);
        let page = read(&out, &format!("ru/f{i}/index.html"));
        assert!(
            page.contains("20 декабря 2026 г., 14:00–18:00"),
            "{date}: {page}"
        );
        let ics = read(&out, &format!("ru/f{i}/event.ics"));
        assert!(
            ics.contains("DTSTART:20261220T080000Z\r\nDTEND:20261220T120000Z\r\n"),
            "{date}: {ics}"
        );
        assert!(
            page.contains("dates=20261220T080000Z/20261220T120000Z"),
            "{date}"
        );
    }
}

#[test]
fn end_may_be_a_time_of_the_same_day_and_is_not_given_twice() {
    let site = site_with(&[
        (
            "ru/a.md",
            &windows("title: А\ndate: 20.12.2026 14:00\nend: 18:00\nlang: ru\norganizers: [О]\n"),
        ),
        (
            "ru/b.md",
            &windows(
                "title: Б\ndate: 2026-12-20 14:00-18:00\nend: 2026-12-21\nlang: ru\norganizers: [О]\n",
            ),
        ),
        (
            "ru/c.md",
            &windows("title: В\ndate: 2026-12-20 20:00-06:00\nlang: ru\norganizers: [О]\n"),
        ),
        (
            "ky/d.md",
            &windows("title: Г\ndate: 2025-жылдын 3-декабры\nlang: ky\norganizers: [О]\n"),
        ),
    ]);
    let o = jarya(&["build", "--site", site.path().to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1));
    let err = stderr(&o).replace('\\', "/");
    assert!(err.contains("error: `end`: the end is given twice: in `date: 2026-12-20 14:00-18:00` and in `end`\n --> content/ru/b.md:4:"), "{err}");
    assert!(
        err.contains("error: `date`: \"2026-12-20 20:00-06:00\" can be read two ways"),
        "{err}"
    );
    assert!(err.contains("content/ru/c.md:3:"), "{err}");
    assert!(err.contains("write `date: 2026-12-20 20:00` and `end: <the day> 06:00`, or the offset as 2026-12-20T20:00:00-06:00"), "{err}");
    assert!(
        err.contains("hint: write `date: 2025-12-03` (year-month-day)"),
        "{err}"
    );
    assert!(!err.contains("content/ru/a.md"), "{err}");
    std::fs::remove_file(site.path().join("content/ru/b.md")).unwrap();
    std::fs::remove_file(site.path().join("content/ru/c.md")).unwrap();
    std::fs::remove_file(site.path().join("content/ky/d.md")).unwrap();
    let (_t, out) = build(site.path(), &[]);
    assert!(read(&out, "ru/a/index.html").contains("20 декабря 2026 г., 14:00–18:00"));
}

#[test]
fn phones_keep_what_was_typed_and_impossible_ones_are_warned_about() {
    let front = "title: А\ndate: 2026-12-20\nlang: ru\norganizers: [О]\ncontacts:\n  - name: Айгуль\n    phone: +996555123456\n  - name: Бакыт\n    phone: 0555123456\n  - name: Старый\n    phone: 8 312 91 10 10\n  - name: Офис\n    phone: 0312 91-10-10 (доб. 123)\n  - name: Два\n    phone: 0555 12 34 56, 0312 911010; 0700 123 456\n";
    let (page, err) = built(front);
    assert!(err.contains("warning: `contacts`: \"8 312 91 10 10\" does not look like a possible phone number\n  --> content/ru/a.md:12:12"), "{err}");
    // Айгуль's, Бакыт's, and the first of Два's.
    assert_eq!(
        page.matches(r#"<a href="tel:+996555123456">+996 555 123 456</a>"#)
            .count(),
        3,
        "{page}"
    );
    // Several numbers in one `phone`, parted by commas or semicolons, are each a number.
    assert!(
        page.contains(r#"<a href="tel:+996555123456">+996 555 123 456</a>, <a href="tel:+996312911010">+996 312 91 10 10</a>, <a href="tel:+996700123456">+996 700 123 456</a></li>"#),
        "{page}"
    );
    // An extension is shown as written and dialled after the answer (RFC 3966).
    assert!(
        page.contains(r#"<a href="tel:+996312911010;ext=123">+996 312 91 10 10 доб. 123</a>"#),
        "{page}"
    );
}

#[test]
fn names_with_commas_are_a_list_only_when_every_part_is_registered() {
    let orgs = "fond-a:\n  ru: Фонд А\n  ky: А фонду\nfond-b:\n  ru: Фонд Б\n  ky: Б фонду\n";
    let site = site_with(&[
        ("organizations.yaml", orgs),
        (
            "ru/a.md",
            &windows("title: А\ndate: 2026-12-20\nlang: ru\norganizers: Фонд А, Фонд Б\n"),
        ),
    ]);
    let (_t, out) = build(site.path(), &[]);
    let page = read(&out, "ru/a/index.html");
    assert!(
        page.contains("/ru/organizers/fond-a/") && page.contains("/ru/organizers/fond-b/"),
        "{page}"
    );
    std::fs::write(
        site.path().join("content/ru/a.md"),
        windows("title: А\ndate: 2026-12-20\nlang: ru\norganizers: Фонд А, Фонд В\n"),
    )
    .unwrap();
    let o = jarya(&["build", "--site", site.path().to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1));
    let err = stderr(&o).replace('\\', "/");
    assert!(err.contains("error: `organizers`: \"Фонд А, Фонд В\" is read as one name with a comma in it\n --> content/ru/a.md:5:"), "{err}");
    assert!(err.contains("`organizers: [Фонд А, Фонд В]`"), "{err}");
}

#[test]
fn straight_quotes_inside_a_title_get_their_real_cause() {
    let site = site_with(&[(
        "ru/a.md",
        &windows("title: \"Проект \"Мониторинг\"\"\ndate: 2026-12-20\nlang: ru\norganizers: [О]\n"),
    )]);
    let o = jarya(&["build", "--site", site.path().to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1));
    let err = stderr(&o).replace('\\', "/");
    assert!(err.contains("error: `title`: the value of `title` has \" quotes inside \" quotes, so it ends too early\n --> content/ru/a.md:2:16"), "{err}");
    assert!(err.contains("title: \"Проект «Мониторинг»\""), "{err}");
}

#[test]
fn calendars_feeds_and_pages_say_what_is_true() {
    // Built on 2025-06-15 (EPOCH): the June event is upcoming, the January one past.
    let site = site_with(&[
        (
            "ru/soon.md",
            &windows(
                "title: Скоро\ndate: 2025-06-27 10:00\nlang: ru\norganizers: [ОФ «А»]\ntopics: [Экология]\n",
            ),
        ),
        (
            "ru/old.md",
            &windows(
                "title: Прошло\ndate: 2025-01-10 10:00\npublished: 2024-12-20\nlang: ru\norganizers: [ОФ «А»]\n",
            ),
        ),
        (
            "ru/alone.md",
            &windows(
                "title: Одна\ndate: 2025-01-05\nlang: ru\norganizers: [ОФ «Б»]\ntopics: [Культура]\n",
            ),
        ),
    ]);
    let (_t, out) = build(site.path(), &[]);
    // A timed event without an end: the page shows the start only; calendars get two hours.
    let page = read(&out, "ru/soon/index.html");
    assert!(page.contains(">27 июня 2025 г., 10:00</time>"), "{page}");
    assert!(!page.contains("past-notice"), "{page}");
    assert!(
        page.contains("dates=20250627T040000Z/20250627T060000Z"),
        "{page}"
    );
    let ics = read(&out, "ru/soon/event.ics");
    assert!(
        ics.contains("DTSTART:20250627T040000Z\r\nDTEND:20250627T060000Z\r\n"),
        "{ics}"
    );
    // Feeds: when it was published, never the (future) event date.
    let feed = read(&out, "ru/atom.xml");
    assert!(
        feed.contains("<published>2024-12-20T00:00:00+06:00</published>"),
        "{feed}"
    );
    assert!(
        feed.contains("<published>2025-06-15T00:00:00+06:00</published>"),
        "{feed}"
    );
    assert!(!feed.contains("2025-06-27T"), "{feed}");
    // A past event says so; related releases share a topic or an organizer, or there are none.
    let old = read(&out, "ru/old/index.html");
    assert!(
        old.contains(
            r#"<p class="past-notice" role="note" data-pagefind-ignore>Мероприятие прошло</p>"#
        ),
        "{old}"
    );
    assert!(old.contains("/ru/soon/"), "shares an organizer");
    assert!(!old.contains("/ru/alone/"), "shares nothing");
    assert!(!read(&out, "ru/alone/index.html").contains("/ru/old/"));

    // The site's own duration.
    let settings = site.path().join("content/site.yaml");
    let text = std::fs::read_to_string(&settings).unwrap();
    std::fs::write(&settings, format!("{text}event_duration: 1h30m\n")).unwrap();
    let (_t, out) = build(site.path(), &[]);
    assert!(read(&out, "ru/soon/event.ics").contains("DTEND:20250627T053000Z\r\n"));
    std::fs::write(&settings, format!("{text}event_duration: долго\n")).unwrap();
    let o = jarya(&["build", "--site", site.path().to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("expected how long an event lasts, found \"долго\""));
}

/// A release without `published:` is dated by the commit that added its file; a shallow clone
/// cannot tell, so its dates are not used and a warning says so.
#[test]
fn published_comes_from_the_first_commit_and_never_from_a_shallow_clone() {
    let site = site_with(&[(
        "ru/a.md",
        "---\ntitle: Будущее\ndate: 2025-09-01 10:00\nlang: ru\norganizers: [ОФ «А»]\n---\nТекст.\n",
    )]);
    let dir = site.path();
    git(dir, &["init", "-q"], "2025-03-01T09:00:00+06:00");
    git(dir, &["add", "."], "2025-03-01T09:00:00+06:00");
    git(
        dir,
        &["commit", "-q", "-m", "a"],
        "2025-03-01T09:00:00+06:00",
    );
    std::fs::write(
        dir.join("content/ru/a.md"),
        std::fs::read_to_string(dir.join("content/ru/a.md")).unwrap() + "Ещё.\n",
    )
    .unwrap();
    git(
        dir,
        &["commit", "-q", "-am", "b"],
        "2025-05-01T09:00:00+06:00",
    );
    let with_git = [("JARYA_GIT_DATES", "")];
    let (_o, out) = {
        let tmp = tempfile::tempdir().unwrap();
        let out = tmp.path().join("public");
        let args = [
            "build",
            "--site",
            dir.to_str().unwrap(),
            "--out",
            out.to_str().unwrap(),
        ];
        let o = jarya_env(&args, &with_git);
        assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
        (tmp, out)
    };
    let feed = read(&out, "ru/atom.xml");
    assert!(
        feed.contains("<published>2025-03-01T09:00:00+06:00</published>"),
        "{feed}"
    );

    // A shallow clone: every file looks added by its one commit.
    let clones = tempfile::tempdir().unwrap();
    let clone = clones.path().join("c");
    let url = format!("file://{}", dir.display());
    git(
        clones.path(),
        &["clone", "-q", "--depth", "1", &url, clone.to_str().unwrap()],
        "2025-06-01T00:00:00Z",
    );
    let out = clones.path().join("public");
    let args = [
        "build",
        "--site",
        clone.to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
    ];
    let o = jarya_env(&args, &with_git);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(
        stderr(&o).contains("git history is shallow"),
        "{}",
        stderr(&o)
    );
    let feed = read(&out, "ru/atom.xml");
    assert!(!feed.contains("2025-05-01"), "{feed}");
    // The event is after the build day (2025-06-15): the build day.
    assert!(
        feed.contains("<published>2025-06-15T00:00:00+06:00</published>"),
        "{feed}"
    );
}

/// One release with this front matter, built, which must succeed: its page and what the
/// build said (paths with `/`).
fn built(front: &str) -> (String, String) {
    let site = site_with(&[("ru/a.md", &windows(front))]);
    let o = jarya(&["build", "--site", site.path().to_str().unwrap()]);
    assert!(o.status.success(), "{}", stderr(&o));
    let page = read(&site.path().join("public"), "ru/a/index.html");
    (page, stderr(&o).replace('\\', "/"))
}

/// What `check` says of one release with this front matter, which must have an error.
fn refused(front: &str) -> String {
    let site = site_with(&[("ru/a.md", &windows(front))]);
    let o = jarya(&["check", "--site", site.path().to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1), "{front}");
    stderr(&o)
}

#[test]
fn a_date_written_in_words_is_refused_with_the_writers_own_day_and_times_as_the_fix() {
    // What writers type in a letter; jarya reads only the unambiguous form, and shows it filled
    // in with what they wrote.
    let cases = [
        (
            "2026-12-21 с 10:00 до 18:00",
            "`date: 2026-12-21 10:00-18:00`",
        ),
        (
            "21 декабря 2026 с 10.00 до 18.00",
            "`date: 2026-12-21 10:00-18:00`",
        ),
        ("21 декабря 2026, 10:00", "`date: 2026-12-21 10:00`"),
        ("2026-12-21 саат 14:30", "`date: 2026-12-21 14:30`"),
        ("21 декабря 2026 г.", "`date: 2026-12-21` (year-month-day)"),
    ];
    for (date, fix) in cases {
        let err = refused(&format!(
            "title: Форум\ndate: {date}\nlang: ru\norganizers: [ОФ «Тест»]\n"
        ));
        assert!(
            err.contains(&format!("\"{date}\" is not a date")),
            "{date}: {err}"
        );
        assert!(err.contains(fix), "{date}: {err}");
        assert_eq!(err.matches("error:").count(), 1, "{date}: {err}");
    }
    // An end written as a time in words is the time alone; no range is offered for a moment.
    let err = refused(
        "title: Ф\ndate: 2026-12-21 10:00\nend: саат 18:00гө чейин\nlang: ru\norganizers: [О]\n",
    );
    assert!(err.contains("write the time alone: `end: 18:00`"), "{err}");
    let err = refused("title: Ф\ndate: 2026-12-21\npublished: вчера\nlang: ru\norganizers: [О]\n");
    assert!(err.contains("`published: 2025-06-27 10:00`"), "{err}");
    assert!(!err.contains("14:00-18:00"), "{err}");
    // Digits that cannot be a time are still called a time that does not exist.
    let err = refused("title: Форум\ndate: 2026-12-21 25:00\nlang: ru\norganizers: [ОФ «Тест»]\n");
    assert!(err.contains("is not a real date and time"), "{err}");
}

#[test]
fn an_address_copied_with_its_mailto_is_the_address_and_commas_part_addresses() {
    let front = "title: А\ndate: 2026-12-20\nlang: ru\norganizers: [О]\ncontacts:\n  - name: Айгуль\n    email: MAILTO:press@example.kg\n  - name: Бакыт\n    email: a@example.kg; mailto:b@example.kg\n";
    let (page, _) = built(front);
    assert!(
        page.contains(r#"<a href="mailto:press@example.kg">press@example.kg</a>"#),
        "{page}"
    );
    assert!(!page.to_lowercase().contains("mailto:mailto"), "{page}");
    assert!(
        page.contains(r#"<a href="mailto:a@example.kg">a@example.kg</a>, <a href="mailto:b@example.kg">b@example.kg</a></li>"#),
        "{page}"
    );
}

#[test]
fn a_picture_named_by_its_place_on_the_writers_computer_gets_the_copy_as_the_fix() {
    for (image, file) in [
        (r"C:\Users\Aigul\Desktop\Фото форума.jpg", "Фото форума.jpg"),
        ("file:///home/aigul/foto.jpg", "foto.jpg"),
        (r"\\server\share\foto.png", "foto.png"),
    ] {
        let err = refused(&format!(
            "title: А\ndate: 2026-12-20\nlang: ru\norganizers: [О]\nimage: '{image}'\nimage_alt: Фото\n"
        ));
        assert!(
            err.contains(&format!("copy {file} into static/img/")),
            "{err}"
        );
        assert!(err.contains(&format!("`image: img/{file}`")), "{err}");
    }
}

#[test]
fn paragraphs_pasted_from_word_without_empty_lines_are_pointed_out() {
    let front = "title: А\ndate: 2026-12-20\nlang: ru\norganizers: [О]\n";
    let pasted = format!(
        "\u{feff}---\n{front}---\nВ Бишкеке пройдёт стол.\nУчастники обсудят вопросы.\nПрограмма:\n• 10:00 — открытие;\n\nТекст,\nперенесённый вручную.\n"
    )
    .replace('\n', "\r\n");
    let site = site_with(&[("ru/a.md", &pasted)]);
    let o = jarya(&["build", "--site", site.path().to_str().unwrap()]);
    assert!(o.status.success(), "{}", stderr(&o));
    let err = stderr(&o).replace('\\', "/");
    assert!(err.contains("warning: these 4 lines are one paragraph on the page: line breaks inside a paragraph are not kept\n --> content/ru/a.md:7:1"), "{err}");
    assert!(
        err.contains("leave an empty line between paragraphs"),
        "{err}"
    );
    assert_eq!(err.matches("warning:").count(), 1, "{err}");
}

#[test]
fn yaml_mistakes_are_named_in_the_writers_language_with_their_own_line_fixed() {
    // (a line of the front matter, what the Russian message says, the fix it shows)
    let cases = [
        (
            "title: Итоги #2 года",
            "текст после # не вошёл",
            "title: \"Итоги #2 года\"",
        ),
        (
            "title: #МыВместе: итоги года",
            "поле осталось бы пустым",
            "title: \"#МыВместе: итоги года\"",
        ),
        (
            "title: Итоги\ntopics:\n  - #Выборы2026",
            "поле осталось бы пустым",
            "- \"#Выборы2026\"",
        ),
        (
            "title: Форум: итоги года",
            "двоеточие",
            "title: \"Форум: итоги года\"",
        ),
        (
            "title: Итоги\ncontacts:\n  - name: Айгуль\n    phone: тел.: 0555 12 34 56",
            "двоеточие",
            "phone: \"тел.: 0555 12 34 56\"",
        ),
        (
            "title: Итоги\nsummary: Первая строка\n  #МыВместе вторая\n  третья",
            "значением стало бы «Первая строка»",
            "summary: \"Первая строка #МыВместе вторая третья\"",
        ),
        (
            "title: Итоги\n  года #МыВместе",
            "значением стало бы «Итоги года»",
            "title: \"Итоги года #МыВместе\"",
        ),
        (
            "title: Итоги\nsummary:Кратко о главном",
            "после `summary:` нет пробела",
            "summary: Кратко о главном",
        ),
        ("title: \"Итоги года", "не закрыта", "title: \"Итоги года\""),
        (
            "title: *Итоги",
            "начинается со знака *",
            "title: \"*Итоги\"",
        ),
        (
            "title: [Итоги] года",
            "начинается со знака [",
            "title: \"[Итоги] года\"",
        ),
        ("title: - Итоги", "элемент списка", "title: \"- Итоги\""),
        (
            "title: \"C:\\Итоги\"",
            "обратная косая черта",
            "'C:\\Фото\\зал.jpg'",
        ),
        (
            "title: Итоги\ntopics: [Выборы",
            "не закрыт",
            "topics: [Выборы]",
        ),
        (
            "title: Итоги\nlocation:\n  city: Ош\n  city: Бишкек",
            "`city` встречается дважды",
            "удалите одно",
        ),
        (
            "title: Итоги\ncontacts:\n  - Айгуль\n    phone: 0555 12 34 56",
            "нет названия поля",
            "- name: Айгуль",
        ),
    ];
    for (line, says, fix) in cases {
        let site = site_with(&[(
            "ru/a.md",
            &windows(&format!(
                "{line}\ndate: 2026-12-21\nlang: ru\norganizers: [ОФ «Тест»]\n"
            )),
        )]);
        let o = jarya_env(
            &["check", "--site", site.path().to_str().unwrap()],
            &[("JARYA_LANG", "ru")],
        );
        let err = stderr(&o);
        assert_eq!(o.status.code(), Some(1), "{line}: {err}");
        assert_eq!(err.matches("ошибка:").count(), 1, "{line}: {err}");
        assert!(err.contains(says), "{line}: {err}");
        assert!(err.contains(fix), "{line}: {err}");
        // libyaml's English never reaches the writer.
        for english in [
            "found",
            "expected",
            "while",
            "allowed",
            "scanning",
            "duplicate",
        ] {
            assert!(!err.contains(english), "{line}: {english} in {err}");
        }
    }
}

#[test]
fn a_registry_name_cut_by_a_comment_is_an_error_not_a_shorter_name() {
    let site = site_with(&[
        (
            "ru/a.md",
            &windows("title: Итоги\ndate: 2026-12-21\nlang: ru\norganizers: [club]\n"),
        ),
        ("organizations.yaml", "club:\n  ru: Клуб #1\n  ky: Клуб\n"),
    ]);
    let err = refused_in(&site);
    assert!(
        err.contains("organizations.yaml:2:12") && err.contains("ru: \"Клуб #1\""),
        "{err}"
    );
}

fn refused_in(site: &tempfile::TempDir) -> String {
    let o = jarya(&["check", "--site", site.path().to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1));
    stderr(&o).replace('\\', "/")
}

#[test]
fn a_language_written_as_its_name_or_country_gets_its_code_and_one_message() {
    for (lang, code) in [("kg", "ky"), ("Кыргызча", "ky"), ("русский", "ru")] {
        let err = refused(&format!(
            "title: Форум\ndate: 2026-12-21\nlang: {lang}\norganizers: [ОФ «Тест»]\n"
        ));
        assert!(
            err.contains(&format!("write `lang: {code}`")),
            "{lang}: {err}"
        );
        assert_eq!(err.matches("error:").count(), 1, "{lang}: {err}");
    }
    // A field in a shape that cannot be read is one error, not also "missing".
    let err = refused("title: Форум\ndate: 2026-12-21\nlang: [ru, ky]\norganizers: [ОФ]\n");
    assert_eq!(err.matches("error:").count(), 1, "{err}");
    assert!(
        err.contains("expected one line of text, found a list"),
        "{err}"
    );
}

#[test]
fn fields_named_in_russian_or_kyrgyz_get_the_field_meant() {
    for (front, meant) in [
        (
            "заголовок: Форум\ndate: 2026-12-21\nlang: ru\norganizers: [ОФ]\n",
            "`title`",
        ),
        (
            "title: Форум\nКүнү: 2026-12-21\nlang: ru\norganizers: [ОФ]\n",
            "`date`",
        ),
        (
            "title: Ф\ndate: 2026-12-21\nlang: ru\nуюштуруучулар: [ОФ]\n",
            "`organizers`",
        ),
        (
            "title: Ф\ndate: 2026-12-21\nlang: ru\norganizers: [ОФ]\ncontacts:\n  - name: А\n    телефон: 0555 12 34 56\n",
            "`phone`",
        ),
    ] {
        let err = refused(front);
        assert!(
            err.contains(&format!("did you mean {meant}?")),
            "{front}: {err}"
        );
        assert_eq!(err.matches("error:").count(), 1, "{front}: {err}");
    }
}

#[test]
fn a_registry_name_under_the_countrys_code_gets_the_languages_code() {
    let site = site_with(&[
        (
            "ru/a.md",
            &windows("title: Итоги\ndate: 2026-12-21\nlang: ru\norganizers: [club]\n"),
        ),
        ("organizations.yaml", "club:\n  ru: Клуб\n  kg: Клуб\n"),
    ]);
    let err = refused_in(&site);
    assert!(
        err.contains("organizations.yaml:3:") && err.contains("write `ky:`"),
        "{err}"
    );
}

#[test]
fn a_whole_address_pasted_as_slug_gives_its_last_part() {
    for slug in [
        "/ru/forum-2026/",
        "https://our-ngo.kg/ru/forum-2026/?utm=x",
        "forum-2026",
    ] {
        let site = site_with(&[(
            "ru/a.md",
            &windows(&format!(
                "title: Форум\ndate: 2026-12-21\nlang: ru\norganizers: [ОФ]\nslug: {slug}\n"
            )),
        )]);
        let o = jarya(&["build", "--site", site.path().to_str().unwrap()]);
        assert!(o.status.success(), "{}", stderr(&o));
        let out = site.path().join("public");
        assert!(out.join("ru/forum-2026/index.html").is_file(), "{slug}");
    }
}

#[test]
fn a_draft_with_mistakes_does_not_stop_the_site_and_says_why() {
    let site = site_with(&[
        (
            "ru/a.md",
            &windows("title: Итоги\ndate: 2026-12-21\nlang: ru\norganizers: [ОФ]\n"),
        ),
        (
            "ru/b.md",
            &windows("title: Черновик\ndate: 21 декабря\nlang: ru\norganizers: []\ndraft: true\n"),
        ),
    ]);
    let s = site.path().to_str().unwrap();
    let o = jarya(&["build", "--site", s]);
    assert!(o.status.success(), "{}", stderr(&o));
    let err = stderr(&o);
    assert!(err.contains("this draft is left out of the site"), "{err}");
    assert!(err.contains("warning: `date`"), "{err}");
    assert!(!err.contains("error:"), "{err}");
    let out = site.path().join("public");
    assert!(out.join("ru/a/index.html").is_file());
    assert!(!out.join("ru/b").exists());
    // Previewed with its drafts, the same mistakes are errors: the draft would be shown.
    let o = jarya(&["build", "--site", s, "--drafts"]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    assert!(stderr(&o).contains("error: `date`"), "{}", stderr(&o));
}

#[test]
fn a_mistake_in_one_organizer_or_topic_points_at_its_own_line() {
    let front = "---\ntitle: Форум\ndate: 2026-12-21\nlang: ru\norganizers:\n";
    for (items, at) in [
        (
            format!(
                "  - ОФ «Тест»\n  - {}\n",
                jarya::content::EXAMPLE_ORGANIZERS[0]
            ),
            " --> content/ru/a.md:7:3\n",
        ),
        (
            "  - ОФ «Тест»\ntopics:\n  - Выборы\n  - Право, Медиа\n".to_string(),
            " --> content/ru/a.md:9:3\n",
        ),
        // Word's dashes for a list's hyphens: one name to YAML, an error at its line.
        (
            "  - ОФ «Тест»\ntopics:\n  – Выборы\n  – Право\n".to_string(),
            " --> content/ru/a.md:7:1\n",
        ),
        ("  • ОФ «Два»\n".to_string(), " --> content/ru/a.md:5:1\n"),
    ] {
        let site = site_with(&[("ru/a.md", &format!("{front}{items}---\nТекст.\n"))]);
        let o = jarya(&["check", "--site", site.path().to_str().unwrap()]);
        assert_eq!(o.status.code(), Some(1));
        let err = stderr(&o).replace('\\', "/");
        assert_eq!(err.matches("error:").count(), 1, "{err}");
        assert!(err.contains(at), "{at}: {err}");
    }
}
