use super::read::{self, Block};
use super::*;
use std::io::Write;

/// A zip of `files`, as Word and LibreOffice write them.
pub(crate) fn zipped(files: &[(&str, &str)]) -> Vec<u8> {
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default();
    for (name, text) in files {
        zip.start_file(*name, options).unwrap();
        zip.write_all(text.as_bytes()).unwrap();
    }
    zip.finish().unwrap().into_inner()
}

const W: &str = r#"xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships""#;

/// A Russian Word's document: style ids `1` and `a3` named `heading 1` and `List Bullet`.
fn docx() -> Vec<u8> {
    let document = format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document {W}><w:body>
<w:p><w:pPr><w:pStyle w:val="1"/><w:rPr><w:b/></w:rPr></w:pPr><w:r><w:t>Форум &amp; «Жаштар»</w:t></w:r></w:p>
<w:p><w:r><w:t xml:space="preserve">Форум пройдёт </w:t></w:r><w:r><w:rPr><w:b/></w:rPr><w:t>5 декабря 2025 года</w:t></w:r><w:r><w:rPr><w:i/><w:b w:val="0"/></w:rPr><w:t xml:space="preserve"> в Оше</w:t></w:r><w:r><w:t>.</w:t></w:r></w:p>
<w:p><w:pPr><w:pStyle w:val="a3"/></w:pPr><w:r><w:t>Первый</w:t></w:r></w:p>
<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr><w:r><w:t>Второй</w:t><w:tab/><w:t>пункт</w:t></w:r></w:p>
<w:p><w:r><w:t xml:space="preserve">Сайт: </w:t></w:r><w:hyperlink r:id="rId9"><w:r><w:t>жаштар</w:t></w:r></w:hyperlink></w:p>
<w:tbl><w:tr><w:tc><w:p><w:r><w:t>Время</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>Что</w:t></w:r></w:p></w:tc></w:tr>
<w:tr><w:tc><w:p><w:r><w:t>10:00</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>Открытие</w:t></w:r></w:p><w:p><w:r><w:t>и|приветствие</w:t></w:r></w:p></w:tc></w:tr></w:tbl>
<w:p/>
</w:body></w:document>"#
    );
    let styles = format!(
        r#"<w:styles {W}><w:style w:type="paragraph" w:styleId="1"><w:name w:val="heading 1"/></w:style><w:style w:type="paragraph" w:styleId="a3"><w:name w:val="List Bullet"/></w:style></w:styles>"#
    );
    let rels = r#"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId9" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink" Target="https://example.kg/?a=1&amp;b=2" TargetMode="External"/></Relationships>"#;
    zipped(&[
        ("word/document.xml", &document),
        ("word/styles.xml", &styles),
        ("word/_rels/document.xml.rels", rels),
    ])
}

fn odt() -> Vec<u8> {
    let content = r#"<?xml version="1.0" encoding="UTF-8"?>
<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:xlink="http://www.w3.org/1999/xlink" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"><office:body><office:text>
<text:h text:outline-level="1">Жаштар форуму</text:h>
<text:p>Форум 2025-жылдын<text:s/>5-декабрында саат 10:00дө Ош шаарында өтөт.</text:p>
<text:list><text:list-item><text:p>Биринчи</text:p></text:list-item><text:list-item><text:p>Экинчи<text:tab/>пункт</text:p></text:list-item></text:list>
<text:p>Сайт: <text:a xlink:href="https://example.kg/">жаштар</text:a></text:p>
<table:table><table:table-row><table:table-cell><text:p>Саат</text:p></table:table-cell><table:table-cell><text:p>Эмне</text:p></table:table-cell></table:table-row><table:table-row><table:table-cell><text:p>10:00</text:p></table:table-cell></table:table-row></table:table>
</office:text></office:body></office:document-content>"#;
    zipped(&[("content.xml", content)])
}

fn read_bytes(name: &str, bytes: &[u8]) -> Vec<Block> {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(name);
    std::fs::write(&path, bytes).unwrap();
    read::read(&path).unwrap().blocks
}

#[test]
fn a_docx_gives_headings_paragraphs_lists_emphasis_and_links() {
    assert_eq!(
        read_bytes("r.docx", &docx()),
        [
            Block::Heading(1, "Форум & «Жаштар»".into()),
            Block::Para("Форум пройдёт **5 декабря 2025 года** *в Оше*.".into()),
            Block::Item("Первый".into()),
            Block::Item("Второй пункт".into()),
            Block::Para("Сайт: [жаштар](https://example.kg/?a=1&b=2)".into()),
            Block::Table(vec![
                vec!["Время".into(), "Что".into()],
                vec!["10:00".into(), "Открытие и|приветствие".into()],
            ]),
        ]
    );
}

#[test]
fn an_odt_gives_headings_paragraphs_lists_and_links() {
    assert_eq!(
        read_bytes("r.odt", &odt()),
        [
            Block::Heading(1, "Жаштар форуму".into()),
            Block::Para("Форум 2025-жылдын 5-декабрында саат 10:00дө Ош шаарында өтөт.".into()),
            Block::Item("Биринчи".into()),
            Block::Item("Экинчи пункт".into()),
            Block::Para("Сайт: [жаштар](https://example.kg/)".into()),
            Block::Table(vec![
                vec!["Саат".into(), "Эмне".into()],
                vec!["10:00".into()]
            ]),
        ]
    );
}

#[test]
fn text_files_are_decoded_whatever_windows_saved() {
    let text = "Форум\u{a0}молодёжи\r\n· первый пункт\r\n";
    let utf16: Vec<u8> = [0xFF, 0xFE]
        .into_iter()
        .chain(text.encode_utf16().flat_map(u16::to_le_bytes))
        .collect();
    let (cp1251, _, _) = encoding_rs::WINDOWS_1251.encode(text);
    let bom: Vec<u8> = [0xEF, 0xBB, 0xBF].into_iter().chain(text.bytes()).collect();
    for (bytes, name) in [
        (text.as_bytes().to_vec(), "UTF-8"),
        (bom, "UTF-8 (BOM)"),
        (utf16, "UTF-16LE"),
        (cp1251.into_owned(), "windows-1251"),
    ] {
        let (decoded, used) = read::decode(&bytes);
        assert_eq!(used, name);
        assert_eq!(
            decoded.replace('\u{a0}', " "),
            text.replace('\u{a0}', " "),
            "{name}"
        );
        assert_eq!(
            read_bytes("r.txt", &bytes),
            [
                Block::Para("Форум молодёжи".into()),
                Block::Item("первый пункт".into())
            ],
            "{name}"
        );
    }
}

#[test]
fn legacy_doc_other_kinds_and_broken_zips_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    for (name, bytes) in [
        ("a.doc", &b"\xd0\xcf\x11\xe0"[..]),
        ("a.pdf", b"%PDF"),
        ("a.docx", b"PK not a zip"),
    ] {
        std::fs::write(dir.path().join(name), bytes).unwrap();
    }
    assert!(matches!(
        read::read(&dir.path().join("a.doc")),
        Err(read::ReadError::Legacy)
    ));
    assert!(
        matches!(read::read(&dir.path().join("a.pdf")), Err(read::ReadError::Unsupported(e)) if e == "pdf")
    );
    assert!(matches!(
        read::read(&dir.path().join("a.docx")),
        Err(read::ReadError::Broken(_))
    ));
}

/// A document.xml that unpacks to more than 64 MB (from a zip of a few hundred KB) is refused
/// without being read whole.
#[test]
fn a_zip_bomb_is_refused() {
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    zip.start_file("word/document.xml", options).unwrap();
    let block = vec![b' '; 1 << 20];
    for _ in 0..65 {
        zip.write_all(&block).unwrap();
    }
    let bytes = zip.finish().unwrap().into_inner();
    assert!(bytes.len() < 1 << 20, "{}", bytes.len());
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("a.docx"), bytes).unwrap();
    match read::read(&dir.path().join("a.docx")) {
        Err(read::ReadError::Broken(why)) => assert!(why.contains("more than 64 MB"), "{why}"),
        other => panic!("{other:?}"),
    }
}

#[test]
fn the_body_keeps_text_that_looks_like_markdown_as_text() {
    let blocks = [
        Block::Heading(1, "Заголовок".into()),
        Block::Para("1. Не список".into()),
        Block::Item("пункт".into()),
        Block::Para("# не заголовок".into()),
        Block::Heading(2, "Раздел".into()),
        Block::Table(vec![vec!["А".into(), "Б|В".into()], vec!["1".into()]]),
    ];
    assert_eq!(
        body(&blocks, Some(0)),
        "1\\. Не список\n\n- пункт\n\n\\# не заголовок\n\n### Раздел\n\n| А | Б\\|В |\n| --- | --- |\n| 1 |  |\n"
    );
}

/// Word's pictures: each goes beside the release under a safe name, with Word's alt text;
/// an SVG (it can carry script) and a target outside the package are not taken.
#[test]
fn a_docx_picture_goes_beside_the_release() {
    let document = format!(
        r#"<w:document {W} xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><w:body>
<w:p><w:r><w:t>Форум</w:t></w:r><w:r><w:drawing><wp:inline><wp:docPr id="1" name="Рисунок 1" descr="Участники &quot;форума&quot;"/><a:graphic><a:graphicData><pic:pic xmlns:pic="p"><pic:blipFill><a:blip r:embed="rId7"/></pic:blipFill></pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing></w:r></w:p>
<w:p><w:r><w:drawing><wp:inline><wp:docPr id="2" name="x"/><a:blip r:embed="rId8"/></wp:inline></w:drawing></w:r></w:p>
<w:p><w:r><w:drawing><wp:inline><wp:docPr id="3" name="y"/><a:blip r:embed="rId9"/></wp:inline></w:drawing></w:r></w:p>
<w:p><w:r><w:drawing><wp:inline><wp:docPr id="4" name="z"/><a:blip r:embed="rId10"/></wp:inline></w:drawing></w:r></w:p>
</w:body></w:document>"#
    );
    let rels = r#"<Relationships xmlns="r"><Relationship Id="rId7" Target="media/image1.png"/><Relationship Id="rId8" Target="media/Фото 2.JPG"/><Relationship Id="rId9" Target="media/logo.svg"/><Relationship Id="rId10" Target="../../../etc/passwd.png"/></Relationships>"#;
    let bytes = zipped(&[
        ("word/document.xml", &document),
        ("word/_rels/document.xml.rels", rels),
        ("word/media/image1.png", "PNG"),
        ("word/media/Фото 2.JPG", "JPG"),
        ("word/media/logo.svg", "<svg onload=alert(1)/>"),
    ]);
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("r.docx");
    std::fs::write(&path, bytes).unwrap();
    let doc = read::read(&path).unwrap();
    assert_eq!(
        doc.blocks,
        [
            Block::Para("Форум".into()),
            Block::Image {
                name: "image1.png".into(),
                alt: "Участники \"форума\"".into()
            },
            Block::Image {
                name: "foto-2.jpg".into(),
                alt: String::new()
            },
        ]
    );
    let names: Vec<&str> = doc.pictures.iter().map(|p| p.name.as_str()).collect();
    assert_eq!(names, ["image1.png", "foto-2.jpg"]);
    assert_eq!(doc.pictures[0].bytes, b"PNG");
    assert_eq!(
        body(&doc.blocks, None),
        "Форум\n\n![Участники \"форума\"](image1.png)\n\n![](foto-2.jpg)\n"
    );
}

/// Found by the `import_doc` fuzz target: a text holding a NUL and the bytes of a zip (read
/// as windows-1251, so C1 controls too) made a title YAML refused. Control characters are
/// left out of the text, and `quoted` escapes what YAML does not take raw.
#[test]
fn control_characters_never_reach_the_front_matter() {
    // U+FFFF (a noncharacter, which YAML refuses) was found by the fuzzer later.
    let text = "УЧАСТИЕ О\0PK\x03\x04 \u{7f}\u{98}\u{85}x\u{2028}y\u{ffff}\nтекст";
    let doc = read::from_bytes(text.as_bytes(), "txt").unwrap();
    let imported = make(doc, "a.txt", "a", Some(Lang::Ru), (None, None), UiLang::En).unwrap();
    let front = imported.text.split("---\n").nth(1).unwrap();
    let yaml: serde_yaml::Value = serde_yaml::from_str(front).unwrap();
    let title = yaml["title"].as_str().unwrap();
    assert!(!title.chars().any(char::is_control), "{title:?}");
    assert_eq!(title, "УЧАСТИЕ ОPK x y");
    for raw in ["a\u{85}b", "a\u{2028}b", "a\u{9f}b", "a\u{7f}b"] {
        let back: String = serde_yaml::from_str(&quoted(raw)).unwrap();
        assert_eq!(back, raw);
    }
}

/// A document's characters are text: what Markdown would read as markup is escaped, and the
/// facts are read from the text without the escapes.
#[test]
fn document_text_is_escaped_for_markdown_and_read_back_plain() {
    let text = r"2*3*4 [1] <b>жирный</b> _тема_ ulan_umetov@mail.kg C:\папка `код`";
    let md = read::escape(text);
    assert_eq!(
        md,
        r"2\*3\*4 \[1\] \<b>жирный\</b> \_тема\_ ulan_umetov@mail.kg C:\\папка \`код\`"
    );
    assert_eq!(read::unmark(&md), text);
    let html = crate::markdown::to_html(&md, |_| None).html;
    assert!(
        html.contains("2*3*4 [1] &lt;b&gt;жирный&lt;/b&gt; _тема_ <a href=\"mailto:ulan_umetov@mail.kg\">ulan_umetov@mail.kg</a> C:\\папка `код`"),
        "{html}"
    );
}
