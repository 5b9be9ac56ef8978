//! The catalogues are complete and agree: every key in all three languages, every
//! translation using exactly the placeholders of the English one, every key the code names
//! present with the arguments the code gives, and no key left unused.

use super::*;
use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

/// Each key of a catalogue with the placeholders (`$name`) its text uses.
fn entries(lang: UiLang) -> BTreeMap<String, BTreeSet<String>> {
    let mut out: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    let mut current: Option<String> = None;
    for line in lang.catalogue().lines() {
        if line.starts_with(|c: char| c.is_ascii_lowercase()) {
            let (key, rest) = line.split_once(" =").expect("key = value");
            assert!(
                out.insert(key.to_string(), BTreeSet::new()).is_none(),
                "{key} twice in {}",
                lang.code()
            );
            current = Some(key.to_string());
            placeholders(rest, out.get_mut(key).unwrap());
        } else if line.starts_with([' ', '}', '[', '*']) {
            if let Some(key) = &current {
                placeholders(line, out.get_mut(key).unwrap());
            }
        } else {
            current = None;
        }
    }
    out
}

fn placeholders(text: &str, into: &mut BTreeSet<String>) {
    let mut rest = text;
    while let Some(i) = rest.find('$') {
        let name: String = rest[i + 1..]
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
            .collect();
        into.insert(name);
        rest = &rest[i + 1..];
    }
}

#[test]
fn every_catalogue_parses_cleanly() {
    for lang in UiLang::ALL {
        let resource = FluentResource::try_new(lang.catalogue().to_string());
        assert!(resource.is_ok(), "{}: {:?}", lang.code(), resource.err());
        let mut bundle = FluentBundle::new_concurrent(vec![
            lang.code()
                .parse::<unic_langid::LanguageIdentifier>()
                .unwrap(),
        ]);
        assert!(
            bundle.add_resource(resource.unwrap()).is_ok(),
            "{}",
            lang.code()
        );
    }
}

#[test]
fn every_key_is_in_every_language_with_the_same_placeholders() {
    let en = entries(UiLang::En);
    assert!(en.len() > 100, "{}", en.len());
    for lang in [UiLang::Ru, UiLang::Ky] {
        let other = entries(lang);
        let missing: Vec<_> = en.keys().filter(|k| !other.contains_key(*k)).collect();
        let extra: Vec<_> = other.keys().filter(|k| !en.contains_key(*k)).collect();
        assert!(
            missing.is_empty(),
            "missing in {}: {missing:?}",
            lang.code()
        );
        assert!(extra.is_empty(), "only in {}: {extra:?}", lang.code());
        for (key, vars) in &en {
            assert_eq!(
                &other[key],
                vars,
                "placeholders of {key} in {}",
                lang.code()
            );
        }
    }
}

#[test]
fn every_message_renders_without_errors_in_every_language() {
    for lang in UiLang::ALL {
        let bundle = bundle(lang);
        for (key, vars) in entries(lang) {
            let mut args = FluentArgs::new();
            for v in &vars {
                args.set(v.clone(), FluentValue::from(2));
            }
            let pattern = bundle.get_message(&key).and_then(|m| m.value()).unwrap();
            let mut errors = Vec::new();
            let text = bundle.format_pattern(pattern, Some(&args), &mut errors);
            assert!(errors.is_empty(), "{key} in {}: {errors:?}", lang.code());
            assert!(!text.trim().is_empty(), "{key} in {} is empty", lang.code());
        }
    }
}

/// Russian and Kyrgyz texts are translated, not copies of the English (a few technical
/// messages that are only placeholders or commands are the same in every language).
#[test]
fn translations_are_not_english() {
    let en = entries(UiLang::En);
    let same_everywhere = [
        "io-other",
        "origin-file",
        "found-value",
        "found-text",
        "io-failed",
    ];
    for lang in [UiLang::Ru, UiLang::Ky] {
        let copied: Vec<&String> = en
            .keys()
            .filter(|k| !same_everywhere.contains(&k.as_str()))
            .filter(|k| text(k, lang) == text(k, UiLang::En))
            .collect();
        assert!(
            copied.is_empty(),
            "untranslated in {}: {copied:?}",
            lang.code()
        );
    }
}

/// `msg!("key", a = .., b = ..)` calls in the source: the key and the argument names.
fn uses_in_source() -> Vec<(String, String, BTreeSet<String>)> {
    let mut out = Vec::new();
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    for entry in walkdir::WalkDir::new(&root) {
        let entry = entry.unwrap();
        if entry.path().extension().is_none_or(|e| e != "rs")
            || entry.path().ends_with("message/tests.rs")
        {
            continue;
        }
        let text = std::fs::read_to_string(entry.path()).unwrap();
        let file = entry.path().display().to_string();
        let mut rest = text.as_str();
        while let Some(i) = rest.find("msg!(") {
            let line_start = rest[..i].rfind('\n').map_or(0, |n| n + 1);
            let in_comment = rest[line_start..i].trim_start().starts_with("//");
            rest = &rest[i + 5..];
            if in_comment {
                continue;
            }
            // The call's text up to its closing parenthesis.
            let mut depth = 1;
            let mut end = 0;
            let mut in_str = false;
            let mut prev = ' ';
            for (j, c) in rest.char_indices() {
                match c {
                    '"' if prev != '\\' => in_str = !in_str,
                    '(' if !in_str => depth += 1,
                    ')' if !in_str => {
                        depth -= 1;
                        if depth == 0 {
                            end = j;
                            break;
                        }
                    }
                    _ => {}
                }
                prev = c;
            }
            let call = &rest[..end];
            let Some(key) = call
                .trim_start()
                .strip_prefix('"')
                .and_then(|k| k.split('"').next())
            else {
                continue; // the macro's own definition
            };
            let mut args = BTreeSet::new();
            let mut depth = 0;
            let mut in_str = false;
            let mut prev = ' ';
            let mut start = 0;
            for (j, c) in call.char_indices() {
                match c {
                    '"' if prev != '\\' => in_str = !in_str,
                    '(' | '[' | '{' if !in_str => depth += 1,
                    ')' | ']' | '}' if !in_str => depth -= 1,
                    ',' if !in_str && depth == 0 => {
                        if let Some((name, _)) = call[start..j].split_once('=') {
                            args.insert(name.trim().to_string());
                        }
                        start = j + 1;
                    }
                    _ => {}
                }
                prev = c;
            }
            if let Some((name, _)) = call[start..].split_once('=')
                && start > 0
            {
                args.insert(name.trim().to_string());
            }
            args.retain(|a| !a.is_empty() && !a.contains(char::is_whitespace));
            out.push((file.clone(), key.to_string(), args));
        }
    }
    out
}

#[test]
fn every_key_the_code_uses_exists_with_the_arguments_given() {
    let en = entries(UiLang::En);
    let uses = uses_in_source();
    assert!(uses.len() > 100, "{}", uses.len());
    for (file, key, args) in &uses {
        let Some(vars) = en.get(key) else {
            panic!("{file}: msg!(\"{key}\") is not in en.ftl");
        };
        assert_eq!(args, vars, "{file}: msg!(\"{key}\") arguments vs en.ftl");
    }
    let used: BTreeSet<&String> = uses.iter().map(|(_, k, _)| k).collect();
    let unused: Vec<&String> = en
        .keys()
        .filter(|k| !k.starts_with("help-") && !used.contains(k))
        .collect();
    assert!(unused.is_empty(), "keys no code uses: {unused:?}");
}

#[test]
fn plurals_follow_each_language() {
    let m = |n: usize| msg!("content-errors", count = n);
    assert!(m(1).render(UiLang::En).starts_with("1 error "));
    assert!(m(3).render(UiLang::En).starts_with("3 errors "));
    let ru: Vec<String> = [1, 3, 5, 21]
        .iter()
        .map(|n| m(*n).render(UiLang::Ru))
        .collect();
    assert!(ru[0].starts_with("1 ошибка"), "{ru:?}");
    assert!(ru[1].starts_with("3 ошибки"), "{ru:?}");
    assert!(ru[2].starts_with("5 ошибок"), "{ru:?}");
    assert!(ru[3].starts_with("21 ошибка"), "{ru:?}");
    // Kyrgyz nouns stay singular after a number.
    assert!(
        m(5).render(UiLang::Ky).contains(" 5 ката "),
        "{}",
        m(5).render(UiLang::Ky)
    );
}

#[test]
fn the_language_comes_from_flag_then_environment_then_site() {
    let env = |pairs: &'static [(&'static str, &'static str)]| {
        move |k: &str| {
            pairs
                .iter()
                .find(|(n, _)| *n == k)
                .map(|(_, v)| v.to_string())
        }
    };
    assert_eq!(
        UiLang::choose(Some("ky"), env(&[("LANG", "ru_RU.UTF-8")]), None),
        UiLang::Ky
    );
    assert_eq!(
        UiLang::choose(None, env(&[("LANG", "ru_RU.UTF-8")]), None),
        UiLang::Ru
    );
    assert_eq!(
        UiLang::choose(
            None,
            env(&[("LC_ALL", "ky_KG.UTF-8"), ("LANG", "ru_RU.UTF-8")]),
            None
        ),
        UiLang::Ky
    );
    assert_eq!(
        UiLang::choose(None, env(&[("JARYA_LANG", "en"), ("LANG", "ru_RU")]), None),
        UiLang::En
    );
    // C, POSIX and languages jarya does not speak leave the choice to the site.
    assert_eq!(
        UiLang::choose(None, env(&[("LANG", "C.UTF-8")]), Some(UiLang::Ky)),
        UiLang::Ky
    );
    assert_eq!(
        UiLang::choose(None, env(&[("LANG", "de_DE.UTF-8")]), Some(UiLang::Ru)),
        UiLang::Ru
    );
    assert_eq!(UiLang::choose(None, env(&[]), None), UiLang::En);
}
