//! Link checking, for `check`: links and images in release bodies (and `image:` in front matter)
//! that point inside the site must lead to a file the build writes.
//!
//! In: the site, the set of files a build writes. Out: a diagnostic per broken link, with the
//! line in the release file.

use crate::content::CaseIndex;
use crate::error::Diagnostic;
use crate::model::{Release, Site, release_file_link};
use crate::msg;
use crate::urls;
use rayon::prelude::*;
use std::collections::BTreeSet;
use std::path::PathBuf;
use std::sync::OnceLock;

/// Every broken internal link of every release; `files` are the planned output files.
/// When release files in error were left out of the site (`Site::left_out`), a link into a
/// folder no planned file is in waits: it may be such a release's page or one of its files.
pub fn check(site: &Site, files: impl Iterator<Item = PathBuf>) -> Vec<Diagnostic> {
    let files: BTreeSet<PathBuf> = files.collect();
    let base_path = site.config.base_path();
    // Made at the first broken link, for the file meant in other letter case.
    let by_case = OnceLock::new();
    let by_case = || by_case.get_or_init(|| CaseIndex::new(files.iter().map(PathBuf::as_path)));
    let waits = |target: &str| site.left_out && in_unplanned_folder(target, &files);
    site.releases
        .par_iter()
        .flat_map_iter(|r| check_release(r, base_path, &files, &by_case, &waits))
        .collect()
}

/// Whether `target` (`ru/forum/`, `ru/forum/program.pdf`) is under a language's folder that
/// holds no planned file: a release's own folder, not a list's.
fn in_unplanned_folder(target: &str, files: &BTreeSet<PathBuf>) -> bool {
    let mut parts = target.split('/').filter(|p| !p.is_empty());
    let (Some(lang), Some(folder)) = (parts.next(), parts.next()) else {
        return false;
    };
    if !crate::i18n::Lang::ALL.iter().any(|l| l.code() == lang) {
        return false;
    }
    if parts.next().is_none() && !target.ends_with('/') && folder.contains('.') {
        return false; // a file at the second level (`ru/atom.xml`), not a folder
    }
    let folder = PathBuf::from(lang).join(folder);
    !files
        .range(folder.clone()..)
        .next()
        .is_some_and(|f| f.starts_with(&folder))
}

fn check_release<'a>(
    r: &Release,
    base_path: &str,
    files: &BTreeSet<PathBuf>,
    by_case: &impl Fn() -> &'a CaseIndex<'a>,
    waits: &impl Fn(&str) -> bool,
) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    // A missing `image:` stops the build itself (`images::inspect`).
    let page = urls::release(r.lang, &r.slug);
    for link in &r.links {
        // Links to other releases' files were resolved (or reported) by the model.
        // So were other sites' addresses without https:// (an error of their own).
        if release_file_link(&link.dest).is_some() || urls::is_bare_domain(&link.dest) {
            continue;
        }
        let Some(target) = site_target(&link.dest, base_path, &page) else {
            continue;
        };
        if !exists(&target, files) && !waits(&target) {
            out.push(
                Diagnostic::error(
                    &r.source,
                    if link.image {
                        msg!("body-picture-broken", link = &link.dest)
                    } else {
                        msg!("body-link-broken", link = &link.dest)
                    },
                )
                .at_line(r.body_line + link.line)
                .with_hint(match other_case(&target, by_case()) {
                    Some(meant) => msg!("link-meant-hint", fixed = meant),
                    None => broken_hint(r, &link.dest),
                })
                .at_column(link.column)
                .with_width(link.width),
            );
        }
    }
    out
}

/// The site's own address of a file that is `target` in other letter case (`Фото.JPG` for
/// `фото.jpg`: the writer's Windows finds it, the server does not).
fn other_case(target: &str, files: &CaseIndex<'_>) -> Option<String> {
    let page = format!("{}/index.html", target.trim_end_matches('/'));
    let found = files.get(target).or_else(|| files.get(&page))?;
    Some(format!("/{}", found.to_string_lossy().replace('\\', "/")))
}

/// What to do about a broken link. A file named beside the page (`программа.pdf`) is most
/// often a file the writer put beside the release's `.md`, where it is not published: only a
/// release folder's files are (`<name>/index.md` with its files), or static/'s.
fn broken_hint(r: &Release, dest: &str) -> crate::i18n::Message {
    let path = percent_decode(strip_query(dest));
    let file = path.rsplit('/').next().unwrap_or("");
    let named_file = !path.starts_with(['/', '.'])
        && file.rsplit_once('.').is_some_and(|(stem, ext)| {
            !stem.is_empty() && !ext.is_empty() && !matches!(ext, "html" | "htm" | "md")
        });
    if !named_file {
        return msg!("body-link-broken-hint");
    }
    let shown = |p: &std::path::Path| p.to_string_lossy().replace('\\', "/");
    match r.bundle_dir() {
        Some(_) => msg!(
            "link-file-bundle-hint",
            file = path.as_str(),
            folder = shown(r.source.parent().unwrap_or(&r.source))
        ),
        None => msg!(
            "link-file-hint",
            file = path.as_str(),
            folder = shown(&r.source.with_extension("")),
            release = r
                .source
                .file_name()
                .map_or(String::new(), |n| shown(n.as_ref()))
        ),
    }
}

fn strip_query(dest: &str) -> &str {
    dest.split(['#', '?']).next().unwrap_or("")
}

/// The output file a link inside the site points at (relative to the output folder), or `None`
/// for external links and pure fragments.
fn site_target(dest: &str, base_path: &str, page: &str) -> Option<String> {
    if urls::is_external(dest) {
        return None;
    }
    let path = strip_query(dest);
    if path.is_empty() {
        return None;
    }
    let decoded = percent_decode(path);
    let joined = if let Some(abs) = decoded.strip_prefix(base_path) {
        abs.to_string()
    } else if let Some(abs) = decoded.strip_prefix('/') {
        abs.to_string()
    } else {
        format!("{page}{decoded}")
    };
    let mut parts: Vec<&str> = Vec::new();
    for part in joined.split('/') {
        match part {
            "" | "." => {}
            ".." => {
                parts.pop();
            }
            p => parts.push(p),
        }
    }
    let mut target = parts.join("/");
    if joined.ends_with('/') || target.is_empty() {
        if !target.is_empty() {
            target.push('/');
        }
        target.push_str("index.html");
    }
    Some(target)
}

fn exists(target: &str, files: &BTreeSet<PathBuf>) -> bool {
    let as_path = |t: &str| t.split('/').collect::<PathBuf>();
    files.contains(&as_path(target)) || files.contains(&as_path(&format!("{target}/index.html")))
}

/// `%D0%B0` -> `а`; text that does not decode is kept as written.
fn percent_decode(s: &str) -> String {
    urls::percent_decode(s).unwrap_or_else(|| s.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_links_into_folders_the_plan_lacks_wait_for_files_in_error() {
        let files: BTreeSet<PathBuf> = ["ru/forum/index.html", "ru/topics/law/index.html"]
            .iter()
            .map(|f| f.split('/').collect())
            .collect();
        for waits in [
            "ru/gone/index.html",
            "ru/gone/programme.pdf",
            "ru/gone/",
            "ru/gone",
        ] {
            assert!(in_unplanned_folder(waits, &files), "{waits}");
        }
        for broken in [
            "ru/topics/nope/index.html",
            "ru/forum/programme.pdf",
            "ru/atom.xml",
            "img/photo.png",
            "img/new/photo.png",
            "x.pdf",
        ] {
            assert!(!in_unplanned_folder(broken, &files), "{broken}");
        }
    }

    #[test]
    fn targets_resolve_like_a_browser() {
        let page = "ru/forum/";
        assert_eq!(
            site_target("/ru/other/", "/", page).unwrap(),
            "ru/other/index.html"
        );
        assert_eq!(
            site_target("../other/", "/", page).unwrap(),
            "ru/other/index.html"
        );
        assert_eq!(
            site_target("photo.jpg", "/", page).unwrap(),
            "ru/forum/photo.jpg"
        );
        assert_eq!(
            site_target("/img/a%20b.png?x=1#top", "/", page).unwrap(),
            "img/a b.png"
        );
        assert_eq!(
            site_target("/site/ru/", "/site/", page).unwrap(),
            "ru/index.html"
        );
        assert_eq!(site_target("/", "/", page).unwrap(), "index.html");
        for external in [
            "https://x.kg/",
            "mailto:a@b.kg",
            "tel:+996",
            "#top",
            "//cdn.kg/x",
        ] {
            assert_eq!(site_target(external, "/", page), None, "{external}");
        }
    }

    #[test]
    fn percent_decoding() {
        assert_eq!(percent_decode("/%D0%B0%2F"), "/а/");
        assert_eq!(percent_decode("100%"), "100%");
        assert_eq!(percent_decode("%zz"), "%zz");
        assert_eq!(percent_decode("%Жx"), "%Жx");
    }
}
