//! The `jarya` binary: parse the command line, run the library, print diagnostics, exit code
//! (0 success, 1 content or build errors, 2 usage errors).

use clap::FromArgMatches;
use jarya::cli::{Cli, Command};
use jarya::error::{Diagnostic, Error};
use jarya::i18n::{Lang, Message, UiLang};
use jarya::msg;
use jarya::render::Progress;
use jarya::report::{self, Format};
use jarya::{BuildOptions, Report};

/// mimalloc: thread-local free lists instead of glibc's arenas. Measured on 10 000 releases:
/// a build's CPU time about a quarter less (transparent huge pages off, the `no_thp` feature:
/// with them a 1 000-release build took 100 MB instead of 54; see also [`tune_allocator`]).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// `mi_option_purge_delay` (its place in mimalloc.h's `mi_option_e`, the same in mimalloc 2 and 3).
const PURGE_DELAY: libmimalloc_sys::mi_option_t = 15;

/// mimalloc 3 gives freed memory back to the system only after a second (mimalloc 2: 10 ms),
/// so a build's peak held every page it ever used. With 10 ms a 10 000-release build's peak
/// fell from about 118 to about 90 MiB, its time unchanged within the noise (0 ms: 80 MiB but
/// a third more system time). `MIMALLOC_PURGE_DELAY` in the environment still decides.
fn tune_allocator() {
    if std::env::var_os("MIMALLOC_PURGE_DELAY").is_none() {
        // SAFETY: sets one integer option of the allocator; takes no pointers.
        unsafe { libmimalloc_sys::mi_option_set(PURGE_DELAY, 10) };
    }
}
use std::io::IsTerminal;
use std::path::Path;
use std::process::ExitCode;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

fn main() -> ExitCode {
    tune_allocator();
    let args: Vec<std::ffi::OsString> = std::env::args_os().collect();
    let ui = ui_language(&args);
    // A bug in jarya must not greet a writer with a Rust backtrace.
    std::panic::set_hook(Box::new(move |info| {
        let place = info
            .location()
            .map(|l| format!("{}:{}", l.file(), l.line()))
            .unwrap_or_default();
        eprintln!("{}", msg!("internal-error", place = place).render(ui));
    }));
    let cli = match jarya::cli::command(ui)
        .try_get_matches_from(&args)
        .and_then(|m| Cli::from_arg_matches(&m))
    {
        Ok(cli) => cli,
        Err(e) => return usage_error(&e, ui),
    };
    let ui = Ui(ui);
    match cli.command {
        Command::Build(a) => {
            let site = a.site.site.clone();
            let progress = Arc::new(Progress::default());
            let opts = BuildOptions {
                out: a.out,
                base_url: a.base_url,
                drafts: a.drafts,
                search: a.search,
                progress: Some(Arc::clone(&progress)),
                ..BuildOptions::new(&site)
            };
            let result = with_progress(&progress, ui, || jarya::build(&opts));
            finish(&site, Verb::Built, result, Format::Human, ui)
        }
        Command::Check(a) => {
            let site = a.site.site.clone();
            let opts = BuildOptions {
                drafts: a.drafts,
                ..BuildOptions::new(&site)
            };
            finish(&site, Verb::Checked, jarya::check(&opts), a.format, ui)
        }
        Command::Init(a) => init(a, ui),
        Command::New(a) => new(a, ui),
        Command::Serve(a) => serve(a, ui),
        Command::Import(a) => import(a, ui),
    }
}

/// `jarya import`: every file is tried; each problem is printed; exit 1 if any file failed.
fn import(a: jarya::cli::ImportArgs, ui: Ui) -> ExitCode {
    let site = a.site.site;
    let lang = a.lang.as_deref().and_then(Lang::from_code);
    let mut failed = false;
    let mut written = 0;
    for file in &a.files {
        let result = jarya::import::import(&site, file, lang, ui.0).and_then(|imported| {
            if !a.dry_run {
                jarya::import::write(&site, &imported)?;
            }
            Ok(imported)
        });
        let imported = match result {
            Ok(imported) => imported,
            Err(e) => {
                eprintln!("{}", report::error_line(&e.message(), ui.0));
                failed = true;
                continue;
            }
        };
        if let Some(encoding) = imported.encoding.filter(|e| *e != "UTF-8") {
            eprintln!(
                "{}",
                ui.say(msg!("import-encoding", file = file, encoding = encoding))
            );
        }
        if a.dry_run {
            println!("{}", imported.text);
        } else {
            written += 1;
            println!(
                "{}",
                ui.say(msg!("import-written", path = &imported.path, file = file))
            );
        }
        if !imported.missing.is_empty() {
            let m = msg!(
                "import-missing",
                path = &imported.path,
                fields = imported.missing.join(", ")
            );
            println!("{}", ui.say(m));
        }
        if !imported.new_organizations.is_empty() {
            println!("{}", ui.say(msg!("import-suggest", path = &imported.path)));
            print!("{}", imported.new_organizations);
        }
    }
    if written > 0 {
        println!("{}", ui.say(msg!("import-next")));
    }
    if failed {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

/// The language of everything jarya prints (see [`UiLang::choose`]).
#[derive(Clone, Copy)]
struct Ui(UiLang);

impl Ui {
    fn say(self, m: Message) -> String {
        m.render(self.0)
    }
}

/// `--ui-lang` as given (before clap, whose help is already in the language), the
/// environment, then the default language of the site in `--site` (or here).
fn ui_language(args: &[std::ffi::OsString]) -> UiLang {
    let args: Vec<String> = args
        .iter()
        .map(|a| a.to_string_lossy().into_owned())
        .collect();
    let value_of = |name: &str| {
        args.iter().enumerate().find_map(|(i, a)| {
            a.strip_prefix(&format!("{name}="))
                .map(str::to_string)
                .or_else(|| (a == name).then(|| args.get(i + 1).cloned()).flatten())
        })
    };
    let flag = value_of("--ui-lang");
    let site = || {
        let dir = value_of("--site").unwrap_or_else(|| ".".to_string());
        jarya::config::load(Path::new(&dir), None)
            .ok()
            .map(|c| UiLang::from(c.default_language))
    };
    let env = |v: &str| std::env::var(v).ok();
    let from_env = UiLang::choose(flag.as_deref(), env, None);
    let explicit = flag.as_deref().and_then(UiLang::from_locale).is_some()
        || ["JARYA_LANG", "LC_ALL", "LC_MESSAGES", "LANG"]
            .iter()
            .any(|v| env(v).as_deref().and_then(UiLang::from_locale).is_some());
    if explicit {
        from_env
    } else {
        site().unwrap_or(from_env)
    }
}

/// A mistake on the command line, said in `ui`; help and version are printed as asked.
fn usage_error(e: &clap::Error, ui: UiLang) -> ExitCode {
    use clap::error::{ContextKind, ContextValue, ErrorKind};
    if matches!(e.kind(), ErrorKind::DisplayHelp | ErrorKind::DisplayVersion)
        || e.kind() == ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand
    {
        let _ = e.print();
        return ExitCode::from(if e.use_stderr() { 2 } else { 0 });
    }
    let get = |k: ContextKind| match e.get(k) {
        Some(ContextValue::String(s)) => s.clone(),
        Some(ContextValue::Strings(v)) => v.join(", "),
        Some(other) => other.to_string(),
        None => String::new(),
    };
    let message = match e.kind() {
        ErrorKind::InvalidSubcommand => {
            msg!(
                "cli-unknown-command",
                found = get(ContextKind::InvalidSubcommand)
            )
        }
        ErrorKind::UnknownArgument => {
            msg!("cli-unknown-option", found = get(ContextKind::InvalidArg))
        }
        ErrorKind::InvalidValue => msg!(
            "cli-invalid-value",
            found = get(ContextKind::InvalidValue),
            option = get(ContextKind::InvalidArg),
            valid = get(ContextKind::ValidValue)
        ),
        ErrorKind::MissingRequiredArgument => {
            msg!("cli-missing", what = get(ContextKind::InvalidArg))
        }
        _ => msg!(
            "io-other",
            detail = e.kind().as_str().unwrap_or("").to_string()
        ),
    };
    eprintln!("{}", report::error_line(&message, ui));
    let suggested = get(ContextKind::SuggestedSubcommand);
    if !suggested.is_empty() {
        eprintln!(
            "{}",
            msg!("cli-did-you-mean", suggestion = suggested).render(ui)
        );
    }
    eprintln!("{}", msg!("cli-more-help").render(ui));
    ExitCode::from(2)
}

/// What a finished command did, for its summary.
#[derive(Clone, Copy, PartialEq)]
enum Verb {
    Built,
    Checked,
}

/// Prints the outcome of a build or check and turns it into an exit code.
fn finish(
    site: &Path,
    verb: Verb,
    result: jarya::error::Result<Report>,
    format: Format,
    ui: Ui,
) -> ExitCode {
    match result {
        Ok(report) => {
            print_diagnostics(site, &report.warnings, format, ui);
            if format == Format::Human {
                println!("{}", ui.say(summary(verb, &report)));
            }
            ExitCode::SUCCESS
        }
        Err(Error::Content(diags)) => {
            print_diagnostics(site, &diags, format, ui);
            if format == Format::Human {
                let count = diags.iter().filter(|d| d.is_error()).count();
                let m = match verb {
                    Verb::Built => msg!("build-failed", count = count),
                    Verb::Checked => msg!("check-failed", count = count),
                };
                eprintln!("{}", ui.say(m));
            }
            ExitCode::from(1)
        }
        Err(e) => usage_or_io(e, ui),
    }
}

fn usage_or_io(e: Error, ui: Ui) -> ExitCode {
    eprintln!("{}", report::error_line(&e.message(), ui.0));
    match e {
        Error::Usage(_) => ExitCode::from(2),
        _ => ExitCode::from(1),
    }
}

fn print_diagnostics(site: &Path, diags: &[Diagnostic], format: Format, ui: Ui) {
    match format {
        Format::Human => {
            let color = std::io::stderr().is_terminal() && std::env::var_os("NO_COLOR").is_none();
            for d in diags {
                let source = jarya::serve::source_line(site, d);
                eprintln!("{}", report::human(d, source.as_deref(), color, ui.0));
            }
        }
        Format::Json => print!("{}", report::json(diags, ui.0)),
        Format::Github => {
            for d in diags {
                println!("{}", report::github(d, ui.0));
            }
        }
    }
}

/// Runs `work`; if it takes more than a second and stderr is a terminal outside CI, shows how
/// many files are rendered.
fn with_progress<T>(progress: &Progress, ui: Ui, work: impl FnOnce() -> T) -> T {
    let show = std::io::stderr().is_terminal() && std::env::var_os("CI").is_none();
    let done = AtomicBool::new(false);
    std::thread::scope(|scope| {
        if show {
            scope.spawn(|| {
                let start = std::time::Instant::now();
                let mut shown = false;
                while !done.load(Ordering::Relaxed) {
                    std::thread::sleep(std::time::Duration::from_millis(100));
                    if start.elapsed().as_secs_f64() < 1.0 {
                        continue;
                    }
                    let (n, total) = (
                        progress.done.load(Ordering::Relaxed),
                        progress.total.load(Ordering::Relaxed),
                    );
                    if total == 0 {
                        eprint!("\r{}", ui.say(msg!("progress-reading")));
                    } else {
                        let m = msg!("progress-writing", done = n, total = total);
                        eprint!("\r{}   ", ui.say(m));
                    }
                    shown = true;
                }
                if shown {
                    eprint!("\r\x1b[2K");
                }
            });
        }
        let out = work();
        done.store(true, Ordering::Relaxed);
        out
    })
}

fn init(a: jarya::cli::InitArgs, ui: Ui) -> ExitCode {
    let now = match jarya::now() {
        Ok(t) => t,
        Err(e) => return usage_or_io(e, ui),
    };
    let bishkek = jiff::tz::db()
        .get("Asia/Bishkek")
        .unwrap_or(jiff::tz::TimeZone::UTC);
    let mut opts = jarya::init::InitOptions::new(&a.dir, bishkek.to_datetime(now).date());
    opts.force = a.force;
    let ask = !a.yes && std::io::stdin().is_terminal();
    let answer = |given: Option<String>, question: Message, default: &mut String| match given {
        Some(v) => *default = v,
        None if ask => {
            eprint!("{} [{default}]: ", ui.say(question));
            let mut line = String::new();
            if std::io::stdin().read_line(&mut line).is_ok() && !line.trim().is_empty() {
                *default = line.trim().to_string();
            }
        }
        None => {}
    };
    answer(a.title_ru, msg!("init-ask-title-ru"), &mut opts.title_ru);
    answer(a.title_ky, msg!("init-ask-title-ky"), &mut opts.title_ky);
    answer(a.base_url, msg!("init-ask-base-url"), &mut opts.base_url);
    match jarya::init::init(&opts) {
        Ok(created) => {
            for kept in &created.kept {
                println!("{}", ui.say(msg!("init-kept", path = kept)));
            }
            let m = msg!("init-created", path = &a.dir, count = created.written.len());
            println!("{}", ui.say(m));
            println!("{}", ui.say(msg!("init-next", path = &a.dir)));
            ExitCode::SUCCESS
        }
        Err(e) => usage_or_io(e, ui),
    }
}

fn new(a: jarya::cli::NewArgs, ui: Ui) -> ExitCode {
    let lang = a.lang.as_deref().and_then(Lang::from_code);
    let date = match a.date.as_deref().map(|d| (d, jarya::new::parse_date(d))) {
        None => None,
        Some((_, Some(d))) => Some(d),
        Some((d, None)) => {
            let m = msg!("new-date-invalid", found = d);
            eprintln!("{}", report::error_line(&m, ui.0));
            return ExitCode::from(2);
        }
    };
    match jarya::new::create(&a.site.site, &a.title, lang, date, a.bundle) {
        Ok(created) => {
            println!("{}", ui.say(msg!("new-created", path = &created.path)));
            if created.detected {
                let m = msg!("new-language-detected", code = created.lang.code());
                println!("{}", ui.say(m));
            }
            if let Some(dir) = &created.bundle {
                println!("{}", ui.say(msg!("new-bundle", path = dir)));
            }
            let url = created.url.as_str();
            println!("{}", ui.say(msg!("new-address", url = url)));
            println!("{}", ui.say(msg!("new-next")));
            ExitCode::SUCCESS
        }
        Err(e) => usage_or_io(e, ui),
    }
}

fn serve(a: jarya::cli::ServeArgs, ui: Ui) -> ExitCode {
    let stop = Arc::new(AtomicBool::new(false));
    let flag = Arc::clone(&stop);
    if let Err(e) = ctrlc::set_handler(move || flag.store(true, Ordering::Relaxed)) {
        let m = msg!("serve-no-ctrlc", detail = e.to_string());
        eprintln!("{}: {}", ui.say(msg!("label-warning")), ui.say(m));
    }
    let opts = jarya::serve::ServeOptions {
        site: a.site.site,
        port: a.port,
        drafts: a.drafts,
        open: a.open,
        bind: a
            .bind
            .unwrap_or(std::net::IpAddr::V4(std::net::Ipv4Addr::LOCALHOST)),
        ui: ui.0,
    };
    let log = |line: &str| {
        eprintln!("{}", line.trim_end());
    };
    match jarya::serve::serve(&opts, stop, &log) {
        Ok(()) => {
            eprintln!("{}", ui.say(msg!("serve-stopped")));
            ExitCode::SUCCESS
        }
        Err(e) => usage_or_io(e, ui),
    }
}

/// "Built the site: wrote 61 pages, 55 calendars and feeds, 2 static files in ./public
/// (ru: 5 releases, ky: 3 releases), in 0.12 s".
fn summary(verb: Verb, r: &Report) -> Message {
    let releases: Vec<String> = r
        .releases
        .iter()
        .map(|(l, n)| format!("{l}: {n}"))
        .collect();
    let seconds = format!("{:.2}", r.elapsed.as_secs_f64());
    let total: usize = r.releases.iter().map(|(_, n)| n).sum();
    match (verb, &r.out) {
        (Verb::Built, Some(out)) if r.unchanged => msg!(
            "build-unchanged",
            out = out,
            releases = total,
            by_language = releases.join(", "),
            seconds = seconds
        ),
        (Verb::Built, Some(out)) => msg!(
            "build-summary",
            pages = r.pages,
            other = r.other_files,
            statics = r.static_files,
            out = out,
            releases = total,
            by_language = releases.join(", "),
            seconds = seconds
        ),
        _ => msg!(
            "check-summary",
            pages = r.pages,
            other = r.other_files,
            statics = r.static_files,
            releases = total,
            by_language = releases.join(", "),
            seconds = seconds
        ),
    }
}

#[cfg(test)]
mod tests {
    /// The option set is mimalloc's purge delay: its default before, 10 ms after.
    #[test]
    fn the_allocator_gives_memory_back_within_ten_milliseconds() {
        if std::env::var_os("MIMALLOC_PURGE_DELAY").is_some() {
            return;
        }
        // SAFETY: reads one integer option of the allocator.
        let get = || unsafe { libmimalloc_sys::mi_option_get(super::PURGE_DELAY) };
        assert_eq!(get(), 1000, "mimalloc 3's default purge delay");
        super::tune_allocator();
        assert_eq!(get(), 10);
    }
}
