//! Command line: `jarya build` and `jarya check`, parsed by clap.

use clap::{Args, Parser, Subcommand};
use std::path::PathBuf;

/// jarya: publish press releases and event announcements as a bilingual (Russian/Kyrgyz) website.
///
/// Write each release as a Markdown file under content/ru/ or content/ky/, then run
/// `jarya build`. The site is written to public/, ready to upload to any static hosting.
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
    /// Check every file for mistakes without writing anything. Exit code 1 if there are any.
    Check(CheckArgs),
}

/// Options every subcommand shares.
#[derive(Debug, Args)]
pub struct SiteArgs {
    /// The site folder: the one that holds content/ (default: the current folder).
    #[arg(long, value_name = "DIR", default_value = ".")]
    pub site: PathBuf,
    /// Include releases marked `draft: true`.
    #[arg(long)]
    pub drafts: bool,
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
}

/// `jarya check`.
#[derive(Debug, Args)]
pub struct CheckArgs {
    #[command(flatten)]
    pub site: SiteArgs,
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
        assert!(b.site.drafts);
    }
}
