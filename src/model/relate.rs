//! Model, related releases: for each release, up to five of the same language sharing at least
//! one topic or organizer, the most shared first, then nearest in date. None is better than
//! noise. Linear: candidates come from a window per topic and organizer.

use super::{Release, order};
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
/// slugs as they were), only the releases that share a topic or organizer with one of them,
/// before or after, are related again; the others keep what they had, which is what
/// [`relate`] would give them: their candidates and scores do not involve the edited releases.
/// Anything else is related from scratch.
pub fn relate_again(releases: &mut [Release], old: &[Release]) {
    let Some(affected) = affected(releases, old) else {
        return relate(releases);
    };
    let related = Lines::new(releases).related(releases, &affected);
    for (r, o) in releases.iter_mut().zip(old) {
        r.related.clone_from(&o.related);
    }
    for (i, rel) in affected.into_iter().zip(related) {
        releases[i].related = rel;
    }
}

/// The releases whose related ones an edit from `old` to `new` can change, or `None` when the
/// edit changed more than topics and organizers.
pub(super) fn affected(new: &[Release], old: &[Release]) -> Option<Vec<usize>> {
    if new.len() != old.len() {
        return None;
    }
    let mut changed = vec![false; new.len()];
    let mut touched: FxHashSet<(Lang, TermKind, &str)> = FxHashSet::default();
    for (i, (n, o)) in new.iter().zip(old).enumerate() {
        if (&n.source, n.lang, n.start, &n.slug) != (&o.source, o.lang, o.start, &o.slug) {
            return None;
        }
        if !terms_of(n)
            .map(|(k, t)| (k, &t.slug))
            .eq(terms_of(o).map(|(k, t)| (k, &t.slug)))
        {
            changed[i] = true;
            for r in [n, o] {
                touched.extend(terms_of(r).map(|(k, t)| (r.lang, k, &*t.slug)));
            }
        }
    }
    let hit = |r: &Release| terms_of(r).any(|(k, t)| touched.contains(&(r.lang, k, &*t.slug)));
    Some(
        (0..new.len())
            .filter(|&i| changed[i] || hit(&new[i]))
            .collect(),
    )
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
fn terms_of(r: &Release) -> impl Iterator<Item = (TermKind, &super::TermRef)> {
    let topics = r.topics.iter().map(|t| (TermKind::Topics, t));
    topics.chain(r.organizers.iter().map(|o| (TermKind::Organizers, o)))
}
