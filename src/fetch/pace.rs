//! Politeness in time: at most one request per host per interval, and a queue of work that
//! hands a free worker the address whose host is ready soonest.

use std::collections::{HashMap, VecDeque};
use std::sync::{Condvar, Mutex, MutexGuard, PoisonError};
use std::time::{Duration, Instant};

/// When each host may next be asked.
#[derive(Debug)]
pub(crate) struct Pacer {
    interval: Duration,
    next: Mutex<HashMap<String, Instant>>,
    /// Hosts that ask for a longer interval (robots.txt `Crawl-delay`).
    slower: Mutex<HashMap<String, Duration>>,
}

/// The longest `Crawl-delay` honoured: a site asking for more still gets one request per
/// this long, so that a few pages do not take hours.
const MOST_DELAY: Duration = Duration::from_secs(30);

impl Pacer {
    pub(crate) fn new(interval: Duration) -> Self {
        Self {
            interval,
            next: Mutex::new(HashMap::new()),
            slower: Mutex::new(HashMap::new()),
        }
    }

    /// Keep at least `secs` between two requests to the host (at most [`MOST_DELAY`]).
    pub(crate) fn at_least(&self, host: &str, secs: f32) {
        let d = Duration::try_from_secs_f32(secs)
            .unwrap_or(MOST_DELAY)
            .min(MOST_DELAY);
        if d > self.interval {
            lock(&self.slower).insert(host.to_string(), d);
        }
    }

    /// Reserve the host's next slot at or after `now` and return it; the slot after it is
    /// one interval later.
    pub(crate) fn reserve(&self, host: &str, now: Instant) -> Instant {
        let interval = lock(&self.slower)
            .get(host)
            .copied()
            .unwrap_or(self.interval);
        let mut next = lock(&self.next);
        let slot = next.get(host).map_or(now, |&t| t.max(now));
        next.insert(host.to_string(), slot + interval);
        slot
    }

    /// Wait for the host's next slot.
    pub(crate) fn wait(&self, host: &str) {
        let now = Instant::now();
        let slot = self.reserve(host, now);
        if slot > now {
            std::thread::sleep(slot - now);
        }
    }

    /// When the host's next slot opens (now or earlier when it is free).
    fn ready_at(&self, host: &str) -> Option<Instant> {
        lock(&self.next).get(host).copied()
    }
}

/// Work shared by the workers: jobs waiting, and how many are being worked on (a job may add
/// more, as a feed adds its items).
pub(crate) struct Queue<'p, J> {
    state: Mutex<QueueState<J>>,
    changed: Condvar,
    pacer: &'p Pacer,
}

struct QueueState<J> {
    waiting: VecDeque<(String, J)>,
    active: usize,
}

impl<'p, J> Queue<'p, J> {
    pub(crate) fn new(pacer: &'p Pacer) -> Self {
        Self {
            state: Mutex::new(QueueState {
                waiting: VecDeque::new(),
                active: 0,
            }),
            changed: Condvar::new(),
            pacer,
        }
    }

    /// Add jobs, each with the host it will ask.
    pub(crate) fn push(&self, jobs: impl IntoIterator<Item = (String, J)>) {
        lock(&self.state).waiting.extend(jobs);
        self.changed.notify_all();
    }

    /// The next job for a worker, or `None` when all work is done. Prefers, in order, the
    /// first job whose host is free now; else waits until one is (or new work arrives).
    pub(crate) fn next(&self) -> Option<J> {
        let mut state = lock(&self.state);
        loop {
            if state.waiting.is_empty() {
                if state.active == 0 {
                    return None;
                }
                state = self
                    .changed
                    .wait(state)
                    .unwrap_or_else(PoisonError::into_inner);
                continue;
            }
            let now = Instant::now();
            let mut soonest: Option<(usize, Instant)> = None;
            for (i, (host, _)) in state.waiting.iter().enumerate() {
                let at = self.pacer.ready_at(host).unwrap_or(now).max(now);
                if soonest.is_none_or(|(_, best)| at < best) {
                    soonest = Some((i, at));
                }
                if at == now {
                    break;
                }
            }
            let Some((i, at)) = soonest else { continue };
            // Another worker already waits on this host's next slot: wait for a free host
            // rather than queue up behind it, unless nothing else can be done.
            if at > now && state.active > 0 {
                let (s, _) = self
                    .changed
                    .wait_timeout(state, at - now)
                    .unwrap_or_else(PoisonError::into_inner);
                state = s;
                continue;
            }
            let (_, job) = state.waiting.remove(i)?;
            state.active += 1;
            return Some(job);
        }
    }

    /// A worker finished a job.
    pub(crate) fn done(&self) {
        let mut state = lock(&self.state);
        state.active = state.active.saturating_sub(1);
        drop(state);
        self.changed.notify_all();
    }
}

/// A poisoned lock only means another worker panicked; the data is still consistent.
pub(crate) fn lock<T>(m: &Mutex<T>) -> MutexGuard<'_, T> {
    m.lock().unwrap_or_else(PoisonError::into_inner)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_host_gets_one_slot_per_interval_others_are_free() {
        let p = Pacer::new(Duration::from_secs(1));
        let t0 = Instant::now();
        assert_eq!(p.reserve("a.example", t0), t0);
        assert_eq!(p.reserve("a.example", t0), t0 + Duration::from_secs(1));
        assert_eq!(p.reserve("a.example", t0), t0 + Duration::from_secs(2));
        assert_eq!(
            p.reserve("b.example", t0),
            t0,
            "another host is not held up"
        );
        // Asked again long after, a host is free at once.
        let later = t0 + Duration::from_secs(10);
        assert_eq!(p.reserve("a.example", later), later);
        // A crawl delay slows its host only, and is capped.
        p.at_least("b.example", 5.0);
        p.at_least("c.example", 86400.0);
        let t1 = t0 + Duration::from_secs(100);
        assert_eq!(p.reserve("b.example", t1), t1);
        assert_eq!(p.reserve("b.example", t1), t1 + Duration::from_secs(5));
        assert_eq!(p.reserve("c.example", t1), t1);
        assert_eq!(p.reserve("c.example", t1), t1 + MOST_DELAY);
        assert_eq!(
            p.reserve("a.example", later),
            later + Duration::from_secs(1)
        );
    }

    #[test]
    fn the_queue_prefers_a_free_host_and_ends_when_work_is_done() {
        let p = Pacer::new(Duration::from_secs(60));
        let q: Queue<'_, u32> = Queue::new(&p);
        q.push([
            ("a".to_string(), 1),
            ("a".to_string(), 2),
            ("b".to_string(), 3),
        ]);
        let first = q.next();
        assert_eq!(first, Some(1));
        p.reserve("a", Instant::now());
        // Host a is busy for a minute: host b's job comes first.
        assert_eq!(q.next(), Some(3));
        q.done();
        q.done();
        // Nothing else to do: job 2 is handed out, its worker then waits for host a.
        let mut rest = Vec::new();
        while let Some(j) = q.next() {
            rest.push(j);
            q.done();
        }
        assert_eq!(rest, [2]);
    }
}
