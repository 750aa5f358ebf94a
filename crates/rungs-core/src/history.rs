//! Undo and redo for the designer: a current value with bounded stacks of the values
//! before and after it. The stacks are bounded by a number of steps and, for values of
//! any size, by their weight (the designer weighs a ladder by its JSON text's length),
//! so a large ladder keeps fewer steps instead of exhausting memory.

use std::collections::VecDeque;

/// A value with its undo and redo history.
///
/// ```
/// use rungs_core::history::History;
/// let mut h = History::new(1, 10);
/// h.record(2);
/// h.record(3);
/// assert_eq!(h.undo(), Some(&2));
/// assert_eq!(h.redo(), Some(&3));
/// assert!(!h.can_redo());
/// ```
#[derive(Debug, Clone)]
pub struct History<T> {
    current: T,
    /// The weight of `current`, as last told by [`History::set_weight`].
    weight: usize,
    /// Older values with their weights, the most recent last.
    undo: VecDeque<(T, usize)>,
    /// Values undone with their weights, the next to redo last.
    redo: Vec<(T, usize)>,
    limit: usize,
    /// The most the values in `undo` and `redo` may weigh together.
    max_weight: usize,
    /// What they weigh now.
    held: usize,
}

impl<T: Clone + PartialEq> History<T> {
    /// Starts with `current` and no history, keeping at most `limit` steps to undo
    /// (0 keeps none).
    pub fn new(current: T, limit: usize) -> Self {
        History {
            current,
            weight: 0,
            undo: VecDeque::new(),
            redo: Vec::new(),
            limit,
            max_weight: usize::MAX,
            held: 0,
        }
    }

    /// Also bounds the history by weight: the values kept for undo and redo weigh at
    /// most `max_weight` together (the oldest are dropped first). Values weigh what
    /// [`History::set_weight`] said of them while they were current (0 if nothing).
    ///
    /// ```
    /// use rungs_core::history::History;
    /// let mut h = History::new("a", 100).with_max_weight(10);
    /// for next in ["b", "c", "d"] {
    ///     h.set_weight(4); // the current value weighs 4
    ///     h.record(next);
    /// }
    /// // a, b and c weigh 12 together: a was dropped
    /// assert_eq!(h.undo(), Some(&"c"));
    /// assert_eq!(h.undo(), Some(&"b"));
    /// assert_eq!(h.undo(), None);
    /// ```
    pub fn with_max_weight(mut self, max_weight: usize) -> Self {
        self.max_weight = max_weight;
        self.trim();
        self
    }

    /// Tells what the current value weighs (for a ladder, its JSON's length).
    pub fn set_weight(&mut self, weight: usize) {
        self.weight = weight;
    }

    /// What the values kept for undo and redo weigh together.
    pub fn held_weight(&self) -> usize {
        self.held
    }

    /// How many steps undo can go back.
    pub fn undo_steps(&self) -> usize {
        self.undo.len()
    }

    /// Drops the oldest steps to undo until the count and the weight are within bounds.
    fn trim(&mut self) {
        while self.undo.len() > self.limit || (self.held > self.max_weight && !self.undo.is_empty())
        {
            if let Some((_, w)) = self.undo.pop_front() {
                self.held -= w;
            }
        }
    }

    fn clear_redo(&mut self) {
        self.held -= self.redo.iter().map(|(_, w)| w).sum::<usize>();
        self.redo.clear();
    }

    /// The current value.
    pub fn current(&self) -> &T {
        &self.current
    }

    /// Makes `next` current, remembering the old one for undo and clearing redo; no-op
    /// (returns false) if next == current. Drops the oldest entries beyond `limit`.
    pub fn record(&mut self, next: T) -> bool {
        if next == self.current {
            return false;
        }
        let old = std::mem::replace(&mut self.current, next);
        self.undo.push_back((old, self.weight));
        self.held += self.weight;
        self.clear_redo();
        self.trim();
        true
    }

    /// Makes `next` current as part of the step just recorded (a run of typing in one
    /// field is one step of undo): undo still goes back to the value before that step;
    /// redo is cleared. With nothing recorded yet it records. Returns false if
    /// next == current.
    ///
    /// ```
    /// use rungs_core::history::History;
    /// let mut h = History::new("", 10);
    /// h.record("a");
    /// h.amend("ab");
    /// h.amend("abc");
    /// assert_eq!(h.undo(), Some(&""));
    /// assert_eq!(h.redo(), Some(&"abc"));
    /// ```
    pub fn amend(&mut self, next: T) -> bool {
        if next == self.current {
            return false;
        }
        if self.undo.is_empty() {
            return self.record(next);
        }
        self.current = next;
        self.clear_redo();
        true
    }

    /// Replaces current without recording (e.g. a fresh document): clears undo and redo.
    pub fn reset(&mut self, current: T) {
        self.current = current;
        self.weight = 0;
        self.undo.clear();
        self.redo.clear();
        self.held = 0;
    }

    /// Goes back one step; returns the new current value, or `None` (changing nothing)
    /// when there is nothing to undo.
    pub fn undo(&mut self) -> Option<&T> {
        let (prev, w) = self.undo.pop_back()?;
        let now = std::mem::replace(&mut self.current, prev);
        self.held = self.held - w + self.weight;
        self.redo
            .push((now, std::mem::replace(&mut self.weight, w)));
        Some(&self.current)
    }

    /// Goes forward one undone step; returns the new current value, or `None` (changing
    /// nothing) when there is nothing to redo.
    pub fn redo(&mut self) -> Option<&T> {
        let (next, w) = self.redo.pop()?;
        let now = std::mem::replace(&mut self.current, next);
        self.held = self.held - w + self.weight;
        self.undo
            .push_back((now, std::mem::replace(&mut self.weight, w)));
        Some(&self.current)
    }

    /// Whether [`History::undo`] would do something.
    pub fn can_undo(&self) -> bool {
        !self.undo.is_empty()
    }

    /// Whether [`History::redo`] would do something.
    pub fn can_redo(&self) -> bool {
        !self.redo.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_new_history_has_nothing_to_undo_or_redo() {
        let mut h = History::new("a", 5);
        assert_eq!(*h.current(), "a");
        assert!(!h.can_undo());
        assert!(!h.can_redo());
        assert_eq!(h.undo(), None);
        assert_eq!(h.redo(), None);
        assert_eq!(*h.current(), "a");
    }

    #[test]
    fn undo_and_redo_walk_back_and_forth() {
        let mut h = History::new(0, 10);
        for v in 1..=3 {
            assert!(h.record(v));
        }
        assert_eq!(*h.current(), 3);
        assert_eq!(h.undo(), Some(&2));
        assert_eq!(h.undo(), Some(&1));
        assert!(h.can_redo());
        assert_eq!(h.redo(), Some(&2));
        assert_eq!(h.undo(), Some(&1));
        assert_eq!(h.undo(), Some(&0));
        assert_eq!(h.undo(), None);
        assert_eq!(*h.current(), 0);
        assert!(!h.can_undo());
        assert_eq!(h.redo(), Some(&1));
        assert_eq!(h.redo(), Some(&2));
        assert_eq!(h.redo(), Some(&3));
        assert_eq!(h.redo(), None);
        assert_eq!(*h.current(), 3);
        assert!(h.can_undo());
        assert!(!h.can_redo());
    }

    #[test]
    fn recording_the_current_value_is_a_no_op() {
        let mut h = History::new(1, 10);
        assert!(h.record(2));
        h.undo();
        assert!(h.can_redo());
        assert!(!h.record(1));
        // Nothing recorded: redo survives and undo is still empty.
        assert!(h.can_redo());
        assert!(!h.can_undo());
        assert_eq!(h.redo(), Some(&2));
    }

    #[test]
    fn recording_clears_redo() {
        let mut h = History::new(1, 10);
        h.record(2);
        h.record(3);
        h.undo();
        assert!(h.record(4));
        assert!(!h.can_redo());
        assert_eq!(h.redo(), None);
        assert_eq!(h.undo(), Some(&2));
        assert_eq!(h.undo(), Some(&1));
        assert_eq!(h.undo(), None);
    }

    #[test]
    fn the_oldest_entries_beyond_the_limit_are_dropped() {
        let mut h = History::new(0, 3);
        for v in 1..=10 {
            h.record(v);
        }
        assert_eq!(h.undo(), Some(&9));
        assert_eq!(h.undo(), Some(&8));
        assert_eq!(h.undo(), Some(&7));
        assert_eq!(h.undo(), None);
        assert_eq!(*h.current(), 7);
        // Redo brings back all three.
        assert_eq!(h.redo(), Some(&8));
        assert_eq!(h.redo(), Some(&9));
        assert_eq!(h.redo(), Some(&10));
        assert_eq!(h.redo(), None);
    }

    #[test]
    fn redo_then_record_respects_the_limit() {
        let mut h = History::new(0, 2);
        h.record(1);
        h.record(2);
        h.undo();
        h.undo();
        h.redo();
        h.redo();
        h.record(3);
        assert_eq!(h.undo(), Some(&2));
        assert_eq!(h.undo(), Some(&1));
        assert_eq!(h.undo(), None);
    }

    #[test]
    fn a_limit_of_zero_keeps_no_history() {
        let mut h = History::new(0, 0);
        assert!(h.record(1));
        assert_eq!(*h.current(), 1);
        assert!(!h.can_undo());
        assert_eq!(h.undo(), None);
    }

    #[test]
    fn reset_replaces_the_value_and_forgets_everything() {
        let mut h = History::new(String::from("a"), 10);
        h.record("b".into());
        h.record("c".into());
        h.undo();
        assert!(h.can_undo() && h.can_redo());
        h.reset("fresh".into());
        assert_eq!(h.current(), "fresh");
        assert!(!h.can_undo());
        assert!(!h.can_redo());
        assert_eq!(h.undo(), None);
        assert_eq!(h.redo(), None);
        assert_eq!(h.current(), "fresh");
    }

    #[test]
    fn a_value_may_come_back_after_other_edits() {
        // A -> B -> A is two real edits, both undoable.
        let mut h = History::new('a', 10);
        assert!(h.record('b'));
        assert!(h.record('a'));
        assert_eq!(h.undo(), Some(&'b'));
        assert_eq!(h.undo(), Some(&'a'));
        assert_eq!(h.undo(), None);
    }

    #[test]
    fn the_weight_held_follows_undo_redo_and_record() {
        let mut h = History::new(0, 100).with_max_weight(1_000);
        for (next, weight) in [(1, 10), (2, 20), (3, 30)] {
            h.set_weight(weight);
            h.record(next);
        }
        h.set_weight(40);
        // 0, 1 and 2 are kept, weighing 10 + 20 + 30
        assert_eq!(h.held_weight(), 60);
        h.undo(); // 3 (40) moves to redo, 2 (30) becomes current
        assert_eq!(h.held_weight(), 10 + 20 + 40);
        h.redo();
        assert_eq!(h.held_weight(), 60);
        h.undo();
        h.undo();
        h.set_weight(25); // 1 now weighs 25
        h.record(9); // redo (2 and 3) cleared
        assert_eq!(h.held_weight(), 10 + 25);
        assert_eq!(h.undo_steps(), 2);
    }

    #[test]
    fn heavy_values_keep_fewer_steps_but_the_newest_ones() {
        // 500 steps of a 1 MB value within 8 MB: the 8 newest stay
        let mut h = History::new(0u32, 200).with_max_weight(8 << 20);
        for next in 1..=500u32 {
            h.set_weight(1 << 20);
            h.record(next);
        }
        assert_eq!(h.undo_steps(), 8);
        assert!(h.held_weight() <= 8 << 20);
        for expected in (492..500).rev() {
            assert_eq!(h.undo(), Some(&expected));
        }
        assert_eq!(h.undo(), None);
    }

    #[test]
    fn a_value_heavier_than_the_bound_is_not_kept() {
        let mut h = History::new("huge", 10).with_max_weight(100);
        h.set_weight(101);
        h.record("next");
        assert!(!h.can_undo());
        assert_eq!(h.held_weight(), 0);
    }
}
