//! Render, the site's pictures: favicons drawn from the logo (or the site's initial on its
//! accent colour) and each language's share picture (logo, name and address on the accent
//! colour), as SVG drawn to PNG by [`crate::graphics`].

use super::Renderer;
use super::views::{BrandView, Link, Picture};
use crate::config::Rgb;
use crate::error::{Diagnostic, Error, Result};
use crate::feeds::escape;
use crate::graphics::{self, FONT_FAMILY};
use crate::i18n::Lang;
use crate::plan::Icon;
use crate::urls;

/// The logo's height in the header, in CSS pixels (its width follows its proportions).
const HEADER_LOGO_HEIGHT: u32 = 40;

/// The share picture's size (the Open Graph size every service shows whole).
const SHARE: (u32, u32) = (1200, 630);
const WHITE: &str = "#ffffff";

impl Renderer<'_> {
    /// What every page shows of the site's brand, in `lang`.
    pub(super) fn brand_view(&self, lang: Lang) -> BrandView {
        let brand = &self.site.config.brand;
        let footer = self
            .site
            .config
            .language(lang)
            .map(|l| l.footer.clone())
            .filter(|f| !f.is_empty())
            .unwrap_or_else(|| lang.ui().footer.to_string());
        BrandView {
            accent: brand.accent.base.hex(),
            accent_on_dark: brand.accent.on_dark.hex(),
            logo: brand.logo.as_ref().map(|logo| {
                let (w, h) = (logo.picture.width.max(1), logo.picture.height.max(1));
                Picture {
                    src: self.urls.href(&logo.path),
                    width: (HEADER_LOGO_HEIGHT * w)
                        .div_ceil(h)
                        .clamp(1, 4 * HEADER_LOGO_HEIGHT),
                    height: HEADER_LOGO_HEIGHT,
                }
            }),
            favicon_ico: self.urls.href(urls::icon(Icon::Ico)),
            favicon_png: self.urls.href(urls::icon(Icon::Png32)),
            touch_icon: self.urls.href(urls::icon(Icon::Touch)),
            footer,
            social: brand
                .social
                .iter()
                .map(|s| Link {
                    name: s.name.clone(),
                    href: s.url.clone(),
                })
                .collect(),
        }
    }

    /// A favicon file.
    pub(super) fn icon(&self, icon: Icon) -> Result<Vec<u8>> {
        let png = |side| graphics::png(&self.icon_svg(), side, side);
        match icon {
            Icon::Ico => png(32).and_then(|p| graphics::ico(&p)),
            Icon::Png32 => png(32),
            Icon::Touch => png(180),
        }
        .map_err(drawing_failed)
    }

    /// A language's share picture.
    pub(super) fn share_picture(&self, lang: Lang) -> Result<Vec<u8>> {
        graphics::png(&self.share_svg(lang), SHARE.0, SHARE.1).map_err(drawing_failed)
    }

    /// The logo, framed by a white rounded square, or the site's initial on the accent.
    fn icon_svg(&self) -> String {
        let brand = &self.site.config.brand;
        let inner = match &brand.logo {
            Some(logo) => format!(
                r#"<rect width="64" height="64" rx="12" fill="{WHITE}"/><image x="4" y="4" width="56" height="56" preserveAspectRatio="xMidYMid meet" href="{}"/>"#,
                graphics::data_uri(logo.picture.kind, &logo.bytes)
            ),
            None => {
                let title = self.language_title(self.site.config.default_language);
                let initial: String = title
                    .chars()
                    .find(|c| c.is_alphanumeric())
                    .map(|c| c.to_uppercase().collect())
                    .unwrap_or_default();
                format!(
                    r#"<rect width="64" height="64" rx="12" fill="{}"/><text x="32" y="46" text-anchor="middle" font-family="{FONT_FAMILY}" font-size="40" fill="{WHITE}">{}</text>"#,
                    brand.accent.base.hex(),
                    escape(&initial)
                )
            }
        };
        format!(
            r#"<svg xmlns="http://www.w3.org/2000/svg" width="64" height="64" viewBox="0 0 64 64">{inner}</svg>"#
        )
    }

    /// Logo on a white card at the left, the site's name (up to three lines) and its address
    /// in white on the accent colour (white on the accent passes AA: the accent is checked).
    fn share_svg(&self, lang: Lang) -> String {
        let (w, h) = SHARE;
        let brand = &self.site.config.brand;
        let mut body = String::new();
        let mut text_x = 80.0;
        if let Some(logo) = &brand.logo {
            body.push_str(&format!(
                r#"<rect x="80" y="165" width="300" height="300" rx="28" fill="{WHITE}"/><image x="110" y="195" width="240" height="240" preserveAspectRatio="xMidYMid meet" href="{}"/>"#,
                graphics::data_uri(logo.picture.kind, &logo.bytes)
            ));
            text_x = 440.0;
        }
        let width = w as f32 - text_x - 80.0;
        let title = self.language_title(lang);
        let (size, lines) = [72.0, 60.0, 50.0]
            .iter()
            .map(|&size| (size, graphics::wrap(&title, size, width, 3)))
            .find(|(_, (_, fits))| *fits)
            .unwrap_or_else(|| (50.0, graphics::wrap(&title, 50.0, width, 3)));
        let lines = lines.0;
        let line_height = size * 1.2;
        let top = (h as f32 - line_height * lines.len() as f32) / 2.0 + size * 0.9;
        let tspans: String = lines
            .iter()
            .enumerate()
            .map(|(i, l)| {
                format!(
                    r#"<tspan x="{text_x}" y="{:.0}">{}</tspan>"#,
                    top + line_height * i as f32,
                    escape(l)
                )
            })
            .collect();
        let host = self
            .site
            .config
            .base_url
            .split_once("://")
            .map_or("", |(_, rest)| rest)
            .trim_end_matches('/');
        format!(
            r#"<svg xmlns="http://www.w3.org/2000/svg" width="{w}" height="{h}" viewBox="0 0 {w} {h}"><rect width="{w}" height="{h}" fill="{accent}"/><rect y="{band}" width="{w}" height="14" fill="{dark}"/>{body}<text font-family="{FONT_FAMILY}" font-size="{size}" fill="{WHITE}">{tspans}</text><text x="{text_x}" y="{foot}" font-family="{FONT_FAMILY}" font-size="28" fill="{WHITE}">{host}</text></svg>"#,
            accent = brand.accent.base.hex(),
            dark = darker(brand.accent.base).hex(),
            band = h - 14,
            foot = h - 60,
            host = escape(host),
        )
    }
}

/// The accent, a third of the way to black (the share picture's bottom band).
fn darker(c: Rgb) -> Rgb {
    let d = |v: u8| (f32::from(v) * 0.66).round() as u8;
    Rgb(d(c.0), d(c.1), d(c.2))
}

fn drawing_failed(detail: String) -> Error {
    Error::Content(vec![Diagnostic::error(
        "static",
        crate::msg!("picture-failed", detail = detail),
    )])
}
