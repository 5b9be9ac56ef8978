//! Pictures, measured and drawn (pure: bytes in, bytes out, no disk, no system fonts).
//!
//! What a logo is and how big ([`inspect`]); SVG drawn to PNG by resvg with the one bundled
//! font (DejaVu Sans Bold, subset to Latin and Cyrillic with ң ө ү: `render/font/`), so the
//! same SVG gives the same bytes on every machine; text widths measured from that font
//! ([`text_width`]); a PNG wrapped as `favicon.ico`.

use base64::Engine;
use skrifa::MetadataProvider;
use skrifa::instance::{LocationRef, Size};
use std::io::Cursor;

/// The bundled font (see `render/font/LICENSE`).
const FONT: &[u8] = include_bytes!("render/font/DejaVuSans-Bold-cyrillic.ttf");
/// Its family name, for `font-family` in the SVGs jarya draws.
pub const FONT_FAMILY: &str = "DejaVu Sans";
/// The largest side jarya draws, in pixels (a share picture is 1200 × 630).
const MAX_SIDE: u32 = 4096;

/// What kind of picture a file is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// SVG.
    Svg,
    /// PNG.
    Png,
    /// JPEG.
    Jpeg,
    /// WebP.
    Webp,
}

impl Kind {
    /// The media type, for `data:` addresses and `<link type>`.
    pub fn media_type(self) -> &'static str {
        match self {
            Kind::Svg => "image/svg+xml",
            Kind::Png => "image/png",
            Kind::Jpeg => "image/jpeg",
            Kind::Webp => "image/webp",
        }
    }
}

/// A picture's kind and size in pixels (CSS pixels for SVG).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Picture {
    /// The kind.
    pub kind: Kind,
    /// Width.
    pub width: u32,
    /// Height.
    pub height: u32,
}

/// What `bytes` are, or `None` when they are not a picture jarya can read (SVG, PNG, JPEG, WebP).
pub fn inspect(bytes: &[u8]) -> Option<Picture> {
    let head = String::from_utf8_lossy(&bytes[..bytes.len().min(512)]).to_ascii_lowercase();
    if head.contains("<svg") || head.trim_start().starts_with("<?xml") {
        let tree = usvg::Tree::from_data(bytes, &options()).ok()?;
        let size = tree.size();
        let side = |v: f32| (v.ceil() as u32).clamp(1, MAX_SIDE);
        return Some(Picture {
            kind: Kind::Svg,
            width: side(size.width()),
            height: side(size.height()),
        });
    }
    let reader = image::ImageReader::new(Cursor::new(bytes))
        .with_guessed_format()
        .ok()?;
    let kind = match reader.format()? {
        image::ImageFormat::Png => Kind::Png,
        image::ImageFormat::Jpeg => Kind::Jpeg,
        image::ImageFormat::WebP => Kind::Webp,
        _ => return None,
    };
    let (width, height) = reader.into_dimensions().ok()?;
    Some(Picture {
        kind,
        width,
        height,
    })
}

/// `bytes` as a `data:` address, to place a logo inside an SVG jarya draws.
pub fn data_uri(kind: Kind, bytes: &[u8]) -> String {
    format!(
        "data:{};base64,{}",
        kind.media_type(),
        base64::engine::general_purpose::STANDARD.encode(bytes)
    )
}

/// Parsing options: the bundled font only; pictures only from `data:` addresses (an SVG logo
/// cannot make jarya read a file).
fn options() -> usvg::Options<'static> {
    let mut opt = usvg::Options {
        font_family: FONT_FAMILY.to_string(),
        image_href_resolver: usvg::ImageHrefResolver {
            resolve_data: usvg::ImageHrefResolver::default_data_resolver(),
            resolve_string: Box::new(|_, _| None),
        },
        ..usvg::Options::default()
    };
    opt.fontdb_mut().load_font_data(FONT.to_vec());
    opt
}

/// Draws `svg` as a `width` × `height` PNG (the SVG's own size scaled to fill it).
pub fn png(svg: &str, width: u32, height: u32) -> Result<Vec<u8>, String> {
    let tree = usvg::Tree::from_str(svg, &options()).map_err(|e| e.to_string())?;
    let mut pixmap = tiny_skia_pixmap(width, height)?;
    let size = tree.size();
    let transform =
        usvg::Transform::from_scale(width as f32 / size.width(), height as f32 / size.height());
    resvg::render(&tree, transform, &mut pixmap.as_mut());
    encode_png(pixmap).map_err(|e| e.to_string())
}

/// The same bytes as tiny-skia's `encode_png` (the same encoder, settings and demultiplied
/// pixels), without its copy of the picture: the pixels are demultiplied where they are. A
/// sharing picture is 3 MB of pixels, drawn per language while the model is in memory.
fn encode_png(pixmap: resvg::tiny_skia::Pixmap) -> Result<Vec<u8>, png::EncodingError> {
    let (width, height) = (pixmap.width(), pixmap.height());
    let pixels = pixmap.take_demultiplied();
    let mut data = Vec::new();
    let mut encoder = png::Encoder::new(&mut data, width, height);
    encoder.set_color(png::ColorType::Rgba);
    encoder.set_depth(png::BitDepth::Eight);
    let mut writer = encoder.write_header()?;
    writer.write_image_data(&pixels)?;
    writer.finish()?;
    Ok(data)
}

fn tiny_skia_pixmap(width: u32, height: u32) -> Result<resvg::tiny_skia::Pixmap, String> {
    if width > MAX_SIDE || height > MAX_SIDE {
        return Err(format!("{width}×{height} is too large"));
    }
    resvg::tiny_skia::Pixmap::new(width, height).ok_or_else(|| "empty picture".to_string())
}

/// A PNG wrapped as an ICO file (`favicon.ico`, which browsers and feed readers ask for).
pub fn ico(png: &[u8]) -> Result<Vec<u8>, String> {
    let picture = image::load_from_memory_with_format(png, image::ImageFormat::Png)
        .map_err(|e| e.to_string())?;
    let mut out = Vec::new();
    picture
        .write_to(&mut Cursor::new(&mut out), image::ImageFormat::Ico)
        .map_err(|e| e.to_string())?;
    Ok(out)
}

/// The width of `text` set in the bundled font at `size` pixels (kerning left out).
pub fn text_width(text: &str, size: f32) -> f32 {
    let Ok(font) = skrifa::FontRef::new(FONT) else {
        return text.chars().count() as f32 * size * 0.7;
    };
    let charmap = font.charmap();
    let metrics = font.glyph_metrics(Size::new(size), LocationRef::default());
    text.chars()
        .map(|c| {
            charmap
                .map(c)
                .and_then(|g| metrics.advance_width(g))
                .unwrap_or(size * 0.7)
        })
        .sum()
}

/// `text` broken into at most `max_lines` lines no wider than `width` at `size`; the last
/// line ends with "…" when the text does not fit.
pub fn wrap(text: &str, size: f32, width: f32, max_lines: usize) -> (Vec<String>, bool) {
    let mut lines: Vec<String> = Vec::new();
    let mut current = String::new();
    for word in text.split_whitespace() {
        let candidate = if current.is_empty() {
            word.to_string()
        } else {
            format!("{current} {word}")
        };
        if current.is_empty() || text_width(&candidate, size) <= width {
            current = candidate;
        } else {
            lines.push(std::mem::replace(&mut current, word.to_string()));
        }
    }
    if !current.is_empty() {
        lines.push(current);
    }
    let fits = lines.len() <= max_lines && lines.iter().all(|l| text_width(l, size) <= width);
    if !fits {
        lines.truncate(max_lines);
        if let Some(last) = lines.last_mut() {
            while !last.is_empty() && text_width(&format!("{last}…"), size) > width {
                last.pop();
            }
            *last = format!("{}…", last.trim_end());
        }
    }
    (lines, fits)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn svg_and_raster_pictures_are_measured() {
        let svg = br#"<svg xmlns="http://www.w3.org/2000/svg" width="120" height="40"/>"#;
        let p = inspect(svg).map(|p| (p.kind, p.width, p.height));
        assert_eq!(p, Some((Kind::Svg, 120, 40)));
        let png = png(
            r##"<svg xmlns="http://www.w3.org/2000/svg" width="4" height="2"><rect width="4" height="2" fill="#f00"/></svg>"##,
            8,
            4,
        )
        .unwrap_or_default();
        let p = inspect(&png).map(|p| (p.kind, p.width, p.height));
        assert_eq!(p, Some((Kind::Png, 8, 4)));
        assert_eq!(inspect(b"not a picture at all"), None);
    }

    /// Encoding in place writes tiny-skia's own bytes, half-transparent pixels included.
    #[test]
    fn pictures_encode_as_tiny_skia_does() {
        let svg = r##"<svg xmlns="http://www.w3.org/2000/svg" width="30" height="20"><rect width="30" height="20" fill="#2a6" opacity="0.5"/><circle cx="10" cy="10" r="7" fill="#d20"/></svg>"##;
        let tree = usvg::Tree::from_str(svg, &options()).map_err(|e| e.to_string());
        let mut pixmap = tiny_skia_pixmap(30, 20);
        if let (Ok(tree), Ok(pixmap)) = (&tree, &mut pixmap) {
            resvg::render(tree, usvg::Transform::default(), &mut pixmap.as_mut());
        }
        let pixmap = pixmap.unwrap_or_else(|e| panic!("{e}"));
        assert!(
            pixmap
                .pixels()
                .iter()
                .any(|p| p.alpha() > 0 && p.alpha() < 255)
        );
        let theirs = pixmap.encode_png().map_err(|e| e.to_string());
        assert_eq!(encode_png(pixmap).map_err(|e| e.to_string()), theirs);
        assert!(theirs.is_ok_and(|png| png.len() > 100));
    }

    #[test]
    fn kyrgyz_letters_are_in_the_font_and_drawn() {
        // Every letter has its own glyph: none falls back to the 0.7 em guess.
        for c in "ңөүҢӨҮабвЁё«»—№".chars() {
            let w = text_width(&c.to_string(), 100.0);
            assert!(w > 10.0 && (w - 70.0).abs() > 0.01, "{c}: {w}");
        }
        let svg = format!(
            r##"<svg xmlns="http://www.w3.org/2000/svg" width="200" height="60"><text x="5" y="45" font-size="40" font-family="{FONT_FAMILY}" fill="#000">ңөү</text></svg>"##
        );
        let drawn = png(&svg, 200, 60).unwrap_or_default();
        let img = image::load_from_memory(&drawn).map(|i| i.to_rgba8());
        let dark = img.map_or(0, |i| i.pixels().filter(|p| p[3] > 128).count());
        assert!(dark > 300, "the text was not drawn: {dark} pixels");
    }

    #[test]
    fn long_names_wrap_and_end_with_an_ellipsis() {
        let (lines, fits) = wrap("Жарыя — жарандык коомдун жарыялары", 64.0, 1000.0, 3);
        assert!(
            fits,
            "{lines:?} {:?}",
            lines
                .iter()
                .map(|l| text_width(l, 64.0))
                .collect::<Vec<_>>()
        );
        assert!(lines.len() >= 2, "{lines:?}");
        assert!(lines.iter().all(|l| text_width(l, 64.0) <= 1000.0));
        let long = "сөз ".repeat(200);
        let (lines, fits) = wrap(&long, 64.0, 700.0, 3);
        assert!(!fits);
        assert_eq!(lines.len(), 3);
        assert!(lines[2].ends_with('…'));
    }

    #[test]
    fn an_ico_holds_the_png() {
        let svg = r##"<svg xmlns="http://www.w3.org/2000/svg" width="32" height="32"><rect width="32" height="32" fill="#0b5cad"/></svg>"##;
        let ico = png(svg, 32, 32).and_then(|p| ico(&p)).unwrap_or_default();
        assert_eq!(&ico[..4], &[0, 0, 1, 0], "ICO header");
    }

    #[test]
    fn an_svg_cannot_make_jarya_read_a_file() {
        let svg = r#"<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="10" height="10"><image width="10" height="10" xlink:href="/etc/passwd"/></svg>"#;
        let drawn = png(svg, 10, 10).unwrap_or_default();
        let img = image::load_from_memory(&drawn).map(|i| i.to_rgba8());
        assert_eq!(
            img.map_or(1, |i| i.pixels().filter(|p| p[3] > 0).count()),
            0
        );
    }
}
