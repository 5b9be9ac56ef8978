//! Search stage (`search: true`, after render, before the swap): every release page goes to
//! Pagefind through its Rust API, and the index's files go into the staging folder under
//! `pagefind/`, so that a failed or killed build publishes no half index.
//!
//! Two fixes for Russian and Kyrgyz readers; the rest of them is in `static/search.js`:
//! - Kyrgyz: Pagefind has no Kyrgyz stemmer and does not fold ң ө ү, while many readers type
//!   н о у on a Russian keyboard. Each Kyrgyz page goes to Pagefind with an index-only
//!   `<meta data-pagefind-meta="fold[content]">` holding its words that have those letters,
//!   folded (Pagefind searches meta fields; the published page does not change).
//! - Russian: Pagefind folds й to и before stemming, so `новый` and `новая` get different
//!   stems; the search page's script cuts -ый/-ий/-ой from query words instead.

use crate::error::{Diagnostic, Error, Result};
use crate::i18n::{self, Lang};
use crate::model::{Release, Site};
use crate::output::Sink;
use crate::plan::{self, Job};
use std::collections::{BTreeSet, HashMap};
use std::path::{Path, PathBuf};
use std::sync::Mutex;

/// A sink that passes every file on and keeps a copy of the release pages, for the index.
pub struct Collect<'a> {
    inner: &'a dyn Sink,
    /// Page file -> index of its release.
    wanted: HashMap<PathBuf, usize>,
    pages: Mutex<Vec<(usize, Vec<u8>)>>,
}

impl<'a> Collect<'a> {
    /// Collects the release pages of `site` on their way to `inner`.
    pub fn new(site: &Site, inner: &'a dyn Sink) -> Self {
        let wanted = (0..site.releases.len())
            .map(|i| (plan::page_file(site, Job::Release(i)), i))
            .collect();
        Collect {
            inner,
            wanted,
            pages: Mutex::new(Vec::new()),
        }
    }

    /// The release pages, in the order of the site's releases.
    pub fn into_pages(self) -> Vec<(usize, Vec<u8>)> {
        let mut pages = self
            .pages
            .into_inner()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        pages.sort_by_key(|(i, _)| *i);
        pages
    }
}

impl Sink for Collect<'_> {
    fn put(&self, rel: &Path, bytes: &[u8]) -> Result<()> {
        if let Some(&i) = self.wanted.get(rel) {
            self.pages
                .lock()
                .unwrap_or_else(std::sync::PoisonError::into_inner)
                .push((i, bytes.to_vec()));
        }
        self.inner.put(rel, bytes)
    }
}

/// The words of a Kyrgyz release (title, summary, place, organizers, topics and body) that
/// have ң, ө or ү, folded and lower-cased, sorted and each once, spaced.
pub fn folded_words(r: &Release, body: &str) -> String {
    let body = crate::markdown::plain_text(body);
    let place = r.location.iter().flat_map(|l| {
        [&l.name, &l.address, &l.city]
            .into_iter()
            .flatten()
            .map(String::as_str)
    });
    let names = r.organizers.iter().chain(&r.topics).map(|t| &*t.name);
    let texts = [r.title.as_str(), r.summary.as_str(), body.as_str()]
        .into_iter()
        .chain(place)
        .chain(names);
    let mut words = BTreeSet::new();
    for text in texts {
        for word in text.split(|c: char| !c.is_alphanumeric()) {
            if word.chars().any(|c| i18n::russian_keyboard(c) != c) {
                words.insert(
                    word.chars()
                        .map(i18n::russian_keyboard)
                        .collect::<String>()
                        .to_lowercase(),
                );
            }
        }
    }
    words.into_iter().collect::<Vec<_>>().join(" ")
}

/// What Pagefind reads for a page: the part it indexes (from the element marked
/// `data-pagefind-body` to the end of `<main>`; the whole page when the theme marks none) in a
/// small document of the page's language, and for a Kyrgyz page the folded words in an
/// index-only meta field. Parsing less makes indexing faster; nothing outside that part is
/// indexed anyway.
#[cfg_attr(not(feature = "search"), allow(dead_code))]
fn index_copy(html: &str, r: &Release, body: &str) -> String {
    let part = html.find(" data-pagefind-body").and_then(|at| {
        let start = html[..at].rfind('<')?;
        let end = html[at..].rfind("</main>").map_or(html.len(), |e| at + e);
        Some(&html[start..end])
    });
    let words = if r.lang == Lang::Ky {
        folded_words(r, body)
    } else {
        String::new()
    };
    // The words are letters and digits only: nothing in them needs escaping in an attribute.
    let meta = if words.is_empty() {
        String::new()
    } else {
        format!(r#"<meta data-pagefind-meta="fold[content]" content="{words}">"#)
    };
    match part {
        Some(part) => format!(
            r#"<!DOCTYPE html><html lang="{}"><head>{meta}</head><body>{part}</body></html>"#,
            r.lang.code()
        ),
        None if meta.is_empty() => html.to_string(),
        None => match html.find("<head>") {
            Some(i) => format!("{}{meta}{}", &html[..i + 6], &html[i + 6..]),
            None => format!("{meta}{html}"),
        },
    }
}

/// Pagefind's files that the search page never loads (its own UIs, the playground): not
/// published (about 400 KB).
#[cfg_attr(not(feature = "search"), allow(dead_code))]
fn unused(name: &Path) -> bool {
    let name = name.to_string_lossy();
    [
        "pagefind-ui",
        "pagefind-component-ui",
        "pagefind-modular-ui",
    ]
    .iter()
    .any(|p| name.starts_with(p))
        || name.starts_with("pagefind-highlight")
        || name.starts_with("playground")
}

fn failed(detail: impl std::fmt::Display) -> Error {
    Error::Content(vec![Diagnostic::error(
        crate::urls::SEARCH_INDEX,
        crate::msg!("search-failed", detail = detail.to_string()),
    )])
}

/// The search index of the release pages (`pages`: index in the site's releases, HTML):
/// each file's path in the output folder, with its bytes. What Pagefind reads of each page
/// ([`index_copy`]) is written under `scratch` at the page's address, in parallel, and
/// Pagefind reads the pages one by one in the order of the site's releases (its API takes
/// synthetic pages only with a linear search each). Deterministic: Pagefind numbers pages in
/// the order it reads them (reading a folder would give the file system's order), and names
/// its files by their content. Kyrgyz bodies kept in their files are read back by `read`.
#[cfg(feature = "search")]
pub fn index(
    site: &Site,
    pages: Vec<(usize, Vec<u8>)>,
    scratch: &Path,
    read: crate::content::body::Reader,
) -> Result<Vec<(PathBuf, Vec<u8>)>> {
    use pagefind::api::PagefindIndex;
    use pagefind::options::PagefindServiceConfig;
    use rayon::prelude::*;
    let base = site.config.base_path().trim_matches('/');
    let root = scratch.join(base);
    pages.par_iter().try_for_each(|(i, html)| {
        let html = std::str::from_utf8(html).map_err(failed)?;
        let file = root.join(plan::page_file(site, Job::Release(*i)));
        if let Some(dir) = file.parent() {
            std::fs::create_dir_all(dir).map_err(|e| Error::io(dir, e))?;
        }
        let r = &site.releases[*i];
        let body = match r.lang {
            Lang::Ky => {
                crate::content::body::text(&r.body, &r.file(&site.config.dir), &r.source, read)
                    .map_err(|d| Error::Content(vec![d]))?
            }
            Lang::Ru => Default::default(),
        };
        std::fs::write(&file, index_copy(html, r, &body)).map_err(|e| Error::io(&file, e))
    })?;
    // Each page's file as a pattern matching it alone, by language, in the releases' order.
    let mut by_lang: std::collections::BTreeMap<Lang, Vec<String>> = Default::default();
    for (i, _) in &pages {
        let file = plan::page_file(site, Job::Release(*i));
        let file = format!("{}/{}", base, file.to_string_lossy().replace('\\', "/"));
        by_lang
            .entry(site.releases[*i].lang)
            .or_default()
            .push(wax::escape(file.trim_start_matches('/')).into_owned());
    }
    drop(pages);
    let folder = scratch.to_str().ok_or_else(|| failed(scratch.display()))?;
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .map_err(failed)?;
    // One Pagefind index per language, one after the other: Pagefind holds every page's words
    // twice while it builds, so the peak is then the larger language's, not the site's. Their
    // files are merged (Pagefind names a language's files by the language and their content).
    let mut out: std::collections::BTreeMap<PathBuf, Vec<u8>> = Default::default();
    for (_, globs) in by_lang {
        let files = runtime.block_on(async {
            let config = PagefindServiceConfig::builder().build();
            let mut index = PagefindIndex::new(Some(config)).map_err(failed)?;
            let mut added = 0;
            for glob in globs {
                added += index
                    .add_directory(folder.to_string(), Some(glob))
                    .await
                    .map_err(failed)?;
            }
            if added == 0 {
                return Ok(Vec::new());
            }
            index.get_files().await.map_err(failed)
        })?;
        for f in files.into_iter().filter(|f| !unused(&f.filename)) {
            let path = crate::urls::search_index_file(&f.filename)
                .ok_or_else(|| failed(f.filename.display()))?;
            merge(&mut out, path, f.contents)?;
        }
    }
    Ok(out.into_iter().collect())
}

/// Adds one language's file to the index: `pagefind-entry.json`s are merged (each lists its
/// languages); any other file two languages share must be the same bytes.
#[cfg_attr(not(feature = "search"), allow(dead_code))]
fn merge(
    out: &mut std::collections::BTreeMap<PathBuf, Vec<u8>>,
    path: PathBuf,
    bytes: Vec<u8>,
) -> Result<()> {
    let Some(had) = out.get(&path) else {
        out.insert(path, bytes);
        return Ok(());
    };
    if *had == bytes {
        return Ok(());
    }
    if !path.ends_with("pagefind-entry.json") {
        return Err(failed(format!("{}: two languages differ", path.display())));
    }
    let read = |b: &[u8]| serde_json::from_slice::<serde_json::Value>(b).map_err(failed);
    let (mut entry, more) = (read(had)?, read(&bytes)?);
    let languages = more["languages"].as_object().cloned().unwrap_or_default();
    match entry["languages"].as_object_mut() {
        Some(all) => all.extend(languages),
        None => return Err(failed(format!("{}: no languages", path.display()))),
    }
    out.insert(path, serde_json::to_vec(&entry).map_err(failed)?);
    Ok(())
}

/// Without the `search` feature, `search: true` is refused when the settings are read.
#[cfg(not(feature = "search"))]
pub fn index(
    _: &Site,
    _: Vec<(usize, Vec<u8>)>,
    _: &Path,
    _: crate::content::body::Reader,
) -> Result<Vec<(PathBuf, Vec<u8>)>> {
    Err(failed("jarya was built without the search feature"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::testing::{raw, site};

    #[test]
    fn kyrgyz_words_are_folded_once_each() {
        let s = site(vec![raw(
            "ky",
            "kenesh",
            "2025-06-27 10:00",
            "Жаштар кеңешинин жыйыны. Өнүктүрүү, өнүктүрүү жана ҮЙ-БҮЛӨ.\n",
        )]);
        let words = folded_words(
            &s.releases[0],
            "Жаштар кеңешинин жыйыны. Өнүктүрүү, өнүктүрүү жана ҮЙ-БҮЛӨ.\n",
        );
        assert_eq!(words, "було кенешинин онуктуруу уй");
    }

    #[test]
    fn only_kyrgyz_pages_get_the_fold_field() {
        let s = site(vec![
            raw("ky", "a", "2025-06-27 10:00", "Өнүктүрүү.\n"),
            raw("ru", "b", "2025-06-27 10:00", "Өнүктүрүү.\n"),
        ]);
        let page = "<html><head><title>x</title></head><body></body></html>".to_string();
        let of = |lang| s.releases.iter().find(|r| r.lang == lang).unwrap();
        let ky = index_copy(&page, of(Lang::Ky), "Өнүктүрүү.\n");
        assert!(
            ky.starts_with(
                r#"<html><head><meta data-pagefind-meta="fold[content]" content="онуктуруу">"#
            ),
            "{ky}"
        );
        assert_eq!(index_copy(&page, of(Lang::Ru), "Өнүктүрүү.\n"), page);
        // With a marked body, only it goes to Pagefind, in a document of the page's language.
        let page = r#"<html><head><title>x</title></head><body><nav>Меню</nav><main><article class="r" data-pagefind-body><h1>Т</h1></article><aside>Ещё</aside></main><footer>Ф</footer></body></html>"#;
        assert_eq!(
            index_copy(page, of(Lang::Ru), "Өнүктүрүү.\n"),
            r#"<!DOCTYPE html><html lang="ru"><head></head><body><article class="r" data-pagefind-body><h1>Т</h1></article><aside>Ещё</aside></body></html>"#
        );
        assert!(index_copy(page, of(Lang::Ky), "Өнүктүрүү.\n").starts_with(
            r#"<!DOCTYPE html><html lang="ky"><head><meta data-pagefind-meta="fold[content]" content="онуктуруу"></head><body><article"#
        ));
    }

    #[test]
    fn index_files_stay_in_their_folder() {
        assert_eq!(
            crate::urls::search_index_file(Path::new("index/ru_1.pf_index")),
            Some(PathBuf::from("pagefind/index/ru_1.pf_index"))
        );
        for bad in ["../x", "/etc/passwd", "", "a/../../b"] {
            assert_eq!(
                crate::urls::search_index_file(Path::new(bad)),
                None,
                "{bad}"
            );
        }
        assert!(unused(Path::new("pagefind-ui.js")));
        assert!(!unused(Path::new("pagefind.js")));
    }

    #[test]
    fn languages_indexed_apart_are_merged_into_one_entry() {
        let mut out = std::collections::BTreeMap::new();
        let entry = |lang: &str| {
            format!(r#"{{"version":"1.6.0","languages":{{"{lang}":{{"hash":"{lang}_1","wasm":null,"page_count":2}}}}}}"#)
                .into_bytes()
        };
        let path = PathBuf::from("pagefind/pagefind-entry.json");
        let js = PathBuf::from("pagefind/pagefind.js");
        for lang in ["ru", "ky"] {
            merge(&mut out, path.clone(), entry(lang)).unwrap();
            merge(&mut out, js.clone(), b"same".to_vec()).unwrap();
        }
        let merged: serde_json::Value = serde_json::from_slice(&out[&path]).unwrap();
        let langs: Vec<&String> = merged["languages"].as_object().unwrap().keys().collect();
        assert_eq!(langs, ["ky", "ru"]);
        assert_eq!(merged["version"], "1.6.0");
        assert_eq!(out[&js], b"same");
        // A shared file that differs between languages is an error, never a silent pick.
        assert!(merge(&mut out, js, b"other".to_vec()).is_err());
    }
}
