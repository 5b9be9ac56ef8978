//! The dev server's watcher: what the site's folders hold (size and modification time of each
//! file), compared about twice a second; a change is handed to the builder.

use super::Builder;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant, SystemTime};

/// A file's size and modification time, per file under the watched folders.
pub(super) type Snapshot = BTreeMap<PathBuf, (u64, Option<SystemTime>)>;

pub(super) fn snapshot(site: &Path) -> Snapshot {
    let mut map = Snapshot::new();
    for dir in ["content", "templates", "static"] {
        for entry in walkdir::WalkDir::new(site.join(dir)).into_iter().flatten() {
            if let Ok(meta) = entry.metadata()
                && meta.is_file()
            {
                map.insert(entry.into_path(), (meta.len(), meta.modified().ok()));
            }
        }
    }
    map
}

pub(super) fn watch(site: &Path, builder: &mut Builder<'_>, stop: &AtomicBool, first: Snapshot) {
    let mut last = first;
    while !stop.load(Ordering::Relaxed) {
        // Look about twice a second; on very large sites, no more often than the walk allows.
        let started = Instant::now();
        let now = snapshot(site);
        let pause = Duration::from_millis(400).max(started.elapsed() * 4);
        if now != last {
            // Let an editor finish writing before building.
            std::thread::sleep(Duration::from_millis(100));
            let settled = snapshot(site);
            let changed: Vec<PathBuf> = settled
                .iter()
                .filter(|(p, m)| last.get(*p) != Some(m))
                .map(|(p, _)| p.clone())
                .chain(last.keys().filter(|p| !settled.contains_key(*p)).cloned())
                .map(|p| p.strip_prefix(site).map(Path::to_path_buf).unwrap_or(p))
                .collect();
            last = settled;
            builder.changed(&changed);
        }
        let deadline = Instant::now() + pause;
        while Instant::now() < deadline && !stop.load(Ordering::Relaxed) {
            std::thread::sleep(Duration::from_millis(50));
        }
    }
    // Wake long-polls so they end.
    builder.state.changed.notify_all();
}
