import Foundation
import ReplyDeskCore

/// A generated reply for the turn a request ended with; nil when the generator offered none.
struct GeneratedReply: Equatable, Sendable {
  var request: RankingRequest
  var suggestion: Suggestion?
}

/// Runs the generator on its own thread (a `ChatRequestWorker`), so a slow generation never holds up
/// a ranking. Requests that arrive before the generator is ready are dropped.
final class GenerationWorker: Sendable {
  private let worker: ChatRequestWorker<GeneratedReply>

  /// Readable whenever a reply is waiting.
  var wakeDescriptor: Int32 { worker.wakeDescriptor }

  init(slot: GeneratorSlot) throws {
    worker = try ChatRequestWorker(name: "generation", qos: .utility) { request in
      slot.writer.map { GeneratedReply(request: request, suggestion: $0.reply(for: request)) }
    }
  }

  /// Queues `request`, replacing any request of the same chat that has not started yet.
  func submit(_ request: RankingRequest) { worker.submit(request) }

  /// The newest finished reply of each chat; drains the wake pipe.
  func take() -> [GeneratedReply] { worker.take() }
}
