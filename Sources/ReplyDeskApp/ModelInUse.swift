import Foundation
import ReplyDeskConsole
import ReplyDeskCore
import ReplyDeskEngine
import Synchronization

/// The neural model the console ranks with, shared by every ranker the ranking worker builds: a
/// saved template is encoded with the model in use, and a model reloaded from the file ranks every
/// template saved so far. Both run on the ranking worker's thread, one after the other.
final class ModelInUse: Sendable {
  let path: String
  private let state: Mutex<(model: RankerModel, templates: [ReplyTemplate])>

  /// Reads the model at `path`; throws when it cannot be used.
  init(path: String, templates: [ReplyTemplate]) throws {
    self.path = path
    state = Mutex((try ModelFile.load(path), templates))
  }

  var model: RankerModel { state.withLock { $0.model } }

  /// A ranker over `templates` with the model in use; a reload ranks these templates.
  func ranker(templates: [ReplyTemplate]) -> NeuralRanker {
    let model = state.withLock { kept -> RankerModel in
      kept.templates = templates
      return kept.model
    }
    return NeuralRanker(model: model, templates: templates)
  }

  /// The file, watched while the console runs; `signature` is the file's from before it was read.
  func watched(signature: FileSignature?) -> WatchedModel {
    WatchedModel(
      path: path, identity: Self.identity(signature), signature: signature,
      load: { [self] in
        let (ranker, identity) = try reload()
        return (SuggestionPipeline(scorer: ranker), identity)
      })
  }

  /// Reads the file again: from now on its model ranks the templates of the last ranker built.
  /// Throws the reason, changing nothing, when the file cannot be used.
  func reload() throws -> (ranker: NeuralRanker, identity: ModelIdentity) {
    let signature = FileSignature(path: path)
    let model: RankerModel
    do {
      model = try ModelFile.load(path)
    } catch let error as ModelFileError {
      throw CommandFailure(error.reason)
    }
    let templates = state.withLock { $0.templates }
    let ranker = NeuralRanker(model: model, templates: templates)
    state.withLock { $0.model = model }
    return (ranker, Self.identity(signature))
  }

  private static func identity(_ signature: FileSignature?) -> ModelIdentity {
    ModelIdentity(name: "neural v\(ModelFile.version)", date: signature?.modified ?? Date())
  }
}
