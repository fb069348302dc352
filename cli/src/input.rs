//! Reading one input (a file or standard input) into a `String`, strictly as UTF-8.
//!
//! The text is passed to the core exactly as read — a leading byte-order mark included — so
//! every span the core returns is a byte offset into the file as it is on disk.

use std::fmt;
use std::io::{self, Read};
use std::path::Path;

use gouji_core::MAX_INPUT_BYTES;

/// The name standard input is reported under.
pub const STDIN_NAME: &str = "<stdin>";

/// Why an input could not be checked. `Display` gives the reason only; callers prefix the
/// file name.
#[derive(Debug)]
pub enum InputError {
    NotFound,
    PermissionDenied,
    IsDirectory,
    NotAFile,
    /// The size, when known up front.
    TooLarge(Option<u64>),
    Io(io::Error),
    NotUtf8 {
        offset: usize,
        line: usize,
        byte: u8,
        utf16: bool,
    },
}

impl fmt::Display for InputError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            InputError::NotFound => write!(f, "no such file"),
            InputError::PermissionDenied => write!(f, "permission denied"),
            InputError::IsDirectory => write!(f, "is a directory, not a report text file"),
            InputError::NotAFile => write!(f, "is not a regular file"),
            InputError::TooLarge(Some(len)) => write!(
                f,
                "is too large to check ({len} bytes; the limit is {MAX_INPUT_BYTES} bytes)"
            ),
            InputError::TooLarge(None) => write!(
                f,
                "is too large to check (more than the limit of {MAX_INPUT_BYTES} bytes)"
            ),
            InputError::Io(e) => write!(f, "cannot read: {e}"),
            InputError::NotUtf8 { utf16: true, .. } => write!(
                f,
                "is UTF-16 text, not UTF-8; convert it first, e.g. \
                 `iconv -f UTF-16 -t UTF-8 IN > OUT`"
            ),
            InputError::NotUtf8 {
                offset, line, byte, ..
            } => write!(
                f,
                "is not valid UTF-8 (byte 0x{byte:02X} at offset {offset}, line {line}); \
                 gouji reads UTF-8 only. If it is GBK/GB18030, convert it first, e.g. \
                 `iconv -f GB18030 -t UTF-8 IN > OUT`"
            ),
        }
    }
}

impl From<io::Error> for InputError {
    fn from(e: io::Error) -> Self {
        match e.kind() {
            io::ErrorKind::NotFound => InputError::NotFound,
            io::ErrorKind::PermissionDenied => InputError::PermissionDenied,
            io::ErrorKind::IsADirectory => InputError::IsDirectory,
            _ => InputError::Io(e),
        }
    }
}

/// Reads `path` (or standard input when `path` is `-`) as UTF-8 text.
pub fn read(path: &Path) -> Result<String, InputError> {
    let bytes = if path.as_os_str() == "-" {
        read_limited(io::stdin().lock())?
    } else {
        let meta = std::fs::metadata(path)?;
        if meta.is_dir() {
            return Err(InputError::IsDirectory);
        }
        if !meta.is_file() && !is_readable_special(&meta) {
            return Err(InputError::NotAFile);
        }
        if meta.len() > MAX_INPUT_BYTES as u64 {
            return Err(InputError::TooLarge(Some(meta.len())));
        }
        // A FIFO's or a growing file's size is not known up front: limit the read too.
        read_limited(std::fs::File::open(path)?)?
    };
    decode(bytes)
}

/// Reads everything, refusing more than `MAX_INPUT_BYTES` without reading it all.
fn read_limited(reader: impl Read) -> Result<Vec<u8>, InputError> {
    let mut buf = Vec::new();
    let limit = MAX_INPUT_BYTES as u64 + 1;
    reader.take(limit).read_to_end(&mut buf)?;
    if buf.len() as u64 >= limit {
        return Err(InputError::TooLarge(None));
    }
    Ok(buf)
}

/// FIFOs and character devices (`<(cmd)`, `/dev/stdin`) are fine to read; sockets are not.
#[cfg(unix)]
fn is_readable_special(meta: &std::fs::Metadata) -> bool {
    use std::os::unix::fs::FileTypeExt;
    let t = meta.file_type();
    t.is_fifo() || t.is_char_device()
}

#[cfg(not(unix))]
fn is_readable_special(_meta: &std::fs::Metadata) -> bool {
    false
}

/// Strict UTF-8 decoding; nothing is stripped or replaced.
pub fn decode(bytes: Vec<u8>) -> Result<String, InputError> {
    String::from_utf8(bytes).map_err(|e| {
        let bytes = e.as_bytes();
        let offset = e.utf8_error().valid_up_to();
        let utf16 = bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]);
        InputError::NotUtf8 {
            offset,
            line: bytes[..offset].iter().filter(|&&b| b == b'\n').count() + 1,
            byte: bytes.get(offset).copied().unwrap_or(0),
            utf16,
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decode_keeps_bom() {
        let s = decode("\u{feff}合计".as_bytes().to_vec()).unwrap();
        assert_eq!(s.len(), 3 + 6);
        assert!(s.starts_with('\u{feff}'));
    }

    #[test]
    fn decode_reports_offset_and_line() {
        // "ab\n" then GBK for 合计 (BA CF BC C6).
        let err = decode(vec![b'a', b'b', b'\n', 0xBA, 0xCF, 0xBC, 0xC6]).unwrap_err();
        match err {
            InputError::NotUtf8 {
                offset,
                line,
                byte,
                utf16,
            } => {
                assert_eq!((offset, line, byte, utf16), (3, 2, 0xBA, false));
            }
            other => panic!("unexpected {other:?}"),
        }
    }

    #[test]
    fn decode_spots_utf16() {
        let err = decode(vec![0xFF, 0xFE, b'a', 0]).unwrap_err();
        assert!(err.to_string().contains("UTF-16"));
    }
}
