//! Rebuilds for `serve`: a body edit re-renders one page, a front matter edit refreshes the
//! site in place ([`crate::session`]), anything else is a full build into the served folder.

use super::fingerprint::{fingerprint, fingerprints};
use super::pages::error_page;
use super::{Failure, State, seconds, source_line};
use crate::error::{Diagnostic, Error, Result};
use crate::i18n::Message;
use crate::{BuildOptions, msg, report};
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::time::Instant;

/// Rebuilds the site for `serve`: the whole site, or only the page of a release whose text
/// changed while its front matter and first paragraph (which lists show) did not.
pub(super) struct Builder<'a> {
    pub(super) opts: &'a BuildOptions,
    pub(super) site: &'a Path,
    pub(super) state: &'a State,
    pub(super) log: &'a (dyn Fn(&str) + Sync),
    /// Release file -> its page, from the last good build.
    pub(super) pages_by_source: BTreeMap<PathBuf, String>,
    /// The last good build, when the last build worked.
    pub(super) session: Option<crate::Session>,
    /// Release file -> fingerprint of what other pages use of it, from the last good build.
    pub(super) fingerprints: BTreeMap<PathBuf, u64>,
}

impl Builder<'_> {
    /// Handles changed files (relative to the site folder).
    pub(super) fn changed(&mut self, files: &[PathBuf]) {
        let what = match files {
            [one] => msg!("serve-file-changed", path = one),
            many => msg!("serve-files-changed", count = many.len()),
        };
        let started = Instant::now();
        if self.only_texts_changed(files)
            && let Some(session) = &mut self.session
        {
            let done = files
                .iter()
                .map(|f| session.rerender_release(f, &self.state.out))
                .collect::<Result<Vec<bool>>>();
            if matches!(done, Ok(ref d) if d.iter().all(|x| *x)) {
                let m = msg!(
                    "serve-rerendered",
                    what = what,
                    count = files.len(),
                    seconds = seconds(started)
                );
                (self.log)(&m.render(self.state.ui));
                self.bump(None);
                return;
            }
        }
        if self.refresh(files, &what, started) {
            return;
        }
        self.full(msg!("serve-rebuilt", what = what));
    }

    /// Builds the model again with the changed release files and writes only the files whose
    /// bytes changed (front matter edits); false when a full build is needed.
    fn refresh(&mut self, files: &[PathBuf], what: &Message, started: Instant) -> bool {
        if !files.iter().all(|f| f.starts_with("content")) {
            return false;
        }
        let Some(session) = &mut self.session else {
            return false;
        };
        // Taken before reading the files, as for a full build.
        let before: Vec<_> = files.iter().map(|f| fingerprint(self.site, f)).collect();
        let Ok(Some(done)) = session.refresh(files, &self.state.out) else {
            return false;
        };
        for w in &done.warnings {
            (self.log)(&report::human(
                w,
                source_line(self.site, w).as_deref(),
                false,
                self.state.ui,
            ));
        }
        for (f, print) in files.iter().zip(before) {
            match print {
                Some(p) => self.fingerprints.insert(f.clone(), p),
                None => self.fingerprints.remove(f),
            };
        }
        let m = msg!(
            "serve-updated",
            what = what.clone(),
            count = done.files,
            seconds = seconds(started)
        );
        (self.log)(&m.render(self.state.ui));
        self.bump(None);
        true
    }

    /// True when every changed file is a release of the last good build whose front matter and
    /// first paragraph are as they were.
    fn only_texts_changed(&self, files: &[PathBuf]) -> bool {
        self.session.is_some()
            && files.iter().all(|f| {
                f.starts_with("content")
                    && self
                        .fingerprints
                        .get(f)
                        .is_some_and(|old| fingerprint(self.site, f) == Some(*old))
            })
    }

    /// Rebuilds the whole site.
    pub(super) fn full(&mut self, done: Message) {
        let started = Instant::now();
        let log = self.log;
        let ui = self.state.ui;
        let site = self.site;
        // Taken before the build: a file saved while it runs then differs from its fingerprint
        // and is built again, never taken for an unchanged one.
        let before = fingerprints(site);
        let failure = match crate::build_session(self.opts, &self.state.out) {
            Ok((report, session)) => {
                for w in &report.warnings {
                    log(&report::human(
                        w,
                        source_line(site, w).as_deref(),
                        false,
                        ui,
                    ));
                }
                self.pages_by_source = report.pages_by_source.into_iter().collect();
                self.fingerprints = session
                    .sources()
                    .filter_map(|s| before.get(s).map(|f| (s.to_path_buf(), *f)))
                    .collect();
                self.session = Some(session);
                log(&msg!("serve-done-in", what = done, seconds = seconds(started)).render(ui));
                None
            }
            Err(Error::Content(diags)) => {
                self.session = None;
                for d in &diags {
                    log(&report::human(
                        d,
                        source_line(site, d).as_deref(),
                        false,
                        ui,
                    ));
                }
                let count = diags.iter().filter(|d| d.is_error()).count();
                log(&msg!("serve-build-failed", count = count).render(ui));
                let affected = diags
                    .iter()
                    .filter_map(|d| self.pages_by_source.get(&d.path).cloned())
                    .collect();
                Some(Failure {
                    html: error_page(site, &diags, ui),
                    affected,
                })
            }
            Err(other) => {
                self.session = None;
                log(&report::error_line(&other.message(), ui));
                Some(Failure {
                    html: error_page(site, &[Diagnostic::error("", other.message())], ui),
                    affected: BTreeSet::new(),
                })
            }
        };
        self.bump(failure);
    }

    /// Records the outcome and wakes the browsers' long polls.
    fn bump(&self, failure: Option<Failure>) {
        if let Ok(mut f) = self.state.failure.lock() {
            *f = failure;
        }
        if let Ok(mut v) = self.state.version.lock() {
            *v += 1;
        }
        self.state.changed.notify_all();
    }
}
