import Foundation
import ReplyDeskCore

/// The console with nobody at the keyboard: the real update loop, ranking worker and recorder, taking
/// every waiting customer and sending each chat's top suggestion as autopilot at threshold 0 would
/// (never one that contradicts the profile or has a gap: such a turn is handed over unanswered).
/// For end-to-end checks of what customers are told, such as `replydesk eval live`.
public final class HeadlessAutopilot {
  /// What the loop did.
  public struct Tally: Sendable, Equatable {
    public var replies = 0
    public var handedOver = 0
    public var chatsTaken = 0
  }

  private let channel: any CustomerChannel
  private let worker: RankingWorker
  private let executor: EffectExecutor
  private var state: ConsoleState
  public private(set) var tally = Tally()

  public init(channel: any CustomerChannel, ranker: any SuggestionRanker, recorder: any SessionRecorder)
    throws
  {
    self.channel = channel
    let worker = try RankingWorker(ranker: ranker)
    self.worker = worker
    executor = EffectExecutor(channel: channel, recorder: recorder) { worker.submit($0) }
    state = ConsoleState(
      size: Size(width: 160, height: 48), now: Date(), representative: "autopilot", channelName: "eval")
  }

  /// Runs the loop until `shouldStop()` says so (checked at least every 50 ms).
  public func run(until shouldStop: () -> Bool) {
    while !shouldStop() {
      var descriptors = ([worker.wakeDescriptor] + channel.descriptors).map {
        pollfd(fd: $0, events: Int16(POLLIN), revents: 0)
      }
      _ = poll(&descriptors, nfds_t(descriptors.count), 50)
      let now = Date()
      state.now = now
      for result in worker.take() { answer(result) }
      for event in channel.poll(now: now) { drive(update(&state, .channel(event, now: now))) }
      while !state.waiting.isEmpty, state.openChats.count < maximumOpenChats {
        drive(takeNextCustomer(&state))
        tally.chatsTaken += 1
      }
      drive(update(&state, .tick(now: now)))
    }
  }

  private func answer(_ result: RankingResult) {
    let chat = result.request.chat
    guard let index = state.index(of: chat), result.request.generation >= state.chats[index].generation else {
      return
    }
    drive(update(&state, .ranked(result, now: state.now)))
    guard let index = state.index(of: chat), state.chats[index].isOpen,
      state.chats[index].awaitingReplySince != nil
    else { return }
    guard let top = state.chats[index].suggestions.rows.first, top.isSendableUnedited,
      top.grounding.contradictionReason == nil
    else {
      tally.handedOver += 1
      return
    }
    drive(commit(&state, .accepted(suggestionID: top.id, rank: 1, text: top.text), in: index))
    tally.replies += 1
  }

  private func drive(_ effects: [ConsoleEffect]) {
    var queue = effects.flatMap(executor.execute)
    while !queue.isEmpty {
      queue += update(&state, queue.removeFirst()).flatMap(executor.execute)
    }
  }
}
