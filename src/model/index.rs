//! Model, indexes: unique addresses, translations, and each language's lists, topics,
//! organizers and years.

use super::validate::TranslationKey;
use super::{LangIndex, Release, Term, TermRef, Year, order};
use crate::error::Diagnostic;
use crate::i18n::{self, Lang};
use crate::msg;
use crate::registry::{Entry, Registries, Registry};
use crate::urls::TermKind;
use rustc_hash::FxHashMap;
use std::collections::BTreeMap;
use std::path::Path;
use std::sync::Arc;

pub fn check_unique_slugs(releases: &[Release], diags: &mut Vec<Diagnostic>) {
    let mut seen: FxHashMap<(Lang, &str), &Release> = FxHashMap::default();
    for r in releases {
        if let Some(first) = seen.insert((r.lang, &r.slug), r) {
            // Report on the file whose `slug:` made the clash, else on the later file.
            let (here, other) = if first.slug_line.is_some() && r.slug_line.is_none() {
                (first, r)
            } else {
                (r, first)
            };
            diags.push(
                Diagnostic::error(
                    &here.source,
                    msg!(
                        "slug-taken",
                        address = format!("/{}/{}/", here.lang, here.slug),
                        other = &other.source
                    ),
                )
                .at_line(here.slug_line.unwrap_or(1))
                .with_hint(msg!("slug-taken-hint")),
            );
        }
    }
}

pub fn link_translations(
    releases: &mut [Release],
    keys: &[TranslationKey],
    diags: &mut Vec<Diagnostic>,
) {
    let mut groups: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
    for (i, k) in keys.iter().enumerate() {
        groups.entry(k.key.as_str()).or_default().push(i);
    }
    for members in groups.values() {
        if members.len() < 2 {
            continue;
        }
        let mut by_lang: BTreeMap<Lang, Vec<usize>> = BTreeMap::new();
        for &i in members {
            by_lang.entry(releases[i].lang).or_default().push(i);
        }
        if let Some(same) = by_lang.values().find(|v| v.len() > 1) {
            let (a, b) = (&releases[same[0]], &releases[same[1]]);
            let explicit = keys[same[0]].explicit || keys[same[1]].explicit;
            let (first, second) = if a.source <= b.source { (a, b) } else { (b, a) };
            let d = if explicit {
                Diagnostic::error(
                    &second.source,
                    msg!(
                        "translation-key-shared",
                        lang = second.lang.code(),
                        key = &keys[same[0]].key,
                        other = &first.source
                    ),
                )
                .in_field("translation_key")
                .with_hint(msg!("translation-key-shared-hint"))
            } else {
                Diagnostic::warning(
                    &second.source,
                    msg!("translation-name-shared", other = &first.source),
                )
                .with_hint(msg!("translation-name-shared-hint"))
            };
            diags.push(d);
            continue;
        }
        for &i in members {
            let others: Vec<usize> = members.iter().copied().filter(|&j| j != i).collect();
            releases[i].translations = others;
        }
    }
}

/// Every language's lists and term pages (in the order of `langs`), with the names that match
/// no registry entry. `releases` are in language order (as [`super::Site::releases`]): each
/// language is indexed on its own part of them, the languages side by side.
pub fn index_languages(
    langs: &[Lang],
    releases: &mut [Release],
    registries: &Registries,
) -> (Vec<LangIndex>, Unmatched) {
    use rayon::prelude::*;
    // Each language's part of the releases, with its offset in them.
    let mut parts: Vec<(Lang, usize, &mut [Release])> = Vec::new();
    let (mut rest, mut offset) = (releases, 0);
    while let Some(lang) = rest.first().map(|r| r.lang) {
        let n = rest.partition_point(|r| r.lang == lang);
        let (part, next) = rest.split_at_mut(n);
        parts.push((lang, offset, part));
        (rest, offset) = (next, offset + n);
    }
    let mut done: Vec<(LangIndex, Unmatched)> = parts
        .into_par_iter()
        .filter(|(lang, _, _)| langs.contains(lang))
        .map(|(lang, offset, part)| {
            let mut unmatched = Unmatched::new();
            let mut index = index_language(lang, part, registries, &mut unmatched);
            index.shift(offset);
            for uses in unmatched.values_mut() {
                uses.iter_mut().for_each(|(i, _)| *i += offset);
            }
            (index, unmatched)
        })
        .collect();
    let mut all = Unmatched::new();
    let indexes = langs
        .iter()
        .map(|&lang| {
            // A language without releases still has its registered terms' pages.
            let Some(k) = done.iter().position(|(index, _)| index.lang == lang) else {
                return index_language(lang, &mut [], registries, &mut all);
            };
            let (index, unmatched) = done.swap_remove(k);
            for (name, uses) in unmatched {
                all.entry(name).or_default().extend(uses);
            }
            index
        })
        .collect();
    (indexes, all)
}

/// Builds one language's lists and term pages; fills in the releases' term slugs.
fn index_language(
    lang: Lang,
    releases: &mut [Release],
    registries: &Registries,
    unmatched: &mut Unmatched,
) -> LangIndex {
    let ids: Vec<usize> = (0..releases.len())
        .filter(|&i| releases[i].lang == lang)
        .collect();
    let list = order::list_order(releases, ids.clone());
    let mut terms = |kind: TermKind, field: fn(&mut Release) -> &mut Vec<TermRef>| {
        let registry = registries.of(kind);
        build_terms(lang, releases, &ids, &list, field, registry, |name, at| {
            unmatched.entry((kind, name)).or_default().push(at);
        })
    };
    let topics = terms(TermKind::Topics, |r| &mut r.topics);
    let organizers = terms(TermKind::Organizers, |r| &mut r.organizers);
    LangIndex {
        lang,
        years: years(releases, &ids),
        releases: list,
        topics,
        organizers,
    }
}

/// Years with releases, newest first, each with its releases newest first.
fn years(releases: &[Release], ids: &[usize]) -> Vec<Year> {
    let mut by_year: BTreeMap<i16, Vec<usize>> = BTreeMap::new();
    for &i in ids {
        by_year.entry(releases[i].start.year()).or_default().push(i);
    }
    by_year
        .into_iter()
        .rev()
        .map(|(year, mut rs)| {
            rs.sort_by(|&a, &b| order::newest_first(&releases[a], &releases[b]));
            Year { year, releases: rs }
        })
        .collect()
}

/// Names that match no registry entry: (kind, name) -> every (release, line) using them.
pub type Unmatched = BTreeMap<(TermKind, String), Vec<(usize, usize)>>;

/// Whether `d` is one of [`unmatched_warnings`].
pub fn is_unmatched_warning(d: &Diagnostic) -> bool {
    d.message.key == "term-unregistered"
}

/// One warning per unregistered name, naming the files that use it and the closest entries.
pub fn unmatched_warnings(
    releases: &[Release],
    registries: &Registries,
    unmatched: Unmatched,
) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for ((kind, name), mut uses) in unmatched {
        uses.sort_by(|a, b| (&releases[a.0].source, a.1).cmp(&(&releases[b.0].source, b.1)));
        let Some(registry) = registries.of(kind) else {
            continue;
        };
        let Some(&(first, line)) = uses.first() else {
            continue;
        };
        if kind == TermKind::Topics
            && let Some(meant) = registry.misspelled(&name)
        {
            out.extend(slips(releases, &registry.path, &name, meant, &uses));
            continue;
        }
        let mut files: Vec<String> = uses
            .iter()
            .map(|(i, _)| releases[*i].source.display().to_string())
            .collect();
        files.dedup();
        let shown = files.len().min(3);
        let more = files.len() - shown;
        let lang = releases[first].lang;
        let closest: Vec<String> = registry
            .closest(&name)
            .iter()
            .map(|e| format!("\"{}\" ({})", e.name(lang), e.key))
            .collect();
        let path = &registry.path;
        let hint = match (closest.is_empty(), kind) {
            (true, TermKind::Topics) => msg!("topic-new-hint", registry = path),
            (true, TermKind::Organizers) => msg!("organizer-new-hint", registry = path),
            (false, _) => msg!(
                "term-closest-hint",
                suggestions = closest.join(", "),
                registry = path
            ),
        };
        let files = files[..shown].join(", ");
        let message = msg!(
            "term-unregistered",
            kind = kind.folder(),
            name = &name,
            registry = path,
            files = files,
            more = more
        );
        out.push(
            Diagnostic::warning(&releases[first].source, message)
                .at_line(line)
                .in_field(match kind {
                    TermKind::Topics => "topics",
                    TermKind::Organizers => "organizers",
                })
                .with_hint(hint),
        );
    }
    out
}

/// A topic one or two letters off a registered one (`Гражданское обшество`) is an error at each
/// use: a new topic page under the slip would be published. A topic of its own is added to the
/// registry (the hint says so).
fn slips(
    releases: &[Release],
    registry: &Path,
    name: &str,
    meant: &Entry,
    uses: &[(usize, usize)],
) -> Vec<Diagnostic> {
    (uses.iter())
        .map(|&(i, line)| {
            let meant = meant.name(releases[i].lang);
            Diagnostic::error(
                &releases[i].source,
                msg!(
                    "topic-slip",
                    name = name,
                    meant = meant,
                    registry = registry
                ),
            )
            .at_line(line)
            .in_field("topics")
            .with_hint(msg!("topic-slip-hint", meant = meant, registry = registry))
        })
        .collect()
}

/// Groups a language's topic (or organizer) names into pages: a registered name goes to its
/// entry's page (slug = key); other names are grouped by slug, so "Гендерное равенство" and
/// "гендерное  равенство" are one page named by its most used spelling. Registered entries get a
/// page even without releases in this language, so every language links to every other.
fn build_terms(
    lang: Lang,
    releases: &mut [Release],
    ids: &[usize],
    list: &[usize],
    field: fn(&mut Release) -> &mut Vec<TermRef>,
    registry: Option<&Registry>,
    mut on_unmatched: impl FnMut(String, (usize, usize)),
) -> Vec<Term> {
    let mut by_slug: BTreeMap<String, Acc> = BTreeMap::new();
    if let Some(reg) = registry {
        for (e, entry) in reg.entries.iter().enumerate() {
            by_slug.insert(entry.key.clone(), Acc::new(Some(e)));
        }
    }
    // Each distinct name is resolved once; a name that matches no registry entry is reported
    // at each use, in release order.
    let mut resolved: FxHashMap<Arc<str>, Resolved> = FxHashMap::default();
    for &i in ids {
        for t in field(&mut releases[i]).iter_mut() {
            if !resolved.contains_key(&t.name) {
                resolved.insert(t.name.clone(), resolve_name(lang, registry, &t.name));
            }
            let Some((spelling, r)) = resolved.get_key_value(&t.name) else {
                continue;
            };
            t.entry = r.entry;
            t.slug = Arc::clone(&r.slug);
            match &r.name {
                Some(name) => t.name = Arc::clone(name),
                None => {
                    // One string per spelling, shared by every release that uses it.
                    t.name = Arc::clone(spelling);
                    if registry.is_some() {
                        on_unmatched(t.name.to_string(), (i, t.line));
                    }
                }
            }
        }
    }
    for &i in ids {
        for t in field(&mut releases[i]).iter() {
            let acc = match by_slug.get_mut(&*t.slug) {
                Some(acc) => acc,
                None => by_slug
                    .entry(t.slug.to_string())
                    .or_insert_with(|| Acc::new(None)),
            };
            match acc.spellings.get_mut(&*t.name) {
                Some(count) => *count += 1,
                None => {
                    acc.spellings.insert(t.name.to_string(), 1);
                }
            }
            if acc.members.last() != Some(&i) {
                acc.members.push(i);
            }
        }
    }
    // Each release's place in the list (by index in `releases`).
    let mut position = vec![usize::MAX; releases.len()];
    for (p, &i) in list.iter().enumerate() {
        position[i] = p;
    }
    let mut terms: Vec<Term> = by_slug
        .into_iter()
        .map(|(slug, acc)| acc.into_term(slug, lang, registry, &position))
        .collect();
    // Each page's slug and name, shared by the releases that name it.
    let shared: FxHashMap<&str, (Arc<str>, Arc<str>)> = terms
        .iter()
        .map(|t| {
            (
                t.slug.as_str(),
                (Arc::from(t.slug.as_str()), Arc::from(t.name.as_str())),
            )
        })
        .collect();
    for &i in ids {
        let list = field(&mut releases[i]);
        for t in list.iter_mut() {
            if let Some((slug, name)) = shared.get(&*t.slug) {
                t.slug = Arc::clone(slug);
                t.name = Arc::clone(name);
            }
        }
        // A term named twice (two spellings of one name) is kept once.
        let mut k = 1;
        while k < list.len() {
            if list[..k].iter().any(|u| u.slug == list[k].slug) {
                list.remove(k);
            } else {
                k += 1;
            }
        }
    }
    // Each name's collation key is made once, not at every comparison: a large site has
    // thousands of organizers (this sort was 3.6 % of a 1 000-release build).
    terms.sort_by_cached_key(|t| (i18n::collation_key(&t.name), t.slug.clone()));
    terms
}

/// What a name resolves to: its registry entry and the entry's name in the language, and the
/// slug of its page.
struct Resolved {
    entry: Option<usize>,
    slug: Arc<str>,
    name: Option<Arc<str>>,
}

/// Gives a name its page: the registry entry it names (its key and its name in `lang`), else
/// its romanized spelling.
fn resolve_name(lang: Lang, registry: Option<&Registry>, name: &str) -> Resolved {
    if let Some(reg) = registry
        && let Some(e) = reg.find(lang, name)
    {
        return Resolved {
            entry: Some(e),
            slug: Arc::from(reg.entries[e].key.as_str()),
            name: Some(Arc::from(reg.entries[e].name(lang))),
        };
    }
    let slug = i18n::slugify(lang, name);
    Resolved {
        entry: None,
        // A name with no letters to spell, or spelled as a name Windows keeps for a device,
        // gets a page named by its hash.
        slug: Arc::from(if slug.is_empty() || i18n::windows_device_name(&slug) {
            format!("u{:x}", fnv1a(name))
        } else {
            slug
        }),
        name: None,
    }
}

/// A term page being gathered: the spellings used, its releases, its registry entry.
struct Acc {
    spellings: BTreeMap<String, usize>,
    members: Vec<usize>,
    entry: Option<usize>,
}

impl Acc {
    fn new(entry: Option<usize>) -> Self {
        Acc {
            spellings: BTreeMap::new(),
            members: Vec::new(),
            entry,
        }
    }

    /// The page: named by its registry entry, else by its most used spelling; its releases
    /// in list order.
    fn into_term(
        mut self,
        slug: String,
        lang: Lang,
        registry: Option<&Registry>,
        position: &[usize],
    ) -> Term {
        let name = match (self.entry, registry) {
            (Some(e), Some(reg)) => reg.entries[e].name(lang).to_string(),
            _ => self
                .spellings
                .iter()
                .max_by(|a, b| a.1.cmp(b.1).then_with(|| b.0.cmp(a.0)))
                .map(|(n, _)| n.clone())
                .unwrap_or_default(),
        };
        self.members
            .sort_by_key(|&i| position.get(i).copied().unwrap_or(usize::MAX));
        self.members.dedup();
        Term {
            name,
            slug,
            releases: self.members,
            entry: self.entry,
        }
    }
}

/// `organizers: Фонд А, Фонд Б` reads as one name with a comma. When every part is a
/// registered name, it is the list the writer meant; otherwise it is an error showing the list
/// form (a registered name that really has a comma stays one name).
pub fn split_comma_names(
    releases: &mut [Release],
    registries: &Registries,
    diags: &mut Vec<Diagnostic>,
) {
    for r in releases.iter_mut() {
        for kind in TermKind::ALL {
            let registry = registries.of(kind);
            let (lang, source) = (r.lang, &r.source);
            let list = match kind {
                TermKind::Topics => &mut r.topics,
                TermKind::Organizers => &mut r.organizers,
            };
            if !list.iter().any(|t| t.name.contains(',')) {
                continue;
            }
            let mut out: Vec<TermRef> = Vec::with_capacity(list.len());
            for t in list.drain(..) {
                let known = |name: &str| registry.is_some_and(|reg| reg.find(lang, name).is_some());
                if !t.name.contains(',') || known(&t.name) {
                    out.push(t);
                    continue;
                }
                let parts: Vec<&str> = t
                    .name
                    .split(',')
                    .map(str::trim)
                    .filter(|p| !p.is_empty())
                    .collect();
                if parts.iter().all(|p| known(p)) {
                    out.extend(parts.iter().map(|p| TermRef {
                        name: Arc::from(*p),
                        ..t.clone()
                    }));
                    continue;
                }
                let field = kind.folder();
                diags.push(
                    Diagnostic::error(source, msg!("names-comma", name = &*t.name))
                        .at_line(t.line)
                        .in_field(field)
                        .with_hint(msg!(
                            "names-comma-hint",
                            list_form = format!("{field}: [{}]", parts.join(", ")),
                            registry = crate::registry::file_name(kind)
                        )),
                );
                out.push(t);
            }
            *list = out;
        }
    }
}

/// A small stable hash for names that romanize to nothing (e.g. only emoji).
fn fnv1a(s: &str) -> u32 {
    s.bytes().fold(0x811c_9dc5u32, |h, b| {
        (h ^ u32::from(b)).wrapping_mul(0x0100_0193)
    })
}
