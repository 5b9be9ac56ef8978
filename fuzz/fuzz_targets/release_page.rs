//! One release (any front matter and Markdown) built into a site: a page, or located errors;
//! never a panic, never a script from the body on the page.
#![no_main]
use libfuzzer_sys::fuzz_target;

const SITE: &str = "base_url: https://x.kg/\nlanguages:\n  ru: {title: T}\n  ky: {title: Т}\n";

fuzz_target!(|text: &str| {
    let Ok(dir) = tempfile::tempdir() else {
        return;
    };
    let content = dir.path().join("content");
    if std::fs::create_dir_all(content.join("ru")).is_err()
        || std::fs::write(content.join("site.yaml"), SITE).is_err()
        || std::fs::write(content.join("ru/a.md"), text).is_err()
    {
        return;
    }
    let out = dir.path().join("public");
    let mut opts = jarya::BuildOptions::new(dir.path());
    opts.out = Some(out.clone());
    opts.today = Some(jiff::civil::date(2025, 6, 15));
    if jarya::build(&opts).is_ok() {
        for entry in walk(&out) {
            if entry.extension().is_some_and(|e| e == "html") {
                let page = std::fs::read_to_string(&entry).unwrap_or_default();
                assert!(!page.contains("<script>alert"), "{text:?}");
            }
        }
    }
});

fn walk(dir: &std::path::Path) -> Vec<std::path::PathBuf> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).into_iter().flatten().flatten() {
            let p = e.path();
            if p.is_dir() {
                stack.push(p);
            } else {
                out.push(p);
            }
        }
    }
    out
}
