import ArgumentParser
import Foundation
import ReplyDeskApp
import ReplyDeskCore
import ReplyDeskEngine

/// How simulated customers read the representative's replies: by what they mean (the neural
/// ranker's encoder, `NeuralReplyReader`) or by their keywords.
enum CustomerReading: String, ExpressibleByArgument, CaseIterable {
  case meaning
  case keywords

  /// An interpreter over `templates` with the neural model at `modelPath`.
  static func interpreter(modelPath: String, templates: [ReplyTemplate]) throws -> ReplyInterpreter {
    do {
      let reader = NeuralReplyReader(model: try ModelFile.load(modelPath))
      return ReplyInterpreter(reader: reader, templates: templates)
    } catch {
      throw CommandFailure(
        "Cannot read replies by meaning with \(modelPath) (\(ErrorText.sentence(for: error))); "
          + "pass another --model, or --customer-reading keywords.")
    }
  }
}
