//! The floor: the least work any generator must do for this corpus, with the same libraries
//! jarya uses. Walk `content/`, read each release, split the front matter, parse it as YAML,
//! render the body with pulldown-cmark and write one HTML file per release, in parallel with
//! rayon. No templates, lists, feeds, calendars or checks: jarya's time over this is what its
//! features and overheads cost.

use rayon::prelude::*;
use std::path::{Path, PathBuf};

/// Builds the floor's output for the site in `site` into `out`; returns the files written.
pub fn run(site: &Path, out: &Path) -> std::io::Result<usize> {
    let files: Vec<PathBuf> = walkdir::WalkDir::new(site.join("content"))
        .into_iter()
        .filter_map(|e| e.ok())
        .filter(|e| e.path().extension().is_some_and(|x| x == "md"))
        .map(|e| e.into_path())
        .collect();
    let _ = std::fs::remove_dir_all(out);
    std::fs::create_dir_all(out)?;
    files
        .par_iter()
        .try_for_each(|path| -> std::io::Result<()> {
            let text = std::fs::read_to_string(path)?;
            let (front, body) = split(&text);
            let meta: serde_yaml::Value =
                serde_yaml::from_str(front).unwrap_or(serde_yaml::Value::Null);
            let title = meta.get("title").and_then(|t| t.as_str()).unwrap_or("");
            let mut html = String::with_capacity(body.len() * 3 / 2 + 256);
            html.push_str("<!doctype html><title>");
            html.push_str(&title.replace('&', "&amp;").replace('<', "&lt;"));
            html.push_str("</title>");
            pulldown_cmark::html::push_html(&mut html, pulldown_cmark::Parser::new(body));
            let name = path.file_stem().unwrap_or_default().to_string_lossy();
            let lang = path
                .parent()
                .and_then(|p| p.file_name())
                .unwrap_or_default()
                .to_string_lossy();
            let dir = out.join(&*lang).join(&*name);
            std::fs::create_dir_all(&dir)?;
            std::fs::write(dir.join("index.html"), html)
        })?;
    Ok(files.len())
}

fn split(text: &str) -> (&str, &str) {
    let Some(rest) = text.strip_prefix("---\n") else {
        return ("", text);
    };
    match rest.find("\n---\n") {
        Some(end) => (&rest[..end], &rest[end + 5..]),
        None => ("", text),
    }
}
