import Foundation
import ReplyDeskCore
import ReplyDeskEngine
import ReplyDeskStore

/// The ranker of commands that play chats without a console (`simulate`, `eval-live`,
/// `bench live-load`): the same pipeline the console uses, without calibration or training. Those
/// commands set `BLASThreads.interactive` as they start.
public enum HeadlessRanker {
  /// `.lexical` ranks by words; `.neural` loads `model` (else the default model, which must exist);
  /// `.auto` is neural when `model` is given or the default model exists, lexical otherwise.
  public static func make(_ choice: RankerChoice, model: String?, templates: [ReplyTemplate]) throws
    -> any SuggestionRanker
  {
    let lexical = SuggestionPipeline(scorer: LexicalRanker(templates: templates))
    switch choice {
    case .lexical:
      return lexical
    case .auto, .neural:
      let defaultModel = DefaultModel.url(home: ReplyDeskHome().directory).path
      if choice == .auto && model == nil && !FileManager.default.fileExists(atPath: defaultModel) {
        return lexical
      }
      let path = try DefaultModel.path(explicit: model)
      do {
        return SuggestionPipeline(scorer: try NeuralRanker(modelPath: path, templates: templates))
      } catch {
        throw CommandFailure("Cannot use the neural ranker", error)
      }
    }
  }
}
