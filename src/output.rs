//! Write stage: every file goes to a staging folder beside the output folder, which is swapped
//! in only when the whole build worked. A failed build leaves the old output exactly as it was.

use crate::error::{Diagnostic, Error, Result};
use crate::plan::Plan;
use crate::theme::StaticSource;
use rayon::prelude::*;
use std::path::{Component, Path, PathBuf};

/// Where rendered files go.
pub trait Sink: Sync {
    /// Stores `bytes` at `rel`, a path relative to the output folder.
    fn put(&self, rel: &Path, bytes: &[u8]) -> Result<()>;

    /// Copies the file `source` to `rel`.
    fn copy(&self, rel: &Path, source: &Path) -> Result<()> {
        let bytes = std::fs::read(source).map_err(|e| Error::io(source, e))?;
        self.put(rel, &bytes)
    }
}

/// A sink that keeps nothing (for `check`).
pub struct Discard;

impl Sink for Discard {
    fn put(&self, rel: &Path, _bytes: &[u8]) -> Result<()> {
        checked_relative(rel).map(|_| ())
    }

    fn copy(&self, rel: &Path, _source: &Path) -> Result<()> {
        checked_relative(rel).map(|_| ())
    }
}

/// Copies the plan's static and bundle files into `sink`, calling `tick` after each.
pub fn copy_statics(plan: &Plan, sink: &dyn Sink, tick: &(dyn Fn() + Sync)) -> Result<()> {
    plan.statics.par_iter().try_for_each(|(rel, source)| {
        let done = match source {
            StaticSource::Builtin(bytes) => sink.put(rel, bytes),
            StaticSource::File(path) => sink.copy(rel, path),
        };
        tick();
        done
    })
}

/// Writes every resized picture of the plan: from `cache` when it holds them (a rebuild
/// encodes nothing), else encoded there. A picture that cannot be encoded is an error on the
/// release that shows it.
pub fn write_pictures(
    plan: &Plan,
    cache: Option<&Path>,
    sink: &dyn Sink,
    tick: &(dyn Fn() + Sync),
) -> Result<()> {
    let sources: Vec<(&PathBuf, &crate::images::Source)> = plan.pictures.iter().collect();
    sources.par_iter().try_for_each(|(rel, source)| {
        let variants = crate::images::encode(source, cache).map_err(|detail| {
            Error::Content(vec![
                Diagnostic::error(
                    source.file.clone(),
                    crate::msg!(
                        "image-unreadable",
                        path = format!("{} ({detail})", rel.display())
                    ),
                )
                .with_hint(crate::msg!("image-unreadable-hint")),
            ])
        })?;
        for ((w, f), bytes) in variants {
            sink.put(
                &crate::urls::file(&crate::urls::picture_variant(&source.hash, w, f.ext())),
                &bytes,
            )?;
            tick();
        }
        Ok(())
    })
}

/// The suffix of a staging folder's scratch folder.
const SCRATCH: &str = ".search";

/// A working folder, removed when dropped.
pub struct Scratch(PathBuf);

impl Scratch {
    /// Where it is.
    pub fn path(&self) -> &Path {
        &self.0
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// A staging folder that becomes the output folder on [`Staging::commit`], or is removed when
/// dropped uncommitted.
pub struct Staging {
    dir: PathBuf,
    target: PathBuf,
    committed: bool,
    /// Whether there was an output folder to compare files with (a first build looks up none
    /// of its files there).
    had_old: bool,
    /// The fingerprint of the files put so far, for the no-change check of the next build.
    prints: crate::uptodate::Prints,
    /// A file whose print could not be taken: the fingerprint is not known.
    unprinted: std::sync::atomic::AtomicBool,
}

impl Staging {
    /// Creates an empty staging folder next to `target`.
    pub fn new(target: &Path) -> Result<Self> {
        let name = target
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_else(|| "public".to_string());
        let parent = target
            .parent()
            .filter(|p| !p.as_os_str().is_empty())
            .unwrap_or(Path::new("."));
        std::fs::create_dir_all(parent).map_err(|e| Error::io(parent, e))?;
        let prefix = format!(".{name}.jarya-staging-");
        restore_missing_output(target, parent, &prefix);
        remove_old_trees(parent, &prefix);
        let dir = parent.join(format!("{prefix}{}", std::process::id()));
        if dir.exists() {
            std::fs::remove_dir_all(&dir).map_err(|e| Error::io(&dir, e))?;
        }
        std::fs::create_dir(&dir).map_err(|e| Error::io(&dir, e))?;
        Ok(Staging {
            dir,
            target: target.to_path_buf(),
            committed: false,
            had_old: target.is_dir(),
            prints: Default::default(),
            unprinted: Default::default(),
        })
    }

    /// A working folder for the search step (Pagefind reads its pages from disk), beside the
    /// staging folder; removed when the guard drops, and by the next build if this one is
    /// killed. Nothing in it is published.
    pub fn scratch(&self) -> Result<Scratch> {
        let mut name = self.dir.as_os_str().to_os_string();
        name.push(SCRATCH);
        let dir = PathBuf::from(name);
        if dir.exists() {
            std::fs::remove_dir_all(&dir).map_err(|e| Error::io(&dir, e))?;
        }
        std::fs::create_dir(&dir).map_err(|e| Error::io(&dir, e))?;
        Ok(Scratch(dir))
    }

    /// The fingerprint of every file put ([`crate::uptodate::Prints`]); `None` when one's
    /// could not be taken or nothing was put.
    pub fn written(&self) -> Option<u64> {
        if self.unprinted.load(std::sync::atomic::Ordering::Relaxed) {
            return None;
        }
        self.prints.finish()
    }

    fn printed(&self, rel: &Path, meta: std::io::Result<std::fs::Metadata>) {
        match meta {
            Ok(meta) => self.prints.add(rel, &meta),
            Err(_) => self
                .unprinted
                .store(true, std::sync::atomic::Ordering::Relaxed),
        }
    }

    /// Replaces the output folder with the staging folder. Returns a warning when the previous
    /// output could not be removed after the swap (the build itself worked; the next build
    /// removes it).
    pub fn commit(self) -> Result<Option<crate::i18n::Message>> {
        self.commit_with(|old| std::fs::remove_dir_all(old))
    }

    fn commit_with(
        mut self,
        remove: impl Fn(&Path) -> std::io::Result<()>,
    ) -> Result<Option<crate::i18n::Message>> {
        let old = self.dir.with_file_name(format!(
            "{}.old",
            self.dir
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default()
        ));
        let had_old = self.target.exists();
        if had_old && exchange(&self.dir, &self.target).is_ok() {
            // The new site is in place; the staging folder now holds the previous one.
            self.committed = true;
            return Ok(remove(&self.dir).err().map(|e| {
                crate::msg!(
                    "output-old-copy-kept",
                    path = &self.dir,
                    reason = crate::error::io_reason(&e)
                )
            }));
        }
        if had_old {
            std::fs::rename(&self.target, &old).map_err(|e| Error::io(&self.target, e))?;
        }
        if let Err(e) = std::fs::rename(&self.dir, &self.target) {
            if had_old {
                // Put the previous output back so nothing is lost.
                let _ = std::fs::rename(&old, &self.target);
            }
            return Err(Error::io(&self.target, e));
        }
        self.committed = true;
        if had_old && let Err(e) = remove(&old) {
            return Ok(Some(crate::msg!(
                "output-old-copy-kept",
                path = &old,
                reason = crate::error::io_reason(&e)
            )));
        }
        Ok(None)
    }
}

/// Swaps two folders in one step (Linux `renameat2(RENAME_EXCHANGE)`), so that there is no
/// moment without an output folder. Elsewhere, or on a file system without it, an error: the
/// caller renames in two steps, and the next build puts back an output folder a kill between
/// them left missing.
#[cfg(target_os = "linux")]
fn exchange(a: &Path, b: &Path) -> std::io::Result<()> {
    use std::ffi::CString;
    use std::os::unix::ffi::OsStrExt;
    let c = |p: &Path| {
        CString::new(p.as_os_str().as_bytes())
            .map_err(|_| std::io::Error::from(std::io::ErrorKind::InvalidInput))
    };
    let (a, b) = (c(a)?, c(b)?);
    // SAFETY: both paths are valid NUL-terminated strings that outlive the call.
    let r = unsafe {
        libc::renameat2(
            libc::AT_FDCWD,
            a.as_ptr(),
            libc::AT_FDCWD,
            b.as_ptr(),
            libc::RENAME_EXCHANGE,
        )
    };
    if r == 0 {
        Ok(())
    } else {
        Err(std::io::Error::last_os_error())
    }
}

#[cfg(not(target_os = "linux"))]
fn exchange(_: &Path, _: &Path) -> std::io::Result<()> {
    Err(std::io::Error::from(std::io::ErrorKind::Unsupported))
}

impl Sink for Staging {
    /// A file whose bytes are the same as in the current output folder is hard-linked from
    /// there, not written: it keeps its modification time (uploads by rsync or to a CDN stay
    /// small) and costs no write. The swap at the end stays atomic: the staging folder holds a
    /// whole site either way.
    fn put(&self, rel: &Path, bytes: &[u8]) -> Result<()> {
        let rel = checked_relative(rel)?;
        let path = self.dir.join(rel);
        let old = self.target.join(rel);
        if let Some(meta) = self
            .had_old
            .then(|| same_file_contents(&old, bytes))
            .flatten()
        {
            let linked = std::fs::hard_link(&old, &path).or_else(|e| {
                in_new_folder(&path, e)?;
                std::fs::hard_link(&old, &path)
            });
            if linked.is_ok() {
                self.printed(rel, Ok(meta));
                return Ok(());
            }
        }
        let file = write_new(&path, bytes)
            .or_else(|e| {
                in_new_folder(&path, e)?;
                write_new(&path, bytes)
            })
            .map_err(|e| Error::io(&path, e))?;
        // Looked up on the file still open: its time is the last write's.
        self.printed(rel, file.metadata());
        Ok(())
    }
}

/// Creates `path` holding `bytes` (as `std::fs::write`), giving back the open file.
fn write_new(path: &Path, bytes: &[u8]) -> std::io::Result<std::fs::File> {
    let mut file = std::fs::File::create(path)?;
    std::io::Write::write_all(&mut file, bytes)?;
    Ok(file)
}

/// After `error` creating `path`: makes its folder when that was missing (the first file of a
/// folder: trying the file first spares a look at the folder for every other one), else gives
/// the error back.
fn in_new_folder(path: &Path, error: std::io::Error) -> std::io::Result<()> {
    match path.parent() {
        Some(parent) if error.kind() == std::io::ErrorKind::NotFound => {
            std::fs::create_dir_all(parent)
        }
        _ => Err(error),
    }
}

/// What `path` is, when it is a regular file (not a link) holding exactly `bytes`.
fn same_file_contents(path: &Path, bytes: &[u8]) -> Option<std::fs::Metadata> {
    let meta = std::fs::symlink_metadata(path).ok()?;
    (meta.is_file()
        && meta.len() == bytes.len() as u64
        && std::fs::read(path).is_ok_and(|old| old == bytes))
    .then_some(meta)
}

impl Drop for Staging {
    fn drop(&mut self) {
        if !self.committed {
            let _ = std::fs::remove_dir_all(&self.dir);
        }
    }
}

/// Removes what earlier builds left beside the output folder: old trees swapped out but not
/// removed (`<prefix><pid>.old`) and the staging folders of builds that were killed
/// (`<prefix><pid>`, when no process `<pid>` runs any more, on Linux; elsewhere only `.old`).
fn remove_old_trees(parent: &Path, prefix: &str) {
    let Ok(entries) = std::fs::read_dir(parent) else {
        return;
    };
    for entry in entries.flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        let Some(rest) = name.strip_prefix(prefix) else {
            continue;
        };
        // A killed build's staging folder (`<pid>`), its scratch folder (`<pid>.search`), or
        // a previous output left by a swap (`.old`).
        let pid = rest.strip_suffix(SCRATCH).unwrap_or(rest);
        let dead = rest.ends_with(".old")
            || pid.parse::<u32>().is_ok_and(|pid| {
                cfg!(target_os = "linux") && !Path::new(&format!("/proc/{pid}")).exists()
            });
        if dead {
            let _ = std::fs::remove_dir_all(entry.path());
        }
    }
}

/// A build killed between its two renames (where `exchange` is not available) leaves no
/// output folder and the previous one as `<prefix><pid>.old`: put it back.
fn restore_missing_output(target: &Path, parent: &Path, prefix: &str) {
    if target.exists() {
        return;
    }
    let Ok(entries) = std::fs::read_dir(parent) else {
        return;
    };
    let mut olds: Vec<PathBuf> = entries
        .flatten()
        .map(|e| e.path())
        .filter(|p| {
            p.file_name()
                .and_then(|n| n.to_str())
                .is_some_and(|n| n.starts_with(prefix) && n.ends_with(".old"))
        })
        .collect();
    olds.sort();
    if let Some(old) = olds.pop() {
        let _ = std::fs::rename(old, target);
    }
}

/// Refuses any path that could leave the output folder (absolute, `..`, drive prefixes).
fn checked_relative(rel: &Path) -> Result<&Path> {
    let ok = rel.components().all(|c| matches!(c, Component::Normal(_)))
        && rel.components().next().is_some();
    if ok {
        Ok(rel)
    } else {
        Err(Error::Usage(crate::msg!("output-outside", path = rel)))
    }
}

/// Keeps what is rendered in memory (tests).
#[cfg(test)]
#[derive(Default)]
pub(crate) struct Memory(pub(crate) std::sync::Mutex<Vec<(PathBuf, Vec<u8>)>>);

#[cfg(test)]
impl Sink for Memory {
    fn put(&self, rel: &Path, bytes: &[u8]) -> Result<()> {
        if let Ok(mut files) = self.0.lock() {
            files.push((rel.to_path_buf(), bytes.to_vec()));
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_outside_the_output_are_refused() {
        assert!(checked_relative(Path::new("ru/index.html")).is_ok());
        assert!(checked_relative(Path::new("../x")).is_err());
        assert!(checked_relative(Path::new("/etc/passwd")).is_err());
        assert!(checked_relative(Path::new("a/../../b")).is_err());
        assert!(checked_relative(Path::new("")).is_err());
    }

    #[test]
    fn commit_swaps_and_drop_cleans_up() {
        let tmp = tempfile::tempdir().unwrap();
        let out = tmp.path().join("public");
        std::fs::create_dir(&out).unwrap();
        std::fs::write(out.join("old.html"), "old").unwrap();

        let s = Staging::new(&out).unwrap();
        s.put(Path::new("a/index.html"), b"new").unwrap();
        drop(s);
        assert!(out.join("old.html").exists());
        assert_eq!(std::fs::read_dir(tmp.path()).unwrap().count(), 1);

        let s = Staging::new(&out).unwrap();
        s.put(Path::new("a/index.html"), b"new").unwrap();
        assert_eq!(s.commit().unwrap(), None);
        assert!(!out.join("old.html").exists());
        assert_eq!(
            std::fs::read_to_string(out.join("a/index.html")).unwrap(),
            "new"
        );
        assert_eq!(std::fs::read_dir(tmp.path()).unwrap().count(), 1);
    }

    #[test]
    fn the_search_scratch_folder_goes_with_its_guard_or_with_the_next_build() {
        let tmp = tempfile::tempdir().unwrap();
        let out = tmp.path().join("public");
        let s = Staging::new(&out).unwrap();
        let scratch = s.scratch().unwrap();
        std::fs::write(scratch.path().join("page.html"), "x").unwrap();
        assert!(scratch.path().starts_with(tmp.path()));
        assert!(!scratch.path().starts_with(&out));
        drop(scratch);
        assert_eq!(std::fs::read_dir(tmp.path()).unwrap().count(), 1);
        drop(s);
        // What a killed build left: its staging and scratch folders (no such process).
        for left in ["4000000000", "4000000000.search"] {
            std::fs::create_dir(tmp.path().join(format!(".public.jarya-staging-{left}"))).unwrap();
        }
        let s = Staging::new(&out).unwrap();
        let names: Vec<_> = std::fs::read_dir(tmp.path())
            .unwrap()
            .map(|e| e.unwrap().file_name().into_string().unwrap())
            .collect();
        if cfg!(target_os = "linux") {
            assert_eq!(
                names,
                [format!(".public.jarya-staging-{}", std::process::id())]
            );
        }
        drop(s);
    }

    #[test]
    fn an_old_tree_that_cannot_be_removed_is_a_warning_and_goes_next_time() {
        let tmp = tempfile::tempdir().unwrap();
        let out = tmp.path().join("public");
        std::fs::create_dir(&out).unwrap();
        std::fs::write(out.join("old.html"), "old").unwrap();
        let s = Staging::new(&out).unwrap();
        s.put(Path::new("new.html"), b"new").unwrap();
        let warning = s
            .commit_with(|_| Err(std::io::Error::other("busy")))
            .unwrap()
            .expect("a warning");
        assert!(warning.to_string().contains("next build"), "{warning}");
        // The new output is in place; the old tree is still beside it.
        assert_eq!(
            std::fs::read_to_string(out.join("new.html")).unwrap(),
            "new"
        );
        assert!(!out.join("old.html").exists());
        assert_eq!(std::fs::read_dir(tmp.path()).unwrap().count(), 2);
        // The next build removes it.
        let s = Staging::new(&out).unwrap();
        s.put(Path::new("x.html"), b"x").unwrap();
        assert_eq!(s.commit().unwrap(), None);
        assert_eq!(std::fs::read_dir(tmp.path()).unwrap().count(), 1);
    }
}
