//! The dev server's watcher. The operating system reports saved files (inotify, FSEvents,
//! ReadDirectoryChangesW through the `notify` crate), so an edit is handed to the builder a few
//! milliseconds after the save. A full look at the site's folders (size and modification time
//! of each file) every few seconds catches what notifications miss (network drives, a folder
//! created after the start); without notifications it is the only way, twice a second.

use super::Builder;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{Receiver, RecvTimeoutError};
use std::time::{Duration, Instant, SystemTime};

/// The folders of a site that are watched.
const WATCHED: [&str; 3] = ["content", "templates", "static"];
/// How long the files must stay quiet after a notification before building (an editor may
/// write a file in several steps), and the longest wait for that quiet.
const QUIET: Duration = Duration::from_millis(15);
const MAX_SETTLE: Duration = Duration::from_millis(150);

/// A file's size and modification time, per file under the watched folders.
pub(super) type Snapshot = BTreeMap<PathBuf, Stamp>;
type Stamp = (u64, Option<SystemTime>);

pub(super) fn snapshot(site: &Path) -> Snapshot {
    let mut map = Snapshot::new();
    for dir in WATCHED {
        for entry in walkdir::WalkDir::new(site.join(dir)).into_iter().flatten() {
            if let Some(stamp) = entry.metadata().ok().and_then(|m| file_stamp(&m)) {
                map.insert(entry.into_path(), stamp);
            }
        }
    }
    map
}

fn file_stamp(meta: &std::fs::Metadata) -> Option<Stamp> {
    meta.is_file().then(|| (meta.len(), meta.modified().ok()))
}

pub(super) fn watch(site: &Path, builder: &mut Builder<'_>, stop: &AtomicBool, first: Snapshot) {
    let (tx, rx) = std::sync::mpsc::channel();
    // Kept alive while watching; dropping it ends the notifications.
    let notifier = notify::recommended_watcher(tx).and_then(|mut w| {
        use notify::Watcher;
        for dir in WATCHED.map(|d| site.join(d)).iter().filter(|d| d.is_dir()) {
            w.watch(dir, notify::RecursiveMode::Recursive)?;
        }
        Ok(w)
    });
    let mut w = Watch {
        site,
        last: first,
        notified: notifier.is_ok(),
    };
    let mut next_look = Instant::now();
    while !stop.load(Ordering::Relaxed) {
        let event = if w.notified {
            match rx.recv_timeout(Duration::from_millis(50)) {
                Ok(e) => Some(e),
                Err(RecvTimeoutError::Timeout) => None,
                Err(RecvTimeoutError::Disconnected) => {
                    w.notified = false;
                    None
                }
            }
        } else {
            std::thread::sleep(Duration::from_millis(50));
            None
        };
        let changed = match event {
            Some(e) if relevant(&e) => w.notified_changes(e, &rx),
            Some(_) => Vec::new(),
            None if Instant::now() >= next_look => {
                let started = Instant::now();
                let changed = w.look();
                // A full look costs a walk of the site: every few seconds with notifications,
                // twice a second without, never more often than the walk allows.
                let every = if w.notified { 3000 } else { 400 };
                next_look =
                    Instant::now() + Duration::from_millis(every).max(started.elapsed() * 4);
                changed
            }
            None => Vec::new(),
        };
        if !changed.is_empty() {
            builder.changed(&changed);
        }
    }
    drop(notifier);
    // Wake long-polls so they end.
    builder.state.changed.notify_all();
}

/// Whether a notification may mean a change: not a file or folder merely opened or read
/// (jarya's own reading and the full look open them too), but a file closed after writing is.
fn relevant(e: &notify::Result<notify::Event>) -> bool {
    use notify::event::{AccessKind, AccessMode, EventKind};
    match e {
        Ok(e) => match e.kind {
            EventKind::Access(k) => k == AccessKind::Close(AccessMode::Write),
            _ => true,
        },
        Err(_) => true,
    }
}

struct Watch<'a> {
    site: &'a Path,
    last: Snapshot,
    notified: bool,
}

impl Watch<'_> {
    /// The files named by `first` and the notifications that follow it until the files are
    /// quiet, each compared with what it was (a temporary file an editor wrote and removed
    /// again is no change). Relative to the site folder.
    fn notified_changes(
        &mut self,
        first: notify::Result<notify::Event>,
        rx: &Receiver<notify::Result<notify::Event>>,
    ) -> Vec<PathBuf> {
        let mut paths = Vec::new();
        let mut rescan = false;
        let mut take = |e: notify::Result<notify::Event>| match e {
            Ok(e) if !relevant(&Ok(e.clone())) => {}
            Ok(e) if !e.need_rescan() => paths.extend(e.paths),
            _ => rescan = true,
        };
        take(first);
        let started = Instant::now();
        while let Ok(e) = rx.recv_timeout(QUIET) {
            take(e);
            if started.elapsed() > MAX_SETTLE {
                break;
            }
        }
        if rescan || paths.iter().any(|p| p.is_dir()) {
            return self.look();
        }
        paths.sort();
        paths.dedup();
        let mut changed = Vec::new();
        for path in paths {
            let now = std::fs::metadata(&path).ok().and_then(|m| file_stamp(&m));
            let before = self.last.get(&path).copied();
            if now == before {
                continue;
            }
            match now {
                Some(stamp) => self.last.insert(path.clone(), stamp),
                None => self.last.remove(&path),
            };
            changed.push(self.relative(path));
        }
        changed
    }

    /// Every file that is new, changed or gone since the last look (relative to the site).
    fn look(&mut self) -> Vec<PathBuf> {
        let now = snapshot(self.site);
        if now == self.last {
            return Vec::new();
        }
        let changed: Vec<PathBuf> = now
            .iter()
            .filter(|(p, m)| self.last.get(*p) != Some(m))
            .map(|(p, _)| p.clone())
            .chain(self.last.keys().filter(|p| !now.contains_key(*p)).cloned())
            .map(|p| self.relative(p))
            .collect();
        self.last = now;
        changed
    }

    fn relative(&self, p: PathBuf) -> PathBuf {
        p.strip_prefix(self.site)
            .map(Path::to_path_buf)
            .unwrap_or(p)
    }
}
