//! Any bytes as a release file, read as a file is (UTF-8, UTF-16 with its mark, windows-1251):
//! the reader gives a release or located diagnostics, never a panic, and every diagnostic
//! renders in every language.
#![no_main]
use libfuzzer_sys::fuzz_target;
use std::path::Path;

fuzz_target!(|data: &[u8]| {
    let site = Path::new("/site");
    let text = match jarya::content::text_noted(data.to_vec(), Path::new("content/ru/a.md")) {
        Ok((text, _)) => text,
        Err(d) => {
            for ui in jarya::i18n::UiLang::ALL {
                let _ = jarya::report::human(&d, None, false, ui);
            }
            return;
        }
    };
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
