import Foundation
import ReplyDeskCore
import Testing

@testable import ReplyDeskConsole

/// Whole screens as plain text, compared with `Snapshots/<name>.txt`.
/// Re-record with REPLYDESK_RECORD_SNAPSHOTS=1.
@Suite struct SnapshotTests {
  static let small = Size(width: 80, height: 24)
  static let large = Size(width: 160, height: 48)

  private func check(
    _ state: ConsoleState, _ name: String, sourceLocation: Testing.SourceLocation = #_sourceLocation
  ) throws {
    for size in [Self.small, Self.large] {
      var sized = state
      sized.size = size
      let grid = render(sized, size: size)
      try Snapshot.assert(
        grid.plainText, named: "\(name)-\(size.width)x\(size.height)", sourceLocation: sourceLocation)
      for y in 0..<size.height {
        var width = 0
        for x in 0..<size.width where !grid[x, y].isContinuation { width += grid[x, y].width }
        #expect(
          width == size.width, "row \(y) of \(name) is \(width) columns wide", sourceLocation: sourceLocation)
      }
    }
  }

  @Test func emptyWaiting() throws {
    var state = Fixture.emptyState()
    _ = update(
      &state,
      .channel(
        ChannelEvent(chat: Fixture.chat, kind: .arrived(profile: SampleState.profile(), scenario: "r")),
        now: Fixture.start))
    try check(state, "empty-waiting")
  }

  @Test func midChatWithSuggestions() throws {
    try check(SampleState.busy(size: Self.small), "mid-chat")
  }

  @Test func composerEditing() throws {
    var state = SampleState.busy(size: Self.small)
    Fixture.press(&state, .control("e"))
    Fixture.press(&state, .control("j"))
    Fixture.type(&state, "Anything else? 配達😀")
    try check(state, "composer-editing")
  }

  @Test func missingSlotSuggestionLoaded() throws {
    var state = SampleState.busy(size: Self.small)
    Fixture.press(&state, .character("3"))
    try check(state, "missing-slot")
  }

  @Test func escalationPicker() throws {
    var state = SampleState.busy(size: Self.small)
    Fixture.press(&state, .control("x"), .down, .enter)
    Fixture.type(&state, "Customer asked twice")
    try check(state, "escalation")
  }

  @Test func helpScreen() throws {
    var state = SampleState.busy(size: Self.small)
    Fixture.press(&state, .function(1))
    try check(state, "help")
  }

  @Test func quitConfirmation() throws {
    var state = SampleState.busy(size: Self.small)
    Fixture.press(&state, .control("q"))
    try check(state, "confirm-quit")
  }

  @Test func repeatConfirmation() throws {
    var state = SampleState.busy(size: Self.small)
    let sent = try #require(state.active?.conversation.turns.last { $0.speaker == .agent })
    Fixture.type(&state, sent.text)
    Fixture.press(&state, .enter)
    try check(state, "confirm-repeat")
  }

  @Test func escalatedChatClosed() throws {
    var state = SampleState.busy(size: Self.small)
    Fixture.press(&state, .control("x"), .character("1"))
    Fixture.type(&state, "VIP")
    let commitment = Fixture.commitments(Fixture.press(&state, .enter))[0]
    _ = update(&state, .committed(commitment, now: Fixture.start + 31))
    try check(state, "escalated")
  }

  @Test func profileTabInNarrowLayout() throws {
    var state = SampleState.busy(size: Self.small)
    Fixture.press(&state, .backTab)
    try check(state, "profile-focus")
  }

  @Test func hostileText() throws {
    var state = Fixture.openChat()
    let hostile = [
      "\u{1B}[2J\u{1B}[31mred\u{1B}]0;title\u{07}\u{9B}1m",
      "\u{202E}reversed\u{202C} and \u{2066}isolated\u{2069} \u{FFFD} ok",
      String(repeating: "flood ", count: 20_000),
    ]
    for text in hostile {
      _ = update(
        &state, .channel(ChannelEvent(chat: Fixture.chat, kind: .message(text)), now: Fixture.start + 20))
    }
    state.active?.conversation.profile.firstName = "\u{1B}[5mEve\u{7}"
    _ = update(&state, .tick(now: Fixture.start + 21))
    try check(state, "hostile")
    let text = render(state, size: Self.large).plainText
    #expect(
      !text.unicodeScalars.contains { ($0.value < 0x20 && $0 != "\n") || (0x7F...0x9F).contains($0.value) })
    #expect(
      !text.unicodeScalars.contains {
        (0x202A...0x202E).contains($0.value) || (0x2066...0x2069).contains($0.value)
      })
  }

  /// The busy chat focused, a second chat with an unread message whose customer waited too long,
  /// autopilot on and a ranker that reports confidence.
  @Test func twoOpenChats() throws {
    var state = SampleState.busy(size: Self.small)
    state.autopilotThreshold = 0.8
    state.active?.suggestions.confidence = 0.72
    var other = ActiveChat(
      conversation: Conversation(
        id: Fixture.second, profile: Fixture.secondProfile(), scenario: "delivery",
        startedAt: Fixture.start - 120))
    appendTurn(&other, .customer, "Is anyone there? My parcel never came.", at: Fixture.start - 95)
    other.wait = .waiting(since: Fixture.start - 95, alerted: false)
    other.unread = 1
    state.chats.append(other)
    try check(state, "two-chats")
    Fixture.press(&state, .control("n"))
    try check(state, "two-chats-switched")
  }

  @Test func slotsAndGapsUseTheirRoles() {
    let grid = render(SampleState.busy(size: Self.large), size: Self.large)
    let roles = Set(grid.cells.map(\.role))
    #expect(roles.contains(.slot))
    #expect(roles.contains(.missing))
    #expect(roles.contains(.score))
  }

  @Test func composerShowsTheCursorAfterWideCharacters() {
    var state = SampleState.busy(size: Self.small)
    Fixture.press(&state, .tab)
    Fixture.type(&state, "配達")
    let grid = render(state, size: Self.small)
    let cursor = grid.cursor
    #expect(cursor != nil)
    if let cursor { #expect(grid[cursor.x - 2, cursor.y].text == "達") }
  }

  @Test func tooSmallTerminalSaysSo() {
    let grid = render(SampleState.busy(size: Size(width: 30, height: 8)), size: Size(width: 30, height: 8))
    #expect(grid.plainText.hasPrefix("Terminal too small"))
  }
}

/// Compares text with a stored snapshot, or records it when REPLYDESK_RECORD_SNAPSHOTS=1.
enum Snapshot {
  static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent(
    "Snapshots")

  static func assert(_ text: String, named name: String, sourceLocation: Testing.SourceLocation) throws {
    let url = directory.appendingPathComponent("\(name).txt")
    if ProcessInfo.processInfo.environment["REPLYDESK_RECORD_SNAPSHOTS"] == "1" {
      try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
      try text.write(to: url, atomically: true, encoding: .utf8)
      return
    }
    guard let expected = try? String(contentsOf: url, encoding: .utf8) else {
      Issue.record(
        "no snapshot \(name).txt; run with REPLYDESK_RECORD_SNAPSHOTS=1", sourceLocation: sourceLocation)
      return
    }
    #expect(
      text == expected, "screen \(name) differs from Snapshots/\(name).txt", sourceLocation: sourceLocation)
  }
}
