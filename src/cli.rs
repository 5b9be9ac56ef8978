//! Command line: `jarya build`, `serve`, `new` and `check`, parsed by clap.

use crate::report::Format;
use clap::{Args, Parser, Subcommand};
use std::path::PathBuf;

/// jarya: publish press releases and event announcements as a bilingual (Russian/Kyrgyz) website.
///
/// Write each release as a Markdown file under content/ru/ or content/ky/ (`jarya new` starts
/// one), preview the site with `jarya serve`, and publish what `jarya build` writes to public/.
#[derive(Debug, Parser)]
#[command(name = "jarya", version, about, long_about)]
pub struct Cli {
    /// What to do.
    #[command(subcommand)]
    pub command: Command,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Build the website into public/ (or --out). Exit code 1 if a file has mistakes.
    Build(BuildArgs),
    /// Preview the site at http://127.0.0.1:1111/, rebuilding and reloading the browser on every change.
    Serve(ServeArgs),
    /// Start a new release: `jarya new "Title of the release" --lang ky`.
    New(NewArgs),
    /// Check every file and the links in the releases without writing anything. Exit code 1 if
    /// there are mistakes, 0 if there are only warnings.
    Check(CheckArgs),
}

/// The option every subcommand shares.
#[derive(Debug, Args)]
pub struct SiteArgs {
    /// The site folder: the one that holds content/ (default: the current folder).
    #[arg(long, value_name = "DIR", default_value = ".")]
    pub site: PathBuf,
}

/// `jarya build`.
#[derive(Debug, Args)]
pub struct BuildArgs {
    #[command(flatten)]
    pub site: SiteArgs,
    /// Where to write the website (default: public/ inside the site folder).
    #[arg(long, value_name = "DIR")]
    pub out: Option<PathBuf>,
    /// The address the site will be published at, instead of base_url in content/site.yaml.
    #[arg(long, value_name = "URL")]
    pub base_url: Option<String>,
    /// Include releases marked `draft: true`.
    #[arg(long)]
    pub drafts: bool,
}

/// `jarya serve`.
#[derive(Debug, Args)]
pub struct ServeArgs {
    #[command(flatten)]
    pub site: SiteArgs,
    /// The port on 127.0.0.1 (0 picks a free one).
    #[arg(long, default_value_t = 1111)]
    pub port: u16,
    /// Include releases marked `draft: true`.
    #[arg(long)]
    pub drafts: bool,
    /// Open the site in the web browser.
    #[arg(long)]
    pub open: bool,
}

/// `jarya new`.
#[derive(Debug, Args)]
pub struct NewArgs {
    #[command(flatten)]
    pub site: SiteArgs,
    /// The release's title, in quotes: it also makes the file name and the address.
    pub title: String,
    /// The release's language (default: the site's default language).
    #[arg(long, value_parser = ["ru", "ky"])]
    pub lang: Option<String>,
    /// The event's date, YYYY-MM-DD (default: today).
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub date: Option<String>,
    /// Make a folder with index.md, so photos and PDFs can sit beside the text.
    #[arg(long)]
    pub bundle: bool,
}

/// `jarya check`.
#[derive(Debug, Args)]
pub struct CheckArgs {
    #[command(flatten)]
    pub site: SiteArgs,
    /// Include releases marked `draft: true`.
    #[arg(long)]
    pub drafts: bool,
    /// How to print problems: for people, as JSON for tools, or as GitHub annotations.
    #[arg(long, value_enum, default_value_t = Format::Human)]
    pub format: Format,
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn cli_definition_is_consistent() {
        Cli::command().debug_assert();
    }

    #[test]
    fn build_takes_all_its_options() {
        let cli = Cli::try_parse_from([
            "jarya",
            "build",
            "--site",
            "s",
            "--out",
            "o",
            "--base-url",
            "https://x.kg/",
            "--drafts",
        ])
        .unwrap();
        let Command::Build(b) = cli.command else {
            panic!("not build")
        };
        assert_eq!(b.site.site, PathBuf::from("s"));
        assert_eq!(b.out, Some(PathBuf::from("o")));
        assert_eq!(b.base_url.as_deref(), Some("https://x.kg/"));
        assert!(b.drafts);
    }

    #[test]
    fn every_subcommand_takes_site() {
        for args in [
            vec!["jarya", "serve", "--site", "s", "--port", "0"],
            vec!["jarya", "new", "--site", "s", "Title"],
            vec!["jarya", "check", "--site", "s", "--format", "github"],
        ] {
            assert!(Cli::try_parse_from(&args).is_ok(), "{args:?}");
        }
        assert!(Cli::try_parse_from(["jarya", "new", "T", "--lang", "kz"]).is_err());
    }
}
