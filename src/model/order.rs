//! Model, order: the release sort orders, each written once.

use super::Release;
use std::cmp::Ordering;

/// Newest first (by start), ties by slug: archives, feeds, the order of `Site::releases`
/// within a language.
pub fn newest_first(x: &Release, y: &Release) -> Ordering {
    (y.start, &x.slug).cmp(&(x.start, &y.slug))
}

/// Oldest first (by start), ties by slug: the time line that related releases are picked from.
pub fn oldest_first(x: &Release, y: &Release) -> Ordering {
    (x.start, &x.slug).cmp(&(y.start, &y.slug))
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
