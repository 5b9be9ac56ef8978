//! `jarya serve`: builds the site into a temporary folder, serves it on 127.0.0.1 only, watches
//! `content/`, `templates/` and `static/`, rebuilds on change and reloads open browser tabs.
//!
//! Pages get a live-reload script through the `live_reload` template variable (never in
//! `build` output). The script long-polls `/__jarya/wait`; when a rebuild fails, the pages of the
//! broken files show the error page, other pages keep serving the last good build with a banner
//! linking to `/__jarya/errors`. No path outside the output folder is ever served.

mod builder;
mod fingerprint;
mod pages;
mod watch;
use builder::Builder;
use watch::{snapshot, watch};

use crate::error::{Diagnostic, Error, Result};
use crate::i18n::UiLang;
use crate::{BuildOptions, msg, urls};
use pages::{error_page, live_reload_js};
use std::collections::{BTreeMap, BTreeSet};
use std::io::{BufRead, BufReader, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Component, Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Condvar, Mutex};
use std::time::{Duration, Instant};

/// What `serve` was asked for.
#[derive(Debug, Clone)]
pub struct ServeOptions {
    /// The site folder.
    pub site: PathBuf,
    /// The address to listen on: 127.0.0.1 unless asked.
    pub bind: std::net::IpAddr,
    /// The port (0: any free port); `None`: 1111, or the next free port after it.
    pub port: Option<u16>,
    /// Include drafts.
    pub drafts: bool,
    /// Open the site in the browser.
    pub open: bool,
    /// The language of the messages, the error page and the banner.
    pub ui: UiLang,
}

/// The port `serve` listens on unless told: Zola's.
pub const DEFAULT_PORT: u16 = 1111;

/// The listening socket: the port asked for, or the first free one of [`DEFAULT_PORT`] and the
/// 19 after it (a second `jarya serve`, for another site, just works, as Hugo's does).
fn listen(opts: &ServeOptions) -> Result<TcpListener> {
    let (first, tries) = opts.port.map_or((DEFAULT_PORT, 20), |p| (p, 1));
    let mut last = None;
    for port in (first..=u16::MAX).take(tries) {
        match TcpListener::bind((opts.bind, port)) {
            Ok(l) => return Ok(l),
            Err(e) if e.kind() == std::io::ErrorKind::AddrInUse => last = Some((port, e)),
            Err(e) => return Err(cannot_listen(opts, port, &e)),
        }
    }
    Err(match last {
        // Asked for by number: said so, with the next port to try.
        Some((port, _)) if opts.port.is_some() => Error::Usage(msg!(
            "serve-port-taken",
            address = format!("{}:{port}", opts.bind),
            next = port.saturating_add(1).to_string()
        )),
        Some((port, e)) => cannot_listen(opts, port, &e),
        None => cannot_listen(opts, first, &std::io::ErrorKind::AddrInUse.into()),
    })
}

fn cannot_listen(opts: &ServeOptions, port: u16, e: &std::io::Error) -> Error {
    Error::Usage(msg!(
        "serve-cannot-listen",
        address = format!("{}:{port}", opts.bind),
        reason = crate::error::io_reason(e)
    ))
}

/// Serves until `stop` is set (Ctrl-C). `log` receives the lines to show the writer.
pub fn serve(
    opts: &ServeOptions,
    stop: Arc<AtomicBool>,
    log: &(dyn Fn(&str) + Sync),
) -> Result<()> {
    if !opts.site.join("content").is_dir() {
        return Err(Error::Usage(msg!(
            "not-a-site",
            path = crate::shown_folder(&opts.site)
        )));
    }
    // One spelling of the site's folder for the builds, the snapshots and the notifications
    // (which name files by absolute paths): `serve` run inside the site is `--site .`.
    let site = std::path::absolute(&opts.site)
        .map(|p| p.components().collect::<PathBuf>())
        .unwrap_or_else(|_| opts.site.clone());
    let listener = listen(opts)?;
    let port = listener
        .local_addr()
        .map_err(|e| Error::io("127.0.0.1", e))?
        .port();
    if opts.port.is_none() && port != DEFAULT_PORT {
        let (taken, port) = (DEFAULT_PORT.to_string(), port.to_string());
        log(&msg!("serve-port-moved", taken = taken, port = port).render(opts.ui));
    }
    remove_dead_servers_folders(&std::env::temp_dir());
    let temp = std::env::temp_dir().join(format!("jarya-serve-{}-{port}", std::process::id()));
    let state = Arc::new(State {
        out: temp.join("public"),
        version: Mutex::new(0),
        changed: Condvar::new(),
        failure: Mutex::new(None),
        ui: opts.ui,
    });
    let build_opts = BuildOptions {
        base_url: Some(format!("http://127.0.0.1:{port}/")),
        drafts: opts.drafts,
        live_reload: Some("/__jarya/live.js".to_string()),
        ..BuildOptions::new(&site)
    };
    let url = format!("http://127.0.0.1:{port}/");
    if !opts.bind.is_loopback() {
        let shown = match opts.bind {
            std::net::IpAddr::V6(a) => format!("[{a}]:{port}"),
            a => format!("{a}:{port}"),
        };
        log(&msg!("serve-bind-warning", address = shown).render(opts.ui));
    }
    let mut builder = Builder {
        opts: &build_opts,
        site: &site,
        state: &state,
        log,
        pages_by_source: BTreeMap::new(),
        session: None,
        fingerprints: BTreeMap::new(),
    };
    // Taken before the first build: a file saved while it runs (or before the watcher starts)
    // is still seen as a change.
    let first = snapshot(&site);
    builder.full(msg!("serve-built"));
    log(&msg!("serve-serving", url = url.as_str()).render(opts.ui));
    if opts.open {
        open_browser(&url);
    }

    let watcher = {
        let state = Arc::clone(&state);
        let stop = Arc::clone(&stop);
        let site = site.clone();
        std::thread::scope(|scope| -> Result<()> {
            scope.spawn(|| {
                watch(&site, &mut builder, &stop, first);
                wake(&listener);
            });
            accept(&listener, &state, &stop)
        })
    };
    let _ = std::fs::remove_dir_all(&temp);
    watcher
}

struct State {
    /// The folder being served.
    out: PathBuf,
    /// Bumped after every rebuild; the browser reloads when it changes.
    version: Mutex<u64>,
    changed: Condvar,
    /// The last rebuild's errors, when it failed.
    failure: Mutex<Option<Failure>>,
    /// The writer's language, for the pages `serve` makes itself.
    ui: UiLang,
}

struct Failure {
    /// The error page.
    html: String,
    /// Site paths of the pages whose files are broken (they show the error page).
    affected: BTreeSet<String>,
}

/// The offending line of a diagnostic's file.
pub fn source_line(site: &Path, d: &Diagnostic) -> Option<String> {
    let line = d.line?;
    let text = crate::content::read_text(site, &site.join(&d.path)).ok()?;
    text.lines().nth(line.checked_sub(1)?).map(str::to_string)
}

/// Ends a blocked `accept` by connecting to the listener once (after `stop` is set).
fn wake(listener: &TcpListener) {
    if let Ok(mut addr) = listener.local_addr() {
        if addr.ip().is_unspecified() {
            addr.set_ip(match addr {
                std::net::SocketAddr::V4(_) => std::net::Ipv4Addr::LOCALHOST.into(),
                std::net::SocketAddr::V6(_) => std::net::Ipv6Addr::LOCALHOST.into(),
            });
        }
        let _ = TcpStream::connect_timeout(&addr, Duration::from_secs(1));
    }
}

/// Serves connections until `stop` is set (the watcher then wakes the blocked `accept`).
fn accept(listener: &TcpListener, state: &Arc<State>, stop: &AtomicBool) -> Result<()> {
    let active = Arc::new(std::sync::atomic::AtomicUsize::new(0));
    while !stop.load(Ordering::Relaxed) {
        match listener.accept() {
            Ok(_) if stop.load(Ordering::Relaxed) => break,
            Ok((mut stream, _)) => {
                let _ = stream.set_read_timeout(Some(READ_TIMEOUT));
                let _ = stream.set_write_timeout(Some(READ_TIMEOUT));
                if active.fetch_add(1, Ordering::SeqCst) >= MAX_CONNECTIONS {
                    active.fetch_sub(1, Ordering::SeqCst);
                    // Read the request before answering, so that closing the socket does not
                    // reset it under the client's feet; a second at most.
                    std::thread::spawn(move || {
                        let _ = stream.set_read_timeout(Some(Duration::from_secs(1)));
                        let mut head = String::new();
                        if let Ok(reader) = stream.try_clone() {
                            let _ =
                                BufReader::new(reader.take(MAX_HEAD_BYTES)).read_line(&mut head);
                        }
                        let _ = stream.write_all(BUSY);
                        let _ = stream.shutdown(std::net::Shutdown::Write);
                    });
                    continue;
                }
                let state = Arc::clone(state);
                let active = Arc::clone(&active);
                std::thread::spawn(move || {
                    let _ = handle(stream, &state);
                    active.fetch_sub(1, Ordering::SeqCst);
                });
            }
            // Out of file descriptors and the like: wait a little rather than spin.
            Err(_) => std::thread::sleep(Duration::from_millis(20)),
        }
    }
    Ok(())
}

/// An HTTP response.
struct Response {
    status: u16,
    content_type: &'static str,
    body: Vec<u8>,
    location: Option<String>,
    errors: bool,
}

/// Connections served at once (each page holds one for live reload); more are told to retry.
const MAX_CONNECTIONS: usize = 64;
/// How long one read or write may wait: a slow or silent client frees its place.
const READ_TIMEOUT: Duration = Duration::from_secs(5);
/// The most a request's line and headers may take, in bytes and in time.
const MAX_HEAD_BYTES: u64 = 16 * 1024;
const MAX_HEAD_TIME: Duration = Duration::from_secs(10);
const BUSY: &[u8] = b"HTTP/1.1 503 Service Unavailable\r\nRetry-After: 1\r\nContent-Length: 0\r\nConnection: close\r\n\r\n";

fn handle(mut stream: TcpStream, state: &State) -> std::io::Result<()> {
    let started = Instant::now();
    // The request line and the headers together read at most MAX_HEAD_BYTES.
    let mut reader = BufReader::new(stream.try_clone()?.take(MAX_HEAD_BYTES));
    let mut request_line = String::new();
    reader.read_line(&mut request_line)?;
    // Skip the headers.
    let mut header = String::new();
    loop {
        header.clear();
        let n = reader.read_line(&mut header)?;
        if n == 0 || header == "\r\n" || header == "\n" {
            break;
        }
        if started.elapsed() > MAX_HEAD_TIME {
            return Ok(());
        }
    }
    if !header.ends_with('\n') {
        // The head was cut at MAX_HEAD_BYTES: refuse it.
        let response = text(431, "request header too large\n");
        return stream.write_all(
            &[
                b"HTTP/1.1 431 Request Header Fields Too Large\r\nContent-Length: ",
                response.body.len().to_string().as_bytes(),
                b"\r\nConnection: close\r\n\r\n",
                &response.body,
            ]
            .concat(),
        );
    }
    let mut parts = request_line.split_whitespace();
    let (method, target) = (parts.next().unwrap_or(""), parts.next().unwrap_or(""));
    let response = if method != "GET" && method != "HEAD" {
        text(405, "only GET and HEAD are served\n")
    } else {
        respond(target, state)
    };
    let reason = match response.status {
        200 => "OK",
        301 => "Moved Permanently",
        400 => "Bad Request",
        404 => "Not Found",
        405 => "Method Not Allowed",
        500 => "Internal Server Error",
        _ => "",
    };
    let mut head = format!(
        "HTTP/1.1 {} {reason}\r\nContent-Type: {}\r\nContent-Length: {}\r\nCache-Control: no-store\r\nConnection: close\r\n",
        response.status,
        response.content_type,
        response.body.len()
    );
    if let Some(l) = &response.location {
        head.push_str(&format!("Location: {l}\r\n"));
    }
    if response.errors {
        head.push_str("X-Jarya-Errors: 1\r\n");
    }
    head.push_str("\r\n");
    stream.write_all(head.as_bytes())?;
    if method != "HEAD" {
        stream.write_all(&response.body)?;
    }
    stream.flush()
}

fn text(status: u16, body: &str) -> Response {
    Response {
        status,
        content_type: "text/plain; charset=utf-8",
        body: body.as_bytes().to_vec(),
        location: None,
        errors: false,
    }
}

fn respond(target: &str, state: &State) -> Response {
    let (path, query) = target.split_once('?').unwrap_or((target, ""));
    let failing = state.failure.lock().map(|f| f.is_some()).unwrap_or(false);
    match path {
        "/__jarya/live.js" => {
            return Response {
                content_type: "text/javascript; charset=utf-8",
                ..text(200, &live_reload_js(state.ui))
            };
        }
        "/__jarya/wait" => return wait(query, state),
        "/__jarya/errors" => {
            let html = state
                .failure
                .lock()
                .ok()
                .and_then(|f| f.as_ref().map(|f| f.html.clone()))
                .unwrap_or_else(|| error_page(Path::new(""), &[], state.ui));
            return Response {
                content_type: "text/html; charset=utf-8",
                errors: failing,
                ..text(200, &html)
            };
        }
        _ => {}
    }
    let Some(rel) = safe_relative(path) else {
        return text(400, "this address is not allowed\n");
    };
    let site_path = rel.clone();
    if let Ok(f) = state.failure.lock()
        && let Some(f) = f.as_ref()
        && (f.affected.contains(&site_path) || f.affected.contains(&format!("{site_path}/")))
    {
        return Response {
            content_type: "text/html; charset=utf-8",
            errors: true,
            ..text(500, &f.html)
        };
    }
    let file = state.out.join(&rel);
    let file = if path.ends_with('/') || rel.is_empty() {
        file.join("index.html")
    } else if file.is_dir() {
        return Response {
            location: Some(format!("{path}/")),
            ..text(301, "moved\n")
        };
    } else {
        file
    };
    // Defence in depth: the resolved file must still be inside the output folder.
    let inside = match (file.canonicalize(), state.out.canonicalize()) {
        (Ok(f), Ok(root)) => f.starts_with(root),
        _ => false,
    };
    match std::fs::read(&file) {
        Ok(body) if inside => Response {
            status: 200,
            content_type: content_type(&file),
            body,
            location: None,
            errors: failing,
        },
        _ => Response {
            status: 404,
            content_type: "text/html; charset=utf-8",
            body: std::fs::read(state.out.join("404.html"))
                .unwrap_or_else(|_| b"not found\n".to_vec()),
            location: None,
            errors: failing,
        },
    }
}

/// Long-poll: answers when the build version differs from `v=...`, or after 25 s.
fn wait(query: &str, state: &State) -> Response {
    let seen: Option<u64> = query
        .split('&')
        .find_map(|kv| kv.strip_prefix("v="))
        .and_then(|v| v.parse().ok());
    let deadline = Instant::now() + Duration::from_secs(25);
    let mut version = match state.version.lock() {
        Ok(v) => v,
        Err(_) => return text(500, "0"),
    };
    while seen == Some(*version) && Instant::now() < deadline {
        match state
            .changed
            .wait_timeout(version, Duration::from_millis(500))
        {
            Ok((v, _)) => version = v,
            Err(_) => return text(500, "0"),
        }
    }
    let failing = state.failure.lock().map(|f| f.is_some()).unwrap_or(false);
    Response {
        errors: failing,
        ..text(200, &version.to_string())
    }
}

/// The request path as a path inside the output folder, or `None` when it could leave it
/// (`..`, encoded `%2e%2e`, backslashes, NUL, drive letters).
pub fn safe_relative(path: &str) -> Option<String> {
    let decoded = urls::percent_decode(path)?;
    if decoded.contains(['\\', '\0']) || !decoded.starts_with('/') {
        return None;
    }
    let mut parts = Vec::new();
    for part in decoded.split('/') {
        match part {
            "" | "." => {}
            ".." => return None,
            p if p.contains(':') => return None,
            p => parts.push(p),
        }
    }
    let rel = parts.join("/");
    let ok = Path::new(&rel)
        .components()
        .all(|c| matches!(c, Component::Normal(_)));
    ok.then_some(rel)
}

fn content_type(path: &Path) -> &'static str {
    let ext = path
        .extension()
        .map(|e| e.to_string_lossy().to_ascii_lowercase())
        .unwrap_or_default();
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    match ext.as_str() {
        "html" | "htm" => "text/html; charset=utf-8",
        "css" => "text/css; charset=utf-8",
        "js" => "text/javascript; charset=utf-8",
        "ics" => "text/calendar; charset=utf-8",
        "xml" if name == "atom.xml" => "application/atom+xml; charset=utf-8",
        "xml" => "application/xml; charset=utf-8",
        "json" => "application/json",
        "txt" => "text/plain; charset=utf-8",
        "png" => "image/png",
        "jpg" | "jpeg" => "image/jpeg",
        "gif" => "image/gif",
        "webp" => "image/webp",
        "svg" => "image/svg+xml",
        "ico" => "image/x-icon",
        "pdf" => "application/pdf",
        "woff2" => "font/woff2",
        "woff" => "font/woff",
        "mp4" => "video/mp4",
        "docx" => "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        "xlsx" => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        _ => "application/octet-stream",
    }
}

/// Removes the temporary folders of servers that were killed (`jarya-serve-<pid>-<port>`, no
/// process `<pid>` any more; Linux only, where that can be told).
fn remove_dead_servers_folders(temp: &Path) {
    if !cfg!(target_os = "linux") {
        return;
    }
    let Ok(entries) = std::fs::read_dir(temp) else {
        return;
    };
    for entry in entries.flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        let pid = name
            .strip_prefix("jarya-serve-")
            .and_then(|rest| rest.split('-').next())
            .and_then(|p| p.parse::<u32>().ok());
        if let Some(pid) = pid
            && !Path::new(&format!("/proc/{pid}")).exists()
        {
            let _ = std::fs::remove_dir_all(entry.path());
        }
    }
}

/// Seconds since `started`, as "0.12".
fn seconds(started: Instant) -> String {
    format!("{:.2}", started.elapsed().as_secs_f64())
}

/// Opens `url` in the default browser (errors are ignored: the address is printed anyway).
fn open_browser(url: &str) {
    let result = if cfg!(target_os = "windows") {
        std::process::Command::new("cmd")
            .args(["/C", "start", "", url])
            .spawn()
    } else if cfg!(target_os = "macos") {
        std::process::Command::new("open").arg(url).spawn()
    } else {
        std::process::Command::new("xdg-open").arg(url).spawn()
    };
    let _ = result;
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn request_paths_cannot_leave_the_output_folder() {
        assert_eq!(safe_relative("/ru/forum/").as_deref(), Some("ru/forum"));
        assert_eq!(safe_relative("/").as_deref(), Some(""));
        assert_eq!(safe_relative("/ru/%D1%84/").as_deref(), Some("ru/ф"));
        for bad in [
            "/../etc/passwd",
            "/ru/../../x",
            "/%2e%2e/etc/passwd",
            "/%2E%2E%2Fetc",
            "/..%2f..%2fetc",
            "/ru/..\\..\\x",
            "/%5c..%5cx",
            "/a%00b",
            "/C:/Windows",
            "relative",
            "/%zz",
        ] {
            assert_eq!(safe_relative(bad), None, "{bad}");
        }
    }

    #[test]
    fn content_types() {
        assert_eq!(
            content_type(Path::new("a/event.ics")),
            "text/calendar; charset=utf-8"
        );
        assert_eq!(
            content_type(Path::new("ru/atom.xml")),
            "application/atom+xml; charset=utf-8"
        );
        assert_eq!(
            content_type(Path::new("sitemap.xml")),
            "application/xml; charset=utf-8"
        );
        assert_eq!(
            content_type(Path::new("x/index.html")),
            "text/html; charset=utf-8"
        );
    }
}
