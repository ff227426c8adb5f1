import Foundation
import ReplyDeskCore
import Synchronization

/// Runs the ranker off the UI thread. Requests are coalesced (only the newest pending one runs);
/// the newest result waits in a `Mutex` mailbox and a byte on a pipe wakes the console's `poll`.
final class RankingWorker: Sendable {
  private let ranker: any SuggestionRanker
  private let queue = DispatchQueue(label: "replydesk.ranking", qos: .userInitiated)
  private let pending = Mutex<RankingRequest?>(nil)
  private let mailbox = Mutex<RankingResult?>(nil)
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

  /// Queues `request`, replacing any request that has not started yet.
  func submit(_ request: RankingRequest) {
    pending.withLock { $0 = request }
    queue.async { @Sendable [self] in runPending() }
  }

  private func runPending() {
    guard
      let request = pending.withLock({ slot -> RankingRequest? in
        defer { slot = nil }
        return slot
      })
    else { return }
    let result = ranker.rank(request)
    mailbox.withLock { slot in
      if let current = slot, current.request.generation > result.request.generation { return }
      slot = result
    }
    var byte: UInt8 = 1
    _ = write(signalDescriptor, &byte, 1)
  }

  /// The newest finished result, if any; drains the wake pipe.
  func take() -> RankingResult? {
    var buffer = [UInt8](repeating: 0, count: 64)
    while read(wakeDescriptor, &buffer, buffer.count) > 0 {}
    return mailbox.withLock { slot in
      defer { slot = nil }
      return slot
    }
  }
}
