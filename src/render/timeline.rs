//! Where each version of a notice stands on the build day: old, current or upcoming,
//! and the dates that follow from that. Computed once per notice, read by every page.

use serde::Serialize;

use crate::model::{Date, Notice, Version};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    /// Replaced by a later version that is now in effect.
    Old,
    /// The version in effect on the build day.
    Current,
    /// Published ahead of its effective date.
    Upcoming,
}

pub struct Timeline<'a> {
    pub notice: &'a Notice,
    /// Index of the current version, if any version is in effect yet.
    pub current: Option<usize>,
}

impl<'a> Timeline<'a> {
    pub fn new(notice: &'a Notice, today: Date) -> Self {
        Timeline {
            notice,
            current: notice.current_index(today),
        }
    }

    pub fn status(&self, index: usize) -> Status {
        match self.current {
            Some(current) if index < current => Status::Old,
            Some(current) if index == current => Status::Current,
            _ => Status::Upcoming,
        }
    }

    pub fn current_version(&self) -> Option<&'a Version> {
        self.current.map(|i| &self.notice.versions[i])
    }

    /// Versions published ahead of their date, soonest first.
    pub fn upcoming(&self) -> impl Iterator<Item = (usize, &'a Version)> + '_ {
        let from = self.current.map_or(0, |i| i + 1);
        self.notice.versions.iter().enumerate().skip(from)
    }

    /// The last day an old version was in effect: the day before the next one began.
    pub fn in_effect_until(&self, index: usize) -> Option<Date> {
        if self.status(index) != Status::Old {
            return None;
        }
        let next = &self.notice.versions[index + 1];
        next.effective.value.yesterday().ok()
    }
}
