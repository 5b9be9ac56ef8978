//! Config, the site's brand: its logo, its accent colour (checked for contrast) and its social
//! links. The footer text of each language is with the language's other settings.

use super::Problems;
use crate::graphics::{self, Picture};
use crate::msg;
use crate::sanitize;
use std::path::Path;

/// How the site looks as its own: every part has a default.
#[derive(Debug, Clone, PartialEq)]
pub struct Brand {
    /// The logo (`logo:`), a file under `static/`.
    pub logo: Option<Logo>,
    /// The accent colour (`accent:`), default jarya's blue.
    pub accent: Accent,
    /// Links to the organization's pages elsewhere (`social:`), in the order written.
    pub social: Vec<SocialLink>,
}

/// The site's logo, read at load time (render draws the favicon and share picture from it).
#[derive(Debug, Clone, PartialEq)]
pub struct Logo {
    /// The path under `static/`, with `/` separators.
    pub path: String,
    /// The file's bytes.
    pub bytes: Vec<u8>,
    /// Its kind and size.
    pub picture: Picture,
}

/// An sRGB colour.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Rgb(pub u8, pub u8, pub u8);

/// The accent colour and what the theme derives from it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Accent {
    /// As written: links on the light background, white text on it (both ≥ 4.5:1).
    pub base: Rgb,
    /// Links on the dark background (dark mode): the accent lightened until it reads.
    pub on_dark: Rgb,
}

/// One link to the organization elsewhere.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SocialLink {
    /// The address.
    pub url: String,
    /// The service's name (Facebook, Telegram, ...) or the host.
    pub name: String,
}

/// The theme's light surface that is nearest to the accent (the tinted boxes, `--soft`): the
/// accent is checked against it, so it also passes on white and carries white text.
pub const LIGHT_BACKGROUND: Rgb = Rgb(0xf4, 0xf6, 0xf8);
/// The same for dark mode (`--soft` there): the dark accent passes on it and on the page.
pub const DARK_BACKGROUND: Rgb = Rgb(0x16, 0x1b, 0x22);
/// jarya's own blue.
pub const DEFAULT_ACCENT: Rgb = Rgb(0x0b, 0x5c, 0xad);
/// WCAG 2.x AA for normal text.
const AA: f64 = 4.5;

impl Rgb {
    /// `#rrggbb`.
    pub fn hex(self) -> String {
        format!("#{:02x}{:02x}{:02x}", self.0, self.1, self.2)
    }

    /// `#rgb`, `#rrggbb`, or either without `#`.
    pub fn parse(written: &str) -> Option<Rgb> {
        let h = written.trim().trim_start_matches('#');
        if !h.chars().all(|c| c.is_ascii_hexdigit()) {
            return None;
        }
        let full = match h.len() {
            3 => h.chars().flat_map(|c| [c, c]).collect(),
            6 => h.to_string(),
            _ => return None,
        };
        let byte = |i: usize| u8::from_str_radix(&full[i..i + 2], 16).ok();
        Some(Rgb(byte(0)?, byte(2)?, byte(4)?))
    }

    /// WCAG relative luminance.
    fn luminance(self) -> f64 {
        let channel = |v: u8| {
            let c = f64::from(v) / 255.0;
            if c <= 0.04045 {
                c / 12.92
            } else {
                ((c + 0.055) / 1.055).powf(2.4)
            }
        };
        0.2126 * channel(self.0) + 0.7152 * channel(self.1) + 0.0722 * channel(self.2)
    }

    /// The WCAG contrast ratio of two colours (1 to 21).
    pub fn contrast(self, other: Rgb) -> f64 {
        let (a, b) = (self.luminance(), other.luminance());
        (a.max(b) + 0.05) / (a.min(b) + 0.05)
    }

    /// This colour moved `t` (0 to 1) of the way towards `to`.
    fn towards(self, to: Rgb, t: f64) -> Rgb {
        let mix = |a: u8, b: u8| (f64::from(a) + (f64::from(b) - f64::from(a)) * t).round() as u8;
        Rgb(mix(self.0, to.0), mix(self.1, to.1), mix(self.2, to.2))
    }

    /// The nearest colour of the same hue, towards `to`, with at least AA contrast on `bg`.
    fn nearest_readable(self, bg: Rgb, to: Rgb) -> Rgb {
        (0..=100)
            .map(|step| self.towards(to, f64::from(step) / 100.0))
            .find(|c| c.contrast(bg) >= AA)
            .unwrap_or(to)
    }
}

/// The accent as written (`None`: the default), checked against the light background.
pub(super) fn accent(p: &mut Problems<'_>, written: Option<&str>, commented: bool) -> Accent {
    let base = match written {
        None if commented => {
            p.err(
                "accent",
                msg!("accent-commented"),
                msg!("accent-hint", example = "\"#0b5cad\""),
            );
            DEFAULT_ACCENT
        }
        None => DEFAULT_ACCENT,
        Some(w) => match Rgb::parse(w) {
            Some(c) if c.contrast(LIGHT_BACKGROUND) >= AA => c,
            Some(c) => {
                let better = c.nearest_readable(LIGHT_BACKGROUND, Rgb(0, 0, 0));
                p.err(
                    "accent",
                    msg!(
                        "accent-low-contrast",
                        found = c.hex(),
                        ratio = format!("{:.1}", c.contrast(LIGHT_BACKGROUND))
                    ),
                    msg!("accent-low-contrast-hint", nearest = better.hex()),
                );
                DEFAULT_ACCENT
            }
            None => {
                p.err(
                    "accent",
                    msg!("accent-invalid", found = w),
                    msg!("accent-hint", example = "\"#0b5cad\""),
                );
                DEFAULT_ACCENT
            }
        },
    };
    Accent {
        base,
        on_dark: base.nearest_readable(DARK_BACKGROUND, Rgb(0xff, 0xff, 0xff)),
    }
}

/// `logo:` a picture under `static/` (SVG, PNG, JPEG or WebP), read now.
pub(super) fn logo(p: &mut Problems<'_>, site: &Path, written: Option<&str>) -> Option<Logo> {
    let path = written?.trim().trim_start_matches('/').replace('\\', "/");
    if path.is_empty() {
        return None;
    }
    let missing = || msg!("logo-missing", path = format!("static/{path}"));
    if path
        .split('/')
        .any(|part| part == ".." || part.contains(':'))
    {
        p.err("logo", missing(), msg!("logo-hint"));
        return None;
    }
    let Ok(bytes) = std::fs::read(site.join("static").join(&path)) else {
        let hint = match crate::content::in_other_case(&site.join("static"), &path) {
            Some(found) => msg!("image-meant-hint", field = "logo", found = found),
            None => msg!("logo-hint"),
        };
        p.err("logo", missing(), hint);
        return None;
    };
    match graphics::inspect(&bytes) {
        Some(picture) => Some(Logo {
            path,
            bytes,
            picture,
        }),
        None => {
            p.err(
                "logo",
                msg!("logo-unreadable", path = format!("static/{path}")),
                msg!("logo-hint"),
            );
            None
        }
    }
}

/// `social:` a list of addresses (http or https).
pub(super) fn social(p: &mut Problems<'_>, written: Vec<String>) -> Vec<SocialLink> {
    let mut links = Vec::new();
    for url in written {
        let url = url.trim().to_string();
        let host = url
            .strip_prefix("https://")
            .or_else(|| url.strip_prefix("http://"))
            .and_then(|rest| rest.split(['/', '?', '#']).next())
            .filter(|h| h.contains('.') && !h.contains(char::is_whitespace));
        match host {
            Some(host) if !sanitize::unsafe_url(&url, false) => links.push(SocialLink {
                name: service_name(host),
                url,
            }),
            _ => p.err(
                "social",
                msg!("social-invalid", found = &url),
                msg!("social-hint"),
            ),
        }
    }
    links
}

/// The name readers know a host by.
fn service_name(host: &str) -> String {
    let host = host.to_ascii_lowercase();
    let bare = host.trim_start_matches("www.").trim_start_matches("m.");
    let known = [
        ("facebook.com", "Facebook"),
        ("fb.com", "Facebook"),
        ("t.me", "Telegram"),
        ("telegram.me", "Telegram"),
        ("instagram.com", "Instagram"),
        ("youtube.com", "YouTube"),
        ("youtu.be", "YouTube"),
        ("x.com", "X"),
        ("twitter.com", "X"),
        ("vk.com", "VK"),
        ("tiktok.com", "TikTok"),
        ("linkedin.com", "LinkedIn"),
        ("wa.me", "WhatsApp"),
        ("ok.ru", "Одноклассники"),
        ("threads.net", "Threads"),
    ];
    known
        .iter()
        .find(|(h, _)| *h == bare)
        .map_or_else(|| bare.to_string(), |(_, name)| (*name).to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn contrast_matches_wcag_examples() {
        let white = Rgb(255, 255, 255);
        assert!((Rgb(0, 0, 0).contrast(white) - 21.0).abs() < 0.01);
        // #767676 is the lightest grey that passes AA on white (4.54:1).
        assert!((Rgb(0x76, 0x76, 0x76).contrast(white) - 4.54).abs() < 0.01);
        assert!(Rgb(0x77, 0x77, 0x77).contrast(white) < AA);
    }

    #[test]
    fn a_light_accent_gets_the_nearest_passing_colour() {
        let yellow = Rgb::parse("#f5b400").unwrap_or(DEFAULT_ACCENT);
        let fixed = yellow.nearest_readable(LIGHT_BACKGROUND, Rgb(0, 0, 0));
        assert!(fixed.contrast(LIGHT_BACKGROUND) >= AA);
        // One step less dark would not pass: it is the nearest on that line.
        let hue_kept = fixed.0 > fixed.1 && fixed.1 > fixed.2;
        assert!(hue_kept, "{}", fixed.hex());
        assert_eq!(Rgb::parse("0B5CAD"), Some(DEFAULT_ACCENT));
        assert_eq!(Rgb::parse("#abc"), Some(Rgb(0xaa, 0xbb, 0xcc)));
        assert_eq!(Rgb::parse("blue"), None);
    }

    #[test]
    fn the_dark_mode_accent_reads_on_the_dark_background() {
        for c in [DEFAULT_ACCENT, Rgb(0x8b, 0, 0), Rgb(0, 0x5a, 0x32)] {
            let a = Accent {
                base: c,
                on_dark: c.nearest_readable(DARK_BACKGROUND, Rgb(255, 255, 255)),
            };
            assert!(a.on_dark.contrast(DARK_BACKGROUND) >= AA, "{}", c.hex());
        }
    }

    #[test]
    fn social_hosts_are_named() {
        assert_eq!(service_name("www.facebook.com"), "Facebook");
        assert_eq!(service_name("t.me"), "Telegram");
        assert_eq!(service_name("ngo.kg"), "ngo.kg");
    }
}
