//! Model, related releases: for each release, up to five of the same language sharing at least
//! one topic or organizer, the most shared first, then nearest in date. None is better than
//! noise. Linear: candidates come from a window per topic and organizer.

use super::{Release, order};
use crate::i18n::Lang;
use crate::urls::TermKind;
use jiff::civil::DateTime;
use rayon::prelude::*;
use rustc_hash::FxHashMap;

/// How many date-nearest releases of each shared topic are looked at when relating releases:
/// bounds the work per release, so relating is linear in the number of releases.
const RELATED_WINDOW: usize = 12;
/// How many related releases a release shows.
const RELATED_COUNT: usize = 5;

/// Fills `related`: releases of the same language with the most shared topics and organizers,
/// then nearest in date, then by slug. Candidates are the [`RELATED_WINDOW`] date-nearest
/// releases on each side in each of the release's topics and organizers.
pub fn relate(releases: &mut [Release]) {
    // Each release's place on the time line (oldest first), reckoned once: the lists below are
    // sorted and searched by it.
    let mut line: Vec<usize> = (0..releases.len()).collect();
    line.sort_by(|&a, &b| order::oldest_first(&releases[a], &releases[b]));
    let mut rank = vec![0usize; releases.len()];
    for (place, &i) in line.iter().enumerate() {
        rank[i] = place;
    }
    // The members of each (language, topic or organizer), oldest first.
    let mut by_term: FxHashMap<(Lang, TermKind, &str), Vec<usize>> = FxHashMap::default();
    for &i in &line {
        let r = &releases[i];
        for (kind, t) in terms_of(r) {
            by_term.entry((r.lang, kind, &*t.slug)).or_default().push(i);
        }
    }
    // Each start as nanoseconds from one moment, reckoned once: distances are differences.
    let starts: Vec<i128> = releases
        .iter()
        .map(|r| r.start.duration_since(DateTime::MIN).as_nanos())
        .collect();
    let distance = |a: usize, b: usize| starts[a].abs_diff(starts[b]);
    let related: Vec<Vec<usize>> = (0..releases.len())
        .into_par_iter()
        .map(|i| {
            let r = &releases[i];
            // Every candidate once per shared topic or organizer.
            let mut seen: Vec<usize> = Vec::new();
            for (kind, t) in terms_of(r) {
                if let Some(list) = by_term.get(&(r.lang, kind, &*t.slug)) {
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
        })
        .collect();
    for (r, rel) in releases.iter_mut().zip(related) {
        r.related = rel;
    }
}

/// A release's topics and organizers.
fn terms_of(r: &Release) -> impl Iterator<Item = (TermKind, &super::TermRef)> {
    let topics = r.topics.iter().map(|t| (TermKind::Topics, t));
    topics.chain(r.organizers.iter().map(|o| (TermKind::Organizers, o)))
}
