//! Model, related releases: for each release, up to five of the same language sharing at least
//! one topic or organizer, the most shared first, then nearest in date. None is better than
//! noise. Linear: candidates come from a window per topic and organizer.

use super::{Release, order};
use crate::i18n::Lang;
use crate::urls::TermKind;
use jiff::civil::DateTime;
use rayon::prelude::*;
use std::collections::BTreeMap;

/// How many date-nearest releases of each shared topic are looked at when relating releases:
/// bounds the work per release, so relating is linear in the number of releases.
const RELATED_WINDOW: usize = 12;
/// How many related releases a release shows.
const RELATED_COUNT: usize = 5;

/// Fills `related`: releases of the same language with the most shared topics and organizers,
/// then nearest in date, then by slug. Candidates are the [`RELATED_WINDOW`] date-nearest
/// releases on each side in each of the release's topics and organizers.
pub fn relate(releases: &mut [Release]) {
    // Date-sorted members of each (language, topic or organizer).
    let mut by_term: BTreeMap<(Lang, TermKind, &str), Vec<usize>> = BTreeMap::new();
    for (i, r) in releases.iter().enumerate() {
        for (kind, t) in terms_of(r) {
            by_term
                .entry((r.lang, kind, t.slug.as_str()))
                .or_default()
                .push(i);
        }
    }
    for v in by_term.values_mut() {
        v.sort_by(|&a, &b| order::oldest_first(&releases[a], &releases[b]));
    }
    // Each start as nanoseconds from one moment, reckoned once: distances are differences.
    let starts: Vec<i128> = releases
        .iter()
        .map(|r| r.start.duration_since(DateTime::MIN).as_nanos())
        .collect();
    let distance = |a: usize, b: usize| starts[a].abs_diff(starts[b]);
    let near = |list: &[usize], i: usize| -> Vec<usize> {
        let pos =
            list.partition_point(|&j| order::oldest_first(&releases[j], &releases[i]).is_lt());
        let lo = pos.saturating_sub(RELATED_WINDOW);
        let hi = (pos + RELATED_WINDOW + 1).min(list.len());
        list[lo..hi].iter().copied().filter(|&j| j != i).collect()
    };
    let related: Vec<Vec<usize>> = (0..releases.len())
        .into_par_iter()
        .map(|i| {
            let r = &releases[i];
            let mut shared: BTreeMap<usize, usize> = BTreeMap::new();
            for (kind, t) in terms_of(r) {
                if let Some(list) = by_term.get(&(r.lang, kind, t.slug.as_str())) {
                    for j in near(list, i) {
                        *shared.entry(j).or_default() += 1;
                    }
                }
            }
            let mut ranked: Vec<(usize, usize)> = shared.into_iter().collect();
            ranked.sort_by(|&(a, sa), &(b, sb)| {
                sb.cmp(&sa)
                    .then_with(|| distance(i, a).cmp(&distance(i, b)))
                    .then_with(|| releases[a].slug.cmp(&releases[b].slug))
            });
            // Not collected in place: that would keep `ranked`'s whole allocation (every
            // candidate) for five numbers, 14 MiB on 10 000 releases.
            let mut five = Vec::with_capacity(RELATED_COUNT.min(ranked.len()));
            five.extend(ranked.into_iter().take(RELATED_COUNT).map(|(j, _)| j));
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
