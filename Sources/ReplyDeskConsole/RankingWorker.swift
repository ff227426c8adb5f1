import Foundation
import ReplyDeskCore
import Synchronization

/// Runs the ranker off the UI thread. Requests are coalesced per chat (only the newest pending
/// request of each chat runs); finished results wait in a `Mutex` mailbox keyed by chat and a byte
/// on a pipe wakes the console's `poll`.
final class RankingWorker: Sendable {
  private let ranker: any SuggestionRanker
  private let queue = DispatchQueue(label: "replydesk.ranking", qos: .userInitiated)
  private let pending = Mutex<[RankingRequest]>([])
  private let mailbox = Mutex<[ChatID: RankingResult]>([:])
  /// Readable whenever a result is waiting.
  let wakeDescriptor: Int32
  private let signalDescriptor: Int32

  init(ranker: any SuggestionRanker) throws {
    var ends: [Int32] = [0, 0]
    guard pipe(&ends) == 0 else {
      throw ConsoleError("cannot create the ranking pipe: errno \(errno)")
    }
    for end in ends { _ = fcntl(end, F_SETFL, fcntl(end, F_GETFL) | O_NONBLOCK) }
    wakeDescriptor = ends[0]
    signalDescriptor = ends[1]
    self.ranker = ranker
  }

  deinit {
    close(wakeDescriptor)
    close(signalDescriptor)
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

  private func runPending() {
    guard
      let request = pending.withLock({ requests -> RankingRequest? in
        requests.isEmpty ? nil : requests.removeFirst()
      })
    else { return }
    let result = ranker.rank(request)
    mailbox.withLock { results in
      if let current = results[request.chat], current.request.generation > result.request.generation {
        return
      }
      results[request.chat] = result
    }
    var byte: UInt8 = 1
    _ = write(signalDescriptor, &byte, 1)
  }

  /// The newest finished result of each chat, oldest generation first; drains the wake pipe.
  func take() -> [RankingResult] {
    var buffer = [UInt8](repeating: 0, count: 64)
    while read(wakeDescriptor, &buffer, buffer.count) > 0 {}
    return mailbox.withLock { results in
      defer { results = [:] }
      return results.values.sorted { $0.request.generation < $1.request.generation }
    }
  }
}
