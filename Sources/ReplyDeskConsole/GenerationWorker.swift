import Foundation
import ReplyDeskCore
import Synchronization

/// A generated reply for the turn a request ended with; nil when the generator offered none.
struct GeneratedReply: Equatable, Sendable {
  var request: RankingRequest
  var suggestion: Suggestion?
}

/// Runs the generator on its own thread, so a slow generation never holds up a ranking. Requests
/// are coalesced per chat; results wait in a mailbox and a byte on a pipe wakes the console's `poll`.
final class GenerationWorker: Sendable {
  private let slot: GeneratorSlot
  private let queue = DispatchQueue(label: "replydesk.generation", qos: .utility)
  private let pending = Mutex<[RankingRequest]>([])
  private let mailbox = Mutex<[ChatID: GeneratedReply]>([:])
  private let wake: WakePipe

  /// Readable whenever a result is waiting.
  var wakeDescriptor: Int32 { wake.readDescriptor }

  init(slot: GeneratorSlot) throws {
    self.slot = slot
    wake = try WakePipe(name: "generation")
  }

  /// Queues `request`, replacing any request of the same chat that has not started yet.
  func submit(_ request: RankingRequest) {
    pending.withLock { requests in
      requests.removeAll { $0.chat == request.chat }
      requests.append(request)
    }
    queue.async { @Sendable [self] in runPending() }
  }

  private func runPending() {
    guard
      let request = pending.withLock({ requests -> RankingRequest? in
        requests.isEmpty ? nil : requests.removeFirst()
      }),
      let writer = slot.writer
    else { return }
    let reply = GeneratedReply(request: request, suggestion: writer.reply(for: request))
    mailbox.withLock { $0[request.chat] = reply }
    wake.signal()
  }

  /// The newest finished reply of each chat; drains the wake pipe.
  func take() -> [GeneratedReply] {
    wake.drain()
    return mailbox.withLock { replies in
      defer { replies = [:] }
      return replies.values.sorted { $0.request.generation < $1.request.generation }
    }
  }
}
