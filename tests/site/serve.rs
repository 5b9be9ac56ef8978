//! The dev server: pages, traversal, rebuilds, error pages, live reload in a real browser.

use super::*;

/// Stops the server it holds when dropped, even when a test fails.
pub(super) struct Server {
    child: std::process::Child,
    pub(super) port: u16,
    /// What the server prints.
    log: std::sync::mpsc::Receiver<String>,
    /// What it printed before its address.
    started: Vec<String>,
}

impl Drop for Server {
    /// SIGTERM, so the server removes its temporary folder; SIGKILL if it does not stop.
    fn drop(&mut self) {
        #[cfg(unix)]
        {
            let pid = self.child.id().to_string();
            let _ = Command::new("kill").args(["-TERM", &pid]).status();
            for _ in 0..50 {
                if matches!(self.child.try_wait(), Ok(Some(_))) {
                    return;
                }
                std::thread::sleep(std::time::Duration::from_millis(100));
            }
        }
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Server {
    pub(super) fn start(site: &Path) -> Server {
        Server::start_with(site, &[])
    }

    /// Started inside the site's folder, as a writer does (`jarya serve`, no `--site`).
    fn start_inside(site: &Path, env: &[(&str, &str)]) -> Server {
        Server::spawn(
            Command::new(env!("CARGO_BIN_EXE_jarya"))
                .current_dir(site)
                .args(["serve", "--port", "0"]),
            env,
        )
    }

    fn start_with(site: &Path, env: &[(&str, &str)]) -> Server {
        Server::spawn(
            Command::new(env!("CARGO_BIN_EXE_jarya")).args([
                "serve",
                "--port",
                "0",
                "--site",
                site.to_str().unwrap(),
            ]),
            env,
        )
    }

    /// Starts the server with the tests' environment, then `env`'s variables.
    fn spawn(command: &mut Command, env: &[(&str, &str)]) -> Server {
        use std::io::BufRead;
        let mut child = command
            .env("SOURCE_DATE_EPOCH", EPOCH)
            .env("JARYA_LANG", "en")
            .env("JARYA_GIT_DATES", "0")
            .envs(env.iter().copied())
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .expect("start jarya serve");
        let stderr = child.stderr.take().unwrap();
        let (tx, rx) = std::sync::mpsc::channel();
        std::thread::spawn(move || {
            for line in std::io::BufReader::new(stderr)
                .lines()
                .map_while(Result::ok)
            {
                let _ = tx.send(line);
            }
        });
        let mut server = Server {
            child,
            port: 0,
            log: rx,
            started: Vec::new(),
        };
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs(30);
        while std::time::Instant::now() < deadline {
            let Ok(line) = server
                .log
                .recv_timeout(std::time::Duration::from_millis(200))
            else {
                continue;
            };
            if let Some(rest) = line.split("http://127.0.0.1:").nth(1) {
                server.port = rest
                    .trim_end_matches(|c: char| !c.is_ascii_digit())
                    .split('/')
                    .next()
                    .unwrap()
                    .parse()
                    .unwrap();
                return server;
            }
            server.started.push(line);
        }
        panic!("jarya serve did not start");
    }

    /// A raw HTTP/1.1 GET (raw, so paths reach the server exactly as written): status, headers,
    /// body.
    fn get(&self, path: &str) -> (u16, String, String) {
        use std::io::{Read, Write};
        let mut s = std::net::TcpStream::connect(("127.0.0.1", self.port)).unwrap();
        s.set_read_timeout(Some(std::time::Duration::from_secs(30)))
            .unwrap();
        write!(
            s,
            "GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n"
        )
        .unwrap();
        let mut raw = Vec::new();
        s.read_to_end(&mut raw).unwrap();
        let text = String::from_utf8_lossy(&raw).into_owned();
        let (head, body) = text.split_once("\r\n\r\n").unwrap_or((&text, ""));
        let status = head.split_whitespace().nth(1).unwrap().parse().unwrap();
        (status, head.to_string(), body.to_string())
    }

    /// Waits for a printed line containing `text`.
    fn wait_for_log(&self, text: &str) -> String {
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs(20);
        while std::time::Instant::now() < deadline {
            if let Ok(line) = self.log.recv_timeout(std::time::Duration::from_millis(200))
                && line.contains(text)
            {
                return line;
            }
        }
        panic!("the server never printed {text:?}");
    }

    /// GETs `path` until `pred` holds (the watcher looks about twice a second).
    fn wait_for(
        &self,
        path: &str,
        pred: impl Fn(u16, &str, &str) -> bool,
    ) -> (u16, String, String) {
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs(20);
        loop {
            let (status, head, body) = self.get(path);
            if pred(status, &head, &body) {
                return (status, head, body);
            }
            assert!(
                std::time::Instant::now() < deadline,
                "timed out waiting on {path}: {status}\n{head}"
            );
            std::thread::sleep(std::time::Duration::from_millis(100));
        }
    }
}

#[test]
fn serve_answers_pages_refuses_traversal_rebuilds_and_shows_errors() {
    let site = site_with(&[
        ("ru/a.md", &release("Первая", "2025-01-10", "ru", "")),
        ("ru/b.md", &release("Вторая", "2025-01-11", "ru", "")),
    ]);
    // A secret beside the site that no request may reach.
    std::fs::write(site.path().join("secret.txt"), "top secret").unwrap();
    let server = Server::start(site.path());

    let (status, head, body) = server.get("/ru/a/");
    assert_eq!(status, 200);
    assert!(head.contains("Content-Type: text/html; charset=utf-8"));
    assert!(body.contains("<h1>Первая</h1>"));
    assert!(
        body.contains("<script src=\"/__jarya/live.js\"></script>"),
        "live reload is injected in serve"
    );
    assert!(
        body.contains("http://127.0.0.1:"),
        "links point at the server"
    );
    assert_eq!(server.get("/").0, 200);
    let (status, head, _) = server.get("/ru/a");
    assert_eq!(status, 301);
    assert!(head.contains("Location: /ru/a/"));
    for (path, ty) in [
        ("/ru/a/event.ics", "text/calendar; charset=utf-8"),
        ("/ru/atom.xml", "application/atom+xml; charset=utf-8"),
        ("/style.css", "text/css; charset=utf-8"),
        ("/sitemap.xml", "application/xml; charset=utf-8"),
    ] {
        let (status, head, _) = server.get(path);
        assert_eq!(status, 200, "{path}");
        assert!(
            head.contains(&format!("Content-Type: {ty}")),
            "{path}: {head}"
        );
    }
    let (status, _, body) = server.get("/no/such/page/");
    assert_eq!(status, 404);
    assert!(body.contains("Страница не найдена"), "the site's 404.html");
    for evil in [
        "/../secret.txt",
        "/../../secret.txt",
        "/%2e%2e/secret.txt",
        "/%2E%2E%2Fsecret.txt",
        "/ru/..%5c..%5csecret.txt",
        "/..\\secret.txt",
        "/%00",
    ] {
        let (status, _, body) = server.get(evil);
        assert!(status == 400 || status == 404, "{evil}: {status}");
        assert!(!body.contains("top secret"), "{evil} leaked a file");
    }

    // The live-reload long poll answers the current build's number at once, and a newer one
    // as soon as a change is rebuilt.
    let (status, _, first) = server.get("/__jarya/wait");
    assert_eq!(status, 200);
    assert!(server.get("/__jarya/live.js").2.contains("/__jarya/wait"));

    // A change is rebuilt and served.
    let a = site.path().join("content/ru/a.md");
    std::fs::write(&a, release("Первая, исправленная", "2025-01-10", "ru", "")).unwrap();
    server.wait_for("/ru/a/", |s, _, b| {
        s == 200 && b.contains("<h1>Первая, исправленная</h1>")
    });
    let (_, _, next) = server.get(&format!("/__jarya/wait?v={first}"));
    assert_ne!(next, first, "the long poll reports the rebuild");

    // A title is in the front matter: the model is built again and only the files whose bytes
    // changed are written, without a full build.
    server.wait_for_log("content/ru/a.md changed; updated");

    // A change to the text alone (not the front matter, not the first paragraph that lists
    // show) re-renders only that page.
    let body_only = format!(
        "{}\nВторой абзац, новый.\n",
        release("Первая, исправленная", "2025-01-10", "ru", "")
    );
    std::fs::write(&a, body_only).unwrap();
    server.wait_for("/ru/a/", |s, _, b| {
        s == 200 && b.contains("Второй абзац, новый.")
    });
    let line = server.wait_for_log("content/ru/a.md changed");
    assert!(line.contains("re-rendered its page in"), "{line}");

    // A mistake: its page shows the error; other pages keep the last good build, flagged.
    std::fs::write(&a, release("Первая", "27 июня 2025", "ru", "")).unwrap();
    let (_, _, body) = server.wait_for("/ru/a/", |s, _, _| s == 500);
    assert!(body.contains("content/ru/a.md:3"), "{body}");
    assert!(body.contains("is not a date"), "{body}");
    assert!(
        body.contains("<pre><span class=\"n\">3</span> date: 27 июня 2025</pre>"),
        "{body}"
    );
    assert!(body.contains("write `date: 2025-06-27`"), "{body}");
    let (status, head, body) = server.get("/ru/b/");
    assert_eq!(status, 200);
    assert!(head.contains("X-Jarya-Errors: 1"));
    assert!(body.contains("<h1>Вторая</h1>"));
    assert!(server.get("/__jarya/errors").2.contains("is not a date"));

    // Fixing the file clears it.
    std::fs::write(&a, release("Первая", "2025-06-27", "ru", "")).unwrap();
    let (_, head, _) = server.wait_for("/ru/a/", |s, _, _| s == 200);
    assert!(!head.contains("X-Jarya-Errors"));
    assert!(!server.get("/ru/b/").1.contains("X-Jarya-Errors"));
}

/// Live reload in a real browser: `.ci/run` installs Chromium and playwright-core and sets
/// JARYA_PLAYWRIGHT to the folder holding `node_modules/playwright-core`; in CI its absence is a
/// failure.
#[test]
fn live_reload_works_in_a_real_browser() {
    let Some(modules) = playwright() else { return };
    let site = site_with(&[
        ("ru/a.md", &release("Первая", "2025-01-10", "ru", "")),
        ("ru/b.md", &release("Вторая", "2025-01-11", "ru", "")),
    ]);
    let server = Server::start(site.path());
    let port = server.port.to_string();
    let file = site.path().join("content/ru/a.md");
    let (ok, said) = node(
        &modules,
        "live-reload.js",
        &[port.as_ref(), file.as_os_str()],
    );
    assert!(ok, "{said}");
}

/// SIGTERM (a service manager, `docker stop`) and SIGINT (Ctrl-C) stop the server cleanly:
/// its temporary folder is removed.
#[cfg(unix)]
#[test]
fn serve_stopped_by_a_signal_leaves_no_temporary_folder() {
    let site = site_with(&[("ru/a.md", &release("А", "2025-01-10", "ru", ""))]);
    for signal in ["TERM", "INT"] {
        let tmp = tempfile::tempdir().unwrap();
        let mut server =
            Server::start_with(site.path(), &[("TMPDIR", tmp.path().to_str().unwrap())]);
        let leftovers = || std::fs::read_dir(tmp.path()).unwrap().count();
        assert_eq!(leftovers(), 1, "serve builds into its temporary folder");
        let pid = server.child.id().to_string();
        assert!(
            Command::new("kill")
                .args([&format!("-{signal}"), &pid])
                .status()
                .unwrap()
                .success()
        );
        let status = server.child.wait().unwrap();
        assert!(status.success(), "SIG{signal}: {status:?}");
        assert_eq!(
            leftovers(),
            0,
            "SIG{signal} left the temporary folder behind"
        );
    }
}

/// Silent clients, a flood of connections and a header bomb on 127.0.0.1 do not stop the
/// server: places are bounded and freed, oversized heads are refused.
#[test]
fn slow_and_hostile_clients_do_not_stop_the_server() {
    use std::io::{Read, Write};
    use std::net::TcpStream;
    let site = site_with(&[("ru/a.md", &release("А", "2025-01-10", "ru", ""))]);
    let server = Server::start(site.path());
    let addr = format!("127.0.0.1:{}", server.port);
    let get = |path: &str| -> Option<String> {
        let mut s = TcpStream::connect(&addr).ok()?;
        s.set_read_timeout(Some(std::time::Duration::from_secs(10)))
            .ok()?;
        write!(s, "GET {path} HTTP/1.1\r\nHost: x\r\n\r\n").ok()?;
        let mut out = String::new();
        s.read_to_string(&mut out).ok()?;
        Some(out)
    };
    // A head that never ends: refused, not read forever.
    let mut bomb = TcpStream::connect(&addr).unwrap();
    bomb.set_read_timeout(Some(std::time::Duration::from_secs(20)))
        .unwrap();
    let _ = bomb.write_all(b"GET / HTTP/1.1\r\n");
    let line = format!("X-Pad: {}\r\n", "a".repeat(1000));
    for _ in 0..100 {
        if bomb.write_all(line.as_bytes()).is_err() {
            break;
        }
    }
    let mut reply = String::new();
    let _ = bomb.read_to_string(&mut reply);
    assert!(reply.starts_with("HTTP/1.1 431"), "{reply:?}");
    // 150 connections that never say anything.
    let silent: Vec<TcpStream> = (0..150)
        .filter_map(|_| TcpStream::connect(&addr).ok())
        .collect();
    assert!(silent.len() > 100);
    // Within the silent clients' timeout the server answers again.
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(30);
    let mut answered = None;
    while std::time::Instant::now() < deadline {
        match get("/ru/a/") {
            Some(r) if r.starts_with("HTTP/1.1 200") => {
                answered = Some(r);
                break;
            }
            _ => std::thread::sleep(std::time::Duration::from_millis(250)),
        }
    }
    assert!(
        answered.is_some_and(|r| r.contains("<h1")),
        "the server stopped serving"
    );
    drop(silent);
    // A burst of 300 requests: every one answered (200, or 503 "retry" when all places are
    // taken), none left hanging.
    let handles: Vec<_> = (0..300)
        .map(|_| {
            let addr = addr.clone();
            std::thread::spawn(move || {
                let mut s = TcpStream::connect(&addr).ok()?;
                s.set_read_timeout(Some(std::time::Duration::from_secs(20)))
                    .ok()?;
                s.write_all(b"GET /ru/a/ HTTP/1.1\r\n\r\n").ok()?;
                let mut out = String::new();
                s.read_to_string(&mut out).ok()?;
                Some(out.get(..12).unwrap_or("").to_string())
            })
        })
        .collect();
    let statuses: Vec<String> = handles
        .into_iter()
        .map(|h| h.join().unwrap().unwrap_or_default())
        .collect();
    let ok = statuses
        .iter()
        .filter(|s| s.as_str() == "HTTP/1.1 200")
        .count();
    let busy = statuses
        .iter()
        .filter(|s| s.as_str() == "HTTP/1.1 503")
        .count();
    assert_eq!(ok + busy, 300, "{statuses:?}");
    assert!(ok > 0);
}

/// A text edit re-renders only the page, and its resized picture stays (the variants of the
/// last full build).
#[test]
fn a_text_edit_keeps_the_resized_picture() {
    let head = "image: img/p.jpg\nimage_alt: Зал\n";
    let site = site_with(&[("ru/a.md", &release("Фото", "2025-01-10", "ru", head))]);
    std::fs::create_dir_all(site.path().join("static/img")).unwrap();
    image::RgbImage::from_pixel(1000, 500, image::Rgb([200, 30, 30]))
        .save_with_format(
            site.path().join("static/img/p.jpg"),
            image::ImageFormat::Jpeg,
        )
        .unwrap();
    let server = Server::start(site.path());
    let (_, _, before) = server.get("/ru/a/");
    assert!(before.contains("<picture>"), "{before}");
    let a = site.path().join("content/ru/a.md");
    let edited = format!(
        "{}\nВторой абзац.\n",
        release("Фото", "2025-01-10", "ru", head)
    );
    std::fs::write(&a, edited).unwrap();
    let (_, _, after) =
        server.wait_for("/ru/a/", |s, _, b| s == 200 && b.contains("Второй абзац."));
    assert!(
        server
            .wait_for_log("content/ru/a.md changed")
            .contains("re-rendered its page")
    );
    assert!(after.contains("<picture>"), "{after}");
    assert!(after.contains("width=\"1000\" height=\"500\""), "{after}");
}

/// Counts the files under `dir`.
fn files_under(dir: &Path) -> usize {
    walkdir::WalkDir::new(dir)
        .into_iter()
        .filter(|e| e.as_ref().unwrap().file_type().is_file())
        .count()
}

/// A front matter edit builds the model again in memory and writes only the files whose bytes
/// changed: the lists, feeds and calendars that show the title, not the other language's
/// pages. Another topic is put in the model in place too. An edit that moves a page (a new
/// slug) is a full build.
#[test]
fn a_front_matter_edit_writes_only_the_files_it_changes() {
    let site = site_with(&[
        (
            "ru/a.md",
            &release("Первая", "2025-01-10", "ru", "topics: [Право]\n"),
        ),
        (
            "ru/b.md",
            &release("Вторая", "2025-01-11", "ru", "topics: [Экология, Право]\n"),
        ),
        ("ky/c.md", &release("Үчүнчү", "2025-01-12", "ky", "")),
        ("topics.yaml", "ekologiya:\n  ru: Экология\n"),
    ]);
    let out = tempfile::tempdir().unwrap();
    let built = jarya(&[
        "build",
        "--site",
        site.path().to_str().unwrap(),
        "--out",
        out.path().join("public").to_str().unwrap(),
    ]);
    assert!(built.status.success(), "{built:?}");
    let total = files_under(&out.path().join("public"));
    // Inside the site's folder: the watcher's paths and the build's must be the same files.
    let server = Server::start_inside(site.path(), &[]);
    // Saved once the watcher listens (the operating system's notification, not the look at
    // the folders that follows the start).
    std::thread::sleep(std::time::Duration::from_secs(1));
    let a = site.path().join("content/ru/a.md");
    let renamed = |topics: &str| release("Первая, новое имя", "2025-01-10", "ru", topics);
    std::fs::write(&a, renamed("topics: [Право]\n")).unwrap();
    server.wait_for("/ru/", |s, _, b| {
        s == 200 && b.contains("Первая, новое имя")
    });
    let line = server.wait_for_log("content/ru/a.md changed");
    assert!(line.contains("without a full build"), "{line}");
    let count: usize = line
        .split("updated ")
        .nth(1)
        .and_then(|r| r.split(' ').next())
        .and_then(|n| n.parse().ok())
        .unwrap_or_else(|| panic!("no count in {line}"));
    assert!(
        (3..total / 2).contains(&count),
        "{count} of {total} files written: {line}"
    );
    assert!(
        server
            .get("/ru/a/")
            .2
            .contains("<h1>Первая, новое имя</h1>")
    );
    assert!(server.get("/ru/atom.xml").2.contains("Первая, новое имя"));
    assert!(
        server
            .get("/ru/a/event.ics")
            .2
            .contains("SUMMARY:Первая\\, новое имя")
    );

    // Another topic that has a page: the model is put together in place, and both topics'
    // lists follow.
    std::fs::write(&a, renamed("topics: [Экология]\n")).unwrap();
    server.wait_for("/ru/topics/ekologiya/", |s, _, b| {
        s == 200 && listed(b, "ru") == ["b", "a"]
    });
    let line = server.wait_for_log("content/ru/a.md changed");
    assert!(line.contains("without a full build"), "{line}");
    assert_eq!(listed(&server.get("/ru/topics/pravo/").2, "ru"), ["b"]);
    assert!(
        server
            .get("/ru/a/event.ics")
            .2
            .contains("CATEGORIES:Экология")
    );

    // A slip of the registered topic is an error (not a new topic page) in place too.
    std::fs::write(&a, renamed("topics: [Экологя]\n")).unwrap();
    let (_, _, body) = server.wait_for("/ru/a/", |s, _, _| s == 500);
    assert!(
        body.contains("&quot;Экологя&quot; is almost &quot;Экология&quot;"),
        "{body}"
    );

    // A new slug moves the page: a full build, and the old address is gone.
    let moved = release("Первая, новое имя", "2025-01-10", "ru", "slug: novaya\n");
    std::fs::write(&a, moved).unwrap();
    server.wait_for("/ru/novaya/", |s, _, _| s == 200);
    let line = server.wait_for_log("content/ru/a.md changed");
    assert!(line.contains("rebuilt"), "{line}");
    assert_eq!(server.get("/ru/a/").0, 404);
}

/// A release without `published:` keeps the date git first saw its file after an edit under
/// `serve` (a refresh once dated it by its event instead, until the next full build).
#[test]
fn an_edit_keeps_the_date_git_first_saw_the_file() {
    let site = site_with(&[("ru/a.md", &release("Первая", "2025-01-10", "ru", ""))]);
    let dir = site.path();
    let first_seen = "2024-11-05T09:00:00+06:00";
    for args in [
        &["init", "-q"][..],
        &["add", "."],
        &["commit", "-q", "-m", "a"],
    ] {
        git(dir, args, first_seen);
    }
    let server = Server::start_inside(dir, &[("JARYA_GIT_DATES", "")]);
    let published = format!("<published>{first_seen}</published>");
    assert!(server.get("/ru/atom.xml").2.contains(&published));
    std::thread::sleep(std::time::Duration::from_secs(1));
    let a = dir.join("content/ru/a.md");
    std::fs::write(&a, release("Другое имя", "2025-01-10", "ru", "")).unwrap();
    let (_, _, feed) = server.wait_for("/ru/atom.xml", |s, _, b| {
        s == 200 && b.contains("Другое имя")
    });
    let line = server.wait_for_log("content/ru/a.md changed");
    assert!(line.contains("without a full build"), "{line}");
    assert!(feed.contains(&published), "{feed}");
}

/// Without `--port`, a taken 1111 (another `jarya serve`) moves to the next free port, and says
/// so; a port asked for by number that is taken is a usage error naming the next one.
#[test]
fn a_taken_port_moves_to_the_next_unless_asked_for() {
    let site = site_with(&[]);
    // Held by this test, or by another program already: taken either way.
    let _held = std::net::TcpListener::bind(("127.0.0.1", 1111));
    let server = Server::spawn(
        Command::new(env!("CARGO_BIN_EXE_jarya")).args([
            "serve",
            "--site",
            site.path().to_str().unwrap(),
        ]),
        &[],
    );
    assert_ne!(server.port, 1111);
    assert!(
        server
            .started
            .iter()
            .any(|l| l.contains("port 1111 is taken")),
        "{:?}",
        server.started
    );
    assert_eq!(server.get("/").0, 200);

    let held = std::net::TcpListener::bind(("127.0.0.1", 0)).unwrap();
    let port = held.local_addr().unwrap().port().to_string();
    let s = site.path().to_str().unwrap();
    let o = jarya(&["serve", "--site", s, "--port", &port]);
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    let next = (port.parse::<u16>().unwrap() + 1).to_string();
    assert!(
        stderr(&o).contains("is taken by another program")
            && stderr(&o).contains(&format!("--port {next}")),
        "{}",
        stderr(&o)
    );
}
