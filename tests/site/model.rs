//! The model and the plan of outputs: links between release files, bundles, one body in the
//! model for `serve`, and where a problem is reported.

use super::*;

#[test]
fn links_to_release_files_lead_to_their_pages() {
    let body = "См. [другой](other.md), [тот же](./other.md#itogi), [перевод](../ky/a.md) и [черновик](draft.md).\n";
    let site = site_with(&[
        (
            "ru/a.md",
            &format!(
                "---\ntitle: А\ndate: 2025-01-01\nlang: ru\norganizers: [ОФ «Тест»]\n---\n{body}"
            ),
        ),
        ("ru/other.md", &release("Другая", "2025-01-02", "ru", "")),
        (
            "ru/draft.md",
            &release("Черновик", "2025-01-03", "ru", "draft: true\n"),
        ),
        ("ky/a.md", &release("А", "2025-01-01", "ky", "")),
    ]);
    let s = site.path().to_str().unwrap();
    let o = jarya(&["build", "--site", s]);
    assert!(o.status.success(), "{}", stderr(&o));
    // The draft left out is a warning at the link's line and column.
    let err = stderr(&o).replace('\\', "/");
    assert!(
        err.contains("warning: the link \"draft.md\" leads to a draft, which this build leaves out\n --> content/ru/a.md:7:"),
        "{err}"
    );
    let page = read(&site.path().join("public"), "ru/a/index.html");
    for want in [
        r#"<a href="/ru/other/">другой</a>"#,
        r#"<a href="/ru/other/#itogi">тот же</a>"#,
        r#"<a href="/ky/a/">перевод</a>"#,
        r#"<a href="draft.md">черновик</a>"#,
    ] {
        assert!(page.contains(want), "missing {want} in\n{page}");
    }
    // With drafts, the draft's link leads to its page too.
    let (_t, out) = build(site.path(), &["--drafts"]);
    assert!(read(&out, "ru/a/index.html").contains(r#"<a href="/ru/draft/">черновик</a>"#));
}

#[test]
fn a_bundle_picture_is_the_bundle_copy_and_markdown_files_are_not_copied() {
    let site = site_with(&[
        (
            "ru/forum/index.md",
            &release(
                "Форум",
                "2025-01-01",
                "ru",
                "image: photo.jpg\nimage_alt: Фото\n",
            ),
        ),
        (
            "ru/forum/notes.markdown",
            &release("Заметки", "2025-01-02", "ru", ""),
        ),
    ]);
    std::fs::write(site.path().join("content/ru/forum/photo.jpg"), [0xff, 0xd8]).unwrap();
    let (_t, out) = build(site.path(), &[]);
    let page = read(&out, "ru/forum/index.html");
    assert!(
        page.contains(
            r#"<meta property="og:image" content="https://test.example.kg/ru/forum/photo.jpg">"#
        ),
        "{page}"
    );
    assert!(page.contains(r#"src="/ru/forum/photo.jpg""#), "{page}");
    assert!(out.join("ru/forum/photo.jpg").is_file());
    // A `.markdown` file beside index.md is a release of its own, never a copied file.
    assert!(out.join("ru/notes/index.html").is_file());
    assert!(!out.join("ru/forum/notes.markdown").exists());
    let o = jarya(&["check", "--site", site.path().to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
}

#[test]
fn a_bundle_file_on_a_generated_path_is_an_error_naming_both() {
    let site = site_with(&[(
        "ru/forum/index.md",
        &release("Форум", "2025-01-01", "ru", ""),
    )]);
    std::fs::write(site.path().join("content/ru/forum/event.ics"), "x").unwrap();
    let o = jarya(&["build", "--site", site.path().to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1));
    let err = stderr(&o).replace('\\', "/");
    assert!(
        err.contains("error: this file and the calendar file of content/ru/forum/index.md would both be written to /ru/forum/event.ics\n --> content/ru/forum/event.ics"),
        "{err}"
    );
    assert!(!site.path().join("public").exists());
}

#[test]
fn serve_renders_an_edited_body_from_the_model_whatever_the_front_matter_length() {
    let first = "---\ntitle: А\ndate: 2025-01-01\nlang: ru\norganizers: [ОФ «Тест»]\n---\nПервый абзац.\n\nСтарый текст.\n";
    let site = site_with(&[("ru/a.md", first)]);
    let out = tempfile::tempdir().unwrap();
    let opts = jarya::BuildOptions::new(site.path());
    let (_, mut session) = jarya::build_session(&opts, out.path()).unwrap();
    // Blank lines before the front matter and spaces after its closing line move the body
    // (its first paragraph and the fields stay the same, so only this page is rendered).
    let edited = format!(
        "\n\n{}",
        first
            .replace("---\nПервый", "---   \nПервый")
            .replace("Старый текст.", "Новый текст целиком.")
    );
    std::fs::write(site.path().join("content/ru/a.md"), edited).unwrap();
    let rendered = session
        .rerender_release(Path::new("content/ru/a.md"), out.path())
        .unwrap();
    assert!(rendered);
    let page = read(out.path(), "ru/a/index.html");
    assert!(
        page.contains("<p>Первый абзац.</p>\n<p>Новый текст целиком.</p>"),
        "{page}"
    );
    // A changed link to another release needs the model: the whole site is built again.
    std::fs::write(
        site.path().join("content/ru/a.md"),
        first.replace("Старый текст.", "[b](b.md)"),
    )
    .unwrap();
    assert!(
        !session
            .rerender_release(Path::new("content/ru/a.md"), out.path())
            .unwrap()
    );
}

#[test]
fn problems_point_at_the_front_matter_line_and_the_column_as_written() {
    // `"image":` is a quoted key; a body line starting with `image:` must not be taken for it.
    let site = site_with(&[(
        "ru/a.md",
        "---\ntitle: А\ndate: 2025-01-01\nlang: ru\norganizers: [ОФ «Тест»]\n\"image\": img/none.jpg\nimage_alt: Фото\n---\nТекст.\n\nimage: подпись к фото\n",
    )]);
    let o = jarya(&["check", "--site", site.path().to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1));
    let err = stderr(&o).replace('\\', "/");
    assert!(
        err.contains(
            "error: `image`: the picture \"/img/none.jpg\" does not exist\n --> content/ru/a.md:6:"
        ),
        "{err}"
    );
    // A zero-width space pasted from Word before a YAML mistake: the column is where the
    // mistake stands in the line as written.
    let column = |title: &str| {
        let text = format!(
            "---\ntitle: {title}\ndate: 2025-01-01\nlang: ru\norganizers: [О]\n---\nТекст.\n"
        );
        let site = site_with(&[("ru/a.md", &text)]);
        let o = jarya(&["check", "--site", site.path().to_str().unwrap()]);
        let err = stderr(&o).replace('\\', "/");
        let at = err
            .split("content/ru/a.md:2:")
            .nth(1)
            .unwrap_or_else(|| panic!("{err}"));
        at.split(|c: char| !c.is_ascii_digit())
            .next()
            .unwrap()
            .parse::<usize>()
            .unwrap()
    };
    let plain = column("Форум: итоги");
    assert!(plain > 1);
    assert_eq!(column("Фо\u{200b}рум: итоги"), plain + 1);
}
