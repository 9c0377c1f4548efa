//! The two files a braille version is written as, from the same pages:
//!
//! - **BRF**, ASCII braille: one character a cell in North American ASCII Braille
//!   (the set every embosser, notetaker and braille display reads), lines ended by
//!   CR LF, a form feed between pages.
//! - **PEF** (Portable Embosser Format 2008-1, DAISY): XML of volumes, sections,
//!   pages and rows of Unicode braille cells, with the document's title, language
//!   and version in Dublin Core metadata.

use super::layout::{PageSize, Pages};
use super::About;

/// The 64 characters of North American ASCII Braille, in the order of the cells
/// they stand for (dots 1–6 as the bits of U+2800…U+283F).
const ASCII_BRAILLE: &[u8; 64] =
    b" A1B'K2L@CIF/MSP\"E3H9O6R^DJG>NTQ,*5<-U8V.%[$+X!&;:4\\0Z7(_?W]#Y)=";

/// The Unicode braille cell of an ASCII braille character (lower case as upper);
/// `None` for a character outside the set.
pub(crate) fn unicode_cell(ascii: char) -> Option<char> {
    let upper = ascii.to_ascii_uppercase();
    let dots = ASCII_BRAILLE.iter().position(|&c| char::from(c) == upper)?;
    char::from_u32(0x2800 + dots as u32)
}

/// The pages as a BRF file.
pub(crate) fn brf(pages: &Pages) -> Vec<u8> {
    let mut out = String::new();
    for (index, page) in pages.iter().enumerate() {
        if index > 0 {
            out.push('\u{c}');
        }
        for line in page {
            out.push_str(line);
            out.push_str("\r\n");
        }
    }
    out.into_bytes()
}

/// The pages as a PEF 2008-1 file, one volume of one section.
pub(crate) fn pef(pages: &Pages, size: PageSize, about: &About) -> Vec<u8> {
    let PageSize { cells, lines } = size;
    let mut out = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    out.push_str("<pef version=\"2008-1\" xmlns=\"http://www.daisy.org/ns/2008/pef\">\n");
    out.push_str("  <head>\n    <meta xmlns:dc=\"http://purl.org/dc/elements/1.1/\">\n");
    for (element, value) in [
        ("format", "application/x-pef+xml"),
        ("identifier", about.identifier.as_str()),
        ("title", about.title.as_str()),
        ("language", about.language.as_str()),
        ("description", about.version.as_str()),
        ("date", about.date.as_str()),
        ("publisher", about.publisher.as_str()),
    ] {
        out.push_str(&format!(
            "      <dc:{element}>{}</dc:{element}>\n",
            escape(value)
        ));
    }
    out.push_str("    </meta>\n  </head>\n  <body>\n");
    out.push_str(&format!(
        "    <volume cols=\"{cells}\" rows=\"{lines}\" rowgap=\"0\" duplex=\"false\">\n      <section>\n"
    ));
    for page in pages {
        out.push_str("        <page>\n");
        for line in page {
            let cells: String = line
                .chars()
                .map(|c| unicode_cell(c).unwrap_or('\u{2800}'))
                .collect();
            out.push_str(&format!("          <row>{cells}</row>\n"));
        }
        out.push_str("        </page>\n");
    }
    out.push_str("      </section>\n    </volume>\n  </body>\n</pef>\n");
    out.into_bytes()
}

fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ascii_braille_maps_to_its_cells() {
        assert_eq!(unicode_cell(' '), Some('\u{2800}'));
        assert_eq!(unicode_cell('A'), Some('⠁'));
        assert_eq!(unicode_cell('a'), Some('⠁'));
        assert_eq!(unicode_cell(','), Some('⠠'));
        assert_eq!(unicode_cell('#'), Some('⠼'));
        assert_eq!(unicode_cell('='), Some('⠿'));
        assert_eq!(unicode_cell('é'), None);
        // Every character of the set stands for a different cell.
        let cells: std::collections::BTreeSet<char> = ASCII_BRAILLE
            .iter()
            .filter_map(|&c| unicode_cell(char::from(c)))
            .collect();
        assert_eq!(cells.len(), 64);
    }

    #[test]
    fn brf_has_form_feeds_between_pages() {
        let pages = vec![vec!["AB".to_string()], vec!["C".to_string()]];
        assert_eq!(brf(&pages), b"AB\r\n\x0cC\r\n");
    }
}
