//! Link checking, for `check`: links and images in release bodies (and `image:` in front matter)
//! that point inside the site must lead to a file the build writes.
//!
//! In: the site, the set of files a build writes. Out: a diagnostic per broken link, with the
//! line in the release file.

use crate::content;
use crate::error::Diagnostic;
use crate::model::{Release, Site};
use crate::urls;
use pulldown_cmark::{Event, LinkType, Options, Parser, Tag};
use rayon::prelude::*;
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

/// Every broken internal link of every release.
pub fn check(site: &Site, site_dir: &Path, files: &BTreeSet<PathBuf>) -> Vec<Diagnostic> {
    let base_path = site.config.base_path();
    let sources: BTreeSet<&Path> = site
        .releases
        .iter()
        .map(|r| r.abs_source.as_path())
        .collect();
    site.releases
        .par_iter()
        .flat_map_iter(|r| check_release(r, site_dir, base_path, files, &sources))
        .collect()
}

fn check_release(
    r: &Release,
    site_dir: &Path,
    base_path: &str,
    files: &BTreeSet<PathBuf>,
    sources: &BTreeSet<&Path>,
) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    let page = urls::release(r.lang, &r.slug);
    if let Some(image) = &r.image
        && let Some(target) = site_target(image, base_path, &page)
        && !exists(&target, files)
    {
        out.push(
            Diagnostic::error(&r.source, format!("the picture \"{image}\" does not exist"))
                .at_line(front_matter_line(site_dir, r, "image:"))
                .in_field("image")
                .with_hint(
                    "put it under static/ (or beside index.md in a bundle) and give its path",
                ),
        );
    }
    let Ok(text) = content::read_text(site_dir, &r.abs_source) else {
        return out;
    };
    let body = content::body_at(&text, r.body_offset);
    let body_line = text[..r.body_offset.min(text.len())].matches('\n').count() + 1;
    let options =
        Options::ENABLE_TABLES | Options::ENABLE_FOOTNOTES | Options::ENABLE_STRIKETHROUGH;
    for (event, range) in Parser::new_ext(body, options).into_offset_iter() {
        let (dest, what) = match &event {
            Event::Start(Tag::Link {
                link_type: LinkType::Email,
                ..
            }) => continue,
            Event::Start(Tag::Link { dest_url, .. }) => (dest_url.to_string(), "link"),
            Event::Start(Tag::Image { dest_url, .. }) => (dest_url.to_string(), "picture"),
            _ => continue,
        };
        let before = &body[..range.start];
        let line = body_line + before.matches('\n').count();
        let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
        let width = body[range.clone()]
            .lines()
            .next()
            .map_or(1, |l| l.chars().count());
        let path = strip_query(&dest);
        if path.to_ascii_lowercase().ends_with(".md") && !is_external(path) {
            // A link to another release's file, relative to this file.
            let target = r
                .abs_source
                .parent()
                .map(|d| normalize(&d.join(percent_decode(path))));
            if target.as_deref().is_none_or(|t| !sources.contains(t)) {
                out.push(broken(r, line, what, &dest, "link to the other release's .md file relative to this one, or to its page (/ru/slug/)").at_column(column).with_width(width));
            }
            continue;
        }
        let Some(target) = site_target(&dest, base_path, &page) else {
            continue;
        };
        if !exists(&target, files) {
            out.push(
                broken(
                    r,
                    line,
                    what,
                    &dest,
                    "check the address: pages are /<lang>/<slug>/, files under static/ are /<path>",
                )
                .at_column(column)
                .with_width(width),
            );
        }
    }
    out
}

fn broken(r: &Release, line: usize, what: &str, dest: &str, hint: &str) -> Diagnostic {
    Diagnostic::error(
        &r.source,
        format!("the {what} \"{dest}\" leads to nothing on this site"),
    )
    .at_line(line)
    .with_hint(hint)
}

/// The line of a front matter key (1 when not found).
fn front_matter_line(site_dir: &Path, r: &Release, key: &str) -> usize {
    content::read_text(site_dir, &r.abs_source)
        .ok()
        .and_then(|t| t.lines().position(|l| l.starts_with(key)))
        .map_or(1, |i| i + 1)
}

fn is_external(dest: &str) -> bool {
    dest.starts_with("//")
        || dest.split_once(':').is_some_and(|(scheme, _)| {
            !scheme.is_empty()
                && scheme
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || "+-.".contains(c))
        })
}

fn strip_query(dest: &str) -> &str {
    dest.split(['#', '?']).next().unwrap_or("")
}

/// The output file a link inside the site points at (relative to the output folder), or `None`
/// for external links and pure fragments.
fn site_target(dest: &str, base_path: &str, page: &str) -> Option<String> {
    if is_external(dest) {
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

/// Removes `.` and `..` from a path without touching the disk.
fn normalize(p: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for c in p.components() {
        match c {
            std::path::Component::ParentDir => {
                out.pop();
            }
            std::path::Component::CurDir => {}
            other => out.push(other),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

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
