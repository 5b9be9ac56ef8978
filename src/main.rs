//! The `jarya` binary: parse the command line, run the library, print diagnostics, exit code
//! (0 success, 1 content or build errors, 2 usage errors).

use clap::Parser;
use jarya::cli::{Cli, Command};
use jarya::error::Error;
use jarya::{BuildOptions, Report};
use std::process::ExitCode;

fn main() -> ExitCode {
    let cli = Cli::parse();
    let (result, verb) = match cli.command {
        Command::Build(a) => (
            jarya::build(&BuildOptions {
                site: a.site.site,
                out: a.out,
                base_url: a.base_url,
                drafts: a.site.drafts,
                today: None,
            }),
            "Built",
        ),
        Command::Check(a) => (
            jarya::check(&BuildOptions {
                site: a.site.site,
                out: None,
                base_url: None,
                drafts: a.site.drafts,
                today: None,
            }),
            "Checked",
        ),
    };
    match result {
        Ok(report) => {
            for w in &report.warnings {
                eprintln!("{w}\n");
            }
            println!("{}", summary(verb, &report));
            ExitCode::SUCCESS
        }
        Err(Error::Content(diags)) => {
            for d in &diags {
                eprintln!("{d}\n");
            }
            let errors = diags.iter().filter(|d| d.is_error()).count();
            let noun = if errors == 1 { "error" } else { "errors" };
            eprintln!(
                "{errors} {noun} found; nothing was written. Fix the files above and run again."
            );
            ExitCode::from(1)
        }
        Err(Error::Usage(message)) => {
            eprintln!("error: {message}");
            ExitCode::from(2)
        }
        Err(e @ Error::Io { .. }) => {
            eprintln!("error: {e}");
            ExitCode::from(1)
        }
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
