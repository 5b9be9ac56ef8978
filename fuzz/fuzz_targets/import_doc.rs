//! `jarya import` on any document: a .docx or .odt package as given, the input as the main XML
//! part of a package made here (so that the XML readers see it whole), or a text in any
//! encoding; then the release made from it. Nothing may panic, hang or read without bound, and
//! whatever the text, the front matter written is YAML that reads back.
#![no_main]
use jarya::i18n::{Lang, UiLang};
use jarya::import::{make, read::from_bytes};
use libfuzzer_sys::fuzz_target;
use std::io::Write;

/// A zip holding `xml` as `name`, stored.
fn package(name: &str, xml: &[u8]) -> Vec<u8> {
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let stored = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Stored);
    if zip.start_file(name, stored).is_err() || zip.write_all(xml).is_err() {
        return Vec::new();
    }
    zip.finish().map(|c| c.into_inner()).unwrap_or_default()
}

fuzz_target!(|data: &[u8]| {
    let Some((&mode, rest)) = data.split_first() else {
        return;
    };
    let doc = match mode % 6 {
        0 => from_bytes(rest, "docx"),
        1 => from_bytes(rest, "odt"),
        2 => from_bytes(&package("word/document.xml", rest), "docx"),
        3 => from_bytes(&package("content.xml", rest), "odt"),
        4 => from_bytes(rest, "md"),
        _ => from_bytes(rest, "txt"),
    };
    let Ok(doc) = doc else {
        return;
    };
    let lang = [None, Some(Lang::Ru), Some(Lang::Ky)][usize::from(mode / 6 % 3)];
    let Ok(imported) = make(doc, "release.docx", "release", lang, (None, None), UiLang::En) else {
        return;
    };
    let front = imported.text.split("---\n").nth(1).unwrap_or_default();
    if let Err(e) = serde_yaml::from_str::<serde_yaml::Value>(front) {
        panic!("front matter that does not read back: {e}\n{front}");
    }
});
