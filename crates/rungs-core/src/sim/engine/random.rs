//! The run's one seeded generator and the draws made from it.

use chacha20::rand_core::{Rng, SeedableRng};
use chacha20::ChaCha8Rng;

use super::super::model::Delay;
use crate::Duration;

/// The longest delay a draw gives (about 31,700 years).
const LONGEST_DRAW: Duration = Duration::from_millis(1_000_000_000_000_000);

/// ChaCha8 seeded per run: the same stream on every platform.
#[derive(Debug)]
pub(super) struct Random(ChaCha8Rng);

impl Random {
    #[inline]
    pub(super) fn new(seed: u64) -> Self {
        Random(ChaCha8Rng::seed_from_u64(seed))
    }

    /// A uniform draw from [0, 1).
    #[inline]
    pub(super) fn uniform(&mut self) -> f64 {
        (self.0.next_u64() >> 11) as f64 * (1.0 / (1u64 << 53) as f64)
    }

    /// A standard normal draw (Box-Muller with portable libm functions, so the same seed
    /// gives the same number natively and in wasm). The square root is the machine's
    /// instruction: IEEE 754 rounds it exactly, so it is the same everywhere too, and in
    /// wasm libm's would be a software square root (libm uses the instruction only on
    /// nightly there).
    #[inline]
    fn normal(&mut self) -> f64 {
        let u1 = 1.0 - self.uniform(); // (0, 1]
        let u2 = self.uniform();
        (-2.0 * libm::log(u1)).sqrt() * libm::cos(2.0 * std::f64::consts::PI * u2)
    }

    /// A delay drawn from `d`, in whole milliseconds.
    #[inline]
    pub(super) fn draw(&mut self, d: Delay) -> Duration {
        match d {
            Delay::Fixed(d) => d,
            Delay::LogNormal { mu, sigma } => {
                let z = self.normal();
                let ms = libm::round(libm::exp(mu + sigma * z));
                if ms.is_finite() && ms < 1e15 {
                    Duration::from_millis(ms as u64)
                } else {
                    LONGEST_DRAW
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The stream is part of the format's contract (docs/simulation.md): these are the
    /// words `rand_chacha` 0.9's `ChaCha8Rng::seed_from_u64(42)` gave, with which the
    /// golden files were made, across a word boundary and past its 64-word buffer.
    #[test]
    fn the_stream_is_rand_chachas() {
        let mut r = Random::new(42);
        let first: Vec<u64> = (0..3).map(|_| r.0.next_u64()).collect();
        assert_eq!(
            first,
            [
                12578764544318200737,
                17529487244874322312,
                7886285670807131020
            ]
        );
        assert_eq!(r.0.next_u32(), 1477863250);
        let later = (0..40).map(|_| r.0.next_u64()).last();
        assert_eq!(later, Some(5341663663874138856));
    }
}
