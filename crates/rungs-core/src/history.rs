//! Undo and redo for the designer: a current value with bounded stacks of the values
//! before and after it.

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
    /// Older values, the most recent last.
    undo: VecDeque<T>,
    /// Values undone, the next to redo last.
    redo: Vec<T>,
    limit: usize,
}

impl<T: Clone + PartialEq> History<T> {
    /// Starts with `current` and no history, keeping at most `limit` steps to undo
    /// (0 keeps none).
    pub fn new(current: T, limit: usize) -> Self {
        History {
            current,
            undo: VecDeque::new(),
            redo: Vec::new(),
            limit,
        }
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
        self.undo.push_back(old);
        while self.undo.len() > self.limit {
            self.undo.pop_front();
        }
        self.redo.clear();
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
        self.redo.clear();
        true
    }

    /// Replaces current without recording (e.g. a fresh document): clears undo and redo.
    pub fn reset(&mut self, current: T) {
        self.current = current;
        self.undo.clear();
        self.redo.clear();
    }

    /// Goes back one step; returns the new current value, or `None` (changing nothing)
    /// when there is nothing to undo.
    pub fn undo(&mut self) -> Option<&T> {
        let prev = self.undo.pop_back()?;
        let now = std::mem::replace(&mut self.current, prev);
        self.redo.push(now);
        Some(&self.current)
    }

    /// Goes forward one undone step; returns the new current value, or `None` (changing
    /// nothing) when there is nothing to redo.
    pub fn redo(&mut self) -> Option<&T> {
        let next = self.redo.pop()?;
        let now = std::mem::replace(&mut self.current, next);
        self.undo.push_back(now);
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
}
