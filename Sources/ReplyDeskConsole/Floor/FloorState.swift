import Foundation
import ReplyDeskCore

/// The supervisor's floor as a plain value: `updateFloor` changes it, `renderFloor` draws it.
/// While a chat's replay is open it holds that replay's state, which the replay's own update
/// and render handle.
struct FloorState: Equatable, Sendable {
  var size: Size
  var now: Date
  var timeZone: TimeZone
  /// The store as the header names it.
  var storeName: String
  /// The newest read of the store; nil until the first one arrives.
  var snapshot: FloorSnapshot?
  /// When that read arrived.
  var updatedAt: Date?
  /// The highlighted chat, kept by id so it stays put while chats come and go.
  var selected: ChatID?
  var overlay: FloorOverlay?
  /// The help screen as the last frame drew it (an open replay keeps its own); scroll keys stay within it.
  var extents = ScrollExtents()
  /// The replay of a chat opened with Enter.
  var replay: ReplayState?
  /// The chat whose events were asked for and have not come yet.
  var loading: ChatID?
  var statusLine = StatusLine()
  var hasQuit = false

  init(size: Size, now: Date, timeZone: TimeZone = .current, storeName: String) {
    self.size = size
    self.now = now
    self.timeZone = timeZone
    self.storeName = storeName
  }

  /// Where keys go now.
  var context: BindingContext {
    if let replay { return replay.context }
    return overlay == nil ? .floor : .help
  }

  /// The open chats in the order the floor lists them (by representative, then start).
  var chats: [FloorSnapshot.Chat] { snapshot?.chats ?? [] }

  /// The highlighted chat's row among `chats`.
  var selectedIndex: Int? {
    guard let selected else { return nil }
    return chats.firstIndex { $0.id == selected }
  }

  /// The message the status line shows now.
  var status: StatusMessage? { statusLine.message }

  /// Shows `text` on the status line for `seconds` (`StatusLine.say`).
  mutating func say(_ text: String, warning: Bool = false, seconds: Double = 5) {
    statusLine.say(text, warning: warning, seconds: seconds, now: now)
  }
}

/// A modal screen drawn over the floor.
enum FloorOverlay: Equatable, Sendable {
  case help(scroll: Int)
}

/// Everything that can change the floor. Time always arrives inside the event.
enum FloorEvent: Sendable {
  case key(Key, now: Date)
  /// A bracketed paste: the floor has nothing to type into, so it is refused.
  case paste(String, now: Date)
  /// The clock: wait times are drawn from it, so it ticks every second.
  case tick(now: Date)
  case resize(Size, now: Date)
  /// The frame just drawn measured its scrollable panes differently from the last one.
  case measured(ScrollExtents, now: Date)
  /// A new read of the store.
  case snapshot(FloorSnapshot, now: Date)
  case readFailed(reason: String, now: Date)
  /// The change feed stopped working; the runner starts it again.
  case feedFailed(reason: String, now: Date)
  /// The events of the chat Enter opened.
  case loaded(ChatID, [SessionEvent], now: Date)
  case loadFailed(ChatID, reason: String, now: Date)
}

/// Work `updateFloor` asks the floor runner to do.
enum FloorEffect: Equatable, Sendable {
  /// Read a chat's events so far; they come back as `.loaded` or `.loadFailed`.
  case load(ChatID)
  case quit
}
