//! Registries (load stage): `content/topics.yaml` and `content/organizations.yaml` -> [`Registry`].
//!
//! A registry makes one topic or organization of names written many ways, in both languages:
//! a release may name an entry by its key, its name in either language or an alias; matching
//! ignores case, repeated spaces and the kind of quotes. In: the site folder. Out: registries
//! and diagnostics with the file and line of every problem.

use crate::content::{self, FieldReader, RawContact, Yaml};
use crate::error::Diagnostic;
use crate::i18n::{self, Lang};
use crate::urls::TermKind;
use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};

/// One registered topic or organization.
#[derive(Debug, Clone, Default)]
pub struct Entry {
    /// The key: also the slug of its pages in every language.
    pub key: String,
    /// Its name in each language.
    pub names: BTreeMap<Lang, String>,
    /// Short name per language ("ФЕЦА").
    pub short: BTreeMap<Lang, String>,
    /// Other spellings people use.
    pub aliases: Vec<String>,
    /// A description per language.
    pub description: BTreeMap<Lang, String>,
    /// Web site (organizations).
    pub website: Option<String>,
    /// Logo: a path under `static/` (organizations).
    pub logo: Option<String>,
    /// Contacts (organizations), same shape as in releases.
    pub contacts: Vec<RawContact>,
    /// Line of the key in the file.
    pub line: usize,
}

impl Entry {
    /// The name in `lang`, else in any language (the default's first).
    pub fn name(&self, lang: Lang) -> &str {
        self.names
            .get(&lang)
            .or_else(|| self.names.values().next())
            .map_or(self.key.as_str(), String::as_str)
    }
}

/// The entries of one registry file, with an index of every way to name them.
#[derive(Debug, Clone, Default)]
pub struct Registry {
    /// The file, relative to the site folder.
    pub path: PathBuf,
    /// Entries in file order.
    pub entries: Vec<Entry>,
    /// Normalized name, alias or key -> entry.
    by_name: HashMap<String, usize>,
    /// Key -> entry.
    by_key: HashMap<String, usize>,
}

impl Registry {
    /// The entry a release means by `name` (written in `lang`), if any.
    pub fn find(&self, lang: Lang, name: &str) -> Option<usize> {
        self.by_name
            .get(&normalize_name(name))
            .or_else(|| self.by_key.get(&i18n::slugify(lang, name)))
            .copied()
    }

    /// The registered names closest to `name`, for "did you mean" hints (at most 3).
    pub fn closest(&self, name: &str) -> Vec<&Entry> {
        let n = normalize_name(name);
        let limit = (n.chars().count() / 3).clamp(2, 8);
        let mut scored: Vec<(usize, usize)> = self
            .by_name
            .iter()
            .map(|(k, &i)| (content::edit_distance(&n, k), i))
            .filter(|(d, _)| *d <= limit)
            .collect();
        scored.sort();
        let mut out: Vec<&Entry> = Vec::new();
        for (_, i) in scored {
            if !out.iter().any(|e| e.key == self.entries[i].key) {
                out.push(&self.entries[i]);
            }
            if out.len() == 3 {
                break;
            }
        }
        out
    }
}

/// Both registries of a site (each may be absent).
#[derive(Debug, Clone, Default)]
pub struct Registries {
    /// `content/topics.yaml`.
    pub topics: Option<Registry>,
    /// `content/organizations.yaml`.
    pub organizations: Option<Registry>,
}

impl Registries {
    /// The registry of one kind of term.
    pub fn of(&self, kind: TermKind) -> Option<&Registry> {
        match kind {
            TermKind::Topics => self.topics.as_ref(),
            TermKind::Organizers => self.organizations.as_ref(),
        }
    }
}

/// How names are compared: lowercase, spaces folded, ё as е, and quotes of every kind left
/// out (so «Гражданская платформа», "Гражданская платформа" and Гражданская платформа match).
pub fn normalize_name(name: &str) -> String {
    const QUOTES: [char; 13] = [
        '«', '»', '“', '”', '„', '‟', '"', '\'', '‘', '’', '‚', '‹', '›',
    ];
    let mut out = String::with_capacity(name.len());
    for word in name.split(|c: char| c.is_whitespace() || QUOTES.contains(&c)) {
        if word.is_empty() {
            continue;
        }
        if !out.is_empty() {
            out.push(' ');
        }
        out.extend(
            word.chars()
                .flat_map(char::to_lowercase)
                .map(|c| if c == 'ё' { 'е' } else { c }),
        );
    }
    out
}

/// Loads `content/topics.yaml` and `content/organizations.yaml` when they exist.
pub fn load(site: &Path, languages: &[Lang]) -> (Registries, Vec<Diagnostic>) {
    let mut diags = Vec::new();
    let mut load_one = |kind: TermKind| {
        let rel = Path::new("content").join(file_name(kind));
        let abs = site.join(&rel);
        if !abs.is_file() {
            return None;
        }
        match content::read_text(site, &abs) {
            Ok(text) => Some(parse(kind, &rel, &text, site, languages, &mut diags)),
            Err(d) => {
                diags.push(d);
                None
            }
        }
    };
    let topics = load_one(TermKind::Topics);
    let organizations = load_one(TermKind::Organizers);
    (
        Registries {
            topics,
            organizations,
        },
        diags,
    )
}

/// The registry file of a kind of term.
pub fn file_name(kind: TermKind) -> &'static str {
    match kind {
        TermKind::Topics => "topics.yaml",
        TermKind::Organizers => "organizations.yaml",
    }
}

const TOPIC_FIELDS: [&str; 4] = ["ru", "ky", "aliases", "description"];
const ORGANIZATION_FIELDS: [&str; 8] = [
    "ru",
    "ky",
    "short",
    "aliases",
    "website",
    "logo",
    "description",
    "contacts",
];

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
            Diagnostic::error(
                rel,
                format!("the key `{key}` is already used on line {first}"),
            )
            .at_line(line)
            .in_field(&key)
            .with_hint("each topic or organization is listed once: merge the two entries"),
        );
    }
    let text = deduped.as_str();
    let tree = match content::parse_yaml_tree(text) {
        Ok(t) => t,
        Err(mut d) => {
            d.path = rel.to_path_buf();
            diags.push(d);
            return registry;
        }
    };
    let entries = match tree {
        Yaml::Map(m) => m,
        Yaml::Null => Vec::new(),
        other => {
            diags.push(
                Diagnostic::error(
                    rel,
                    format!("expected one entry per key, found {}", other.describe()),
                )
                .at_line(1)
                .with_hint(
                    "start each entry with its key at the start of a line: `gender-equality:`",
                ),
            );
            return registry;
        }
    };
    let key_lines = content::key_lines(text, 1);
    let known: &[&str] = match kind {
        TermKind::Topics => &TOPIC_FIELDS,
        TermKind::Organizers => &ORGANIZATION_FIELDS,
    };
    let mut errors = Vec::new();
    let mut reader = FieldReader {
        path: rel,
        text,
        first_line: 1,
        errors: &mut errors,
    };
    // Every name, alias and key, normalized -> (entry, line): two entries may not share one.
    let mut claims: BTreeMap<String, (usize, usize)> = BTreeMap::new();
    for (key, value) in entries {
        let line = key_lines.get(&key).copied().unwrap_or(1);
        let index = registry.entries.len();
        let mut entry = Entry {
            key: key.clone(),
            line,
            ..Entry::default()
        };
        if i18n::slugify(Lang::Ru, &key) != key {
            let suggestion = i18n::slugify(Lang::Ru, &key);
            reader.fail(
                &key,
                line,
                format!("the key `{key}` is not usable in a web address"),
                &format!(
                    "a key is lowercase Latin letters, digits and dashes{}",
                    if suggestion.is_empty() {
                        String::new()
                    } else {
                        format!(": `{suggestion}`")
                    }
                ),
            );
        }
        let fields = match value {
            Yaml::Map(m) => m,
            // `gender: Гендерное равенство` is shorthand for a Russian-only entry? No: ask for both.
            other => {
                reader.fail(
                    &key,
                    line,
                    format!("expected the entry's names, found {}", other.describe()),
                    "write the names on indented lines under the key: `  ru: ...` and `  ky: ...`",
                );
                continue;
            }
        };
        for (field, v) in fields {
            let at = content::nested_key_line(text, 1, &field, line).unwrap_or(line);
            if let Some(lang) = Lang::from_code(&field) {
                if let Some(s) = reader.string(&field, v, at) {
                    entry.names.insert(lang, s.value.trim().to_string());
                }
                continue;
            }
            match field.as_str() {
                "aliases" => {
                    if let Some(a) = reader.names(&field, v, at) {
                        entry.aliases = a.value;
                    }
                }
                "description" | "short" if known.contains(&field.as_str()) => {
                    let map = per_language(&mut reader, &field, v, at);
                    if field == "description" {
                        entry.description = map;
                    } else {
                        entry.short = map;
                    }
                }
                "website" if known.contains(&"website") => {
                    if let Some(w) = reader.string(&field, v, at) {
                        let w = w.value.trim().to_string();
                        if !(w.starts_with("https://") || w.starts_with("http://")) {
                            reader.fail(
                                &field,
                                at,
                                format!("\"{w}\" is not a web address"),
                                "write it in full: https://example.kg",
                            );
                        }
                        entry.website = Some(w);
                    }
                }
                "logo" if known.contains(&"logo") => {
                    if let Some(l) = reader.string(&field, v, at) {
                        let l = l.value.trim().trim_start_matches('/').to_string();
                        if l.contains("..") || !site.join("static").join(&l).is_file() {
                            reader.fail(
                                &field,
                                at,
                                format!("the logo static/{l} does not exist"),
                                "put the picture in the static/ folder and give its path from there: `logo: img/logo.png`",
                            );
                        }
                        entry.logo = Some(l);
                    }
                }
                "contacts" if known.contains(&"contacts") => {
                    if let Some(c) = reader.contacts(v, at) {
                        entry.contacts = c.value;
                    }
                }
                other => {
                    let looks_like_language =
                        other.len() == 2 && other.chars().all(|c| c.is_ascii_lowercase());
                    let (message, hint) = if looks_like_language {
                        (
                            format!("unknown language `{other}`"),
                            format!(
                                "names are given per language: {}",
                                languages
                                    .iter()
                                    .map(|l| l.code())
                                    .collect::<Vec<_>>()
                                    .join(", ")
                            ),
                        )
                    } else {
                        let list = known.join(", ");
                        (
                            format!("unknown field `{other}`"),
                            match content::closest(other, known) {
                                Some(k) => format!("did you mean `{k}`? An entry has: {list}"),
                                None => format!("an entry has: {list}"),
                            },
                        )
                    };
                    reader.fail(other, at, message, &hint);
                }
            }
        }
        if entry.names.is_empty() {
            reader.fail(
                &key,
                line,
                "the entry has no name".to_string(),
                "add its name in each language: `  ru: ...` and `  ky: ...`",
            );
        }
        // Claims: the key, each name and each alias.
        let mut own: Vec<(String, usize)> = vec![(key.clone(), line)];
        for (lang, n) in &entry.names {
            let at = content::nested_key_line(text, 1, lang.code(), line).unwrap_or(line);
            own.push((n.clone(), at));
        }
        for a in &entry.aliases {
            let at = find_text_line(text, a, line).unwrap_or(line);
            own.push((a.clone(), at));
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
                        &key,
                        at,
                        format!("\"{name}\" also names the entry `{other_key}`"),
                        "a name or alias may belong to one entry only: remove it from one of them",
                    );
                }
                Some(_) => {}
                None => {
                    claims.insert(norm, (index, at));
                }
            }
        }
        registry.by_key.insert(key.clone(), index);
        registry.entries.push(entry);
    }
    for (norm, (index, _)) in claims {
        registry.by_name.insert(norm, index);
    }
    diags.extend(errors);
    registry
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
    line: usize,
) -> BTreeMap<Lang, String> {
    let mut out = BTreeMap::new();
    match value {
        Yaml::Map(m) => {
            for (code, v) in m {
                match Lang::from_code(&code) {
                    Some(lang) => {
                        if let Some(s) = reader.string(field, v, line) {
                            out.insert(lang, s.value.trim().to_string());
                        }
                    }
                    None => reader.fail(
                        field,
                        line,
                        format!("unknown language `{code}`"),
                        "give the text per language: `{ru: ..., ky: ...}`",
                    ),
                }
            }
        }
        Yaml::Null => {}
        other => reader.fail(
            field,
            line,
            format!("expected the text per language, found {}", other.describe()),
            "write it as `{ru: ..., ky: ...}`",
        ),
    }
    out
}

/// The first line at or after `from` that contains `needle`.
fn find_text_line(text: &str, needle: &str, from: usize) -> Option<usize> {
    text.lines()
        .enumerate()
        .skip(from.saturating_sub(1))
        .find(|(_, l)| l.contains(needle))
        .map(|(i, _)| i + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse_str(kind: TermKind, text: &str) -> (Registry, Vec<Diagnostic>) {
        let mut diags = Vec::new();
        let site = std::env::temp_dir();
        let r = parse(
            kind,
            Path::new("content/x.yaml"),
            text,
            &site,
            &Lang::ALL,
            &mut diags,
        );
        (r, diags)
    }

    const TOPICS: &str = "gender-equality:\n  ru: Гендерное равенство\n  ky: Гендердик теңчилик\n  aliases: [Гендер, Равенство полов]\n  description: {ru: О равенстве, ky: Теңчилик жөнүндө}\n";

    #[test]
    fn names_match_by_key_name_alias_case_spaces_and_quotes() {
        let (r, d) = parse_str(TermKind::Topics, TOPICS);
        assert!(d.is_empty(), "{d:?}");
        for name in [
            "gender-equality",
            "Gender equality",
            "Гендерное равенство",
            "гендерное   РАВЕНСТВО",
            "Гендердик теңчилик",
            "гендер",
            "Равенство  полов",
        ] {
            assert_eq!(r.find(Lang::Ru, name), Some(0), "{name}");
        }
        assert_eq!(r.find(Lang::Ru, "Гендерное неравенство"), None);
        assert_eq!(r.entries[0].description[&Lang::Ky], "Теңчилик жөнүндө");
        let orgs = "civic-platform:\n  ru: ОФ «Гражданская платформа»\n  ky: «Жарандык платформа» КФ\n  aliases: [Гражданская платформа]\n";
        let (r, d) = parse_str(TermKind::Organizers, orgs);
        assert!(d.is_empty(), "{d:?}");
        assert_eq!(r.find(Lang::Ru, "ОФ \"Гражданская платформа\""), Some(0));
        assert_eq!(r.find(Lang::Ru, "оф „гражданская платформа“"), Some(0));
        assert_eq!(r.find(Lang::Ky, "\"Жарандык платформа\" КФ"), Some(0));
        assert_eq!(r.find(Lang::Ky, "„Гражданская платформа“"), Some(0));
        assert_eq!(r.find(Lang::Ky, "Жарандык платформа КФ"), Some(0));
    }

    #[test]
    fn closest_names_for_hints() {
        let (r, _) = parse_str(TermKind::Topics, TOPICS);
        let c = r.closest("Гендерное равенсво");
        assert_eq!(c.len(), 1);
        assert_eq!(c[0].key, "gender-equality");
        assert!(r.closest("Экология").is_empty());
    }

    #[test]
    fn every_registry_error_has_its_line() {
        let text = "gender:\n  ru: Гендер\n  kz: Гендер\nGender Two:\n  ru: Другое\n  aliases: [гендер]\npeace:\n  ru: Мир\n  descripton: {ru: x}\nnoname:\n  aliases: [x]\n";
        let (_, d) = parse_str(TermKind::Topics, text);
        let all: Vec<String> = d.iter().map(|x| x.to_string()).collect();
        let all = all.join("\n");
        assert!(
            all.contains("content/x.yaml:3: error: `kz`: unknown language `kz`"),
            "{all}"
        );
        assert!(
            all.contains(
                "content/x.yaml:4: error: `Gender Two`: the key `Gender Two` is not usable"
            ),
            "{all}"
        );
        assert!(
            all.contains(
                "content/x.yaml:6: error: `Gender Two`: \"гендер\" also names the entry `gender`"
            ),
            "{all}"
        );
        assert!(
            all.contains("content/x.yaml:9: error: `descripton`: unknown field `descripton`"),
            "{all}"
        );
        assert!(all.contains("did you mean `description`?"), "{all}");
        assert!(
            all.contains("content/x.yaml:10: error: `noname`: the entry has no name"),
            "{all}"
        );
        assert_eq!(d.len(), 5, "{all}");
    }

    #[test]
    fn a_missing_logo_is_an_error() {
        let (_, d) = parse_str(
            TermKind::Organizers,
            "x:\n  ru: X\n  logo: img/no-such-logo-jarya.png\n",
        );
        assert_eq!(d.len(), 1);
        assert_eq!(d[0].line, Some(3));
        assert!(
            d[0].message
                .contains("static/img/no-such-logo-jarya.png does not exist")
        );
    }

    #[test]
    fn duplicate_keys_are_reported_with_their_line_and_the_rest_is_still_checked() {
        let (r, d) = parse_str(TermKind::Topics, "a:\n  ru: А\na:\n  ru: Б\nb:\n  kz: В\n");
        assert_eq!(d.len(), 3, "{d:?}");
        assert_eq!(
            d[0].to_string().lines().next().unwrap(),
            "content/x.yaml:3: error: `a`: the key `a` is already used on line 1"
        );
        assert!(
            d[1].to_string()
                .contains(":6: error: `kz`: unknown language `kz`"),
            "{d:?}"
        );
        assert!(
            d[2].to_string()
                .contains(":5: error: `b`: the entry has no name"),
            "{d:?}"
        );
        assert_eq!(r.entries[0].names[&Lang::Ru], "А");
    }
}
