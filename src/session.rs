//! What a build keeps for `serve` ([`Session`]), so that an edit is shown without a full build:
//! a change to a release's text alone re-renders its page from the model; a change to its
//! topics or organizers gathers the terms again and relates the releases around it again, in
//! the model as it is; any other change to its front matter puts the model together again from
//! the checked releases kept in memory (only the saved files are read and checked). Then the
//! files that show a changed release ([`render::Edit`]) are rendered, and only those whose
//! bytes changed are written. Anything that would add, remove or move a file is left to a
//! full build.

use crate::error::{Diagnostic, Error, Result};
use crate::{content, images, model, output, plan, render, theme, urls};
use content::body::hash;
use rustc_hash::FxHashMap;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

/// What a build keeps for `serve`.
pub struct Session {
    pub(crate) site: model::Site,
    pub(crate) theme: theme::Theme,
    pub(crate) options: render::RenderOptions,
    pub(crate) site_dir: PathBuf,
    /// The plan of the output (with the resized pictures) of the last build or refresh.
    pub(crate) plan: plan::Plan,
    /// The model's inputs and the output's fingerprints, when the site can be refreshed
    /// in place (not with search: its index is made from every page at once).
    pub(crate) kept: Option<Kept>,
}

/// The inputs of the model, as loaded, and what the output folder holds.
pub(crate) struct Kept {
    pub(crate) config: crate::config::Config,
    /// Each release file, checked.
    pub(crate) checked: Vec<model::Checked>,
    pub(crate) registries: crate::registry::Registries,
    pub(crate) today: jiff::civil::Date,
    /// `today` is the clock's (not `--today`'s): a refresh on another day is a full build.
    pub(crate) today_from_clock: bool,
    pub(crate) drafts: bool,
    /// When git first saw each release file (`published` when a release gives none).
    pub(crate) first_commits: std::collections::BTreeMap<PathBuf, jiff::Timestamp>,
    /// Every rendered file's path and the hash of its bytes.
    pub(crate) written: FxHashMap<PathBuf, u64>,
    /// The model's warnings, as the last build or refresh found them.
    pub(crate) warnings: Vec<Diagnostic>,
}

impl Kept {
    /// Where the release file `source` is in [`Kept::checked`].
    fn position(&self, source: &Path) -> Option<usize> {
        self.checked.iter().position(|c| c.source() == Some(source))
    }

    /// Checks the release file `k` again, as it is now; returns its check before.
    fn recheck(&mut self, k: usize, mut raw: content::RawRelease) -> model::Checked {
        raw.first_commit = self.first_commits.get(&raw.path).copied();
        let c = model::check_one(&self.config, raw, self.today);
        std::mem::replace(&mut self.checked[k], c)
    }
}

/// What [`Session::refresh`] did.
#[derive(Debug)]
pub struct Refreshed {
    /// Files whose bytes changed and were written again.
    pub files: usize,
    /// The model's warnings (the full build's others, about pictures, are unchanged).
    pub warnings: Vec<Diagnostic>,
    /// How the edit was put in the model.
    pub how: Way,
}

/// How [`Session::refresh`] put an edit in the model.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Way {
    /// Only texts changed: put in place ([`model::put_text`]).
    Texts,
    /// Texts, topics and organizers changed: put in place ([`model::put_terms`]).
    Terms,
    /// The model was put together again from the kept checks.
    Model,
}

impl Session {
    /// Loads the release file `source` (relative to the site folder) again, puts its new body
    /// in the model and renders its page into `out`. `Ok(false)` when no release comes from
    /// that file or when anything but its body changed (then the whole site is rebuilt).
    pub fn rerender_release(&mut self, source: &Path, out: &Path) -> Result<bool> {
        let Some(i) = self.site.releases.iter().position(|r| r.source == source) else {
            return Ok(false);
        };
        let abs = self.site_dir.join(source);
        let Ok((raw, problems)) = content::load_one(&self.site_dir, &abs) else {
            return Ok(false);
        };
        let r = &mut self.site.releases[i];
        // Links to other releases are resolved by the model: a changed link needs a full build.
        let same_links = raw
            .links
            .iter()
            .map(|l| &l.dest)
            .eq(r.links.iter().map(|l| &l.dest));
        if !problems.is_empty() || !same_links {
            return Ok(false);
        }
        if let Some(kept) = &mut self.kept
            && let Some(k) = kept.position(source)
        {
            kept.recheck(k, raw.clone());
        }
        r.body = raw.body;
        r.body_line = raw.body_line;
        r.links = raw.links;
        let html =
            render::render_release_page(&self.site, &self.theme, &self.options, &self.plan, i)?;
        let rel = plan::page_file(&self.site, plan::Job::Release(i));
        if let Some(kept) = &mut self.kept {
            kept.written.insert(rel.clone(), hash(&html));
        }
        let path = out.join(rel);
        std::fs::write(&path, html).map_err(|e| Error::io(&path, e))?;
        Ok(true)
    }

    /// The release files `changed` (relative to the site folder) were saved: puts them in the
    /// model, renders the files that show a changed release in memory and writes into `out`
    /// those whose bytes changed. A save that changed only texts (`model::text_only`), or only
    /// texts, topics and organizers (`model::terms_and_text`), is put in the model in place;
    /// any other builds the model again from the kept checks.
    /// `Ok(None)` when a full build is needed instead: a file is new, gone or has a problem,
    /// the site does not build, or a file would be added, removed or moved.
    pub fn refresh(&mut self, changed: &[PathBuf], out: &Path) -> Result<Option<Refreshed>> {
        let Some(kept) = &mut self.kept else {
            return Ok(None);
        };
        let now = crate::now().ok();
        let today_now = now.map(|n| kept.config.timezone.to_datetime(n).date());
        if kept.today_from_clock && today_now != Some(kept.today) {
            return Ok(None);
        }
        // Only the saved files are read and checked again (the kept checks follow the files).
        // Each saved release shown, as (index in the model, in the kept checks, text only).
        let mut edits = Vec::with_capacity(changed.len());
        for file in changed {
            let Some(k) = kept.position(file) else {
                return Ok(None);
            };
            let Ok((raw, problems)) = content::load_one(&self.site_dir, &self.site_dir.join(file))
            else {
                return Ok(None);
            };
            if !problems.is_empty() {
                return Ok(None);
            }
            let before = kept.recheck(k, raw);
            let shown = self.site.releases.iter().position(|r| r.source == *file);
            edits.push(match shown {
                Some(i) if model::text_only(&before, &kept.checked[k]) => Some((i, k, true)),
                Some(i) if model::terms_and_text(&before, &kept.checked[k]) => Some((i, k, false)),
                _ => None,
            });
        }
        let Some(edits) = edits.into_iter().collect::<Option<Vec<_>>>() else {
            return self.assemble_again(out);
        };
        let at: Vec<(usize, usize)> = edits.iter().map(|&(i, k, _)| (i, k)).collect();
        if edits.iter().all(|&(.., text)| text) {
            return self.put_texts(&at, out);
        }
        match self.put_terms(&at, out) {
            Some(done) => done,
            None => self.assemble_again(out),
        }
    }

    /// Puts the saved releases `edits` (index in the model and in the kept checks), changed
    /// in texts only, in the model in place (`model::put_text`) and writes their files.
    fn put_texts(&mut self, edits: &[(usize, usize)], out: &Path) -> Result<Option<Refreshed>> {
        let Some(kept) = &mut self.kept else {
            return Ok(None);
        };
        for &(i, k) in edits {
            model::put_text(&mut self.site.releases[i], &kept.checked[k]);
        }
        let at: Vec<usize> = edits.iter().map(|&(i, _)| i).collect();
        let edit = render::Edit::in_place(&self.site, &at);
        let files = write_changed(
            kept,
            &self.site,
            &self.theme,
            &self.plan,
            &self.options,
            out,
            Some(&edit),
        )?;
        let warnings = kept.warnings.clone();
        Ok(Some(Refreshed {
            files,
            warnings,
            how: Way::Texts,
        }))
    }

    /// Puts the model together again from the kept checks and writes the files that show a
    /// changed release.
    fn assemble_again(&mut self, out: &Path) -> Result<Option<Refreshed>> {
        let Some(kept) = &mut self.kept else {
            return Ok(None);
        };
        // Copied on every core: the model takes its releases.
        let checked = {
            use rayon::prelude::*;
            kept.checked.par_iter().cloned().collect()
        };
        let built = model::assemble(
            kept.config.clone(),
            checked,
            &kept.registries,
            kept.today,
            kept.drafts,
            Some(&self.site.releases),
        );
        let Ok((site, warnings)) = built else {
            return Ok(None);
        };
        if warnings.iter().any(Diagnostic::is_error) || !same_files(&self.site, &site) {
            return Ok(None);
        }
        // The kept plan when the pages and their paths are the same (most edits), else a new
        // one, all of whose files the last build wrote.
        let mut new_plan = None;
        if !self.plan.fits(&self.site, &site) {
            let Ok(plan) = plan::plan(&site, &self.theme.statics) else {
                return Ok(None);
            };
            new_plan = Some(plan);
        }
        // Only release files changed: pictures measured by the last build are as they were.
        let (pictures, problems) = images::inspect(
            &site,
            new_plan.as_ref().unwrap_or(&self.plan),
            &self.plan.pictures,
        );
        if !problems.is_empty() || pictures != self.plan.pictures {
            return Ok(None);
        }
        let new_plan = match new_plan {
            Some(plan) => match written_plan(plan, pictures, kept) {
                Some(plan) => Some(plan),
                None => return Ok(None),
            },
            None => None,
        };
        let plan = new_plan.as_ref().unwrap_or(&self.plan);
        // Only the files that show a changed release (everything when releases moved).
        let edit = render::Edit::between(&self.site, &site).map(|e| e.in_plan(new_plan.is_some()));
        let files = write_changed(
            kept,
            &site,
            &self.theme,
            plan,
            &self.options,
            out,
            edit.as_ref(),
        )?;
        // The old model and plan are freed aside: the page is served without waiting for it.
        let old = (
            std::mem::replace(&mut self.site, site),
            new_plan.map(|plan| std::mem::replace(&mut self.plan, plan)),
        );
        std::thread::spawn(move || drop(old));
        kept.warnings.clone_from(&warnings);
        Ok(Some(Refreshed {
            files,
            warnings,
            how: Way::Model,
        }))
    }

    /// Puts the saved releases `edits` (index in the model and in the kept checks), changed
    /// in texts, topics and organizers only, in the model in place (`model::put_terms`) and
    /// writes the files that show a changed release. `None` when the model refuses them
    /// (then it is put together again from the kept checks, which report why).
    fn put_terms(
        &mut self,
        edits: &[(usize, usize)],
        out: &Path,
    ) -> Option<Result<Option<Refreshed>>> {
        let kept = self.kept.as_mut()?;
        let patched = model::put_terms(&mut self.site, &kept.checked, &kept.registries, edits)?;
        if patched.unmatched.iter().any(Diagnostic::is_error) {
            // A topic that is a slip of a registered one: the full build reports it.
            return Some(Ok(None));
        }
        // The names that match no registry entry are the model's last warnings.
        kept.warnings.retain(|w| !model::is_unmatched_warning(w));
        kept.warnings.extend(patched.unmatched);
        // Pictures and the releases' addresses are as they were: a new plan only when the
        // terms' pages changed, all of whose files the last build wrote.
        // The model is the new one from here: a plan that does not work out is a full build.
        let mut new_plan = None;
        if !self.plan.fits_lists(&patched.old_languages, &self.site) {
            let plan = plan::plan(&self.site, &self.theme.statics).ok();
            let Some(plan) = plan.and_then(|p| written_plan(p, self.plan.pictures.clone(), kept))
            else {
                return Some(Ok(None));
            };
            new_plan = Some(plan);
        }
        let edit = render::Edit::patched(&patched.old_languages, &self.site, &patched.changed)
            .in_plan(new_plan.is_some());
        let files = write_changed(
            kept,
            &self.site,
            &self.theme,
            new_plan.as_ref().unwrap_or(&self.plan),
            &self.options,
            out,
            Some(&edit),
        );
        if let Some(plan) = new_plan {
            self.plan = plan;
        }
        Some(files.map(|files| {
            Some(Refreshed {
                files,
                warnings: kept.warnings.clone(),
                how: Way::Terms,
            })
        }))
    }

    /// The release files of the site, relative to the site folder.
    pub fn sources(&self) -> impl Iterator<Item = &Path> {
        self.site.releases.iter().map(|r| r.source.as_path())
    }
}

/// `plan` with the pictures to resize, when the last build wrote every file of it and no
/// other (a refresh writes no new file).
fn written_plan(
    mut plan: plan::Plan,
    pictures: std::collections::BTreeMap<PathBuf, images::Source>,
    kept: &Kept,
) -> Option<plan::Plan> {
    (plan.add_pictures(pictures).is_ok() && all_written(&plan, kept)).then_some(plan)
}

/// Whether the last build wrote every file of `plan` and no other (`kept.written`).
fn all_written(plan: &plan::Plan, kept: &Kept) -> bool {
    let planned = plan.pages.len() + plan.extras.len();
    planned == kept.written.len()
        && (plan.pages.iter().map(|(_, p)| p))
            .chain(plan.extras.iter().map(|(_, p)| p))
            .all(|p| kept.written.contains_key(p))
}

/// Whether two models put the same releases on the same pages (then the plan's pages are the
/// same files, and the pages of `serve`'s error view stay right).
fn same_files(old: &model::Site, new: &model::Site) -> bool {
    let same = |a: &model::Release, b: &model::Release| {
        (a.source.as_os_str(), a.lang, &a.slug) == (b.source.as_os_str(), b.lang, &b.slug)
    };
    // Mostly the same releases in the same order; else compared sorted.
    if old.releases.len() == new.releases.len()
        && old
            .releases
            .iter()
            .zip(&new.releases)
            .all(|(a, b)| same(a, b))
    {
        return true;
    }
    let pages = |s: &model::Site| -> Vec<(PathBuf, String)> {
        let mut v: Vec<_> = s
            .releases
            .iter()
            .map(|r| (r.source.clone(), urls::release(r.lang, &r.slug)))
            .collect();
        v.sort();
        v
    };
    pages(old) == pages(new)
}

/// Renders the files of `plan` that `edit` says may have changed (all without one) and writes
/// into `out` those whose bytes differ from the kept hashes; returns how many were written.
fn write_changed(
    kept: &mut Kept,
    site: &model::Site,
    theme: &theme::Theme,
    plan: &plan::Plan,
    options: &render::RenderOptions,
    out: &Path,
    edit: Option<&render::Edit>,
) -> Result<usize> {
    let sink = Changed {
        out,
        written: Mutex::new(std::mem::take(&mut kept.written)),
        files: Default::default(),
    };
    let rendered = render::render_edited(site, theme, plan, options, &sink, edit);
    kept.written = sink.written.into_inner().unwrap_or_else(|e| e.into_inner());
    let files = sink.files.into_inner().unwrap_or_else(|e| e.into_inner());
    rendered.map(|()| files)
}

/// A sink that records the hash of each file on its way to another sink (a full build for
/// `serve`).
pub(crate) struct Hashing<'a> {
    pub(crate) inner: &'a dyn output::Sink,
    pub(crate) written: Mutex<FxHashMap<PathBuf, u64>>,
}

impl output::Sink for Hashing<'_> {
    fn put(&self, rel: &Path, bytes: &[u8]) -> Result<()> {
        if let Ok(mut w) = self.written.lock() {
            w.insert(rel.to_path_buf(), hash(bytes));
        }
        self.inner.put(rel, bytes)
    }
}

/// A sink that writes into the served folder only the files whose bytes changed, each through
/// a temporary file renamed over it (a browser never reads half a page).
struct Changed<'a> {
    out: &'a Path,
    written: Mutex<FxHashMap<PathBuf, u64>>,
    files: Mutex<usize>,
}

impl output::Sink for Changed<'_> {
    fn put(&self, rel: &Path, bytes: &[u8]) -> Result<()> {
        let h = hash(bytes);
        let same = self
            .written
            .lock()
            .map(|w| w.get(rel) == Some(&h))
            .unwrap_or(false);
        if same {
            return Ok(());
        }
        let path = self.out.join(rel);
        let temp = path.with_file_name(format!(
            ".{}.jarya-new",
            rel.file_name()
                .map(|n| n.to_string_lossy())
                .unwrap_or_default()
        ));
        std::fs::write(&temp, bytes).map_err(|e| Error::io(&temp, e))?;
        std::fs::rename(&temp, &path).map_err(|e| Error::io(&path, e))?;
        if let Ok(mut w) = self.written.lock() {
            w.insert(rel.to_path_buf(), h);
        }
        if let Ok(mut n) = self.files.lock() {
            *n += 1;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::BuildOptions;

    const TOPICS: [&str; 4] = ["Права человека", "Гендер", "Экология", "Образование"];
    const ORGS: [&str; 3] = ["ОФ «Альфа»", "ОФ «Бета»", "ОФ «Гамма»"];

    fn release(i: usize, lang: &str, extra: &str) -> String {
        let topics = [TOPICS[i % 4], TOPICS[(i / 2) % 4]].join(", ");
        format!(
            "---\ntitle: Событие {i}\ndate: 2025-0{}-{:02} 10:00\nlang: {lang}\n\
             topics: [{topics}]\norganizers: [{}]\ntranslation_key: k{}\n\
             location: {{name: Зал, city: Бишкек}}\n{extra}---\nТекст {i}.\n",
            1 + i % 6,
            1 + i,
            ORGS[i % 3],
            i / 2,
        )
    }

    /// A site of 24 releases in two languages, two per list page.
    fn site() -> tempfile::TempDir {
        let dir = tempfile::tempdir().unwrap();
        let content = dir.path().join("content");
        for lang in ["ru", "ky"] {
            std::fs::create_dir_all(content.join(lang)).unwrap();
        }
        std::fs::write(
            content.join("site.yaml"),
            "base_url: https://t.example.kg/\nper_page: 2\nlanguages:\n  ru: {title: Т}\n  ky: {title: Т}\n",
        )
        .unwrap();
        std::fs::write(
            content.join("topics.yaml"),
            "gender:\n  ru: Гендер\n  ky: Гендер\n",
        )
        .unwrap();
        for i in 0..24 {
            let lang = if i % 2 == 0 { "ru" } else { "ky" };
            std::fs::write(
                content.join(format!("{lang}/r{i}.md")),
                release(i, lang, ""),
            )
            .unwrap();
        }
        dir
    }

    use crate::output::Memory;

    /// Every file that a build from scratch renders (model and plan made again from the files)
    /// at the time `now` (calendars' DTSTAMP).
    fn fresh_render(
        opts: &BuildOptions,
        out: &Path,
        now: jiff::Timestamp,
    ) -> (Session, Vec<(PathBuf, Vec<u8>)>) {
        let (_, mut s) = crate::build_session(opts, out).unwrap();
        s.options.now = now;
        let memory = Memory::default();
        render::render_site(&s.site, &s.theme, &s.plan, &s.options, &memory).unwrap();
        (s, memory.0.into_inner().unwrap())
    }

    /// Whether the model, its warnings and every file in `site/out` after the refresh `done`
    /// are those of a build from scratch (`what` names the edit).
    fn same_as_fresh(
        session: &Session,
        done: &Refreshed,
        opts: &BuildOptions,
        site: &Path,
        what: &str,
    ) {
        let (fresh, expected) = fresh_render(opts, &site.join("fresh"), session.options.now);
        assert!(
            session.site.releases == fresh.site.releases,
            "{what}: model"
        );
        let warnings = |s: &Session| s.kept.as_ref().map(|k| k.warnings.clone());
        assert_eq!(done.warnings, warnings(&fresh).unwrap(), "{what}: warnings");
        assert_eq!(warnings(session), warnings(&fresh), "{what}: warnings kept");
        assert!(expected.len() > 100);
        for (path, bytes) in expected {
            let written = std::fs::read(site.join("out").join(&path)).unwrap();
            assert!(
                written == bytes,
                "{what}: {} is stale\n{}\n----\n{}",
                path.display(),
                String::from_utf8_lossy(&written),
                String::from_utf8_lossy(&bytes)
            );
        }
    }

    /// A topic named by another spelling of the same page moves among the topics (they are in
    /// alphabetical order): its pages take other places in a new plan, and the sitemap follows.
    #[test]
    fn a_term_that_moves_is_refreshed_in_a_new_plan() {
        let dir = site();
        let content = dir.path().join("content/ru");
        for (stem, topic) in [("x1", "Экономика"), ("x2", "Эко право")] {
            let text = release(30, "ru", "").replace("translation_key: k15\n", "");
            let text = text.replacen(
                "topics: [Экология, Образование]",
                &format!("topics: [{topic}]"),
                1,
            );
            assert!(text.contains(topic), "{text}");
            std::fs::write(content.join(format!("{stem}.md")), text).unwrap();
        }
        let out = dir.path().join("out");
        let mut opts = BuildOptions::new(dir.path());
        opts.today = Some(jiff::civil::date(2025, 3, 10));
        let (_, mut session) = crate::build_session(&opts, &out).unwrap();
        let terms = |s: &Session| -> Vec<String> {
            let ru = s.site.index(crate::i18n::Lang::Ru).unwrap();
            ru.topics.iter().map(|t| t.name.clone()).collect()
        };
        let before = terms(&session);
        let file = content.join("x2.md");
        let text = std::fs::read_to_string(&file).unwrap();
        std::fs::write(&file, text.replace("Эко право", "Эко-право")).unwrap();
        let rel = PathBuf::from("content/ru/x2.md");
        let done = session.refresh(&[rel], &out).unwrap().unwrap();
        assert_eq!(done.how, Way::Terms);
        let after = terms(&session);
        assert_ne!(before, after);
        assert!(after.contains(&"Эко-право".to_string()), "{after:?}");
        same_as_fresh(&session, &done, &opts, dir.path(), "Эко-право");
    }

    #[test]
    fn a_refresh_leaves_the_same_files_as_a_full_render() {
        let dir = site();
        let out = dir.path().join("out");
        let mut opts = BuildOptions::new(dir.path());
        opts.today = Some(jiff::civil::date(2025, 3, 10));
        let (_, mut session) = crate::build_session(&opts, &out).unwrap();
        // The first four change texts only: put in the model in place.
        let edits: [(usize, &str, &str); 12] = [
            (4, "title: Событие 4", "title: Новое имя"),
            (4, "Текст 4.", "Другой текст."),
            (
                6,
                "location: {name: Зал, city: Бишкек}",
                "location: {name: Парк}",
            ),
            (5, "city: Бишкек}\n", "city: Бишкек}\nsummary: Кыскача.\n"),
            (5, "lang: ky\n", "lang: ky\nslug: baska\n"),
            (8, "translation_key: k4\n", ""),
            (
                8,
                "organizers: [ОФ «Гамма»]",
                "organizers: [ОФ «Альфа», ОФ «Бета»]",
            ),
            (10, "topics: [Экология, Гендер]", "topics: [Гендер]"),
            (3, "10:00", "18:00"),
            // Ends after `today`: from the past releases to the upcoming ones (lists shift).
            (
                8,
                "2025-03-09 10:00\n",
                "2025-03-09 10:00\nend: 2025-03-20\n",
            ),
            (12, "2025-01-13 10:00", "2025-02-20"),
            (14, "2025-03-15 10:00", "2024-12-01"),
        ];
        let mut refreshed = 0;
        for (n, (i, from, to)) in edits.into_iter().enumerate() {
            let lang = if i % 2 == 0 { "ru" } else { "ky" };
            let rel = PathBuf::from(format!("content/{lang}/r{i}.md"));
            let file = dir.path().join(&rel);
            let text = std::fs::read_to_string(&file).unwrap();
            assert!(text.contains(from), "{from} not in {text}");
            std::fs::write(&file, text.replacen(from, to, 1)).unwrap();
            // A file added or removed (here a list growing by a page) is a full build.
            let Some(done) = session.refresh(&[rel], &out).unwrap() else {
                session = crate::build_session(&opts, &out).unwrap().1;
                continue;
            };
            let way = match n {
                0..4 => Way::Texts,
                6 | 7 => Way::Terms,
                _ => Way::Model,
            };
            assert_eq!(done.how, way, "{to}");
            refreshed += 1;
            same_as_fresh(&session, &done, &opts, dir.path(), to);
        }
        assert!(
            refreshed >= 8,
            "{refreshed} of {} edits refreshed",
            edits.len()
        );
    }
}
