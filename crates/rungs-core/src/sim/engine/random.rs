//! The run's one seeded generator and the draws made from it.

use rand_chacha::ChaCha8Rng;
use rand_core::{RngCore, SeedableRng};

use super::super::model::Delay;
use crate::Duration;

/// The longest delay a draw gives (about 31,700 years).
const LONGEST_DRAW: Duration = Duration::from_millis(1_000_000_000_000_000);

/// ChaCha8 seeded per run: the same stream on every platform.
#[derive(Debug, Clone)]
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
    /// gives the same number natively and in wasm).
    #[inline]
    fn normal(&mut self) -> f64 {
        let u1 = 1.0 - self.uniform(); // (0, 1]
        let u2 = self.uniform();
        libm::sqrt(-2.0 * libm::log(u1)) * libm::cos(2.0 * std::f64::consts::PI * u2)
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
