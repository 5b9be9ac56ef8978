//! The browser editor (`editor: true`): `/admin/` with a Decap CMS configuration generated
//! from jarya's fields and registries, tried in headless Chromium with Decap's in-memory
//! backend: the form opens, organizers are the registry's entries, and the release it saves
//! is one `jarya check` accepts. The public pages never load the CMS.

use super::serve::Server;
use super::*;

fn editor_site() -> tempfile::TempDir {
    let tmp = tempfile::tempdir().unwrap();
    let o = jarya(&["init", tmp.path().to_str().unwrap(), "--yes"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let settings = tmp.path().join("content/site.yaml");
    let text = std::fs::read_to_string(&settings).unwrap();
    std::fs::write(
        &settings,
        text + "editor: true\neditor_repo: our-ngo/site\n",
    )
    .unwrap();
    tmp
}

#[test]
fn the_editor_is_written_only_when_asked_and_only_under_admin() {
    let site = editor_site();
    let (_tmp, out) = build(site.path(), &[]);
    let config = read(&out, "admin/config.yml");
    assert!(config.contains("repo: \"our-ngo/site\""), "{config}");
    assert!(config.contains("folder: \"content/ky\""), "{config}");
    assert!(
        config.contains("options: [\"ОФ «Наша организация»\"]"),
        "{config}"
    );
    assert!(
        config.contains("options: [\"«Биздин уюм» КФ\"]"),
        "{config}"
    );
    assert!(read(&out, "admin/index.html").contains("decap-cms"));
    for (path, bytes) in tree(&out) {
        if !path.starts_with("admin/") {
            let text = String::from_utf8_lossy(&bytes);
            assert!(
                !text.contains("decap") && !text.contains("unpkg"),
                "{path} loads the CMS"
            );
        }
    }
    // Without `editor: true`, nothing under /admin/; with it but no repository, an error.
    let plain = site_with(&[("ru/a.md", &release("А", "2025-01-01", "ru", ""))]);
    let (_t, out) = build(plain.path(), &[]);
    assert!(!out.join("admin").exists());
    let settings = site.path().join("content/site.yaml");
    let text = std::fs::read_to_string(&settings).unwrap();
    std::fs::write(&settings, text.replace("editor_repo: our-ngo/site\n", "")).unwrap();
    let o = jarya_env(
        &["check", "--site", site.path().to_str().unwrap()],
        &[("GITHUB_REPOSITORY", "")],
    );
    assert_eq!(o.status.code(), Some(1));
    assert!(
        stderr(&o).contains("needs to know the site's GitHub repository"),
        "{}",
        stderr(&o)
    );
}

/// `.ci/run` installs Chromium, playwright-core and decap-cms from npm and sets
/// JARYA_PLAYWRIGHT and JARYA_DECAP; in CI their absence is a failure.
#[test]
fn the_browser_editor_writes_a_release_jarya_accepts() {
    let (Some(modules), Some(decap)) = (
        std::env::var_os("JARYA_PLAYWRIGHT"),
        std::env::var_os("JARYA_DECAP"),
    ) else {
        assert!(
            std::env::var_os("CI").is_none(),
            "CI must set JARYA_PLAYWRIGHT and JARYA_DECAP (see .ci/run)"
        );
        eprintln!("skipped: set JARYA_PLAYWRIGHT and JARYA_DECAP");
        return;
    };
    let site = editor_site();
    let server = Server::start(site.path());
    let report = site.path().join("editor.json");
    let browser = browser_lock();
    let o = Command::new("node")
        .arg(repo().join("tests/browser/editor.js"))
        .arg(server.port.to_string())
        .arg(PathBuf::from(decap).join("node_modules/decap-cms/dist"))
        .arg(&report)
        .env("NODE_PATH", PathBuf::from(modules).join("node_modules"))
        .output()
        .expect("run node");
    drop(browser);
    drop(server);
    let seen: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&report).unwrap_or_default())
            .unwrap_or_default();
    assert!(
        o.status.success(),
        "{}{}\n{seen:#}",
        String::from_utf8_lossy(&o.stdout),
        stderr(&o)
    );
    assert_eq!(
        seen["organizerOptions"],
        serde_json::json!(["ОФ «Наша организация»"])
    );
    assert_eq!(seen["errors"], serde_json::json!([]), "console errors");
    assert_eq!(
        seen["blocked"],
        serde_json::json!([]),
        "requests off the machine"
    );
    let file = &seen["files"][0];
    let name = file["name"].as_str().unwrap();
    let text = file["content"].as_str().unwrap();
    assert!(
        text.contains("organizers:\n  - ОФ «Наша организация»"),
        "{text}"
    );
    std::fs::write(site.path().join("content/ru").join(name), text).unwrap();
    std::fs::remove_file(&report).unwrap();
    let o = jarya(&["check", "--site", site.path().to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert_eq!(stderr(&o), "", "the saved release has no warning");
}
