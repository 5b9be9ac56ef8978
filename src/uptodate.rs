//! A build with nothing changed does nothing. After a build without warnings, a stamp in the
//! site's cache (`.jarya-cache/builds/`) records a fingerprint of everything the build read
//! and one of the output folder it wrote; the next build computes both again and, when they
//! are equal, keeps the output as it is (every file, its bytes and its modification time).
//!
//! What the inputs are: every file under `content/`, `templates/` and `static/` (path and
//! bytes), the jarya program itself (size and modification time: a new version renders
//! differently), the options (`--out`, `--base-url`, `--drafts`, `--search`), the build's time
//! (`SOURCE_DATE_EPOCH`; without it the clock decides calendars' DTSTAMP and "upcoming", so
//! there is no skipping) and the git dates of releases when they are used. The output's
//! fingerprint is each file's path, size, modification time and (on Unix) inode: an output
//! folder touched by anything else is built again. A build sums it as it writes (the output
//! folder is read only by the next build, to compare). A build with warnings leaves no stamp, so
//! its warnings are shown again next time.

use crate::{BuildOptions, Report};
use rayon::prelude::*;
use std::path::{Path, PathBuf};
use std::time::Instant;

/// Where the stamp of builds into `out` is kept.
fn stamp_path(site: &Path, out: &Path) -> PathBuf {
    let out = std::path::absolute(out).unwrap_or_else(|_| out.to_path_buf());
    let name = fnv(0, out.to_string_lossy().as_bytes());
    site.join(crate::images::CACHE)
        .parent()
        .unwrap_or(site)
        .join("builds")
        .join(format!("{name:016x}.txt"))
}

/// The fingerprint of what a build of `opts` into `out` reads; `None` when the build's time
/// is the clock (then no two builds are the same).
pub fn inputs(
    opts: &BuildOptions,
    out: &Path,
    git: &crate::content::git::FirstCommits,
) -> Option<u64> {
    let epoch = std::env::var("SOURCE_DATE_EPOCH").ok()?;
    if opts.live_reload.is_some() {
        return None;
    }
    let exe = std::env::current_exe().ok()?.metadata().ok()?;
    let mut h = fnv(0, env!("CARGO_PKG_VERSION").as_bytes());
    h = fnv(
        h,
        format!("{:?}{:?}", exe.len(), exe.modified().ok()).as_bytes(),
    );
    h = fnv(
        h,
        format!(
            "{epoch}|{:?}|{:?}|{}|{}|{out:?}",
            opts.base_url, opts.today, opts.drafts, opts.search
        )
        .as_bytes(),
    );
    let mut files: Vec<PathBuf> = ["content", "templates", "static"]
        .iter()
        .flat_map(|d| {
            walkdir::WalkDir::new(opts.site.join(d))
                .into_iter()
                .flatten()
        })
        .filter(|e| !e.file_type().is_dir())
        .map(|e| e.into_path())
        .collect();
    crate::content::sort_paths(&mut files, |f| f);
    let per_file: Vec<Option<u64>> = files
        .par_iter()
        .map(|f| {
            let rel = f.strip_prefix(&opts.site).unwrap_or(f);
            std::fs::read(f).ok().map(|bytes| {
                fnv(
                    fnv(0, rel.to_string_lossy().as_bytes()),
                    &crate::content::body::hash(&bytes).to_le_bytes(),
                )
            })
        })
        .collect();
    for f in per_file {
        h = fnv(h, &f?.to_le_bytes());
    }
    Some(fnv(h, format!("{git:?}").as_bytes()))
}

/// The fingerprint of the output folder as it is now: [`Prints`] of every entry but folders
/// (files, and links that nothing of jarya's writes), their paths, sizes, times and inodes
/// looked up on all cores.
fn output(out: &Path) -> Option<u64> {
    let entries = walkdir::WalkDir::new(out)
        .into_iter()
        .collect::<Result<Vec<_>, _>>()
        .ok()?;
    let prints = Prints::default();
    entries
        .par_iter()
        .filter(|e| !e.file_type().is_dir())
        .try_for_each(|e| {
            let rel = e.path().strip_prefix(out).unwrap_or(e.path());
            prints.add(rel, &e.metadata().ok()?);
            Some(())
        })?;
    prints.finish()
}

/// The fingerprint of a folder's files, added up file by file in any order: by the write stage
/// as it writes each file (`output::Staging`, from the file it holds open: no second look at
/// the folder once it is written), and by [`output`] from the folder on disk. Each file's
/// print is its path's parts, size, modification time (nanoseconds from 1970, negative before)
/// and inode, hashed as bytes; the prints are summed, so their order does not matter.
#[derive(Default)]
pub struct Prints {
    sum: std::sync::atomic::AtomicU64,
    files: std::sync::atomic::AtomicU64,
}

impl Prints {
    /// Adds the file at `rel` (relative to the folder), as `meta` describes it.
    pub fn add(&self, rel: &Path, meta: &std::fs::Metadata) {
        use std::sync::atomic::Ordering::Relaxed;
        let nanos = |d: std::time::Duration| i128::try_from(d.as_nanos()).unwrap_or(i128::MAX);
        let mtime = match meta
            .modified()
            .map(|t| t.duration_since(std::time::UNIX_EPOCH))
        {
            Ok(Ok(after)) => nanos(after),
            Ok(Err(before)) => -nanos(before.duration()),
            Err(_) => i128::MIN,
        };
        let mut h = 0;
        for part in rel.components() {
            h = fnv(fnv(h, part.as_os_str().as_encoded_bytes()), b"/");
        }
        h = fnv(h, &meta.len().to_le_bytes());
        h = fnv(h, &mtime.to_le_bytes());
        h = fnv(h, &inode(meta).to_le_bytes());
        self.sum.fetch_add(h, Relaxed);
        self.files.fetch_add(1, Relaxed);
    }

    /// The fingerprint; `None` for a folder without files.
    pub fn finish(&self) -> Option<u64> {
        use std::sync::atomic::Ordering::Relaxed;
        let files = self.files.load(Relaxed);
        (files > 0).then(|| {
            fnv(
                fnv(0, &self.sum.load(Relaxed).to_le_bytes()),
                &files.to_le_bytes(),
            )
        })
    }
}

#[cfg(unix)]
fn inode(meta: &std::fs::Metadata) -> u64 {
    std::os::unix::fs::MetadataExt::ino(meta)
}

#[cfg(not(unix))]
fn inode(_: &std::fs::Metadata) -> u64 {
    0
}

/// The report of the last build into `out` when nothing changed since (`inputs` equal, the
/// output as that build left it), marked as unchanged.
pub fn unchanged(opts: &BuildOptions, out: &Path, inputs: u64, started: Instant) -> Option<Report> {
    let text = std::fs::read_to_string(stamp_path(&opts.site, out)).ok()?;
    let mut lines = text.lines();
    let mut next = || lines.next().map(str::to_string);
    if next()? != "jarya build stamp 3" || next()? != format!("{inputs:016x}") {
        return None;
    }
    if next()? != format!("{:016x}", output(out)?) {
        return None;
    }
    let mut numbers = next()?
        .split(' ')
        .map(str::parse::<usize>)
        .collect::<Result<Vec<_>, _>>()
        .ok()?
        .into_iter();
    let (pages, other_files, static_files) = (numbers.next()?, numbers.next()?, numbers.next()?);
    let releases = next()?
        .split(' ')
        .filter(|s| !s.is_empty())
        .map(|pair| {
            let (lang, n) = pair.split_once('=')?;
            Some((crate::i18n::Lang::from_code(lang)?, n.parse().ok()?))
        })
        .collect::<Option<Vec<_>>>()?;
    Some(Report {
        pages,
        other_files,
        static_files,
        releases,
        warnings: Vec::new(),
        out: Some(out.to_path_buf()),
        elapsed: started.elapsed(),
        pages_by_source: Vec::new(),
        unchanged: true,
        written: None,
    })
}

/// Records a finished build (best effort: without a stamp the next build only does the work
/// again). A build with warnings removes the stamp.
pub fn save(opts: &BuildOptions, out: &Path, inputs: Option<u64>, report: &Report) {
    let path = stamp_path(&opts.site, out);
    // The output folder is looked at only when there is a stamp to write.
    let written = inputs
        .filter(|_| report.warnings.is_empty())
        .and_then(|inputs| Some((inputs, report.written?)));
    let Some((inputs, written)) = written else {
        let _ = std::fs::remove_file(&path);
        return;
    };
    let releases: Vec<String> = report
        .releases
        .iter()
        .map(|(l, n)| format!("{}={n}", l.code()))
        .collect();
    let text = format!(
        "jarya build stamp 3\n{inputs:016x}\n{written:016x}\n{} {} {}\n{}\n",
        report.pages,
        report.other_files,
        report.static_files,
        releases.join(" ")
    );
    if let Some(dir) = path.parent() {
        let _ = std::fs::create_dir_all(dir);
    }
    let _ = std::fs::write(&path, text);
}

/// FNV-1a, 64 bits, continuing from `h` (0 starts a new hash): stable across machines.
fn fnv(h: u64, bytes: &[u8]) -> u64 {
    let mut h = if h == 0 { 0xcbf2_9ce4_8422_2325 } else { h };
    for &b in bytes {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    h
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::{Duration, UNIX_EPOCH};

    fn set_mtime(path: &Path, secs: u64) {
        let file = std::fs::File::options().write(true).open(path).unwrap();
        file.set_modified(UNIX_EPOCH + Duration::from_secs(secs))
            .unwrap();
    }

    #[test]
    fn the_print_summed_while_writing_is_the_print_of_the_folder_written() {
        let tmp = tempfile::tempdir().unwrap();
        let out = tmp.path().join("public");
        let files = [
            ("index.html", "<p>a</p>"),
            ("ru/x/index.html", "<p>б</p>"),
            ("ru/x/event.ics", ""),
        ];
        // A first build (no output folder), then one that finds every file unchanged (hard
        // links) but one.
        for changed in ["<p>a</p>", "<p>b</p>"] {
            let staging = crate::output::Staging::new(&out).unwrap();
            for (rel, text) in files {
                let text = if rel == "index.html" { changed } else { text };
                crate::output::Sink::put(&staging, Path::new(rel), text.as_bytes()).unwrap();
            }
            let written = staging.written();
            staging.commit().unwrap();
            assert!(written.is_some());
            assert_eq!(written, output(&out));
        }
    }

    #[test]
    fn the_output_print_changes_with_a_files_time_size_or_name() {
        let tmp = tempfile::tempdir().unwrap();
        let file = tmp.path().join("a/index.html");
        std::fs::create_dir_all(file.parent().unwrap()).unwrap();
        std::fs::write(&file, "<p>a</p>").unwrap();
        set_mtime(&file, 1_700_000_000);
        let first = output(tmp.path()).unwrap();
        assert_eq!(output(tmp.path()), Some(first));
        set_mtime(&file, 1_700_000_001);
        assert_ne!(output(tmp.path()), Some(first));
        set_mtime(&file, 1_700_000_000);
        assert_eq!(output(tmp.path()), Some(first));
        std::fs::write(&file, "<p>b</p>").unwrap();
        set_mtime(&file, 1_700_000_000);
        assert_eq!(output(tmp.path()), Some(first), "same size, time and inode");
        std::fs::write(&file, "<p>bb</p>").unwrap();
        set_mtime(&file, 1_700_000_000);
        let longer = output(tmp.path()).unwrap();
        assert_ne!(longer, first);
        let moved = tmp.path().join("a/other.html");
        std::fs::rename(&file, &moved).unwrap();
        assert_ne!(output(tmp.path()), Some(longer));
        std::fs::remove_file(&moved).unwrap();
        assert_eq!(output(tmp.path()), None, "no file: no print");
    }
}
