//! A small site from fuzzed files: the input is split into up to six files (site settings,
//! registries, releases in both languages), read as a build reads them, then modelled,
//! planned and rendered in memory: pages or located errors, never a panic, never a script.
#![no_main]
use libfuzzer_sys::fuzz_target;

#[path = "../common/mod.rs"]
mod common;

const NAMES: [&str; 6] = [
    "site.yaml",
    "topics.yaml",
    "organizations.yaml",
    "ru/a.md",
    "ky/a.md",
    "ru/b/index.md",
];

fuzz_target!(|text: &str| {
    let Ok(dir) = tempfile::tempdir() else {
        return;
    };
    let content = dir.path().join("content");
    for (name, part) in NAMES.iter().zip(text.split("\u{1}")) {
        let path = content.join(name);
        if let Some(parent) = path.parent() {
            let _ = std::fs::create_dir_all(parent);
        }
        let _ = std::fs::write(path, part);
    }
    let site = dir.path();
    let Ok(config) = jarya::config::load(site, None) else {
        return;
    };
    let languages: Vec<_> = config.languages.iter().map(|l| l.lang).collect();
    let (raws, _) = jarya::content::load_releases(site, &Default::default(), |raw| raw);
    let (registries, _) = jarya::registry::load(site, &languages);
    if let Some(files) = common::render(config, raws, &registries) {
        common::assert_no_script(&files, text);
    }
});
