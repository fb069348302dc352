//! Checking one input (read, decode, check) and checking many in parallel with results
//! handed back in input order.

use std::collections::BTreeMap;
use std::io::{self, Read};
use std::panic::{self, AssertUnwindSafe};
use std::path::Path;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc;
use std::time::Duration;

use gouji_core::{Report, Severity, Stats, Valid};
use gouji_input::{Encoding, InputError, MAX_FILE_BYTES};
use rayon::iter::{ParallelBridge, ParallelIterator};

use crate::output::Render;
use crate::sources::{Item, Source};

/// Why an input was not checked, in both languages.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FileError {
    /// Stable, for scripts: `not-found`, `no-match`, `no-reports`, `bad-pattern`,
    /// `unreadable`, `not-regular`, `too-large`, `empty`, `binary`, `undecodable`, `docx`,
    /// `pdf`, `scanned`, `timeout`, `internal`.
    pub kind: &'static str,
    pub message_zh: String,
    pub message_en: String,
}

impl FileError {
    fn new(kind: &'static str, zh: impl Into<String>, en: impl Into<String>) -> Self {
        FileError {
            kind,
            message_zh: zh.into(),
            message_en: en.into(),
        }
    }

    /// The operand names nothing (exit status 2) rather than a file that failed (1).
    pub fn is_usage(&self) -> bool {
        matches!(
            self.kind,
            "not-found" | "no-match" | "no-reports" | "bad-pattern"
        )
    }

    pub fn message(&self, lang: Lang) -> &str {
        match lang {
            Lang::Zh => &self.message_zh,
            Lang::En => &self.message_en,
        }
    }

    pub fn no_match() -> Self {
        Self::new(
            "no-match",
            "没有与此模式匹配的文件",
            "no file matches this pattern",
        )
    }

    pub fn no_reports_in_dir() -> Self {
        Self::new(
            "no-reports",
            "目录中没有 .txt、.docx 或 .pdf 文件",
            "no .txt, .docx or .pdf file in this directory",
        )
    }

    pub fn bad_pattern(e: &glob::PatternError) -> Self {
        Self::new(
            "bad-pattern",
            format!("通配模式有误：{}", e.msg),
            format!("invalid pattern: {} (at character {})", e.msg, e.pos),
        )
    }

    pub fn walk(e: &walkdir::Error) -> Self {
        Self::new(
            "unreadable",
            format!("无法读取：{e}"),
            format!("cannot read: {e}"),
        )
    }

    /// An I/O error on an operand given on the command line: a missing one names nothing.
    pub fn operand_io(e: &io::Error) -> Self {
        if e.kind() == io::ErrorKind::NotFound {
            Self::new(
                "not-found",
                "找不到此文件或目录",
                "no such file or directory",
            )
        } else {
            Self::io(e)
        }
    }

    /// An I/O error while reading a file that exists.
    pub fn io(e: &io::Error) -> Self {
        match e.kind() {
            io::ErrorKind::NotFound => {
                Self::new("unreadable", "文件已不存在", "the file no longer exists")
            }
            io::ErrorKind::PermissionDenied => {
                Self::new("unreadable", "没有读取权限", "permission denied")
            }
            io::ErrorKind::IsADirectory => Self::new(
                "unreadable",
                "是目录，不是报告文件",
                "is a directory, not a report file",
            ),
            _ => Self::new(
                "unreadable",
                format!("无法读取：{e}"),
                format!("cannot read: {e}"),
            ),
        }
    }

    /// A FIFO, a device or a socket: reading it could block forever or never end. Known
    /// from its metadata; it is never opened.
    pub fn not_regular() -> Self {
        Self::new(
            "not-regular",
            "不是普通文件（管道、设备或套接字），未读取；标准输入请用 -",
            "not a regular file (a FIFO, device or socket), not read; use - for standard input",
        )
    }

    /// The check took longer than `--timeout`: abandoned, the other inputs go on.
    pub fn timeout(limit: Duration) -> Self {
        let s = limit.as_secs_f64();
        Self::new(
            "timeout",
            format!("核查超过 {s} 秒，已放弃（--timeout 可调整时限）"),
            format!("checking took longer than {s} s and was abandoned (--timeout sets the limit)"),
        )
    }

    fn input(e: &InputError) -> Self {
        let kind = match e {
            InputError::Empty => "empty",
            InputError::Binary { .. } => "binary",
            InputError::TooLarge { .. } => "too-large",
            InputError::Undecodable { .. } | InputError::Garbled { .. } => "undecodable",
            InputError::Docx(_) => "docx",
            InputError::Pdf(_) => "pdf",
            InputError::Scanned { .. } => "scanned",
        };
        Self::new(kind, e.message_zh(), e.message_en())
    }

    fn too_large(bytes: u64, limit: usize) -> Self {
        let mb = bytes as f64 / 1_048_576.0;
        let limit_mb = limit / 1_048_576;
        Self::new(
            "too-large",
            format!("文件过大（{mb:.1} MB），超过上限 {limit_mb} MB。"),
            format!("The file is too large ({mb:.1} MB; the limit is {limit_mb} MB)."),
        )
    }

    fn internal() -> Self {
        Self::new(
            "internal",
            "核查时发生内部错误（gouji 的缺陷，请附上此文件报告）",
            "internal error while checking (a bug in gouji; please report it with this file)",
        )
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Lang {
    /// 中文
    Zh,
    /// English
    En,
}

/// A checked input.
#[derive(Debug)]
pub struct Checked {
    /// The decoded text: every span in `report` is a UTF-8 byte offset into it.
    pub text: String,
    /// `UTF-8`, `GB18030`, `UTF-16LE`, `UTF-16BE` or `docx`.
    pub encoding: &'static str,
    /// Characters that could not be decoded and became U+FFFD.
    pub replaced: usize,
    /// Findings below the minimum severity removed, and `stats` counting what is left.
    pub report: Report,
}

#[derive(Debug)]
pub struct FileResult {
    pub name: String,
    pub outcome: Result<Checked, FileError>,
}

/// What to do with each input.
#[derive(Clone)]
pub struct Job {
    pub options: Valid,
    pub encoding: Encoding,
    /// Findings less serious than this are dropped.
    pub min_severity: Severity,
    /// Time allowed for reading and checking one input; `None`: no limit.
    pub timeout: Option<Duration>,
}

impl Job {
    pub fn run(&self, item: &Item) -> FileResult {
        let outcome = match (&item.source, self.timeout) {
            (Source::Failed(e), _) => Err(e.clone()),
            (source, None) => self.read_and_check(source, &item.name),
            (source, Some(limit)) => self.run_timed(source, &item.name, limit),
        };
        FileResult {
            name: item.name.clone(),
            outcome,
        }
    }

    /// Reads and checks on a thread of its own and waits at most `limit` for it. The check
    /// cannot be interrupted: a thread that overruns is left running, detached (the process
    /// ends when the output is written, whatever it is doing), and the input is reported as
    /// `timeout`, so one pathological file never holds up the rest of a run.
    fn run_timed(
        &self,
        source: &Source,
        name: &str,
        limit: Duration,
    ) -> Result<Checked, FileError> {
        let (tx, rx) = mpsc::sync_channel(1);
        let (job, owned_source, owned_name) = (self.clone(), source.clone(), name.to_string());
        let spawned = std::thread::Builder::new()
            .name("gouji-check".into())
            .spawn(move || {
                let _ = tx.send(job.read_and_check(&owned_source, &owned_name));
            });
        if spawned.is_err() {
            // No thread to be had: check here, without a time limit.
            return self.read_and_check(source, name);
        }
        match rx.recv_timeout(limit) {
            Ok(outcome) => outcome,
            Err(mpsc::RecvTimeoutError::Timeout) => Err(FileError::timeout(limit)),
            Err(mpsc::RecvTimeoutError::Disconnected) => Err(FileError::internal()),
        }
    }

    fn read_and_check(&self, source: &Source, name: &str) -> Result<Checked, FileError> {
        match source {
            Source::Failed(e) => Err(e.clone()),
            Source::Stdin => read_limited(io::stdin().lock()).and_then(|b| self.check(name, &b)),
            Source::File(path) => read_file(path).and_then(|b| self.check(name, &b)),
        }
    }

    fn check(&self, name: &str, bytes: &[u8]) -> Result<Checked, FileError> {
        let decoded =
            gouji_input::read(name, bytes, self.encoding).map_err(|e| FileError::input(&e))?;
        if decoded.text.len() > gouji_core::MAX_INPUT_BYTES {
            return Err(FileError::too_large(
                decoded.text.len() as u64,
                gouji_core::MAX_INPUT_BYTES,
            ));
        }
        // A bug in the core on one input must not lose the others' results.
        let report = panic::catch_unwind(AssertUnwindSafe(|| {
            gouji_core::check_valid(&decoded.text, &self.options)
        }))
        .map_err(|_| FileError::internal())?;
        Ok(Checked {
            text: decoded.text,
            encoding: decoded.encoding,
            replaced: decoded.replaced,
            report: filter(report, self.min_severity),
        })
    }
}

/// Drops findings less serious than `min` and recounts them.
fn filter(mut report: Report, min: Severity) -> Report {
    report.findings.retain(|f| f.severity <= min);
    let count = |s: Severity| report.findings.iter().filter(|f| f.severity == s).count();
    report.stats = Stats {
        errors: count(Severity::Error),
        warnings: count(Severity::Warning),
        infos: count(Severity::Info),
        ..report.stats
    };
    report
}

fn read_file(path: &Path) -> Result<Vec<u8>, FileError> {
    let meta = std::fs::metadata(path).map_err(|e| FileError::io(&e))?;
    if meta.is_dir() {
        return Err(FileError::io(&io::Error::from(io::ErrorKind::IsADirectory)));
    }
    // Never open a FIFO (it blocks until a writer comes) or a device (it may never end).
    if !meta.is_file() {
        return Err(FileError::not_regular());
    }
    if meta.len() > MAX_FILE_BYTES as u64 {
        return Err(FileError::too_large(meta.len(), MAX_FILE_BYTES));
    }
    // A FIFO's or a growing file's size is not known up front: limit the read too.
    let file = std::fs::File::open(path).map_err(|e| FileError::io(&e))?;
    read_limited(file)
}

/// Reads everything, refusing more than `MAX_FILE_BYTES` without reading it all.
fn read_limited(reader: impl Read) -> Result<Vec<u8>, FileError> {
    let mut buf = Vec::new();
    let limit = MAX_FILE_BYTES as u64 + 1;
    reader
        .take(limit)
        .read_to_end(&mut buf)
        .map_err(|e| FileError::io(&e))?;
    if buf.len() as u64 >= limit {
        return Err(FileError::too_large(buf.len() as u64, MAX_FILE_BYTES));
    }
    Ok(buf)
}

/// Runs `job` on every item, and `render` on its result, on the rayon pool (the global one
/// unless `pool` is given), and hands each result and its rendering to `emit` on the calling
/// thread, in input order, as soon as it and every earlier one are done. Items are taken in
/// order (`par_bridge`), so results arrive nearly in order and few wait. Stops starting new
/// items once rendering or `emit` fails, and returns that error.
pub fn run_ordered(
    items: &[Item],
    job: &Job,
    render: &dyn Render,
    pool: Option<&rayon::ThreadPool>,
    mut emit: impl FnMut(FileResult, Vec<u8>) -> io::Result<()>,
) -> io::Result<()> {
    let stop = AtomicBool::new(false);
    let mut failure = None;
    std::thread::scope(|s| {
        let (tx, rx) = mpsc::channel();
        let stop = &stop;
        s.spawn(move || {
            let work = move || {
                items
                    .iter()
                    .enumerate()
                    .par_bridge()
                    .for_each_with(tx, |tx, (i, item)| {
                        if !stop.load(Ordering::Relaxed) {
                            let result = job.run(item);
                            let rendered = render.render(&result);
                            let _ = tx.send((i, (result, rendered)));
                        }
                    })
            };
            match pool {
                Some(pool) => pool.install(work),
                None => work(),
            }
        });
        let mut pending = BTreeMap::new();
        let mut next = 0;
        for (i, result) in rx {
            pending.insert(i, result);
            while let Some((result, rendered)) = pending.remove(&next) {
                next += 1;
                if failure.is_none() {
                    if let Err(e) = rendered.and_then(|bytes| emit(result, bytes)) {
                        stop.store(true, Ordering::Relaxed);
                        failure = Some(e);
                    }
                }
            }
        }
    });
    failure.map_or(Ok(()), Err)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::output::NoRender;
    use crate::sources::Item;

    #[test]
    fn results_come_back_in_input_order() {
        let dir = tempfile::tempdir().unwrap();
        let mut items = Vec::new();
        for i in 0..40 {
            let path = dir.path().join(format!("{i:02}.txt"));
            // Uneven sizes so that workers finish out of order.
            let body = "本年支出合计100.00万元，其中：基本支出60.00万元，项目支出40.00万元。\n"
                .repeat(1 + (i * 37) % 50);
            std::fs::write(&path, body).unwrap();
            items.push(Item {
                name: format!("{i:02}"),
                source: Source::File(path),
            });
        }
        let job = Job {
            options: Valid::default(),
            encoding: Encoding::Auto,
            min_severity: Severity::Info,
            timeout: None,
        };
        let pool = rayon::ThreadPoolBuilder::new()
            .num_threads(4)
            .build()
            .unwrap();
        let mut seen = Vec::new();
        run_ordered(&items, &job, &NoRender, Some(&pool), |r, _| {
            assert!(r.outcome.is_ok());
            seen.push(r.name);
            Ok(())
        })
        .unwrap();
        let expected: Vec<String> = (0..40).map(|i| format!("{i:02}")).collect();
        assert_eq!(seen, expected);
    }

    #[test]
    fn emit_failure_stops_and_is_returned() {
        let items: Vec<Item> = (0..10)
            .map(|i| Item {
                name: i.to_string(),
                source: Source::Failed(FileError::no_match()),
            })
            .collect();
        let job = Job {
            options: Valid::default(),
            encoding: Encoding::Auto,
            min_severity: Severity::Info,
            timeout: None,
        };
        let mut calls = 0;
        let err = run_ordered(&items, &job, &NoRender, None, |_, _| {
            calls += 1;
            Err(io::Error::from(io::ErrorKind::BrokenPipe))
        })
        .unwrap_err();
        assert_eq!(err.kind(), io::ErrorKind::BrokenPipe);
        assert_eq!(calls, 1);
    }
}
