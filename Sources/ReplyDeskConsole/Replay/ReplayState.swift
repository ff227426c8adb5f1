import Foundation
import ReplyDeskCore

/// A recorded session as the replay console lists it.
public struct ReplaySessionEntry: Equatable, Sendable {
  public var id: ChatID
  public var startedAt: Date
  public var representative: String
  public var customerName: String
  /// Nil while the chat is still open.
  public var outcome: SessionOutcome?

  public init(
    id: ChatID, startedAt: Date, representative: String, customerName: String, outcome: SessionOutcome?
  ) {
    self.id = id
    self.startedAt = startedAt
    self.representative = representative
    self.customerName = customerName
    self.outcome = outcome
  }
}

/// A QA note being written: a rating from 1 to 5 (or none) first, then the text.
struct QANoteDraft: Equatable, Sendable {
  var rating: Int?
  var choosingRating = true
  var text = Composer()
}

/// A modal screen drawn over the replay.
enum ReplayOverlay: Equatable, Sendable {
  case help(scroll: Int)
  case note(QANoteDraft)
}

/// One session opened for replay: its events in time order and the playback over them.
struct ReplaySession: Equatable, Sendable {
  var chat: ChatID
  var events: [SessionEvent]
  var playback: ReplayPlayback
  /// Lines the conversation is scrolled up from the current step's newest line.
  var conversationScroll = 0

  init(chat: ChatID, events: [SessionEvent]) {
    self.chat = chat
    self.events = Self.inTimeOrder(events)
    playback = ReplayPlayback(timeline: ReplayTimeline(events: self.events))
  }

  /// Events in recorded order, except that each QA note moves to just after the last event at
  /// or before its time, so a note anchored to a turn replays right after that turn.
  static func inTimeOrder(_ events: [SessionEvent]) -> [SessionEvent] {
    var ordered: [SessionEvent] = []
    var notes: [SessionEvent] = []
    for event in events {
      if case .qaNote = event.kind { notes.append(event) } else { ordered.append(event) }
    }
    for note in notes {
      let anchor = ordered.lastIndex { $0.time <= note.time }.map { $0 + 1 } ?? 0
      ordered.insert(note, at: anchor)
    }
    return ordered
  }

  var timeline: ReplayTimeline { playback.timeline }

  /// The steps up to and including the current one.
  var stepsSoFar: ArraySlice<ReplayStep> {
    timeline.steps.isEmpty ? [] : timeline.steps[...timeline.position]
  }

  /// Adds a saved event and moves to its step, keeping speed and pausing.
  mutating func insert(_ event: SessionEvent) {
    events = Self.inTimeOrder(events + [event])
    let rebuilt = ReplayTimeline(events: events)
    let index = rebuilt.steps.lastIndex { $0.event == event } ?? timeline.position
    playback.pause()
    conversationScroll = 0
    playback.navigate { timeline in
      timeline = rebuilt
      timeline.jump(to: index)
    }
  }
}

/// The replay console as a plain value: `updateReplay` changes it, `renderReplay` draws it.
struct ReplayState: Equatable, Sendable {
  var size: Size
  var now: Date
  var timeZone: TimeZone
  var sessions: [ReplaySessionEntry]
  /// The highlighted row of the session list.
  var selected = 0
  var session: ReplaySession?
  /// The session asked for and not loaded yet.
  var loading: ChatID?
  var overlay: ReplayOverlay?
  /// The conversation and help screen as the last frame drew them; scroll keys stay within them.
  var extents = ScrollExtents()
  var statusLine = StatusLine()
  /// When playback last advanced, so each tick plays exactly the wall time that went by.
  var lastTick: Date?
  var hasQuit = false
  /// Opened from the supervisor's floor: read-only, and leaving it goes back to the floor.
  var fromFloor = false

  init(size: Size, now: Date, timeZone: TimeZone = .current, sessions: [ReplaySessionEntry]) {
    self.size = size
    self.now = now
    self.timeZone = timeZone
    self.sessions = sessions
  }

  /// Where keys go now.
  var context: BindingContext {
    switch overlay {
    case .help: return .help
    case .note(let draft): return draft.choosingRating ? .replayRating : .replayNote
    case nil: return session == nil ? .replayPicker : fromFloor ? .floorReplay : .replay
    }
  }

  /// The contexts the help screen lists.
  var helpContexts: [BindingContext] {
    fromFloor ? BindingContext.floorContexts : BindingContext.replayContexts
  }

  /// The message the status line shows now.
  var status: StatusMessage? { statusLine.message }

  /// Shows `text` on the status line for `seconds` (`StatusLine.say`).
  mutating func say(_ text: String, warning: Bool = false, seconds: Double = 5) {
    statusLine.say(text, warning: warning, seconds: seconds, now: now)
  }
}

/// Everything that can change the replay console. Time always arrives inside the event.
enum ReplayEvent: Sendable {
  case key(Key, now: Date)
  /// A bracketed paste (raw): text for the QA note, never keys.
  case paste(String, now: Date)
  /// A clock tick: playback advances by the wall time since the previous tick.
  case tick(now: Date)
  /// The terminal changed size.
  case resize(Size, now: Date)
  /// The frame just drawn measured its scrollable panes differently from the last one.
  case measured(ScrollExtents, now: Date)
  case loaded(ChatID, [SessionEvent], now: Date)
  case loadFailed(ChatID, reason: String, now: Date)
  case noteSaved(SessionEvent, now: Date)
  case noteFailed(reason: String, now: Date)
}

/// Work `updateReplay` asks the replay runner to do.
enum ReplayEffect: Equatable, Sendable {
  /// Read a session's events; they come back as `.loaded` or `.loadFailed`.
  case load(ChatID)
  /// Append a QA note event; the outcome comes back as `.noteSaved` or `.noteFailed`.
  case appendNote(SessionEvent)
  case quit
}
