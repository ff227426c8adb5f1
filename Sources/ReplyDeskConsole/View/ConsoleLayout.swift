/// Where each pane goes. Narrow terminals stack the panes, with the conversation and profile
/// sharing the top as tabs (the profile shows while it has focus); wide ones (120x30 and up) give
/// the wide left column to the conversation, the suggestions below it and the composer at the
/// bottom, with the profile in a narrower right column. While chats are open a strip of chat tabs
/// sits under the header, and under it the one-line summary of the order in question.
struct ConsoleLayout: Equatable {
  static let minimum = Size(width: 40, height: 12)

  var header: Rect
  /// The chat strip, when any chat is open.
  var tabs: Rect?
  /// The order summary line, with the chat strip.
  var orderSummary: Rect?
  var footer: Rect
  var conversation: Rect?
  var profile: Rect?
  var suggestions: Rect
  var composer: Rect
  /// The vertical rule between the columns of the wide layout.
  var separator: Rect?

  /// The layout for `state` at its size.
  init(_ state: ConsoleState) {
    self.init(
      size: state.size, focus: state.focus, suggestionCount: state.active?.suggestions.rows.count ?? 0,
      showsTabs: !state.chats.isEmpty)
  }

  init(size: Size, focus: Focus, suggestionCount: Int, showsTabs: Bool = false) {
    let width = size.width
    let height = size.height
    header = Rect(x: 0, y: 0, width: width, height: 1)
    footer = Rect(x: 0, y: max(height - 1, 0), width: width, height: 1)
    tabs = showsTabs ? Rect(x: 0, y: 1, width: width, height: 1) : nil
    orderSummary = showsTabs ? Rect(x: 0, y: 2, width: width, height: 1) : nil
    let bodyTop = showsTabs ? 3 : 1
    let bodyHeight = max(height - 1 - bodyTop, 0)
    if width >= 120, height >= 30 {
      let rightWidth = min(width * 7 / 20, 52)
      let leftWidth = width - rightWidth - 1
      let composerHeight = height >= 44 ? 6 : 5
      let shared = bodyHeight - composerHeight
      let suggestionsHeight = shared * 9 / 20
      let conversationHeight = shared - suggestionsHeight
      conversation = Rect(x: 0, y: bodyTop, width: leftWidth, height: conversationHeight)
      suggestions = Rect(x: 0, y: bodyTop + conversationHeight, width: leftWidth, height: suggestionsHeight)
      composer = Rect(x: 0, y: bodyTop + shared, width: leftWidth, height: composerHeight)
      profile = Rect(x: leftWidth + 1, y: bodyTop, width: rightWidth, height: bodyHeight)
      separator = Rect(x: leftWidth, y: bodyTop, width: 1, height: bodyHeight)
    } else {
      let composerHeight = height >= 30 ? 4 : 3
      let suggestionLines = min(max(suggestionCount, 4), max(4, bodyHeight * 2 / 5))
      let suggestionsHeight = 1 + suggestionLines
      let topHeight = max(bodyHeight - composerHeight - suggestionsHeight, 2)
      let top = Rect(x: 0, y: bodyTop, width: width, height: topHeight)
      conversation = focus == .profile ? nil : top
      profile = focus == .profile ? top : nil
      suggestions = Rect(x: 0, y: bodyTop + topHeight, width: width, height: suggestionsHeight)
      composer = Rect(x: 0, y: bodyTop + topHeight + suggestionsHeight, width: width, height: composerHeight)
      separator = nil
    }
  }
}
