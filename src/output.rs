//! What a build makes: files, each a path in the output folder and its bytes. Below
//! render (which makes them), check (the link check reads them) and write.

/// One file of the built site.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OutputFile {
    /// Relative to the output folder, with `/` separators: `general/index.html`.
    pub path: String,
    pub bytes: Vec<u8>,
}
