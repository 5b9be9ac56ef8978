//! Serve edit latency: `jarya serve` on a copy of a corpus; a release file is saved with a new
//! sentence in its body (or a new title, or one topic fewer), and its page is fetched every few milliseconds until
//! the change is served. The time from the save to the first response that shows it is the
//! latency a writer sees (the browser's reload comes on top).

use std::io::{Read, Write};
use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

const EDITS: usize = 5;

pub fn run(jarya: &Path, corpus: &Path, work: &Path, n: usize) -> Result<(), String> {
    let site = work.join(format!("serve-{n}"));
    let _ = std::fs::remove_dir_all(&site);
    copy_dir(corpus, &site).map_err(|e| format!("copy {}: {e}", site.display()))?;
    let port = free_port()?;
    let started = Instant::now();
    let mut server = Server(
        Command::new(jarya)
            .args(["serve", "--site"])
            .arg(&site)
            .args(["--port", &port.to_string()])
            .env("JARYA_GIT_DATES", "0")
            .env("JARYA_LANG", "en")
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .map_err(|e| format!("serve: {e}"))?,
    );
    let file = first_release(&site.join("content/ru"))?;
    let page = format!(
        "/ru/{}/",
        file.file_stem().unwrap_or_default().to_string_lossy()
    );
    wait_for(port, &page, "</html>", Duration::from_secs(600))?;
    println!(
        "serve at {n}: first build served after {:.1} s",
        started.elapsed().as_secs_f64()
    );
    let original = std::fs::read_to_string(&file).map_err(|e| e.to_string())?;
    let mut body_ms = Vec::new();
    let mut title_ms = Vec::new();
    // Body edits first (each differs from the last in the body only), then title edits (the
    // front matter changes: the lists that show the release change too).
    for i in 0..EDITS {
        let marker = format!("Правка номер {i} для замера.");
        let edited = format!("{original}\n{marker}\n");
        body_ms.push(edit(&file, &edited, port, &page, &marker)?);
    }
    for i in 0..EDITS {
        let title = format!("Новый заголовок {i}");
        let edited = original.replacen("title: ", &format!("title: \"{title}\"\n# "), 1);
        title_ms.push(edit(&file, &edited, port, &page, &title)?);
    }
    // Topic edits: the release leaves its first topic and comes back to it (the model put
    // together again: topic lists, related releases, calendars and feeds of the topic).
    let served = get(port, &page).ok_or("the page before the topic edits")?;
    let topics = topic_links(&served);
    let fewer = topics.checked_sub(1).ok_or("no topic link on the page")?;
    let without = without_first_topic(&original)?;
    let mut topic_ms = Vec::new();
    for i in 0..EDITS {
        std::thread::sleep(Duration::from_millis(300));
        let t = Instant::now();
        let (text, shown) = if i % 2 == 0 {
            (&without, fewer)
        } else {
            (&original, topics)
        };
        std::fs::write(&file, text).map_err(|e| e.to_string())?;
        wait_until(port, &page, Duration::from_secs(120), |body| {
            topic_links(body) == shown
        })?;
        topic_ms.push(t.elapsed().as_secs_f64() * 1000.0);
    }
    std::fs::write(&file, original).map_err(|e| e.to_string())?;
    let show = |v: &mut Vec<f64>| {
        v.sort_by(f64::total_cmp);
        format!(
            "median {:.0} ms, max {:.0} ms",
            v[v.len() / 2],
            v[v.len() - 1]
        )
    };
    println!(
        "serve at {n}: body edit -> page served: {} ({EDITS} edits)",
        show(&mut body_ms)
    );
    println!(
        "serve at {n}: title edit -> page served: {} ({EDITS} edits)",
        show(&mut title_ms)
    );
    println!(
        "serve at {n}: topic edit -> page served: {} ({EDITS} edits)",
        show(&mut topic_ms)
    );
    server.stop();
    let _ = std::fs::remove_dir_all(&site);
    Ok(())
}

/// Saves `text` into `file` and returns the milliseconds until `page` shows `expect`.
fn edit(file: &Path, text: &str, port: u16, page: &str, expect: &str) -> Result<f64, String> {
    // A pause between edits, so that each is seen on its own.
    std::thread::sleep(Duration::from_millis(300));
    let t = Instant::now();
    std::fs::write(file, text).map_err(|e| e.to_string())?;
    wait_for(port, page, expect, Duration::from_secs(120))?;
    Ok(t.elapsed().as_secs_f64() * 1000.0)
}

fn wait_for(port: u16, page: &str, expect: &str, limit: Duration) -> Result<(), String> {
    wait_until(port, page, limit, |body| body.contains(expect))
        .map_err(|_| format!("{page} did not show {expect:?} within {limit:?}"))
}

fn wait_until(
    port: u16,
    page: &str,
    limit: Duration,
    done: impl Fn(&str) -> bool,
) -> Result<(), String> {
    let t = Instant::now();
    while t.elapsed() < limit {
        if get(port, page).is_some_and(|body| done(&body)) {
            return Ok(());
        }
        std::thread::sleep(Duration::from_millis(2));
    }
    Err(format!("{page} did not change within {limit:?}"))
}

/// The release's text without its first topic (gencorpus writes `topics: ["A", "B", ...]`).
fn without_first_topic(text: &str) -> Result<String, String> {
    let start = text.find("topics: [\"").ok_or("no topic list to edit")? + "topics: [".len();
    let end = start + text[start..].find("\", ").ok_or("only one topic")? + "\", ".len();
    Ok(format!("{}{}", &text[..start], &text[end..]))
}

/// How many topic links a release page shows.
fn topic_links(page: &str) -> usize {
    page.matches("data-pagefind-filter=\"topic").count()
}

fn get(port: u16, path: &str) -> Option<String> {
    let mut s = TcpStream::connect(("127.0.0.1", port)).ok()?;
    s.set_read_timeout(Some(Duration::from_secs(10))).ok()?;
    write!(
        s,
        "GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n"
    )
    .ok()?;
    let mut out = String::new();
    s.read_to_string(&mut out).ok()?;
    out.starts_with("HTTP/1.1 200").then_some(out)
}

fn free_port() -> Result<u16, String> {
    let l = std::net::TcpListener::bind("127.0.0.1:0").map_err(|e| e.to_string())?;
    l.local_addr().map(|a| a.port()).map_err(|e| e.to_string())
}

fn first_release(dir: &Path) -> Result<PathBuf, String> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .map_err(|e| format!("{}: {e}", dir.display()))?
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "md"))
        .collect();
    files.sort();
    files
        .into_iter()
        .next()
        .ok_or_else(|| format!("no release in {}", dir.display()))
}

fn copy_dir(from: &Path, to: &Path) -> std::io::Result<()> {
    for e in walkdir::WalkDir::new(from) {
        let e = e?;
        let dest = to.join(e.path().strip_prefix(from).unwrap_or(e.path()));
        if e.file_type().is_dir() {
            std::fs::create_dir_all(&dest)?;
        } else {
            std::fs::copy(e.path(), &dest)?;
        }
    }
    Ok(())
}

/// The server, stopped (SIGINT, as Ctrl-C) when dropped.
struct Server(Child);

impl Server {
    fn stop(&mut self) {
        // SAFETY: kill(2) on our own child's pid.
        unsafe { libc::kill(self.0.id() as libc::pid_t, libc::SIGINT) };
        let _ = self.0.wait();
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        if matches!(self.0.try_wait(), Ok(None)) {
            self.stop();
        }
    }
}
