//! Where a chart's values land in its SVG: the drawing area inside the margins, and the
//! point of a share of its width (left to right) or height (bottom to top).

/// A chart's drawing area, in its SVG's units.
#[derive(Debug, Clone, Copy)]
pub struct Area {
    /// The area's left edge (the margin for the value labels).
    pub left: f64,
    /// Its right edge.
    pub right: f64,
    /// Its top edge (room above for labels).
    pub top: f64,
    /// Its bottom edge (the axis; room below for ticks).
    pub bottom: f64,
}

impl Area {
    /// `share` of the way from the left edge (0) to the right (1).
    pub fn x(self, share: f64) -> f64 {
        self.left + share * (self.right - self.left)
    }

    /// `share` of the way from the bottom (0) to the top (1).
    pub fn y(self, share: f64) -> f64 {
        self.bottom - share * (self.bottom - self.top)
    }
}
