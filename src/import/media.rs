//! `jarya import`, pictures of a .docx or .odt: the package's relations (links and pictures), and the
//! pictures' files under safe names, to go beside the release (a page bundle).

use super::read::{ReadError, attr, unzip_bytes};
use crate::i18n::{self, Lang};
use quick_xml::Reader;
use quick_xml::events::Event;
use std::collections::{BTreeSet, HashMap};

/// One relation of `word/_rels/document.xml.rels`.
#[derive(Debug, Clone)]
pub struct Rel {
    pub target: String,
    pub external: bool,
}

/// A picture to write beside the release.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Picture {
    /// Its file name in the bundle (`image1.png`).
    pub name: String,
    pub bytes: Vec<u8>,
}

/// Kinds of picture a web page shows (not SVG, which can carry script).
const KINDS: [&str; 5] = ["png", "jpg", "jpeg", "gif", "webp"];

/// At most this many pictures are taken from one document.
const MOST: usize = 100;

/// Relation id -> where it points.
pub fn relations(xml: &str) -> HashMap<String, Rel> {
    let mut rels = HashMap::new();
    let mut reader = Reader::from_str(xml);
    while let Ok(event) = reader.read_event() {
        match event {
            Event::Start(e) | Event::Empty(e) if e.name().as_ref() == "Relationship" => {
                if let (Some(id), Some(target)) = (attr(&e, "Id"), attr(&e, "Target")) {
                    let external = attr(&e, "TargetMode").as_deref() == Some("External");
                    rels.insert(id, Rel { target, external });
                }
            }
            Event::Eof => break,
            _ => {}
        }
    }
    rels
}

/// The pictures of a document, by the name each gets.
#[derive(Default)]
pub struct Pictures {
    pub taken: Vec<Picture>,
    names: BTreeSet<String>,
    by_target: HashMap<String, String>,
}

impl Pictures {
    /// The file name for the picture at `target` (relative to `base`, `word/` in a .docx, the
    /// package's root in an .odt), reading it from the package the first time; None for what
    /// is not a picture kind, a missing file, or past the limit. `called` names it when the
    /// package's own name says nothing (LibreOffice's `Pictures/1000000100000….png`).
    pub fn take(
        &mut self,
        package: &[u8],
        base: &str,
        target: &str,
        called: Option<&str>,
    ) -> Result<Option<String>, ReadError> {
        if let Some(name) = self.by_target.get(target) {
            return Ok(Some(name.clone()));
        }
        let Some(name) = self.safe_name(target, called) else {
            return Ok(None);
        };
        let inner = target.trim_start_matches("./");
        let path = match inner.strip_prefix('/') {
            Some(rooted) => rooted.to_string(),
            None => format!("{base}{}", inner.trim_start_matches(base)),
        };
        let Some(bytes) = unzip_bytes(package, &path)? else {
            return Ok(None);
        };
        if self.taken.len() >= MOST {
            return Ok(None);
        }
        self.names.insert(name.clone());
        self.by_target.insert(target.to_string(), name.clone());
        self.taken.push(Picture {
            name: name.clone(),
            bytes,
        });
        Ok(Some(name))
    }

    /// The last part of `target` as a slug, and its picture kind; a number added when two
    /// pictures would share a name.
    fn safe_name(&self, target: &str, called: Option<&str>) -> Option<String> {
        let base = target.rsplit(['/', '\\']).next()?.to_lowercase();
        let (stem, ext) = base.rsplit_once('.')?;
        if !KINDS.contains(&ext) {
            return None;
        }
        // The site's slug rule: "Фото 2" -> "foto-2".
        let stem = i18n::slugify(Lang::Ru, called.unwrap_or(stem));
        let stem = if stem.is_empty() {
            "picture".to_string()
        } else {
            stem
        };
        let mut name = format!("{stem}.{ext}");
        let mut n = 2;
        while self.names.contains(&name) {
            name = format!("{stem}-{n}.{ext}");
            n += 1;
        }
        Some(name)
    }
}
