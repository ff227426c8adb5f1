/// How far one scrollable pane can scroll, as the last frame drew it: how many lines its content
/// takes and how many of them fit. A conversation lays out only the turns it shows (every frame
/// would lay out every turn of a long chat otherwise): while older turns may be left it claims a
/// page more, and the frame after a page up measures again, pulling back an offset past the top.
struct PaneExtent: Equatable, Sendable {
  var lines = 0
  var visible = 1

  /// The furthest offset that still fills the pane.
  var maximumScroll: Int { max(lines - visible, 0) }
  /// A page: the visible lines less one, kept on screen for context.
  var page: Int { max(visible - 1, 1) }

  /// `offset` moved by `step` lines, kept within the content.
  func scrolled(_ offset: Int, by step: Int) -> Int { clamped(offset + step) }

  /// `offset` kept within the content.
  func clamped(_ offset: Int) -> Int { min(max(offset, 0), maximumScroll) }
}

/// The scrollable panes of a frame, measured while drawing it. The runner feeds them back to
/// update (a `.measured` event) whenever they change, so a scroll key is clamped by the layout the
/// representative sees without update building any pane's lines itself.
struct ScrollExtents: Equatable, Sendable {
  var conversation = PaneExtent()
  var profile = PaneExtent()
  var help = PaneExtent()
}

/// A drawn frame: its cells and its panes' scroll extents.
struct DrawnFrame {
  var grid: CellGrid
  var extents = ScrollExtents()
}
