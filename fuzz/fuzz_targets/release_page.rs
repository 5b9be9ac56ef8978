//! One release (any front matter and Markdown) built into a site: pages, or located errors;
//! never a panic, never a script from the body on a page.
#![no_main]
use libfuzzer_sys::fuzz_target;
use std::path::Path;

#[path = "../common/mod.rs"]
mod common;

const SITE: &str = "base_url: https://x.kg/\nlanguages:\n  ru: {title: T}\n  ky: {title: Т}\n";

fuzz_target!(|text: &str| {
    let text = jarya::content::normalize(text);
    let site = Path::new("/site");
    let Ok((raw, _)) = jarya::content::parse_release(
        site,
        &site.join("content"),
        &site.join("content/ru/a.md"),
        &text,
    ) else {
        return;
    };
    let Ok(config) = jarya::config::parse(SITE, None) else {
        return;
    };
    let registries = jarya::registry::Registries::default();
    if let Some(files) = common::render(config, vec![raw], &registries) {
        common::assert_no_script(&files, &text);
    }
});
