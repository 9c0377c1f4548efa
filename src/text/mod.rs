//! The text layer: how every stage reads a notice's words. Below check and render
//! (both use it); it uses nothing of theirs, nor the file system.

pub(crate) mod autolink;
pub(crate) mod document;
pub mod easy_read;
pub mod headings;
pub mod markdown;
pub mod plain_words;
pub mod readability;
pub(crate) mod sentences;
