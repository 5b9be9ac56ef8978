//! Any bytes as a release file: the reader gives a release or located diagnostics, never a
//! panic, and every diagnostic renders in every language.
#![no_main]
use libfuzzer_sys::fuzz_target;
use std::path::Path;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let text = jarya::content::normalize(text);
    let site = Path::new("/site");
    let result =
        jarya::content::parse_release(site, &site.join("content"), &site.join("content/ru/a.md"), &text);
    let diags = match result {
        Ok((_, warnings)) => warnings,
        Err(errors) => errors,
    };
    for d in diags {
        for ui in jarya::i18n::UiLang::ALL {
            let _ = jarya::report::human(&d, text.lines().nth(d.line.unwrap_or(1).saturating_sub(1)), false, ui);
        }
    }
});
