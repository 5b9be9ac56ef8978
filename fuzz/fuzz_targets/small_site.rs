//! A small site from fuzzed files: the input is split into up to six files (site settings,
//! registries, releases in both languages); `check` gives a report or errors, never a panic.
#![no_main]
use libfuzzer_sys::fuzz_target;

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
    let mut opts = jarya::BuildOptions::new(dir.path());
    opts.today = Some(jiff::civil::date(2025, 6, 15));
    let _ = jarya::check(&opts);
});
