//! The search step's cost (`BENCH_SEARCH=0` skips it): jarya with and without `--search` on
//! the same corpus in one run (the difference is Pagefind's indexing), the index's sizes per
//! page, the runtime a reader downloads once, and, when JARYA_PLAYWRIGHT names a folder with
//! playwright-core, query timings and bytes in headless Chromium (`search_queries.js`).

use crate::measure::{self, Tool};
use std::path::Path;
use std::process::Command;

/// Bytes of `dir`'s files whose names pass `keep` (Pagefind stores its index gzipped already).
fn bytes(dir: &Path, keep: impl Fn(&str) -> bool) -> (u64, usize) {
    let mut total = (0, 0);
    for e in walkdir::WalkDir::new(dir).into_iter().flatten() {
        let name = e.file_name().to_string_lossy();
        if e.file_type().is_file() && keep(&name) {
            total.0 += e.metadata().map_or(0, |m| m.len());
            total.1 += 1;
        }
    }
    total
}

/// The size of `file` gzipped at level 9 (as a host compresses JavaScript).
fn gzipped(file: &Path) -> u64 {
    Command::new("gzip")
        .args(["-9", "-c"])
        .arg(file)
        .output()
        .map_or(0, |o| o.stdout.len() as u64)
}

pub fn run(jarya: &Path, corpus: &Path, work: &Path, n: usize, runs: usize) -> Result<(), String> {
    let plain = Tool::new(
        "jarya",
        jarya,
        &["build", "--site"],
        corpus,
        &work.join(format!("jarya-{n}")),
    );
    let search = Tool::new(
        "jarya",
        jarya,
        &["build", "--search", "--site"],
        corpus,
        &work.join(format!("jarya-search-{n}")),
    );
    let s = measure::paired(&[plain, search], runs)?;
    let (without, with) = (&s[0], &s[1]);
    println!(
        "  search at {n}: build {:.2} s -> {:.2} s (+{:.2} s, +{:.2} s CPU); peak {:.0} -> {:.0} MiB",
        without.wall,
        with.wall,
        with.wall - without.wall,
        with.cpu - without.cpu,
        without.peak_mib(),
        with.peak_mib()
    );
    let out = work.join(format!("jarya-search-{n}"));
    let index = out.join("pagefind");
    let per_page = |b: u64| b as f64 / n as f64 / 1024.0;
    let (chunks, chunk_files) = bytes(&index.join("index"), |f| f.ends_with(".pf_index"));
    let (fragments, _) = bytes(&index.join("fragment"), |f| f.ends_with(".pf_fragment"));
    let (meta, _) = bytes(&index, |f| f.ends_with(".pf_meta"));
    let (all, files) = bytes(&index, |_| true);
    println!(
        "  search index at {n}: {chunk_files} chunks {:.1} MB ({:.2} KB/page), fragments {:.1} MB ({:.2} KB/page), meta {:.1} KB, {files} files {:.1} MB",
        chunks as f64 / 1e6,
        per_page(chunks),
        fragments as f64 / 1e6,
        per_page(fragments),
        meta as f64 / 1024.0,
        all as f64 / 1e6
    );
    let runtime: u64 = ["pagefind.js", "pagefind-worker.js"]
        .iter()
        .map(|f| gzipped(&index.join(f)))
        .sum::<u64>()
        + std::fs::metadata(index.join("wasm.ru.pagefind")).map_or(0, |m| m.len());
    println!(
        "  search runtime (pagefind.js + worker gzipped + ru wasm): {:.1} KB; our search.js {:.1} KB gzipped",
        runtime as f64 / 1024.0,
        gzipped(&out.join("search.js")) as f64 / 1024.0
    );
    let Some(modules) = std::env::var_os("JARYA_PLAYWRIGHT") else {
        println!(
            "  (query timings need JARYA_PLAYWRIGHT: a folder with node_modules/playwright-core)"
        );
        return Ok(());
    };
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("benches/bench/search_queries.js");
    let o = Command::new("node")
        .arg(script)
        .arg(&out)
        .env("NODE_PATH", Path::new(&modules).join("node_modules"))
        .output()
        .map_err(|e| format!("node: {e}"))?;
    if !o.status.success() {
        return Err(format!(
            "search queries: {}",
            String::from_utf8_lossy(&o.stderr)
        ));
    }
    for line in String::from_utf8_lossy(&o.stdout).lines() {
        println!("  search queries at {n}: {line}");
    }
    Ok(())
}
