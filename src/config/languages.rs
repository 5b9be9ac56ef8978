//! Config stage, `languages:`: each language's name, description and footer, read from YAML
//! and checked (known codes, a title each, the default language among them).

use super::{LanguageConfig, Problems, shape, text};
use crate::content::{Locator, Yaml};
use crate::error::Diagnostic;
use crate::i18n::Lang;
use crate::msg;

#[derive(Debug, Default)]
pub(super) struct RawLanguage {
    pub(super) title: Option<String>,
    pub(super) description: Option<String>,
    pub(super) footer: Option<String>,
}

/// `languages:`: each language's title and description.
pub(super) fn read_languages(
    loc: &Locator,
    key: &str,
    value: Yaml,
    errors: &mut Vec<Diagnostic>,
) -> Option<Vec<(String, RawLanguage)>> {
    let Yaml::Map(langs) = value else {
        errors.push(shape(
            loc,
            key,
            &value,
            msg!("expect-language-entries"),
            msg!("languages-shape-hint"),
        ));
        return None;
    };
    let mut list = Vec::new();
    for (code, l) in langs {
        let mut lang = RawLanguage::default();
        let Yaml::Map(parts) = l else {
            errors.push(
                shape(
                    loc,
                    key,
                    &l,
                    msg!("expect-language-parts", code = &code),
                    msg!("language-parts-hint"),
                )
                .at_line(loc.under(key, &code)),
            );
            list.push((code, lang));
            continue;
        };
        for (part, v) in parts {
            match part.as_str() {
                "title" => lang.title = text(&v),
                "description" => lang.description = text(&v),
                "footer" => lang.footer = text(&v),
                other => errors.push(
                    Diagnostic::error(
                        "",
                        msg!("language-part-unknown", part = other, code = &code),
                    )
                    .at_line(loc.under(key, &format!("{code}.{other}")))
                    .in_field("languages")
                    .with_hint(msg!("language-part-unknown-hint")),
                ),
            }
        }
        list.push((code, lang));
    }
    Some(list)
}

/// The languages, the default one first; the default must be among them.
pub(super) fn languages(
    p: &mut Problems<'_>,
    written: Option<Vec<(String, RawLanguage)>>,
    default_language: Lang,
) -> Vec<LanguageConfig> {
    let mut languages = Vec::new();
    let Some(map) = written.filter(|m| !m.is_empty()) else {
        p.err(
            "languages",
            msg!("languages-none"),
            msg!("languages-none-hint"),
        );
        return languages;
    };
    for (code, l) in map {
        let Some(lang) = Lang::from_code(&code) else {
            let hint = match Lang::meant_by(&code) {
                Some(meant) => msg!("registry-lang-meant", code = meant.code()),
                None => msg!("lang-unknown-hint"),
            };
            let path = format!("languages.{code}");
            p.err_at(
                "languages",
                &path,
                msg!("lang-unknown", found = &code),
                hint,
            );
            continue;
        };
        let title = l.title.unwrap_or_default().trim().to_string();
        if title.is_empty() && !p.loc.commented(&format!("languages.{code}.title")) {
            p.err(
                "languages",
                msg!("language-no-title", code = &code),
                msg!("language-no-title-hint"),
            );
        }
        languages.push(LanguageConfig {
            lang,
            title,
            description: l.description.unwrap_or_default().trim().to_string(),
            footer: l.footer.unwrap_or_default().trim().to_string(),
        });
    }
    if !languages.is_empty() && !languages.iter().any(|l| l.lang == default_language) {
        p.err(
            "default_language",
            msg!("default-language-missing", code = default_language.code()),
            msg!("default-language-missing-hint"),
        );
    }
    languages.sort_by_key(|l| (l.lang != default_language, l.lang));
    languages
}
