//! Model stage (pure): (config, raw releases, today) -> [`Site`].
//!
//! Checks every field's meaning (dates, language, contacts, slugs), pairs translations and
//! builds the per-language indexes (home list, topics, organizers). No I/O, no clock, no Tera:
//! "today" is passed in. Every step is linear or n·log n in the number of releases.
//!
//! The site holds everything a page needs: each release's body and the registry entries its
//! topics and organizers name, so rendering needs neither the disk nor the registries.
//!
//! Rooms: [`validate`] (one validator per field), [`when`] (dates and the all-day rule),
//! [`order`] (sort orders), [`index`] (translations, lists, terms, years), [`relate`].

mod contact;
mod index;
pub mod order;
mod patch;
pub mod phone;
mod relate;
mod validate;
pub mod when;

pub use when::{Span, next_day, parse_when};

pub use index::is_unmatched_warning;
pub use patch::{Patched, put_terms, put_text, terms_and_text, text_only};
pub use relate::Terms;

use crate::config::Config;
use crate::content::{Body, Bundle, RawRelease};
use crate::error::Diagnostic;
use crate::i18n::Lang;
use crate::markdown::BodyLink;
use crate::msg;
use crate::registry::{self, Registries};
use crate::urls::TermKind;
use jiff::civil::{Date, DateTime};
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// The whole site, ready to render.
#[derive(Debug)]
pub struct Site {
    /// The settings.
    pub config: Config,
    /// Every published release, sorted by language, then newest first, then slug.
    pub releases: Vec<Release>,
    /// One index per site language, in the config's order.
    pub languages: Vec<LangIndex>,
    /// The day the site was built for (decides upcoming vs past).
    pub today: Date,
    /// The registered topics, as `TermRef::entry` and `Term::entry` number them.
    pub topic_entries: Vec<Entry>,
    /// The registered organizations, likewise.
    pub organization_entries: Vec<Entry>,
    /// Release files in error were left out: the site is not whole. It serves `check` (the
    /// other files' links), never a build.
    pub left_out: bool,
}

impl Site {
    /// The index of one language.
    pub fn index(&self, lang: Lang) -> Option<&LangIndex> {
        LangIndex::find(&self.languages, lang)
    }

    /// A registry entry of topics or organizations.
    pub fn entry(&self, kind: TermKind, index: usize) -> Option<&Entry> {
        match kind {
            TermKind::Topics => self.topic_entries.get(index),
            TermKind::Organizers => self.organization_entries.get(index),
        }
    }
}

/// A topic or organization of a registry, as pages show it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Entry {
    /// The key (its pages' slug).
    pub key: String,
    /// Name per language.
    pub names: BTreeMap<Lang, String>,
    /// Short name per language ("ГП").
    pub short: BTreeMap<Lang, String>,
    /// Description per language.
    pub description: BTreeMap<Lang, String>,
    /// Web site.
    pub website: Option<String>,
    /// Logo: a path under `static/`.
    pub logo: Option<String>,
    /// Contacts, checked.
    pub contacts: Vec<Contact>,
}

/// A press release, checked.
#[derive(Debug, Clone, PartialEq)]
pub struct Release {
    /// Its language.
    pub lang: Lang,
    /// Last part of its URL: lowercase ASCII, digits and `-`.
    pub slug: String,
    /// Line of the `slug:` field, when the slug was given rather than taken from the file name.
    pub slug_line: Option<usize>,
    /// The headline.
    pub title: String,
    /// When the event starts, in the site's time zone.
    pub start: DateTime,
    /// Whether a start time was given (else only the day counts).
    pub start_timed: bool,
    /// When it ends, and whether a time was given.
    pub end: Option<(DateTime, bool)>,
    /// Who organizes it, at least one.
    pub organizers: Vec<TermRef>,
    /// What it is about.
    pub topics: Vec<TermRef>,
    /// Who to contact.
    pub contacts: Vec<Contact>,
    /// Where it happens.
    pub location: Option<Location>,
    /// A sentence or two for lists.
    pub summary: String,
    /// A picture: a site path (`/img/x.jpg`, or `/ru/slug/photo.jpg` in a bundle) or a full URL.
    pub image: Option<String>,
    /// What the picture shows (`image_alt`), for screen readers and shares.
    pub image_alt: Option<String>,
    /// Line of the `image:` field.
    pub image_line: usize,
    /// When it was published (feeds' `published` and `updated`): `published:`, else the
    /// file's first commit, else the event's start, but never after the build's day.
    pub published: DateTime,
    /// Whether it is a draft (only present in `--drafts` builds).
    pub draft: bool,
    /// True when the event ends today or later.
    pub upcoming: bool,
    /// The file, relative to the site folder (on disk: [`Release::file`]; the model keeps
    /// one path per release, not two).
    pub source: PathBuf,
    /// The Markdown body: in a build, its place in the file (read back when its page is
    /// rendered).
    pub body: Body,
    /// Line of the file where the body starts.
    pub body_line: usize,
    /// The body's links and pictures, with their places.
    pub links: Vec<BodyLink>,
    /// Links to other releases' files: (index in `links`, index of the release in
    /// [`Site::releases`]). Their pages' addresses replace them.
    pub release_links: Vec<(usize, usize)>,
    /// The folder and files of a bundle release.
    pub bundle: Option<Bundle>,
    /// Indexes (in [`Site::releases`]) of the same event in other languages.
    pub translations: Vec<usize>,
    /// Up to five releases of the same language: most shared topics, then nearest in date.
    pub related: Vec<usize>,
}

/// A topic or organizer as a release names it, resolved to its page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TermRef {
    /// The name shown (shared by every release that names the term: one allocation per term,
    /// not per use).
    pub name: std::sync::Arc<str>,
    /// The slug of its page (shared likewise).
    pub slug: std::sync::Arc<str>,
    /// The registry entry it names, if any (index in its registry).
    pub entry: Option<usize>,
    /// Line of the field (`topics:` / `organizers:`) in the release.
    pub line: usize,
}

/// A way to reach someone about a release.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Contact {
    /// Person or office.
    pub name: String,
    /// Their role.
    pub role: Option<String>,
    /// Their role in each language, when written per language (registries).
    pub roles: BTreeMap<Lang, String>,
    /// Email addresses (one, or several written in one `email` with commas).
    pub emails: Vec<String>,
    /// Phones (one, or several written in one `phone` with commas), each as shown and as a
    /// `tel:` number.
    pub phones: Vec<Phone>,
    /// Web page.
    pub url: Option<String>,
}

/// A phone number: as written, and in international form for `tel:` links.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Phone {
    /// As the release writes it.
    pub display: String,
    /// `+996312911010`.
    pub tel: String,
}

/// Where an event takes place.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Location {
    /// The venue, or the whole place as one string.
    pub name: Option<String>,
    /// Street address.
    pub address: Option<String>,
    /// City.
    pub city: Option<String>,
}

impl Release {
    /// The release's file on disk, in the site's folder `dir` ([`Config::dir`]).
    pub fn file(&self, dir: &Path) -> PathBuf {
        dir.join(&self.source)
    }

    /// The folder of a bundle (a release written as `<name>/index.md`, with its photos and
    /// files beside it), or `None` for a plain `.md` file.
    pub fn bundle_dir(&self) -> Option<&Path> {
        self.bundle.as_ref().map(|b| b.dir.as_path())
    }

    /// Gives back the room its lists and texts were given to grow. The model holds every
    /// release through the whole build, and a list filled one by one keeps room for four (two
    /// contacts, each with one phone, took 1 KB instead of 0.3): 10 000 releases held about
    /// 5 MB that nothing used.
    pub fn shrink_to_fit(&mut self) {
        for s in [&mut self.slug, &mut self.title, &mut self.summary] {
            s.shrink_to_fit();
        }
        for s in [&mut self.image, &mut self.image_alt].into_iter().flatten() {
            s.shrink_to_fit();
        }
        if let Some(l) = &mut self.location {
            for s in [&mut l.name, &mut l.address, &mut l.city]
                .into_iter()
                .flatten()
            {
                s.shrink_to_fit();
            }
        }
        self.organizers.shrink_to_fit();
        self.topics.shrink_to_fit();
        self.contacts.iter_mut().for_each(Contact::shrink_to_fit);
        self.contacts.shrink_to_fit();
        self.links.iter_mut().for_each(|l| l.dest.shrink_to_fit());
        self.links.shrink_to_fit();
        self.source.shrink_to_fit();
    }
}

impl Contact {
    /// As [`Release::shrink_to_fit`].
    pub fn shrink_to_fit(&mut self) {
        self.name.shrink_to_fit();
        for s in [&mut self.role, &mut self.url].into_iter().flatten() {
            s.shrink_to_fit();
        }
        self.emails.iter_mut().for_each(String::shrink_to_fit);
        self.emails.shrink_to_fit();
        for p in &mut self.phones {
            p.display.shrink_to_fit();
            p.tel.shrink_to_fit();
        }
        self.phones.shrink_to_fit();
    }
}

impl Location {
    /// The parts joined with commas: "Отель «Шератон», Бишкек".
    pub fn one_line(&self) -> String {
        [&self.name, &self.address, &self.city]
            .into_iter()
            .flatten()
            .map(String::as_str)
            .collect::<Vec<_>>()
            .join(", ")
    }
}

/// One language's part of the site.
#[derive(Debug, Clone)]
pub struct LangIndex {
    /// The language.
    pub lang: Lang,
    /// Its releases in list order: upcoming (soonest first), then past (newest first).
    pub releases: Vec<usize>,
    /// Its topics, in alphabetical order.
    pub topics: Vec<Term>,
    /// Its organizers, in alphabetical order.
    pub organizers: Vec<Term>,
    /// Years with releases, newest first.
    pub years: Vec<Year>,
}

impl LangIndex {
    /// The index of `lang` among `languages`.
    pub fn find(languages: &[LangIndex], lang: Lang) -> Option<&LangIndex> {
        languages.iter().find(|l| l.lang == lang)
    }

    /// Adds `offset` to every release index (an index made on a part of the releases).
    fn shift(&mut self, offset: usize) {
        let terms = self.topics.iter_mut().chain(self.organizers.iter_mut());
        let lists = (terms.map(|t| &mut t.releases))
            .chain(self.years.iter_mut().map(|y| &mut y.releases))
            .chain(std::iter::once(&mut self.releases));
        for list in lists {
            list.iter_mut().for_each(|i| *i += offset);
        }
    }

    /// The topics or the organizers.
    pub fn terms(&self, kind: TermKind) -> &[Term] {
        match kind {
            TermKind::Topics => &self.topics,
            TermKind::Organizers => &self.organizers,
        }
    }
}

/// A topic or organizer page.
#[derive(Debug, Clone)]
pub struct Term {
    /// Name shown: the registry's name in this language, else the spelling most releases use.
    pub name: String,
    /// Slug of the page: the registry key, else the romanized name.
    pub slug: String,
    /// Its releases, in list order.
    pub releases: Vec<usize>,
    /// The registry entry (index in its registry); registered terms have a page in every
    /// language, with or without releases.
    pub entry: Option<usize>,
}

/// One year of a language's archive.
#[derive(Debug, Clone)]
pub struct Year {
    /// The year.
    pub year: i16,
    /// Its releases, newest first.
    pub releases: Vec<usize>,
}

/// Slugs a release may not take: the names of the site's own sections.
pub const RESERVED_SLUGS: [&str; 7] = [
    "topics",
    "organizers",
    "page",
    "archive",
    "search",
    "static",
    "index",
];

/// One release file checked alone, before the site is put together: the release and what
/// pairs it with its translations (`None` after an error), and its problems.
#[derive(Debug, Clone)]
pub struct Checked {
    release: Option<(Release, validate::TranslationKey)>,
    diags: Vec<Diagnostic>,
    /// The file, when it is a draft (`draft: true`): left out of a build, its problems too.
    draft: Option<PathBuf>,
}

impl Checked {
    /// The file it was read from (`None` when it has an error).
    pub fn source(&self) -> Option<&std::path::Path> {
        self.release.as_ref().map(|(r, _)| r.source.as_path())
    }
}

/// Checks each release file alone, in parallel (the first half of [`build`]).
pub fn check(config: &Config, raws: Vec<RawRelease>, today: Date) -> Vec<Checked> {
    use rayon::prelude::*;
    raws.into_par_iter()
        .map(|raw| check_one(config, raw, today))
        .collect()
}

/// Checks one release file alone. A build checks each file as soon as it is read (so the raw
/// form of every file is never held at once); `serve` keeps the results and checks again only
/// the files saved since.
pub fn check_one(config: &Config, raw: RawRelease, today: Date) -> Checked {
    let mut diags = Vec::new();
    let draft = (raw.draft.as_ref())
        .is_some_and(|d| d.value)
        .then(|| raw.path.clone());
    let release = validate::check_release(config, raw, today, &mut diags);
    Checked {
        release,
        diags,
        draft,
    }
}

/// Builds the site: checks every release, pairs translations, builds indexes.
///
/// Returns the site and its warnings, or every diagnostic when there is an error.
pub fn build(
    config: Config,
    raws: Vec<RawRelease>,
    registries: &Registries,
    today: Date,
    include_drafts: bool,
) -> Result<(Site, Vec<Diagnostic>), Vec<Diagnostic>> {
    let checked = check(&config, raws, today);
    match assemble(config, checked, registries, today, include_drafts, None) {
        Ok((_, diags)) if diags.iter().any(Diagnostic::is_error) => Err(diags),
        built => built,
    }
}

/// The releases to build, with their translation keys, and the files of the drafts left out.
/// Each file's diagnostics go to `diags` in file order; a draft left out has its mistakes as
/// warnings, so that a release imported or begun and not finished does not stop the site.
fn sort_out(
    checked: Vec<Checked>,
    include_drafts: bool,
    dir: &Path,
    diags: &mut Vec<Diagnostic>,
) -> (
    Vec<Release>,
    Vec<validate::TranslationKey>,
    BTreeSet<PathBuf>,
) {
    let mut releases = Vec::with_capacity(checked.len());
    let mut keys = Vec::with_capacity(checked.len());
    let mut drafts = BTreeSet::new();
    for Checked {
        release,
        diags: mut own,
        draft,
    } in checked
    {
        if let Some(path) = draft.filter(|_| !include_drafts) {
            let had_errors = own.iter().any(Diagnostic::is_error);
            for d in &mut own {
                d.severity = crate::error::Severity::Warning;
            }
            diags.extend(own);
            if had_errors {
                diags.push(
                    Diagnostic::warning(&path, msg!("draft-has-errors"))
                        .with_hint(msg!("draft-has-errors-hint")),
                );
            }
            drafts.insert(dir.join(path));
            continue;
        }
        diags.extend(own);
        if let Some((release, key)) = release {
            releases.push(release);
            keys.push(key);
        }
    }
    (releases, keys, drafts)
}

/// Builds the site from its checked releases (the second half of [`build`]). `previous` are
/// the releases of the site before an edit (`serve`), if any: related releases are then worked
/// out again only where the edit can change them ([`relate::relate_again`]).
///
/// `Err` when no site can be made (duplicate slugs, a name that splits at a comma, ...).
/// `Ok` may still hold errors: releases in error are left out, and links to files that are
/// no release are reported; that site serves `check` and must never be published.
pub fn assemble(
    config: Config,
    checked: Vec<Checked>,
    registries: &Registries,
    today: Date,
    include_drafts: bool,
    previous: Option<&[Release]>,
) -> Result<(Site, Vec<Diagnostic>), Vec<Diagnostic>> {
    let mut diags = Vec::new();
    if let Some(line) = config.unsafe_html_line {
        diags.push(
            Diagnostic::warning(crate::config::config_path(), msg!("unsafe-html-on"))
                .at_line(line)
                .in_field("unsafe_html")
                .with_hint(msg!("unsafe-html-hint")),
        );
    }
    let (mut releases, mut keys, drafts) =
        sort_out(checked, include_drafts, &config.dir, &mut diags);
    // Releases in error are left out; the model still looks at the others, so that one run
    // reports what it finds there too (a misspelt topic, a name with a comma).
    let left_out = diags.iter().any(Diagnostic::is_error);
    let own = diags.len();
    index::check_unique_slugs(&releases, &mut diags);
    index::split_comma_names(&mut releases, registries, &mut diags);
    let topic_entries = entries(&config, registries.topics.as_ref(), &mut diags);
    let organization_entries = entries(&config, registries.organizations.as_ref(), &mut diags);
    if diags[own..].iter().any(Diagnostic::is_error) {
        return Err(diags);
    }

    // The order of `Site::releases`: by language, then newest first.
    let mut keyed: Vec<_> = releases
        .iter()
        .enumerate()
        .map(|(i, r)| (r.lang, order::newest_first_key(r), i))
        .collect();
    // Each key is unique (its index last): unstable sorting gives the one order.
    keyed.sort_unstable();
    let order: Vec<usize> = keyed.into_iter().map(|(_, _, i)| i).collect();
    // Moved into place where they are (no second vector of every release).
    permute(&mut releases, &order);
    permute(&mut keys, &order);

    index::link_translations(&mut releases, &keys, &mut diags);
    if diags[own..].iter().any(Diagnostic::is_error) {
        return Err(diags);
    }
    // A broken link is an error too, but the site is still built so that `check` can report
    // every broken link at once; a build stops on it before writing.
    resolve_release_links(&mut releases, &config.dir, &drafts, &mut diags);
    let langs: Vec<Lang> = config.languages.iter().map(|l| l.lang).collect();
    let (languages, unmatched) = index::index_languages(&langs, &mut releases, registries);
    diags.extend(index::unmatched_warnings(&releases, registries, unmatched));
    if left_out {
        // The site is not whole: `check` still checks the other files' links on it; a build
        // stops on the errors before writing.
        diags.retain(|d| !leads_to_left_out(d));
    }
    match previous {
        Some(old) => relate::relate_again(&mut releases, old),
        None => relate::relate(&mut releases),
    }
    Ok((
        Site {
            config,
            releases,
            languages,
            today,
            topic_entries,
            organization_entries,
            left_out,
        },
        diags,
    ))
}

/// Puts `items` in `order` in place: the item at `order[k]` goes to place `k`. `order` is a
/// permutation of the places; each cycle of it is followed once.
fn permute<T>(items: &mut [T], order: &[usize]) {
    let mut done = vec![false; items.len()];
    for start in 0..items.len() {
        let mut k = start;
        while !done[k] {
            done[k] = true;
            let from = order[k];
            if from == start {
                break;
            }
            items.swap(k, from);
            k = from;
        }
    }
}

/// A registry's entries as pages show them; their contacts are checked here.
fn entries(
    config: &Config,
    registry: Option<&registry::Registry>,
    diags: &mut Vec<Diagnostic>,
) -> Vec<Entry> {
    let Some(registry) = registry else {
        return Vec::new();
    };
    registry
        .entries
        .iter()
        .map(|e| Entry {
            key: e.key.clone(),
            names: e.names.clone(),
            short: e.short.clone(),
            description: e.description.clone(),
            website: e.website.clone(),
            logo: e.logo.clone(),
            contacts: e
                .contacts
                .iter()
                .filter_map(|c| contact::check_contact(config, c, &registry.path, diags))
                .collect(),
        })
        .collect()
}

/// Finds the release each link to a `.md` file leads to (relative to the linking file, as on
/// GitHub). A link to a file that is no release is an error; to a draft left out, a warning.
fn resolve_release_links(
    releases: &mut [Release],
    site_dir: &Path,
    drafts: &BTreeSet<PathBuf>,
    diags: &mut Vec<Diagnostic>,
) {
    // Each release's links to `.md` files: (index in `links`, the file linked).
    let wanted: Vec<Vec<(usize, PathBuf)>> = releases
        .iter()
        .map(|r| {
            // The release's folder on disk, made only for a release that links a file.
            let mut dir: Option<PathBuf> = None;
            let files = r.links.iter().enumerate().filter_map(|(k, link)| {
                let path = release_file_link(&link.dest)?;
                let dir = dir.get_or_insert_with(|| {
                    let file = r.file(site_dir);
                    file.parent().map(Path::to_path_buf).unwrap_or_default()
                });
                Some((k, normalize(&dir.join(path))))
            });
            files.collect()
        })
        .collect();
    // Most sites link no release file: then no map of every release's path is made.
    let by_source: rustc_hash::FxHashMap<PathBuf, usize> = if wanted.iter().all(Vec::is_empty) {
        Default::default()
    } else {
        releases
            .iter()
            .enumerate()
            .map(|(i, r)| (normalize(&r.file(site_dir)), i))
            .collect()
    };
    for (r, wanted) in releases.iter_mut().zip(wanted) {
        let mut found = Vec::new();
        for (k, target) in wanted {
            if let Some(&t) = by_source.get(&target) {
                found.push((k, t));
                continue;
            }
            let Some(link) = r.links.get(k) else {
                continue;
            };
            let at = |d: Diagnostic| {
                d.at_line(r.body_line + link.line)
                    .at_column(link.column)
                    .with_width(link.width)
            };
            diags.push(if drafts.contains(&target) {
                at(Diagnostic::warning(
                    &r.source,
                    msg!("link-to-draft", link = &link.dest),
                ))
                .with_hint(msg!("link-to-draft-hint"))
            } else {
                at(Diagnostic::error(
                    &r.source,
                    msg!("link-to-unknown-file", link = &link.dest),
                ))
                .with_hint(msg!("link-to-unknown-file-hint"))
            });
        }
        r.release_links = found;
    }
}

/// Whether `d` may only say that a release in error was left out of the model: a link to a
/// release file that is no release of it waits until the files in error are fixed.
pub(crate) fn leads_to_left_out(d: &Diagnostic) -> bool {
    d.message.key == "link-to-unknown-file"
}

/// The file part of a link to a release's source (`forum.md`, `../ky/x.md#program`), decoded;
/// `None` for anything else (pages, pictures, other sites).
pub fn release_file_link(dest: &str) -> Option<String> {
    let path = dest.split(['#', '?']).next().unwrap_or("");
    let lower = path.to_ascii_lowercase();
    if !(lower.ends_with(".md") || lower.ends_with(".markdown")) || crate::urls::is_external(path) {
        return None;
    }
    Some(crate::urls::percent_decode(path).unwrap_or_else(|| path.to_string()))
}

/// Removes `.` and `..` from a path without touching the disk.
pub fn normalize(p: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for c in p.components() {
        match c {
            std::path::Component::ParentDir => {
                out.pop();
            }
            std::path::Component::CurDir => {}
            other => out.push(other),
        }
    }
    out
}

#[cfg(test)]
pub(crate) mod testing;

#[cfg(test)]
mod tests;
