//! `jarya import` on files written by Word's and LibreOffice's own formats' well-kept writers
//! (python-docx and odfpy, `tests/tools/office.py`; `.ci/run` installs them and sets
//! JARYA_OFFICE_PYTHON): their styles, numbering and packaging, not the tests' own zips. And
//! an organization the registry lacks becomes a suggested entry that, pasted, passes `check`.

use super::import::{build_drafts, dry_run, dry_text, import_site, names, s, same_facts, seed};
use super::*;

/// The Python that has python-docx and odfpy (JARYA_OFFICE_PYTHON), or `None`: the test is
/// then skipped, saying so; in CI its absence fails.
fn office() -> Option<PathBuf> {
    let python = std::env::var_os("JARYA_OFFICE_PYTHON");
    if python.is_none() {
        assert!(
            std::env::var_os("CI").is_none(),
            "CI must set JARYA_OFFICE_PYTHON (see .ci/run)"
        );
        eprintln!("skipped: set JARYA_OFFICE_PYTHON to a Python with python-docx and odfpy");
    }
    python.map(PathBuf::from)
}

/// Runs tests/tools/office.py with `args`.
fn write_documents(python: &Path, args: &[&str]) {
    let o = Command::new(python)
        .arg(repo().join("tests/tools/office.py"))
        .args(args)
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", stderr(&o));
}

/// The body of a release file (after its front matter), headings' marks left out.
fn body_text(text: &str) -> String {
    let body = text.splitn(3, "---\n").nth(2).unwrap_or("");
    body.lines()
        .map(|l| l.trim_start_matches('#').trim_start())
        .collect::<Vec<_>>()
        .join("\n")
}

/// The five seeds as .docx and .odt give the text's front matter and body.
#[test]
fn the_seeds_written_by_python_docx_and_odfpy_give_what_the_text_gives() {
    let Some(python) = office() else { return };
    let site = import_site();
    let tmp = tempfile::tempdir().unwrap();
    for n in 0..5 {
        let out = tmp.path().join(format!("seed{n}"));
        write_documents(
            &python,
            &["seed", seed(n).to_str().unwrap(), out.to_str().unwrap()],
        );
        let from_text = dry_run(site.path(), &seed(n));
        let text_out = dry_text(site.path(), &seed(n));
        for ext in ["docx", "odt"] {
            let file = out.with_extension(ext);
            same_facts(
                &dry_run(site.path(), &file),
                &from_text,
                &format!("{ext} {n}"),
            );
            assert_eq!(
                body_text(&dry_text(site.path(), &file)),
                body_text(&text_out),
                "{ext} {n}"
            );
        }
    }
}

/// Bold, italic, a link, a list, a table, a picture with its description and text that looks
/// like Markdown come through from both formats; the release builds with all of them.
#[test]
fn word_and_libreoffice_formatting_and_pictures_come_through() {
    let Some(python) = office() else { return };
    let tmp = tempfile::tempdir().unwrap();
    let base = tmp.path().join("rich");
    write_documents(&python, &["rich", base.to_str().unwrap()]);
    for (ext, picture) in [("docx", "image1.png"), ("odt", "photo.png")] {
        let site = import_site();
        let dir = site.path().to_str().unwrap();
        let file = base.with_extension(ext);
        let o = jarya(&["import", "--site", dir, file.to_str().unwrap()]);
        assert_eq!(o.status.code(), Some(0), "{ext}: {}", stderr(&o));
        let bundle = site.path().join("content/ru/forum-molodezhi-v-oshe");
        let text = std::fs::read_to_string(bundle.join("index.md")).unwrap();
        for want in [
            "title: \"Форум молодёжи в Оше\"",
            "date: 2026-03-12 10:00",
            "  - \"ОФ «Гражданская платформа»\"",
            "    phone: \"+996312911010\"",
            "Организатор — **ОФ «Гражданская платформа»**, *вход свободный*. Программа [на сайте](https://example.org/forum).",
            "Не Markdown: \\*звёздочки\\* и \\[скобки\\].",
            "### Программа\n\n- Открытие\n- Работа в группах\n",
            "| Время | Событие |\n| --- | --- |\n| 10:00 | Открытие |\n",
        ] {
            assert!(text.contains(want), "{ext}: {want}\n{text}");
        }
        assert!(
            text.contains(&format!("![Участники форума у входа]({picture})")),
            "{ext}: {text}"
        );
        assert!(!text.contains("role: \"Контакты\""), "{ext}: {text}");
        let png = std::fs::read(bundle.join(picture)).unwrap();
        assert!(png.starts_with(b"\x89PNG"), "{ext}");
        let out = tmp.path().join(format!("public-{ext}"));
        let page = build_drafts(site.path(), &out, "ru/forum-molodezhi-v-oshe/index.html");
        for want in [
            "<strong>ОФ «Гражданская платформа»</strong>",
            "<em>вход свободный</em>",
            "<a href=\"https://example.org/forum\"",
            "*звёздочки* и [скобки]",
            "<td>10:00</td>",
            "alt=\"Участники форума у входа\"",
        ] {
            assert!(page.contains(want), "{ext}: {want}");
        }
    }
}

/// A name the registry lacks is printed as an entry to paste, is not put in `organizers`, and
/// once pasted (with its Kyrgyz name) and named, the release passes `check`.
#[test]
fn a_new_organization_becomes_a_suggested_registry_entry() {
    let site = import_site();
    let dir = site.path().to_str().unwrap();
    let tmp = tempfile::tempdir().unwrap();
    let file = tmp.path().join("форум.txt");
    std::fs::write(
        &file,
        "Форум молодёжи в Таласе\n\
         Форум пройдёт 14 марта 2026 года в 10:00 при поддержке Общественного фонда «Лица Таласа».\n",
    )
    .unwrap();
    let o = jarya_env(
        &["import", "--site", dir, file.to_str().unwrap()],
        &[("JARYA_LANG", "ru")],
    );
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let said = String::from_utf8_lossy(&o.stdout);
    let entry = "litsa-talasa:\n  ru: \"Общественный фонд «Лица Таласа»\"\n  # ky: название на втором языке\n";
    assert!(said.contains(entry), "{said}");
    assert!(
        said.contains("которых нет в content/organizations.yaml"),
        "{said}"
    );
    let path = site.path().join("content/ru/forum-molodezhi-v-talase.md");
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(text.contains("organizers: []"), "{text}");
    assert!(
        text.contains("# нет в organizations.yaml: Общественный фонд «Лица Таласа»."),
        "{text}"
    );
    // The writer pastes the entry, writes the Kyrgyz name, and names it.
    let registry = site.path().join("content/organizations.yaml");
    let mut yaml = std::fs::read_to_string(&registry).unwrap();
    yaml += &entry.replace(
        "# ky: название на втором языке",
        "ky: \"«Таластын жүздөрү» коомдук фонду\"",
    );
    std::fs::write(&registry, yaml).unwrap();
    let text = text.replace(
        "organizers: []",
        "organizers: [\"Общественный фонд «Лица Таласа»\"] #",
    );
    std::fs::write(&path, text).unwrap();
    let o = jarya(&["check", "--drafts", "--site", dir]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(!dry_text(site.path(), &file).contains("litsa-talasa:"));
    let again = dry_run(site.path(), &file);
    assert_eq!(
        names(&again["organizers"]),
        ["Общественный фонд «Лица Таласа»"]
    );
    assert_eq!(s(&again["lang"]), "ru");
}
