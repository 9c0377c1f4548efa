//! Every script and emoji reaches the handouts, and a character no font has never
//! stops a build. The real site is built with a title holding an emoji and a section
//! in Bengali, Chinese and Urdu (the languages of people PSS supports): the build works
//! whatever fonts the computer has; where it has a font for a script (CI installs
//! Debian's fonts-noto-core, fonts-noto-cjk and fonts-noto-color-emoji), the handout embeds it, and
//! where it has none, the build warns at the line and prints U+FFFD instead.

mod common;

use std::fs;

use clearnotice::load::system_fonts;
use common::*;

/// Whether the PDF embeds a font whose name holds `name` (font names are written
/// uncompressed in the font dictionaries).
fn embeds(pdf: &[u8], name: &str) -> bool {
    pdf.windows(name.len()).any(|w| w == name.as_bytes())
}

#[test]
fn emoji_bengali_and_chinese_build_and_show_where_a_font_has_them() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("site");
    copy_real_site(&root);
    let file = root.join("content/general/1.0.md");
    let text = fs::read_to_string(&file).unwrap();
    let text = text.replacen(
        "title = \"General privacy notice",
        "title = \"🙂 General privacy notice",
        1,
    ) + "\n## আমাদের সাথে যোগাযোগ\n\nআপনার তথ্য সম্পর্কে প্রশ্ন থাকলে আমাদের ফোন করুন। 如有疑问，请致电我们。 اگر آپ کے سوالات ہیں تو ہمیں فون کریں۔\n";
    fs::write(&file, text).unwrap();

    let out = dir.path().join("public");
    let run = clearnotice(
        &[
            "build",
            "--root",
            root.to_str().unwrap(),
            "--output-dir",
            out.to_str().unwrap(),
            "--date",
            "2026-11-24",
        ],
        dir.path(),
    );
    let said = String::from_utf8_lossy(&run.stderr).to_string();
    assert!(run.status.success(), "{said}");
    let pdf = fs::read(out.join("general/large-print/general-large-print.pdf")).unwrap();

    for (c, font, what) in [
        ('ব', "Bengali", "Bengali"),
        ('如', "CJK", "Chinese"),
        // Urdu's heh goal is not in DejaVu Sans: the whole sentence is set in one
        // Arabic font then (a word in two fonts falls apart), Noto Sans Arabic.
        ('ہ', "NotoSansArabic", "Urdu"),
        ('🙂', "Type3", "the emoji"),
    ] {
        let warned = said.contains(&format!("U+{:04X}", c as u32));
        if system_fonts::has(c) {
            assert!(!warned, "{what} has a font but was warned about:\n{said}");
            assert!(embeds(&pdf, font), "{what}: no {font} font in the handout");
        } else {
            assert!(warned, "{what} has no font but no warning:\n{said}");
            assert!(
                said.contains("content/general/1.0.md:"),
                "the warning names the file and line:\n{said}"
            );
        }
    }
}

#[test]
fn the_handouts_built_in_languages_need_no_system_font() {
    // Welsh, Polish and Arabic are DejaVu Sans's own: no system font is looked up.
    let fonts = clearnotice::theme::fonts::Fonts::of(&clearnotice::theme::Theme::default());
    let chosen = fonts.for_text("Cymraeg ŵŷ, Polski żółć, العربية");
    assert!(chosen.missing.is_empty());
    assert_eq!(chosen.fonts.len(), 2, "only DejaVu Sans, regular and bold");
}
