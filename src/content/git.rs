//! Load stage, git: when each release file was first committed, the `published` date of a
//! release that does not give one (as Hugo's `enableGitInfo`). One `git log` for the whole
//! site, however many releases.
//!
//! No git, a site outside a repository, or `JARYA_GIT_DATES=0`: no dates, silently. A shallow
//! clone (CI's default `fetch-depth: 1`) would date every file by the last commit, a value
//! the writer never meant: its dates are not used, and a warning says how to fetch history.

use crate::error::Diagnostic;
use crate::msg;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;

/// Each file under `content/` (relative to the site folder) with the time of the commit that
/// first added it.
pub type FirstCommits = BTreeMap<PathBuf, jiff::Timestamp>;

/// The site's [`FirstCommits`]; a warning when the history is shallow. A build asks once.
pub fn first_commits(site: &Path) -> (FirstCommits, Option<Diagnostic>) {
    let none = (BTreeMap::new(), None);
    if std::env::var("JARYA_GIT_DATES").is_ok_and(|v| v.trim() == "0") {
        return none;
    }
    let git = |args: &[&str]| -> Option<String> {
        let out = Command::new("git")
            .arg("-C")
            .arg(site)
            .args(["-c", "core.quotePath=false"])
            .args(args)
            .output()
            .ok()?;
        out.status
            .success()
            .then(|| String::from_utf8_lossy(&out.stdout).into_owned())
    };
    let Some(prefix) = git(&["rev-parse", "--show-prefix"]) else {
        return none;
    };
    if git(&["rev-parse", "--is-shallow-repository"]).is_some_and(|s| s.trim() == "true") {
        let warning =
            Diagnostic::warning("content", msg!("git-shallow")).with_hint(msg!("git-shallow-hint"));
        return (BTreeMap::new(), Some(warning));
    }
    let Some(log) = git(&[
        "log",
        "--diff-filter=A",
        "--no-renames",
        "--format=format:@%ct",
        "--name-only",
        "--",
        "content",
    ]) else {
        return none;
    };
    (parse_log(&log, prefix.trim()), None)
}

/// `@<seconds>` lines each followed by the files that commit added, newest commit first;
/// a file added twice (deleted and added again) keeps its oldest date.
fn parse_log(log: &str, prefix: &str) -> BTreeMap<PathBuf, jiff::Timestamp> {
    let mut out = BTreeMap::new();
    let mut when = None;
    for line in log.lines() {
        if let Some(seconds) = line.strip_prefix('@') {
            when = seconds
                .trim()
                .parse::<i64>()
                .ok()
                .and_then(|s| jiff::Timestamp::from_second(s).ok());
            continue;
        }
        let (Some(t), Some(rel)) = (when, line.trim().strip_prefix(prefix)) else {
            continue;
        };
        if !rel.is_empty() {
            out.insert(rel.split('/').collect::<PathBuf>(), t);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_oldest_addition_of_each_file_counts() {
        let log = "@200\nsite/content/ru/a.md\n\n@100\nsite/content/ru/b.md\nsite/content/ru/a.md\nother/x.md\n";
        let dates = parse_log(log, "site/");
        let ts = |s| jiff::Timestamp::from_second(s).unwrap();
        assert_eq!(dates[&PathBuf::from("content/ru/a.md")], ts(100));
        assert_eq!(dates[&PathBuf::from("content/ru/b.md")], ts(100));
        assert_eq!(dates.len(), 2);
    }
}
