//! What other pages use of a release file (its front matter and first paragraph), as one
//! number: when only the rest of a release changed, `serve` re-renders its page alone.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// The fingerprint of every Markdown file under `content/`, by path relative to the site.
pub(super) fn fingerprints(site: &Path) -> BTreeMap<PathBuf, u64> {
    use rayon::prelude::*;
    let files: Vec<PathBuf> = walkdir::WalkDir::new(site.join("content"))
        .into_iter()
        .flatten()
        .filter(|e| e.file_type().is_file() && e.path().extension().is_some_and(|x| x == "md"))
        .filter_map(|e| e.path().strip_prefix(site).ok().map(Path::to_path_buf))
        .collect();
    files
        .into_par_iter()
        .filter_map(|rel| fingerprint(site, &rel).map(|f| (rel, f)))
        .collect()
}

/// What other pages use of a release file: its front matter and its first paragraph.
pub(super) fn fingerprint(site: &Path, rel: &Path) -> Option<u64> {
    use std::hash::{Hash, Hasher};
    let text = crate::content::read_text(site, &site.join(rel)).ok()?;
    let split = crate::content::split_front_matter(&text).ok()?;
    let first =
        crate::markdown::first_paragraph_text(crate::content::body_at(&text, split.body_offset));
    let mut h = std::collections::hash_map::DefaultHasher::new();
    split.front.hash(&mut h);
    first.hash(&mut h);
    Some(h.finish())
}
