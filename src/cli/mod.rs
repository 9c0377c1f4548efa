//! The `clearnotice` binary's own modules: the command line (`args`) and what the
//! terminal shows (`report`).

pub(crate) mod args;
pub(crate) mod check;
pub(crate) mod readability;
pub(crate) mod report;
