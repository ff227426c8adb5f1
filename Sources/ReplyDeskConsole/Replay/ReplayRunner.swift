import Foundation
import ReplyDeskCore

/// Runs the read-only replay console for supervisors: one synchronous loop that polls the
/// keyboard, advances playback by the wall time that went by, and flushes the changed cells.
/// It reads sessions and appends QA notes only through the closures it is given.
public final class ReplayRunner {
  /// Reads every event of one session, in recorded order.
  public typealias EventLoader = (ChatID) throws -> [SessionEvent]
  /// Appends a QA note (text and optional 1-5 rating) to a session at the given time.
  public typealias NoteAppender = (_ chat: ChatID, _ text: String, _ rating: Int?, _ time: Date) throws ->
    Void

  private let sessions: [ReplaySessionEntry]
  private let initial: ChatID?
  private let loadEvents: EventLoader
  private let appendNote: NoteAppender
  private let options: ConsoleOptions
  /// The longest wait between ticks while nothing is due.
  private let tickSeconds = 0.5

  /// `sessions` is the list to pick from (newest first); `initial`, if given, opens at once.
  public init(
    sessions: [ReplaySessionEntry], initial: ChatID?, options: ConsoleOptions,
    loadEvents: @escaping EventLoader, appendNote: @escaping NoteAppender
  ) {
    self.sessions = sessions
    self.initial = initial
    self.options = options
    self.loadEvents = loadEvents
    self.appendNote = appendNote
  }

  /// Takes over the terminal until the supervisor quits (or a termination signal arrives).
  public func run() throws {
    ConsoleRunner.prepareSignals()
    let driver = try TerminalDriver(theme: options.theme, colorMode: options.colorMode)
    defer { driver.end() }
    var state = ReplayState(size: driver.size, now: Date(), timeZone: options.timeZone, sessions: sessions)
    if let initial {
      state.selected = sessions.firstIndex { $0.id == initial } ?? 0
      state.loading = initial
      dispatch(.load(initial), to: &state)
    }
    while !state.hasQuit, !ConsoleRunner.terminationWasRequested {
      let frame = drawReplayFrame(state, size: state.size)
      driver.flush(frame.grid)
      if frame.extents != state.extents { apply(.measured(frame.extents, now: Date()), to: &state) }
      var input = pollfd(fd: STDIN_FILENO, events: Int16(POLLIN), revents: 0)
      var due = min(state.session?.playback.wallTimeUntilNextStep ?? tickSeconds, tickSeconds)
      if let deadline = driver.inputDeadline { due = min(due, max(deadline.timeIntervalSinceNow, 0)) }
      _ = poll(&input, 1, Int32((due * 1000).rounded(.up)))
      let now = Date()
      while let read = driver.read() {
        switch read {
        case .key(let key): apply(.key(key, now: now), to: &state)
        case .paste(let text): apply(.paste(text, now: now), to: &state)
        case .resize(let size): apply(.resize(size, now: now), to: &state)
        }
      }
      apply(.tick(now: now), to: &state)
    }
  }

  private func apply(_ event: ReplayEvent, to state: inout ReplayState) {
    for effect in updateReplay(&state, event) { dispatch(effect, to: &state) }
  }

  /// Carries out an effect and feeds its outcome back as an event.
  private func dispatch(_ effect: ReplayEffect, to state: inout ReplayState) {
    switch effect {
    case .load(let chat):
      do {
        apply(.loaded(chat, try loadEvents(chat), now: Date()), to: &state)
      } catch {
        apply(.loadFailed(chat, reason: EffectExecutor.describe(error), now: Date()), to: &state)
      }
    case .appendNote(let note):
      guard case .qaNote(let text, let rating) = note.kind else { return }
      do {
        try appendNote(note.chat, text, rating, note.time)
        apply(.noteSaved(note, now: Date()), to: &state)
      } catch {
        apply(.noteFailed(reason: EffectExecutor.describe(error), now: Date()), to: &state)
      }
    case .quit:
      break
    }
  }
}
