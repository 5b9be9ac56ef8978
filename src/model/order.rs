//! Model, order: the release sort orders, each written once.

use super::Release;
use jiff::civil::DateTime;
use std::cmp::{Ordering, Reverse};

/// Newest first (by start), ties by slug: archives, feeds, the order of `Site::releases`
/// within a language.
pub fn newest_first(x: &Release, y: &Release) -> Ordering {
    newest_first_key(x).cmp(&newest_first_key(y))
}

/// The key that [`newest_first`] compares. Sorting many releases by keys gathered once
/// compares small values side by side instead of reaching into each release again.
pub fn newest_first_key(r: &Release) -> (Reverse<DateTime>, &str) {
    (Reverse(r.start), &r.slug)
}

/// Oldest first (by start), ties by slug: the time line that related releases are picked from.
pub fn oldest_first(x: &Release, y: &Release) -> Ordering {
    oldest_first_key(x).cmp(&oldest_first_key(y))
}

/// The key that [`oldest_first`] compares.
pub fn oldest_first_key(r: &Release) -> (DateTime, &str) {
    (r.start, &r.slug)
}

/// List order: upcoming releases (soonest first), then past ones (newest first).
pub fn list(x: &Release, y: &Release) -> Ordering {
    match (x.upcoming, y.upcoming) {
        (true, false) => Ordering::Less,
        (false, true) => Ordering::Greater,
        (true, true) => oldest_first(x, y),
        (false, false) => newest_first(x, y),
    }
}

/// Sorts release indexes in list order.
pub fn list_order(releases: &[Release], mut ids: Vec<usize>) -> Vec<usize> {
    ids.sort_by(|&a, &b| list(&releases[a], &releases[b]));
    ids
}
