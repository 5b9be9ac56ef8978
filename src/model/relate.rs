//! Model, related releases: for each release, up to five of the same language sharing at least
//! one topic or organizer, the most shared first, then nearest in date. None is better than
//! noise. Linear: candidates come from a window per topic and organizer.

use super::{Release, TermRef, order};
use crate::i18n::Lang;
use crate::urls::TermKind;
use jiff::civil::DateTime;
use rayon::prelude::*;
use rustc_hash::{FxHashMap, FxHashSet};

/// How many date-nearest releases of each shared topic are looked at when relating releases:
/// bounds the work per release, so relating is linear in the number of releases.
const RELATED_WINDOW: usize = 12;
/// How many related releases a release shows.
const RELATED_COUNT: usize = 5;

/// Fills `related`: releases of the same language with the most shared topics and organizers,
/// then nearest in date, then by slug. Candidates are the [`RELATED_WINDOW`] date-nearest
/// releases on each side in each of the release's topics and organizers.
pub fn relate(releases: &mut [Release]) {
    let all: Vec<usize> = (0..releases.len()).collect();
    let related = Lines::new(releases).related(releases, &all);
    for (r, rel) in releases.iter_mut().zip(related) {
        r.related = rel;
    }
}

/// [`relate`] after an edit (`serve`): `old` are the releases before it. When the edit changed
/// only some releases' topics or organizers (the same releases in the same order, dates and
/// slugs as they were), only the releases around them are related again ([`relate_around`]).
/// Anything else is related from scratch.
pub fn relate_again(releases: &mut [Release], old: &[Release]) {
    let Some(edited) = edited(releases, old) else {
        return relate(releases);
    };
    for (r, o) in releases.iter_mut().zip(old) {
        r.related.clone_from(&o.related);
    }
    let before: Vec<(usize, Terms)> = edited.iter().map(|&i| (i, Terms::of(&old[i]))).collect();
    relate_around(releases, &before);
}

/// A release's topics and organizers, as they were before an edit.
#[derive(Debug, Clone, Copy)]
pub struct Terms<'a> {
    pub topics: &'a [TermRef],
    pub organizers: &'a [TermRef],
}

impl<'a> Terms<'a> {
    pub fn of(r: &'a Release) -> Self {
        Terms {
            topics: &r.topics,
            organizers: &r.organizers,
        }
    }

    fn iter(self) -> impl Iterator<Item = (TermKind, &'a TermRef)> {
        let topics = self.topics.iter().map(|t| (TermKind::Topics, t));
        topics.chain(self.organizers.iter().map(|o| (TermKind::Organizers, o)))
    }
}

/// The releases of `edited` changed their topics or organizers (each with its terms before the
/// edit; every release keeps its language, date and slug): relates again only the releases
/// that share a topic or organizer with one of them, before or after. The others keep what
/// they had, which is what [`relate`] would give them: their candidates and scores do not
/// involve the edited releases. Returns the releases whose related ones changed.
pub fn relate_around(releases: &mut [Release], edited: &[(usize, Terms)]) -> Vec<usize> {
    let affected = affected(releases, edited);
    let related = Lines::new(releases).related(releases, &affected);
    let mut changed = Vec::new();
    for (i, rel) in affected.into_iter().zip(related) {
        if releases[i].related != rel {
            releases[i].related = rel;
            changed.push(i);
        }
    }
    changed
}

/// The releases whose topics or organizers an edit from `old` to `new` changed, or `None` when
/// it changed more than those (another release, language, date or slug).
pub(super) fn edited(new: &[Release], old: &[Release]) -> Option<Vec<usize>> {
    if new.len() != old.len() {
        return None;
    }
    let mut edited = Vec::new();
    for (i, (n, o)) in new.iter().zip(old).enumerate() {
        if (&n.source, n.lang, n.start, &n.slug) != (&o.source, o.lang, o.start, &o.slug) {
            return None;
        }
        if !slugs(Terms::of(n)).eq(slugs(Terms::of(o))) {
            edited.push(i);
        }
    }
    Some(edited)
}

fn slugs(terms: Terms<'_>) -> impl Iterator<Item = (TermKind, &str)> {
    terms.iter().map(|(k, t)| (k, &*t.slug))
}

/// The releases whose related ones the edit of `edited` (with their terms before it) can
/// change: the edited ones, and those sharing a topic or organizer with one of them.
pub(super) fn affected(releases: &[Release], edited: &[(usize, Terms)]) -> Vec<usize> {
    let mut touched: FxHashSet<(Lang, TermKind, &str)> = FxHashSet::default();
    let mut is_edited = vec![false; releases.len()];
    for &(i, before) in edited {
        let Some(r) = releases.get(i) else {
            continue;
        };
        is_edited[i] = true;
        for terms in [Terms::of(r), before] {
            touched.extend(slugs(terms).map(|(k, slug)| (r.lang, k, slug)));
        }
    }
    let hit =
        |r: &Release| slugs(Terms::of(r)).any(|(k, slug)| touched.contains(&(r.lang, k, slug)));
    (0..releases.len())
        .filter(|&i| is_edited[i] || hit(&releases[i]))
        .collect()
}

/// The time line and the members of each topic and organizer, that related releases are
/// picked from.
struct Lines<'a> {
    /// Each release's place on the time line (oldest first).
    rank: Vec<usize>,
    /// Each release's start as nanoseconds from one moment: distances are differences.
    starts: Vec<i128>,
    /// The members of each (language, topic or organizer), oldest first.
    by_term: FxHashMap<(Lang, TermKind, &'a str), Vec<usize>>,
}

impl<'a> Lines<'a> {
    fn new(releases: &'a [Release]) -> Self {
        // Reckoned once: the lists below are sorted and searched by it.
        let mut keyed: Vec<_> = releases
            .iter()
            .enumerate()
            .map(|(i, r)| (order::oldest_first_key(r), i))
            .collect();
        keyed.sort_unstable();
        let line: Vec<usize> = keyed.into_iter().map(|(_, i)| i).collect();
        let mut rank = vec![0usize; releases.len()];
        for (place, &i) in line.iter().enumerate() {
            rank[i] = place;
        }
        let mut by_term: FxHashMap<(Lang, TermKind, &str), Vec<usize>> = FxHashMap::default();
        for &i in &line {
            let r = &releases[i];
            for (kind, t) in terms_of(r) {
                by_term.entry((r.lang, kind, &*t.slug)).or_default().push(i);
            }
        }
        let starts = releases
            .iter()
            .map(|r| r.start.duration_since(DateTime::MIN).as_nanos())
            .collect();
        Lines {
            rank,
            starts,
            by_term,
        }
    }

    /// The related releases of each of `which`, in that order.
    fn related(&self, releases: &[Release], which: &[usize]) -> Vec<Vec<usize>> {
        which
            .par_iter()
            .map(|&i| self.related_of(releases, i))
            .collect()
    }

    /// The related releases of release `i`.
    fn related_of(&self, releases: &[Release], i: usize) -> Vec<usize> {
        let r = &releases[i];
        let rank = &self.rank;
        // Every candidate once per shared topic or organizer.
        let mut seen: Vec<usize> = Vec::new();
        for (kind, t) in terms_of(r) {
            if let Some(list) = self.by_term.get(&(r.lang, kind, &*t.slug)) {
                let pos = list.partition_point(|&j| rank[j] < rank[i]);
                let lo = pos.saturating_sub(RELATED_WINDOW);
                let hi = (pos + RELATED_WINDOW + 1).min(list.len());
                seen.extend(list[lo..hi].iter().filter(|&&j| j != i));
            }
        }
        seen.sort_unstable();
        let mut ranked: Vec<(usize, usize)> = Vec::with_capacity(seen.len());
        for j in seen {
            match ranked.last_mut() {
                Some((last, count)) if *last == j => *count += 1,
                _ => ranked.push((j, 1)),
            }
        }
        let distance = |a: usize, b: usize| self.starts[a].abs_diff(self.starts[b]);
        let best = |&(a, sa): &(usize, usize), &(b, sb): &(usize, usize)| {
            sb.cmp(&sa)
                .then_with(|| distance(i, a).cmp(&distance(i, b)))
                .then_with(|| releases[a].slug.cmp(&releases[b].slug))
                .then(a.cmp(&b))
        };
        // Only the best five are put in order.
        if ranked.len() > RELATED_COUNT {
            ranked.select_nth_unstable_by(RELATED_COUNT - 1, best);
            ranked.truncate(RELATED_COUNT);
        }
        ranked.sort_unstable_by(best);
        // Not collected in place: that would keep `ranked`'s whole allocation (every
        // candidate) for five numbers, 14 MiB on 10 000 releases.
        let mut five = Vec::with_capacity(ranked.len());
        five.extend(ranked.into_iter().map(|(j, _)| j));
        five
    }
}

/// A release's topics and organizers.
fn terms_of(r: &Release) -> impl Iterator<Item = (TermKind, &TermRef)> {
    Terms::of(r).iter()
}
