//! Pictures are checked like text, before anything decodes them: a picture is copied
//! into the website (where it opens at its own address, on the site's origin) and
//! drawn into every handout, so it must be the image its name says, of a size a
//! build can hold, and — for an SVG — nothing that runs or reaches out.
//!
//! - the file's bytes must be the format its extension names (a PNG called `.svg`,
//!   or text called `.png`, is refused);
//! - at most [`MAX_BYTES`] on disk and [`MAX_PIXELS`] when decoded, read from the
//!   header (imagesize), so a small file that would decode to gigabytes is refused
//!   before it is opened;
//! - an SVG is read as XML (roxmltree) and refused if it has a script, an element
//!   that embeds other documents, an event-handler attribute (`onload=`), or a
//!   reference to anything outside itself (`href` to another file, `url(…)` in a
//!   style, `@import`). Only `#fragment` references and embedded PNG or JPEG data
//!   are kept.

use imagesize::ImageType;

/// The largest picture file, in bytes: a picture in a leaflet needs far less.
pub(crate) const MAX_BYTES: usize = 10 * 1024 * 1024;
/// The most pixels a picture may decode to (4,000 × 4,000 is 16 megapixels).
pub(crate) const MAX_PIXELS: u64 = 16_000_000;

/// Why a picture may not be used, if it may not.
pub(crate) fn check_picture(bytes: &[u8], extension: &str) -> Result<(), String> {
    if bytes.len() > MAX_BYTES {
        return Err(format!(
            "this picture is {} MB; a picture may be at most {} MB",
            bytes.len() / (1024 * 1024),
            MAX_BYTES / (1024 * 1024)
        ));
    }
    let extension = extension.to_ascii_lowercase();
    if extension == "svg" {
        return check_svg(bytes);
    }
    let expected = match extension.as_str() {
        "png" => ImageType::Png,
        "jpg" | "jpeg" => ImageType::Jpeg,
        "webp" => ImageType::Webp,
        other => {
            return Err(format!(
                "a picture must be SVG, PNG, JPEG or WebP, not .{other}"
            ))
        }
    };
    let found = imagesize::image_type(bytes).map_err(|_| {
        format!(
            "this file is not a picture: its bytes are not a {} image",
            name(&expected)
        )
    })?;
    if found != expected {
        return Err(format!(
            "this file is a {} picture, but its name says {}",
            name(&found),
            name(&expected)
        ));
    }
    let size = imagesize::blob_size(bytes).map_err(|_| {
        format!(
            "this {} picture is damaged: its size cannot be read",
            name(&expected)
        )
    })?;
    let pixels = size.width as u64 * size.height as u64;
    if pixels > MAX_PIXELS || size.width == 0 || size.height == 0 {
        return Err(format!(
            "this picture is {} × {} pixels; a picture may be at most {} megapixels (4,000 × 4,000)",
            size.width,
            size.height,
            MAX_PIXELS / 1_000_000
        ));
    }
    Ok(())
}

fn name(kind: &ImageType) -> &'static str {
    match kind {
        ImageType::Png => "PNG",
        ImageType::Jpeg => "JPEG",
        ImageType::Webp => "WebP",
        ImageType::Gif => "GIF",
        _ => "different kind of",
    }
}

/// Elements that run code or show another document.
const FORBIDDEN_ELEMENTS: [&str; 7] = [
    "script",
    "foreignObject",
    "iframe",
    "embed",
    "object",
    "handler",
    "listener",
];

fn check_svg(bytes: &[u8]) -> Result<(), String> {
    let text = std::str::from_utf8(bytes)
        .map_err(|_| "this file is not an SVG picture: it is not text".to_string())?;
    let options = roxmltree::ParsingOptions {
        allow_dtd: true,
        ..roxmltree::ParsingOptions::default()
    };
    let document = roxmltree::Document::parse_with_options(text, options)
        .map_err(|err| format!("this SVG picture is not well-formed XML: {err}"))?;
    if document.root_element().tag_name().name() != "svg" {
        return Err("this file is not an SVG picture: it has no <svg> element".into());
    }
    for node in document.descendants().filter(|n| n.is_element()) {
        let element = node.tag_name().name();
        if FORBIDDEN_ELEMENTS
            .iter()
            .any(|f| f.eq_ignore_ascii_case(element))
        {
            return Err(format!(
                "this SVG picture has a <{element}> element, which can run code or show another document"
            ));
        }
        for attribute in node.attributes() {
            let name = attribute.name();
            let value = attribute.value();
            if name.len() > 2 && name[..2].eq_ignore_ascii_case("on") {
                return Err(format!(
                    "this SVG picture has an event handler ({name}=), which runs code"
                ));
            }
            if name == "href" && !is_own_reference(value) {
                return Err(format!(
                    "this SVG picture refers to something outside itself ({})",
                    shorten(value)
                ));
            }
            if name == "style" {
                check_style(value)?;
            }
        }
        if element == "style" {
            check_style(node.text().unwrap_or_default())?;
        }
    }
    Ok(())
}

/// A reference an SVG may keep: to a part of itself, or an embedded PNG or JPEG.
fn is_own_reference(value: &str) -> bool {
    let value = value.trim();
    value.starts_with('#')
        || ["data:image/png;", "data:image/jpeg;", "data:image/jpg;"]
            .iter()
            .any(|prefix| value.to_ascii_lowercase().starts_with(prefix))
}

/// CSS in an SVG may not reach outside it: no `@import`, no `url()` but `url(#…)`.
fn check_style(css: &str) -> Result<(), String> {
    let lower = css.to_ascii_lowercase();
    if lower.contains("@import") {
        return Err("this SVG picture's style imports another file (@import)".into());
    }
    for (at, _) in lower.match_indices("url(") {
        let target = lower[at + 4..].trim_start().trim_start_matches(['"', '\'']);
        if !target.starts_with('#') {
            return Err(format!(
                "this SVG picture's style refers to something outside itself ({})",
                shorten(&css[at..])
            ));
        }
    }
    if lower.contains("expression(") || lower.contains("javascript:") {
        return Err("this SVG picture's style runs code".into());
    }
    Ok(())
}

fn shorten(text: &str) -> String {
    let short: String = text.chars().take(60).collect();
    if short.len() < text.len() {
        format!("{short}…")
    } else {
        short
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SVG: &str = r##"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 120 120"><defs><linearGradient id="g"/></defs><rect fill="url(#g)" width="10" height="10"/><use href="#g"/></svg>"##;

    fn png(width: u32, height: u32) -> Vec<u8> {
        let mut bytes = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR".to_vec();
        bytes.extend(width.to_be_bytes());
        bytes.extend(height.to_be_bytes());
        bytes.extend([8, 6, 0, 0, 0, 0, 0, 0, 0]);
        bytes
    }

    #[test]
    fn the_themes_own_pictures_pass() {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/themes/default/pictures");
        let mut seen = 0;
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            let bytes = std::fs::read(&path).unwrap();
            let extension = path.extension().unwrap().to_string_lossy().to_string();
            check_picture(&bytes, &extension).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
            seen += 1;
        }
        assert!(seen >= 40);
        check_svg(SVG.as_bytes()).unwrap();
    }

    #[test]
    fn svgs_that_run_code_or_reach_out_are_refused() {
        for (bad, why) in [
            (
                r#"<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>"#,
                "<script>",
            ),
            (
                r#"<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>"#,
                "onload",
            ),
            (
                r#"<svg xmlns="http://www.w3.org/2000/svg"><a onClick="x"/></svg>"#,
                "onClick",
            ),
            (
                r#"<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink"><image xlink:href="https://tracker.example/p.png"/></svg>"#,
                "outside",
            ),
            (
                r#"<svg xmlns="http://www.w3.org/2000/svg"><image href="../../secret.png"/></svg>"#,
                "outside",
            ),
            (
                r#"<svg xmlns="http://www.w3.org/2000/svg"><use href="other.svg#x"/></svg>"#,
                "outside",
            ),
            (
                r#"<svg xmlns="http://www.w3.org/2000/svg"><a href="javascript:alert(1)"><rect/></a></svg>"#,
                "outside",
            ),
            (
                r#"<svg xmlns="http://www.w3.org/2000/svg"><foreignObject><p>x</p></foreignObject></svg>"#,
                "foreignObject",
            ),
            (
                r#"<svg xmlns="http://www.w3.org/2000/svg"><style>@import url(https://x/y.css);</style></svg>"#,
                "@import",
            ),
            (
                r#"<svg xmlns="http://www.w3.org/2000/svg"><rect style="fill:url(https://x/p.svg#a)"/></svg>"#,
                "outside",
            ),
            (
                r#"<svg xmlns="http://www.w3.org/2000/svg"><image href="data:image/svg+xml;base64,PHN2Zz4="/></svg>"#,
                "outside",
            ),
            ("<svg", "well-formed"),
            ("<html><body/></html>", "no <svg>"),
        ] {
            let err = check_picture(bad.as_bytes(), "svg").unwrap_err();
            assert!(err.contains(why), "{bad}: {err}");
        }
    }

    #[test]
    fn bitmaps_are_what_their_names_say_and_of_a_size_a_build_can_hold() {
        check_picture(&png(800, 600), "png").unwrap();
        check_picture(&png(800, 600), "PNG").unwrap();
        let err = check_picture(&png(100_000, 100_000), "png").unwrap_err();
        assert!(err.contains("100000 × 100000 pixels"), "{err}");
        let err = check_picture(&png(10, 10), "jpg").unwrap_err();
        assert!(
            err.contains("is a PNG picture, but its name says JPEG"),
            "{err}"
        );
        let err = check_picture(b"hello, I am text", "png").unwrap_err();
        assert!(err.contains("not a picture"), "{err}");
        let err = check_picture(&png(10, 10), "svg").unwrap_err();
        assert!(err.contains("not an SVG picture"), "{err}");
        let err = check_picture(&vec![0; MAX_BYTES + 1], "png").unwrap_err();
        assert!(err.contains("at most 10 MB"), "{err}");
    }
}
