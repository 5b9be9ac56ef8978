//! Load stage, theme: the templates (parsed once) and the static files of the default theme,
//! which is compiled in, with the site's own `templates/` and `static/` over it file by file.

use crate::content;
use crate::error::Diagnostic;
use crate::msg;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// The default theme's templates, compiled in.
const DEFAULT_TEMPLATES: [(&str, &str); 12] = [
    ("search.html", include_str!("../templates/search.html")),
    ("archive.html", include_str!("../templates/archive.html")),
    ("base.html", include_str!("../templates/base.html")),
    ("entry.html", include_str!("../templates/entry.html")),
    ("list.html", include_str!("../templates/list.html")),
    ("release.html", include_str!("../templates/release.html")),
    ("terms.html", include_str!("../templates/terms.html")),
    ("404.html", include_str!("../templates/404.html")),
    (
        "partials/head.html",
        include_str!("../templates/partials/head.html"),
    ),
    (
        "partials/item.html",
        include_str!("../templates/partials/item.html"),
    ),
    (
        "partials/pagination.html",
        include_str!("../templates/partials/pagination.html"),
    ),
    (
        "partials/term.html",
        include_str!("../templates/partials/term.html"),
    ),
];

/// The default theme's static files, compiled in.
const DEFAULT_STATIC: [(&str, &[u8]); 2] = [
    (crate::urls::STYLE, include_bytes!("../static/style.css")),
    (
        crate::urls::SEARCH_SCRIPT,
        include_bytes!("../static/search.js"),
    ),
];

/// The loaded templates (and where each came from, for error messages) and static files.
pub struct Theme {
    pub(crate) tera: tera::Tera,
    pub(crate) origins: BTreeMap<String, PathBuf>,
    /// The built-in static files, then the site's `static/` (same names replace them).
    pub statics: Vec<StaticFile>,
}

/// A file copied into the site as it is.
#[derive(Debug, Clone)]
pub struct StaticFile {
    /// Where it goes, relative to the output folder.
    pub path: PathBuf,
    /// Where its bytes come from.
    pub source: StaticSource,
    /// Where it comes from, for messages: `static/style.css` or `(built-in theme)/style.css`.
    pub origin: PathBuf,
}

/// Where a copied file's bytes come from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StaticSource {
    /// Compiled in.
    Builtin(&'static [u8]),
    /// A file on disk (read by the output stage when it copies it).
    File(PathBuf),
}

/// Loads the theme: templates and static files.
pub fn load(site: &Path) -> Result<Theme, Vec<Diagnostic>> {
    let templates = load_templates(site);
    let statics = load_statics(site);
    match (templates, statics) {
        (Ok((tera, origins)), Ok(statics)) => Ok(Theme {
            tera,
            origins,
            statics,
        }),
        (t, s) => Err(t.err().into_iter().chain(s.err()).flatten().collect()),
    }
}

type Templates = (tera::Tera, BTreeMap<String, PathBuf>);

impl Theme {
    /// The default theme alone, without looking at any folder.
    pub fn builtin() -> Result<Theme, Vec<Diagnostic>> {
        let (tera, origins) = compile(builtin_templates())?;
        Ok(Theme {
            tera,
            origins,
            statics: builtin_statics(),
        })
    }
}

fn builtin_statics() -> Vec<StaticFile> {
    DEFAULT_STATIC
        .iter()
        .map(|(name, bytes)| StaticFile {
            path: PathBuf::from(name),
            source: StaticSource::Builtin(bytes),
            origin: PathBuf::from("(built-in theme)/static").join(name),
        })
        .collect()
}

/// The built-in static files, then every file of the site's `static/` (hidden ones skipped).
fn load_statics(site: &Path) -> Result<Vec<StaticFile>, Vec<Diagnostic>> {
    let mut files = builtin_statics();
    let dir = site.join("static");
    if !dir.is_dir() {
        return Ok(files);
    }
    let mut diags = Vec::new();
    let walker = walkdir::WalkDir::new(&dir)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|e| e.depth() == 0 || !e.file_name().to_string_lossy().starts_with('.'));
    for entry in walker {
        match entry {
            Ok(e) if e.file_type().is_file() => {
                if let Ok(rel) = e.path().strip_prefix(&dir) {
                    files.push(StaticFile {
                        path: rel.to_path_buf(),
                        origin: content::display_path(site, e.path()),
                        source: StaticSource::File(e.into_path()),
                    });
                }
            }
            Ok(_) => {}
            Err(e) => diags.push(Diagnostic::error(
                content::display_path(site, e.path().unwrap_or(&dir)),
                msg!(
                    "folder-unreadable",
                    reason = msg!("io-other", detail = e.to_string())
                ),
            )),
        }
    }
    if diags.is_empty() {
        Ok(files)
    } else {
        Err(diags)
    }
}

/// Loads the default templates, then the site's `templates/` over them.
fn load_templates(site: &Path) -> Result<Templates, Vec<Diagnostic>> {
    let mut sources = builtin_templates();
    let dir = site.join("templates");
    let mut diags = Vec::new();
    if dir.is_dir() {
        for entry in walkdir::WalkDir::new(&dir).sort_by_file_name() {
            let entry = match entry {
                Ok(e) => e,
                Err(e) => {
                    diags.push(Diagnostic::error(
                        content::display_path(site, &dir),
                        msg!(
                            "folder-unreadable",
                            reason = msg!("io-other", detail = e.to_string())
                        ),
                    ));
                    continue;
                }
            };
            if !entry.file_type().is_file() {
                continue;
            }
            let Ok(rel) = entry.path().strip_prefix(&dir) else {
                continue;
            };
            let name = rel
                .components()
                .map(|c| c.as_os_str().to_string_lossy())
                .collect::<Vec<_>>()
                .join("/");
            if name.starts_with('.') {
                continue;
            }
            match content::read_text(site, entry.path()) {
                Ok(text) => {
                    sources.insert(name, (text, content::display_path(site, entry.path())));
                }
                Err(d) => diags.push(d),
            }
        }
    }
    if !diags.is_empty() {
        return Err(diags);
    }
    compile(sources)
}

/// Template name -> (text, where it comes from).
type Sources = BTreeMap<String, (String, PathBuf)>;

fn builtin_templates() -> Sources {
    DEFAULT_TEMPLATES
        .iter()
        .map(|(name, text)| {
            let origin = PathBuf::from("(built-in theme)/templates").join(name);
            (name.to_string(), (text.to_string(), origin))
        })
        .collect()
}

fn compile(sources: Sources) -> Result<Templates, Vec<Diagnostic>> {
    let origins: BTreeMap<String, PathBuf> = sources
        .iter()
        .map(|(n, (_, o))| (n.clone(), o.clone()))
        .collect();
    let mut tera = tera::Tera::new();
    tera.add_raw_templates(sources.iter().map(|(n, (t, _))| (n.as_str(), t.as_str())))
        .map_err(|e| vec![template_diagnostic(&e, &origins)])?;
    Ok((tera, origins))
}

/// A Tera error as a diagnostic pointing at the template file and line.
pub fn template_diagnostic(err: &tera::Error, origins: &BTreeMap<String, PathBuf>) -> Diagnostic {
    let origin = |name: &str| {
        origins
            .get(name)
            .cloned()
            .unwrap_or_else(|| PathBuf::from("templates").join(name))
    };
    match err.kind() {
        tera::ErrorKind::SyntaxError(r) | tera::ErrorKind::RenderingError(r) => Diagnostic::error(
            origin(r.filename()),
            msg!("template-error", detail = r.message()),
        )
        .at_line(r.span().start_line)
        .at_column(r.span().start_col + 1)
        .with_hint(msg!("template-error-hint")),
        tera::ErrorKind::MissingParent { current, parent } => Diagnostic::error(
            origin(current),
            msg!("template-parent-missing", parent = parent.as_str()),
        )
        .with_hint(msg!("template-parent-missing-hint")),
        tera::ErrorKind::TemplateNotFound(name) => {
            Diagnostic::error(origin(name), msg!("template-missing"))
        }
        other => Diagnostic::error(
            "templates",
            msg!("template-error", detail = other.to_string()),
        ),
    }
}
