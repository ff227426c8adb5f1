import Foundation
import ReplyDeskCore
import Synchronization

/// The neural model file a console ranks with, and how to rank with what it holds now.
public struct WatchedModel: Sendable {
  public var path: String
  /// The model in use at start-up.
  public var identity: ModelIdentity
  /// The file's signature from just before it was read at start-up.
  public var signature: FileSignature?
  /// Reads the file again and builds a ranker over every template the console ranks; throws with
  /// the reason when the file cannot be used. Runs on the ranking worker's thread.
  public var load: @Sendable () throws -> (ranker: any SuggestionRanker, identity: ModelIdentity)

  public init(
    path: String, identity: ModelIdentity, signature: FileSignature?,
    load: @escaping @Sendable () throws -> (ranker: any SuggestionRanker, identity: ModelIdentity)
  ) {
    self.path = path
    self.identity = identity
    self.signature = signature
    self.load = load
  }

  /// The same file, with every ranker it loads wrapped by `wrap` (a calibration, for example).
  public func wrapping(_ wrap: @escaping @Sendable (any SuggestionRanker) -> any SuggestionRanker)
    -> WatchedModel
  {
    var wrapped = self
    let load = self.load
    wrapped.load = {
      let loaded = try load()
      return (wrap(loaded.ranker), loaded.identity)
    }
    return wrapped
  }
}

/// Watches the model file from the runner's tick and swaps in the model a replaced file holds, on
/// the ranking worker's thread (never the UI's): a file that loads ranks every later request, one
/// that does not is refused and the model in use stays. One reload runs at a time.
final class ModelReloader {
  private let model: WatchedModel
  private let watcher: ModelWatcher
  private let worker: RankingWorker
  private let outcomes = ReloadOutcomes()
  private var reloading = false

  init(model: WatchedModel, worker: RankingWorker, interval: TimeInterval = 2) {
    self.model = model
    self.worker = worker
    watcher = ModelWatcher(path: model.path, loaded: model.signature, interval: interval)
  }

  /// What finished reloads came to, as events at `now`; starts a reload when the file changed.
  func poll(now: Date) -> [ConsoleEvent] {
    let finished = outcomes.take()
    if !finished.isEmpty { reloading = false }
    if !reloading, watcher.fileChanged(at: now) {
      reloading = true
      let (load, path, outcomes) = (model.load, model.path, outcomes)
      worker.replaceRanker(ifLoaded: {
        do {
          let loaded = try load()
          outcomes.append(.reloaded(loaded.identity))
          return loaded.ranker
        } catch {
          outcomes.append(.refused(path: path, reason: ErrorText.sentence(for: error)))
          return nil
        }
      })
    }
    return finished.map { .modelReload($0, now: now) }
  }
}

/// Reload outcomes the ranking worker's thread hands to the UI loop.
private final class ReloadOutcomes: Sendable {
  private let list = Mutex<[ModelReload]>([])

  func append(_ outcome: ModelReload) { list.withLock { $0.append(outcome) } }

  func take() -> [ModelReload] {
    list.withLock { outcomes in
      defer { outcomes = [] }
      return outcomes
    }
  }
}
