import Foundation
import ReplyDeskCore
import Synchronization

/// Runs the ranker off the UI thread. Requests are coalesced per chat (only the newest pending
/// request of each chat runs); finished results wait in a `Mutex` mailbox keyed by chat and a byte
/// on a pipe wakes the console's `poll`. The ranker can be replaced (a template was saved) between
/// two requests.
final class RankingWorker: Sendable {
  private let ranker: Mutex<any SuggestionRanker>
  private let queue = DispatchQueue(label: "replydesk.ranking", qos: .userInitiated)
  private let pending = Mutex<[RankingRequest]>([])
  private let mailbox = Mutex<[ChatID: RankingResult]>([:])
  private let wake: WakePipe

  /// Readable whenever a result is waiting.
  var wakeDescriptor: Int32 { wake.readDescriptor }

  init(ranker: any SuggestionRanker) throws {
    wake = try WakePipe(name: "ranking")
    self.ranker = Mutex(ranker)
  }

  /// Queues `request`, replacing any request of the same chat that has not started yet.
  func submit(_ request: RankingRequest) {
    pending.withLock { requests in
      if let index = requests.firstIndex(where: { $0.chat == request.chat }) {
        requests[index] = request
      } else {
        requests.append(request)
      }
    }
    queue.async { @Sendable [self] in runPending() }
  }

  /// Builds a new ranker on the worker's thread; every request submitted after this call uses it.
  func replaceRanker(_ build: @escaping @Sendable () -> any SuggestionRanker) {
    queue.async { @Sendable [self] in
      let replacement = build()
      ranker.withLock { $0 = replacement }
    }
  }

  private func runPending() {
    guard
      let request = pending.withLock({ requests -> RankingRequest? in
        requests.isEmpty ? nil : requests.removeFirst()
      })
    else { return }
    let current = ranker.withLock { $0 }
    let result = current.rank(request)
    mailbox.withLock { results in
      if let current = results[request.chat], current.request.generation > result.request.generation {
        return
      }
      results[request.chat] = result
    }
    wake.signal()
  }

  /// The newest finished result of each chat, oldest generation first; drains the wake pipe.
  func take() -> [RankingResult] {
    wake.drain()
    return mailbox.withLock { results in
      defer { results = [:] }
      return results.values.sorted { $0.request.generation < $1.request.generation }
    }
  }
}
