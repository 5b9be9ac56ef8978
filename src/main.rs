//! The `jarya` binary: parse the command line, run the library, print diagnostics, exit code
//! (0 success, 1 content or build errors, 2 usage errors).

use clap::Parser;
use jarya::cli::{Cli, Command};
use jarya::error::{Diagnostic, Error};
use jarya::i18n::Lang;
use jarya::render::Progress;
use jarya::report::{self, Format};
use jarya::{BuildOptions, Report};
use std::io::IsTerminal;
use std::path::Path;
use std::process::ExitCode;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

fn main() -> ExitCode {
    // A bug in jarya must not greet a writer with a Rust backtrace.
    std::panic::set_hook(Box::new(|info| {
        let place = info
            .location()
            .map(|l| format!(" ({}:{})", l.file(), l.line()))
            .unwrap_or_default();
        eprintln!(
            "internal error: jarya stopped because of a bug{place}. Your files are not the cause of \
             this message and public/ was not changed. Please report it with the command you ran."
        );
    }));
    let cli = Cli::parse();
    match cli.command {
        Command::Build(a) => {
            let site = a.site.site.clone();
            let progress = Arc::new(Progress::default());
            let opts = BuildOptions {
                out: a.out,
                base_url: a.base_url,
                drafts: a.drafts,
                progress: Some(Arc::clone(&progress)),
                ..BuildOptions::new(&site)
            };
            let result = with_progress(&progress, || jarya::build(&opts));
            finish(&site, "Built", result, Format::Human)
        }
        Command::Check(a) => {
            let site = a.site.site.clone();
            let opts = BuildOptions {
                drafts: a.drafts,
                ..BuildOptions::new(&site)
            };
            finish(&site, "Checked", jarya::check(&opts), a.format)
        }
        Command::New(a) => new(a),
        Command::Serve(a) => serve(a),
    }
}

/// Prints the outcome of a build or check and turns it into an exit code.
fn finish(
    site: &Path,
    verb: &str,
    result: jarya::error::Result<Report>,
    format: Format,
) -> ExitCode {
    match result {
        Ok(report) => {
            print_diagnostics(site, &report.warnings, format);
            if format == Format::Human {
                println!("{}", summary(verb, &report));
            }
            ExitCode::SUCCESS
        }
        Err(Error::Content(diags)) => {
            print_diagnostics(site, &diags, format);
            if format == Format::Human {
                let errors = diags.iter().filter(|d| d.is_error()).count();
                let noun = if errors == 1 { "error" } else { "errors" };
                let nothing = if verb == "Built" {
                    "; nothing was written"
                } else {
                    ""
                };
                eprintln!("{errors} {noun} found{nothing}. Fix the files above and run again.");
            }
            ExitCode::from(1)
        }
        Err(e) => usage_or_io(e),
    }
}

fn usage_or_io(e: Error) -> ExitCode {
    eprintln!("error: {e}");
    match e {
        Error::Usage(_) => ExitCode::from(2),
        _ => ExitCode::from(1),
    }
}

fn print_diagnostics(site: &Path, diags: &[Diagnostic], format: Format) {
    match format {
        Format::Human => {
            let color = std::io::stderr().is_terminal() && std::env::var_os("NO_COLOR").is_none();
            for d in diags {
                let source = jarya::serve::source_line(site, d);
                eprintln!("{}", report::human(d, source.as_deref(), color));
            }
        }
        Format::Json => print!("{}", report::json(diags)),
        Format::Github => {
            for d in diags {
                println!("{}", report::github(d));
            }
        }
    }
}

/// Runs `work`; if it takes more than a second and stderr is a terminal outside CI, shows how
/// many files are rendered.
fn with_progress<T>(progress: &Progress, work: impl FnOnce() -> T) -> T {
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
                        eprint!("\rReading the site…");
                    } else {
                        eprint!("\rWriting {n} of {total} files…   ");
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

fn new(a: jarya::cli::NewArgs) -> ExitCode {
    let lang = a.lang.as_deref().and_then(Lang::from_code);
    let date = match a.date.as_deref().map(|d| (d, jarya::new::parse_date(d))) {
        None => None,
        Some((_, Some(d))) => Some(d),
        Some((d, None)) => {
            eprintln!("error: --date must be a date like 2025-06-27 or 27.06.2025, found \"{d}\"");
            return ExitCode::from(2);
        }
    };
    match jarya::new::create(&a.site.site, &a.title, lang, date, a.bundle) {
        Ok(created) => {
            println!("Created {}", created.path.display());
            if created.detected {
                println!(
                    "Language: {} (told from the title; choose another with --lang)",
                    created.lang
                );
            }
            if let Some(dir) = &created.bundle {
                println!("Put its photos and PDFs in {} beside it.", dir.display());
            }
            println!("It will be published at {}", created.url);
            println!("Fill in the fields, then preview it with: jarya serve");
            ExitCode::SUCCESS
        }
        Err(e) => usage_or_io(e),
    }
}

fn serve(a: jarya::cli::ServeArgs) -> ExitCode {
    let stop = Arc::new(AtomicBool::new(false));
    let flag = Arc::clone(&stop);
    if let Err(e) = ctrlc::set_handler(move || flag.store(true, Ordering::Relaxed)) {
        eprintln!("warning: Ctrl-C will not stop the server cleanly: {e}");
    }
    let opts = jarya::serve::ServeOptions {
        site: a.site.site,
        port: a.port,
        drafts: a.drafts,
        open: a.open,
    };
    let log = |line: &str| {
        eprintln!("{}", line.trim_end());
    };
    match jarya::serve::serve(&opts, stop, &log) {
        Ok(()) => {
            eprintln!("Stopped.");
            ExitCode::SUCCESS
        }
        Err(e) => usage_or_io(e),
    }
}

/// "Built the site: wrote 61 pages, 55 calendars and feeds, 2 static files in ./public
/// (ru: 5 releases, ky: 3 releases), in 0.12 s".
fn summary(verb: &str, r: &Report) -> String {
    let langs: Vec<String> = r
        .releases
        .iter()
        .map(|(l, n)| format!("{l}: {n} release{}", if *n == 1 { "" } else { "s" }))
        .collect();
    let place = r
        .out
        .as_ref()
        .map(|o| format!(" in {}", o.display()))
        .unwrap_or_default();
    let verb_pages = if verb == "Checked" {
        "would write"
    } else {
        "wrote"
    };
    format!(
        "{verb} the site: {verb_pages} {} pages, {} calendars and feeds, {} static files{place} ({}), in {:.2} s",
        r.pages,
        r.other_files,
        r.static_files,
        langs.join(", "),
        r.elapsed.as_secs_f64()
    )
}
