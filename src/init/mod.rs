//! `jarya init`: a complete site that builds and checks with no edits: settings commented in
//! Russian, one organization and one topic, one example release per language showing every
//! field, a `.gitignore` and a GitHub Pages workflow that downloads the prebuilt jarya.
//!
//! [`files`] decides the files (pure); [`init`] writes those that do not exist yet.

use crate::error::{Error, Result};
use crate::i18n::{self, Lang, capitalized};
use crate::msg;
use jiff::civil::Date;
use std::path::{Path, PathBuf};

/// The GitHub repository of jarya: its releases hold the prebuilt binaries, its root the
/// action (`action.yml`) that site workflows use.
pub const REPOSITORY: &str = "jarya-kg/jarya";

/// What `init` was told or asked.
#[derive(Debug, Clone)]
pub struct InitOptions {
    /// The folder of the new site.
    pub dir: PathBuf,
    /// The site's name in Russian.
    pub title_ru: String,
    /// The site's name in Kyrgyz.
    pub title_ky: String,
    /// Where the site will be published.
    pub base_url: String,
    /// Write into a folder that already has files (never over a file).
    pub force: bool,
    /// The day the example event is planned from.
    pub today: Date,
}

impl InitOptions {
    /// The defaults for a site in `dir`.
    pub fn new(dir: impl Into<PathBuf>, today: Date) -> Self {
        InitOptions {
            dir: dir.into(),
            title_ru: "Наша организация — анонсы и пресс-релизы".to_string(),
            title_ky: "Биздин уюм — жарыялар жана пресс-релиздер".to_string(),
            base_url: "https://example.kg/".to_string(),
            force: false,
            today,
        }
    }
}

/// What `init` wrote and what it left alone because it existed.
#[derive(Debug, Default)]
pub struct Created {
    /// The files written, relative to the site folder.
    pub written: Vec<PathBuf>,
    /// The files that already existed and were kept.
    pub kept: Vec<PathBuf>,
}

/// A YAML double-quoted string: any title is valid YAML.
fn quoted(s: &str) -> String {
    format!("\"{}\"", s.replace('\\', "\\\\").replace('"', "\\\""))
}

/// Every file of a new site, relative to its folder, with its text.
pub fn files(opts: &InitOptions) -> Vec<(PathBuf, String)> {
    let event = opts
        .today
        .checked_add(jiff::Span::new().days(14))
        .unwrap_or(opts.today);
    let site = include_str!("site.yaml")
        .replace("{base_url}", &quoted(&opts.base_url))
        .replace("{title_ru}", &quoted(&opts.title_ru))
        .replace("{title_ky}", &quoted(&opts.title_ky))
        .replace(
            "{description_ru}",
            "Пресс-релизы и анонсы мероприятий нашей организации.",
        )
        .replace(
            "{description_ky}",
            "Биздин уюмдун пресс-релиздери жана иш-чаралардын жарыялары.",
        );
    let release = |text: &str, lang: Lang| {
        text.replace("{date}", &event.to_string())
            .replace("{today}", &opts.today.to_string())
            .replace(
                "{date_words}",
                &capitalized(&i18n::format_date(lang, event)),
            )
            .replace("{date_words_ky}", &i18n::format_date(lang, event))
    };
    let action = format!("{REPOSITORY}@v1");
    let p = |s: &str| s.split('/').collect::<PathBuf>();
    vec![
        (p("content/site.yaml"), site),
        (
            p("content/organizations.yaml"),
            include_str!("organizations.yaml").to_string(),
        ),
        (
            p("content/topics.yaml"),
            include_str!("topics.yaml").to_string(),
        ),
        (
            p("content/ru/kruglyy-stol.md"),
            release(include_str!("release-ru.md"), Lang::Ru),
        ),
        (
            p("content/ky/tegerek-ustol.md"),
            release(include_str!("release-ky.md"), Lang::Ky),
        ),
        (p(".gitignore"), include_str!("gitignore").to_string()),
        (
            p(".github/workflows/pages.yml"),
            include_str!("pages.yml").replace("{action}", &action),
        ),
    ]
}

/// Creates the site: refuses a folder with files in it (but `.git`) unless `force`, and never
/// writes over a file.
pub fn init(opts: &InitOptions) -> Result<Created> {
    let dir = &opts.dir;
    if !opts.force && has_files(dir) {
        return Err(Error::Usage(msg!("init-not-empty", path = dir)));
    }
    let mut created = Created::default();
    for (rel, text) in files(opts) {
        let path = dir.join(&rel);
        if path.exists() {
            created.kept.push(rel);
            continue;
        }
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).map_err(|e| Error::io(parent, e))?;
        }
        std::fs::write(&path, text).map_err(|e| Error::io(&path, e))?;
        created.written.push(rel);
    }
    Ok(created)
}

/// Whether `dir` holds anything but a `.git` folder.
fn has_files(dir: &Path) -> bool {
    std::fs::read_dir(dir).is_ok_and(|entries| entries.flatten().any(|e| e.file_name() != ".git"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn titles_are_quoted_and_dates_filled_in() {
        let mut opts = InitOptions::new("x", jiff::civil::date(2026, 12, 2));
        opts.title_ru = "Фонд \"Мир\": анонсы".to_string();
        let files = files(&opts);
        let site = &files[0].1;
        assert!(
            site.contains("title: \"Фонд \\\"Мир\\\": анонсы\""),
            "{site}"
        );
        let ru = &files[3].1;
        assert!(ru.contains("date: 2026-12-16 10:00"), "{ru}");
        assert!(ru.contains("16 декабря 2026 г. в Бишкеке"), "{ru}");
        assert!(
            !files
                .iter()
                .any(|(_, t)| t.contains("{date") || t.contains("{action}"))
        );
        let workflow = &files[6].1;
        assert!(
            workflow.contains(&format!("uses: {REPOSITORY}@v1")),
            "{workflow}"
        );
    }
}
