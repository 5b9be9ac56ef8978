//! Load stage, bodies: where a release's Markdown body is between loading and rendering.
//!
//! A build keeps only each body's place (where it starts in its file, its length and a hash of
//! its text), so that memory holds the site's metadata, not every body: on 10 000 releases the
//! bodies are most of the input. The render stage, which reads no file, is given [`read_back`]
//! and calls it for one page at a time. A file changed between loading and rendering is an
//! error naming it: a page never mixes the front matter of one version with the text of
//! another. Sites made in memory (tests, fuzzing) keep their bodies as [`Body::Text`].

use super::text::{needs_normalizing, read_bytes_at, text_of, utf8};
use crate::error::Diagnostic;
use crate::msg;
use std::borrow::Cow;
use std::hash::Hasher;
use std::path::Path;

/// A release's Markdown body (after the front matter, normalized as [`super::read_text`] gives
/// it).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Body {
    /// The text itself.
    Text(String),
    /// In the release's file, to be read back when its page is rendered.
    File(Place),
}

impl Default for Body {
    fn default() -> Self {
        Body::Text(String::new())
    }
}

/// Where a body is in its file, and what it was.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Place {
    /// Byte offset in the file's normalized text.
    pub offset: usize,
    /// Length in bytes.
    pub len: usize,
    /// [`hash`] of the text when it was loaded.
    pub hash: u64,
}

impl Body {
    /// The body of `text` from `offset`, kept in memory when `keep`, else as its place.
    pub fn of(text: &str, offset: usize, keep: bool) -> Body {
        let body = super::body_at(text, offset);
        if keep {
            Body::Text(body.to_string())
        } else {
            Body::File(Place {
                offset,
                len: body.len(),
                hash: hash(body.as_bytes()),
            })
        }
    }
}

/// Reads a body: its text when kept, else from `abs` (named `rel` in messages) by `read`.
pub fn text<'a>(
    body: &'a Body,
    abs: &Path,
    rel: &Path,
    read: Reader,
) -> Result<Cow<'a, str>, Diagnostic> {
    match body {
        Body::Text(t) => Ok(Cow::Borrowed(t)),
        Body::File(place) => read(abs, rel, place).map(Cow::Owned),
    }
}

/// How the stages after the model get bodies kept in files: [`read_back`] in a build.
pub type Reader = fn(&Path, &Path, &Place) -> Result<String, Diagnostic>;

/// Reads a body back from its file (`abs`, named `rel` in messages): the same text as when it
/// was loaded, or an error saying that the file changed during the build. The file is read
/// once; a file kept as read (most files: no BOM, no CR) is cut without a whole-text check.
pub fn read_back(abs: &Path, rel: &Path, place: &Place) -> Result<String, Diagnostic> {
    let bytes = read_bytes_at(abs, rel)?;
    let body = match as_is(bytes, place) {
        Ok(fast) => fast,
        Err(bytes) => {
            let text = text_of(bytes, rel)?;
            text.get(place.offset..)
                .filter(|b| b.len() == place.len && hash(b.as_bytes()) == place.hash)
                .map(str::to_string)
        }
    };
    body.ok_or_else(|| {
        Diagnostic::error(rel, msg!("file-changed-during-build"))
            .with_hint(msg!("file-changed-during-build-hint"))
    })
}

/// The body of a file kept as read, cut out of its `bytes`: only the body is checked for UTF-8
/// and nothing is copied. The bytes back when the file needs the full conversion to text (a
/// BOM, a CR or another control character, another encoding) or may: the body at its place
/// is not the one loaded, which the full conversion decides.
fn as_is(mut bytes: Vec<u8>, place: &Place) -> Result<Option<String>, Vec<u8>> {
    if bytes.starts_with("\u{feff}".as_bytes()) || needs_normalizing(&bytes) {
        return Err(bytes);
    }
    let end = place.offset.checked_add(place.len);
    if end != Some(bytes.len()) || bytes.get(place.offset..).map(hash) != Some(place.hash) {
        return Err(bytes);
    }
    bytes.drain(..place.offset);
    Ok(utf8(bytes).ok())
}

/// A fast hash of bytes (FxHash, 8 bytes at a time), to notice that a file changed: a body
/// since loading, an input since the last build, a page `serve` wrote.
pub fn hash(bytes: &[u8]) -> u64 {
    let mut h = rustc_hash::FxHasher::default();
    h.write(bytes);
    h.finish()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_body_is_read_back_as_it_was_loaded() {
        let dir = std::env::temp_dir().join(format!("jarya-body-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let file = dir.join("a.md");
        let written = "\u{feff}---\r\ntitle: A\r\n---\r\nТекст.\r\n";
        std::fs::write(&file, written).unwrap();
        let normal = super::super::normalize(written);
        let offset = normal.find("Текст").unwrap();
        let body = Body::of(&normal, offset, false);
        let rel = Path::new("content/a.md");
        assert_eq!(text(&body, &file, rel, read_back).unwrap(), "Текст.\n");
        assert_eq!(
            super::text(
                &Body::of(&normal, offset, true),
                &file,
                rel,
                |_, _, _| unreachable!()
            )
            .unwrap(),
            "Текст.\n"
        );
        // The same length, another text: the file changed after it was loaded.
        std::fs::write(&file, written.replace("Текст", "Тексь")).unwrap();
        let err = super::text(&body, &file, rel, read_back).unwrap_err();
        assert_eq!(err.message.key, "file-changed-during-build");
        std::fs::write(&file, "---\n---\n").unwrap();
        assert!(super::text(&body, &file, rel, read_back).is_err());
        std::fs::remove_dir_all(&dir).unwrap();
    }

    /// A build's releases keep their bodies' places, not their texts (memory for metadata only).
    #[test]
    fn loaded_releases_keep_only_the_place_of_their_bodies() {
        let site = std::env::temp_dir().join(format!("jarya-body-site-{}", std::process::id()));
        let file = site.join("content/ru/a.md");
        std::fs::create_dir_all(file.parent().unwrap()).unwrap();
        std::fs::write(&file, "---\ntitle: A\n---\nДлинный текст.\n").unwrap();
        let (raw, _) = super::super::load_one(&site, &file).unwrap();
        let Body::File(place) = raw.body else {
            panic!("the body is kept in memory: {:?}", raw.body);
        };
        assert_eq!(place.len, "Длинный текст.\n".len());
        assert_eq!(
            read_back(&file, &raw.path, &place).unwrap(),
            "Длинный текст.\n"
        );
        // A file kept as read (LF, no BOM) takes the short way; a change is still noticed.
        let as_is_of = |file: &Path| as_is(std::fs::read(file).unwrap(), &place);
        assert_eq!(as_is_of(&file), Ok(Some("Длинный текст.\n".to_string())));
        // Another body goes the full way, which finds the change.
        let changed = "---\ntitle: A\n---\nДлинный текст!\n";
        std::fs::write(&file, changed).unwrap();
        assert_eq!(as_is_of(&file), Err(changed.as_bytes().to_vec()));
        let err = read_back(&file, &raw.path, &place).unwrap_err();
        assert_eq!(err.message.key, "file-changed-during-build");
        let longer = "---\ntitle: A\n---\nДлинный текст.\nЕщё.\n";
        std::fs::write(&file, longer).unwrap();
        assert_eq!(as_is_of(&file), Err(longer.as_bytes().to_vec()));
        assert!(read_back(&file, &raw.path, &place).is_err());
        // The same file saved in windows-1251: its body is the one loaded from it.
        let ansi = encoding_rs::WINDOWS_1251
            .encode("---\ntitle: Итоги\n---\nДлинный текст.\n")
            .0;
        std::fs::write(&file, &ansi).unwrap();
        let (raw, notes) = super::super::load_one(&site, &file).unwrap();
        assert_eq!(notes.len(), 1, "{notes:?}");
        assert_eq!(notes[0].message.key, "file-read-as-1251");
        let Body::File(place) = raw.body else {
            panic!("{:?}", raw.body);
        };
        assert_eq!(
            read_back(&file, &raw.path, &place).unwrap(),
            "Длинный текст.\n"
        );
        // A CRLF file goes the normal way, its bytes handed on, not read again.
        let crlf = b"---\r\ntitle: A\r\n---\r\n\xd0\x94.\r\n".to_vec();
        std::fs::write(&file, &crlf).unwrap();
        assert_eq!(as_is_of(&file), Err(crlf));
        std::fs::remove_dir_all(&site).unwrap();
    }
}
