//! Render stage (pure): the site, the theme and the plan -> the bytes of every planned page,
//! calendar, feed and sitemap, handed to a [`Sink`] in parallel. Touches no file: the model
//! holds every body and registry entry; static files are copied by the output stage.
//!
//! Templates see only the view structs of [`views`] (documented in README.md, "Templates"),
//! never the model. Rooms: [`page`] (what every page has; release pages), [`lists`] (home,
//! topic, organization and year lists; term and year indexes), [`structured`] (JSON-LD,
//! calendar events and links), [`extras`] (feeds, calendars, sitemap, robots.txt).

mod brand;
mod edit;
mod editor;
mod extras;
mod lists;
mod page;
mod structured;
mod views;

pub use edit::Edit;

use crate::error::{Diagnostic, Error, Result};
use crate::i18n::Lang;
use crate::model::Site;
use crate::output::Sink;
use crate::plan::{Job, Plan};
use crate::theme::{Theme, template_diagnostic};
use crate::urls::Urls;
use jiff::Timestamp;
use rayon::prelude::*;
use serde::Serialize;
use std::collections::BTreeSet;
use std::sync::atomic::{AtomicUsize, Ordering};

/// The most events a subscribable calendar holds: every upcoming event and the most recent
/// past ones. Calendar apps refuse or time out on very large subscriptions.
const MAX_CALENDAR_EVENTS: usize = 500;

/// What the render stage needs besides the site.
#[derive(Debug, Clone)]
pub struct RenderOptions {
    /// The build's time (DTSTAMP of calendars, `updated` of empty feeds).
    pub now: Timestamp,
    /// `serve` only: the live-reload script's address, given to templates as `live_reload`.
    pub live_reload: Option<String>,
    /// Counts rendered files, for a progress display.
    pub progress: Option<std::sync::Arc<Progress>>,
    /// Reads a body the model keeps as its place in the file: the load stage's
    /// [`crate::content::body::read_back`] (render itself reads no file).
    pub read_body: crate::content::body::Reader,
}

/// How far a build is: files done of the total (both 0 until rendering starts).
#[derive(Debug, Default)]
pub struct Progress {
    /// Files rendered so far.
    pub done: AtomicUsize,
    /// Files to render.
    pub total: AtomicUsize,
}

/// Renders every page and generated file of `plan` into `sink` (static files are the output
/// stage's). Every template error is collected, each once.
pub fn render_site(
    site: &Site,
    theme: &Theme,
    plan: &Plan,
    options: &RenderOptions,
    sink: &dyn Sink,
) -> Result<()> {
    render_edited(site, theme, plan, options, sink, None)
}

/// Renders into `sink` the files of `plan` that `edit` may have changed (every file without
/// an edit).
pub fn render_edited(
    site: &Site,
    theme: &Theme,
    plan: &Plan,
    options: &RenderOptions,
    sink: &dyn Sink,
    edit: Option<&Edit>,
) -> Result<()> {
    let r = Renderer::new(site, theme, options, plan)?;
    let progress = options.progress.as_deref();
    let tick = || {
        if let Some(p) = progress {
            p.done.fetch_add(1, Ordering::Relaxed);
        }
    };
    let results: Vec<Result<()>> = plan
        .pages
        .par_iter()
        .filter(|(job, _)| edit.is_none_or(|e| e.shows_page(site, *job)))
        .map(|(job, path)| {
            let html = r.render(*job)?;
            tick();
            sink.put(path, &html)
        })
        .chain(
            plan.extras
                .par_iter()
                .filter(|(e, _)| edit.is_none_or(|x| x.shows_extra(site, *e)))
                .map(|(e, path)| {
                    let bytes = r.render_extra(*e)?;
                    tick();
                    sink.put(path, &bytes)
                }),
        )
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
    Ok(())
}

/// Renders one release's page (for `serve`, when only that release's text changed) in the plan
/// of the last build.
pub fn render_release_page(
    site: &Site,
    theme: &Theme,
    options: &RenderOptions,
    plan: &Plan,
    index: usize,
) -> Result<Vec<u8>> {
    Renderer::new(site, theme, options, plan)?.render(Job::Release(index))
}

/// A view as a Tera context.
fn context<T: Serialize>(view: &T) -> Result<tera::Context> {
    tera::Context::from_serialize(view).map_err(page_data_failed)
}

/// A view as a Tera value.
fn value<T: Serialize>(view: &T) -> Result<tera::Value> {
    tera::Value::try_from_serializable(view).map_err(page_data_failed)
}

fn page_data_failed(e: tera::Error) -> Error {
    Error::Content(vec![Diagnostic::error(
        "templates",
        crate::msg!("page-data-failed", detail = e.to_string()),
    )])
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

/// Everything a page needs, borrowed.
struct Renderer<'a> {
    site: &'a Site,
    theme: &'a Theme,
    urls: Urls,
    /// The build's time (the updated time of an empty feed).
    now: Timestamp,
    /// The build's time as an event's DTSTAMP, formatted once.
    dtstamp: String,
    /// `serve` only: the live-reload script's address.
    live_reload: Option<String>,
    /// The plan (the sitemap lists its pages).
    plan: &'a Plan,
    /// Reads a body kept as its place in the file.
    read_body: crate::content::body::Reader,
    /// The site's HTML policy, built once.
    cleaner: crate::sanitize::Cleaner,
    /// Per language (in `Lang::ALL`'s order): what every page of it shows the same, made into
    /// Tera values once; a page's context shares them instead of building them again.
    fixed: Vec<Fixed>,
}

/// A language's UI strings and the site's brand in it, as Tera values.
struct Fixed {
    ui: tera::Value,
    brand: tera::Value,
}

impl<'a> Renderer<'a> {
    fn new(
        site: &'a Site,
        theme: &'a Theme,
        options: &RenderOptions,
        plan: &'a Plan,
    ) -> Result<Self> {
        let mut r = Renderer {
            site,
            theme,
            urls: Urls::new(&site.config),
            now: options.now,
            dtstamp: crate::ics::utc(options.now),
            live_reload: options.live_reload.clone(),
            read_body: options.read_body,
            cleaner: crate::sanitize::Cleaner::new(&site.config.html),
            plan,
            fixed: Vec::new(),
        };
        r.fixed = Lang::ALL
            .iter()
            .map(|&lang| {
                Ok(Fixed {
                    ui: value(lang.ui())?,
                    brand: value(&r.brand_view(lang))?,
                })
            })
            .collect::<Result<_>>()?;
        Ok(r)
    }

    /// `lang`'s UI strings and brand, as Tera values.
    fn fixed(&self, lang: Lang) -> &Fixed {
        &self.fixed[Lang::ALL.iter().position(|&l| l == lang).unwrap_or(0)]
    }

    /// One page's HTML (bytes: Tera writes UTF-8, and the sink takes bytes).
    fn render(&self, job: Job) -> Result<Vec<u8>> {
        let (template, context) = match job {
            Job::Entry => ("entry.html", context(&self.entry_context())?),
            Job::NotFound => ("404.html", context(&self.entry_context())?),
            Job::Release(i) => ("release.html", context(&self.release_context(i)?)?),
            Job::Home { .. } | Job::Term { .. } | Job::Year { .. } => {
                ("list.html", context(&self.list_context(job))?)
            }
            Job::Terms { lang, kind } => {
                ("terms.html", context(&self.terms_context(lang, kind, job))?)
            }
            Job::Archive { lang } => ("archive.html", context(&self.archive_context(lang, job))?),
            Job::Search { lang } => ("search.html", context(&self.search_context(lang, job))?),
        };
        let mut html = Vec::with_capacity(32 * 1024);
        self.theme
            .tera
            .render_to(template, &context, &mut html)
            .map_err(|e| Error::Content(vec![template_diagnostic(&e, &self.theme.origins)]))?;
        Ok(html)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::testing::{raw, site};
    use std::path::Path;

    use crate::output::Memory;

    #[test]
    fn pages_render_from_the_model_alone() {
        // The releases' files do not exist: every body comes from the model.
        let site = site(vec![
            raw(
                "ru",
                "forum",
                "2025-06-27 10:00",
                "Первый абзац с [программой](../ky/forum.md#programma).\n\n## Итоги\n",
            ),
            raw("ky", "forum", "2025-06-27 10:00", "Биринчи абзац.\n"),
        ]);
        let theme = Theme::builtin().unwrap();
        let plan = crate::plan::plan(&site, &theme.statics).unwrap();
        let options = RenderOptions {
            now: Timestamp::from_second(1_749_988_800).unwrap(),
            live_reload: None,
            progress: None,
            read_body: crate::content::body::read_back,
        };
        let sink = Memory::default();
        render_site(&site, &theme, &plan, &options, &sink).unwrap();
        let files = sink.0.into_inner().unwrap();
        assert_eq!(files.len(), plan.pages.len() + plan.extras.len());
        let page = |p: &str| {
            let (_, bytes) = files.iter().find(|(f, _)| f == Path::new(p)).unwrap();
            String::from_utf8(bytes.clone()).unwrap()
        };
        let ru = page("ru/forum/index.html");
        assert!(ru.contains("<h2>Итоги</h2>"), "{ru}");
        // The link to the other release's file leads to its page.
        assert!(
            ru.contains(r#"<a href="/ky/forum/#programma">программой</a>"#),
            "{ru}"
        );
        assert!(page("ky/forum/index.html").contains("Биринчи абзац."));
        assert!(page("ru/forum/event.ics").contains("DTSTART:20250627T040000Z"));
    }
}
