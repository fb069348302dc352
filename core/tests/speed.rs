//! The speed guard (issue 17): the check's time on a few MB of real report text, as a ratio to
//! a plain pass over the same bytes in the same run (counting `万元` with a byte loop), must
//! not grow to twice the ratio stored in `tests/speed-ratio.txt`.
//!
//! A ratio, not a time: on a machine shared with other builds an absolute time flakes, while
//! the plain pass slows down with the check. Both are measured in the thread's CPU time (time
//! given to other processes does not count), the plain pass repeated to last about as long as
//! one check, in alternation, three times, and the fastest of each counts; a ratio over the
//! bound is measured once more before failing. The bound is twice the stored ratio: it catches a lost optimisation or a stage
//! that has become quadratic, not a few per cent.
//!
//! The ratio depends on the build: `cargo test` (debug, CI's `cargo test --workspace`) reads
//! the `debug` line, an optimised build (`cargo test --profile release-native -p gouji-core
//! --test speed`, also in `scripts/test`) the `release` line. The test prints the ratio it
//! measured; after a change that makes the check faster, lower the stored figure to it
//! (`GOUJI_SPEED_RATIO_PRINT=1` prints both the measured ratio and MB/s and never fails).

use gouji_core::{check, Options};
use std::time::Duration;

// The samples, shared with the benchmarks and the memory test.
#[path = "../benches/shapes/mod.rs"]
mod shapes;

const STORED: &str = include_str!("speed-ratio.txt");

/// Debug builds are about twenty times slower: a smaller text keeps the test under seconds.
const BYTES: usize = if cfg!(debug_assertions) {
    500_000
} else {
    4_000_000
};

const PROFILE: &str = if cfg!(debug_assertions) {
    "debug"
} else {
    "release"
};

/// The samples repeated up to about `n` bytes (whole samples: each starts a report).
fn text(n: usize) -> String {
    let mut t = String::with_capacity(n + 100_000);
    for (_, s) in shapes::SAMPLES.iter().cycle() {
        if t.len() >= n {
            break;
        }
        t.push_str(s);
        t.push('\n');
    }
    t
}

/// The plain pass: a byte loop counting `万元`, about as simple as reading the text gets.
fn plain_pass(text: &str) -> usize {
    let needle = "万元".as_bytes();
    let b = text.as_bytes();
    let mut n = 0;
    let mut i = 0;
    while i + needle.len() <= b.len() {
        if b[i] == needle[0] && &b[i..i + needle.len()] == needle {
            n += 1;
            i += needle.len();
        } else {
            i += 1;
        }
    }
    n
}

/// The CPU time this thread has used: time taken by other processes on the machine does not
/// count (a wall clock made the ratio triple while another build ran). Wall time elsewhere.
#[cfg(unix)]
fn now() -> Duration {
    let mut t = libc::timespec {
        tv_sec: 0,
        tv_nsec: 0,
    };
    // SAFETY: `t` is a valid timespec for the call to fill.
    unsafe { libc::clock_gettime(libc::CLOCK_THREAD_CPUTIME_ID, &mut t) };
    Duration::new(t.tv_sec as u64, t.tv_nsec as u32)
}

#[cfg(not(unix))]
fn now() -> Duration {
    use std::sync::OnceLock;
    static START: OnceLock<std::time::Instant> = OnceLock::new();
    START.get_or_init(std::time::Instant::now).elapsed()
}

fn timed<T>(f: impl FnOnce() -> T) -> Duration {
    let start = now();
    std::hint::black_box(f());
    now() - start
}

/// The fastest check and the fastest plain pass over `rounds` alternations. The plain pass is
/// timed as a block of `reps` passes, so that it runs about as long as one check and both are
/// exposed alike to what else the machine does (caches, frequency).
fn measure(text: &str, rounds: usize, reps: usize) -> (Duration, Duration) {
    let (mut check_t, mut plain_t) = (Duration::MAX, Duration::MAX);
    for _ in 0..rounds {
        let block = timed(|| {
            (0..reps)
                .map(|_| plain_pass(std::hint::black_box(text)))
                .sum::<usize>()
        });
        plain_t = plain_t.min(block / reps as u32);
        check_t = check_t.min(timed(|| {
            check(std::hint::black_box(text), &Options::default())
        }));
    }
    (check_t, plain_t)
}

fn stored_ratio() -> f64 {
    STORED
        .lines()
        .filter(|l| !l.trim_start().starts_with('#'))
        .find_map(|l| {
            let (profile, ratio) = l.split_once(char::is_whitespace)?;
            (profile == PROFILE).then(|| ratio.trim().parse().ok())?
        })
        .unwrap_or_else(|| panic!("no `{PROFILE}` ratio in tests/speed-ratio.txt"))
}

#[test]
fn check_stays_within_twice_the_stored_ratio_to_a_plain_pass() {
    let text = text(BYTES);
    let mb = text.len() as f64 / 1e6;
    let stored = stored_ratio();
    // Warm up: page faults and the allocator's first growth are not the check's cost.
    let first = timed(|| check(&text, &Options::default()));
    let one = timed(|| plain_pass(&text)).max(Duration::from_micros(1));
    let reps = (first.as_secs_f64() / one.as_secs_f64()).clamp(1.0, 1000.0) as usize;
    let mut ratio = f64::MAX;
    for attempt in 0..2 {
        let (c, p) = measure(&text, 3, reps);
        ratio = ratio.min(c.as_secs_f64() / p.as_secs_f64().max(1e-9));
        eprintln!(
            "speed ({PROFILE}, attempt {}): check {:.1} ms ({:.1} MB/s), plain pass {:.2} ms, \
             ratio {:.1} (stored {stored}, bound {})",
            attempt + 1,
            c.as_secs_f64() * 1e3,
            mb / c.as_secs_f64(),
            p.as_secs_f64() * 1e3,
            ratio,
            2.0 * stored
        );
        if ratio <= 2.0 * stored || std::env::var_os("GOUJI_SPEED_RATIO_PRINT").is_some() {
            return;
        }
    }
    panic!(
        "the check takes {ratio:.1} times a plain pass over the same {mb:.1} MB, more than twice \
         the stored {stored} ({PROFILE} build): something became much slower"
    );
}

#[test]
fn the_plain_pass_counts() {
    assert_eq!(plain_pass("收入100万元，支出50万元；万"), 2);
}
