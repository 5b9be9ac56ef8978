//! Which files an edit of some releases can change (`serve`'s map from outputs to the releases
//! they show), so that a refresh renders only those:
//! - a release's page shows the release, its translations and its related releases;
//! - its `event.ics` shows the release alone;
//! - a page of a home, topic, organizer or year list shows the releases on it, how many the
//!   list has and the term's name;
//! - a feed or calendar of a language shows that language's releases; a topic's or
//!   organizer's, the releases that name it;
//! - favicons and share pictures show only the settings;
//! - the sitemap shows the plan's pages and each one's counterparts in the other languages
//!   (a release's translations): it is rendered again when the plan is new or translations
//!   changed;
//! - everything else (entry page, 404, term and year indexes, search pages, robots.txt, the
//!   editor) is rendered again after any edit.
//!
//! A release is changed when anything the model holds of it differs (its related releases and
//! translations too, so a page that shows a release whose neighbours changed is changed).

use crate::i18n::Lang;
use crate::model::{LangIndex, Release, Site, Term, TermRef, Year};
use crate::plan::{Extra, Job, Scope};
use crate::urls::TermKind;
use rustc_hash::FxHashSet;
use std::sync::Arc;

/// The releases an edit changed, and the lists they were or are in.
#[derive(Debug)]
pub struct Edit<'a> {
    /// The lists of the model before the edit.
    old: &'a [LangIndex],
    /// By index in [`Site::releases`] (the same in both models).
    changed: Vec<bool>,
    any: bool,
    langs: FxHashSet<Lang>,
    /// The slugs of the topics (first) and organizers (second) touched.
    terms: [FxHashSet<Arc<str>>; 2],
    /// Whether the pages or their counterparts may have changed (a new plan, other
    /// translations): what the sitemap shows.
    addresses: bool,
}

/// The place of `kind` in [`Edit::terms`].
fn slot(kind: TermKind) -> usize {
    match kind {
        TermKind::Topics => 0,
        TermKind::Organizers => 1,
    }
}

impl<'a> Edit<'a> {
    /// What changed from `old` to `new`; `None` when the releases are not the same files in
    /// the same order (a moved release shifts lists and indexes: render everything).
    pub fn between(old: &'a Site, new: &Site) -> Option<Edit<'a>> {
        if old.releases.len() != new.releases.len()
            || old
                .releases
                .iter()
                .zip(&new.releases)
                .any(|(a, b)| a.source.as_os_str() != b.source.as_os_str())
        {
            return None;
        }
        let mut edit = Edit::none(&old.languages, new.releases.len());
        // Compared on every core: each comparison reaches into two releases' strings.
        let differ: Vec<usize> = {
            use rayon::prelude::*;
            (0..new.releases.len())
                .into_par_iter()
                .filter(|&i| old.releases[i] != new.releases[i])
                .collect()
        };
        for i in differ {
            let (a, b) = (&old.releases[i], &new.releases[i]);
            edit.mark(i, a);
            edit.mark(i, b);
            edit.addresses |= a.translations != b.translations;
        }
        Some(edit)
    }

    /// The releases of `site` in `changed` were changed in place, each given with its topics
    /// and organizers before (`model::put_terms`); `old` are the lists before the edit.
    pub fn patched(
        old: &'a [LangIndex],
        site: &Site,
        changed: &[(usize, [Vec<TermRef>; 2])],
    ) -> Edit<'a> {
        let mut edit = Edit::none(old, site.releases.len());
        for (i, [topics, organizers]) in changed {
            if let Some(r) = site.releases.get(*i) {
                edit.mark(*i, r);
                edit.mark_terms(r.lang, topics, organizers);
            }
        }
        edit
    }

    /// No change yet, to `releases` releases.
    fn none(old: &'a [LangIndex], releases: usize) -> Edit<'a> {
        Edit {
            old,
            changed: vec![false; releases],
            any: false,
            langs: FxHashSet::default(),
            terms: Default::default(),
            addresses: false,
        }
    }

    /// The edit as rendered in a new plan when `new` (its pages may be others, or in another
    /// order), else in the plan of the model before it.
    pub fn in_plan(mut self, new: bool) -> Self {
        self.addresses |= new;
        self
    }

    /// The releases `changed` (indexes in `site`) were changed in place, each in fields that
    /// no list and no other release depends on (`model::text_only`): `site` is both the model
    /// before and after.
    pub fn in_place(site: &'a Site, changed: &[usize]) -> Edit<'a> {
        let mut edit = Edit::none(&site.languages, site.releases.len());
        for &i in changed {
            if let Some(r) = site.releases.get(i) {
                edit.mark(i, r);
            }
        }
        edit
    }

    /// Marks release `i` changed, and the language and terms of `r` (as it was or is) touched.
    fn mark(&mut self, i: usize, r: &Release) {
        if let Some(c) = self.changed.get_mut(i) {
            *c = true;
        }
        self.any = true;
        self.mark_terms(r.lang, &r.topics, &r.organizers);
    }

    /// Marks the language `lang` and the topics and organizers given touched.
    fn mark_terms(&mut self, lang: Lang, topics: &[TermRef], organizers: &[TermRef]) {
        self.langs.insert(lang);
        for (kind, terms) in [
            (TermKind::Topics, topics),
            (TermKind::Organizers, organizers),
        ] {
            self.terms[slot(kind)].extend(terms.iter().map(|t| Arc::clone(&t.slug)));
        }
    }

    /// Whether the edit changed no release.
    pub fn is_empty(&self) -> bool {
        !self.any
    }

    fn changed(&self, i: usize) -> bool {
        self.changed.get(i).copied().unwrap_or(true)
    }

    /// Whether a topic or organizer (index in a language's terms of `site`) was touched.
    fn term(&self, site: &Site, lang: Lang, kind: TermKind, t: usize) -> bool {
        site.index(lang)
            .and_then(|x| x.terms(kind).get(t))
            .is_none_or(|t| self.terms[slot(kind)].contains(t.slug.as_str()))
    }

    /// Whether page `page` (from 1) of a list, its releases before and after the edit, may
    /// have changed: the list's length (its count and pages), the releases on the page or one
    /// of them.
    fn list_page(
        &self,
        site: &Site,
        old: Option<&[usize]>,
        new: Option<&[usize]>,
        page: usize,
    ) -> bool {
        let (Some(old), Some(new)) = (old, new) else {
            return true;
        };
        let per_page = site.config.per_page;
        let on_page = |ids: &[usize]| -> Vec<usize> {
            ids.iter()
                .skip(page.saturating_sub(1) * per_page)
                .take(per_page)
                .copied()
                .collect()
        };
        old.len() != new.len()
            || on_page(old) != on_page(new)
            || on_page(new).into_iter().any(|i| self.changed(i))
    }

    /// Whether the page of `job` in `site` (the new model) may show something the edit changed.
    pub(super) fn shows_page(&self, site: &Site, job: Job) -> bool {
        if !self.any {
            return false;
        }
        match job {
            Job::Release(i) => {
                self.changed(i)
                    || site.releases.get(i).is_none_or(|r| {
                        r.translations
                            .iter()
                            .chain(&r.related)
                            .any(|&j| self.changed(j))
                    })
            }
            Job::Home { lang, page } => {
                fn ids(s: &[LangIndex], lang: Lang) -> Option<&[usize]> {
                    LangIndex::find(s, lang).map(|x| x.releases.as_slice())
                }
                self.list_page(site, ids(self.old, lang), ids(&site.languages, lang), page)
            }
            Job::Term {
                lang,
                kind,
                term,
                page,
            } => {
                fn term_of(s: &[LangIndex], lang: Lang, kind: TermKind, t: usize) -> Option<&Term> {
                    LangIndex::find(s, lang).and_then(|x| x.terms(kind).get(t))
                }
                match (
                    term_of(self.old, lang, kind, term),
                    term_of(&site.languages, lang, kind, term),
                ) {
                    (Some(a), Some(b))
                        if (&a.slug, &a.name, a.entry) == (&b.slug, &b.name, b.entry) =>
                    {
                        self.list_page(site, Some(&a.releases), Some(&b.releases), page)
                    }
                    _ => true,
                }
            }
            Job::Year { lang, year, page } => {
                fn year_of(s: &[LangIndex], lang: Lang, y: usize) -> Option<&Year> {
                    LangIndex::find(s, lang).and_then(|x| x.years.get(y))
                }
                match (
                    year_of(self.old, lang, year),
                    year_of(&site.languages, lang, year),
                ) {
                    (Some(a), Some(b)) if a.year == b.year => {
                        self.list_page(site, Some(&a.releases), Some(&b.releases), page)
                    }
                    _ => true,
                }
            }
            Job::Entry
            | Job::NotFound
            | Job::Terms { .. }
            | Job::Archive { .. }
            | Job::Search { .. } => true,
        }
    }

    /// Whether the file `extra` of `site` (the new model) may show something the edit changed.
    pub(super) fn shows_extra(&self, site: &Site, extra: Extra) -> bool {
        if !self.any {
            return false;
        }
        match extra {
            Extra::ReleaseIcs(i) => self.changed(i),
            Extra::Calendar(lang, scope) | Extra::Feed(lang, scope) => match scope {
                Scope::All => self.langs.contains(&lang),
                Scope::Term(kind, t) => self.term(site, lang, kind, t),
            },
            Extra::Icon(_) | Extra::SharePicture(_) => false,
            Extra::Sitemap(_) => self.addresses,
            Extra::Robots | Extra::EditorPage | Extra::EditorConfig => true,
        }
    }
}
