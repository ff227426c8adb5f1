import Foundation
import ReplyDeskCore

/// A key the driver decoded from the terminal.
enum Key: Hashable, Sendable {
  case character(Character)
  /// Ctrl plus a letter, as the lowercase letter (Ctrl-W is `.control("w")`).
  case control(Character)
  /// Alt (Meta) plus a key, which terminals send as Escape and the key.
  case alt(Character)
  case enter, tab, backTab, escape, backspace, delete
  case up, down, left, right, home, end, pageUp, pageDown
  case function(Int)
}

/// Everything that can change the console's state. Time always arrives inside the event.
enum ConsoleEvent: Sendable {
  case key(Key, now: Date)
  /// Text the terminal delivered as one bracketed paste (raw; `handlePaste` filters it). Never keys.
  case paste(String, now: Date)
  case channel(ChannelEvent, now: Date)
  case ranked(RankingResult, now: Date)
  /// The generator finished a reply (or declined to write one) for a chat's turn.
  case generated(GeneratedReply, now: Date)
  /// The background generator changed phase (training progress, ready, failed).
  case generatorPhase(GeneratorPhase, now: Date)
  /// A sent reply was saved as `template` in `directory`; the ranker and the finder include it from now on.
  case templateSaved(ReplyTemplate, directory: String, now: Date)
  /// Saving a reply as a template failed; nothing was written.
  case templateSaveFailed(reason: String, now: Date)
  /// A newly written model file was read: its model ranks from now on, or it was refused.
  case modelReload(ModelReload, now: Date)
  /// A clock tick, for the typing indicator, transient messages and the header clock.
  case tick(now: Date)
  /// The terminal changed size.
  case resize(Size, now: Date)
  /// The frame just drawn measured its scrollable panes differently from the last one.
  case measured(ScrollExtents, now: Date)
  /// The runner recorded the commitment and passed it to the channel.
  case committed(Commitment, now: Date)
  /// Recording the commitment failed; nothing reached the customer.
  case commitFailed(Commitment, reason: String, now: Date)
  /// The store refused events (disk full): `count` are waiting, in memory and the spill file,
  /// and are retried.
  case unsaved(count: Int, reason: String, now: Date)
  /// Every waiting event is stored now.
  case unsavedStored(now: Date)
  /// The recorder's outbox changed: events queued while the store is away, or saved since.
  case outbox(OutboxStatus, now: Date)
  /// No customer will come any more and every chat is closed: the console closes shortly.
  case channelFinished(now: Date)
}

extension ConsoleEvent {
  /// When the event happened: every event carries its time.
  var time: Date {
    switch self {
    case .key(_, let now), .paste(_, let now), .channel(_, let now), .ranked(_, let now),
      .generated(_, let now), .generatorPhase(_, let now), .templateSaved(_, _, let now),
      .templateSaveFailed(_, let now), .modelReload(_, let now), .tick(let now), .resize(_, let now),
      .measured(_, let now), .committed(_, let now), .commitFailed(_, _, let now), .unsaved(_, _, let now),
      .unsavedStored(let now), .outbox(_, let now), .channelFinished(let now):
      return now
    }
  }
}

/// A decision that must be recorded before it takes effect: a reply to send, or an escalation.
struct Commitment: Equatable, Sendable {
  var chat: ChatID
  var decision: Decision
  var responseSeconds: Double
  var time: Date
}

/// Work `update` asks the runner to do.
enum ConsoleEffect: Equatable, Sendable {
  /// Record an event; if the store refuses it, it waits (in order) and `.unsaved` reports it.
  case record(SessionEvent)
  /// Record the decision first; only if that succeeds, send the reply (or tell the customer of the
  /// hand-over) through the channel. The outcome comes back as `.committed` or `.commitFailed`.
  case commit(Commitment)
  /// Rank off the UI thread; the result comes back as `.ranked`.
  case rank(RankingRequest)
  /// Generate a reply off the UI thread, after the ranking; the result comes back as `.generated`.
  case generate(RankingRequest)
  /// Save a sent reply as a template; the outcome comes back as `.templateSaved` or `.templateSaveFailed`.
  case saveTemplate(TemplateDraft)
  case closeChat(ChatID, outcome: SessionOutcome)
  case agentTyping(ChatID)
  /// Ring the terminal bell: a customer waited too long, or autopilot needs the representative.
  case bell
  case quit
}

/// A sent reply to save as a template, with the profile and the order in question whose values
/// become slots again, and the intents and `when:` entries the representative chose.
struct TemplateDraft: Equatable, Sendable {
  var text: String
  var profile: CustomerProfile
  var time: Date
  var order: Order?
  var intents: [String] = []
  var when: [String] = []
}
