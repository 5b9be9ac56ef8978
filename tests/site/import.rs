//! `jarya import`: the five real press releases (tests/fixtures/import, as sent: plain text)
//! become releases whose facts are those of the sample site's releases made from them by hand;
//! the same texts as .docx and .odt give the same facts; what comes out passes `check`.

use super::*;
use std::io::Write;

/// A site with the sample's settings, registries and pictures, and no releases.
pub(super) fn import_site() -> tempfile::TempDir {
    let tmp = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(tmp.path().join("content")).unwrap();
    for f in ["site.yaml", "organizations.yaml", "topics.yaml"] {
        std::fs::copy(
            repo().join("content").join(f),
            tmp.path().join("content").join(f),
        )
        .unwrap();
    }
    let img = tmp.path().join("static/img");
    std::fs::create_dir_all(&img).unwrap();
    for e in std::fs::read_dir(repo().join("static/img")).unwrap() {
        let e = e.unwrap();
        std::fs::copy(e.path(), img.join(e.file_name())).unwrap();
    }
    tmp
}

pub(super) fn seed(n: usize) -> PathBuf {
    let dir = fixture("import");
    let mut seeds: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    seeds.sort();
    seeds[n].clone()
}

/// The front matter of `text`, parsed (comments and all, as YAML reads them).
pub(super) fn front(text: &str) -> serde_yaml::Value {
    let yaml = text.split("---\n").nth(1).expect("front matter");
    serde_yaml::from_str(yaml).unwrap()
}

pub(super) fn dry_run(site: &Path, file: &Path) -> serde_yaml::Value {
    front(&dry_text(site, file))
}

/// What `import --dry-run` prints for `file`.
pub(super) fn dry_text(site: &Path, file: &Path) -> String {
    let o = jarya(&[
        "import",
        "--dry-run",
        "--site",
        site.to_str().unwrap(),
        file.to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    String::from_utf8_lossy(&o.stdout).into_owned()
}

pub(super) fn s(v: &serde_yaml::Value) -> String {
    match v {
        serde_yaml::Value::String(s) => s.clone(),
        serde_yaml::Value::Null => String::new(),
        other => serde_yaml::to_string(other).unwrap().trim().to_string(),
    }
}

pub(super) fn names(v: &serde_yaml::Value) -> Vec<String> {
    v.as_sequence()
        .map_or_else(Vec::new, |l| l.iter().map(s).collect())
}

/// The facts of the sample's releases (content/) that the seeds' texts give. Where the sample's
/// editor wrote what the text does not say, the sample's value is in the comment.
#[test]
fn the_five_seeds_give_the_facts_of_the_sample_releases() {
    let site = import_site();
    let want = [
        // (lang, title, date, end, organizers, contacts as name/phone/email)
        (
            "ru",
            "Участие общественности в мониторинге программ социальной поддержки и образования",
            "2025-06-27",
            "",
            vec!["Проект ЕС «Мониторинг юстиции»"],
            vec![("Улан Уметов", "+996771286605", "ulanumetov01@gmail.com")],
        ),
        // The sample: 17–18 April (the text: "18 апреля 2023 … two-day training ended today").
        (
            "ky",
            "Кыргыз Республикасында социалдык чыңалуу боюнча жергиликтүү деңгээлдеги мониторинг",
            "2023-04-18",
            "",
            vec!["Борбордук Азиянын Евразия фонду"],
            vec![],
        ),
        // The sample's title was rewritten by its editor; the text opens with a slogan.
        (
            "ru",
            "Добавим наш взгляд на законы!",
            "2021-10-12",
            "2021-10-13",
            vec![
                "Альянс Женских Законодательных Инициатив",
                "Министерство здравоохранения и социального развития КР",
            ],
            vec![],
        ),
        (
            "ru",
            "Стартовал Проект по укреплению потенциала представителей гражданского общества в Кыргызстане для продвижения инклюзивного общества посредством серии обучающих мероприятий по развитию лидерства и эдвокаси",
            "2022-09-01",
            "",
            vec!["ОФ «Гражданская платформа»"],
            vec![("Опобекова Бермет", "+996312911010", "info@platforma.kg")],
        ),
        (
            "ky",
            "«Коомдук кеңештерге 10 жыл — жарандык катышуунун эффективдүү институттарынын бири» конференциясы",
            "2021-11-18 14:00",
            "18:00",
            vec!["ЕБнин «Ачык коомчулуктар – ачык ЖМК» долбоору"],
            vec![],
        ),
    ];
    for (n, (lang, title, date, end, orgs, contacts)) in want.iter().enumerate() {
        let f = dry_run(site.path(), &seed(n));
        let what = format!("seed {n}: {f:?}");
        assert_eq!(s(&f["lang"]), *lang, "{what}");
        assert_eq!(s(&f["title"]), *title, "{what}");
        assert_eq!(s(&f["date"]), *date, "{what}");
        assert_eq!(s(&f["end"]), *end, "{what}");
        assert_eq!(names(&f["organizers"]), *orgs, "{what}");
        let got: Vec<(String, String, String)> =
            f["contacts"].as_sequence().map_or_else(Vec::new, |l| {
                l.iter()
                    .map(|c| (s(&c["name"]), s(&c["phone"]), s(&c["email"])))
                    .collect()
            });
        let want: Vec<(String, String, String)> = contacts
            .iter()
            .map(|(a, b, c)| (a.to_string(), b.to_string(), c.to_string()))
            .collect();
        assert_eq!(got, want, "{what}");
        assert_eq!(f["draft"], serde_yaml::Value::Bool(true));
        // The place's name as the sample gives it (003 lists eight cities: not read).
        let place = [
            "Министерство юстиции Кыргызской Республики",
            "",
            "Конференц-зал отеля «Шератон»",
            "",
            "«Хаятт Ридженси Бишкек» мейманканасы",
        ][n];
        assert_eq!(s(&f["location"]), place, "{what}");
    }
}

/// A .docx and an .odt of a seed (each line a paragraph, the first a heading), zipped here as
/// Word and LibreOffice write them, give the same front matter as the text.
#[test]
fn word_and_libreoffice_files_give_what_the_text_gives() {
    let site = import_site();
    let tmp = tempfile::tempdir().unwrap();
    for n in 0..5 {
        let text = std::fs::read_to_string(seed(n)).unwrap();
        let lines: Vec<&str> = text
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .collect();
        let esc = |t: &str| t.replace('&', "&amp;").replace('<', "&lt;");
        let mut body = String::new();
        let mut odt = String::new();
        for (i, l) in lines.iter().enumerate() {
            let style = if i == 0 {
                r#"<w:pPr><w:pStyle w:val="Title"/></w:pPr>"#
            } else {
                ""
            };
            body += &format!(
                r#"<w:p>{style}<w:r><w:t xml:space="preserve">{}</w:t></w:r></w:p>"#,
                esc(l)
            );
            let tag = if i == 0 {
                r#"text:h text:outline-level="1""#
            } else {
                "text:p"
            };
            odt += &format!("<{tag}>{}</{}>", esc(l), &tag[..6]);
        }
        let docx = zip_of(&[(
            "word/document.xml",
            format!(
                r#"<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>{body}</w:body></w:document>"#
            ),
        )]);
        let odt = zip_of(&[(
            "content.xml",
            format!(
                r#"<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"><office:body><office:text>{odt}</office:text></office:body></office:document-content>"#
            ),
        )]);
        let from_text = dry_run(site.path(), &seed(n));
        for (ext, bytes) in [("docx", docx), ("odt", odt)] {
            let file = tmp.path().join(format!("seed{n}.{ext}"));
            std::fs::write(&file, bytes).unwrap();
            same_facts(
                &dry_run(site.path(), &file),
                &from_text,
                &format!("{ext} {n}"),
            );
        }
    }
}

/// The front matter's facts of `got` are those of `want`.
pub(super) fn same_facts(got: &serde_yaml::Value, want: &serde_yaml::Value, what: &str) {
    for key in [
        "lang",
        "title",
        "date",
        "end",
        "location",
        "organizers",
        "topics",
        "contacts",
    ] {
        assert_eq!(got[key], want[key], "{what} {key}");
    }
}

fn zip_of(files: &[(&str, String)]) -> Vec<u8> {
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    for (name, text) in files {
        zip.start_file(*name, zip::write::SimpleFileOptions::default())
            .unwrap();
        zip.write_all(text.as_bytes()).unwrap();
    }
    zip.finish().unwrap().into_inner()
}

/// Written releases land in content/<lang>/, pass `check`, and are never overwritten.
#[test]
fn imported_releases_pass_check_and_are_not_overwritten() {
    let site = import_site();
    let dir = site.path().to_str().unwrap();
    let seeds: Vec<PathBuf> = (0..5).map(seed).collect();
    let mut args = vec!["import", "--site", dir];
    args.extend(seeds.iter().map(|p| p.to_str().unwrap()));
    let o = jarya(&args);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let said = String::from_utf8_lossy(&o.stdout);
    assert_eq!(said.matches(": written from ").count(), 5, "{said}");
    let ru = std::fs::read_dir(site.path().join("content/ru"))
        .unwrap()
        .count();
    let ky = std::fs::read_dir(site.path().join("content/ky"))
        .unwrap()
        .count();
    assert_eq!((ru, ky), (3, 2));
    let o = jarya(&["check", "--drafts", "--site", dir]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert_eq!(stderr(&o), "", "no warning either");
    // Again: every file exists; each is refused, none is touched.
    let o = jarya(&args);
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(
        stderr(&o).matches("already exists").count(),
        5,
        "{}",
        stderr(&o)
    );
}

/// An old .doc, a PDF, a text whose language is unclear: one clear message each, in the
/// reader's language, and exit 1; the other files are still imported.
#[test]
fn what_cannot_be_imported_is_explained() {
    let site = import_site();
    let tmp = tempfile::tempdir().unwrap();
    let doc = tmp.path().join("релиз.doc");
    std::fs::write(&doc, b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1").unwrap();
    let pdf = tmp.path().join("a.pdf");
    std::fs::write(&pdf, b"%PDF-1.4").unwrap();
    let unclear = tmp.path().join("b.txt");
    std::fs::write(&unclear, "Forum 2025\nBishkek\n").unwrap();
    // A Kyrgyz seed saved by Notepad as "ANSI": each ң, ө, ү became `?`.
    let kyrgyz = std::fs::read_to_string(seed(4)).unwrap();
    let (line, word) = kyrgyz
        .lines()
        .enumerate()
        .find_map(|(i, l)| {
            let l = l.replace(['ң', 'ө', 'ү', 'Ң', 'Ө', 'Ү'], "?");
            l.split(|c: char| !c.is_alphabetic() && c != '?')
                .find(|w| w.trim_end_matches('?').contains('?'))
                .map(|w| (i + 1, w.to_string()))
        })
        .unwrap();
    let ansi = tmp.path().join("ky.txt");
    let lost = kyrgyz.replace(['ң', 'ө', 'ү', 'Ң', 'Ө', 'Ү'], "?");
    std::fs::write(&ansi, encoding_rs::WINDOWS_1251.encode(&lost).0).unwrap();
    let o = jarya_env(
        &[
            "import",
            "--site",
            site.path().to_str().unwrap(),
            doc.to_str().unwrap(),
            pdf.to_str().unwrap(),
            unclear.to_str().unwrap(),
            ansi.to_str().unwrap(),
            seed(0).to_str().unwrap(),
        ],
        &[("JARYA_LANG", "ru")],
    );
    assert_eq!(o.status.code(), Some(1));
    let err = stderr(&o);
    assert!(
        err.contains(&format!(
            "ky.txt сохранён в кодировке Windows-1251 («ANSI»), в которой нет букв ң, ө, ү: \
             вместо них сохранились знаки «?» (строка {line}: «{word}»)"
        )),
        "{err}"
    );
    let written = String::from_utf8_lossy(&o.stdout);
    assert!(!written.contains("ky.txt"), "imported with `?`: {written}");
    assert!(
        err.contains("релиз.doc — старый файл Word (.doc)") && err.contains("сохраните как .docx"),
        "{err}"
    );
    assert!(
        err.contains("a.pdf: jarya импортирует файлы .docx, .odt, .txt и .md, а не .pdf"),
        "{err}"
    );
    assert!(
        err.contains("b.txt: язык текста неясен (баллы кыргызского 0, русского 0; слова: —)")
            && err.contains("--lang ru или --lang ky"),
        "{err}"
    );
    let out = String::from_utf8_lossy(&o.stdout);
    assert!(
        out.contains(": записан из ") && out.contains("000_0396d456b1911dbb.txt"),
        "{out}"
    );
    // With --lang the unclear text is imported.
    let o = jarya(&[
        "import",
        "--dry-run",
        "--lang",
        "ru",
        "--site",
        site.path().to_str().unwrap(),
        unclear.to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(String::from_utf8_lossy(&o.stdout).contains("lang: ru\n"));
}

/// A .docx with a photo becomes a page bundle: index.md and the photo beside it, which the
/// release shows; the photo without alt text in Word is listed for the writer.
#[test]
fn a_word_photo_makes_a_page_bundle_that_builds() {
    let site = import_site();
    let tmp = tempfile::tempdir().unwrap();
    let mut png = std::io::Cursor::new(Vec::new());
    image::RgbImage::from_pixel(40, 20, image::Rgb([200, 30, 30]))
        .write_to(&mut png, image::ImageFormat::Png)
        .unwrap();
    let w = r#"xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main""#;
    let photo = |id: &str, descr: &str| {
        format!(
            r#"<w:p><w:r><w:drawing><wp:inline><wp:docPr id="1" name="p"{descr}/><a:blip r:embed="{id}"/></wp:inline></w:drawing></w:r></w:p>"#
        )
    };
    let document = format!(
        r#"<w:document {w}><w:body><w:p><w:pPr><w:pStyle w:val="Title"/></w:pPr><w:r><w:t>Форум молодёжи в Оше</w:t></w:r></w:p><w:p><w:r><w:t>Форум пройдёт 5 декабря 2026 года в 10:00. Организатор — ОФ «Гражданская платформа».</w:t></w:r></w:p>{}{}</w:body></w:document>"#,
        photo("rId1", r#" descr="Участники форума""#),
        photo("rId2", "")
    );
    let rels = r#"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Target="media/image1.png"/><Relationship Id="rId2" Target="media/image2.png"/></Relationships>"#;
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default();
    for (name, bytes) in [
        ("word/document.xml", document.as_bytes()),
        ("word/_rels/document.xml.rels", rels.as_bytes()),
        ("word/media/image1.png", png.get_ref()),
        ("word/media/image2.png", png.get_ref()),
    ] {
        zip.start_file(name, options).unwrap();
        zip.write_all(bytes).unwrap();
    }
    let file = tmp.path().join("форум.docx");
    std::fs::write(&file, zip.finish().unwrap().into_inner()).unwrap();
    let dir = site.path().to_str().unwrap();
    let o = jarya(&["import", "--site", dir, file.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let said = String::from_utf8_lossy(&o.stdout);
    assert!(said.contains("fill in: ![…](image2.png)"), "{said}");
    let bundle = site.path().join("content/ru/forum-molodezhi-v-oshe");
    assert!(bundle.is_dir(), "{said}");
    let text = std::fs::read_to_string(bundle.join("index.md")).unwrap();
    assert!(
        text.contains("![Участники форума](image1.png)\n\n![](image2.png)\n"),
        "{text}"
    );
    assert_eq!(
        std::fs::read(bundle.join("image1.png")).unwrap(),
        *png.get_ref()
    );
    let out = tmp.path().join("public");
    let page = build_drafts(site.path(), &out, "ru/forum-molodezhi-v-oshe/index.html");
    assert!(page.contains(r#"alt="Участники форума""#), "{page}");
}

/// Builds `site` with its drafts into `out` (which must succeed) and reads the page `rel`.
pub(super) fn build_drafts(site: &Path, out: &Path, rel: &str) -> String {
    let o = jarya(&[
        "build",
        "--drafts",
        "--site",
        site.to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    read(out, rel)
}
