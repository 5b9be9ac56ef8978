//! The bench command (`cargo bench`): builds generated corpora with jarya, the floor program
//! (`floor.rs`) and Hugo (when the `hugo` command exists) in one run, and prints wall time,
//! CPU time (user + sys), peak memory, files and bytes written and pages per second for each,
//! with the ratios the performance targets are stated in. Also: a second jarya build with
//! nothing changed (output folder reused), the search step's cost (`search.rs`; not part of
//! the core build's figures) and the serve edit latency (`serve_latency.rs`).
//!
//!   cargo bench                                   # 1 000 and 10 000 releases
//!   BENCH_SIZES="1000 10000 100000" cargo bench   # and 100 000 (Hugo skipped above 10 000)
//!   BENCH_RUNS=5 cargo bench                      # runs per tool (median; default 3)
//!   BENCH_SEARCH=0 BENCH_SERVE=0 cargo bench      # without the search and serve parts
//!
//! Shared machines are noisy: compare the ratios of one run, not seconds across runs. The
//! corpus comes from `../shared/bench/gencorpus.py` (`BENCH_GEN`), deterministic per size.

mod floor;
mod measure;
mod search;
mod serve_latency;

use measure::{Sample, Tool};
use std::path::{Path, PathBuf};

fn main() {
    let args: Vec<String> = std::env::args().collect();
    // The floor runs as a child process of this program, so its memory is its own.
    if args.get(1).map(String::as_str) == Some("--floor") && args.len() == 4 {
        match floor::run(Path::new(&args[2]), Path::new(&args[3])) {
            Ok(_) => return,
            Err(e) => {
                eprintln!("floor: {e}");
                std::process::exit(1)
            }
        }
    }
    if args.iter().any(|a| a == "--list") {
        return; // `cargo bench -- --list` asks which benchmarks exist
    }
    if let Err(e) = run() {
        eprintln!("bench: {e}");
        std::process::exit(1);
    }
}

fn env_or(name: &str, default: &str) -> String {
    std::env::var(name).unwrap_or_else(|_| default.to_string())
}

fn run() -> Result<(), String> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let generator = PathBuf::from(env_or("BENCH_GEN", "../shared/bench/gencorpus.py"));
    let generator = if generator.is_absolute() {
        generator
    } else {
        root.join(generator)
    };
    let work = PathBuf::from(env_or("BENCH_WORK", "/tmp/jarya-bench"));
    let runs: usize = env_or("BENCH_RUNS", "3")
        .parse()
        .map_err(|_| "BENCH_RUNS")?;
    let sizes: Vec<usize> = env_or("BENCH_SIZES", "1000 10000")
        .split_whitespace()
        .map(|s| s.parse().map_err(|_| format!("BENCH_SIZES: {s}")))
        .collect::<Result<_, _>>()?;
    let hugo = measure::has_command("hugo");
    let me = std::env::current_exe().map_err(|e| e.to_string())?;
    let jarya = PathBuf::from(env!("CARGO_BIN_EXE_jarya"));
    println!(
        "jarya bench: {} run(s) per tool after a warm-up, median shown",
        runs
    );
    measure::print_header();
    let mut by_size: Vec<(usize, Sample)> = Vec::new();
    for &n in &sizes {
        let corpus = measure::corpus(&generator, &work, n, "neutral")?;
        let mut tools = vec![
            Tool::new(
                "jarya",
                &jarya,
                &["build", "--site"],
                &corpus,
                &work.join(format!("jarya-{n}")),
            ),
            Tool::new(
                "floor",
                &me,
                &["--floor"],
                &corpus,
                &work.join(format!("floor-{n}")),
            ),
        ];
        if hugo && n <= 10_000 {
            let hcorpus = measure::corpus(&generator, &work, n, "hugo")?;
            tools.push(Tool::hugo(&hcorpus, &work.join(format!("hugo-{n}"))));
        }
        let samples = measure::paired(&tools, runs)?;
        for (tool, s) in tools.iter().zip(&samples) {
            measure::print_row(&tool.name, n, s);
        }
        let (j, f) = (&samples[0], &samples[1]);
        println!(
            "  ratios at {n}: jarya/floor wall {:.2}x, CPU {:.2}x; jarya peak {:.0} MiB",
            j.wall / f.wall,
            j.cpu / f.cpu,
            j.peak_mib()
        );
        if let Some(h) = samples.get(2) {
            println!(
                "  ratios at {n}: jarya/hugo wall {:.2}x, memory {:.2}x",
                j.wall / h.wall,
                j.peak_kib as f64 / h.peak_kib as f64
            );
        }
        // The same build again into the folder it just wrote: nothing changed.
        let again = measure::rebuild(&tools[0], runs)?;
        println!(
            "  no-change rebuild at {n}: {:.2} s = {:.2} of a first build; {} of {} files kept their mtime",
            again.wall,
            again.wall / j.wall,
            again.kept,
            j.files
        );
        by_size.push((n, j.clone()));
        if std::env::var("BENCH_SEARCH").map_or(true, |v| v != "0") {
            search::run(&jarya, &corpus, &work, n, runs)?;
        }
    }
    for pair in by_size.windows(2) {
        let ((n0, a), (n1, b)) = (&pair[0], &pair[1]);
        println!(
            "  scaling {n0} -> {n1} ({}x releases): time {:.2}x, memory {:.2}x, bytes per release {:.1} KB -> {:.1} KB",
            n1 / n0,
            b.wall / a.wall,
            b.peak_kib as f64 / a.peak_kib as f64,
            a.bytes as f64 / *n0 as f64 / 1000.0,
            b.bytes as f64 / *n1 as f64 / 1000.0
        );
    }
    if std::env::var("BENCH_SERVE")
        .map(|v| v != "0")
        .unwrap_or(true)
    {
        let n = env_or("BENCH_SERVE_SIZE", "10000")
            .parse()
            .map_err(|_| "BENCH_SERVE_SIZE")?;
        let corpus = measure::corpus(&generator, &work, n, "neutral")?;
        serve_latency::run(&jarya, &corpus, &work, n)?;
    }
    Ok(())
}
