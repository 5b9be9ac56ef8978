//! Model, related releases: for each release, up to five of the same language with the most
//! shared topics, then nearest in date. Linear: candidates come from a window per topic.

use super::{Release, order};
use crate::i18n::Lang;
use std::collections::BTreeMap;

/// How many date-nearest releases of each shared topic are looked at when relating releases:
/// bounds the work per release, so relating is linear in the number of releases.
const RELATED_WINDOW: usize = 12;
/// How many related releases a release shows.
const RELATED_COUNT: usize = 5;

/// Fills `related`: releases of the same language with the most shared topics, then nearest in
/// date, then by slug. Candidates are the [`RELATED_WINDOW`] date-nearest releases on each side
/// in each of the release's topics; when fewer than five share a topic, the date-nearest
/// releases of the language fill the list.
pub fn relate(releases: &mut [Release]) {
    // Date-sorted members of each (language, topic), and of each language.
    let mut by_topic: BTreeMap<(Lang, &str), Vec<usize>> = BTreeMap::new();
    let mut by_lang: BTreeMap<Lang, Vec<usize>> = BTreeMap::new();
    for (i, r) in releases.iter().enumerate() {
        by_lang.entry(r.lang).or_default().push(i);
        for t in &r.topics {
            by_topic
                .entry((r.lang, t.slug.as_str()))
                .or_default()
                .push(i);
        }
    }
    for v in by_topic.values_mut().chain(by_lang.values_mut()) {
        v.sort_by(|&a, &b| order::oldest_first(&releases[a], &releases[b]));
    }
    let distance = |a: usize, b: usize| {
        let (x, y) = (releases[a].start, releases[b].start);
        if x > y {
            x.duration_since(y)
        } else {
            y.duration_since(x)
        }
    };
    let near = |list: &[usize], i: usize| -> Vec<usize> {
        let pos =
            list.partition_point(|&j| order::oldest_first(&releases[j], &releases[i]).is_lt());
        let lo = pos.saturating_sub(RELATED_WINDOW);
        let hi = (pos + RELATED_WINDOW + 1).min(list.len());
        list[lo..hi].iter().copied().filter(|&j| j != i).collect()
    };
    let related: Vec<Vec<usize>> = (0..releases.len())
        .map(|i| {
            let r = &releases[i];
            let mut shared: BTreeMap<usize, usize> = BTreeMap::new();
            for t in &r.topics {
                if let Some(list) = by_topic.get(&(r.lang, t.slug.as_str())) {
                    for j in near(list, i) {
                        *shared.entry(j).or_default() += 1;
                    }
                }
            }
            if shared.len() < RELATED_COUNT
                && let Some(list) = by_lang.get(&r.lang)
            {
                for j in near(list, i) {
                    shared.entry(j).or_default();
                }
            }
            let mut ranked: Vec<(usize, usize)> = shared.into_iter().collect();
            ranked.sort_by(|&(a, sa), &(b, sb)| {
                sb.cmp(&sa)
                    .then_with(|| distance(i, a).cmp(&distance(i, b)))
                    .then_with(|| releases[a].slug.cmp(&releases[b].slug))
            });
            ranked
                .into_iter()
                .take(RELATED_COUNT)
                .map(|(j, _)| j)
                .collect()
        })
        .collect();
    for (r, rel) in releases.iter_mut().zip(related) {
        r.related = rel;
    }
}
