//! Registries, parsing: one registry file's text -> its entries, every problem with its line.

use super::{Entry, ORGANIZATION_FIELDS, Registry, TOPIC_FIELDS, normalize_name};
use crate::content::{self, FieldReader, Locator, Yaml};
use crate::error::Diagnostic;
use crate::i18n::{self, Lang};
use crate::msg;
use crate::urls::TermKind;
use std::collections::BTreeMap;
use std::path::Path;

/// Parses one registry file's text.
pub fn parse(
    kind: TermKind,
    rel: &Path,
    text: &str,
    site: &Path,
    languages: &[Lang],
    diags: &mut Vec<Diagnostic>,
) -> Registry {
    let mut registry = Registry {
        path: rel.to_path_buf(),
        ..Registry::default()
    };
    // A repeated key would stop the YAML parser at the first repeat and hide every other
    // problem: report repeats here, and parse the file without them.
    let (deduped, repeats) = blank_repeated_keys(text);
    for (key, line, first) in repeats {
        diags.push(
            Diagnostic::error(rel, msg!("registry-key-repeated", key = &key, line = first))
                .at_line(line)
                .in_field(&key)
                .with_hint(msg!("registry-key-repeated-hint")),
        );
    }
    let text = deduped.as_str();
    let entries = match content::parse_yaml_tree(text) {
        Ok(Yaml::Map(m)) => m,
        Ok(Yaml::Null) => Vec::new(),
        Ok(other) => {
            diags.push(
                Diagnostic::error(rel, msg!("registry-shape", found = other.describe()))
                    .at_line(1)
                    .with_hint(msg!("registry-shape-hint")),
            );
            return registry;
        }
        Err(mut d) => {
            d.path = rel.to_path_buf();
            diags.push(d);
            return registry;
        }
    };
    let loc = Locator::new(text, 1);
    // A name cut short by a comment (`- Клуб #1`) would be published cut.
    let mut errors: Vec<Diagnostic> = (loc.cuts().iter())
        .map(|c| crate::content::cut_short(rel, c))
        .collect();
    let mut reader = FieldReader {
        path: rel,
        loc: &loc,
        errors: &mut errors,
    };
    let ctx = Context {
        known: match kind {
            TermKind::Topics => &TOPIC_FIELDS,
            TermKind::Organizers => &ORGANIZATION_FIELDS,
        },
        site,
        languages,
    };
    // Every name, alias and key, normalized -> (entry, line): two entries may not share one.
    let mut claims: BTreeMap<String, (usize, usize)> = BTreeMap::new();
    for (key, value) in entries {
        let Some(entry) = read_entry(&mut reader, &ctx, key, value) else {
            continue;
        };
        let index = registry.entries.len();
        claim_names(&mut reader, &mut claims, &registry, &entry, index);
        registry.by_key.insert(entry.key.clone(), index);
        registry.entries.push(entry);
    }
    for (norm, (index, _)) in claims {
        registry.by_name.insert(norm, index);
    }
    diags.extend(errors);
    registry
}

/// What reading an entry needs to know.
struct Context<'a> {
    /// The fields an entry of this kind may have.
    known: &'a [&'a str],
    site: &'a Path,
    languages: &'a [Lang],
}

/// One entry: its key (usable in a web address) and its fields.
fn read_entry(
    reader: &mut FieldReader<'_>,
    ctx: &Context<'_>,
    key: String,
    value: Yaml,
) -> Option<Entry> {
    let line = reader.loc.line(&key);
    if key.is_empty() {
        reader.fail(
            &key,
            line,
            msg!("registry-key-empty"),
            msg!("registry-key-empty-hint"),
        );
        return None;
    }
    if i18n::slugify(Lang::Ru, &key) != key {
        let suggestion = i18n::slugify(Lang::Ru, &key);
        reader.fail(
            &key,
            line,
            msg!("registry-key-invalid", key = &key),
            if suggestion.is_empty() {
                msg!("registry-key-invalid-hint")
            } else {
                msg!("registry-key-invalid-suggest", suggestion = suggestion)
            },
        );
    } else if i18n::windows_device_name(&key) {
        reader.fail(
            &key,
            line,
            msg!("registry-key-invalid", key = &key),
            msg!("registry-key-device-hint", key = &key),
        );
    }
    let Yaml::Map(fields) = value else {
        reader.fail(
            &key,
            line,
            msg!("registry-entry-shape", found = value.describe()),
            msg!("registry-entry-shape-hint"),
        );
        return None;
    };
    let mut entry = Entry {
        key,
        line,
        ..Entry::default()
    };
    for (field, v) in fields {
        read_field(reader, ctx, &mut entry, &field, v);
    }
    if entry.names.is_empty() {
        reader.fail(
            &entry.key,
            line,
            msg!("registry-entry-no-name"),
            msg!("registry-entry-no-name-hint"),
        );
    }
    Some(entry)
}

/// One field of an entry.
fn read_field(
    reader: &mut FieldReader<'_>,
    ctx: &Context<'_>,
    entry: &mut Entry,
    field: &str,
    v: Yaml,
) {
    let path = format!("{}.{field}", entry.key);
    let at = reader.loc.line(&path);
    if let Some(lang) = Lang::from_code(field) {
        if let Some(s) = reader.string(field, v, at) {
            entry.names.insert(lang, s.value.trim().to_string());
        }
        return;
    }
    let known = |f: &str| ctx.known.contains(&f);
    match field {
        "aliases" => {
            if let Some(a) = reader.names(field, &path, v) {
                entry.aliases = a.value;
            }
        }
        "description" if known(field) => entry.description = per_language(reader, field, v, &path),
        "short" if known(field) => entry.short = per_language(reader, field, v, &path),
        "website" if known(field) => {
            if let Some(w) = reader.string(field, v, at) {
                let w = w.value.trim().to_string();
                if !(w.starts_with("https://") || w.starts_with("http://")) {
                    reader.fail(
                        field,
                        at,
                        msg!("url-invalid", found = &w),
                        msg!(
                            "url-invalid-hint",
                            fixed = crate::urls::suggested_address(&w)
                        ),
                    );
                }
                entry.website = Some(w);
            }
        }
        "logo" if known(field) => {
            if let Some(l) = reader.string(field, v, at) {
                let l = l.value.trim().trim_start_matches('/').to_string();
                if let Some(file) = content::computer_file(&l) {
                    // `C:\Users\…\logo.png`: a file on the writer's computer.
                    reader.fail(
                        field,
                        at,
                        msg!("registry-logo-missing", path = &l),
                        msg!("logo-on-computer-hint", file = file),
                    );
                } else if l.contains("..") || !ctx.site.join("static").join(&l).is_file() {
                    let meant = (!l.contains(".."))
                        .then(|| content::in_other_case(&ctx.site.join("static"), &l))
                        .flatten();
                    reader.fail(
                        field,
                        at,
                        msg!("registry-logo-missing", path = format!("static/{l}")),
                        match meant {
                            Some(found) => msg!("image-meant-hint", field = "logo", found = found),
                            None => msg!("registry-logo-missing-hint"),
                        },
                    );
                }
                entry.logo = Some(l);
            }
        }
        "contacts" if known(field) => {
            if let Some(c) = reader.contacts(&path, v) {
                entry.contacts = c.value;
            }
        }
        other => unknown_field(reader, ctx, other, at),
    }
}

fn unknown_field(reader: &mut FieldReader<'_>, ctx: &Context<'_>, field: &str, at: usize) {
    let looks_like_language = field.len() == 2 && field.chars().all(|c| c.is_ascii_lowercase());
    // `kg:` (the country's code), `кыргызча:`: the language meant.
    let meant = i18n::Lang::meant_by(field).filter(|l| ctx.languages.contains(l));
    let (message, hint) = if let Some(meant) = meant {
        (
            msg!("lang-unknown", found = field),
            msg!("registry-lang-meant", code = meant.code()),
        )
    } else if looks_like_language {
        let codes: Vec<&str> = ctx.languages.iter().map(|l| l.code()).collect();
        (
            msg!("lang-unknown", found = field),
            msg!("registry-names-per-language", list = codes.join(", ")),
        )
    } else {
        let list = ctx.known.join(", ");
        (
            msg!("field-unknown", name = field),
            match content::closest(field, ctx.known) {
                Some(k) => msg!("registry-field-suggest", suggestion = k, list = list),
                None => msg!("registry-field-hint", list = list),
            },
        )
    };
    reader.fail(field, at, message, hint);
}

/// Claims the entry's key, names and aliases; a name another entry claimed is an error at the
/// line where this entry writes it.
fn claim_names(
    reader: &mut FieldReader<'_>,
    claims: &mut BTreeMap<String, (usize, usize)>,
    registry: &Registry,
    entry: &Entry,
    index: usize,
) {
    let key = &entry.key;
    let mut own: Vec<(String, usize)> = vec![(key.clone(), entry.line)];
    for (lang, n) in &entry.names {
        own.push((n.clone(), reader.loc.under(key, lang.code())));
    }
    for (i, a) in entry.aliases.iter().enumerate() {
        own.push((a.clone(), reader.loc.line(&format!("{key}.aliases.{i}"))));
    }
    for (name, at) in own {
        let norm = normalize_name(&name);
        if norm.is_empty() {
            continue;
        }
        match claims.get(&norm) {
            Some(&(other, _)) if other != index => {
                let other_key = &registry.entries[other].key;
                reader.fail(
                    key,
                    at,
                    msg!("registry-name-shared", name = &name, other = other_key),
                    msg!("registry-name-shared-hint"),
                );
            }
            Some(_) => {}
            None => {
                claims.insert(norm, (index, at));
            }
        }
    }
}

/// Blanks out (keeping line numbers) every entry whose top-level key was already used; returns
/// the text and each repeat as (key, line, line of the first use).
fn blank_repeated_keys(text: &str) -> (String, Vec<(String, usize, usize)>) {
    let mut seen: BTreeMap<String, usize> = BTreeMap::new();
    let mut repeats = Vec::new();
    let mut out = String::with_capacity(text.len());
    let mut blanking = false;
    for (i, line) in text.lines().enumerate() {
        let top_key = (!line.starts_with([' ', '\t', '#', '-']))
            .then(|| {
                line.split_once(':')
                    .map(|(k, _)| k.trim().trim_matches(['"', '\'']))
            })
            .flatten()
            .filter(|k| !k.is_empty());
        if let Some(key) = top_key {
            blanking = match seen.get(key) {
                Some(&first) => {
                    repeats.push((key.to_string(), i + 1, first));
                    true
                }
                None => {
                    seen.insert(key.to_string(), i + 1);
                    false
                }
            };
        }
        if !blanking {
            out.push_str(line);
        }
        out.push('\n');
    }
    (out, repeats)
}

/// `{ru: ..., ky: ...}` -> text per language.
fn per_language(
    reader: &mut FieldReader<'_>,
    field: &str,
    value: Yaml,
    at: &str,
) -> BTreeMap<Lang, String> {
    let line = reader.loc.line(at);
    let mut out = BTreeMap::new();
    match value {
        Yaml::Map(m) => {
            for (code, v) in m {
                match Lang::from_code(&code) {
                    Some(lang) => {
                        let line = reader.loc.under(at, &code);
                        if let Some(s) = reader.string(field, v, line) {
                            out.insert(lang, s.value.trim().to_string());
                        }
                    }
                    None => reader.fail(
                        field,
                        line,
                        msg!("lang-unknown", found = &code),
                        msg!("registry-per-language-hint"),
                    ),
                }
            }
        }
        Yaml::Null => {}
        other => reader.fail(
            field,
            line,
            msg!("registry-per-language", found = other.describe()),
            msg!("registry-per-language-hint"),
        ),
    }
    out
}
