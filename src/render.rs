//! Render stage: the model -> template views -> pages, rendered in parallel and handed to a
//! [`Sink`].
//!
//! Templates see only the view structs below (documented in README.md, "Templates"), never the
//! model. The default theme (`templates/`, `static/`) is compiled in; a site's own
//! `templates/` and `static/` override it file by file.

use crate::content;
use crate::error::{Diagnostic, Error, Result};
use crate::feeds;
use crate::i18n::{self, Lang, Ui};
use crate::ics;
use crate::markdown;
use crate::model::{self, Release, Site, Term, Year};
use crate::output::Sink;
use crate::registry::Registries;
use crate::urls::{self, TermKind, Urls};
use jiff::Timestamp;
use rayon::prelude::*;
use serde::Serialize;
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};

/// The default theme's templates, compiled in.
const DEFAULT_TEMPLATES: [(&str, &str); 10] = [
    ("archive.html", include_str!("../templates/archive.html")),
    ("base.html", include_str!("../templates/base.html")),
    ("entry.html", include_str!("../templates/entry.html")),
    ("list.html", include_str!("../templates/list.html")),
    ("release.html", include_str!("../templates/release.html")),
    ("terms.html", include_str!("../templates/terms.html")),
    ("404.html", include_str!("../templates/404.html")),
    (
        "partials/item.html",
        include_str!("../templates/partials/item.html"),
    ),
    (
        "partials/pagination.html",
        include_str!("../templates/partials/pagination.html"),
    ),
    (
        "partials/term.html",
        include_str!("../templates/partials/term.html"),
    ),
];

/// The default theme's static files, compiled in.
const DEFAULT_STATIC: [(&str, &[u8]); 2] = [
    ("style.css", include_bytes!("../static/style.css")),
    (DEFAULT_SHARE_IMAGE, include_bytes!("../static/share.png")),
];

/// The built-in picture for share cards (1200×630), under `static/`.
const DEFAULT_SHARE_IMAGE: &str = "share.png";

/// The most events a subscribable calendar holds: every upcoming event and the most recent
/// past ones. Calendar apps refuse or time out on very large subscriptions.
const MAX_CALENDAR_EVENTS: usize = 500;

/// `<lang>/atom.xml`, or `<lang>/<kind>/<slug>/atom.xml`.
fn feed_path(lang: Lang, term: Option<(TermKind, &str)>) -> String {
    match term {
        None => format!("{}atom.xml", urls::home(lang)),
        Some((kind, slug)) => format!("{}atom.xml", urls::term(lang, kind, slug)),
    }
}

/// `<lang>/calendar.ics`, or `<lang>/<kind>/<slug>/calendar.ics`.
fn calendar_path(lang: Lang, term: Option<(TermKind, &str)>) -> String {
    match term {
        None => format!("{}calendar.ics", urls::home(lang)),
        Some((kind, slug)) => format!("{}calendar.ics", urls::term(lang, kind, slug)),
    }
}

/// The loaded templates, and where each came from (for error messages).
pub struct Theme {
    tera: tera::Tera,
    origins: BTreeMap<String, PathBuf>,
}

/// Loads the default templates, then the site's `templates/` over them.
pub fn load_theme(site: &Path) -> std::result::Result<Theme, Vec<Diagnostic>> {
    let mut sources: BTreeMap<String, (String, PathBuf)> = DEFAULT_TEMPLATES
        .iter()
        .map(|(name, text)| {
            let origin = PathBuf::from("(built-in theme)/templates").join(name);
            (name.to_string(), (text.to_string(), origin))
        })
        .collect();
    let dir = site.join("templates");
    let mut diags = Vec::new();
    if dir.is_dir() {
        for entry in walkdir::WalkDir::new(&dir).sort_by_file_name() {
            let entry = match entry {
                Ok(e) => e,
                Err(e) => {
                    diags.push(Diagnostic::error(
                        content::display_path(site, &dir),
                        e.to_string(),
                    ));
                    continue;
                }
            };
            if !entry.file_type().is_file() {
                continue;
            }
            let Ok(rel) = entry.path().strip_prefix(&dir) else {
                continue;
            };
            let name = rel
                .components()
                .map(|c| c.as_os_str().to_string_lossy())
                .collect::<Vec<_>>()
                .join("/");
            if name.starts_with('.') {
                continue;
            }
            match content::read_text(site, entry.path()) {
                Ok(text) => {
                    sources.insert(name, (text, content::display_path(site, entry.path())));
                }
                Err(d) => diags.push(d),
            }
        }
    }
    if !diags.is_empty() {
        return Err(diags);
    }
    let origins: BTreeMap<String, PathBuf> = sources
        .iter()
        .map(|(n, (_, o))| (n.clone(), o.clone()))
        .collect();
    let mut tera = tera::Tera::new();
    tera.add_raw_templates(sources.iter().map(|(n, (t, _))| (n.as_str(), t.as_str())))
        .map_err(|e| vec![template_diagnostic(&e, &origins)])?;
    Ok(Theme { tera, origins })
}

/// A Tera error as a diagnostic pointing at the template file and line.
fn template_diagnostic(err: &tera::Error, origins: &BTreeMap<String, PathBuf>) -> Diagnostic {
    let origin = |name: &str| {
        origins
            .get(name)
            .cloned()
            .unwrap_or_else(|| PathBuf::from("templates").join(name))
    };
    match err.kind() {
        tera::ErrorKind::SyntaxError(r) | tera::ErrorKind::RenderingError(r) => Diagnostic::error(
            origin(r.filename()),
            format!("template error: {}", r.message()),
        )
        .at_line(r.span().start_line)
        .at_column(r.span().start_col + 1)
        .with_hint("fix the template, or delete it to use the built-in one"),
        tera::ErrorKind::MissingParent { current, parent } => Diagnostic::error(
            origin(current),
            format!("template error: it extends \"{parent}\", which does not exist"),
        )
        .with_hint("check the name in {% extends %}"),
        tera::ErrorKind::TemplateNotFound(name) => {
            Diagnostic::error(origin(name), "template error: the template does not exist")
        }
        other => Diagnostic::error("templates", format!("template error: {other}")),
    }
}

/// What the render stage needs besides the site.
#[derive(Debug, Clone)]
pub struct RenderOptions {
    /// The build's time (DTSTAMP of calendars, `updated` of empty feeds).
    pub now: Timestamp,
    /// `serve` only: the live-reload script's address, given to templates as `live_reload`.
    pub live_reload: Option<String>,
    /// Counts rendered files, for a progress display.
    pub progress: Option<std::sync::Arc<Progress>>,
}

/// How far a build is: files done of the total (both 0 until rendering starts).
#[derive(Debug, Default)]
pub struct Progress {
    /// Files rendered so far.
    pub done: AtomicUsize,
    /// Files to render.
    pub total: AtomicUsize,
}

/// What a build rendered.
#[derive(Debug, Clone, Default)]
pub struct Stats {
    /// HTML pages written.
    pub pages: usize,
    /// Calendars, feeds, sitemaps and robots.txt written.
    pub other_files: usize,
    /// Static files copied (bundle files included).
    pub static_files: usize,
    /// Every file written, relative to the output folder (for link checking).
    pub files: BTreeSet<PathBuf>,
}

/// One page to render.
#[derive(Debug, Clone, Copy)]
enum Job {
    Entry,
    NotFound,
    Release(usize),
    Home {
        lang: Lang,
        page: usize,
    },
    Terms {
        lang: Lang,
        kind: TermKind,
    },
    Term {
        lang: Lang,
        kind: TermKind,
        term: usize,
        page: usize,
    },
    Archive {
        lang: Lang,
    },
    Year {
        lang: Lang,
        year: usize,
        page: usize,
    },
}

/// Renders every page, calendar, feed and sitemap, and copies static files into `sink`.
pub fn render_site(
    site: &Site,
    registries: &Registries,
    site_dir: &Path,
    theme: &Theme,
    options: &RenderOptions,
    sink: &dyn Sink,
) -> Result<Stats> {
    let mut r = Renderer::new(site, registries, site_dir, theme, options);
    r.pages = r.plan();
    let extras = r.plan_extras();
    let mut planned: BTreeSet<PathBuf> = r.pages.iter().map(|j| r.file_of(*j)).collect();
    planned.extend(extras.iter().map(|e| r.extra_file(*e)));
    let bundles: Vec<(PathBuf, String)> = site
        .releases
        .iter()
        .filter_map(|r| {
            r.bundle_dir()
                .map(|d| (d.to_path_buf(), urls::release(r.lang, &r.slug)))
        })
        .collect();
    let statics = collect_static(site_dir, &planned, &bundles)?;

    let r = &r;
    let progress = options.progress.as_deref();
    if let Some(p) = progress {
        p.total.store(
            r.pages.len() + extras.len() + statics.len(),
            Ordering::Relaxed,
        );
    }
    let tick = || {
        if let Some(p) = progress {
            p.done.fetch_add(1, Ordering::Relaxed);
        }
    };
    let results: Vec<std::result::Result<(), Error>> = r
        .pages
        .par_iter()
        .map(|job| {
            let html = r.render(*job)?;
            tick();
            sink.put(&r.file_of(*job), html.as_bytes())
        })
        .chain(extras.par_iter().map(|e| {
            tick();
            sink.put(&r.extra_file(*e), r.render_extra(*e).as_bytes())
        }))
        .chain(statics.par_iter().map(|(rel, source)| {
            tick();
            let bytes = match source {
                StaticSource::Builtin(b) => b.to_vec(),
                StaticSource::File(p) => std::fs::read(p).map_err(|e| Error::io(p, e))?,
            };
            sink.put(rel, &bytes)
        }))
        .collect();
    let mut diags = BTreeSet::new();
    for res in results {
        match res {
            Ok(()) => {}
            Err(Error::Content(ds)) => diags.extend(ds.into_iter().map(DiagKey)),
            Err(other) => return Err(other),
        }
    }
    if !diags.is_empty() {
        return Err(Error::Content(diags.into_iter().map(|k| k.0).collect()));
    }
    planned.extend(statics.keys().cloned());
    Ok(Stats {
        pages: r.pages.len(),
        other_files: extras.len(),
        static_files: statics.len(),
        files: planned,
    })
}

/// Renders one release's page (for `serve`, when only that release's text changed).
pub fn render_release_page(
    site: &Site,
    registries: &Registries,
    site_dir: &Path,
    theme: &Theme,
    options: &RenderOptions,
    index: usize,
) -> Result<String> {
    let r = Renderer::new(site, registries, site_dir, theme, options);
    r.render(Job::Release(index))
}

/// A view as a Tera context.
fn context<T: Serialize>(view: &T) -> Result<tera::Context> {
    tera::Context::from_serialize(view).map_err(|e| {
        Error::Content(vec![Diagnostic::error(
            "templates",
            format!("cannot prepare page data: {e}"),
        )])
    })
}

/// Orders and dedupes diagnostics (a template error repeats on every page).
#[derive(PartialEq, Eq)]
struct DiagKey(Diagnostic);

impl PartialOrd for DiagKey {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for DiagKey {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        let k = |d: &Diagnostic| (d.path.clone(), d.line, d.column, d.message.clone());
        k(&self.0).cmp(&k(&other.0))
    }
}

enum StaticSource {
    Builtin(&'static [u8]),
    File(PathBuf),
}

/// The built-in static files, then the site's `static/` over them, then the files beside each
/// bundle's `index.md` (photos, PDFs) next to its page. A file that would replace a generated
/// one is an error.
fn collect_static(
    site_dir: &Path,
    planned: &BTreeSet<PathBuf>,
    bundles: &[(PathBuf, String)],
) -> Result<BTreeMap<PathBuf, StaticSource>> {
    let mut files: BTreeMap<PathBuf, StaticSource> = DEFAULT_STATIC
        .iter()
        .map(|(name, bytes)| (PathBuf::from(name), StaticSource::Builtin(bytes)))
        .collect();
    let mut diags = Vec::new();
    let sources = std::iter::once((site_dir.join("static"), String::new(), "static/")).chain(
        bundles
            .iter()
            .map(|(dir, prefix)| (dir.clone(), prefix.clone(), "the bundle")),
    );
    for (dir, prefix, what) in sources {
        if !dir.is_dir() {
            continue;
        }
        let bundle = !prefix.is_empty();
        for entry in walkdir::WalkDir::new(&dir).sort_by_file_name() {
            let entry = entry.map_err(|e| Error::io(&dir, std::io::Error::other(e.to_string())))?;
            let Ok(rel) = entry.path().strip_prefix(&dir) else {
                continue;
            };
            let hidden = rel
                .components()
                .any(|c| c.as_os_str().to_string_lossy().starts_with('.'));
            let text = entry
                .path()
                .extension()
                .is_some_and(|e| e.eq_ignore_ascii_case("md"));
            if !entry.file_type().is_file() || hidden || (bundle && text) {
                continue;
            }
            let out = Path::new(&prefix).join(rel);
            if planned.contains(&out) || (bundle && files.contains_key(&out)) {
                diags.push(
                    Diagnostic::error(
                        content::display_path(site_dir, entry.path()),
                        format!(
                            "this file would replace the generated file /{}",
                            out.display().to_string().replace('\\', "/")
                        ),
                    )
                    .with_hint(format!("rename or move the file inside {what}")),
                );
                continue;
            }
            files.insert(out, StaticSource::File(entry.into_path()));
        }
    }
    if !diags.is_empty() {
        return Err(Error::Content(diags));
    }
    Ok(files)
}

struct Renderer<'a> {
    site: &'a Site,
    registries: &'a Registries,
    site_dir: &'a Path,
    theme: &'a Theme,
    urls: Urls,
    /// The build's time (DTSTAMP; the updated time of an empty feed).
    now: Timestamp,
    /// `serve` only: the live-reload script's address.
    live_reload: Option<String>,
    /// Every HTML page, in plan order (the sitemap lists them).
    pages: Vec<Job>,
}

/// A file that is not an HTML page.
#[derive(Debug, Clone, Copy)]
enum Extra {
    /// `<lang>/<slug>/event.ics`.
    ReleaseIcs(usize),
    /// `<lang>/calendar.ics`, or a topic's or organizer's.
    Calendar(Lang, Scope),
    /// `<lang>/atom.xml`, or a topic's or organizer's.
    Feed(Lang, Scope),
    /// `sitemap.xml` (0), or part n of a large sitemap, `sitemap-n.xml`.
    Sitemap(usize),
    /// `robots.txt`.
    Robots,
}

/// Which releases a calendar or feed holds.
#[derive(Debug, Clone, Copy)]
enum Scope {
    /// All of a language's.
    All,
    /// One topic's or organizer's (index in the language's terms).
    Term(TermKind, usize),
}

impl<'a> Renderer<'a> {
    fn new(
        site: &'a Site,
        registries: &'a Registries,
        site_dir: &'a Path,
        theme: &'a Theme,
        options: &RenderOptions,
    ) -> Self {
        Renderer {
            site,
            registries,
            site_dir,
            theme,
            urls: Urls::new(&site.config),
            now: options.now,
            live_reload: options.live_reload.clone(),
            pages: Vec::new(),
        }
    }

    fn plan(&self) -> Vec<Job> {
        let per_page = self.site.config.per_page;
        let pages = |n: usize| n.div_ceil(per_page).max(1);
        let mut jobs = vec![Job::Entry, Job::NotFound];
        jobs.extend((0..self.site.releases.len()).map(Job::Release));
        for idx in &self.site.languages {
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
                jobs.extend((1..=pages(y.releases.len())).map(|page| Job::Year {
                    lang,
                    year,
                    page,
                }));
            }
        }
        jobs
    }

    fn terms(&self, lang: Lang, kind: TermKind) -> &[Term] {
        self.site.index(lang).map_or(&[], |idx| idx.terms(kind))
    }

    fn years(&self, lang: Lang) -> &[Year] {
        self.site
            .index(lang)
            .map_or(&[], |idx| idx.years.as_slice())
    }

    /// The site path of a job's page.
    fn path_of(&self, job: Job) -> String {
        match job {
            Job::Entry => urls::entry(),
            Job::NotFound => String::new(),
            Job::Release(i) => {
                let r = &self.site.releases[i];
                urls::release(r.lang, &r.slug)
            }
            Job::Home { lang, page } => urls::paged(&urls::home(lang), page),
            Job::Terms { lang, kind } => urls::terms(lang, kind),
            Job::Term {
                lang,
                kind,
                term,
                page,
            } => urls::paged(
                &urls::term(lang, kind, &self.terms(lang, kind)[term].slug),
                page,
            ),
            Job::Archive { lang } => urls::archive(lang),
            Job::Year { lang, year, page } => {
                urls::paged(&urls::year(lang, self.years(lang)[year].year), page)
            }
        }
    }

    fn file_of(&self, job: Job) -> PathBuf {
        match job {
            Job::NotFound => PathBuf::from("404.html"),
            other => urls::page_file(&self.path_of(other)),
        }
    }

    fn render(&self, job: Job) -> Result<String> {
        let (template, context) = match job {
            Job::Entry => ("entry.html", context(&self.entry_context())?),
            Job::NotFound => ("404.html", context(&self.entry_context())?),
            Job::Release(i) => ("release.html", context(&self.release_context(i)?)?),
            Job::Home { lang, page } => {
                let ids = self
                    .site
                    .index(lang)
                    .map_or(&[][..], |x| x.releases.as_slice());
                let common = self.common(lang, job, self.language_title(lang));
                let list = self.list_context(
                    common,
                    lang,
                    None,
                    None,
                    ids,
                    &urls::home(lang),
                    page,
                    Grouping::Status,
                    Some(self.subscribe(lang, None)),
                );
                ("list.html", context(&list)?)
            }
            Job::Terms { lang, kind } => {
                ("terms.html", context(&self.terms_context(lang, kind, job))?)
            }
            Job::Term {
                lang,
                kind,
                term,
                page,
            } => {
                let t = &self.terms(lang, kind)[term];
                let kicker = match kind {
                    TermKind::Topics => lang.ui().topic,
                    TermKind::Organizers => lang.ui().organizer,
                };
                let common = self.common(lang, job, t.name.clone());
                let base = urls::term(lang, kind, &t.slug);
                let view = self.term_view(lang, kind, t);
                let list = self.list_context(
                    common,
                    lang,
                    Some(kicker),
                    Some(view),
                    &t.releases,
                    &base,
                    page,
                    Grouping::Status,
                    Some(self.subscribe(lang, Some((kind, t.slug.as_str())))),
                );
                ("list.html", context(&list)?)
            }
            Job::Archive { lang } => ("archive.html", context(&self.archive_context(lang, job))?),
            Job::Year { lang, year, page } => {
                let y = &self.years(lang)[year];
                let common = self.common(lang, job, y.year.to_string());
                let base = urls::year(lang, y.year);
                let list = self.list_context(
                    common,
                    lang,
                    Some(lang.ui().archive),
                    None,
                    &y.releases,
                    &base,
                    page,
                    Grouping::Month,
                    None,
                );
                ("list.html", context(&list)?)
            }
        };
        self.theme
            .tera
            .render(template, &context)
            .map_err(|e| Error::Content(vec![template_diagnostic(&e, &self.theme.origins)]))
    }

    fn language_title(&self, lang: Lang) -> String {
        self.site
            .config
            .language(lang)
            .map(|l| l.title.clone())
            .unwrap_or_default()
    }

    /// What every page has: language, UI strings, navigation, language switcher, canonical URL.
    fn common(&self, lang: Lang, job: Job, title: String) -> Common {
        let path = self.path_of(job);
        let counterparts = self.counterparts(job);
        let lc = self.site.config.language(lang);
        let switcher = self
            .site
            .config
            .languages
            .iter()
            .map(|l| {
                let found = counterparts.iter().find(|(cl, _)| *cl == l.lang);
                LanguageLink {
                    code: l.lang.code(),
                    name: l.lang.ui().language_name,
                    href: self
                        .urls
                        .href(&found.map_or_else(|| urls::home(l.lang), |(_, p)| p.clone())),
                    current: l.lang == lang,
                    has_counterpart: l.lang == lang || found.is_some(),
                    no_counterpart_note: l.lang.ui().no_counterpart,
                }
            })
            .collect();
        // hreflang alternates only where the pages really are the same content.
        let mut alternates: Vec<Alternate> = if same_content(job) {
            counterparts
                .iter()
                .map(|(l, p)| Alternate {
                    hreflang: l.code(),
                    href: self.urls.absolute(p),
                })
                .collect()
        } else {
            Vec::new()
        };
        if !alternates.is_empty() {
            alternates.push(Alternate {
                hreflang: lang.code(),
                href: self.urls.absolute(&path),
            });
            alternates.sort_by_key(|a| a.hreflang);
        }
        Common {
            lang: lang.code(),
            ui: lang.ui(),
            site_title: lc.map(|l| l.title.clone()).unwrap_or_default(),
            site_description: lc.map(|l| l.description.clone()).unwrap_or_default(),
            title,
            canonical: self.urls.absolute(&path),
            alternates,
            switcher,
            nav: Nav {
                root: self.urls.href(""),
                home: self.urls.href(&urls::home(lang)),
                topics: self.urls.href(&urls::terms(lang, TermKind::Topics)),
                organizers: self.urls.href(&urls::terms(lang, TermKind::Organizers)),
                archive: self.urls.href(&urls::archive(lang)),
                css: self.urls.href("style.css"),
            },
            description: self.description_of(job, lc.map(|l| l.description.as_str())),
            og: OpenGraph {
                kind: if matches!(job, Job::Release(_)) {
                    "article"
                } else {
                    "website"
                },
                image: self.image_of(job),
                locale: lang.og_locale(),
                locale_alternates: self
                    .site
                    .config
                    .languages
                    .iter()
                    .filter(|l| l.lang != lang)
                    .map(|l| l.lang.og_locale())
                    .collect(),
            },
            feeds: self.feeds_of(lang, job),
            live_reload: self.live_reload.clone(),
        }
    }

    /// A page's description: the release's summary, the registry's description of a topic or
    /// organization, else the site's description.
    fn description_of(&self, job: Job, site: Option<&str>) -> String {
        let own = match job {
            Job::Release(i) => Some(self.site.releases[i].summary.clone()),
            Job::Term {
                lang, kind, term, ..
            } => {
                let t = &self.terms(lang, kind)[term];
                t.entry
                    .and_then(|e| self.registries.of(kind)?.entries.get(e))
                    .and_then(|e| e.description.get(&lang).cloned())
            }
            _ => None,
        };
        own.filter(|d| !d.is_empty())
            .unwrap_or_else(|| site.unwrap_or_default().to_string())
    }

    /// The full address of a page's share picture: the release's image, else the site's.
    fn image_of(&self, job: Job) -> String {
        if let Job::Release(i) = job
            && let Some(img) = &self.site.releases[i].image
        {
            return self.absolute_link(img);
        }
        match &self.site.config.image {
            Some(i) if i.starts_with("http://") || i.starts_with("https://") => i.clone(),
            Some(i) => self.urls.absolute(i),
            None => self.urls.absolute(DEFAULT_SHARE_IMAGE),
        }
    }

    /// A link that is either already absolute or a site path (`/base/img/x.jpg`) -> absolute.
    fn absolute_link(&self, link: &str) -> String {
        if link.starts_with("http://") || link.starts_with("https://") {
            return link.to_string();
        }
        let path = link
            .strip_prefix(self.site.config.base_path())
            .unwrap_or(link);
        self.urls.absolute(path.trim_start_matches('/'))
    }

    /// The feeds a page announces: its language's, and its topic's or organizer's.
    fn feeds_of(&self, lang: Lang, job: Job) -> Vec<FeedLink> {
        let site_title = self.language_title(lang);
        let mut feeds = vec![FeedLink {
            title: site_title.clone(),
            href: self.urls.href(&feed_path(lang, None)),
        }];
        if let Job::Term { kind, term, .. } = job {
            let t = &self.terms(lang, kind)[term];
            feeds.push(FeedLink {
                title: format!("{} — {site_title}", t.name),
                href: self
                    .urls
                    .href(&feed_path(lang, Some((kind, t.slug.as_str())))),
            });
        }
        feeds
    }

    fn subscribe(&self, lang: Lang, term: Option<(TermKind, &str)>) -> Subscribe {
        Subscribe {
            calendar: self.urls.href(&calendar_path(lang, term)),
            feed: self.urls.href(&feed_path(lang, term)),
        }
    }

    /// The same page in the site's other languages, where it exists. Later pages of a list lead
    /// to the first page of the same list.
    fn counterparts(&self, job: Job) -> Vec<(Lang, String)> {
        let lang_of = |job: Job| match job {
            Job::Release(i) => self.site.releases[i].lang,
            Job::Home { lang, .. }
            | Job::Terms { lang, .. }
            | Job::Term { lang, .. }
            | Job::Archive { lang }
            | Job::Year { lang, .. } => lang,
            Job::Entry | Job::NotFound => self.site.config.default_language,
        };
        let this = lang_of(job);
        let others = self
            .site
            .languages
            .iter()
            .map(|i| i.lang)
            .filter(|l| *l != this);
        match job {
            Job::Entry | Job::NotFound => Vec::new(),
            Job::Release(i) => self.site.releases[i]
                .translations
                .iter()
                .map(|&t| {
                    let r = &self.site.releases[t];
                    (r.lang, urls::release(r.lang, &r.slug))
                })
                .collect(),
            Job::Home { .. } => others.map(|l| (l, urls::home(l))).collect(),
            Job::Terms { kind, .. } => others.map(|l| (l, urls::terms(l, kind))).collect(),
            Job::Archive { .. } => others.map(|l| (l, urls::archive(l))).collect(),
            Job::Term {
                lang, kind, term, ..
            } => {
                let t = &self.terms(lang, kind)[term];
                if t.entry.is_none() {
                    return Vec::new();
                }
                others
                    .filter(|l| {
                        self.terms(*l, kind)
                            .iter()
                            .any(|o| o.slug == t.slug && o.entry.is_some())
                    })
                    .map(|l| (l, urls::term(l, kind, &t.slug)))
                    .collect()
            }
            Job::Year { lang, year, .. } => {
                let y = self.years(lang)[year].year;
                others
                    .filter(|l| self.years(*l).iter().any(|o| o.year == y))
                    .map(|l| (l, urls::year(l, y)))
                    .collect()
            }
        }
    }

    fn entry_context(&self) -> EntryContext {
        let languages = self
            .site
            .config
            .languages
            .iter()
            .map(|l| EntryLanguage {
                code: l.lang.code(),
                name: l.lang.ui().language_name,
                title: l.title.clone(),
                description: l.description.clone(),
                href: self.urls.href(&urls::home(l.lang)),
                url: self.urls.absolute(&urls::home(l.lang)),
                ui: l.lang.ui(),
            })
            .collect();
        let default = self.site.config.default_language;
        EntryContext {
            live_reload: self.live_reload.clone(),
            lang: default.code(),
            ui: default.ui(),
            title: self.language_title(default),
            canonical: self.urls.absolute(""),
            css: self.urls.href("style.css"),
            languages,
        }
    }

    fn release_context(&self, i: usize) -> Result<ReleaseContext> {
        let r = &self.site.releases[i];
        let text = content::read_text(self.site_dir, &r.abs_source)
            .map_err(|d| Error::Content(vec![d]))?;
        let body_html = markdown::to_html(content::body_at(&text, r.body_offset));
        let translations = r
            .translations
            .iter()
            .map(|&t| {
                let o = &self.site.releases[t];
                TranslationLink {
                    lang: o.lang.code(),
                    label: o.lang.ui().read_in_other_language,
                    title: o.title.clone(),
                    href: self.urls.href(&urls::release(o.lang, &o.slug)),
                }
            })
            .collect();
        let term_links = |terms: &[crate::model::TermRef], kind| {
            terms
                .iter()
                .map(|t| Link {
                    name: t.name.clone(),
                    href: self.urls.href(&urls::term(r.lang, kind, &t.slug)),
                })
                .collect()
        };
        Ok(ReleaseContext {
            common: self.common(r.lang, Job::Release(i), r.title.clone()),
            release: ReleaseView {
                item: self.item(i),
                organizers: term_links(&r.organizers, TermKind::Organizers),
                topics: term_links(&r.topics, TermKind::Topics),
                contacts: r.contacts.iter().map(contact_view).collect(),
                image: r.image.clone(),
                body_html,
                translations,
                related: r.related.iter().map(|&j| self.item(j)).collect(),
                ics: self
                    .urls
                    .href(&format!("{}event.ics", urls::release(r.lang, &r.slug))),
                google_calendar: self.google_calendar(i),
                json_ld: self.json_ld(i),
            },
        })
    }

    fn item(&self, i: usize) -> Item {
        let r: &Release = &self.site.releases[i];
        Item {
            title: r.title.clone(),
            href: self.urls.href(&urls::release(r.lang, &r.slug)),
            when: i18n::format_event(r.lang, r.start, r.start_timed, r.end),
            start_iso: i18n::iso_datetime(r.start, r.start_timed),
            month: i18n::format_month_heading(r.lang, r.start.date()),
            summary: r.summary.clone(),
            location: r.location.as_ref().map(|l| l.one_line()),
            organizers: r.organizers.iter().map(|o| o.name.clone()).collect(),
            upcoming: r.upcoming,
            draft: r.draft,
        }
    }

    /// What a registry says about a topic or organization, for its page.
    fn term_view(&self, lang: Lang, kind: TermKind, t: &Term) -> TermInfo {
        let entry = t
            .entry
            .and_then(|e| self.registries.of(kind).and_then(|r| r.entries.get(e)));
        let pick = |m: &BTreeMap<Lang, String>| m.get(&lang).cloned();
        TermInfo {
            kind: kind.folder(),
            registered: entry.is_some(),
            short: entry.and_then(|e| pick(&e.short)),
            description: entry.and_then(|e| pick(&e.description)),
            website: entry.and_then(|e| e.website.clone()),
            logo: entry
                .and_then(|e| e.logo.as_ref())
                .map(|l| self.urls.href(l)),
            contacts: entry
                .map(|e| {
                    e.contacts
                        .iter()
                        .filter_map(|c| model::contact_from_raw(&self.site.config, c))
                        .map(|c| contact_view(&c))
                        .collect()
                })
                .unwrap_or_default(),
        }
    }

    #[allow(clippy::too_many_arguments)]
    fn list_context(
        &self,
        common: Common,
        lang: Lang,
        kicker: Option<&'static str>,
        term: Option<TermInfo>,
        ids: &[usize],
        base: &str,
        page: usize,
        grouping: Grouping,
        subscribe: Option<Subscribe>,
    ) -> ListContext {
        let per_page = self.site.config.per_page;
        let total = ids.len().div_ceil(per_page).max(1);
        let slice = ids.iter().skip((page - 1) * per_page).take(per_page);
        let mut sections: Vec<Section> = Vec::new();
        for &i in slice {
            let item = self.item(i);
            let heading = match grouping {
                Grouping::Status if item.upcoming => lang.ui().upcoming.to_string(),
                Grouping::Status => lang.ui().past.to_string(),
                Grouping::Month => item.month.clone(),
            };
            match sections.last_mut() {
                Some(s) if s.heading == heading => s.items.push(item),
                _ => sections.push(Section {
                    heading,
                    upcoming: item.upcoming && grouping == Grouping::Status,
                    items: vec![item],
                }),
            }
        }
        ListContext {
            common,
            kicker,
            subscribe,
            term,
            count: i18n::count_events(lang, ids.len()),
            sections,
            pagination: self.pagination(base, page, total),
        }
    }

    fn pagination(&self, base: &str, page: usize, total: usize) -> Pagination {
        let href = |n: usize| self.urls.href(&urls::paged(base, n));
        // First, last and two either side of the current page: never a link per page.
        let mut shown: BTreeSet<usize> = [1, total].into_iter().collect();
        shown.extend(page.saturating_sub(2).max(1)..=(page + 2).min(total));
        let mut links = Vec::new();
        let mut last = 0;
        for n in shown {
            if n > last + 1 {
                links.push(PageLink {
                    number: None,
                    href: None,
                    current: false,
                });
            }
            links.push(PageLink {
                number: Some(n),
                href: Some(href(n)),
                current: n == page,
            });
            last = n;
        }
        Pagination {
            current: page,
            total,
            previous: (page > 1).then(|| href(page - 1)),
            next: (page < total).then(|| href(page + 1)),
            links: if total > 1 { links } else { Vec::new() },
        }
    }

    fn terms_context(&self, lang: Lang, kind: TermKind, job: Job) -> TermsContext {
        let heading = match kind {
            TermKind::Topics => lang.ui().topics,
            TermKind::Organizers => lang.ui().organizers,
        };
        TermsContext {
            common: self.common(lang, job, heading.to_string()),
            kind: kind.folder(),
            terms: self
                .terms(lang, kind)
                .iter()
                .filter(|t| !t.releases.is_empty())
                .map(|t| TermView {
                    name: t.name.clone(),
                    href: self.urls.href(&urls::term(lang, kind, &t.slug)),
                    count: t.releases.len(),
                    count_text: i18n::count_events(lang, t.releases.len()),
                })
                .collect(),
        }
    }

    fn archive_context(&self, lang: Lang, job: Job) -> ArchiveContext {
        ArchiveContext {
            common: self.common(lang, job, lang.ui().archive.to_string()),
            years: self
                .years(lang)
                .iter()
                .map(|y| YearView {
                    year: y.year,
                    href: self.urls.href(&urls::year(lang, y.year)),
                    count: y.releases.len(),
                    count_text: i18n::count_events(lang, y.releases.len()),
                })
                .collect(),
        }
    }
}

/// Calendars, feeds, the sitemap and robots.txt.
impl Renderer<'_> {
    fn plan_extras(&self) -> Vec<Extra> {
        let mut extras: Vec<Extra> = (0..self.site.releases.len())
            .map(Extra::ReleaseIcs)
            .collect();
        for idx in &self.site.languages {
            for scope in std::iter::once(Scope::All).chain(
                TermKind::ALL
                    .into_iter()
                    .flat_map(|kind| (0..idx.terms(kind).len()).map(move |t| Scope::Term(kind, t))),
            ) {
                extras.push(Extra::Calendar(idx.lang, scope));
                extras.push(Extra::Feed(idx.lang, scope));
            }
        }
        let urls = self
            .pages
            .iter()
            .filter(|j| !matches!(j, Job::NotFound))
            .count();
        let parts = urls.div_ceil(feeds::SITEMAP_MAX_URLS);
        extras.push(Extra::Sitemap(0));
        if parts > 1 {
            extras.extend((1..=parts).map(Extra::Sitemap));
        }
        extras.push(Extra::Robots);
        extras
    }

    fn scope_term(&self, lang: Lang, scope: Scope) -> Option<(TermKind, &Term)> {
        match scope {
            Scope::All => None,
            Scope::Term(kind, t) => Some((kind, &self.terms(lang, kind)[t])),
        }
    }

    fn extra_file(&self, e: Extra) -> PathBuf {
        let path = match e {
            Extra::ReleaseIcs(i) => {
                let r = &self.site.releases[i];
                format!("{}event.ics", urls::release(r.lang, &r.slug))
            }
            Extra::Calendar(lang, scope) => calendar_path(
                lang,
                self.scope_term(lang, scope)
                    .map(|(k, t)| (k, t.slug.as_str())),
            ),
            Extra::Feed(lang, scope) => feed_path(
                lang,
                self.scope_term(lang, scope)
                    .map(|(k, t)| (k, t.slug.as_str())),
            ),
            Extra::Sitemap(0) => "sitemap.xml".to_string(),
            Extra::Sitemap(n) => format!("sitemap-{n}.xml"),
            Extra::Robots => "robots.txt".to_string(),
        };
        PathBuf::from(path)
    }

    fn render_extra(&self, e: Extra) -> String {
        let tz = &self.site.config.timezone;
        match e {
            Extra::ReleaseIcs(i) => {
                let r = &self.site.releases[i];
                ics::calendar(&r.title, &[self.event(i)], tz, self.now)
            }
            Extra::Calendar(lang, scope) => {
                let (name, ids) = self.scope_name_and_ids(lang, scope);
                // List order is upcoming (soonest first), then past (newest first): a large
                // calendar keeps what subscribers need and stays small enough to subscribe to.
                let events: Vec<ics::Event> = ids
                    .iter()
                    .take(MAX_CALENDAR_EVENTS)
                    .map(|&i| self.event(i))
                    .collect();
                ics::calendar(&name, &events, tz, self.now)
            }
            Extra::Feed(lang, scope) => self.feed(lang, scope),
            Extra::Sitemap(n) => self.sitemap(n),
            Extra::Robots => feeds::robots(&self.urls.absolute("sitemap.xml")),
        }
    }

    /// A calendar's or feed's name and releases (list order).
    fn scope_name_and_ids(&self, lang: Lang, scope: Scope) -> (String, &[usize]) {
        let site_title = self.language_title(lang);
        match self.scope_term(lang, scope) {
            None => (
                site_title,
                self.site
                    .index(lang)
                    .map_or(&[][..], |i| i.releases.as_slice()),
            ),
            Some((_, t)) => (format!("{} — {site_title}", t.name), t.releases.as_slice()),
        }
    }

    /// The UID shared by the translations of one event: its first language's address.
    fn event_uid(&self, i: usize) -> String {
        let r = &self.site.releases[i];
        let first = std::iter::once(i)
            .chain(r.translations.iter().copied())
            .map(|j| &self.site.releases[j])
            .min_by(|a, b| (a.lang, &a.slug).cmp(&(b.lang, &b.slug)))
            .unwrap_or(r);
        let host = self
            .site
            .config
            .base_url
            .split("://")
            .nth(1)
            .and_then(|rest| rest.split(['/', ':']).next())
            .unwrap_or("jarya");
        format!("{}-{}@{host}", first.slug, first.lang)
    }

    fn event(&self, i: usize) -> ics::Event {
        let r = &self.site.releases[i];
        let url = self.urls.absolute(&urls::release(r.lang, &r.slug));
        ics::Event {
            uid: self.event_uid(i),
            start: (r.start, r.start_timed),
            end: r.end,
            summary: r.title.clone(),
            description: if r.summary.is_empty() {
                url.clone()
            } else {
                format!("{}\n\n{url}", r.summary)
            },
            location: r.location.as_ref().map(|l| l.one_line()),
            url,
            organizer: r
                .contacts
                .iter()
                .find_map(|c| c.email.as_ref().map(|e| (c.name.clone(), e.clone()))),
            categories: r.topics.iter().map(|t| t.name.clone()).collect(),
        }
    }

    fn feed(&self, lang: Lang, scope: Scope) -> String {
        let (title, ids) = self.scope_name_and_ids(lang, scope);
        let term = self
            .scope_term(lang, scope)
            .map(|(k, t)| (k, t.slug.as_str()));
        let page = match term {
            None => urls::home(lang),
            Some((kind, slug)) => urls::term(lang, kind, slug),
        };
        // The latest `per_page` by start, newest first.
        let mut latest: Vec<usize> = ids.to_vec();
        latest.sort_by(|&a, &b| {
            let (x, y) = (&self.site.releases[a], &self.site.releases[b]);
            (y.start, &x.slug).cmp(&(x.start, &y.slug))
        });
        latest.truncate(self.site.config.per_page);
        let entries: Vec<feeds::Entry> = latest
            .iter()
            .map(|&i| {
                let r = &self.site.releases[i];
                feeds::Entry {
                    title: r.title.clone(),
                    url: self.urls.absolute(&urls::release(r.lang, &r.slug)),
                    updated: self.rfc3339(r.start),
                    summary: r.summary.clone(),
                    authors: r.organizers.iter().map(|o| o.name.clone()).collect(),
                    categories: r
                        .topics
                        .iter()
                        .map(|t| (t.slug.clone(), t.name.clone()))
                        .collect(),
                }
            })
            .collect();
        let self_url = self.urls.absolute(&feed_path(lang, term));
        let page_url = self.urls.absolute(&page);
        let subtitle = self
            .site
            .config
            .language(lang)
            .map(|l| l.description.clone())
            .unwrap_or_default();
        let fallback = self.now.to_string();
        feeds::atom(
            &feeds::Feed {
                lang: lang.code(),
                title: &title,
                subtitle: &subtitle,
                self_url: &self_url,
                page_url: &page_url,
                fallback_updated: &fallback,
            },
            &entries,
        )
    }

    /// A local time in the site's zone as RFC 3339 with its offset: `2025-06-27T10:00:00+06:00`.
    fn rfc3339(&self, dt: jiff::civil::DateTime) -> String {
        match self
            .site
            .config
            .timezone
            .to_ambiguous_zoned_datetime(dt)
            .compatible()
        {
            Ok(z) => z.strftime("%Y-%m-%dT%H:%M:%S%:z").to_string(),
            Err(_) => format!("{}T{}Z", dt.date(), dt.time()),
        }
    }

    /// `sitemap.xml` (a sitemap, or an index of parts for large sites) or part `n`.
    fn sitemap(&self, n: usize) -> String {
        let pages: Vec<Job> = self
            .pages
            .iter()
            .copied()
            .filter(|j| !matches!(j, Job::NotFound))
            .collect();
        let parts = pages.len().div_ceil(feeds::SITEMAP_MAX_URLS);
        if n == 0 && parts > 1 {
            let names: Vec<String> = (1..=parts)
                .map(|k| self.urls.absolute(&format!("sitemap-{k}.xml")))
                .collect();
            return feeds::sitemap_index(&names);
        }
        let chunk = if n == 0 {
            &pages[..]
        } else {
            let start = (n - 1) * feeds::SITEMAP_MAX_URLS;
            &pages[start..(start + feeds::SITEMAP_MAX_URLS).min(pages.len())]
        };
        let urls: Vec<feeds::SitemapUrl> = chunk
            .iter()
            .map(|&job| {
                let path = self.path_of(job);
                let mut alternates: Vec<(String, String)> = if same_content(job) {
                    self.counterparts(job)
                        .into_iter()
                        .map(|(l, p)| (l.code().to_string(), self.urls.absolute(&p)))
                        .collect()
                } else {
                    Vec::new()
                };
                if !alternates.is_empty() {
                    if let Some(lang) = self.lang_of(job) {
                        alternates.push((lang.code().to_string(), self.urls.absolute(&path)));
                    }
                    alternates.sort();
                }
                feeds::SitemapUrl {
                    loc: self.urls.absolute(&path),
                    alternates,
                }
            })
            .collect();
        feeds::sitemap(&urls)
    }

    /// The language of a page (none for the entry page).
    fn lang_of(&self, job: Job) -> Option<Lang> {
        match job {
            Job::Release(i) => Some(self.site.releases[i].lang),
            Job::Home { lang, .. }
            | Job::Terms { lang, .. }
            | Job::Term { lang, .. }
            | Job::Archive { lang }
            | Job::Year { lang, .. } => Some(lang),
            Job::Entry | Job::NotFound => None,
        }
    }

    /// "Add to Google Calendar" for a release.
    fn google_calendar(&self, i: usize) -> String {
        let r = &self.site.releases[i];
        let tz = &self.site.config.timezone;
        let (start, timed) = (r.start, r.start_timed);
        let dates = if !timed && r.end.is_none_or(|(_, t)| !t) {
            let last = r.end.map_or(start.date(), |(e, _)| e.date());
            format!(
                "{}/{}",
                compact_date(start.date()),
                compact_date(ics::next_day(last))
            )
        } else {
            let end = match r.end {
                Some((e, true)) => e,
                Some((e, false)) => {
                    ics::next_day(e.date()).to_datetime(jiff::civil::Time::midnight())
                }
                None => start,
            };
            format!(
                "{}/{}",
                ics::local_to_utc(start, tz),
                ics::local_to_utc(end, tz)
            )
        };
        let url = self.urls.absolute(&urls::release(r.lang, &r.slug));
        let details = if r.summary.is_empty() {
            url
        } else {
            format!("{}\n\n{url}", r.summary)
        };
        let mut link = format!(
            "https://calendar.google.com/calendar/render?action=TEMPLATE&text={}&dates={}&details={}",
            urls::percent_encode(&r.title),
            dates,
            urls::percent_encode(&details)
        );
        if let Some(loc) = &r.location {
            link.push_str("&location=");
            link.push_str(&urls::percent_encode(&loc.one_line()));
        }
        if let Some(name) = tz.iana_name() {
            link.push_str("&ctz=");
            link.push_str(&urls::percent_encode(name));
        }
        link
    }

    /// schema.org `Event` JSON-LD for a release, safe inside `<script>`.
    fn json_ld(&self, i: usize) -> String {
        let r = &self.site.releases[i];
        let date_or_time = |dt: jiff::civil::DateTime, timed: bool| {
            if timed {
                self.rfc3339(dt)
            } else {
                dt.date().to_string()
            }
        };
        let organizers: Vec<serde_json::Value> = r
            .organizers
            .iter()
            .map(|o| {
                let website = o.entry.and_then(|e| {
                    self.registries
                        .organizations
                        .as_ref()?
                        .entries
                        .get(e)?
                        .website
                        .clone()
                });
                let mut org = serde_json::json!({"@type": "Organization", "name": o.name});
                if let Some(w) = website {
                    org["url"] = serde_json::Value::String(w);
                }
                org
            })
            .collect();
        let mut event = serde_json::json!({
            "@context": "https://schema.org",
            "@type": "Event",
            "name": r.title,
            "startDate": date_or_time(r.start, r.start_timed),
            "eventStatus": "https://schema.org/EventScheduled",
            "description": r.summary,
            "inLanguage": r.lang.code(),
            "url": self.urls.absolute(&urls::release(r.lang, &r.slug)),
            "image": [self.image_of(Job::Release(i))],
            "organizer": organizers,
        });
        if let Some((end, timed)) = r.end {
            event["endDate"] = serde_json::Value::String(date_or_time(end, timed));
        }
        if let Some(loc) = &r.location {
            let mut address = serde_json::json!({"@type": "PostalAddress"});
            match (&loc.address, &loc.city) {
                (None, None) => address["streetAddress"] = loc.one_line().into(),
                (street, city) => {
                    if let Some(s) = street {
                        address["streetAddress"] = s.clone().into();
                    }
                    if let Some(c) = city {
                        address["addressLocality"] = c.clone().into();
                    }
                }
            }
            event["location"] = serde_json::json!({
                "@type": "Place",
                "name": loc.name.clone().unwrap_or_else(|| loc.one_line()),
                "address": address,
            });
            event["eventAttendanceMode"] = "https://schema.org/OfflineEventAttendanceMode".into();
        }
        // `<` never appears raw, so the text cannot close the script element.
        event
            .to_string()
            .replace('<', "\\u003c")
            .replace('>', "\\u003e")
            .replace('&', "\\u0026")
    }
}

/// Whether a page and its counterparts are the same content (not later pages of lists).
fn same_content(job: Job) -> bool {
    !matches!(job, Job::Home { page, .. } | Job::Term { page, .. } | Job::Year { page, .. } if page > 1)
}

/// `20250627`.
fn compact_date(d: jiff::civil::Date) -> String {
    format!("{:04}{:02}{:02}", d.year(), d.month(), d.day())
}

/// How a list page groups its releases under headings.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Grouping {
    /// "Upcoming events" / "Past events".
    Status,
    /// One heading per month ("июнь 2025").
    Month,
}

fn contact_view(c: &model::Contact) -> ContactView {
    ContactView {
        name: c.name.clone(),
        role: c.role.clone(),
        email: c.email.clone(),
        phone: c.phone.as_ref().map(|p| p.display.clone()),
        tel: c.phone.as_ref().map(|p| format!("tel:{}", p.tel)),
        url: c.url.clone(),
    }
}

// ----- Views: what templates see. Field names are the theme's API (README.md, "Templates"). -----

/// Fields every language page has, flattened into its context.
#[derive(Serialize)]
struct Common {
    /// `ru` or `ky`: for `<html lang>`.
    lang: &'static str,
    /// UI strings of the page's language.
    ui: &'static Ui,
    /// The site's name in this language.
    site_title: String,
    /// The site's description in this language.
    site_description: String,
    /// The page's own title.
    title: String,
    /// Full address of this page.
    canonical: String,
    /// This page in every language (empty when it has no translation): for hreflang links.
    alternates: Vec<Alternate>,
    /// One link per site language: the same page there, or that language's home.
    switcher: Vec<LanguageLink>,
    /// Navigation links.
    nav: Nav,
    /// The page's description (meta description and share cards).
    description: String,
    /// Open Graph / Twitter card data.
    og: OpenGraph,
    /// Atom feeds of this page: the language's, and the topic's or organizer's.
    feeds: Vec<FeedLink>,
    /// `serve` only: the live-reload script's address (never set in `build` output).
    live_reload: Option<String>,
}

#[derive(Serialize)]
struct OpenGraph {
    /// `article` for releases, `website` otherwise.
    kind: &'static str,
    /// Full address of the share picture.
    image: String,
    /// `ru_RU` / `ky_KG`.
    locale: &'static str,
    /// The other languages' locales.
    locale_alternates: Vec<&'static str>,
}

#[derive(Serialize)]
struct FeedLink {
    title: String,
    href: String,
}

/// Links to subscribe to a list.
#[derive(Serialize)]
struct Subscribe {
    calendar: String,
    feed: String,
}

#[derive(Serialize)]
struct Alternate {
    hreflang: &'static str,
    href: String,
}

#[derive(Serialize)]
struct LanguageLink {
    code: &'static str,
    name: &'static str,
    href: String,
    current: bool,
    /// False when the link goes to the home page because this page has no counterpart.
    has_counterpart: bool,
    /// Shown beside such a link, in its language: "котормосу жок — башкы бет".
    no_counterpart_note: &'static str,
}

#[derive(Serialize)]
struct Nav {
    root: String,
    home: String,
    topics: String,
    organizers: String,
    archive: String,
    css: String,
}

#[derive(Serialize)]
struct Link {
    name: String,
    href: String,
}

/// A release in a list (and the head of a release page).
#[derive(Serialize)]
struct Item {
    title: String,
    href: String,
    /// "27 июня 2025 г., 10:00".
    when: String,
    /// For `<time datetime>`: `2025-06-27` or `2025-06-27T10:00`.
    start_iso: String,
    /// "июнь 2025".
    month: String,
    summary: String,
    location: Option<String>,
    organizers: Vec<String>,
    upcoming: bool,
    draft: bool,
}

#[derive(Serialize)]
struct Section {
    heading: String,
    upcoming: bool,
    items: Vec<Item>,
}

#[derive(Serialize)]
struct PageLink {
    /// None for a gap ("…").
    number: Option<usize>,
    href: Option<String>,
    current: bool,
}

#[derive(Serialize)]
struct Pagination {
    current: usize,
    total: usize,
    previous: Option<String>,
    next: Option<String>,
    links: Vec<PageLink>,
}

#[derive(Serialize)]
struct ListContext {
    #[serde(flatten)]
    common: Common,
    /// "Тема" / "Организатор" / "Архив" above the title; none on home pages.
    kicker: Option<&'static str>,
    /// On topic and organizer pages: what the registry says.
    term: Option<TermInfo>,
    /// Calendar and feed of this list (home, topic and organizer pages).
    subscribe: Option<Subscribe>,
    /// "5 мероприятий".
    count: String,
    sections: Vec<Section>,
    pagination: Pagination,
}

#[derive(Serialize)]
struct ContactView {
    name: String,
    role: Option<String>,
    email: Option<String>,
    phone: Option<String>,
    /// `tel:+996312911010`.
    tel: Option<String>,
    url: Option<String>,
}

#[derive(Serialize)]
struct TranslationLink {
    lang: &'static str,
    /// "Кыргызча окуу", in the translation's language.
    label: &'static str,
    title: String,
    href: String,
}

#[derive(Serialize)]
struct ReleaseView {
    #[serde(flatten)]
    item: Item,
    organizers: Vec<Link>,
    topics: Vec<Link>,
    contacts: Vec<ContactView>,
    image: Option<String>,
    /// The body as HTML (render with `| safe`).
    body_html: String,
    translations: Vec<TranslationLink>,
    /// Up to five related releases of the same language.
    related: Vec<Item>,
    /// The release's `event.ics`.
    ics: String,
    /// "Add to Google Calendar" address.
    google_calendar: String,
    /// schema.org Event as JSON-LD (render with `| safe` inside
    /// `<script type="application/ld+json">`).
    json_ld: String,
}

#[derive(Serialize)]
struct ReleaseContext {
    #[serde(flatten)]
    common: Common,
    release: ReleaseView,
}

#[derive(Serialize)]
struct TermView {
    name: String,
    href: String,
    count: usize,
    count_text: String,
}

#[derive(Serialize)]
struct TermsContext {
    #[serde(flatten)]
    common: Common,
    /// `topics` or `organizers`.
    kind: &'static str,
    terms: Vec<TermView>,
}

/// A topic's or organization's registry data (all empty for unregistered names).
#[derive(Serialize)]
struct TermInfo {
    /// `topics` or `organizers`.
    kind: &'static str,
    registered: bool,
    short: Option<String>,
    description: Option<String>,
    website: Option<String>,
    /// Link to the logo under static/.
    logo: Option<String>,
    contacts: Vec<ContactView>,
}

#[derive(Serialize)]
struct YearView {
    year: i16,
    href: String,
    count: usize,
    count_text: String,
}

#[derive(Serialize)]
struct ArchiveContext {
    #[serde(flatten)]
    common: Common,
    years: Vec<YearView>,
}

#[derive(Serialize)]
struct EntryLanguage {
    code: &'static str,
    name: &'static str,
    title: String,
    description: String,
    href: String,
    /// Full address of the language's home page.
    url: String,
    ui: &'static Ui,
}

#[derive(Serialize)]
struct EntryContext {
    /// `serve` only: the live-reload script's address.
    live_reload: Option<String>,
    lang: &'static str,
    ui: &'static Ui,
    title: String,
    canonical: String,
    css: String,
    languages: Vec<EntryLanguage>,
}
