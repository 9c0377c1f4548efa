//! The hot inner steps of a build, so a change's effect on each is visible:
//! Markdown → HTML, rendering a notice's pages (templates), minifying a page (whole, and
//! around its text as the build does), and rendering a notice's pages minified.
//!
//!   cargo bench --bench steps

use criterion::{criterion_group, criterion_main, Criterion};
use std::hint::black_box;

use clearnotice::diagnostics::Problem;
use clearnotice::render::markdown::render_markdown;
use clearnotice::render::minify::{minify_fragment, minify_page, minify_page_around};
use clearnotice::render::{RenderOptions, Renderer};

fn real_site() -> (clearnotice::model::Site, clearnotice::theme::Theme) {
    let mut problems: Vec<Problem> = Vec::new();
    clearnotice::load::load_site(
        &clearnotice::load::source::Disk,
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")),
        &mut problems,
    )
    .expect("the bundled site loads")
}

fn steps(c: &mut Criterion) {
    let (site, theme) = real_site();
    let general = site
        .notices
        .iter()
        .find(|n| n.slug == "general")
        .expect("the general notice");
    let markdown = general.versions[0].body.clone();
    c.bench_function("markdown: the general notice to HTML", |b| {
        b.iter(|| render_markdown(black_box(&markdown)))
    });

    let options = RenderOptions {
        today: clearnotice::model::Date::new(2026, 11, 24).unwrap(),
        minify: false,
    };
    let renderer = Renderer::new(&site, &theme, &options).unwrap_or_else(|p| panic!("{p:?}"));
    c.bench_function("templates: every page of the general notice", |b| {
        b.iter(|| renderer.render_notice(black_box(general)))
    });

    let page = renderer
        .render_notice(general)
        .files
        .into_iter()
        .find(|f| f.path == "general/index.html")
        .expect("the page");
    let html = String::from_utf8(page.bytes).unwrap();
    c.bench_function("minify: the general notice's page", |b| {
        b.iter(|| minify_page(black_box(&html)))
    });
    // What a build does for the page: its text is minified once per version (shared by
    // up to four pages), so only the rest of the page is minified per page.
    let text = render_markdown(&markdown).html;
    let minified_text = minify_fragment(&text);
    c.bench_function(
        "minify: the same page around its already minified text",
        |b| b.iter(|| minify_page_around(black_box(&html), &text, &minified_text)),
    );

    let minifying = Renderer::new(
        &site,
        &theme,
        &RenderOptions {
            minify: true,
            ..options.clone()
        },
    )
    .unwrap_or_else(|p| panic!("{p:?}"));
    c.bench_function(
        "templates and minify: every page of the general notice",
        |b| b.iter(|| minifying.render_notice(black_box(general))),
    );
}

criterion_group!(benches, steps);
criterion_main!(benches);
