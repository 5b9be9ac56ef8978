//! The in-memory build the slow targets share: model, plan and render of loaded releases, into
//! memory, with the built-in theme compiled once per process and without drawing favicons and
//! share pictures (pure pixel work, fuzzed by nothing here). This is what `build` does between
//! reading and writing, a thousand times faster than a whole build per input.

use jarya::output::Sink;
use jarya::plan::Extra;
use std::path::{Path, PathBuf};
use std::sync::{Mutex, OnceLock};

/// Rendered files, kept in memory.
#[derive(Default)]
pub struct Memory(pub Mutex<Vec<(PathBuf, Vec<u8>)>>);

impl Sink for Memory {
    fn put(&self, rel: &Path, bytes: &[u8]) -> jarya::error::Result<()> {
        if let Ok(mut files) = self.0.lock() {
            files.push((rel.to_path_buf(), bytes.to_vec()));
        }
        Ok(())
    }
}

fn theme() -> Option<&'static jarya::theme::Theme> {
    static THEME: OnceLock<Option<jarya::theme::Theme>> = OnceLock::new();
    THEME.get_or_init(|| jarya::theme::Theme::builtin().ok()).as_ref()
}

/// Models, plans and renders; the rendered files when everything worked. Never panics.
pub fn render(
    config: jarya::config::Config,
    raws: Vec<jarya::content::RawRelease>,
    registries: &jarya::registry::Registries,
) -> Option<Vec<(PathBuf, Vec<u8>)>> {
    let theme = theme()?;
    let today = jiff::civil::date(2025, 6, 15);
    // As `check` does: a site with releases in error left out is still planned, rendered and
    // its links checked.
    let checked = jarya::model::check(&config, raws, today);
    let (site, _) = jarya::model::assemble(config, checked, registries, today, false, None).ok()?;
    let mut plan = jarya::plan::plan(&site, &theme.statics).ok()?;
    let _ = jarya::links::check(&site, plan.paths());
    plan.extras
        .retain(|(e, _)| !matches!(e, Extra::Icon(_) | Extra::SharePicture(_)));
    let options = jarya::render::RenderOptions {
        now: jiff::Timestamp::from_second(1_749_988_800).ok()?,
        live_reload: None,
        progress: None,
        read_body: jarya::content::body::read_back,
    };
    let sink = Memory::default();
    jarya::render::render_site(&site, theme, &plan, &options, &sink).ok()?;
    sink.0.into_inner().ok()
}

/// Panics when a rendered page holds script from the content.
pub fn assert_no_script(files: &[(PathBuf, Vec<u8>)], input: &str) {
    for (path, bytes) in files {
        if path.extension().is_some_and(|e| e == "html") {
            let page = String::from_utf8_lossy(bytes);
            assert!(!page.contains("<script>alert"), "{input:?}");
        }
    }
}
