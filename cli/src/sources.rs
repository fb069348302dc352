//! From the command line's operands to the list of inputs to check, in a stable order.
//!
//! An operand is `-` (standard input), a file (checked whatever its name), a directory
//! (walked recursively for `.txt`, `.docx` and `.pdf` files, entries sorted by name, hidden entries
//! and Word's `~$` lock files skipped), or a glob pattern (`*`, `?`, `[...]`, `**`),
//! expanded here the way a POSIX shell would, for shells and scripts that pass it unexpanded.
//! A file reached twice is checked once, where it first appears. A FIFO, device or socket
//! (given, matched or found under a directory) is refused as `not-regular` from its metadata,
//! without being opened.

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use walkdir::WalkDir;

use crate::run::FileError;

/// The name standard input is reported under.
pub const STDIN_NAME: &str = "<stdin>";

/// One input to check, or an operand that named nothing checkable.
#[derive(Debug, Clone)]
pub enum Source {
    Stdin,
    File(PathBuf),
    /// Known to fail before any reading: the error is reported in its place.
    Failed(FileError),
}

#[derive(Debug)]
pub struct Item {
    /// How the input is named in every output: the path as given or as found under a
    /// directory, or `<stdin>`.
    pub name: String,
    pub source: Source,
}

/// The extensions searched for under a directory.
pub const REPORT_EXTENSIONS: &[&str] = &["txt", "docx", "pdf"];

fn has_report_extension(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| REPORT_EXTENSIONS.iter().any(|x| e.eq_ignore_ascii_case(x)))
}

/// Hidden files and folders (`.git`), and the `~$name.docx` lock files Word leaves next to
/// an open document.
fn is_skipped_name(name: &std::ffi::OsStr) -> bool {
    let name = name.to_string_lossy();
    name.starts_with('.') || name.starts_with("~$")
}

fn is_glob(s: &str) -> bool {
    s.contains(['*', '?', '['])
}

/// Expands the operands, in order. Operand-level failures (a missing path, a pattern or a
/// directory with nothing to check) become `Source::Failed` items at their place.
pub fn expand(operands: &[PathBuf]) -> Vec<Item> {
    let mut items = Vec::new();
    let mut seen: HashSet<PathBuf> = HashSet::new();
    let mut push_file = |items: &mut Vec<Item>, path: PathBuf| {
        if seen.insert(path.clone()) {
            items.push(Item {
                name: path.display().to_string(),
                source: Source::File(path),
            });
        }
    };
    for operand in operands {
        if operand.as_os_str() == "-" {
            items.push(Item {
                name: STDIN_NAME.into(),
                source: Source::Stdin,
            });
            continue;
        }
        let name = operand.display().to_string();
        match std::fs::metadata(operand) {
            Ok(meta) if meta.is_dir() => {
                let before = items.len();
                walk(operand, &mut items, &mut push_file);
                if items.len() == before {
                    items.push(failed(name, FileError::no_reports_in_dir()));
                }
            }
            // A FIFO, device or socket: refused by its metadata, never opened.
            Ok(meta) if !meta.is_file() => items.push(failed(name, FileError::not_regular())),
            Ok(_) => push_file(&mut items, operand.clone()),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound && is_glob(&name) => {
                let before = items.len();
                match expand_glob(&name) {
                    Ok(paths) => {
                        for entry in paths {
                            match entry {
                                Ok(path) if path.is_dir() => {
                                    walk(&path, &mut items, &mut push_file)
                                }
                                Ok(path) if !path.is_file() => {
                                    let name = path.display().to_string();
                                    items.push(failed(name, FileError::not_regular()));
                                }
                                Ok(path) => push_file(&mut items, path),
                                Err(e) => {
                                    let path = e.path().display().to_string();
                                    items.push(failed(path, FileError::io(e.error())));
                                }
                            }
                        }
                        if items.len() == before {
                            items.push(failed(name, FileError::no_match()));
                        }
                    }
                    Err(e) => items.push(failed(name, FileError::bad_pattern(&e))),
                }
            }
            Err(e) => items.push(failed(name, FileError::operand_io(&e))),
        }
    }
    items
}

fn failed(name: String, error: FileError) -> Item {
    Item {
        name,
        source: Source::Failed(error),
    }
}

fn expand_glob(pattern: &str) -> Result<glob::Paths, glob::PatternError> {
    let options = glob::MatchOptions {
        case_sensitive: true,
        require_literal_separator: true,
        require_literal_leading_dot: true,
    };
    glob::glob_with(pattern, options)
}

/// Every `.txt`/`.docx`/`.pdf` file under `dir`, sorted by name at each level.
fn walk(dir: &Path, items: &mut Vec<Item>, push_file: &mut impl FnMut(&mut Vec<Item>, PathBuf)) {
    let walker = WalkDir::new(dir)
        .follow_links(true)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|e| e.depth() == 0 || !is_skipped_name(e.file_name()));
    for entry in walker {
        match entry {
            Ok(e) if e.file_type().is_file() && has_report_extension(e.path()) => {
                push_file(items, e.into_path())
            }
            // A FIFO, device or socket named like a report: refused, never opened.
            Ok(e) if !e.file_type().is_dir() && has_report_extension(e.path()) => {
                let name = e.path().display().to_string();
                items.push(failed(name, FileError::not_regular()));
            }
            Ok(_) => {}
            Err(e) => {
                let path = e
                    .path()
                    .map_or_else(|| dir.display().to_string(), |p| p.display().to_string());
                let error = match e.io_error() {
                    Some(io) => FileError::io(io),
                    None => FileError::walk(&e),
                };
                items.push(failed(path, error));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(items: &[Item]) -> Vec<String> {
        items.iter().map(|i| i.name.clone()).collect()
    }

    #[test]
    fn directories_are_walked_sorted_and_filtered() {
        let dir = tempfile::tempdir().unwrap();
        let d = dir.path();
        std::fs::create_dir_all(d.join("b/sub")).unwrap();
        std::fs::create_dir_all(d.join(".hidden")).unwrap();
        for f in [
            "b/sub/z.txt",
            "b/a.DOCX",
            "a.txt",
            "c.pdf",
            "d.png",
            ".hidden/x.txt",
            "~$lock.docx",
            "b/.x.txt",
        ] {
            std::fs::write(d.join(f), "x").unwrap();
        }
        let items = expand(&[d.to_path_buf()]);
        let base = d.display().to_string();
        assert_eq!(
            names(&items),
            vec![
                format!("{base}/a.txt"),
                format!("{base}/b/a.DOCX"),
                format!("{base}/b/sub/z.txt"),
                format!("{base}/c.pdf"),
            ]
        );
    }

    #[test]
    fn globs_are_expanded_and_duplicates_dropped() {
        let dir = tempfile::tempdir().unwrap();
        let d = dir.path();
        std::fs::create_dir_all(d.join("sub")).unwrap();
        for f in ["b.txt", "a.txt", "c.md", "sub/d.txt"] {
            std::fs::write(d.join(f), "x").unwrap();
        }
        let base = d.display().to_string();
        let items = expand(&[
            PathBuf::from(format!("{base}/*.txt")),
            d.join("a.txt"),
            PathBuf::from(format!("{base}/**/*.txt")),
        ]);
        assert_eq!(
            names(&items),
            vec![
                format!("{base}/a.txt"),
                format!("{base}/b.txt"),
                format!("{base}/sub/d.txt"),
            ]
        );
    }

    #[test]
    fn operands_naming_nothing_are_failures_in_place() {
        let dir = tempfile::tempdir().unwrap();
        let d = dir.path();
        std::fs::write(d.join("a.txt"), "x").unwrap();
        let items = expand(&[
            d.join("missing.txt"),
            PathBuf::from(format!("{}/*.nothing", d.display())),
            d.join("a.txt"),
            PathBuf::from("-"),
        ]);
        assert!(matches!(&items[0].source, Source::Failed(e) if e.kind == "not-found"));
        assert!(matches!(&items[1].source, Source::Failed(e) if e.kind == "no-match"));
        assert!(matches!(&items[2].source, Source::File(_)));
        assert!(matches!(&items[3].source, Source::Stdin));
        assert_eq!(items[3].name, STDIN_NAME);
    }
}
