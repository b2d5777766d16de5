//! A small parallel map over indices, on all cores, without a thread-pool dependency.
//!
//! Workers take chunks of indices from a shared counter, so uneven items balance out; each
//! keeps its own state (scratch buffers, a vocabulary) from item to item.

use std::sync::atomic::{AtomicUsize, Ordering};

/// Results of consecutive indices from `start`: `(start, results)`.
type Chunks<R> = Vec<(usize, Vec<R>)>;

/// Map `f` over `0..n` on all cores, each worker with its own `init()` state; results in order.
pub fn map<S: Send, R: Send>(
    n: usize,
    init: impl Fn() -> S + Sync,
    f: impl Fn(&mut S, usize) -> R + Sync,
) -> Vec<R> {
    map_with(n, init, f).0.into_iter().map(|(_, r)| r).collect()
}

/// [`map`] that also says which worker produced each result, and hands back the workers'
/// final states (indexed by worker).
pub fn map_with<S: Send, R: Send>(
    n: usize,
    init: impl Fn() -> S + Sync,
    f: impl Fn(&mut S, usize) -> R + Sync,
) -> (Vec<(usize, R)>, Vec<S>) {
    const CHUNK: usize = 16;
    let threads = std::thread::available_parallelism().map_or(1, |t| t.get());
    if threads == 1 || n <= CHUNK {
        let mut state = init();
        let out = (0..n).map(|i| (0, f(&mut state, i))).collect();
        return (out, vec![state]);
    }
    let next = AtomicUsize::new(0);
    let (next, init, f) = (&next, &init, &f);
    let finished: Vec<(S, Chunks<R>)> = std::thread::scope(|scope| {
        let workers: Vec<_> = (0..threads)
            .map(|_| {
                scope.spawn(move || {
                    let mut state = init();
                    let mut done = Vec::new();
                    loop {
                        let start = next.fetch_add(CHUNK, Ordering::Relaxed);
                        if start >= n {
                            break;
                        }
                        let end = (start + CHUNK).min(n);
                        done.push((start, (start..end).map(|i| f(&mut state, i)).collect()));
                    }
                    (state, done)
                })
            })
            .collect();
        workers
            .into_iter()
            .map(|w| w.join().unwrap_or_else(|e| std::panic::resume_unwind(e)))
            .collect()
    });
    let mut states = Vec::with_capacity(finished.len());
    let mut chunks = Vec::new();
    for (worker, (state, done)) in finished.into_iter().enumerate() {
        states.push(state);
        chunks.extend(done.into_iter().map(|(start, r)| (start, worker, r)));
    }
    chunks.sort_unstable_by_key(|&(start, _, _)| start);
    let out = chunks
        .into_iter()
        .flat_map(|(_, worker, r)| r.into_iter().map(move |x| (worker, x)))
        .collect();
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
