//! Reading a text file the way an editor saved it: UTF-8 with or without a byte-order
//! mark, Windows or Unix line endings. Everything after this sees `\n` only.

use std::path::Path;

use crate::diagnostics::{Code, Problem, SourceFile};
use crate::load::source::Source;

/// No notice needs more than this; a bigger file is a mistake (a pasted picture, a
/// wrong file), and reading it would only make every page huge.
pub const MAX_TEXT_BYTES: u64 = 8 * 1024 * 1024;

/// Reads `path` (shown to the user as `shown`) into a [`SourceFile`].
pub fn read_text(source: &dyn Source, path: &Path, shown: &Path) -> Result<SourceFile, Problem> {
    if let Some(size) = source.size(path) {
        if size > MAX_TEXT_BYTES {
            return Err(Problem::in_file(Code::FileTooBig, shown, format!("this file is {} MB, too big for a notice (the limit is {} MB)", size / (1024 * 1024), MAX_TEXT_BYTES / (1024 * 1024)))
                .with_help("A notice is text: check that a picture or another document was not pasted or saved into it."));
        }
    }
    let bytes = source.read(path).map_err(|err| {
        Problem::in_file(
            Code::CannotRead,
            shown,
            format!("could not read this file: {err}"),
        )
        .with_help("Check that the file exists and that you are allowed to read it.")
    })?;
    decode(&bytes, shown).map(|text| SourceFile::new(shown, text))
}

/// Decodes UTF-8, dropping a byte-order mark and turning `\r\n` into `\n`.
pub fn decode(bytes: &[u8], shown: &Path) -> Result<String, Problem> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let text = std::str::from_utf8(bytes).map_err(|err| {
        let offset = err.valid_up_to();
        let line = bytes[..offset].iter().filter(|&&b| b == b'\n').count() + 1;
        Problem::at_line(Code::NotUtf8,
            shown,
            line,
            1,
            format!("this file is not UTF-8 text: the byte at offset {offset} is not valid UTF-8"),
        )
        .with_help("Save the file as \"UTF-8\" in your editor (Word and some editors use another encoding by default).")
    })?;
    Ok(if text.contains('\r') {
        text.replace("\r\n", "\n").replace('\r', "\n")
    } else {
        text.to_string()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn byte_order_mark_and_windows_line_endings_are_accepted() {
        let text = decode(b"\xEF\xBB\xBF+++\r\ntitle = 1\r\n", Path::new("a.md")).unwrap();
        assert_eq!(text, "+++\ntitle = 1\n");
    }

    #[test]
    fn invalid_utf8_names_the_byte_offset_and_line() {
        let err = decode(b"ok\nbad \xFF here", Path::new("a.md")).unwrap_err();
        assert!(err.message.contains("offset 7"), "{}", err.message);
        assert_eq!(err.line, Some(2));
    }
}
