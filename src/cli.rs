//! Command line: `jarya build`, `serve`, `new` and `check`, parsed by clap, with `--help` in
//! the reader's language: every text of [`command`] comes from the message catalogues
//! (`help-*` keys); the doc comments here are the English originals, for rustdoc.

use crate::i18n::{UiLang, text};
use crate::report::Format;
use clap::{Arg, ArgAction, Args, CommandFactory, Parser, Subcommand};
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
    /// The language of jarya's messages: en, ru or ky (default: JARYA_LANG, then the
    /// system's language, then the site's default language).
    #[arg(long, global = true, value_name = "LANG", value_parser = ["en", "ru", "ky"])]
    pub ui_lang: Option<String>,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Create a new site that builds as it is: settings, an example release in each language,
    /// the publishing workflow.
    Init(InitArgs),
    /// Build the website into public/ (or --out). Exit code 1 if a file has mistakes.
    Build(BuildArgs),
    /// Preview the site at http://127.0.0.1:1111/, rebuilding and reloading the browser on every change.
    Serve(ServeArgs),
    /// Start a new release: `jarya new "Title of the release" --lang ky`.
    New(NewArgs),
    /// Check every file and the links in the releases without writing anything. Exit code 1 if
    /// there are mistakes, 0 if there are only warnings.
    Check(CheckArgs),
    /// Make a release from a press release in Word (.docx), LibreOffice (.odt) or plain text
    /// (.txt, .md): `jarya import release.docx`.
    Import(ImportArgs),
}

/// The option every subcommand shares.
#[derive(Debug, Args)]
pub struct SiteArgs {
    /// The site folder: the one that holds content/ (default: the current folder).
    #[arg(long, value_name = "DIR", default_value = ".")]
    pub site: PathBuf,
}

/// `jarya init`.
#[derive(Debug, Args)]
pub struct InitArgs {
    /// The folder of the new site (default: the current folder).
    #[arg(default_value = ".")]
    pub dir: PathBuf,
    /// The site's name in Russian.
    #[arg(long, value_name = "TITLE")]
    pub title_ru: Option<String>,
    /// The site's name in Kyrgyz.
    #[arg(long, value_name = "TITLE")]
    pub title_ky: Option<String>,
    /// Where the site will be published.
    #[arg(long = "base-url", id = "site_url", value_name = "URL")]
    pub base_url: Option<String>,
    /// Ask nothing: take the defaults for what is not given.
    #[arg(long, short = 'y')]
    pub yes: bool,
    /// Create the site in a folder that already has files (existing files are kept).
    #[arg(long)]
    pub force: bool,
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
    /// Also make the search pages and the search index (like `search: true` in site.yaml).
    #[arg(long)]
    pub search: bool,
}

/// `jarya serve`.
#[derive(Debug, Args)]
pub struct ServeArgs {
    #[command(flatten)]
    pub site: SiteArgs,
    /// The port on 127.0.0.1 (default 1111, or the next free one; 0 picks any free one).
    #[arg(long)]
    pub port: Option<u16>,
    /// Include releases marked `draft: true`.
    #[arg(long)]
    pub drafts: bool,
    /// Open the site in the web browser.
    #[arg(long)]
    pub open: bool,
    /// Listen on this address instead of 127.0.0.1 (0.0.0.0: every network, to preview on a
    /// phone in the same Wi-Fi). The preview is then visible to that network.
    #[arg(long, value_name = "ADDRESS")]
    pub bind: Option<std::net::IpAddr>,
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

/// `jarya import`.
#[derive(Debug, Args)]
pub struct ImportArgs {
    #[command(flatten)]
    pub site: SiteArgs,
    /// The documents to import.
    #[arg(required = true, value_name = "FILE")]
    pub files: Vec<PathBuf>,
    /// The releases' language (default: told from each text's words).
    #[arg(long = "lang", id = "import_lang", value_name = "LANG", value_parser = ["ru", "ky"])]
    pub lang: Option<String>,
    /// Print the release files instead of writing them.
    #[arg(long)]
    pub dry_run: bool,
}

/// The command line definition with every help text, heading and usage line in `ui`.
pub fn command(ui: UiLang) -> clap::Command {
    let t = |key: &str| text(key, ui).unwrap_or_else(|| key.to_string());
    let mut cmd = localize(Cli::command(), ui, &t)
        .about(t("help-about"))
        .long_about(t("help-long-about"))
        .disable_version_flag(true)
        .arg(
            Arg::new("version")
                .short('V')
                .long("version")
                .action(ArgAction::Version)
                .help(t("help-arg-version"))
                .help_heading(t("help-options")),
        )
        .disable_help_subcommand(true);
    let subs: Vec<String> = cmd
        .get_subcommands()
        .map(|s| s.get_name().to_string())
        .collect();
    for name in subs {
        cmd = cmd.mut_subcommand(&name, |sub| {
            localize(sub, ui, &t).about(t(&format!("help-{name}")))
        });
    }
    cmd
}

/// Help texts of one command's arguments, its headings and its own `--help`.
fn localize(cmd: clap::Command, ui: UiLang, t: &dyn Fn(&str) -> String) -> clap::Command {
    let _ = ui;
    let ids: Vec<(String, bool)> = cmd
        .get_arguments()
        .map(|a| (a.get_id().to_string(), a.is_positional()))
        .collect();
    let mut cmd = cmd
        .disable_help_flag(true)
        .help_template(format!(
            "{{before-help}}{{about-with-newline}}\n{} {{usage}}\n\n{{all-args}}{{after-help}}",
            t("help-usage")
        ))
        .subcommand_help_heading(t("help-commands"))
        .subcommand_value_name(t("help-command-value"))
        .arg(
            Arg::new("help")
                .short('h')
                .long("help")
                .action(ArgAction::Help)
                .global(false)
                .help(t("help-arg-help"))
                .help_heading(t("help-options")),
        );
    for (id, positional) in ids {
        let heading = if positional {
            t("help-arguments")
        } else {
            t("help-options")
        };
        cmd = cmd.mut_arg(&id, |a| {
            let takes_value = a.get_action().takes_values();
            let a = a
                .help(t(&format!("help-arg-{id}")))
                .long_help(None::<&str>)
                .help_heading(heading);
            if takes_value {
                a.hide_default_value(true).hide_possible_values(true)
            } else {
                a
            }
        });
    }
    cmd
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn cli_definition_is_consistent() {
        Cli::command().debug_assert();
        for ui in UiLang::ALL {
            command(ui).debug_assert();
        }
    }

    #[test]
    fn help_is_in_the_readers_language() {
        let mut ru = command(UiLang::Ru);
        let help = ru.render_help().to_string();
        assert!(
            help.contains(&text("help-usage", UiLang::Ru).unwrap()),
            "{help}"
        );
        assert!(
            help.contains(&text("help-build", UiLang::Ru).unwrap()),
            "{help}"
        );
        assert!(
            !help.contains("Usage:") && !help.contains("Print help"),
            "{help}"
        );
        let mut build = command(UiLang::Ky);
        let build = build
            .find_subcommand_mut("build")
            .unwrap()
            .render_help()
            .to_string();
        assert!(
            build.contains(&text("help-arg-out", UiLang::Ky).unwrap()),
            "{build}"
        );
        assert!(!build.contains("Options:"), "{build}");
    }

    /// Every argument and command has its help in the catalogues, and every `help-` key
    /// belongs to one.
    #[test]
    fn every_help_text_has_a_key_and_every_key_a_use() {
        let mut used = vec![
            "help-about".to_string(),
            "help-long-about".to_string(),
            "help-arg-version".to_string(),
            "help-arg-help".to_string(),
            "help-usage".to_string(),
            "help-commands".to_string(),
            "help-command-value".to_string(),
            "help-options".to_string(),
            "help-arguments".to_string(),
        ];
        let cmd = Cli::command();
        let mut args: Vec<String> = cmd
            .get_arguments()
            .map(|a| a.get_id().to_string())
            .collect();
        for sub in cmd.get_subcommands() {
            used.push(format!("help-{}", sub.get_name()));
            args.extend(sub.get_arguments().map(|a| a.get_id().to_string()));
        }
        used.extend(args.iter().map(|a| format!("help-arg-{a}")));
        for key in &used {
            for ui in UiLang::ALL {
                assert!(text(key, ui).is_some(), "{key} missing in {}", ui.code());
            }
        }
        for key in crate::i18n::keys(UiLang::En) {
            if key.starts_with("help-") {
                assert!(
                    used.contains(&key),
                    "{key} is not a help text of any argument"
                );
            }
        }
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
        let serve = |args: &[&str]| match Cli::try_parse_from(args).map(|c| c.command) {
            Ok(Command::Serve(s)) => Some(s.bind),
            _ => None,
        };
        assert_eq!(
            serve(&["jarya", "serve"]),
            Some(None),
            "loopback unless asked"
        );
        assert_eq!(
            serve(&["jarya", "serve", "--bind", "0.0.0.0"]),
            Some(Some("0.0.0.0".parse().unwrap()))
        );
        assert_eq!(serve(&["jarya", "serve", "--bind", "everywhere"]), None);
    }
}
