import Foundation
import ReplyDeskCore

/// Carries out the effects `update` asks for, against the recorder and the channel, and reports
/// outcomes as events. A decision is recorded before anything reaches the customer.
final class EffectExecutor {
  private let channel: any CustomerChannel
  private let recorder: any SessionRecorder
  private let submitRanking: (RankingRequest) -> Void
  private let submitGeneration: (RankingRequest) -> Void
  private let templateSaver: TemplateSaver?
  private let replaceRanker: (@escaping @Sendable () -> any SuggestionRanker) -> Void
  private let clock: () -> Date
  private let ringBell: () -> Void

  init(
    channel: any CustomerChannel, recorder: any SessionRecorder, clock: @escaping () -> Date = Date.init,
    ringBell: @escaping () -> Void = {}, submitGeneration: @escaping (RankingRequest) -> Void = { _ in },
    templateSaver: TemplateSaver? = nil,
    replaceRanker: @escaping (@escaping @Sendable () -> any SuggestionRanker) -> Void = { _ in },
    submitRanking: @escaping (RankingRequest) -> Void
  ) {
    self.channel = channel
    self.recorder = recorder
    self.clock = clock
    self.ringBell = ringBell
    self.submitRanking = submitRanking
    self.submitGeneration = submitGeneration
    self.templateSaver = templateSaver
    self.replaceRanker = replaceRanker
  }

  /// Does one effect; returns the events that report its outcome.
  func execute(_ effect: ConsoleEffect) -> [ConsoleEvent] {
    switch effect {
    case .record(let event):
      do {
        try recorder.record(event)
        return []
      } catch {
        return [.recordFailed(reason: Self.describe(error), now: clock())]
      }
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

  /// Records the decision first; only once it is durable does anything reach the customer.
  private func commit(_ commitment: Commitment) -> [ConsoleEvent] {
    let decision = SessionEvent(
      chat: commitment.chat, time: commitment.time,
      kind: .decision(decision: commitment.decision, responseSeconds: commitment.responseSeconds))
    do {
      try recorder.record(decision)
    } catch {
      return [.commitFailed(commitment, reason: Self.describe(error), now: clock())]
    }
    var events: [ConsoleEvent] = [.committed(commitment, now: clock())]
    if let text = commitment.decision.sentText {
      channel.send(text, to: commitment.chat, now: clock())
    } else {
      let ended = SessionEvent(
        chat: commitment.chat, time: commitment.time, kind: .ended(outcome: .escalated))
      do {
        try recorder.record(ended)
      } catch {
        events.append(.recordFailed(reason: Self.describe(error), now: clock()))
      }
      channel.close(commitment.chat, outcome: .escalated, now: clock())
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
      return [.templateSaved(id: template.id, directory: templateSaver.directory.path, now: clock())]
    } catch {
      return [.templateSaveFailed(reason: Self.describe(error), now: clock())]
    }
  }

  static func describe(_ error: any Error) -> String {
    let text = DisplayText.singleLine(String(describing: error))
    return text.count > 120 ? String(text.prefix(119)) + "…" : text
  }
}
