//! Hostile input: nothing from content turns into script in a reader's browser.

use super::*;

const BODY: &str = "Текст.\n\n<script>alert(2)</script>\n\n[ссылка](javascript:alert(1)) \
                    <img src=x onerror=\"alert(3)\"> <a href=\"https://x.kg\">ok</a>\n\n\
                    <iframe src=\"https://www.youtube.com/embed/abc\" title=\"Видео\"></iframe>\n";

fn page_of(site: &Path) -> String {
    let (_tmp, out) = build(site, &[]);
    read(&out, "ru/a/index.html")
}

#[test]
fn raw_html_and_script_urls_never_reach_the_page_and_each_drop_is_located() {
    let site = site_with(&[("ru/a.md", &(release("А", "2025-01-10", "ru", "") + BODY))]);
    let page = page_of(site.path());
    for bad in ["<script>alert", "javascript:", "onerror", "<iframe"] {
        assert!(!page.contains(bad), "{bad} published:\n{page}");
    }
    assert!(page.contains("<a href=\"https://x.kg\">ok</a>"), "{page}");
    let o = jarya(&["check", "--site", site.path().to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(0), "warnings only");
    let err = stderr(&o);
    assert!(
        err.contains("this HTML will not be published: <script>"),
        "{err}"
    );
    assert!(
        err.contains("the address \"javascript:alert(1)\" could run script"),
        "{err}"
    );
    assert!(err.contains("onerror=\"…\""), "{err}");
    assert!(
        err.contains("<iframe src=\"https://www.youtube.com/embed/abc\">"),
        "{err}"
    );
    // Each at its line: the front matter ends on line 6, BODY starts on line 8.
    assert!(err.contains("content/ru/a.md:10:1"), "{err}");
    assert!(err.contains("content/ru/a.md:12:1"), "{err}");
}

#[test]
fn embed_hosts_allow_frames_and_unsafe_html_lets_everything_through_with_a_warning() {
    let site = site_with(&[("ru/a.md", &(release("А", "2025-01-10", "ru", "") + BODY))]);
    let settings = site.path().join("content/site.yaml");
    let text = std::fs::read_to_string(&settings).unwrap();
    std::fs::write(&settings, format!("{text}embed_hosts: [www.youtube.com]\n")).unwrap();
    let page = page_of(site.path());
    assert!(
        page.contains("<iframe src=\"https://www.youtube.com/embed/abc\""),
        "{page}"
    );
    assert!(!page.contains("<script>alert"));
    std::fs::write(&settings, format!("{text}unsafe_html: true\n")).unwrap();
    let page = page_of(site.path());
    assert!(page.contains("<script>alert(2)</script>"), "{page}");
    let o = jarya(&["check", "--site", site.path().to_str().unwrap()]);
    assert!(stderr(&o).contains("unsafe_html is on"), "{}", stderr(&o));
    assert!(stderr(&o).contains("content/site.yaml:"), "{}", stderr(&o));
}

/// A YAML alias bomb and 100 000 nested brackets: a located error at once, never a hang.
#[test]
fn alias_bombs_and_deep_nesting_are_errors_not_hangs() {
    let mut bomb = vec![
        "---".to_string(),
        "title: T".to_string(),
        "date: 2025-01-01".to_string(),
        "lang: ru".to_string(),
        "a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]".to_string(),
    ];
    for i in 1..10 {
        bomb.push(format!(
            "a{i}: &a{i} [{}]",
            vec![format!("*a{}", i - 1); 10].join(", ")
        ));
    }
    bomb.extend([
        "organizers: *a9".to_string(),
        "---".to_string(),
        "x".to_string(),
    ]);
    let deep = format!("---\ntitle: {}\n---\n", "[".repeat(100_000));
    let site = site_with(&[("ru/bomb.md", &bomb.join("\n")), ("ru/deep.md", &deep)]);
    let started = std::time::Instant::now();
    let o = jarya(&["check", "--site", site.path().to_str().unwrap()]);
    let err = stderr(&o);
    assert_eq!(o.status.code(), Some(1), "{err}");
    assert!(err.contains("expand too far"), "{err}");
    assert!(err.contains("nested more than 64 deep"), "{err}");
    assert!(err.contains("content/ru/deep.md:2:72"), "{err}");
    // Not a timing target (machines are noisy): a hang here took minutes.
    assert!(started.elapsed().as_secs() < 60);
}

/// Every file under `dir` but the leftovers of killed builds beside the output folder.
fn leftovers(parent: &Path) -> Vec<String> {
    std::fs::read_dir(parent)
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.contains("jarya-staging"))
        .collect()
}

/// SIGKILL at many moments of a build: the output folder is always one whole site, the old
/// one or the new one, never a mix or nothing; the next build cleans what the killed ones left.
#[cfg(unix)]
#[test]
fn a_build_killed_at_any_moment_leaves_a_whole_site() {
    let site = tempfile::tempdir().unwrap();
    for (rel, bytes) in tree(&repo().join("content")) {
        let path = site.path().join("content").join(rel);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, bytes).unwrap();
    }
    let out = site.path().join("public");
    let args = ["build", "--site", site.path().to_str().unwrap()];
    assert!(jarya(&args).status.success());
    let old = tree(&out);
    // The next builds make a different site.
    let file = site.path().join("content/ru/monitoring-yusticii.md");
    let text = std::fs::read_to_string(&file).unwrap();
    std::fs::write(&file, text.replacen("title: ", "title: Новое — ", 1)).unwrap();
    let digest = |t: &BTreeMap<String, Vec<u8>>| {
        use std::hash::{Hash, Hasher};
        let mut h = std::collections::hash_map::DefaultHasher::new();
        t.hash(&mut h);
        h.finish()
    };
    let mut new_ones = Vec::new();
    let mut kills = 0;
    for i in 0..40u64 {
        let mut child = Command::new(env!("CARGO_BIN_EXE_jarya"))
            .args(args)
            .env("SOURCE_DATE_EPOCH", EPOCH)
            .env("JARYA_GIT_DATES", "0")
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn()
            .unwrap();
        std::thread::sleep(std::time::Duration::from_millis(i * 37 % 1500));
        if child.try_wait().unwrap().is_none() {
            kills += 1;
        }
        let _ = child.kill();
        let _ = child.wait();
        let now = tree(&out);
        assert!(!now.is_empty(), "kill {i}: no output folder");
        let is_new = now
            .get("ru/monitoring-yusticii/index.html")
            .is_some_and(|p| String::from_utf8_lossy(p).contains("Новое — "));
        if is_new {
            new_ones.push((i, digest(&now)));
        } else {
            assert!(now == old, "kill {i}: the old site was changed");
        }
    }
    assert!(kills > 20, "only {kills} builds were killed while running");
    assert!(jarya(&args).status.success());
    assert!(read(&out, "ru/monitoring-yusticii/index.html").contains("Новое — "));
    let whole = digest(&tree(&out));
    for (i, d) in new_ones {
        assert_eq!(
            d, whole,
            "kill {i}: a partly written new site was published"
        );
    }
    assert_eq!(
        leftovers(site.path()),
        Vec::<String>::new(),
        "killed builds' folders remain"
    );
}
