//! Config, the optional parts: the browser editor and what raw HTML may do.

use super::{Editor, Problems};
use crate::content::Yaml;
use crate::i18n::Message;
use crate::msg;
use crate::sanitize::Policy;

/// `editor: true`, with `editor_repo` (or `GITHUB_REPOSITORY` in GitHub Actions) and
/// `editor_branch`.
pub(super) fn editor(
    p: &mut Problems<'_>,
    on: Option<String>,
    repo: Option<String>,
    branch: Option<String>,
) -> Option<Editor> {
    let on = flag(p, "editor", on.as_deref(), msg!("editor-hint"));
    let repo = repo
        .or_else(|| std::env::var("GITHUB_REPOSITORY").ok())
        .map(|r| r.trim().to_string())
        .filter(|r| !r.is_empty());
    if !on {
        return None;
    }
    let valid = |r: &str| {
        let parts: Vec<&str> = r.split('/').collect();
        parts.len() == 2
            && parts.iter().all(|x| {
                !x.is_empty()
                    && x.chars()
                        .all(|c| c.is_ascii_alphanumeric() || "-_.".contains(c))
            })
    };
    match repo {
        Some(r) if valid(&r) => Some(Editor {
            repo: r,
            branch: branch
                .map(|b| b.trim().to_string())
                .filter(|b| !b.is_empty())
                .unwrap_or_else(|| "main".to_string()),
        }),
        Some(r) => {
            p.err(
                "editor_repo",
                msg!("editor-repo-invalid", found = &r),
                msg!("editor-repo-hint"),
            );
            None
        }
        None => {
            p.err(
                "editor",
                msg!("editor-repo-missing"),
                msg!("editor-repo-hint"),
            );
            None
        }
    }
}

/// A setting that is `true` or `false` (absent: `false`).
fn flag(p: &mut Problems<'_>, key: &str, value: Option<&str>, hint: Message) -> bool {
    match value.map(str::trim) {
        None | Some("false") => false,
        Some("true") => true,
        Some(other) => {
            p.err(
                key,
                msg!("field-bool", found = msg!("found-text", value = other)),
                hint,
            );
            false
        }
    }
}

/// `search: true`; an error when this copy of jarya was built without search.
pub(super) fn search(p: &mut Problems<'_>, value: Option<&str>) -> bool {
    let on = flag(p, "search", value, msg!("search-hint"));
    if on && !cfg!(feature = "search") {
        p.err(
            "search",
            msg!("search-not-built"),
            msg!("search-not-built-hint"),
        );
        return false;
    }
    on
}

/// A list of texts (`[a, b]`, or one text alone).
pub(super) fn list(value: &Yaml) -> Vec<String> {
    match value {
        Yaml::List(items) => items.iter().filter_map(Yaml::as_text).collect(),
        Yaml::Null => Vec::new(),
        other => other.as_text().into_iter().collect(),
    }
}

/// `embed_hosts: [a, b]` (or `a, b` on one line) as one comma-separated text.
pub(super) fn list_as_text(value: &Yaml) -> Option<String> {
    match value {
        Yaml::List(items) => Some(
            items
                .iter()
                .filter_map(Yaml::as_text)
                .collect::<Vec<_>>()
                .join(","),
        ),
        other => other.as_text(),
    }
}

/// `unsafe_html: true|false` and `embed_hosts`.
pub(super) fn html_policy(
    p: &mut Problems<'_>,
    unsafe_html: Option<&str>,
    embed_hosts: Option<String>,
) -> Policy {
    let unsafe_html = flag(p, "unsafe_html", unsafe_html, msg!("unsafe-html-hint"));
    let mut hosts = Vec::new();
    for host in embed_hosts.iter().flat_map(|h| h.split(',')) {
        let host = host
            .trim()
            .trim_start_matches("https://")
            .trim_end_matches('/');
        if host.is_empty() {
            continue;
        }
        if host.contains(['/', ' ', ':', '*']) || !host.contains('.') {
            p.err(
                "embed_hosts",
                msg!("embed-host-invalid", found = host),
                msg!("embed-host-hint"),
            );
            continue;
        }
        hosts.push(host.to_ascii_lowercase());
    }
    Policy {
        unsafe_html,
        embed_hosts: hosts,
    }
}
