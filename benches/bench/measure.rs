//! Running a tool as a child process and measuring it: wall time, CPU (user + sys) and peak
//! memory from `wait4`'s resource usage, then the files and bytes it wrote.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Instant, SystemTime};

/// One generator, set up for one corpus.
pub struct Tool {
    pub name: String,
    program: PathBuf,
    args: Vec<String>,
    cwd: Option<PathBuf>,
    pub out: PathBuf,
}

impl Tool {
    /// `program args... <corpus> [--out] <out>` (jarya takes `--out`, the floor does not).
    pub fn new(name: &str, program: &Path, args: &[&str], corpus: &Path, out: &Path) -> Self {
        let mut args: Vec<String> = args.iter().map(|a| a.to_string()).collect();
        args.push(corpus.display().to_string());
        if name == "jarya" {
            args.push("--out".into());
        }
        args.push(out.display().to_string());
        Tool {
            name: name.into(),
            program: program.into(),
            args,
            cwd: None,
            out: out.into(),
        }
    }

    /// Hugo, run in its own site folder (the same corpus as `--format hugo`).
    pub fn hugo(site: &Path, out: &Path) -> Self {
        Tool {
            name: "hugo".into(),
            program: "hugo".into(),
            args: vec!["--quiet".into(), "-d".into(), out.display().to_string()],
            cwd: Some(site.into()),
            out: out.into(),
        }
    }

    fn command(&self) -> Command {
        let mut c = Command::new(&self.program);
        c.args(&self.args)
            .env("SOURCE_DATE_EPOCH", "1749988800")
            .env("JARYA_GIT_DATES", "0")
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::piped());
        if let Some(d) = &self.cwd {
            c.current_dir(d);
        }
        c
    }
}

/// What one run of a tool cost and wrote.
#[derive(Clone, Default)]
pub struct Sample {
    pub wall: f64,
    pub cpu: f64,
    pub peak_kib: i64,
    pub files: usize,
    pub pages: usize,
    pub bytes: u64,
    /// Files whose modification time is older than the run (left as they were).
    pub kept: usize,
}

impl Sample {
    pub fn peak_mib(&self) -> f64 {
        self.peak_kib as f64 / 1024.0
    }
}

/// Runs `tool` once and measures it.
pub fn once(tool: &Tool) -> Result<Sample, String> {
    let started_at = SystemTime::now();
    let started = Instant::now();
    let child = tool
        .command()
        .spawn()
        .map_err(|e| format!("{}: {e}", tool.name))?;
    let pid = child.id() as libc::pid_t;
    let mut status = 0;
    // SAFETY: an all-zero rusage is a valid value for the kernel to fill in.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    // SAFETY: `pid` is our own child, not yet waited for; both pointers are valid.
    let waited = unsafe { libc::wait4(pid, &mut status, 0, &mut usage) };
    let wall = started.elapsed().as_secs_f64();
    let mut child = child;
    let mut err = String::new();
    if let Some(mut e) = child.stderr.take() {
        use std::io::Read;
        let _ = e.read_to_string(&mut err);
    }
    if waited != pid || !libc::WIFEXITED(status) || libc::WEXITSTATUS(status) != 0 {
        return Err(format!("{} failed:\n{err}", tool.name));
    }
    let secs = |t: libc::timeval| t.tv_sec as f64 + t.tv_usec as f64 / 1e6;
    let mut s = Sample {
        wall,
        cpu: secs(usage.ru_utime) + secs(usage.ru_stime),
        peak_kib: usage.ru_maxrss,
        ..Sample::default()
    };
    count(&tool.out, started_at, &mut s);
    Ok(s)
}

fn count(dir: &Path, since: SystemTime, s: &mut Sample) {
    for e in walkdir::WalkDir::new(dir).into_iter().flatten() {
        let Ok(meta) = e.metadata() else { continue };
        if !meta.is_file() {
            continue;
        }
        s.files += 1;
        s.bytes += meta.len();
        if e.path().extension().is_some_and(|x| x == "html") {
            s.pages += 1;
        }
        if meta.modified().is_ok_and(|m| m < since) {
            s.kept += 1;
        }
    }
}

/// A warm-up run of each tool, then `runs` rounds of one run each (paired: the tools share
/// the machine's state of the moment); the median run of each tool by wall time. Each run
/// starts from an empty output folder.
pub fn paired(tools: &[Tool], runs: usize) -> Result<Vec<Sample>, String> {
    let mut all: Vec<Vec<Sample>> = vec![Vec::new(); tools.len()];
    for round in 0..=runs {
        for (i, tool) in tools.iter().enumerate() {
            let _ = std::fs::remove_dir_all(&tool.out);
            let s = once(tool)?;
            if round > 0 {
                all[i].push(s);
            }
        }
    }
    Ok(all.into_iter().map(median).collect())
}

/// `runs` builds into the folder the last build wrote (nothing changed in between).
pub fn rebuild(tool: &Tool, runs: usize) -> Result<Sample, String> {
    let _ = std::fs::remove_dir_all(&tool.out);
    once(tool)?;
    let samples = (0..runs)
        .map(|_| once(tool))
        .collect::<Result<Vec<_>, _>>()?;
    Ok(median(samples))
}

fn median(mut v: Vec<Sample>) -> Sample {
    v.sort_by(|a, b| a.wall.total_cmp(&b.wall));
    v.get(v.len() / 2).cloned().unwrap_or_default()
}

pub fn print_header() {
    println!(
        "{:<7} {:>8} {:>8} {:>8} {:>9} {:>8} {:>9} {:>8}",
        "tool", "releases", "wall s", "CPU s", "peak MiB", "files", "MB", "pages/s"
    );
}

pub fn print_row(name: &str, n: usize, s: &Sample) {
    println!(
        "{:<7} {:>8} {:>8.2} {:>8.2} {:>9.1} {:>8} {:>9.1} {:>8.0}",
        name,
        n,
        s.wall,
        s.cpu,
        s.peak_mib(),
        s.files,
        s.bytes as f64 / 1e6,
        s.pages as f64 / s.wall
    );
}

/// Whether `name` runs (`name version` exits 0).
pub fn has_command(name: &str) -> bool {
    Command::new(name)
        .arg("version")
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .status()
        .is_ok_and(|s| s.success())
}

/// The generated corpus of `n` releases in `format` under `work`, made once.
pub fn corpus(generator: &Path, work: &Path, n: usize, format: &str) -> Result<PathBuf, String> {
    let dir = work.join(format!("corpus-{format}-{n}"));
    let marker = if format == "hugo" {
        dir.join("hugo.toml")
    } else {
        dir.join("content/site.yaml")
    };
    if marker.exists() {
        return Ok(dir);
    }
    if !generator.exists() {
        return Err(format!(
            "the corpus generator {} is missing (set BENCH_GEN)",
            generator.display()
        ));
    }
    let ok = Command::new("python3")
        .arg(generator)
        .args(["--n", &n.to_string(), "--format", format, "--out"])
        .arg(&dir)
        .stdout(std::process::Stdio::null())
        .status()
        .is_ok_and(|s| s.success());
    if ok {
        Ok(dir)
    } else {
        Err(format!(
            "{} --n {n} --format {format} failed",
            generator.display()
        ))
    }
}
