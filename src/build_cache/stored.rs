//! What the build cache keeps of one notice, in a form serde can write: the problems
//! each step found, what the site-wide pages need of it, and the files it wrote.
//! A problem keeps the name of the file it points into and a hash of that file's
//! text, not the text: the text is found again, and checked, when the notice is reused.

use std::collections::BTreeMap;
use std::ops::Range;
use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;

use serde::{Deserialize, Serialize};

use crate::diagnostics::{Code, Problem, Severity, SourceFile};
use crate::model::{Date, Notice};
use crate::render::titles::NoticeTitles;
use crate::render::{NoticeOutput, SiteWideEntry};

/// Everything the cache keeps of one notice from one run.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct StoredNotice {
    pub slug: String,
    /// The hash of everything in the notice's folder (see [`super::inputs`]).
    pub fingerprint: u128,
    /// Its folder's stamps when they had settled: while they stay the same, the
    /// folder is not read again to be hashed.
    pub stamps: Option<super::inputs::FolderStamps>,
    pub dates: DateMarks,
    pub titles: NoticeTitles,
    pub load: Vec<StoredProblem>,
    pub check: Vec<StoredProblem>,
    pub missing: Vec<StoredProblem>,
    pub output: StoredOutput,
    /// Every file the notice made, by its path in the site.
    pub paths: Vec<String>,
    /// The keys of its handouts in the handout cache.
    pub handouts: Vec<u128>,
}

/// The dates on which what a notice shows depends: which versions are in effect,
/// how far off each unannounced major change is (see `check::announcements`), and
/// how far off each version's review is (see `check::review`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DateMarks {
    pub effective: Vec<Date>,
    pub unannounced: Vec<Date>,
    pub reviews: Vec<Date>,
}

impl DateMarks {
    pub fn of(notice: &Notice, config: &crate::model::SiteConfig) -> DateMarks {
        DateMarks {
            effective: notice.versions.iter().map(|v| v.effective.value).collect(),
            unannounced: crate::check::announcements::unannounced(notice).collect(),
            reviews: crate::check::review::review_dates(notice, config),
        }
    }

    /// Whether the notice comes out the same on `then` and `now`: the same versions
    /// in effect, and every unannounced major change as far off in the warnings' terms.
    pub fn same_on(&self, then: Date, now: Date) -> bool {
        use crate::check::announcements::due;
        self.effective.iter().all(|e| (*e <= then) == (*e <= now))
            && self
                .unannounced
                .iter()
                .all(|e| due(*e, then) == due(*e, now))
            && self
                .reviews
                .iter()
                .all(|r| crate::check::review::due(*r, then) == crate::check::review::due(*r, now))
    }
}

/// What the site-wide pages need of a notice (see [`NoticeOutput`]), without its files.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct StoredOutput {
    pub languages: Vec<Option<SiteWideEntry>>,
    /// Easy-read pictures used, by output path: the hash of their bytes, which the
    /// cache keeps once however many notices use them.
    pub pictures: Vec<(String, u128)>,
    pub warnings: Vec<StoredProblem>,
    pub elapsed_us: u64,
}

impl StoredOutput {
    pub fn of(output: &NoticeOutput, blobs: &mut BTreeMap<u128, Vec<u8>>) -> StoredOutput {
        let pictures = output
            .pictures
            .iter()
            .map(|(path, bytes)| {
                let hash = crate::write::manifest::hash(bytes);
                blobs.entry(hash).or_insert_with(|| bytes.clone());
                (path.clone(), hash)
            })
            .collect();
        StoredOutput {
            languages: output.languages.clone(),
            pictures,
            warnings: output.warnings.iter().map(StoredProblem::of).collect(),
            elapsed_us: output.elapsed.as_micros() as u64,
        }
    }

    /// The output again, or `None` if a picture or a problem's text is not at hand.
    pub fn restore(
        &self,
        slug: &str,
        blobs: &BTreeMap<u128, Vec<u8>>,
        texts: &dyn Fn(&PathBuf, u128) -> Option<SourceFile>,
    ) -> Option<NoticeOutput> {
        let mut pictures = BTreeMap::new();
        for (path, hash) in &self.pictures {
            pictures.insert(path.clone(), blobs.get(hash)?.clone());
        }
        Some(NoticeOutput {
            slug: slug.to_string(),
            files: Vec::new(),
            waiting: Vec::new(),
            pictures,
            languages: self.languages.clone(),
            warnings: restore_all(&self.warnings, texts)?,
            errors: Vec::new(),
            elapsed: Duration::from_micros(self.elapsed_us),
        })
    }
}

/// A [`Problem`] as the cache keeps it.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct StoredProblem {
    code: Code,
    severity: Severity,
    message: String,
    file: PathBuf,
    line: Option<usize>,
    column: Option<usize>,
    help: Option<String>,
    label: Option<String>,
    details: Vec<String>,
    /// The file whose text it points into, the hash of that text, and where.
    source: Option<(PathBuf, u128, Range<usize>)>,
}

impl StoredProblem {
    pub fn of(problem: &Problem) -> StoredProblem {
        StoredProblem {
            code: problem.code,
            severity: problem.severity,
            message: problem.message.clone(),
            file: problem.file.clone(),
            line: problem.line,
            column: problem.column,
            help: problem.help.clone(),
            label: problem.label.clone(),
            details: problem.details.clone(),
            source: problem
                .source()
                .map(|(file, span)| (file.path.clone(), text_hash(&file.text), span.clone())),
        }
    }

    /// The problem again, its text found by `texts` (by path and hash).
    fn restore(&self, texts: &dyn Fn(&PathBuf, u128) -> Option<SourceFile>) -> Option<Problem> {
        let mut problem = Problem::in_file(self.code, self.file.clone(), self.message.clone());
        problem.severity = self.severity;
        problem.line = self.line;
        problem.column = self.column;
        problem.help = self.help.clone();
        problem.label = self.label.clone();
        problem.details = self.details.clone();
        match &self.source {
            None => Some(problem),
            Some((path, hash, span)) => {
                Some(problem.with_source(texts(path, *hash)?, span.clone()))
            }
        }
    }
}

/// Every problem again, or `None` if the text of one is not at hand.
pub(crate) fn restore_all(
    stored: &[StoredProblem],
    texts: &dyn Fn(&PathBuf, u128) -> Option<SourceFile>,
) -> Option<Vec<Problem>> {
    stored.iter().map(|p| p.restore(texts)).collect()
}

pub(crate) fn store_all(problems: &[Problem]) -> Vec<StoredProblem> {
    problems.iter().map(StoredProblem::of).collect()
}

pub(crate) fn text_hash(text: &Arc<str>) -> u128 {
    crate::write::manifest::hash(text.as_bytes())
}
