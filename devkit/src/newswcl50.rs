//! The NewsWCL50 articles in `tests/data/newswcl50` as stories of growing size: ten events,
//! each told by five US outlets (`eNN_L`, `_LL`, `_M`, `_R`, `_RR`), taken whole event after
//! event, so 5 sources is one event, 20 is four and 50 is all ten. Shared by the story and
//! frame benchmarks and the `story_scale` example.

use std::path::PathBuf;

/// The outlets of one event, in file-name order.
const OUTLETS: [&str; 5] = ["L", "LL", "M", "R", "RR"];

/// The files of the first `sources` NewsWCL50 articles (at most 50), event after event.
pub fn paths(sources: usize) -> Vec<PathBuf> {
    let root = crate::data("newswcl50");
    (0..10)
        .flat_map(|e| OUTLETS.map(|o| format!("e{e:02}_{o}.txt")))
        .take(sources)
        .map(|name| root.join(name))
        .collect()
}
