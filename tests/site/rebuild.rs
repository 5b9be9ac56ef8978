//! Rebuilding into an output folder that exists: files whose bytes did not change are kept as
//! they were (same inode, same modification time), so uploads by rsync or to a CDN stay small;
//! the result is still exactly what a fresh build writes.

use super::*;
use std::os::unix::fs::MetadataExt;
use std::time::SystemTime;

/// Every file of `dir` with its inode and modification time.
fn stamps(dir: &Path) -> BTreeMap<String, (u64, SystemTime)> {
    tree(dir)
        .into_keys()
        .map(|rel| {
            let meta = std::fs::metadata(dir.join(&rel)).unwrap();
            let stamp = (meta.ino(), meta.modified().unwrap());
            (rel, stamp)
        })
        .collect()
}

fn build_into(site: &Path, out: &Path) {
    let o = build_to(site, out);
    assert!(o.status.success(), "{}", stderr(&o));
}

#[test]
fn a_rebuild_keeps_unchanged_files_and_rewrites_only_what_changed() {
    let tmp = tempfile::tempdir().unwrap();
    let site = tmp.path().join("site");
    write_files(&site, sample_files());
    let out = tmp.path().join("public");
    build_into(&site, &out);
    let first = stamps(&out);

    // Nothing changed: every file is the one written before.
    build_into(&site, &out);
    let again = stamps(&out);
    assert_eq!(first, again, "a rebuild with nothing changed rewrote files");

    // One release's last paragraph changed: its page is new, the rest is kept.
    let release = std::fs::read_dir(site.join("content/ru"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "md"))
        .min()
        .unwrap();
    let slug = release.file_stem().unwrap().to_string_lossy().into_owned();
    let mut text = std::fs::read_to_string(&release).unwrap();
    text.push_str("\nНовый последний абзац для проверки.\n");
    std::fs::write(&release, text).unwrap();
    build_into(&site, &out);
    let edited = stamps(&out);
    let page = format!("ru/{slug}/index.html");
    assert!(read(&out, &page).contains("Новый последний абзац"));
    assert_ne!(
        edited[&page], first[&page],
        "the changed page was not rewritten"
    );
    // The sample has search: the index holds the text, so the page's fragment, the index
    // chunks that hold its words and the files naming them change too, all under pagefind/.
    let rewritten: Vec<&String> = edited
        .iter()
        .filter(|(k, v)| first.get(*k) != Some(v))
        .map(|(k, _)| k)
        .collect();
    let outside: Vec<&&String> = rewritten
        .iter()
        .filter(|k| !k.starts_with("pagefind/"))
        .collect();
    assert_eq!(
        outside,
        [&&page],
        "only the changed page should be rewritten"
    );
    let index = rewritten.len() - 1;
    let total = edited.keys().filter(|k| k.starts_with("pagefind/")).count();
    assert!(
        index >= 1 && index * 2 < total,
        "{index} of {total} index files rewritten"
    );

    // And the kept tree is byte for byte a fresh build.
    let fresh = tmp.path().join("fresh");
    build_into(&site, &fresh);
    assert!(
        tree(&out) == tree(&fresh),
        "a rebuild differs from a fresh build"
    );
}

/// Runs a build and returns its summary line (stdout).
fn summary(site: &Path, out: &Path, env: &[(&str, &str)]) -> String {
    let o = build_to_env(site, out, env);
    assert!(o.status.success(), "{}", stderr(&o));
    String::from_utf8_lossy(&o.stdout).into_owned()
}

#[test]
fn a_build_with_nothing_changed_does_nothing_and_anything_changed_builds_again() {
    let tmp = tempfile::tempdir().unwrap();
    let site = tmp.path().join("site");
    write_files(&site, sample_files());
    let out = tmp.path().join("public");
    let unchanged = "Nothing changed since the last build";
    assert!(!summary(&site, &out, &[]).contains(unchanged));
    let first = stamps(&out);
    let again = summary(&site, &out, &[]);
    assert!(again.contains(unchanged), "{again}");
    assert_eq!(stamps(&out), first);

    // A changed output file (a deploy step, a hand edit) is put back by a real build.
    std::fs::write(out.join("robots.txt"), "changed by hand").unwrap();
    assert!(!summary(&site, &out, &[]).contains(unchanged));
    assert_ne!(read(&out, "robots.txt"), "changed by hand");
    assert!(summary(&site, &out, &[]).contains(unchanged));

    // Each kind of input counts: a release, a template, a static file, the options, the time.
    let inputs: [(&str, &[u8]); 3] = [
        ("content/topics.yaml", b"\n# edited\n"),
        ("templates/extra.html", b"<p>x</p>"),
        ("static/extra.txt", b"x"),
    ];
    for (file, bytes) in inputs {
        let path = site.join(file);
        let mut text = std::fs::read(&path).unwrap_or_default();
        text.extend_from_slice(bytes);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, text).unwrap();
        assert!(!summary(&site, &out, &[]).contains(unchanged), "{file}");
        assert!(summary(&site, &out, &[]).contains(unchanged), "{file}");
    }
    let later = [("SOURCE_DATE_EPOCH", "1760000000")];
    assert!(!summary(&site, &out, &later).contains(unchanged));
    // Without SOURCE_DATE_EPOCH the clock decides calendars and "upcoming": never skipped.
    let clock = [("SOURCE_DATE_EPOCH", "")];
    assert!(!summary(&site, &out, &clock).contains(unchanged));
    assert!(!summary(&site, &out, &clock).contains(unchanged));
}
