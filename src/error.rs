//! Errors and diagnostics: every user-facing problem carries a file, a line and a hint.
//!
//! Content problems are [`Diagnostic`]s, collected across the whole site and reported together.
//! [`Error`] is what a pipeline stage returns when it cannot go on.

use crate::i18n::{Message, UiLang};
use std::fmt;
use std::path::{Path, PathBuf};

/// How bad a diagnostic is: errors stop the build, warnings are only printed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    /// The build cannot produce a correct site.
    Error,
    /// Worth fixing, but the site is still built.
    Warning,
}

/// One problem in one file, with where it is and what to do about it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    /// Error or warning.
    pub severity: Severity,
    /// The file, as the user would type it (relative to the site folder when possible).
    pub path: PathBuf,
    /// 1-based line in the file (counting the `---` line), when known.
    pub line: Option<usize>,
    /// 1-based column, when known.
    pub column: Option<usize>,
    /// How many characters from `column` are wrong (for the marker), when known.
    pub width: Option<usize>,
    /// The front matter field concerned, when there is one.
    pub field: Option<String>,
    /// What is wrong, in words rendered in the reader's language.
    pub message: Message,
    /// What to do about it.
    pub hint: Option<Message>,
}

impl Diagnostic {
    /// A new error at `path`.
    pub fn error(path: impl Into<PathBuf>, message: Message) -> Self {
        Diagnostic {
            severity: Severity::Error,
            path: path.into(),
            line: None,
            column: None,
            width: None,
            field: None,
            message,
            hint: None,
        }
    }

    /// A new warning at `path`.
    pub fn warning(path: impl Into<PathBuf>, message: Message) -> Self {
        Diagnostic {
            severity: Severity::Warning,
            ..Diagnostic::error(path, message)
        }
    }

    /// Sets the line (1-based).
    pub fn at_line(mut self, line: usize) -> Self {
        self.line = Some(line);
        self
    }

    /// Sets the line when one is known.
    pub fn at_opt_line(mut self, line: Option<usize>) -> Self {
        self.line = line;
        self
    }

    /// Sets the column (1-based).
    pub fn at_column(mut self, column: usize) -> Self {
        self.column = Some(column);
        self
    }

    /// Sets how many characters the marker covers.
    pub fn with_width(mut self, width: usize) -> Self {
        self.width = Some(width);
        self
    }

    /// Names the front matter field concerned.
    pub fn in_field(mut self, field: impl Into<String>) -> Self {
        self.field = Some(field.into());
        self
    }

    /// Adds a hint: what the user should do.
    pub fn with_hint(mut self, hint: Message) -> Self {
        self.hint = Some(hint);
        self
    }

    /// The text of the message in `lang`.
    pub fn message_in(&self, lang: UiLang) -> String {
        self.message.render(lang)
    }

    /// The text of the hint in `lang`, when there is one.
    pub fn hint_in(&self, lang: UiLang) -> Option<String> {
        self.hint.as_ref().map(|h| h.render(lang))
    }

    /// True for errors, false for warnings.
    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }

    /// The sort key that gives a stable report order: file, line, column, message key.
    fn sort_key(&self) -> (&Path, usize, usize, &Message) {
        (
            &self.path,
            self.line.unwrap_or(0),
            self.column.unwrap_or(0),
            &self.message,
        )
    }
}

/// Sorts diagnostics by file and line, so reports are the same from run to run.
pub fn sort_diagnostics(diagnostics: &mut [Diagnostic]) {
    diagnostics.sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
}

impl fmt::Display for Diagnostic {
    /// `path:line:col: error: message`, then `  = hint: ...` on its own line.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.path.display())?;
        if let Some(line) = self.line {
            write!(f, ":{line}")?;
            if let Some(column) = self.column {
                write!(f, ":{column}")?;
            }
        }
        let label = match self.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        write!(f, ": {label}: ")?;
        if let Some(field) = &self.field {
            write!(f, "`{field}`: ")?;
        }
        write!(f, "{}", self.message)?;
        if let Some(hint) = &self.hint {
            write!(f, "\n  = hint: {hint}")?;
        }
        Ok(())
    }
}

/// Why a build (or check) stopped.
#[derive(Debug)]
pub enum Error {
    /// One or more problems in the site's files; nothing was written.
    Content(Vec<Diagnostic>),
    /// The command was asked for something that cannot be done (no such folder, ...).
    Usage(Message),
    /// Reading or writing a file failed.
    Io {
        /// The file or folder concerned.
        path: PathBuf,
        /// What the operating system said.
        source: std::io::Error,
    },
}

impl Error {
    /// Wraps an I/O error with the path it concerns.
    pub fn io(path: impl Into<PathBuf>, source: std::io::Error) -> Self {
        Error::Io {
            path: path.into(),
            source,
        }
    }
}

impl Error {
    /// What went wrong, in `lang`.
    pub fn message(&self) -> Message {
        match self {
            Error::Content(diags) => crate::msg!(
                "content-errors",
                count = diags.iter().filter(|d| d.is_error()).count()
            ),
            Error::Usage(m) => m.clone(),
            Error::Io { path, source } => {
                crate::msg!("io-failed", path = path, reason = io_reason(source))
            }
        }
    }
}

/// What the operating system said, in words for people where the kind of failure is known.
pub fn io_reason(e: &std::io::Error) -> Message {
    use std::io::ErrorKind as K;
    match e.kind() {
        K::NotFound => crate::msg!("io-not-found"),
        K::PermissionDenied => crate::msg!("io-permission-denied"),
        K::AlreadyExists => crate::msg!("io-already-exists"),
        K::StorageFull => crate::msg!("io-storage-full"),
        K::ReadOnlyFilesystem => crate::msg!("io-read-only"),
        K::AddrInUse => crate::msg!("io-address-in-use"),
        _ => crate::msg!("io-other", detail = e.to_string()),
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.message())
    }
}

impl std::error::Error for Error {}

/// The result type of the pipeline.
pub type Result<T> = std::result::Result<T, Error>;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn display_has_path_line_field_message_and_hint() {
        let d = Diagnostic::error(
            "content/ky/forum.md",
            crate::msg!("lang-unknown", found = "kz"),
        )
        .at_line(4)
        .at_column(7)
        .in_field("lang")
        .with_hint(crate::msg!("lang-unknown-hint"));
        assert_eq!(
            d.to_string(),
            "content/ky/forum.md:4:7: error: `lang`: unknown language \"kz\"\n  = hint: use one of: ru, ky"
        );
    }

    #[test]
    fn sorting_is_by_file_then_line() {
        let mut v = vec![
            Diagnostic::error("b.md", Message::new("x")).at_line(1),
            Diagnostic::error("a.md", Message::new("y")).at_line(9),
            Diagnostic::error("a.md", Message::new("z")).at_line(2),
        ];
        sort_diagnostics(&mut v);
        let order: Vec<_> = v.iter().map(|d| d.message.key).collect();
        assert_eq!(order, ["z", "y", "x"]);
    }
}
