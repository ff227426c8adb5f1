import Foundation
import ReplyDeskCore
import Synchronization

/// Runs the ranker off the UI thread (a `ChatRequestWorker`). The ranker can be replaced (a template
/// was saved, the model file was rewritten) between two requests.
final class RankingWorker: Sendable {
  private let current: CurrentRanker
  private let worker: ChatRequestWorker<RankingResult>

  /// Readable whenever a result is waiting.
  var wakeDescriptor: Int32 { worker.wakeDescriptor }

  init(ranker: any SuggestionRanker) throws {
    let current = CurrentRanker(ranker)
    self.current = current
    worker = try ChatRequestWorker(name: "ranking", qos: .userInitiated) { current.ranker.rank($0) }
  }

  /// Queues `request`, replacing any request of the same chat that has not started yet.
  func submit(_ request: RankingRequest) { worker.submit(request) }

  /// Builds a new ranker on the worker's thread; every request submitted after this call uses it.
  func replaceRanker(_ build: @escaping @Sendable () -> any SuggestionRanker) {
    worker.enqueue { [current] in current.ranker = build() }
  }

  /// Runs `attempt` on the worker's thread after every request submitted so far has started; the
  /// ranker it returns, if any, ranks every later request. The console's poll wakes afterwards.
  func replaceRanker(ifLoaded attempt: @escaping @Sendable () -> (any SuggestionRanker)?) {
    worker.enqueue(wakes: true) { [current] in
      if let ranker = attempt() { current.ranker = ranker }
    }
  }

  /// The newest finished result of each chat, oldest generation first; drains the wake pipe.
  func take() -> [RankingResult] { worker.take() }
}

/// The ranker in use, swapped between requests.
private final class CurrentRanker: Sendable {
  private let state: Mutex<any SuggestionRanker>

  init(_ ranker: any SuggestionRanker) { state = Mutex(ranker) }

  var ranker: any SuggestionRanker {
    get { state.withLock { $0 } }
    set { state.withLock { $0 = newValue } }
  }
}
