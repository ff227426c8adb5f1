import Foundation
import ReplyDeskCore

/// Carries out the effects `update` asks for, against the recorder and the channel, and reports
/// outcomes as events. A decision is recorded before anything reaches the customer. Events the
/// recorder refuses (disk full) are kept in order, in memory and in the spill file, and retried
/// until stored; no reply is sent while any are waiting. A recorder with an outbox (a team store)
/// takes events while its server is away, so replies keep going; `pollOutbox` reports its queue.
final class EffectExecutor {
  private let channel: any CustomerChannel
  private let recorder: any SessionRecorder
  private let submitRanking: (RankingRequest) -> Void
  private let submitGeneration: (RankingRequest) -> Void
  private let templateSaver: TemplateSaver?
  private let replaceRanker: (@escaping @Sendable () -> any SuggestionRanker) -> Void
  private let clock: () -> Date
  private let ringBell: () -> Void
  private let spill: UnsavedEventsFile?
  /// Events the recorder refused, oldest first.
  private(set) var unsaved: [SessionEvent] = []
  private var lastAttempt = Date.distantPast
  /// The recorder's outbox as last reported.
  private var lastOutbox: OutboxStatus?
  /// Seconds between retries of unsaved events (a busy store can take seconds to refuse).
  static let retrySeconds = 1.0

  init(
    channel: any CustomerChannel, recorder: any SessionRecorder, clock: @escaping () -> Date = Date.init,
    ringBell: @escaping () -> Void = {}, spill: UnsavedEventsFile? = nil,
    submitGeneration: @escaping (RankingRequest) -> Void = { _ in },
    templateSaver: TemplateSaver? = nil,
    replaceRanker: @escaping (@escaping @Sendable () -> any SuggestionRanker) -> Void = { _ in },
    submitRanking: @escaping (RankingRequest) -> Void
  ) {
    self.channel = channel
    self.recorder = recorder
    self.clock = clock
    self.ringBell = ringBell
    self.spill = spill
    self.submitRanking = submitRanking
    self.submitGeneration = submitGeneration
    self.templateSaver = templateSaver
    self.replaceRanker = replaceRanker
  }

  /// Does one effect; returns the events that report its outcome.
  func execute(_ effect: ConsoleEffect) -> [ConsoleEvent] {
    switch effect {
    case .record(let event):
      unsaved.append(event)
      return storeUnsaved()
    case .commit(let commitment):
      return commit(commitment)
    case .rank(let request):
      submitRanking(request)
    case .generate(let request):
      submitGeneration(request)
    case .saveTemplate(let draft):
      return saveTemplate(draft)
    case .closeChat(let chat, let outcome):
      channel.close(chat, outcome: outcome, now: clock())
    case .agentTyping(let chat):
      channel.agentTyping(in: chat, now: clock())
    case .bell:
      ringBell()
    case .quit:
      break
    }
    return []
  }

  /// Retries the unsaved events if the last attempt was long enough ago; what came of it.
  func retryUnsaved() -> [ConsoleEvent] {
    guard !unsaved.isEmpty, clock().timeIntervalSince(lastAttempt) >= Self.retrySeconds else { return [] }
    return storeUnsaved()
  }

  /// Reports a change of the recorder's outbox (events queued while the store is away, or saved
  /// since); nothing while nothing is or was queued.
  func pollOutbox() -> [ConsoleEvent] {
    guard let queueing = recorder as? any QueueingRecorder else { return [] }
    var status = queueing.outboxStatus
    status.reason = status.reason.map(Self.shorten)
    let wasQueued = (lastOutbox?.queued ?? 0) > 0
    guard status != lastOutbox else { return [] }
    lastOutbox = status
    guard status.queued > 0 || wasQueued else { return [] }
    return [.outbox(status, now: clock())]
  }

  /// Stores the unsaved events in order. While any remain they are in the spill file and reported
  /// as `.unsaved`; once the last is stored the spill file goes and `.unsavedStored` says so.
  private func storeUnsaved() -> [ConsoleEvent] {
    lastAttempt = clock()
    do {
      while let first = unsaved.first {
        try recorder.record(first)
        unsaved.removeFirst()
      }
    } catch {
      spill?.write(unsaved)
      return [.unsaved(count: unsaved.count, reason: Self.describe(error), now: clock())]
    }
    guard let spill, FileManager.default.fileExists(atPath: spill.path) else { return [] }
    spill.remove()
    return [.unsavedStored(now: clock())]
  }

  /// Records the decision first; only once it and every earlier event are durable does anything
  /// reach the customer.
  private func commit(_ commitment: Commitment) -> [ConsoleEvent] {
    let decision = SessionEvent(
      chat: commitment.chat, time: commitment.time,
      kind: .decision(decision: commitment.decision, responseSeconds: commitment.responseSeconds))
    var events = unsaved.isEmpty ? [] : storeUnsaved()
    guard unsaved.isEmpty else {
      let reason = "earlier events are still waiting to be saved"
      return events + [.commitFailed(commitment, reason: reason, now: clock())]
    }
    do {
      try recorder.record(decision)
    } catch {
      return events + [.commitFailed(commitment, reason: Self.describe(error), now: clock())]
    }
    events.append(.committed(commitment, now: clock()))
    if let text = commitment.decision.sentText {
      channel.send(text, to: commitment.chat, now: clock())
    } else {
      channel.handOver(commitment.chat, now: clock())
    }
    return events
  }

  /// Writes the template and swaps in a ranker that includes it before the next ranking runs.
  private func saveTemplate(_ draft: TemplateDraft) -> [ConsoleEvent] {
    guard let templateSaver else {
      return [
        .templateSaveFailed(reason: "this console has no templates directory to save into", now: clock())
      ]
    }
    do {
      let (template, ranker) = try templateSaver.save(draft)
      replaceRanker(ranker)
      return [.templateSaved(template, directory: templateSaver.directory.path, now: clock())]
    } catch {
      return [.templateSaveFailed(reason: Self.describe(error), now: clock())]
    }
  }

  static func describe(_ error: any Error) -> String {
    shorten(ErrorText.sentence(for: error))
  }

  /// `text` on one line of at most 120 characters.
  static func shorten(_ text: String) -> String {
    let line = DisplayText.singleLine(text)
    return line.count > 120 ? String(line.prefix(119)) + "…" : line
  }
}
