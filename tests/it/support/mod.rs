//! Helpers only the integration tests use.

pub mod alignment_score;
pub mod check;
pub mod hostile;
