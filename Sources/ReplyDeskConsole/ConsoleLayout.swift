/// Where each pane goes. Narrow terminals stack the panes, with the conversation and profile
/// sharing the top as tabs (the profile shows while it has focus); wide ones (120x30 and up) put
/// conversation and composer left, profile and suggestions right.
struct ConsoleLayout: Equatable {
  static let minimum = Size(width: 40, height: 12)

  var header: Rect
  var footer: Rect
  var conversation: Rect?
  var profile: Rect?
  var suggestions: Rect
  var composer: Rect
  /// The vertical rule between the columns of the wide layout.
  var separator: Rect?
  var isTooSmall: Bool

  init(size: Size, focus: Focus, suggestionCount: Int) {
    let width = size.width
    let height = size.height
    header = Rect(x: 0, y: 0, width: width, height: 1)
    footer = Rect(x: 0, y: max(height - 1, 0), width: width, height: 1)
    isTooSmall = width < Self.minimum.width || height < Self.minimum.height
    let bodyTop = 1
    let bodyHeight = max(height - 2, 0)
    if width >= 120, height >= 30 {
      let leftWidth = width * 11 / 20
      let rightX = leftWidth + 1
      let rightWidth = width - rightX
      let composerHeight = 6
      conversation = Rect(x: 0, y: bodyTop, width: leftWidth, height: bodyHeight - composerHeight)
      composer = Rect(
        x: 0, y: bodyTop + bodyHeight - composerHeight, width: leftWidth, height: composerHeight)
      let profileHeight = max(bodyHeight * 2 / 5, 8)
      profile = Rect(x: rightX, y: bodyTop, width: rightWidth, height: profileHeight)
      suggestions = Rect(
        x: rightX, y: bodyTop + profileHeight, width: rightWidth, height: bodyHeight - profileHeight)
      separator = Rect(x: leftWidth, y: bodyTop, width: 1, height: bodyHeight)
    } else {
      let composerHeight = height >= 30 ? 4 : 3
      let suggestionLines = min(max(suggestionCount, 4), max(4, bodyHeight / 3))
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
