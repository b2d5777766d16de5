//! Reading the files a user points at, defensively: only regular files (a named pipe would
//! block forever, `/dev/zero` never ends), and never more bytes than a limit, counted while
//! reading rather than trusted from the file's metadata (procfs files say they hold 0 bytes).
//!
//! Every read of a user-named file goes through [`read_limited`]: articles, `sources.toml`,
//! the config file and lexicon files.

use std::io::Read;
use std::path::Path;

use thiserror::Error;

/// Why a file was not read.
#[derive(Debug, Error)]
pub enum FileError {
    /// Not a regular file: a named pipe, a device, a socket or a folder.
    #[error("not a regular file ({kind}); skipped")]
    NotRegular {
        /// What it is instead, in words.
        kind: &'static str,
    },
    /// More bytes than the limit.
    #[error("too large: {}", too_large(*.size, *.limit))]
    TooLarge {
        /// The size when known (from metadata), else `None`: reading went past the limit.
        size: Option<u64>,
        /// The limit in bytes.
        limit: u64,
    },
    /// The operating system refused.
    #[error("{}", io_reason(.0))]
    Io(#[from] std::io::Error),
}

fn too_large(size: Option<u64>, limit: u64) -> String {
    match size {
        Some(size) => format!(
            "{} (the limit is {})",
            human_bytes(size),
            human_bytes(limit)
        ),
        None => format!("more than the limit of {}", human_bytes(limit)),
    }
}

/// What kind of file the metadata describes, for messages.
pub fn kind_of(meta: &std::fs::Metadata) -> &'static str {
    let ft = meta.file_type();
    if ft.is_dir() {
        return "a folder";
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if ft.is_fifo() {
            return "a named pipe";
        }
        if ft.is_char_device() {
            return "a character device";
        }
        if ft.is_block_device() {
            return "a block device";
        }
        if ft.is_socket() {
            return "a socket";
        }
    }
    if ft.is_file() {
        "a regular file"
    } else {
        "a special file"
    }
}

/// Read a regular file whole, refusing anything else before opening it (opening a named
/// pipe blocks until someone writes) and stopping after `limit` bytes. Symbolic links are
/// followed; what they lead to must be a regular file.
pub fn read_limited(path: &Path, limit: u64) -> Result<Vec<u8>, FileError> {
    let meta = std::fs::metadata(path)?;
    if !meta.is_file() {
        return Err(FileError::NotRegular {
            kind: kind_of(&meta),
        });
    }
    if meta.len() > limit {
        return Err(FileError::TooLarge {
            size: Some(meta.len()),
            limit,
        });
    }
    let file = std::fs::File::open(path)?;
    // The file could have been swapped between the check and the open.
    let opened = file.metadata()?;
    if !opened.is_file() {
        return Err(FileError::NotRegular {
            kind: kind_of(&opened),
        });
    }
    let mut bytes = Vec::with_capacity(opened.len().min(limit) as usize);
    file.take(limit.saturating_add(1)).read_to_end(&mut bytes)?;
    if bytes.len() as u64 > limit {
        return Err(FileError::TooLarge { size: None, limit });
    }
    Ok(bytes)
}

/// An I/O error as a short reason without the OS error code.
pub fn io_reason(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::PermissionDenied => "permission denied".into(),
        std::io::ErrorKind::NotFound => "no such file or folder".into(),
        std::io::ErrorKind::IsADirectory => "is a folder".into(),
        _ => {
            let s = e.to_string();
            s.split(" (os error").next().unwrap_or(&s).to_string()
        }
    }
}

/// A byte count for people: `12 bytes`, `2.0 KB`, `5.0 MB`.
pub fn human_bytes(n: u64) -> String {
    const MB: f64 = 1024.0 * 1024.0;
    if n as f64 >= MB {
        format!("{:.1} MB", n as f64 / MB)
    } else if n >= 1024 {
        format!("{:.1} KB", n as f64 / 1024.0)
    } else {
        format!("{n} bytes")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_regular_file_is_read_up_to_the_limit() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("a.txt");
        std::fs::write(&p, b"0123456789").unwrap();
        assert_eq!(read_limited(&p, 10).unwrap(), b"0123456789");
        let err = read_limited(&p, 9).unwrap_err();
        assert!(
            matches!(err, FileError::TooLarge { size: Some(10), .. }),
            "{err}"
        );
        assert!(read_limited(dir.path(), 10).is_err());
    }

    #[cfg(target_os = "linux")]
    #[test]
    fn devices_are_refused_and_procfs_is_counted() {
        let err = read_limited(Path::new("/dev/zero"), 1 << 20).unwrap_err();
        assert_eq!(
            err.to_string(),
            "not a regular file (a character device); skipped"
        );
        // procfs says 0 bytes; the count while reading is what holds.
        let err = read_limited(Path::new("/proc/self/maps"), 8).unwrap_err();
        assert!(
            matches!(err, FileError::TooLarge { size: None, .. }),
            "{err}"
        );
        assert!(
            err.to_string()
                .starts_with("too large: more than the limit of 8 bytes"),
            "{err}"
        );
    }

    #[test]
    fn sizes_read_well() {
        assert_eq!(human_bytes(10 * 1024 * 1024), "10.0 MB");
        assert_eq!(human_bytes(2048), "2.0 KB");
        assert_eq!(human_bytes(12), "12 bytes");
    }
}
