//! Plan stage (pure): the site -> every file it will contain, before anything is rendered.
//!
//! Pages (releases, paginated lists, term and archive pages), calendars, feeds, sitemap parts,
//! robots.txt, the theme's and the site's static files and each bundle's files each get their
//! path here, from [`crate::urls`]. Two outputs on one path are an error naming both sources,
//! whatever their kinds; the one exception is the site's own `static/` file, which replaces
//! the theme's file of the same name on purpose. Render fills the plan; output writes it;
//! `check` renders it without writing.

use crate::error::Diagnostic;
use crate::i18n::{Lang, Message};
use crate::images;
use crate::model::{LangIndex, Site};
use crate::msg;
use crate::theme::{StaticFile, StaticSource};
use crate::urls::{self, TermKind};
use rustc_hash::FxHashMap;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// One HTML page.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Job {
    /// The entry page (language choice) at the root.
    Entry,
    /// `404.html`.
    NotFound,
    /// A release's page (index in [`Site::releases`]).
    Release(usize),
    /// Page `page` of a language's home list.
    Home { lang: Lang, page: usize },
    /// The list of a language's topics or organizers.
    Terms { lang: Lang, kind: TermKind },
    /// Page `page` of one topic or organizer (index in the language's terms).
    Term {
        lang: Lang,
        kind: TermKind,
        term: usize,
        page: usize,
    },
    /// A language's archive (the years).
    Archive { lang: Lang },
    /// Page `page` of one year (index in the language's years).
    Year {
        lang: Lang,
        year: usize,
        page: usize,
    },
    /// A language's search page (only with `search: true`).
    Search { lang: Lang },
}

/// A file that is not an HTML page.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Extra {
    /// `<lang>/<slug>/event.ics`.
    ReleaseIcs(usize),
    /// `<lang>/calendar.ics`, or a topic's or organizer's.
    Calendar(Lang, Scope),
    /// `<lang>/atom.xml`, or a topic's or organizer's.
    Feed(Lang, Scope),
    /// `sitemap.xml` (0), or part n of a large sitemap.
    Sitemap(usize),
    /// `robots.txt`.
    Robots,
    /// `admin/index.html`: the browser editor (only with `editor: true`).
    EditorPage,
    /// `admin/config.yml`: the editor's collections and fields.
    EditorConfig,
    /// A favicon drawn from the site's logo (or its initial on the accent colour).
    Icon(Icon),
    /// `<lang>/share.png`: the language's share picture (only when `image` is not set).
    SharePicture(Lang),
}

/// The favicon files every site has.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Icon {
    /// `favicon.ico` (32 px; browsers ask for it unprompted).
    Ico,
    /// `favicon.png` (32 px).
    Png32,
    /// `apple-touch-icon.png` (180 px; phones' home screens).
    Touch,
}

impl Icon {
    pub const ALL: [Icon; 3] = [Icon::Ico, Icon::Png32, Icon::Touch];
}

/// Which releases a calendar or feed holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    /// All of a language's.
    All,
    /// One topic's or organizer's (index in the language's terms).
    Term(TermKind, usize),
}

/// Every file of the site, each with its path relative to the output folder.
#[derive(Debug, Default)]
pub struct Plan {
    /// HTML pages; the sitemap lists them in this order.
    pub pages: Vec<(Job, PathBuf)>,
    /// Calendars, feeds, sitemap parts, robots.txt.
    pub extras: Vec<(Extra, PathBuf)>,
    /// Files copied as they are.
    pub statics: Vec<(PathBuf, StaticSource)>,
    /// Pictures resized by the output stage, by the original's path (which is also copied).
    pub pictures: BTreeMap<PathBuf, images::Source>,
}

impl Plan {
    /// How many files the site has.
    pub fn len(&self) -> usize {
        self.pages.len() + self.extras.len() + self.statics.len() + self.variants().count()
    }

    /// Every resized picture's path: (original's path, source, width, format, path).
    pub fn variants(
        &self,
    ) -> impl Iterator<Item = (&images::Source, u32, images::Format, PathBuf)> {
        self.pictures.values().flat_map(|s| {
            s.variants().into_iter().map(move |(w, f)| {
                let path = urls::file(&urls::picture_variant(&s.hash, w, f.ext()));
                (s, w, f, path)
            })
        })
    }

    /// Adds the pictures to resize (after [`images::inspect`]); a variant's path that another
    /// file already has is an error naming both.
    pub fn add_pictures(
        &mut self,
        pictures: BTreeMap<PathBuf, images::Source>,
    ) -> Result<(), Vec<Diagnostic>> {
        self.pictures = pictures;
        if self.pictures.is_empty() {
            return Ok(());
        }
        let taken: rustc_hash::FxHashSet<&Path> = self
            .pages
            .iter()
            .map(|(_, p)| p.as_path())
            .chain(self.extras.iter().map(|(_, p)| p.as_path()))
            .chain(self.statics.iter().map(|(p, _)| p.as_path()))
            .collect();
        let clashes: Vec<Diagnostic> = self
            .variants()
            .filter(|(.., path)| taken.contains(path.as_path()))
            .map(|(s, .., path)| {
                collision(
                    &path,
                    &Origin::File(path.clone()),
                    &Origin::File(s.file.clone()),
                )
            })
            .collect();
        if clashes.is_empty() {
            Ok(())
        } else {
            Err(clashes)
        }
    }

    /// Whether this plan, made for `old`, is also the plan of `new` (`serve`, after an edit):
    /// the same pages and files by the same rules ([`pages`], [`extras`]), and the same names
    /// in their paths (releases' languages, slugs and bundles, terms' slugs, years). Checking
    /// this costs a walk over the model; making a plan, a path and a claim for every file.
    pub fn fits(&self, old: &Site, new: &Site) -> bool {
        let same_releases = || {
            old.releases.len() == new.releases.len()
                && (old.releases.iter().zip(&new.releases))
                    .all(|(a, b)| (a.lang, &a.slug, &a.bundle) == (b.lang, &b.slug, &b.bundle))
        };
        self.fits_lists(&old.languages, new) && same_releases()
    }

    /// [`Plan::fits`] when the releases are known to have kept their languages, slugs and
    /// bundles: `old` are the lists of the model the plan was made for.
    pub fn fits_lists(&self, old: &[LangIndex], new: &Site) -> bool {
        let listed = || {
            let pages = self.pages.iter();
            pages.filter(|(j, _)| *j != Job::NotFound).count()
        };
        let same_names = || {
            old.len() == new.languages.len()
                && old.iter().zip(&new.languages).all(|(a, b)| {
                    fn slugs(i: &LangIndex, kind: TermKind) -> impl Iterator<Item = &str> {
                        i.terms(kind).iter().map(|t| t.slug.as_str())
                    }
                    let years = |i: &LangIndex| i.years.iter().map(|y| y.year).collect::<Vec<_>>();
                    a.lang == b.lang
                        && TermKind::ALL
                            .into_iter()
                            .all(|kind| slugs(a, kind).eq(slugs(b, kind)))
                        && years(a) == years(b)
                })
        };
        // Pages first: most edits that do not fit change them.
        self.pages.iter().map(|(j, _)| *j).eq(pages(new))
            && self
                .extras
                .iter()
                .map(|(e, _)| *e)
                .eq(extras(new, listed()))
            && same_names()
    }

    /// Whether the plan is empty (it never is for a real site: the entry page is always there).
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Every path of the plan.
    pub fn paths(&self) -> impl Iterator<Item = PathBuf> + '_ {
        let pages = self.pages.iter().map(|(_, p)| p.to_path_buf());
        let extras = self.extras.iter().map(|(_, p)| p.to_path_buf());
        pages
            .chain(extras)
            .chain(self.statics.iter().map(|(p, _)| p.to_path_buf()))
            .chain(self.variants().map(|(.., p)| p))
    }
}

/// Plans every file of `site`, with the theme's and the site's static files.
pub fn plan(site: &Site, statics: &[StaticFile]) -> Result<Plan, Vec<Diagnostic>> {
    let mut claims = Claims::default();
    let pages: Vec<(Job, PathBuf)> = pages(site)
        .into_iter()
        .map(|job| {
            let path = page_file(site, job);
            claims.claim(site, &path, Claimant::Page(job));
            (job, path)
        })
        .collect();
    let listed = pages.iter().filter(|(j, _)| *j != Job::NotFound).count();
    let extras: Vec<(Extra, PathBuf)> = extras(site, listed)
        .into_iter()
        .map(|e| {
            let path = extra_file(site, e);
            claims.claim(site, &path, Claimant::Extra(e));
            (e, path)
        })
        .collect();
    let mut out_statics: BTreeMap<PathBuf, StaticSource> = BTreeMap::new();
    // The search pages' script ships only with them.
    let unused = |f: &StaticFile| {
        !site.config.search
            && f.path == Path::new(urls::SEARCH_SCRIPT)
            && matches!(f.source, StaticSource::Builtin(_))
    };
    for f in statics.iter().filter(|f| !unused(f)) {
        // The site's static/ replaces the theme's file of the same name: not a collision.
        if out_statics
            .insert(f.path.clone(), f.source.clone())
            .is_none()
        {
            claims.claim(site, &f.path, Claimant::File(f.origin.clone()));
        } else {
            claims.replace(&f.path, Claimant::File(f.origin.clone()));
        }
    }
    for r in &site.releases {
        let Some(bundle) = &r.bundle else { continue };
        let page = urls::release(r.lang, &r.slug);
        for rel in &bundle.files {
            let path = urls::file(&page).join(rel);
            let origin = r
                .source
                .parent()
                .map_or_else(|| rel.clone(), |d| d.join(rel));
            claims.claim(site, &path, Claimant::File(origin));
            out_statics.insert(path, StaticSource::File(bundle.dir.join(rel)));
        }
    }
    if site.config.search {
        claims.reserve_search_index(site);
    }
    if !claims.diagnostics.is_empty() {
        return Err(claims.diagnostics);
    }
    Ok(Plan {
        pages,
        extras,
        statics: out_statics.into_iter().collect(),
        pictures: BTreeMap::new(),
    })
}

/// What puts a file at a path, for messages about collisions.
#[derive(Debug, Clone)]
enum Origin {
    /// A file of the site (a release, a static or bundle file), relative to the site folder.
    File(PathBuf),
    /// A generated file, described in words.
    Generated(Message),
}

impl Origin {
    fn describe(&self) -> Message {
        match self {
            Origin::File(p) => msg!(
                "origin-file",
                path = p.display().to_string().replace('\\', "/")
            ),
            Origin::Generated(what) => what.clone(),
        }
    }
}

/// What claims a path: described (an [`Origin`]) only when two claim the same one.
#[derive(Debug, Clone)]
enum Claimant {
    Page(Job),
    Extra(Extra),
    /// A file of the site (a static or bundle file), relative to the site folder.
    File(PathBuf),
}

impl Claimant {
    fn origin(&self, site: &Site) -> Origin {
        match self {
            Claimant::Page(job) => origin_of_page(site, *job),
            Claimant::Extra(e) => origin_of_extra(site, *e),
            Claimant::File(p) => Origin::File(p.clone()),
        }
    }
}

#[derive(Default)]
struct Claims {
    by_path: FxHashMap<PathBuf, Claimant>,
    diagnostics: Vec<Diagnostic>,
}

impl Claims {
    fn claim(&mut self, site: &Site, path: &Path, claimant: Claimant) {
        if let Some(first) = self.by_path.get(path) {
            let (first, second) = (first.origin(site), claimant.origin(site));
            self.diagnostics.push(collision(path, &first, &second));
            return;
        }
        self.by_path.insert(path.to_path_buf(), claimant);
    }

    fn replace(&mut self, path: &Path, claimant: Claimant) {
        self.by_path.insert(path.to_path_buf(), claimant);
    }

    /// The search index's folder is Pagefind's alone (its file names are known only once it
    /// has indexed the pages): any other file there is a collision.
    fn reserve_search_index(&mut self, site: &Site) {
        let index = Origin::Generated(msg!("origin-search-index"));
        let inside = |p: &Path| p.starts_with(urls::SEARCH_INDEX.trim_end_matches('/'));
        let mut inside: Vec<(&PathBuf, &Claimant)> =
            self.by_path.iter().filter(|(p, _)| inside(p)).collect();
        inside.sort_by(|a, b| a.0.cmp(b.0));
        let clashes: Vec<Diagnostic> = inside
            .into_iter()
            .map(|(p, claimant)| collision(p, &claimant.origin(site), &index))
            .collect();
        self.diagnostics.extend(clashes);
    }
}

/// Two outputs on one path: reported on a file that can be renamed (the later one when both
/// are files), naming the other.
fn collision(path: &Path, first: &Origin, second: &Origin) -> Diagnostic {
    let shown = path.display().to_string().replace('\\', "/");
    let (here, other) = match (first, second) {
        (_, Origin::File(p)) => (Some(p), first),
        (Origin::File(p), _) => (Some(p), second),
        _ => (None, first),
    };
    match here {
        Some(p) => Diagnostic::error(
            p.clone(),
            msg!(
                "output-collision-file",
                other = other.describe(),
                path = format!("/{shown}")
            ),
        ),
        None => Diagnostic::error(
            "content",
            msg!(
                "output-collision",
                first = first.describe(),
                second = second.describe(),
                path = format!("/{shown}")
            ),
        ),
    }
    .with_hint(msg!("output-collision-hint"))
}

fn origin_of_page(site: &Site, job: Job) -> Origin {
    match job {
        Job::Release(i) => Origin::File(site.releases[i].source.clone()),
        other => Origin::Generated(msg!(
            "origin-page",
            path = format!("/{}", page_path(site, other))
        )),
    }
}

fn origin_of_extra(site: &Site, e: Extra) -> Origin {
    match e {
        Extra::ReleaseIcs(i) => Origin::Generated(msg!(
            "origin-release-calendar",
            path = &site.releases[i].source
        )),
        other => Origin::Generated(msg!(
            "origin-generated",
            path = format!("/{}", extra_file(site, other).display())
        )),
    }
}

/// Every HTML page of the site, in sitemap order.
fn pages(site: &Site) -> Vec<Job> {
    let per_page = site.config.per_page;
    let pages = |n: usize| n.div_ceil(per_page).max(1);
    let mut jobs = vec![Job::Entry, Job::NotFound];
    jobs.extend((0..site.releases.len()).map(Job::Release));
    for idx in &site.languages {
        let lang = idx.lang;
        jobs.extend((1..=pages(idx.releases.len())).map(|page| Job::Home { lang, page }));
        for kind in TermKind::ALL {
            jobs.push(Job::Terms { lang, kind });
            for (term, t) in idx.terms(kind).iter().enumerate() {
                jobs.extend((1..=pages(t.releases.len())).map(|page| Job::Term {
                    lang,
                    kind,
                    term,
                    page,
                }));
            }
        }
        jobs.push(Job::Archive { lang });
        for (year, y) in idx.years.iter().enumerate() {
            jobs.extend((1..=pages(y.releases.len())).map(|page| Job::Year { lang, year, page }));
        }
        if site.config.search {
            jobs.push(Job::Search { lang });
        }
    }
    jobs
}

/// Calendars, feeds, the sitemap (in parts when `listed` pages are too many) and robots.txt.
fn extras(site: &Site, listed: usize) -> Vec<Extra> {
    let mut extras: Vec<Extra> = (0..site.releases.len()).map(Extra::ReleaseIcs).collect();
    for idx in &site.languages {
        let scopes = std::iter::once(Scope::All).chain(
            TermKind::ALL
                .into_iter()
                .flat_map(|kind| (0..idx.terms(kind).len()).map(move |t| Scope::Term(kind, t))),
        );
        for scope in scopes {
            extras.push(Extra::Calendar(idx.lang, scope));
            extras.push(Extra::Feed(idx.lang, scope));
        }
    }
    let parts = sitemap_parts(listed);
    extras.push(Extra::Sitemap(0));
    if parts > 1 {
        extras.extend((1..=parts).map(Extra::Sitemap));
    }
    extras.push(Extra::Robots);
    extras.extend(Icon::ALL.map(Extra::Icon));
    if site.config.image.is_none() {
        extras.extend(
            site.config
                .languages
                .iter()
                .map(|l| Extra::SharePicture(l.lang)),
        );
    }
    if site.config.editor.is_some() {
        extras.extend([Extra::EditorPage, Extra::EditorConfig]);
    }
    extras
}

/// How many sitemap parts `listed` pages need (1: a single sitemap).
pub fn sitemap_parts(listed: usize) -> usize {
    listed.div_ceil(crate::feeds::SITEMAP_MAX_URLS).max(1)
}

/// A term of a language, with its kind, for a scope.
pub fn scope_term(
    site: &Site,
    lang: Lang,
    scope: Scope,
) -> Option<(TermKind, &crate::model::Term)> {
    match scope {
        Scope::All => None,
        Scope::Term(kind, t) => Some((kind, site.index(lang)?.terms(kind).get(t)?)),
    }
}

/// The site path of a page (`ru/forum/`; empty for the entry page and 404).
pub fn page_path(site: &Site, job: Job) -> String {
    let terms = |lang: Lang, kind| site.index(lang).map_or(&[][..], |i| i.terms(kind));
    match job {
        Job::Entry | Job::NotFound => urls::entry(),
        Job::Release(i) => {
            let r = &site.releases[i];
            urls::release(r.lang, &r.slug)
        }
        Job::Home { lang, page } => urls::paged(&urls::home(lang), page),
        Job::Terms { lang, kind } => urls::terms(lang, kind),
        Job::Term {
            lang,
            kind,
            term,
            page,
        } => {
            let slug = terms(lang, kind).get(term).map_or("", |t| t.slug.as_str());
            urls::paged(&urls::term(lang, kind, slug), page)
        }
        Job::Archive { lang } => urls::archive(lang),
        Job::Search { lang } => urls::search(lang),
        Job::Year { lang, year, page } => {
            let y = site
                .index(lang)
                .and_then(|i| i.years.get(year))
                .map_or(0, |y| y.year);
            urls::paged(&urls::year(lang, y), page)
        }
    }
}

/// The language of a page (none for the entry page and 404).
pub fn lang_of(site: &Site, job: Job) -> Option<Lang> {
    match job {
        Job::Release(i) => site.releases.get(i).map(|r| r.lang),
        Job::Home { lang, .. }
        | Job::Terms { lang, .. }
        | Job::Term { lang, .. }
        | Job::Archive { lang }
        | Job::Search { lang }
        | Job::Year { lang, .. } => Some(lang),
        Job::Entry | Job::NotFound => None,
    }
}

/// The file of a page.
pub fn page_file(site: &Site, job: Job) -> PathBuf {
    match job {
        Job::NotFound => PathBuf::from(urls::NOT_FOUND),
        other => urls::page_file(&page_path(site, other)),
    }
}

/// The site path of a file that is not a page.
pub fn extra_path(site: &Site, e: Extra) -> String {
    let term = |lang, scope| scope_term(site, lang, scope).map(|(k, t)| (k, t.slug.as_str()));
    match e {
        Extra::ReleaseIcs(i) => {
            let r = &site.releases[i];
            urls::event_ics(r.lang, &r.slug)
        }
        Extra::Calendar(lang, scope) => urls::calendar(lang, term(lang, scope)),
        Extra::Feed(lang, scope) => urls::feed(lang, term(lang, scope)),
        Extra::Sitemap(n) => urls::sitemap(n),
        Extra::Robots => urls::ROBOTS.to_string(),
        Extra::EditorPage => urls::EDITOR_PAGE.to_string(),
        Extra::EditorConfig => urls::EDITOR_CONFIG.to_string(),
        Extra::Icon(icon) => urls::icon(icon).to_string(),
        Extra::SharePicture(lang) => urls::share_picture(lang),
    }
}

fn extra_file(site: &Site, e: Extra) -> PathBuf {
    urls::file(&extra_path(site, e))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::Bundle;
    use crate::model::testing::{raw, site};
    use crate::theme::Theme;

    fn static_file(path: &str) -> StaticFile {
        StaticFile {
            path: urls::file(path),
            source: StaticSource::Builtin(b"x"),
            origin: Path::new("static").join(path),
        }
    }

    fn messages(site: &Site, statics: &[StaticFile]) -> Vec<String> {
        plan(site, statics)
            .unwrap_err()
            .iter()
            .map(|d| format!("{}: {}", d.path.display(), d.message).replace('\\', "/"))
            .collect()
    }

    #[test]
    fn every_output_has_one_path_and_the_site_may_replace_theme_files() {
        let site = site(vec![raw("ru", "forum", "2025-06-27", "Текст.\n")]);
        let mut statics = Theme::builtin().unwrap().statics;
        statics.push(static_file("style.css"));
        let plan = plan(&site, &statics).unwrap();
        let mut paths: Vec<PathBuf> = plan.paths().collect();
        let n = paths.len();
        paths.sort();
        paths.dedup();
        assert_eq!(paths.len(), n);
        assert!(paths.contains(&PathBuf::from("ru/forum/index.html")));
        assert!(paths.contains(&PathBuf::from("ru/forum/event.ics")));
        assert!(paths.contains(&PathBuf::from("ru/topics/index.html")));
        assert!(paths.contains(&PathBuf::from("404.html")));
        assert_eq!(plan.len(), n);
    }

    /// `serve` keeps its plan after an edit only when the pages and their paths are the same:
    /// each way a plan stops fitting is tried on its own.
    #[test]
    fn a_plan_fits_an_edited_site_only_with_the_same_pages_at_the_same_paths() {
        use crate::content::Spanned;
        let release = |stem: &str, topics: &[&str], slug: Option<&str>, date: &str| {
            let mut r = raw("ru", stem, date, "Текст.\n");
            let names = topics.iter().map(|t| t.to_string()).collect();
            r.topics = Some(Spanned {
                value: names,
                line: 3,
            });
            r.slug = slug.map(|s| Spanned {
                value: s.to_string(),
                line: 4,
            });
            r
        };
        let with = |topics: &[&str], slug: Option<&str>, date: &str| {
            site(vec![release("a", topics, slug, date)])
        };
        let old = with(&["Экология"], None, "2025-06-27");
        let plan = plan(&old, &[]).unwrap();
        assert!(plan.fits(&old, &old));
        // Another day of the same year, another title: the same pages at the same paths.
        let mut same = with(&["Экология"], None, "2025-01-27");
        same.releases[0].title = "Другое".into();
        assert!(plan.fits(&old, &same));
        // One page more (a second topic), a page at another path (another topic, slug, year).
        assert!(!plan.fits(&old, &with(&["Экология", "Право"], None, "2025-06-27")));
        assert!(!plan.fits(&old, &with(&["Право"], None, "2025-06-27")));
        assert!(!plan.fits(&old, &with(&["Экология"], Some("forum"), "2025-06-27")));
        assert!(!plan.fits(&old, &with(&["Экология"], None, "2024-06-27")));
        // The same topics and files, but one topic's list on more pages, the other's on fewer.
        let paged = |first: &[&str]| {
            let mut site = site(vec![
                release("a", first, None, "2025-06-27"),
                release("b", &["Экология", "Право"], None, "2025-06-28"),
            ]);
            site.config.per_page = 1;
            site
        };
        let old = paged(&["Экология"]);
        let plan = super::plan(&old, &[]).unwrap();
        assert!(plan.fits(&old, &old));
        assert!(!plan.fits(&old, &paged(&["Право"])));
    }

    #[test]
    fn two_outputs_on_one_path_are_an_error_naming_both() {
        let mut bundled = raw("ru", "forum", "2025-06-27", "Текст.\n");
        bundled.path = "content/ru/forum/index.md".into();
        bundled.bundle = Some(Bundle {
            dir: "/nowhere/site/content/ru/forum".into(),
            files: vec!["event.ics".into(), "photo.jpg".into()],
        });
        let site = site(vec![bundled, raw("ru", "other", "2025-06-28", "Текст.\n")]);
        let statics = [
            static_file("ru/other/index.html"),
            static_file("ru/atom.xml"),
        ];
        assert_eq!(
            messages(&site, &statics),
            [
                "static/ru/other/index.html: this file and content/ru/other.md would both be written to /ru/other/index.html",
                "static/ru/atom.xml: this file and the generated file /ru/atom.xml would both be written to /ru/atom.xml",
                "content/ru/forum/event.ics: this file and the calendar file of content/ru/forum/index.md would both be written to /ru/forum/event.ics",
            ]
        );
    }
}
