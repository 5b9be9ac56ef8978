//! Registries (load stage): `content/topics.yaml` and `content/organizations.yaml` -> [`Registry`].
//!
//! A registry makes one topic or organization of names written many ways, in both languages:
//! a release may name an entry by its key, its name in either language or an alias; matching
//! ignores case, repeated spaces and the kind of quotes. In: the site folder. Out: registries
//! and diagnostics with the file and line of every problem.

mod parse;

pub use parse::parse;

use crate::content::{self, RawContact};
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
    pub(crate) by_name: HashMap<String, usize>,
    /// Key -> entry.
    pub(crate) by_key: HashMap<String, usize>,
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

    /// The entry whose name `name` is a slip of the keyboard of: one letter off a registered
    /// name, alias or key (two for names of 10 letters or more), not counting ң ө ү typed as
    /// н о у on a Russian keyboard. Names of fewer than 5 letters are never taken for slips
    /// (`ЛГБТ` and `ЛГБТК` may be two things).
    pub fn misspelled(&self, name: &str) -> Option<&Entry> {
        let typed = |s: &str| s.chars().map(i18n::russian_keyboard).collect::<String>();
        let written = normalize_name(name);
        if self.by_name.contains_key(&written) {
            return None;
        }
        let n = typed(&written);
        let letters = n.chars().count();
        if letters < 5 {
            return None;
        }
        let limit = if letters < 10 { 1 } else { 2 };
        (self.by_name.iter())
            .filter(|(k, _)| k.chars().count().abs_diff(letters) <= limit)
            .map(|(k, &i)| (content::edit_distance(&n, &typed(k)), i))
            .filter(|&(d, _)| d <= limit)
            .min()
            .and_then(|(_, i)| self.entries.get(i))
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
        match content::read_text_noted(site, &abs) {
            Ok((text, note)) => {
                diags.extend(note);
                Some(parse(kind, &rel, &text, site, languages, &mut diags))
            }
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

pub(crate) const TOPIC_FIELDS: [&str; 4] = ["ru", "ky", "aliases", "description"];
pub(crate) const ORGANIZATION_FIELDS: [&str; 8] = [
    "ru",
    "ky",
    "short",
    "aliases",
    "website",
    "logo",
    "description",
    "contacts",
];

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
    fn slips_are_one_or_two_letters_off_a_registered_name() {
        let (r, _) = parse_str(TermKind::Topics, TOPICS);
        let slip = |n: &str| r.misspelled(n).map(|e| e.key.as_str());
        assert_eq!(slip("Гендерное равенсво"), Some("gender-equality"));
        assert_eq!(slip("гендерное  равентсво"), Some("gender-equality"));
        // Three letters off, or a name of its own: not a slip.
        assert_eq!(slip("Гендерное равнство и"), None);
        assert_eq!(slip("Экология"), None);
        // A registered name is no slip of another.
        assert_eq!(slip("Гендерное равенство"), None);
        // Kyrgyz typed on a Russian keyboard: ң ө ү as н о у are not counted.
        assert_eq!(slip("Гендердик тенчилик"), Some("gender-equality"));
        let (r, _) = parse_str(TermKind::Topics, "npo:\n  ky: Өкмөттүк эмес уюмдар\n");
        assert_eq!(
            r.misspelled("Окмоттук эмес уюмдар").map(|e| &*e.key),
            Some("npo")
        );
        assert_eq!(r.misspelled("Окмоттук эмес уюм").map(|e| &*e.key), None);
    }

    #[test]
    fn every_registry_error_has_its_line() {
        let text = "gender:\n  ru: Гендер\n  kz: Гендер\nGender Two:\n  ru: Другое\n  aliases: [гендер]\npeace:\n  ru: Мир\n  descripton: {ru: x}\nnoname:\n  aliases: [x]\n";
        let (_, d) = parse_str(TermKind::Topics, text);
        let all: Vec<String> = d.iter().map(|x| x.to_string()).collect();
        let all = all.join("\n");
        assert!(
            all.contains("content/x.yaml:3: error: `kz`: unknown language \"kz\""),
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
    fn a_key_windows_keeps_for_a_device_is_refused_on_its_line() {
        let text =
            "aux:\n  ru: Аукс\ncom2:\n  ru: Ком\ncompass:\n  ru: Компас\nnul-2:\n  ru: Нуль\n";
        let (_, d) = parse_str(TermKind::Topics, text);
        let all: Vec<String> = d
            .iter()
            .map(|x| {
                format!(
                    "{x} / {}",
                    x.hint.as_ref().map(ToString::to_string).unwrap_or_default()
                )
            })
            .collect();
        assert_eq!(all.len(), 2, "{all:#?}");
        assert!(
            all[0].starts_with("content/x.yaml:1: error: `aux`"),
            "{}",
            all[0]
        );
        assert!(all[0].ends_with("for example `aux-org`"), "{}", all[0]);
        assert!(
            all[1].starts_with("content/x.yaml:3: error: `com2`"),
            "{}",
            all[1]
        );
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
                .to_string()
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
                .contains(":6: error: `kz`: unknown language \"kz\""),
            "{d:?}"
        );
        assert!(
            d[2].to_string()
                .contains(":5: error: `b`: the entry has no name"),
            "{d:?}"
        );
        assert_eq!(r.entries[0].names[&Lang::Ru], "А");
    }

    #[test]
    fn a_name_claimed_twice_is_reported_where_the_alias_is_written() {
        let text = "a:\n  ru: Гражданская платформа\nb:\n  ru: Гражданская платформа плюс\n  aliases:\n    - Платформа плюс\n    - Гражданская платформа\n";
        let (_, diags) = parse_str(TermKind::Organizers, text);
        let lines: Vec<(Option<usize>, String)> = diags
            .iter()
            .map(|d| (d.line, d.message.to_string()))
            .collect();
        assert_eq!(
            lines,
            [(
                Some(7),
                "\"Гражданская платформа\" also names the entry `a`".to_string()
            )]
        );
    }
}
