//! Render, the browser editor (`editor: true`): `/admin/`, a Decap CMS page, and its
//! configuration generated from jarya's own fields: one collection per language folder,
//! organizers and topics as lists of the registries' entries, contacts and the place as typed
//! parts. The CMS script is loaded by this page only, never by the public site.
//!
//! Every value in the configuration is written as a JSON string, which YAML reads as the same
//! string whatever it holds.

use crate::i18n::{Lang, Message, UiLang};
use crate::model::{Entry, Site};
use crate::msg;

/// Decap CMS from the npm registry's CDN, pinned to a major version.
pub const DECAP_SCRIPT: &str = "https://unpkg.com/decap-cms@^3.0.0/dist/decap-cms.js";

fn q(s: &str) -> String {
    serde_json::to_string(s).unwrap_or_default()
}

fn esc(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// The language of the editor's labels: the site's default language.
fn ui(site: &Site) -> UiLang {
    UiLang::from(site.config.default_language)
}

/// `admin/index.html`.
pub fn page(site: &Site) -> String {
    let lang = site.config.default_language;
    let title = site
        .config
        .language(lang)
        .map(|l| l.title.clone())
        .unwrap_or_default();
    format!(
        "<!DOCTYPE html>\n<html lang=\"{code}\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<meta name=\"robots\" content=\"noindex\">\n<title>{label} — {title}</title>\n<link href=\"config.yml\" type=\"text/yaml\" rel=\"cms-config-url\">\n</head>\n<body>\n<script src=\"{DECAP_SCRIPT}\"></script>\n</body>\n</html>\n",
        code = lang.code(),
        label = esc(&msg!("editor-title").render(ui(site))),
        title = esc(&title),
    )
}

/// `admin/config.yml`.
pub fn config(site: &Site) -> String {
    let Some(editor) = &site.config.editor else {
        return String::new();
    };
    let mut out = format!(
        "# The browser editor's settings, written by jarya from content/site.yaml and the\n# registries: edit those, not this file.\nbackend:\n  name: github\n  repo: {}\n  branch: {}\nlocale: {}\nmedia_folder: static/img\npublic_folder: /img\ncollections:\n",
        q(&editor.repo),
        q(&editor.branch),
        q(site.config.default_language.code()),
    );
    for l in &site.config.languages {
        out.push_str(&collection(site, l.lang));
    }
    out
}

/// One language's releases: `content/<lang>/`, labelled in that language.
fn collection(site: &Site, lang: Lang) -> String {
    let ui = UiLang::from(lang);
    let label = |key: Message| q(&key.render(ui));
    let language = site
        .config
        .language(lang)
        .map(|l| l.lang.ui().language_name)
        .unwrap_or_default();
    let mut c = format!(
        "  - name: {code}\n    label: {label}\n    folder: {folder}\n    create: true\n    extension: md\n    format: frontmatter\n    slug: \"{{{{slug}}}}\"\n    fields:\n",
        code = q(lang.code()),
        label = label(msg!("editor-releases", language = language)),
        folder = q(&format!("content/{}", lang.code())),
    );
    let field = |name: &str, key: Message, rest: &str| {
        format!(
            "      - {{name: {}, label: {}{rest}}}\n",
            q(name),
            label(key)
        )
    };
    let date_format = ", widget: datetime, format: \"YYYY-MM-DD HH:mm\", date_format: \"DD.MM.YYYY\", time_format: \"HH:mm\", picker_utc: false";
    c.push_str(&field(
        "title",
        msg!("editor-field-title"),
        ", widget: string",
    ));
    c.push_str(&field("date", msg!("editor-field-date"), date_format));
    c.push_str(&field(
        "end",
        msg!("editor-field-end"),
        &format!("{date_format}, required: false"),
    ));
    c.push_str(&format!(
        "      - {{name: \"lang\", widget: hidden, default: {}}}\n",
        q(lang.code())
    ));
    let options = |entries: &[Entry]| {
        let list: Vec<String> = entries
            .iter()
            .filter_map(|e| e.names.get(&lang).or_else(|| e.names.values().next()))
            .map(|n| q(n))
            .collect();
        format!("[{}]", list.join(", "))
    };
    c.push_str(&field(
        "organizers",
        msg!("editor-field-organizers"),
        &format!(
            ", widget: select, multiple: true, min: 1, options: {}",
            options(&site.organization_entries)
        ),
    ));
    c.push_str(&field(
        "topics",
        msg!("editor-field-topics"),
        &format!(
            ", widget: select, multiple: true, required: false, options: {}",
            options(&site.topic_entries)
        ),
    ));
    c.push_str(&parts(
        ui,
        "location",
        msg!("editor-field-location"),
        "object",
        &[
            ("name", msg!("editor-field-place")),
            ("address", msg!("editor-field-address")),
            ("city", msg!("editor-field-city")),
        ],
    ));
    c.push_str(&parts(
        ui,
        "contacts",
        msg!("editor-field-contacts"),
        "list",
        &[
            ("name", msg!("editor-field-contact-name")),
            ("role", msg!("editor-field-role")),
            ("phone", msg!("editor-field-phone")),
            ("email", msg!("editor-field-email")),
        ],
    ));
    c.push_str(&field(
        "summary",
        msg!("editor-field-summary"),
        ", widget: text, required: false",
    ));
    c.push_str(&field(
        "image",
        msg!("editor-field-image"),
        ", widget: image, required: false",
    ));
    c.push_str(&field(
        "image_alt",
        msg!("editor-field-image-alt"),
        ", widget: string, required: false",
    ));
    c.push_str(&field(
        "translation_key",
        msg!("editor-field-translation-key"),
        ", widget: string, required: false",
    ));
    c.push_str(&field(
        "draft",
        msg!("editor-field-draft"),
        ", widget: boolean, required: false, default: false",
    ));
    c.push_str(&field(
        "body",
        msg!("editor-field-body"),
        ", widget: markdown",
    ));
    c
}

/// A field of named text parts: a place (`object`) or a list of contacts (`list`).
fn parts(
    ui: UiLang,
    name: &str,
    label: Message,
    widget: &str,
    fields: &[(&str, Message)],
) -> String {
    let mut out = format!(
        "      - name: {}\n        label: {}\n        widget: {widget}\n        required: false\n        fields:\n",
        q(name),
        q(&label.render(ui))
    );
    for (i, (part, label)) in fields.iter().enumerate() {
        // A contact needs a name; a place may be given by any of its parts.
        let required = if i == 0 && widget == "list" {
            ""
        } else {
            ", required: false"
        };
        out.push_str(&format!(
            "          - {{name: {}, label: {}, widget: string{required}}}\n",
            q(part),
            q(&label.render(ui))
        ));
    }
    out
}
