//! The site's brand (logo, accent colour, footer, social links), the pictures drawn from it
//! (favicons, share pictures), and the default theme checked in a real browser.

use super::*;

const LOGO: &str = r##"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 50" width="100" height="50"><rect width="100" height="50" fill="#00aa00"/></svg>"##;

/// A small site with a logo, an accent colour and `extra` settings.
fn branded(extra: &str) -> tempfile::TempDir {
    let site = site_with(&[
        ("ru/a.md", &release("Форум", "2025-07-01", "ru", "")),
        ("ky/a.md", &release("Форум КЫ", "2025-07-01", "ky", "")),
    ]);
    std::fs::write(
        site.path().join("content/site.yaml"),
        format!(
            "base_url: https://test.example.kg/\nlogo: img/logo.svg\naccent: \"#7b1fa2\"\n{extra}languages:\n  ru: {{title: Өнүгүү Форуму, footer: \"ОФ «Тест», Бишкек\"}}\n  ky: {{title: Өнүгүү форуму ңөү}}\n"
        ),
    )
    .unwrap();
    std::fs::create_dir_all(site.path().join("static/img")).unwrap();
    std::fs::write(site.path().join("static/img/logo.svg"), LOGO).unwrap();
    site
}

fn png(out: &Path, rel: &str) -> image::RgbaImage {
    image::load_from_memory(&std::fs::read(out.join(rel)).unwrap())
        .unwrap_or_else(|e| panic!("{rel}: {e}"))
        .to_rgba8()
}

#[test]
fn share_pictures_and_favicons_are_drawn_from_the_logo_name_and_colour() {
    let site = branded("");
    let (_t, out) = build(site.path(), &[]);
    for lang in ["ru", "ky"] {
        let share = png(&out, &format!("{lang}/share.png"));
        assert_eq!(share.dimensions(), (1200, 630));
        // The accent fills the background, the logo's green sits on its white card, the title
        // is drawn in white.
        assert_eq!(share.get_pixel(10, 10).0, [0x7b, 0x1f, 0xa2, 255]);
        assert_eq!(share.get_pixel(230, 315).0, [0x00, 0xaa, 0x00, 255]);
        let white = share
            .enumerate_pixels()
            .filter(|(x, _, p)| *x > 440 && p.0 == [255, 255, 255, 255])
            .count();
        assert!(
            white > 2000,
            "{lang}: the title is not drawn ({white} white pixels)"
        );
        let page = read(&out, &format!("{lang}/index.html"));
        assert!(page.contains(&format!(
            "<meta property=\"og:image\" content=\"https://test.example.kg/{lang}/share.png\">"
        )));
    }
    // The two languages' names differ, so do their pictures.
    assert_ne!(
        std::fs::read(out.join("ru/share.png")).unwrap(),
        std::fs::read(out.join("ky/share.png")).unwrap()
    );
    let touch = png(&out, "apple-touch-icon.png");
    assert_eq!(touch.dimensions(), (180, 180));
    assert_eq!(touch.get_pixel(90, 90).0, [0x00, 0xaa, 0x00, 255]);
    assert_eq!(png(&out, "favicon.png").dimensions(), (32, 32));
    let ico = std::fs::read(out.join("favicon.ico")).unwrap();
    assert_eq!(
        &ico[..6],
        &[0, 0, 1, 0, 1, 0],
        "an ICO header with one image"
    );
    let decoded = image::load_from_memory_with_format(&ico, image::ImageFormat::Ico).unwrap();
    assert_eq!((decoded.width(), decoded.height()), (32, 32));
    // Drawn the same way every time.
    let (_t2, again) = build(site.path(), &[]);
    for f in ["ru/share.png", "favicon.ico", "apple-touch-icon.png"] {
        assert_eq!(
            std::fs::read(out.join(f)).unwrap(),
            std::fs::read(again.join(f)).unwrap(),
            "{f}"
        );
    }
}

#[test]
fn pages_carry_the_brand_and_a_release_with_a_picture_shares_its_own() {
    let site = branded("social: [https://t.me/test_ngo, https://www.facebook.com/test.ngo]\n");
    std::fs::write(
        site.path().join("content/ru/b.md"),
        release(
            "С фото",
            "2025-07-02",
            "ru",
            "image: /img/logo.svg\nimage_alt: Логотип\nlocation: {name: Зал, city: Ош}\n",
        ),
    )
    .unwrap();
    let (_t, out) = build(site.path(), &[]);
    let home = read(&out, "ru/index.html");
    assert!(home.contains(":root{--accent:#7b1fa2}"), "{home}");
    assert!(home.contains("<link rel=\"icon\" href=\"/favicon.ico\" sizes=\"32x32\">"));
    assert!(home.contains("<link rel=\"apple-touch-icon\" href=\"/apple-touch-icon.png\">"));
    // The header logo keeps its proportions (100 × 50 drawn 40 px tall).
    assert!(home.contains("<img src=\"/img/logo.svg\" alt=\"\" width=\"80\" height=\"40\">"));
    assert!(
        home.contains("<p>ОФ «Тест», Бишкек</p>"),
        "the site's own footer"
    );
    assert!(home.contains("<a href=\"https://t.me/test_ngo\" rel=\"me noopener\">Telegram</a>"));
    assert!(home.contains(">Facebook</a>"));
    // Kyrgyz has no footer of its own: the theme's line in Kyrgyz.
    assert!(
        read(&out, "ky/index.html")
            .contains("<p>Жарандык коомдун жарыялары жана пресс-релиздери</p>")
    );
    // Upcoming events lead with a date badge.
    assert!(home.contains("<span class=\"day\">2</span> <span class=\"mon\">июля</span>"));
    let photo = read(&out, "ru/b/index.html");
    assert!(
        photo.contains(
            "<meta property=\"og:image\" content=\"https://test.example.kg/img/logo.svg\">"
        )
    );
    assert!(photo.contains(
        "href=\"https://www.openstreetmap.org/search?query=%D0%97%D0%B0%D0%BB%2C%20%D0%9E%D1%88\""
    ), "{photo}");
    // The Google Calendar link carries the page's address, not the summary.
    assert!(
        photo.contains("&amp;details=https%3A%2F%2Ftest.example.kg%2Fru%2Fb%2F"),
        "{photo}"
    );
}

#[test]
fn a_site_picture_in_settings_replaces_the_drawn_ones() {
    let site = branded("image: img/logo.svg\n");
    let (_t, out) = build(site.path(), &[]);
    assert!(!out.join("ru/share.png").exists());
    assert!(
        read(&out, "ru/index.html").contains(
            "<meta property=\"og:image\" content=\"https://test.example.kg/img/logo.svg\">"
        )
    );
}

#[test]
fn a_pale_accent_is_a_located_error_with_the_nearest_colour_that_passes() {
    let site = branded("");
    let yaml = site.path().join("content/site.yaml");
    let text = std::fs::read_to_string(&yaml).unwrap();
    std::fs::write(&yaml, text.replace("\"#7b1fa2\"", "\"#ffd54f\"")).unwrap();
    let out = site.path().join("public");
    let args = ["build", "--site", site.path().to_str().unwrap()];
    let o = jarya(&args);
    assert_eq!(o.status.code(), Some(1));
    let err = stderr(&o);
    assert!(
        err.contains("error: `accent`: the accent colour #ffd54f is too light"),
        "{err}"
    );
    assert!(err.contains(" --> content/site.yaml:3:"), "{err}");
    let hint = err
        .split("= hint: ")
        .nth(1)
        .and_then(|h| h.split("accent: \"#").nth(1))
        .map(|h| &h[..6])
        .unwrap_or_else(|| panic!("no colour in the hint: {err}"));
    assert!(hint.chars().all(|c| c.is_ascii_hexdigit()), "{err}");
    assert!(!out.exists(), "nothing is written");
    // The hint's colour is accepted as it is.
    std::fs::write(&yaml, text.replace("#7b1fa2", &format!("#{hint}"))).unwrap();
    assert!(jarya(&args).status.success());
    // The staff's languages.
    std::fs::write(&yaml, text.replace("\"#7b1fa2\"", "\"#ffd54f\"")).unwrap();
    let ru = stderr(&jarya_env(&args, &[("JARYA_LANG", "ru")]));
    assert!(
        ru.contains("фирменный цвет #ffd54f слишком светлый"),
        "{ru}"
    );
    let ky = stderr(&jarya_env(&args, &[("JARYA_LANG", "ky")]));
    assert!(ky.contains("#ffd54f фирмалык түсү өтө ачык"), "{ky}");
}

#[test]
fn an_unquoted_accent_and_a_missing_logo_are_explained() {
    let site = branded("");
    let yaml = site.path().join("content/site.yaml");
    let text = std::fs::read_to_string(&yaml).unwrap();
    std::fs::write(
        &yaml,
        text.replace("\"#7b1fa2\"", "#7b1fa2")
            .replace("img/logo.svg", "img/no-logo.svg"),
    )
    .unwrap();
    let o = jarya(&["check", "--site", site.path().to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1));
    let err = stderr(&o);
    assert!(
        err.contains("YAML reads an unquoted # as the start of a comment"),
        "{err}"
    );
    assert!(err.contains("accent: \"#0b5cad\""), "{err}");
    assert!(
        err.contains("the logo static/img/no-logo.svg does not exist"),
        "{err}"
    );
    assert!(err.contains(" --> content/site.yaml:2:"), "{err}");
}

/// The default theme in headless Chromium (tests/browser/theme.js): axe-core on every page kind
/// in both languages, light and dark; the header's height on a phone; a reader's journey; a
/// crawler; screenshots into `target/screenshots` (or JARYA_SCREENSHOTS). `.ci/run` installs
/// Chromium, playwright-core and axe-core and sets JARYA_PLAYWRIGHT; in CI its absence fails.
#[test]
fn the_theme_passes_the_browser_checks() {
    let Some(modules) = playwright() else { return };
    // The sample with 3 releases a page, so the journey has a second page to follow.
    let tmp = tempfile::tempdir().unwrap();
    write_files(tmp.path(), sample_files());
    let settings = tmp.path().join("content/site.yaml");
    let text = std::fs::read_to_string(&settings).unwrap();
    std::fs::write(&settings, text.replace("per_page: 20", "per_page: 3")).unwrap();
    let out = tmp.path().join("public");
    let site = tmp.path().to_str().unwrap();
    let o = jarya(&["build", "--site", site, "--out", out.to_str().unwrap()]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(out.join("ru/page/2/index.html").is_file());
    let shots = std::env::var_os("JARYA_SCREENSHOTS")
        .map_or_else(|| repo().join("target/screenshots"), PathBuf::from);
    let (ok, said) = node(&modules, "theme.js", &[out.as_os_str(), shots.as_os_str()]);
    assert!(ok, "{said}");
    assert!(said.contains("axe: 18 page kinds"), "{said}");
    assert!(said.contains("journey: ok (with pagination)"), "{said}");
    assert!(shots.join("release-ru-360-dark.png").is_file());
}

/// Lighthouse 12 (tests/browser/lighthouse.js), mobile profile, on the home, a topic, a
/// release and the search page in both languages: performance, accessibility, best practices and SEO each at
/// least 95. `.ci/run` installs it, sets JARYA_LIGHTHOUSE and prints the scores file
/// (`target/lighthouse.txt`, or JARYA_LIGHTHOUSE_SCORES); in CI its absence fails.
#[test]
fn lighthouse_scores_are_at_least_95() {
    let (Some(lighthouse), Some(modules)) = (
        std::env::var_os("JARYA_LIGHTHOUSE"),
        std::env::var_os("JARYA_PLAYWRIGHT"),
    ) else {
        assert!(
            std::env::var_os("CI").is_none(),
            "CI must set JARYA_LIGHTHOUSE and JARYA_PLAYWRIGHT (see .ci/run)"
        );
        eprintln!("skipped: set JARYA_LIGHTHOUSE to a folder with node_modules/.bin/lighthouse");
        return;
    };
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("public");
    let o = jarya(&[
        "build",
        "--site",
        repo().to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let scores = std::env::var_os("JARYA_LIGHTHOUSE_SCORES")
        .map_or_else(|| repo().join("target/lighthouse.txt"), PathBuf::from);
    let _browser = browser_lock();
    let o = Command::new("node")
        .arg(repo().join("tests/browser/lighthouse.js"))
        .arg(&out)
        .arg(PathBuf::from(lighthouse).join("node_modules/.bin/lighthouse"))
        .arg(&scores)
        .env("NODE_PATH", PathBuf::from(modules).join("node_modules"))
        .output()
        .expect("run node");
    assert!(
        o.status.success(),
        "{}{}",
        String::from_utf8_lossy(&o.stdout),
        String::from_utf8_lossy(&o.stderr)
    );
    let written = std::fs::read_to_string(&scores).unwrap();
    assert_eq!(written.lines().count(), 8, "{written}");
}

/// A release page with its stylesheet stays within 30 KB (readers on slow mobile networks):
/// every release page of the sample site (its golden files, which `build` checks are current).
#[test]
fn release_pages_with_their_css_weigh_at_most_30_kb() {
    let sample = repo().join("tests/expected/sample");
    let css = std::fs::metadata(sample.join("style.css")).unwrap().len();
    let mut pages = 0;
    for (rel, bytes) in tree(&sample) {
        let is_release = rel.ends_with("/index.html")
            && rel.matches('/').count() == 2
            && !["topics/", "organizers/", "archive/", "search/", "pagefind/"]
                .iter()
                .any(|k| rel.contains(k));
        if is_release {
            pages += 1;
            let total = bytes.len() as u64 + css;
            assert!(total <= 30 * 1024, "{rel}: {total} bytes with the CSS");
        }
    }
    assert_eq!(pages, 8, "every sample release was weighed");
}
