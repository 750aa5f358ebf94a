//! The simulator's typed indexes and keys: [`TierIx`] (tiers ordered from the most
//! severe), [`PersonIx`], and [`Timeline`] with its container [`PerTimeline`].

use std::ops::{Index, IndexMut};

/// A tier's place in the simulator's order: 0 is the most severe, and escalating moves
/// towards it. Indexes any `Vec` kept in that order (such as [`SimModel::tiers`]).
///
/// [`SimModel::tiers`]: super::SimModel::tiers
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct TierIx(pub(crate) usize);

impl TierIx {
    /// The most severe tier.
    pub const MOST_SEVERE: TierIx = TierIx(0);

    /// The position in the order, for arrays kept in it.
    #[inline]
    pub fn index(self) -> usize {
        self.0
    }

    /// Whether this tier is more severe than `other`.
    #[inline]
    pub fn more_severe_than(self, other: TierIx) -> bool {
        self.0 < other.0
    }

    /// The more severe of the two.
    #[inline]
    pub fn most_severe(self, other: TierIx) -> TierIx {
        self.min(other)
    }

    /// The tier one step more severe, where escalation goes; `None` from the most severe.
    #[inline]
    pub fn next_more_severe(self) -> Option<TierIx> {
        self.0.checked_sub(1).map(TierIx)
    }

    /// The tier one step less severe, where a demotion goes; `None` from the least
    /// severe of `tiers` tiers.
    #[inline]
    pub fn next_less_severe(self, tiers: usize) -> Option<TierIx> {
        (self.0 + 1 < tiers).then_some(TierIx(self.0 + 1))
    }

    /// Every tier of `tiers`, the most severe first.
    pub fn all(tiers: usize) -> impl DoubleEndedIterator<Item = TierIx> {
        (0..tiers).map(TierIx)
    }
}

/// A person's place in [`SimModel::people`] (document order). Indexes any `Vec` kept
/// in that order.
///
/// [`SimModel::people`]: super::SimModel::people
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct PersonIx(pub(crate) usize);

impl PersonIx {
    /// The position in document order.
    #[inline]
    pub fn index(self) -> usize {
        self.0
    }

    /// Every person of `people`, in document order.
    pub fn all(people: usize) -> impl Iterator<Item = PersonIx> {
        (0..people).map(PersonIx)
    }
}

macro_rules! index_vec {
    ($ix:ty) => {
        impl<T> Index<$ix> for Vec<T> {
            type Output = T;
            #[inline]
            fn index(&self, i: $ix) -> &T {
                &self[i.0]
            }
        }
        impl<T> IndexMut<$ix> for Vec<T> {
            #[inline]
            fn index_mut(&mut self, i: $ix) -> &mut T {
                &mut self[i.0]
            }
        }
    };
}
index_vec!(TierIx);
index_vec!(PersonIx);

/// The timelines a tier can breach, in the order of the format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Timeline {
    /// From the policy's start to an acknowledgement of one of its pages.
    Acknowledge,
    /// From detection to containment.
    Contain,
    /// From detection to resolution.
    Resolve,
    /// From detection to the first status update.
    FirstUpdate,
}

impl Timeline {
    /// All of them.
    pub const ALL: [Timeline; 4] = [
        Timeline::Acknowledge,
        Timeline::Contain,
        Timeline::Resolve,
        Timeline::FirstUpdate,
    ];

    /// The name used in JSON and in the format.
    #[inline]
    pub fn as_str(self) -> &'static str {
        match self {
            Timeline::Acknowledge => "acknowledge",
            Timeline::Contain => "contain",
            Timeline::Resolve => "resolve",
            Timeline::FirstUpdate => "first_update",
        }
    }

    /// The name of the figure measuring it, as summaries key it: `time_to_acknowledge`.
    #[inline]
    pub fn figure_name(self) -> &'static str {
        match self {
            Timeline::Acknowledge => "time_to_acknowledge",
            Timeline::Contain => "time_to_contain",
            Timeline::Resolve => "time_to_resolve",
            Timeline::FirstUpdate => "time_to_first_update",
        }
    }
}

/// One `T` per [`Timeline`], indexed by it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Hash)]
pub struct PerTimeline<T>([T; 4]);

impl<T> PerTimeline<T> {
    /// Each timeline's value from `f`.
    #[inline]
    pub fn from_fn(mut f: impl FnMut(Timeline) -> T) -> Self {
        PerTimeline(Timeline::ALL.map(&mut f))
    }

    /// `(timeline, value)` pairs in the order of the format.
    #[inline]
    pub fn iter(&self) -> impl Iterator<Item = (Timeline, &T)> {
        Timeline::ALL.into_iter().zip(&self.0)
    }
}

impl<T> Index<Timeline> for PerTimeline<T> {
    type Output = T;
    #[inline]
    fn index(&self, tl: Timeline) -> &T {
        &self.0[tl as usize]
    }
}

impl<T> IndexMut<Timeline> for PerTimeline<T> {
    #[inline]
    fn index_mut(&mut self, tl: Timeline) -> &mut T {
        &mut self.0[tl as usize]
    }
}
