//! Pictures of releases resized for slow networks: WebP and the picture's own format at a few
//! widths, `<picture>` with `srcset`, sizes on the page, a cache between builds.

use super::*;

/// A site whose release shows a `width` × `height` JPEG from static/img/.
fn site_with_photo(width: u32, height: u32) -> tempfile::TempDir {
    let site = site_with(&[(
        "ru/a.md",
        &release(
            "С фото",
            "2025-07-01",
            "ru",
            "image: img/photo.jpg\nimage_alt: Зал форума\n",
        ),
    )]);
    let photo = image::RgbImage::from_fn(width, height, |x, y| {
        image::Rgb([(x % 251) as u8, (y % 241) as u8, ((x + y) % 239) as u8])
    });
    std::fs::create_dir_all(site.path().join("static/img")).unwrap();
    photo
        .save_with_format(
            site.path().join("static/img/photo.jpg"),
            image::ImageFormat::Jpeg,
        )
        .unwrap();
    site
}

fn variants(out: &Path) -> BTreeMap<String, Vec<u8>> {
    tree(&out.join("_img"))
}

#[test]
fn a_photo_is_resized_to_three_widths_in_webp_and_jpeg() {
    let site = site_with_photo(2000, 1000);
    let (_t, out) = build(site.path(), &[]);
    let files = variants(&out);
    let names: Vec<&str> = files.keys().map(|k| k.split('/').nth(1).unwrap()).collect();
    assert_eq!(
        names,
        [
            "1600.jpg",
            "1600.webp",
            "480.jpg",
            "480.webp",
            "960.jpg",
            "960.webp"
        ]
    );
    for (name, bytes) in &files {
        let img = image::load_from_memory(bytes).unwrap_or_else(|e| panic!("{name}: {e}"));
        let w: u32 = name
            .split('/')
            .nth(1)
            .unwrap()
            .split('.')
            .next()
            .unwrap()
            .parse()
            .unwrap();
        assert_eq!((img.width(), img.height()), (w, w / 2), "{name}");
    }
    let hash = files
        .keys()
        .next()
        .unwrap()
        .split('/')
        .next()
        .unwrap()
        .to_string();
    let page = read(&out, "ru/a/index.html");
    assert!(page.contains(&format!("<source type=\"image/webp\" srcset=\"/_img/{hash}/480.webp 480w, /_img/{hash}/960.webp 960w, /_img/{hash}/1600.webp 1600w\" sizes=\"(min-width: 48rem) 46rem, 100vw\">")), "{page}");
    assert!(page.contains(&format!(
        "src=\"/_img/{hash}/1600.jpg\" srcset=\"/_img/{hash}/480.jpg 480w,"
    )));
    assert!(page.contains("width=\"1600\" height=\"800\" alt=\"Зал форума\""));
    // The original is published too (shares and downloads use it).
    assert!(out.join("img/photo.jpg").is_file());
}

#[test]
fn a_small_photo_is_not_enlarged() {
    let site = site_with_photo(600, 300);
    let (_t, out) = build(site.path(), &[]);
    let names: Vec<String> = variants(&out)
        .keys()
        .map(|k| k.split('/').nth(1).unwrap().to_string())
        .collect();
    assert_eq!(names, ["480.jpg", "480.webp", "600.jpg", "600.webp"]);
}

#[test]
fn resized_pictures_are_cached_and_the_same_bytes_every_time() {
    let site = site_with_photo(1200, 900);
    let (_t, first) = build(site.path(), &[]);
    let cache = site.path().join(".jarya-cache/images");
    let cached = tree(&cache);
    assert_eq!(cached.len(), 6, "{:?}", cached.keys());
    assert_eq!(cached, variants(&first));
    // Without the cache: encoded again, byte for byte the same.
    std::fs::remove_dir_all(&cache).unwrap();
    let (_t2, second) = build(site.path(), &[]);
    assert_eq!(variants(&first), variants(&second));
    // With it: taken from the cache, not encoded (a marked cache file shows through).
    let (name, _) = tree(&cache).into_iter().next().unwrap();
    std::fs::write(cache.join(&name), b"from the cache").unwrap();
    let (_t3, third) = build(site.path(), &[]);
    assert_eq!(variants(&third)[&name], b"from the cache");
}

#[test]
fn a_damaged_photo_is_a_located_error_and_nothing_is_written() {
    let site = site_with_photo(100, 100);
    std::fs::write(
        site.path().join("static/img/photo.jpg"),
        b"\xff\xd8\xff\xe0 not really a jpeg",
    )
    .unwrap();
    let o = jarya(&["build", "--site", site.path().to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1));
    let err = stderr(&o);
    assert!(
        err.contains("error: `image`: the picture img/photo.jpg cannot be read"),
        "{err}"
    );
    assert!(err.contains(" --> content/ru/a.md:6:"), "{err}");
    assert!(!site.path().join("public").exists());
}

#[test]
fn a_damaged_registry_logo_is_an_error_naming_the_registry() {
    let site = site_with(&[
        ("organizations.yaml", ORGS_YAML),
        (
            "ru/a.md",
            &release_by(
                "А",
                "2025-01-10",
                "ru",
                "[]",
                "[ОФ «Гражданская платформа»]",
            ),
        ),
    ]);
    std::fs::create_dir_all(site.path().join("static/img")).unwrap();
    // A PNG signature, then nothing a PNG has.
    std::fs::write(
        site.path().join("static/img/gp.png"),
        b"\x89PNG\r\n\x1a\nbroken",
    )
    .unwrap();
    let o = jarya(&["build", "--site", site.path().to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1));
    let err = stderr(&o);
    assert!(
        err.contains("error: `logo`: the picture img/gp.png cannot be read"),
        "{err}"
    );
    assert!(err.contains("content/organizations.yaml"), "{err}");
}

/// A picture named in other letter case than its file is found on Windows and missing on the
/// server: the build stops with the file's own name as the fix, the previous site untouched.
#[test]
fn a_picture_that_is_not_there_stops_the_build_with_the_file_meant() {
    let site = site_with_photo(40, 30);
    let s = site.path().to_str().unwrap();
    let out = site.path().join("public");
    assert!(jarya(&["build", "--site", s]).status.success());
    let before = tree(&out);
    let a = site.path().join("content/ru/a.md");
    for (written, fix) in [
        ("img/Photo.JPG", "`image: img/photo.jpg`"),
        ("static/img/photo.jpg", "`image: img/photo.jpg`"),
        ("img/none.jpg", "static/"),
    ] {
        let text = std::fs::read_to_string(&a).unwrap();
        let line = text.lines().find(|l| l.starts_with("image:")).unwrap();
        std::fs::write(&a, text.replace(line, &format!("image: {written}"))).unwrap();
        let o = jarya_env(&["build", "--site", s], &[("JARYA_LANG", "ru")]);
        assert_eq!(o.status.code(), Some(1), "{written}");
        let err = stderr(&o).replace('\\', "/");
        assert_eq!(err.matches("ошибка:").count(), 1, "{err}");
        assert!(err.contains(&format!("картинки «/{written}» нет")), "{err}");
        assert!(err.contains(" --> content/ru/a.md:6:8\n"), "{err}");
        assert!(err.contains(fix), "{fix}: {err}");
        assert_eq!(tree(&out), before, "{written}: the site was changed");
    }
}

#[test]
fn a_registry_logo_in_other_letter_case_is_named_as_spelt() {
    let site = site_with(&[
        ("organizations.yaml", ORGS_YAML),
        ("ru/a.md", &release("Форум", "2025-07-01", "ru", "")),
    ]);
    std::fs::create_dir_all(site.path().join("static/IMG")).unwrap();
    image::RgbaImage::new(4, 4)
        .save_with_format(
            site.path().join("static/IMG/GP.png"),
            image::ImageFormat::Png,
        )
        .unwrap();
    let o = jarya(&["check", "--site", site.path().to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1));
    let err = stderr(&o);
    assert!(err.contains("write `logo: IMG/GP.png`"), "{err}");
}
