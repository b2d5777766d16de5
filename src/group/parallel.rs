//! Parallel maps over indices on rayon's pool, each worker with state of its own (scratch
//! buffers, a vocabulary) kept from item to item.

use rayon::prelude::*;

/// Map `f` over `0..n` on all cores, each worker with its own `init()` state; results in order.
pub fn map<S: Send, R: Send>(
    n: usize,
    init: impl Fn() -> S + Sync + Send,
    f: impl Fn(&mut S, usize) -> R + Sync + Send,
) -> Vec<R> {
    (0..n).into_par_iter().map_init(init, f).collect()
}

/// [`map`] that also says which worker produced each result, and hands back the workers'
/// final states (indexed by worker). A worker is one of rayon's folds: a run of consecutive
/// indices mapped with one state.
pub fn map_with<S: Send, R: Send>(
    n: usize,
    init: impl Fn() -> S + Sync + Send,
    f: impl Fn(&mut S, usize) -> R + Sync + Send,
) -> (Vec<(usize, R)>, Vec<S>) {
    let folds: Vec<(S, Vec<R>)> = (0..n)
        .into_par_iter()
        .fold(
            || (init(), Vec::new()),
            |(mut state, mut done), i| {
                done.push(f(&mut state, i));
                (state, done)
            },
        )
        .collect();
    let mut states = Vec::with_capacity(folds.len());
    let mut out = Vec::with_capacity(n);
    for (worker, (state, done)) in folds.into_iter().enumerate() {
        states.push(state);
        out.extend(done.into_iter().map(|r| (worker, r)));
    }
    (out, states)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn map_keeps_order_and_reports_workers() {
        let v = map(
            1000,
            || 0usize,
            |calls, i| {
                *calls += 1;
                i * 2
            },
        );
        assert_eq!(v, (0..1000).map(|i| i * 2).collect::<Vec<_>>());
        let (tagged, states) = map_with(1000, || 0usize, |calls, _| *calls += 1);
        assert_eq!(states.iter().sum::<usize>(), 1000);
        assert!(tagged.iter().all(|&(w, ())| w < states.len()));
    }
}
