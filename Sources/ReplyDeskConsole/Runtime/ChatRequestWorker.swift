import Foundation
import ReplyDeskCore
import Synchronization

/// Answers per-chat requests on one background thread for the UI loop. Requests are coalesced per
/// chat (only the newest pending request of each chat runs); the newest finished output of each chat
/// waits in a `Mutex` mailbox, and a byte on a pipe wakes the console's `poll`.
final class ChatRequestWorker<Output: Sendable>: Sendable {
  private let queue: DispatchQueue
  private let pending = Mutex<[RankingRequest]>([])
  private let mailbox = Mutex<[ChatID: (generation: Int, output: Output)]>([:])
  private let wake: WakePipe
  private let work: @Sendable (RankingRequest) -> Output?

  /// Readable whenever an output is waiting.
  var wakeDescriptor: Int32 { wake.readDescriptor }

  /// `work` runs on the worker's thread; a nil output is not delivered.
  init(name: String, qos: DispatchQoS, work: @escaping @Sendable (RankingRequest) -> Output?) throws {
    queue = DispatchQueue(label: "replydesk.\(name)", qos: qos)
    wake = try WakePipe(name: name)
    self.work = work
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

  /// Runs `body` on the worker's thread after every request submitted so far has started; with
  /// `wakes`, the wake pipe is signalled afterwards (the job left something for the console).
  func enqueue(wakes: Bool = false, _ body: @escaping @Sendable () -> Void) {
    queue.async { [wake] in
      body()
      if wakes { wake.signal() }
    }
  }

  private func runPending() {
    guard
      let request = pending.withLock({ requests -> RankingRequest? in
        requests.isEmpty ? nil : requests.removeFirst()
      }),
      let output = work(request)
    else { return }
    mailbox.withLock { outputs in
      if let kept = outputs[request.chat], kept.generation > request.generation { return }
      outputs[request.chat] = (request.generation, output)
    }
    wake.signal()
  }

  /// The newest finished output of each chat, oldest generation first; drains the wake pipe.
  func take() -> [Output] {
    wake.drain()
    return mailbox.withLock { outputs in
      defer { outputs = [:] }
      return outputs.values.sorted { $0.generation < $1.generation }.map(\.output)
    }
  }
}
