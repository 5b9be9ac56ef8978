//! # jarya
//!
//! A static site generator for bilingual (Russian/Kyrgyz) civic-event press releases.
//!
//! The pipeline, one module per stage:
//!
//! 1. [`config`]: `content/site.yaml` -> [`config::Config`]
//! 2. [`content`]: every `content/**/*.md` -> [`content::RawRelease`] (front matter as written);
//!    [`registry`]: `content/topics.yaml`, `content/organizations.yaml` -> registries
//! 3. [`model`] (pure): config + raw releases + today -> [`model::Site`]
//! 4. [`render`]: site + templates -> pages, handed to an [`output::Sink`]
//! 5. [`output`]: a staging folder swapped in only when everything worked
//!
//! Every content problem is a [`error::Diagnostic`] with a file, a line and a hint; a build
//! collects them all and writes nothing if any is an error.

pub mod cli;
pub mod config;
pub mod content;
pub mod error;
pub mod feeds;
pub mod i18n;
pub mod ics;
pub mod links;
pub mod markdown;
pub mod model;
pub mod new;
pub mod output;
pub mod registry;
pub mod render;
pub mod report;
pub mod serve;
pub mod urls;

use error::{Diagnostic, Error, Result};
use i18n::Lang;
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
}

/// Builds the site into its output folder; on any error the folder is left as it was.
pub fn build(opts: &BuildOptions) -> Result<Report> {
    let out = opts.out.clone().unwrap_or_else(|| opts.site.join("public"));
    check_output_folder(&opts.site, &out)?;
    run(opts, Some(out))
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
    run_session(opts, out).map(|(report, _)| report)
}

/// What a build keeps for `serve`, so that a change to a release's text alone re-renders only
/// that release's page.
pub struct Session {
    site: model::Site,
    registries: registry::Registries,
    theme: render::Theme,
    options: render::RenderOptions,
    site_dir: PathBuf,
}

impl Session {
    /// Renders again the page of the release in `source` (relative to the site folder) into
    /// `out`; `Ok(false)` when no release comes from that file.
    pub fn rerender_release(&self, source: &Path, out: &Path) -> Result<bool> {
        let Some(i) = self.site.releases.iter().position(|r| r.source == source) else {
            return Ok(false);
        };
        let r = &self.site.releases[i];
        let html = render::render_release_page(
            &self.site,
            &self.registries,
            &self.site_dir,
            &self.theme,
            &self.options,
            i,
        )?;
        let path = out.join(urls::page_file(&urls::release(r.lang, &r.slug)));
        std::fs::write(&path, html).map_err(|e| Error::io(&path, e))?;
        Ok(true)
    }

    /// The release files of the site, relative to the site folder.
    pub fn sources(&self) -> impl Iterator<Item = &Path> {
        self.site.releases.iter().map(|r| r.source.as_path())
    }
}

/// Builds into `out` (like [`build_into`]) and keeps what `serve` needs to re-render one page.
pub fn build_session(opts: &BuildOptions, out: &Path) -> Result<(Report, Session)> {
    run_session(opts, Some(out.to_path_buf()))
}

fn run_session(opts: &BuildOptions, out: Option<PathBuf>) -> Result<(Report, Session)> {
    let started = Instant::now();
    let site_dir = &opts.site;
    if !site_dir.join("content").is_dir() {
        return Err(Error::Usage(format!(
            "{} has no content/ folder: is this a jarya site? Use --site to point at one",
            display(site_dir)
        )));
    }
    // Config, releases and templates are loaded together so every problem is reported at once.
    let config = config::load(site_dir, opts.base_url.as_deref());
    let (raws, mut diags) = content::load_releases(site_dir);
    let languages: Vec<Lang> = match &config {
        Ok(c) => c.languages.iter().map(|l| l.lang).collect(),
        Err(_) => Lang::ALL.to_vec(),
    };
    let (registries, registry_diags) = registry::load(site_dir, &languages);
    diags.extend(registry_diags);
    let theme = render::load_theme(site_dir);
    let (config, theme) = match (config, theme) {
        (Ok(c), Ok(t)) => (c, t),
        (c, t) => {
            diags.extend(c.err().unwrap_or_default());
            diags.extend(t.err().unwrap_or_default());
            return Err(content_error(diags));
        }
    };
    let now = now()?;
    let today = match opts.today {
        Some(d) => d,
        None => config.timezone.to_datetime(now).date(),
    };
    let (site, warnings) = match model::build(config, raws, &registries, today, opts.drafts) {
        Ok((site, warnings)) if !diags.iter().any(Diagnostic::is_error) => (site, warnings),
        Ok(_) => return Err(content_error(diags)),
        Err(more) => {
            diags.extend(more);
            return Err(content_error(diags));
        }
    };
    diags.extend(warnings);

    let render_options = render::RenderOptions {
        now,
        live_reload: opts.live_reload.clone(),
        progress: opts.progress.clone(),
    };
    // A build writes into a staging folder swapped in at the end; a check writes nothing and
    // then checks the links against what would have been written.
    let staging = out.as_deref().map(output::Staging::new).transpose()?;
    let sink: &dyn output::Sink = match &staging {
        Some(s) => s,
        None => &output::Discard,
    };
    let stats = render::render_site(&site, &registries, site_dir, &theme, &render_options, sink)?;
    match staging {
        Some(staging) => staging.commit()?,
        None => {
            diags.extend(links::check(&site, site_dir, &stats.files));
            if diags.iter().any(Diagnostic::is_error) {
                return Err(content_error(diags));
            }
        }
    }
    error::sort_diagnostics(&mut diags);
    let report = Report {
        pages: stats.pages,
        other_files: stats.other_files,
        static_files: stats.static_files,
        releases: site
            .languages
            .iter()
            .map(|l| (l.lang, l.releases.len()))
            .collect(),
        warnings: diags,
        out,
        elapsed: started.elapsed(),
        pages_by_source: site
            .releases
            .iter()
            .map(|r| (r.source.clone(), urls::release(r.lang, &r.slug)))
            .collect(),
    };
    let session = Session {
        site,
        registries,
        theme,
        options: render_options,
        site_dir: site_dir.clone(),
    };
    Ok((report, session))
}

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
            .ok_or_else(|| {
                Error::Usage(format!(
                    "SOURCE_DATE_EPOCH must be a number of seconds since 1970, found \"{v}\""
                ))
            }),
        Err(_) => Ok(jiff::Timestamp::now()),
    }
}

/// Refuses output folders whose replacement would destroy the site itself.
fn check_output_folder(site: &Path, out: &Path) -> Result<()> {
    let abs = |p: &Path| std::path::absolute(p).unwrap_or_else(|_| p.to_path_buf());
    let (site_abs, out_abs) = (abs(site), abs(out));
    let inputs = ["content", "templates", "static"].map(|d| site_abs.join(d));
    if site_abs.starts_with(&out_abs) || inputs.iter().any(|i| out_abs.starts_with(i)) {
        return Err(Error::Usage(format!(
            "the output folder {} would hold or replace the site's own files; choose another --out",
            display(out)
        )));
    }
    Ok(())
}

fn display(p: &Path) -> String {
    p.display().to_string()
}
