//! Pictures for slow networks. A release's `image` or a registry `logo` that is a JPEG, PNG or
//! WebP file of the site is measured after planning ([`inspect`]: load, reads the files), given its
//! variants' paths by the plan, and resized by the output stage ([`encode`]) to a few widths,
//! in WebP and in its own format. Variants are kept in a cache folder under their content hash,
//! so a rebuild copies them instead of encoding again; encoders are deterministic, so the
//! output is the same bytes on every machine.

use crate::content::CaseIndex;
use crate::error::Diagnostic;
use crate::model::Site;
use crate::msg;
use crate::plan::Plan;
use crate::theme::StaticSource;
use rayon::prelude::*;
use std::collections::BTreeMap;
use std::io::Cursor;
use std::path::{Path, PathBuf};

/// The cache of resized pictures, in the site folder (keep it between CI runs; never published).
pub const CACHE: &str = ".jarya-cache/images";
/// The widths pictures are resized to (narrower than the picture only).
pub const WIDTHS: [u32; 3] = [480, 960, 1600];
/// Part of every hash: changing the encoders' settings below makes new files and cache entries.
const SETTINGS: &[u8] = b"jarya-images-1;jpeg80;webp75;lanczos3";
const JPEG_QUALITY: u8 = 80;
const WEBP_QUALITY: f32 = 75.0;
/// Larger pictures are refused rather than decoded (memory): 50 megapixels.
const MAX_PIXELS: u64 = 50_000_000;

/// One resized file: its width and format, and its bytes.
pub type Variant = ((u32, Format), Vec<u8>);

/// A picture's own format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Format {
    Jpeg,
    Png,
    Webp,
}

impl Format {
    /// The file extension of its variants.
    pub fn ext(self) -> &'static str {
        match self {
            Format::Jpeg => "jpg",
            Format::Png => "png",
            Format::Webp => "webp",
        }
    }
}

/// A picture to resize.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Source {
    /// The file on disk.
    pub file: PathBuf,
    /// Hash of its bytes and of the encoding settings (16 hex digits): its variants' folder.
    pub hash: String,
    /// Its size as shown (after the camera's rotation is applied).
    pub width: u32,
    pub height: u32,
    pub format: Format,
}

impl Source {
    /// The widths of its variants: each of [`WIDTHS`] narrower than it, and its own width when
    /// it is not wider than the largest.
    pub fn widths(&self) -> Vec<u32> {
        let mut widths: Vec<u32> = WIDTHS.into_iter().filter(|&w| w < self.width).collect();
        if self.width <= WIDTHS[WIDTHS.len() - 1] {
            widths.push(self.width);
        }
        widths
    }

    /// The height of the variant `width` wide (proportions kept).
    pub fn height_at(&self, width: u32) -> u32 {
        let h = (u64::from(self.height) * u64::from(width) + u64::from(self.width) / 2)
            / u64::from(self.width.max(1));
        u32::try_from(h).unwrap_or(u32::MAX).max(1)
    }

    /// Every variant: each width in WebP and, unless the picture is WebP, in its own format.
    pub fn variants(&self) -> Vec<(u32, Format)> {
        let mut formats = vec![Format::Webp];
        if self.format != Format::Webp {
            formats.push(self.format);
        }
        self.widths()
            .into_iter()
            .flat_map(|w| formats.iter().map(move |&f| (w, f)))
            .collect()
    }
}

/// Where a picture is named, for its error.
struct Place {
    file: PathBuf,
    line: Option<usize>,
    field: &'static str,
    /// Named by a release written as a folder (`<name>/index.md`), beside its pictures.
    bundle: bool,
}

/// A release's picture that is no file of the site: an error (the page and its share card
/// would show a broken picture), with the file meant when there is one: the same name in other
/// letter case (Windows finds `Фото.JPG` for `фото.jpg`; the server does not), or the path
/// written with `static/` before it.
fn missing(rel: &Path, place: &Place, statics: &CaseIndex<'_>) -> Diagnostic {
    let text = |p: &Path| p.to_string_lossy().replace('\\', "/");
    let wanted = text(rel);
    let unprefixed = wanted.strip_prefix("static/").unwrap_or(&wanted);
    let meant = statics.get(&wanted).or_else(|| statics.get(unprefixed));
    let hint = match meant {
        Some(found) => {
            let written = match place.bundle && found.parent() == rel.parent() {
                true => found.file_name().map_or(text(found), |n| text(n.as_ref())),
                false => text(found),
            };
            msg!("image-meant-hint", field = "image", found = written)
        }
        None => msg!("image-missing-hint"),
    };
    let mut d = Diagnostic::error(
        &place.file,
        msg!("image-missing", path = format!("/{}", text(rel))),
    )
    .in_field(place.field)
    .with_hint(hint);
    if let Some(line) = place.line {
        d = d.at_line(line);
    }
    d
}

/// The pictures of `site`'s releases and registry logos that are files of the plan, by their
/// path in the output, and an error for each that cannot be read. A picture in `known` (what
/// `serve` measured before an edit of release files only: the pictures are as they were) is
/// taken from there, not read again.
pub fn inspect(
    site: &Site,
    plan: &Plan,
    known: &BTreeMap<PathBuf, Source>,
) -> (BTreeMap<PathBuf, Source>, Vec<Diagnostic>) {
    let base = site.config.base_path();
    let mut named: Vec<(&str, Place)> = Vec::new();
    for r in &site.releases {
        if let Some(image) = r.image.as_deref().filter(|i| !crate::urls::is_external(i)) {
            let place = Place {
                file: r.source.clone(),
                line: Some(r.image_line),
                field: "image",
                bundle: r.bundle.is_some(),
            };
            named.push((image.strip_prefix(base).unwrap_or(image), place));
        }
    }
    for (entries, registry) in [
        (&site.topic_entries, "content/topics.yaml"),
        (&site.organization_entries, "content/organizations.yaml"),
    ] {
        for logo in entries.iter().filter_map(|e| e.logo.as_deref()) {
            let place = Place {
                file: PathBuf::from(registry),
                line: None,
                field: "logo",
                bundle: false,
            };
            named.push((logo, place));
        }
    }
    let mut wanted: BTreeMap<PathBuf, (PathBuf, Place)> = BTreeMap::new();
    let mut diags = Vec::new();
    let mut by_case: Option<CaseIndex<'_>> = None;
    for (path, place) in named {
        let rel = PathBuf::from(path.trim_start_matches('/'));
        let found = plan
            .statics
            .binary_search_by(|(p, _)| p.as_path().cmp(&rel))
            .ok()
            .map(|i| &plan.statics[i].1);
        match found {
            Some(StaticSource::File(file)) => {
                wanted.entry(rel).or_insert((file.clone(), place));
            }
            Some(_) => {}
            // A registry's logo is checked where the registry is read.
            None if place.field == "image" => {
                let statics = by_case.get_or_insert_with(|| {
                    CaseIndex::new(plan.statics.iter().map(|(p, _)| p.as_path()))
                });
                diags.push(missing(&rel, &place, statics));
            }
            None => {}
        }
    }
    let results: Vec<(PathBuf, Result<Option<Source>, Diagnostic>)> = wanted
        .into_par_iter()
        .map(|(rel, (file, place))| {
            if let Some(source) = known.get(&rel).filter(|s| s.file == file) {
                return (rel, Ok(Some(source.clone())));
            }
            let read = std::fs::read(&file).ok().and_then(|b| measure(&file, &b));
            let result = match read {
                Some(Ok(source)) => Ok(Some(source)),
                Some(Err(())) => {
                    let mut d = Diagnostic::error(
                        &place.file,
                        msg!("image-unreadable", path = rel.display().to_string()),
                    )
                    .in_field(place.field)
                    .with_hint(msg!("image-unreadable-hint"));
                    if let Some(line) = place.line {
                        d = d.at_line(line);
                    }
                    Err(d)
                }
                None => Ok(None),
            };
            (rel, result)
        })
        .collect();
    let mut sources = BTreeMap::new();
    for (rel, result) in results {
        match result {
            Ok(Some(s)) => {
                sources.insert(rel, s);
            }
            Ok(None) => {}
            Err(d) => diags.push(d),
        }
    }
    (sources, diags)
}

/// `None`: not a format jarya resizes (SVG, GIF: copied as they are); `Err`: a JPEG, PNG or
/// WebP that cannot be read, or too large.
fn measure(file: &Path, bytes: &[u8]) -> Option<Result<Source, ()>> {
    let reader = image::ImageReader::new(Cursor::new(bytes))
        .with_guessed_format()
        .ok()?;
    let format = match reader.format()? {
        image::ImageFormat::Jpeg => Format::Jpeg,
        image::ImageFormat::Png => Format::Png,
        image::ImageFormat::WebP => Format::Webp,
        _ => return None,
    };
    let measured = (|| {
        use image::ImageDecoder;
        let mut decoder = reader.into_decoder().map_err(|_| ())?;
        let (w, h) = decoder.dimensions();
        if w == 0 || h == 0 || u64::from(w) * u64::from(h) > MAX_PIXELS {
            return Err(());
        }
        let turned = decoder.orientation().is_ok_and(|o| {
            use image::metadata::Orientation::*;
            matches!(o, Rotate90 | Rotate270 | Rotate90FlipH | Rotate270FlipH)
        });
        Ok(if turned { (h, w) } else { (w, h) })
    })();
    Some(measured.map(|(width, height)| Source {
        file: file.to_path_buf(),
        hash: hash(bytes),
        width,
        height,
        format,
    }))
}

/// FNV-1a, 64 bits, of the settings and `bytes`: stable across machines and Rust versions.
fn hash(bytes: &[u8]) -> String {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in SETTINGS.iter().chain(bytes) {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    format!("{h:016x}")
}

/// Every variant of `source`, from `cache` when it holds them all, else encoded (and put in
/// `cache`, best effort: a cache that cannot be written only costs time).
pub fn encode(source: &Source, cache: Option<&Path>) -> Result<Vec<Variant>, String> {
    let variants = source.variants();
    let cached = |v: &(u32, Format)| {
        cache.map(|c| c.join(&source.hash).join(format!("{}.{}", v.0, v.1.ext())))
    };
    let from_cache: Option<Vec<_>> = variants
        .iter()
        .map(|v| Some((*v, std::fs::read(cached(v)?).ok()?)))
        .collect();
    if let Some(all) = from_cache {
        return Ok(all);
    }
    let bytes = std::fs::read(&source.file).map_err(|e| e.to_string())?;
    let picture = decode(&bytes)?;
    let mut out = Vec::new();
    for v in variants {
        let (w, format) = v;
        let resized = if w == picture.width() {
            picture.clone()
        } else {
            picture.resize_exact(
                w,
                source.height_at(w),
                image::imageops::FilterType::Lanczos3,
            )
        };
        let encoded = encode_one(&resized, format)?;
        if let Some(path) = cached(&v)
            && let Some(dir) = path.parent()
        {
            let _ = std::fs::create_dir_all(dir).and_then(|()| std::fs::write(&path, &encoded));
        }
        out.push((v, encoded));
    }
    Ok(out)
}

fn decode(bytes: &[u8]) -> Result<image::DynamicImage, String> {
    use image::ImageDecoder;
    let mut reader = image::ImageReader::new(Cursor::new(bytes))
        .with_guessed_format()
        .map_err(|e| e.to_string())?;
    let mut limits = image::Limits::default();
    limits.max_alloc = Some(MAX_PIXELS * 4);
    reader.limits(limits);
    let mut decoder = reader.into_decoder().map_err(|e| e.to_string())?;
    let orientation = decoder.orientation().ok();
    let mut picture = image::DynamicImage::from_decoder(decoder).map_err(|e| e.to_string())?;
    if let Some(o) = orientation {
        picture.apply_orientation(o);
    }
    Ok(picture)
}

fn encode_one(picture: &image::DynamicImage, format: Format) -> Result<Vec<u8>, String> {
    let mut out = Vec::new();
    match format {
        Format::Jpeg => {
            let rgb = picture.to_rgb8();
            image::codecs::jpeg::JpegEncoder::new_with_quality(&mut out, JPEG_QUALITY)
                .encode_image(&rgb)
                .map_err(|e| e.to_string())?;
        }
        Format::Png => {
            picture
                .write_to(&mut Cursor::new(&mut out), image::ImageFormat::Png)
                .map_err(|e| e.to_string())?;
        }
        Format::Webp => {
            let rgba = picture.to_rgba8();
            let encoder = webp::Encoder::from_rgba(rgba.as_raw(), rgba.width(), rgba.height());
            out = encoder.encode(WEBP_QUALITY).to_vec();
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn source(width: u32, height: u32, format: Format) -> Source {
        Source {
            file: PathBuf::new(),
            hash: String::new(),
            width,
            height,
            format,
        }
    }

    /// `serve` after a release edit: a picture measured before is taken as it was, not read
    /// again (here its file does not even exist); one of another file is read.
    #[test]
    fn known_pictures_are_not_read_again() {
        let mut raw = crate::model::testing::raw("ru", "a", "2025-06-27", "Текст.\n");
        raw.image = Some(crate::content::Spanned {
            value: "/pic.jpg".into(),
            line: 3,
        });
        raw.image_alt = Some(crate::content::Spanned {
            value: "Фото".into(),
            line: 4,
        });
        let site = crate::model::testing::site(vec![raw]);
        let file = PathBuf::from("/nowhere/site/static/pic.jpg");
        let plan = Plan {
            statics: vec![(PathBuf::from("pic.jpg"), StaticSource::File(file.clone()))],
            ..Plan::default()
        };
        let measured = Source {
            file,
            ..source(800, 600, Format::Jpeg)
        };
        let known = BTreeMap::from([(PathBuf::from("pic.jpg"), measured.clone())]);
        let (pictures, problems) = inspect(&site, &plan, &known);
        assert!(problems.is_empty());
        assert_eq!(pictures.get(Path::new("pic.jpg")), Some(&measured));
        let elsewhere = Source {
            file: PathBuf::from("/elsewhere/pic.jpg"),
            ..measured
        };
        let known = BTreeMap::from([(PathBuf::from("pic.jpg"), elsewhere)]);
        assert!(inspect(&site, &plan, &known).0.is_empty());
        assert!(inspect(&site, &plan, &BTreeMap::new()).0.is_empty());
    }

    #[test]
    fn variants_are_narrower_widths_in_webp_and_the_own_format() {
        let big = source(4000, 3000, Format::Jpeg);
        assert_eq!(big.widths(), [480, 960, 1600]);
        assert_eq!(big.height_at(480), 360);
        assert_eq!(big.variants().len(), 6);
        let small = source(700, 400, Format::Png);
        assert_eq!(small.widths(), [480, 700]);
        assert_eq!(
            small.variants(),
            [
                (480, Format::Webp),
                (480, Format::Png),
                (700, Format::Webp),
                (700, Format::Png)
            ]
        );
        assert_eq!(
            source(300, 300, Format::Webp).variants(),
            [(300, Format::Webp)]
        );
    }

    #[test]
    fn the_hash_is_stable() {
        // Output file names must not change between machines or Rust versions.
        assert_eq!(hash(b""), hash(b""));
        assert_ne!(hash(b"a"), hash(b"b"));
        assert_eq!(hash(b"jarya").len(), 16);
    }

    #[test]
    fn a_picture_is_resized_and_encoded_the_same_way_twice() {
        let mut png = Vec::new();
        image::RgbImage::from_fn(1000, 500, |x, y| {
            image::Rgb([(x % 256) as u8, (y % 256) as u8, 90])
        })
        .write_to(&mut Cursor::new(&mut png), image::ImageFormat::Png)
        .unwrap_or_default();
        let dir = std::env::temp_dir().join(format!("jarya-images-test-{}", std::process::id()));
        let _ = std::fs::create_dir_all(&dir);
        let file = dir.join("a.png");
        let _ = std::fs::write(&file, &png);
        let Some(Ok(s)) = measure(&file, &png) else {
            panic!("not measured");
        };
        assert_eq!((s.width, s.height, s.format), (1000, 500, Format::Png));
        let first = encode(&s, None).unwrap_or_default();
        assert_eq!(first.len(), 6);
        let webp = &first[0].1;
        assert_eq!(&webp[..4], b"RIFF");
        let decoded = image::load_from_memory(webp).map(|i| (i.width(), i.height()));
        assert_eq!(decoded.ok(), Some((480, 240)));
        assert_eq!(encode(&s, None).unwrap_or_default(), first, "deterministic");
        let _ = std::fs::remove_dir_all(&dir);
    }
}
