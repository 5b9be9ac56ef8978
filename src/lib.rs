//! # jarya
//!
//! A static site generator for bilingual (Russian/Kyrgyz) civic-event press releases.
//!
//! The pipeline, one module per stage:
//!
//! 1. Load: [`config`] (`content/site.yaml`), [`content`] (every release, front matter as
//!    written and its body), [`registry`] (`topics.yaml`, `organizations.yaml`), [`theme`]
//!    (templates and static files)
//! 2. [`model`] (pure): config + raw releases + registries + today -> [`model::Site`]
//! 3. [`plan`] (pure): the site -> every output path, collisions reported
//! 4. [`render`] (pure): site + theme + plan -> the bytes of each page, handed to a sink
//! 5. [`output`]: a staging folder swapped in only when everything worked
//!
//! ARCHITECTURE.md at the repository's root maps the modules.
//!
//! Every content problem is a [`error::Diagnostic`] with a file, a line and a hint; a build
//! collects them all and writes nothing if any is an error.

pub mod cli;
pub mod config;
pub mod content;
pub mod error;
pub mod escape;
pub mod feeds;
pub mod graphics;
pub mod i18n;
pub mod ics;
pub mod images;
pub mod import;
pub mod init;
pub mod links;
pub mod markdown;
pub mod model;
pub mod new;
pub mod output;
pub mod plan;
pub mod registry;
pub mod render;
pub mod report;
pub mod sanitize;
pub mod search;
pub mod serve;
pub mod session;
pub mod theme;
pub mod uptodate;
pub mod urls;

use error::{Diagnostic, Error, Result};
use i18n::Lang;
pub use session::Session;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

/// What to build, and how.
#[derive(Debug, Clone)]
pub struct BuildOptions {
    /// The site folder (holds `content/`, maybe `templates/` and `static/`).
    pub site: PathBuf,
    /// Where to write; default `<site>/public`.
    pub out: Option<PathBuf>,
    /// Replaces `base_url` from `site.yaml`.
    pub base_url: Option<String>,
    /// Include releases marked `draft: true`.
    pub drafts: bool,
    /// Make the search pages and index even when `site.yaml` does not ask for them.
    pub search: bool,
    /// The day to build for; default: `SOURCE_DATE_EPOCH`, else the clock.
    pub today: Option<jiff::civil::Date>,
    /// `serve` only: the address of the live-reload script pages load. `None` in builds.
    pub live_reload: Option<String>,
    /// Counts rendered files, for a progress display.
    pub progress: Option<std::sync::Arc<render::Progress>>,
}

impl BuildOptions {
    /// Options for the site in `site`, everything else by default.
    pub fn new(site: impl Into<PathBuf>) -> Self {
        BuildOptions {
            site: site.into(),
            out: None,
            base_url: None,
            drafts: false,
            search: false,
            today: None,
            live_reload: None,
            progress: None,
        }
    }
}

/// What a successful build or check did.
#[derive(Debug, Clone)]
pub struct Report {
    /// HTML pages rendered.
    pub pages: usize,
    /// Calendars, feeds, sitemaps and robots.txt.
    pub other_files: usize,
    /// Static files copied.
    pub static_files: usize,
    /// Releases per language.
    pub releases: Vec<(Lang, usize)>,
    /// Problems that did not stop the build.
    pub warnings: Vec<Diagnostic>,
    /// Where the site was written (None for `check`).
    pub out: Option<PathBuf>,
    /// How long it took.
    pub elapsed: Duration,
    /// Each release file (relative to the site) and the site path of its page.
    pub pages_by_source: Vec<(PathBuf, String)>,
    /// Nothing changed since the last build into the same folder: nothing was done.
    pub unchanged: bool,
    /// The fingerprint of the output folder as this build left it (`uptodate::Prints`), when
    /// it wrote one and every file's print was taken.
    pub written: Option<u64>,
}

/// A folder as a writer recognizes it: the whole path (`.` says nothing to someone who did not
/// type it).
pub(crate) fn shown_folder(dir: &Path) -> String {
    std::path::absolute(dir)
        .map(|p| p.components().collect::<PathBuf>())
        .unwrap_or_else(|_| dir.to_path_buf())
        .display()
        .to_string()
}

/// Builds the site into its output folder; on any error the folder is left as it was.
pub fn build(opts: &BuildOptions) -> Result<Report> {
    let started = Instant::now();
    let out = opts.out.clone().unwrap_or_else(|| opts.site.join("public"));
    check_output_folder(&opts.site, &out)?;
    let git = content::git::first_commits(&opts.site);
    let inputs = uptodate::inputs(opts, &out, &git.0);
    if let Some(report) = inputs.and_then(|i| uptodate::unchanged(opts, &out, i, started)) {
        return Ok(report);
    }
    let (report, _) = run_session(opts, Some(out.clone()), false, git)?;
    uptodate::save(opts, &out, inputs, &report);
    Ok(report)
}

/// Runs every step of a build without writing anything, and checks the links inside release
/// bodies and `image:` fields.
pub fn check(opts: &BuildOptions) -> Result<Report> {
    run(opts, None)
}

/// Builds into `out` without the checks that protect a site's own folders (for `serve`, which
/// builds into a temporary folder).
pub fn build_into(opts: &BuildOptions, out: &Path) -> Result<Report> {
    run(opts, Some(out.to_path_buf()))
}

fn run(opts: &BuildOptions, out: Option<PathBuf>) -> Result<Report> {
    let git = content::git::first_commits(&opts.site);
    run_session(opts, out, false, git).map(|(report, _)| report)
}

/// Builds into `out` (like [`build_into`]) and keeps what `serve` needs to re-render one page.
pub fn build_session(opts: &BuildOptions, out: &Path) -> Result<(Report, Session)> {
    let git = content::git::first_commits(&opts.site);
    run_session(opts, Some(out.to_path_buf()), true, git)
}

fn run_session(
    opts: &BuildOptions,
    out: Option<PathBuf>,
    keep: bool,
    git: GitDates,
) -> Result<(Report, Session)> {
    let started = Instant::now();
    let site_dir = &opts.site;
    if !site_dir.join("content").is_dir() {
        return Err(Error::Usage(msg!(
            "not-a-site",
            path = shown_folder(site_dir)
        )));
    }
    let (site, theme, now, mut diags, mut kept) = load_and_model(opts, keep, git)?;
    if out.is_some() && diags.iter().any(Diagnostic::is_error) {
        return Err(content_error(diags));
    }
    let mut plan = plan::plan(&site, &theme.statics).map_err(|mut ds| {
        ds.extend(diags.iter().cloned());
        content_error(ds)
    })?;
    let (pictures, picture_errors) = images::inspect(&site, &plan, &Default::default());
    diags.extend(picture_errors);
    if out.is_some() && diags.iter().any(Diagnostic::is_error) {
        return Err(content_error(diags));
    }
    plan.add_pictures(pictures).map_err(|mut ds| {
        ds.extend(diags.iter().cloned());
        content_error(ds)
    })?;
    let render_options = render::RenderOptions {
        now,
        live_reload: opts.live_reload.clone(),
        progress: opts.progress.clone(),
        read_body: content::body::read_back,
    };
    if let Some(p) = &opts.progress {
        p.total
            .store(plan.len(), std::sync::atomic::Ordering::Relaxed);
    }
    // A build writes into a staging folder swapped in at the end; a check renders the same
    // plan without writing, then checks the links against it.
    let staging = out.as_deref().map(output::Staging::new).transpose()?;
    let sink: &dyn output::Sink = match &staging {
        Some(s) => s,
        None => &output::Discard,
    };
    // Search (a build only; `check` does not index): the release pages are kept on their way
    // to the sink, then indexed; the index goes into the staging folder before the swap.
    if let Some(staging) = staging.as_ref().filter(|_| site.config.search) {
        let collect = search::Collect::new(&site, sink);
        render::render_site(&site, &theme, &plan, &render_options, &collect)?;
        let scratch = staging.scratch()?;
        for (path, bytes) in search::index(
            &site,
            collect.into_pages(),
            scratch.path(),
            content::body::read_back,
        )? {
            sink.put(&path, &bytes)?;
        }
    } else if let Some(kept) = kept.as_mut() {
        // For `serve`: the hash of every rendered file, to write only what an edit changes.
        let hashing = session::Hashing {
            inner: sink,
            written: Default::default(),
        };
        render::render_site(&site, &theme, &plan, &render_options, &hashing)?;
        kept.written = hashing
            .written
            .into_inner()
            .unwrap_or_else(|e| e.into_inner());
    } else {
        render::render_site(&site, &theme, &plan, &render_options, sink).map_err(|e| match e {
            // `check` renders a site with files in error left out: what they had is kept.
            Error::Content(mut ds) => {
                ds.extend(diags.iter().cloned());
                content_error(ds)
            }
            e => e,
        })?;
    }
    let tick = || {
        if let Some(p) = &opts.progress {
            p.done.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        }
    };
    output::copy_statics(&plan, sink, &tick)?;
    if staging.is_some() {
        // `check` does not encode pictures: their sizes are known, their bytes are not needed.
        let cache = site_dir.join(images::CACHE);
        output::write_pictures(&plan, Some(&cache), sink, &tick)?;
    }
    let written = staging.as_ref().and_then(output::Staging::written);
    match staging {
        Some(staging) => {
            if let Some(warning) = staging.commit()? {
                diags.push(Diagnostic::warning(
                    out.clone().unwrap_or_default(),
                    warning,
                ));
            }
        }
        None => {
            diags.extend(links::check(&site, plan.paths()));
            if diags.iter().any(Diagnostic::is_error) {
                return Err(content_error(diags));
            }
        }
    }
    error::sort_diagnostics(&mut diags);
    let report = Report {
        written,
        ..report(&site, &plan, diags, out, started)
    };
    let session = Session {
        site,
        theme,
        options: render_options,
        site_dir: site_dir.clone(),
        plan,
        kept,
    };
    Ok((report, session))
}

/// What a build did, for the summary line and `serve`.
fn report(
    site: &model::Site,
    plan: &plan::Plan,
    warnings: Vec<Diagnostic>,
    out: Option<PathBuf>,
    started: Instant,
) -> Report {
    Report {
        pages: plan.pages.len(),
        other_files: plan.extras.len(),
        static_files: plan.statics.len(),
        releases: site
            .languages
            .iter()
            .map(|l| (l.lang, l.releases.len()))
            .collect(),
        warnings,
        out,
        elapsed: started.elapsed(),
        pages_by_source: site
            .releases
            .iter()
            .map(|r| (r.source.clone(), urls::release(r.lang, &r.slug)))
            .collect(),
        unchanged: false,
        written: None,
    }
}

/// The load stage and the model: every problem of config, releases, registries and templates
/// is collected before anything stops. `git` is [`content::git::first_commits`], asked once.
/// With `keep` (for `serve`), the model's inputs are kept too (without search, whose index is
/// made from every page at once).
fn load_and_model(opts: &BuildOptions, keep: bool, git: GitDates) -> Result<Loaded> {
    let site_dir = &opts.site;
    model::phone::load_metadata_early();
    let now = now()?;
    let config = config::load(site_dir, opts.base_url.as_deref());
    let (first_commits, git_warning) = git;
    // Each file is checked as soon as it is read; without a config only its problems count.
    let (checked, mut diags) = match &config {
        Ok(c) => {
            let today = today(opts, c, now);
            content::load_releases(site_dir, &first_commits, |raw| {
                model::check_one(c, raw, today)
            })
        }
        Err(_) => {
            let (_, diags) = content::load_releases(site_dir, &first_commits, drop);
            (Vec::new(), diags)
        }
    };
    model::phone::forget_readings();
    diags.extend(git_warning);
    let languages: Vec<Lang> = match &config {
        Ok(c) => c.languages.iter().map(|l| l.lang).collect(),
        Err(_) => Lang::ALL.to_vec(),
    };
    let (registries, registry_diags) = registry::load(site_dir, &languages);
    // A registry in error may hold what no page can be made of (a key that is no path).
    let registries_whole = !registry_diags.iter().any(Diagnostic::is_error);
    diags.extend(registry_diags);
    let (mut config, theme) = match (config, theme::load(site_dir)) {
        (Ok(c), Ok(t)) => (c, t),
        (c, t) => {
            diags.extend(c.err().unwrap_or_default());
            diags.extend(t.err().unwrap_or_default());
            return Err(content_error(diags));
        }
    };
    if opts.search && !cfg!(feature = "search") {
        return Err(Error::Usage(msg!("search-not-built")));
    }
    config.search |= opts.search;
    let today = today(opts, &config, now);
    let mut kept = (keep && !config.search).then(|| session::Kept {
        config: config.clone(),
        checked: checked.clone(),
        registries: registries.clone(),
        today,
        today_from_clock: opts.today.is_none(),
        drafts: opts.drafts,
        first_commits,
        written: Default::default(),
        warnings: Vec::new(),
    });
    match model::assemble(config, checked, &registries, today, opts.drafts, None) {
        Ok((mut site, model)) => {
            // Every file was read (none is left out for a YAML error, say).
            let whole = !diags.iter().any(Diagnostic::is_error);
            site.left_out |= !whole;
            if let Some(kept) = kept.as_mut() {
                kept.warnings.clone_from(&model);
            }
            // Files in error are left out of the model, but what it found in the others (a
            // misspelt topic, a name with a comma) is reported now, not after a second run;
            // so are, by `check`, their broken links (a build stops before writing).
            diags.extend(
                model
                    .into_iter()
                    .filter(|d| whole || !model::leads_to_left_out(d)),
            );
            match registries_whole {
                true => Ok((site, theme, now, diags, kept)),
                false => Err(content_error(diags)),
            }
        }
        Err(more) => {
            diags.extend(more);
            Err(content_error(diags))
        }
    }
}

/// When each release file was first committed, and a warning about the history.
type GitDates = (content::git::FirstCommits, Option<Diagnostic>);

/// The build's "today": `--today`, else the day it is at `now` in the site's time zone.
fn today(opts: &BuildOptions, config: &config::Config, now: jiff::Timestamp) -> jiff::civil::Date {
    opts.today
        .unwrap_or_else(|| config.timezone.to_datetime(now).date())
}

/// The model, the theme, the build's time, every diagnostic so far and, for `serve`, the
/// model's inputs.
type Loaded = (
    model::Site,
    theme::Theme,
    jiff::Timestamp,
    Vec<Diagnostic>,
    Option<session::Kept>,
);

fn content_error(mut diags: Vec<Diagnostic>) -> Error {
    error::sort_diagnostics(&mut diags);
    Error::Content(diags)
}

/// The build's time: `SOURCE_DATE_EPOCH` (seconds) when set, else the clock. It decides
/// "today" (upcoming or past) and is the DTSTAMP of calendars.
pub fn now() -> Result<jiff::Timestamp> {
    match std::env::var("SOURCE_DATE_EPOCH") {
        Ok(v) => v
            .trim()
            .parse::<i64>()
            .ok()
            .and_then(|s| jiff::Timestamp::from_second(s).ok())
            .ok_or_else(|| Error::Usage(msg!("source-date-epoch-invalid", found = v.as_str()))),
        Err(_) => Ok(jiff::Timestamp::now()),
    }
}

/// Refuses output folders whose replacement would destroy the site itself (or a folder that
/// holds it: `--out public/../..` is the site's parent, whatever it is spelled like).
fn check_output_folder(site: &Path, out: &Path) -> Result<()> {
    let (site_abs, out_abs) = (resolved(site), resolved(out));
    let inputs = ["content", "templates", "static"].map(|d| site_abs.join(d));
    if site_abs.starts_with(&out_abs) || inputs.iter().any(|i| out_abs.starts_with(i)) {
        return Err(Error::Usage(msg!("out-inside-site", path = out)));
    }
    Ok(())
}

/// `p` as an absolute path without `.` or `..`: its longest existing part with symlinks
/// resolved, then the rest as written (a `..` past a folder that does not exist yet is taken
/// lexically).
fn resolved(p: &Path) -> PathBuf {
    let abs = std::path::absolute(p).unwrap_or_else(|_| p.to_path_buf());
    let mut rest = Vec::new();
    let mut existing = abs.as_path();
    loop {
        if let Ok(real) = existing.canonicalize() {
            let full = rest.iter().rev().fold(real, |acc, part| acc.join(part));
            return model::normalize(&full);
        }
        match (existing.parent(), existing.file_name()) {
            (Some(parent), Some(name)) => {
                rest.push(name);
                existing = parent;
            }
            _ => return model::normalize(&abs),
        }
    }
}
