//! Render stage: the model -> template views -> pages, rendered in parallel and handed to a
//! [`Sink`].
//!
//! Templates see only the view structs below (documented in README.md, "Templates"), never the
//! model. The default theme (`templates/`, `static/`) is compiled in; a site's own
//! `templates/` and `static/` override it file by file.

use crate::content;
use crate::error::{Diagnostic, Error, Result};
use crate::i18n::{self, Lang, Ui};
use crate::markdown;
use crate::model::{self, Release, Site, Term, Year};
use crate::output::Sink;
use crate::registry::Registries;
use crate::urls::{self, TermKind, Urls};
use rayon::prelude::*;
use serde::Serialize;
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

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
const DEFAULT_STATIC: [(&str, &[u8]); 1] = [("style.css", include_bytes!("../static/style.css"))];

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

/// What a build rendered.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Stats {
    /// HTML pages written.
    pub pages: usize,
    /// Static files copied.
    pub static_files: usize,
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

/// Renders every page and copies static files into `sink`.
pub fn render_site(
    site: &Site,
    registries: &Registries,
    site_dir: &Path,
    theme: &Theme,
    sink: &dyn Sink,
) -> Result<Stats> {
    let r = Renderer {
        site,
        registries,
        site_dir,
        theme,
        urls: Urls::new(&site.config),
    };
    let jobs = r.plan();
    let page_files: BTreeSet<PathBuf> = jobs.iter().map(|j| r.file_of(*j)).collect();
    let statics = collect_static(site_dir, &page_files)?;

    let results: Vec<std::result::Result<(), Error>> = jobs
        .par_iter()
        .map(|job| {
            let html = r.render(*job)?;
            sink.put(&r.file_of(*job), html.as_bytes())
        })
        .chain(statics.par_iter().map(|(rel, source)| {
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
    Ok(Stats {
        pages: jobs.len(),
        static_files: statics.len(),
    })
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

/// The built-in static files, then the site's `static/` over them. A static file that would
/// replace a generated page is an error.
fn collect_static(
    site_dir: &Path,
    page_files: &BTreeSet<PathBuf>,
) -> Result<BTreeMap<PathBuf, StaticSource>> {
    let mut files: BTreeMap<PathBuf, StaticSource> = DEFAULT_STATIC
        .iter()
        .map(|(name, bytes)| (PathBuf::from(name), StaticSource::Builtin(bytes)))
        .collect();
    let dir = site_dir.join("static");
    let mut diags = Vec::new();
    if dir.is_dir() {
        for entry in walkdir::WalkDir::new(&dir).sort_by_file_name() {
            let entry = entry.map_err(|e| Error::io(&dir, std::io::Error::other(e.to_string())))?;
            if !entry.file_type().is_file() {
                continue;
            }
            let Ok(rel) = entry.path().strip_prefix(&dir) else {
                continue;
            };
            if page_files.contains(rel) {
                diags.push(
                    Diagnostic::error(
                        content::display_path(site_dir, entry.path()),
                        format!(
                            "this file would replace the generated page /{}",
                            rel.display()
                        ),
                    )
                    .with_hint("rename or move the file inside static/"),
                );
                continue;
            }
            files.insert(rel.to_path_buf(), StaticSource::File(entry.into_path()));
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
}

impl Renderer<'_> {
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
        let same_content = !matches!(job, Job::Home { page, .. } | Job::Term { page, .. } | Job::Year { page, .. } if page > 1);
        let mut alternates: Vec<Alternate> = if same_content {
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
    lang: &'static str,
    ui: &'static Ui,
    title: String,
    canonical: String,
    css: String,
    languages: Vec<EntryLanguage>,
}
