//! Braille paragraphs laid out on pages of a fixed size, as UK braille is laid out
//! (UKAAF's braille layout guidance, and the RNIB braillists' practice it follows):
//! the braille page number at the right of each page's first line, three cells
//! clear of any text; the title centred; section headings from cell 1 and lesser
//! ones from cell 5, each after a blank line and never the last thing on a page;
//! paragraphs indented to cell 3 with runovers from cell 1; list items from cell 1
//! with runovers two cells in. Lines break between braille words; a word longer than
//! a line (a long web address) is split where the line ends.

use super::text::Style;

/// The size of a braille page, in cells and lines.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct PageSize {
    pub cells: usize,
    pub lines: usize,
}

/// A paragraph translated: its style and its ASCII braille.
pub(crate) struct BrailleParagraph<'a> {
    pub style: Style,
    pub braille: &'a str,
}

/// Braille pages: each its lines, trailing blank cells trimmed.
pub(crate) type Pages = Vec<Vec<String>>;

/// Lays `paragraphs` out on pages of `size`.
pub(crate) fn lay_out(paragraphs: &[BrailleParagraph], size: PageSize) -> Pages {
    let mut pager = Pager::new(size);
    for paragraph in paragraphs {
        pager.place(paragraph);
    }
    pager.finish()
}

/// The braille page number: the numeric indicator then the digits as the letters
/// a–j, as every literary braille code liblouis writes numbers in ASCII braille.
pub(crate) fn page_number(number: usize) -> String {
    let digits: String = number
        .to_string()
        .bytes()
        .map(|digit| match digit {
            b'0' => 'J',
            other => char::from(b'A' + (other - b'1')),
        })
        .collect();
    format!("#{digits}")
}

/// The blank cells kept between text and the page number on a page's first line.
const GAP_BEFORE_NUMBER: usize = 3;

struct Pager {
    size: PageSize,
    pages: Pages,
    page: Vec<String>,
}

/// Where a style's lines start: (first line, runovers), in cells from the margin.
fn indents(style: Style) -> (usize, usize) {
    match style {
        Style::Title | Style::Heading => (0, 0),
        Style::Subheading => (4, 4),
        Style::Paragraph => (2, 0),
        Style::Item(depth) => (2 * depth, 2 * depth + 2),
        Style::Detail => (0, 2),
    }
}

impl Pager {
    fn new(size: PageSize) -> Pager {
        Pager {
            size,
            pages: Vec::new(),
            page: Vec::new(),
        }
    }

    /// The cells the next line may use: fewer on a page's first line, which ends
    /// with the page number.
    fn width_here(&self) -> usize {
        if self.page.is_empty() {
            let number = page_number(self.pages.len() + 1).len();
            self.size.cells.saturating_sub(number + GAP_BEFORE_NUMBER)
        } else {
            self.size.cells
        }
    }

    fn push_line(&mut self, line: String) {
        self.page.push(line.trim_end().to_string());
        if self.page.len() == self.size.lines {
            self.new_page();
        }
    }

    fn new_page(&mut self) {
        let page = std::mem::take(&mut self.page);
        self.pages.push(page);
    }

    /// A blank line, except at the top of a page (where the page is the space).
    fn blank_line(&mut self) {
        if !self.page.is_empty() {
            self.push_line(String::new());
        }
    }

    fn lines_left(&self) -> usize {
        self.size.lines - self.page.len()
    }

    fn place(&mut self, paragraph: &BrailleParagraph) {
        let style = paragraph.style;
        if matches!(style, Style::Heading | Style::Subheading | Style::Title) {
            // A heading is kept with at least two lines of what follows it.
            let lines = wrap(paragraph.braille, indents(style), |_| self.size.cells).len();
            if !self.page.is_empty() && self.lines_left() < lines + 3 {
                self.new_page();
            }
            self.blank_line();
        }
        if style == Style::Title {
            self.place_centred(paragraph.braille);
            self.blank_line();
            return;
        }
        let (start, pages, size) = (self.page.len(), self.pages.len(), self.size);
        // The width of the paragraph's `n`th line: shorter where it is a page's first.
        let width = |n: usize| {
            let at = start + n;
            if at.is_multiple_of(size.lines) {
                let number = page_number(pages + 1 + at / size.lines).len();
                size.cells.saturating_sub(number + GAP_BEFORE_NUMBER)
            } else {
                size.cells
            }
        };
        for line in wrap(paragraph.braille, indents(style), width) {
            self.push_line(line);
        }
    }

    /// The title's lines, each centred between three blank cells each side.
    fn place_centred(&mut self, braille: &str) {
        let inner = self.size.cells.saturating_sub(2 * GAP_BEFORE_NUMBER).max(1);
        for text in wrap(braille, (0, 0), |_| inner) {
            let pad = (self.size.cells.saturating_sub(text.len())) / 2;
            if pad + text.len() > self.width_here() {
                // It would run into the page number: start below it.
                self.push_line(String::new());
            }
            self.push_line(format!("{}{text}", " ".repeat(pad)));
        }
    }

    fn finish(mut self) -> Pages {
        if !self.page.is_empty() {
            self.new_page();
        }
        for (index, page) in self.pages.iter_mut().enumerate() {
            let number = page_number(index + 1);
            let first = page.first().cloned().unwrap_or_default();
            let width = self.size.cells - number.len();
            page[0] = format!("{first:<width$}{number}");
        }
        self.pages
    }
}

/// Where a word too long for a line (a web address) is split to fill `room` cells:
/// after its last slash that fits (`_/` in ASCII braille), as a reader of an address
/// expects, unless that leaves most of the line empty; else where the line ends.
fn split_point(word: &str, room: usize) -> usize {
    let room = room.max(1).min(word.len());
    match word[..room].rfind("_/") {
        Some(at) if at + 2 >= room / 2 => at + 2,
        _ => room,
    }
}

/// `braille` broken between words into lines starting at the indents, the `n`th at
/// most `width(n)` cells long; a word longer than a line is split where it ends.
fn wrap(
    braille: &str,
    (first, runover): (usize, usize),
    width: impl Fn(usize) -> usize,
) -> Vec<String> {
    let mut lines = Vec::new();
    let mut indent = first;
    let mut line = " ".repeat(indent);
    for word in braille.split(' ').filter(|w| !w.is_empty()) {
        let mut word = word;
        loop {
            let starts_line = line.len() == indent;
            let room = width(lines.len()).saturating_sub(line.len() + usize::from(!starts_line));
            if word.len() <= room {
                if !starts_line {
                    line.push(' ');
                }
                line.push_str(word);
                break;
            }
            if starts_line {
                let (head, tail) = word.split_at(split_point(word, room));
                line.push_str(head);
                word = tail;
            }
            lines.push(std::mem::take(&mut line));
            indent = runover;
            line = " ".repeat(indent);
            if word.is_empty() {
                break;
            }
        }
    }
    if line.len() > indent {
        lines.push(line);
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    fn paragraph(style: Style, braille: &str) -> BrailleParagraph<'_> {
        BrailleParagraph { style, braille }
    }

    #[test]
    fn a_long_address_is_split_after_a_slash() {
        let address = "HTTPS3_/_/PSSPEOPLE4COM_/PRIVACY_/G5]AL_/";
        assert_eq!(split_point(address, 38), 34);
        assert_eq!(&address[..34], "HTTPS3_/_/PSSPEOPLE4COM_/PRIVACY_/");
        // No slash late enough: split where the line ends.
        assert_eq!(split_point(&"X".repeat(50), 38), 38);
    }

    #[test]
    fn page_numbers_are_braille_numbers() {
        assert_eq!(page_number(1), "#A");
        assert_eq!(page_number(10), "#AJ");
        assert_eq!(page_number(25), "#BE");
    }

    #[test]
    fn every_line_fits_and_pages_are_numbered_top_right() {
        let size = PageSize {
            cells: 20,
            lines: 5,
        };
        let text = "AB CDEF GHIJ KL MNOPQ RS TUV WXYZ ".repeat(6);
        let long_word = "X".repeat(45);
        let pages = lay_out(
            &[
                paragraph(Style::Title, ",TITLE"),
                paragraph(Style::Paragraph, &text),
                paragraph(Style::Heading, ",HEAD+"),
                paragraph(Style::Item(0), &long_word),
            ],
            size,
        );
        assert!(pages.len() > 2);
        for (index, page) in pages.iter().enumerate() {
            assert!(page.len() <= 5, "{page:?}");
            assert!(page.iter().all(|line| line.len() <= 20), "{page:?}");
            assert!(page[0].ends_with(&page_number(index + 1)), "{page:?}");
        }
        // The title centred on the first line, three cells clear of the number.
        assert_eq!(pages[0][0], "       ,TITLE     #A");
        assert_eq!(pages[0][1], "");
        assert!(pages[0][2].starts_with("  AB CDEF"));
        // Every word is there, in order.
        let all: Vec<String> = pages.iter().flatten().cloned().collect();
        assert!(all.join(" ").contains(&"X".repeat(18)));
        // A heading never ends a page.
        for page in &pages {
            assert_ne!(page.last().map(|l| l.trim()), Some(",HEAD+"));
        }
    }
}
