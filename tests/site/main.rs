//! Integration tests: run the real `jarya` binary on fixture sites and check what it writes.
//! One test binary (one link step), one module per feature:
//!
//! - `build`: the sample site, golden files, the Nu checker, smaller behaviours of a build
//! - `errors`: every problem reported at once, exit codes, robustness on odd input
//! - `registries`: topics and organizations, switchers, archives, related releases
//! - `events`: calendars, feeds, sitemap, JSON-LD, each read back by an independent parser
//! - `model`: the model and the plan of outputs: links between releases, bundles, collisions
//! - `authoring`: `new` and `check`
//! - `init`: a new site from nothing, its workflows checked by actionlint
//! - `editor`: the browser editor at /admin/, tried in a real browser
//! - `hostile`: hostile input never becomes script on a page
//! - `serve`: the dev server and live reload in a real browser
//! - `language`: messages, hints and `--help` in English, Russian and Kyrgyz
//! - `search`: the search pages, the Pagefind index, golden queries in a real browser
//! - `rebuild`: a rebuild into an existing output folder keeps the files that did not change
//! - `pictures`: release pictures resized to WebP and JPEG/PNG widths, cached between builds
//! - `theme`: the site's brand (logo, colour, favicons, share pictures) and the default theme
//!   checked in a real browser (axe-core, header size, a reader's journey, a crawler)
//!
//! Golden files live in `tests/expected/`; re-bless them after an intended change with
//! `JARYA_BLESS=1 cargo test`, then review the diff with `git diff tests/expected`.

// Test helpers may unwrap: a failure should stop the test loudly.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// 2025-06-15 12:00 UTC: the sample's June 2025 event is upcoming, the rest past.
const EPOCH: &str = "1749988800";

fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn fixture(name: &str) -> PathBuf {
    repo().join("tests").join("fixtures").join(name)
}

fn jarya(args: &[&str]) -> Output {
    jarya_env(args, &[])
}

/// Runs jarya with `env` set (an empty value removes the variable). Messages are in English
/// and dates do not come from this repository's git history unless `env` says otherwise.
fn jarya_env(args: &[&str], env: &[(&str, &str)]) -> Output {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_jarya"));
    cmd.args(args)
        .env("SOURCE_DATE_EPOCH", EPOCH)
        .env("JARYA_LANG", "en")
        .env("JARYA_GIT_DATES", "0");
    for (k, v) in env {
        if v.is_empty() {
            cmd.env_remove(k);
        } else {
            cmd.env(k, v);
        }
    }
    cmd.output().expect("run jarya")
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// Runs `jarya build --site <site> --out <out>`.
fn build_to(site: &Path, out: &Path) -> Output {
    build_to_env(site, out, &[])
}

/// Runs `jarya build --site <site> --out <out>` with `env` set (as [`jarya_env`]).
fn build_to_env(site: &Path, out: &Path, env: &[(&str, &str)]) -> Output {
    let args = [
        "build",
        "--site",
        site.to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
    ];
    jarya_env(&args, env)
}

/// Builds `site` into a new temporary folder; panics with the messages if the build fails.
fn build(site: &Path, extra: &[&str]) -> (tempfile::TempDir, PathBuf) {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("public");
    let mut args = vec![
        "build",
        "--site",
        site.to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
    ];
    args.extend_from_slice(extra);
    let o = jarya(&args);
    assert!(o.status.success(), "build failed:\n{}", stderr(&o));
    (tmp, out)
}

/// Every file under `dir`, by relative path (with `/`), with its bytes.
fn tree(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    let mut map = BTreeMap::new();
    for e in walkdir::WalkDir::new(dir).sort_by_file_name() {
        let e = e.unwrap();
        if e.file_type().is_file() {
            let rel = e.path().strip_prefix(dir).unwrap();
            let key = rel
                .components()
                .map(|c| c.as_os_str().to_string_lossy())
                .collect::<Vec<_>>()
                .join("/");
            map.insert(key, std::fs::read(e.path()).unwrap());
        }
    }
    map
}

fn read(out: &Path, rel: &str) -> String {
    std::fs::read_to_string(out.join(rel)).unwrap_or_else(|e| panic!("{rel}: {e}"))
}

/// The sample site's files (`content/` and `static/`), by path from the site folder
/// (`content/site.yaml`), in a stable order.
fn sample_files() -> Vec<(String, Vec<u8>)> {
    ["content", "static"]
        .iter()
        .flat_map(|dir| {
            tree(&repo().join(dir))
                .into_iter()
                .map(move |(rel, bytes)| (format!("{dir}/{rel}"), bytes))
        })
        .collect()
}

/// Writes `files` (paths from the site folder) under `site`.
fn write_files(site: &Path, files: Vec<(String, Vec<u8>)>) {
    for (rel, bytes) in files {
        let path = site.join(rel);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, bytes).unwrap();
    }
}

/// A small site written into a temporary folder: `files` are (path under content/, text).
fn site_with(files: &[(&str, &str)]) -> tempfile::TempDir {
    let tmp = tempfile::tempdir().unwrap();
    let content = tmp.path().join("content");
    std::fs::create_dir_all(&content).unwrap();
    std::fs::write(
        content.join("site.yaml"),
        "base_url: https://test.example.kg/\nper_page: 2\nlanguages:\n  ru: {title: Тест, description: Описание}\n  ky: {title: Тест КЫ}\n",
    )
    .unwrap();
    for (path, text) in files {
        let p = content.join(path);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(p, text).unwrap();
    }
    tmp
}

fn release(title: &str, date: &str, lang: &str, extra: &str) -> String {
    format!(
        "---\ntitle: \"{title}\"\ndate: {date}\nlang: {lang}\norganizers: [ОФ «Тест»]\n{extra}---\nПервый абзац.\n"
    )
}

const TOPICS_YAML: &str = "gender-equality:\n  ru: Гендерное равенство\n  ky: Гендердик теңчилик\n  aliases: [Гендер, Равенство полов]\n  description: {ru: Равные права, ky: Бирдей укуктар}\n";

const ORGS_YAML: &str = "civic-platform:\n  ru: ОФ «Гражданская платформа»\n  ky: «Жарандык платформа» КФ\n  short: {ru: ГП, ky: ЖП}\n  aliases: [Гражданская платформа]\n  website: https://platforma.kg\n  logo: img/gp.png\n  description: {ru: О нас, ky: Биз жөнүндө}\n  contacts:\n    - name: Бермет Опобекова\n      phone: 0 312 91 10 10\n";

fn release_by(title: &str, date: &str, lang: &str, topics: &str, organizers: &str) -> String {
    format!(
        "---\ntitle: {title}\ndate: {date}\nlang: {lang}\ntopics: {topics}\norganizers: {organizers}\n---\nТекст.\n"
    )
}

/// The release links (`/ru/<slug>/`) a list page shows, in order.
fn listed(html: &str, lang: &str) -> Vec<String> {
    let marker = format!("<h3><a href=\"/{lang}/");
    html.match_indices(&marker)
        .map(|(i, _)| {
            let rest = &html[i + marker.len()..];
            rest[..rest.find('/').unwrap()].to_string()
        })
        .collect()
}

/// The folder holding `node_modules/playwright-core` (JARYA_PLAYWRIGHT, which `.ci/run` sets),
/// or `None` when it is not set: the browser test is then skipped, saying so; in CI its
/// absence fails.
fn playwright() -> Option<PathBuf> {
    let modules = std::env::var_os("JARYA_PLAYWRIGHT");
    if modules.is_none() {
        assert!(
            std::env::var_os("CI").is_none(),
            "CI must set JARYA_PLAYWRIGHT (see .ci/run)"
        );
        eprintln!("skipped: set JARYA_PLAYWRIGHT to a folder with node_modules/playwright-core");
    }
    modules.map(PathBuf::from)
}

/// Held by every test that drives Chromium (and by the Java validator, as heavy), so that one
/// at a time runs on the two cores: Lighthouse times its pages, and a second Chromium beside
/// it made a fast page score 87 on one run and 100 on the next. Other tests go on in parallel.
fn browser_lock() -> std::sync::MutexGuard<'static, ()> {
    static BROWSER: std::sync::Mutex<()> = std::sync::Mutex::new(());
    BROWSER
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner())
}

/// Runs `node tests/browser/<script> <args>` with the modules of `modules` (holding the
/// browser lock): whether it succeeded, and all it printed.
fn node(modules: &Path, script: &str, args: &[&std::ffi::OsStr]) -> (bool, String) {
    let _browser = browser_lock();
    let o = Command::new("node")
        .arg(repo().join("tests/browser").join(script))
        .args(args)
        .env("NODE_PATH", modules.join("node_modules"))
        .output()
        .expect("run node");
    let said = format!(
        "{}{}",
        String::from_utf8_lossy(&o.stdout),
        String::from_utf8_lossy(&o.stderr)
    );
    (o.status.success(), said)
}

/// Fails with the first differing line, readable, rather than two whole files.
fn assert_same_text(what: &str, got: &str, want: &str) {
    if got == want {
        return;
    }
    let g: Vec<&str> = got.lines().collect();
    let w: Vec<&str> = want.lines().collect();
    let n = (0..g.len().max(w.len()))
        .find(|&i| g.get(i) != w.get(i))
        .unwrap_or(0);
    panic!(
        "{what} differs from the golden file at line {}:\n  got:  {}\n  want: {}\n(JARYA_BLESS=1 cargo test to accept)",
        n + 1,
        g.get(n).unwrap_or(&"(end of file)"),
        w.get(n).unwrap_or(&"(end of file)"),
    );
}

mod authoring;
mod build;
mod editor;
mod errors;
mod events;
mod hostile;
mod import;
mod import_office;
mod init;
mod language;
mod model;
mod pictures;
#[cfg(unix)]
mod rebuild;
mod registries;
mod search;
mod serve;
mod theme;
mod values;

/// Runs git in `dir` with a fixed author and date.
fn git(dir: &Path, args: &[&str], date: &str) {
    let o = Command::new("git")
        .current_dir(dir)
        .args(args)
        .env("GIT_AUTHOR_NAME", "t")
        .env("GIT_AUTHOR_EMAIL", "t@example.kg")
        .env("GIT_COMMITTER_NAME", "t")
        .env("GIT_COMMITTER_EMAIL", "t@example.kg")
        .env("GIT_AUTHOR_DATE", date)
        .env("GIT_COMMITTER_DATE", date)
        .output()
        .expect("git");
    assert!(o.status.success(), "git {args:?}: {}", stderr(&o));
}
