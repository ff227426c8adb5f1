import Foundation
import ReplyDeskCore
import ReplyDeskEngine

/// `replydesk train --from-store`: trains the ranker on a store's sessions, from a model's weights
/// (`start`, its vocabulary grown by the sessions' new words) or fresh ones, holding out the most
/// recent sessions to measure the model it starts from and the new one.
public struct StoreTraining {
  public var options: TrainingOptions
  /// The fraction of sessions, the most recent, held out for the before/after figures.
  public var holdOut: Double
  /// The held-out grounding queries both models are measured on.
  public var grounding: [GroundingQuery]

  public init(options: TrainingOptions, holdOut: Double, grounding: [GroundingQuery]) {
    self.options = options
    self.holdOut = holdOut
    self.grounding = grounding
  }

  /// What training starts from: the model, the encoded examples and the held-out queries.
  public struct Plan {
    public var model: RankerModel
    public var data: TrainingData
    /// The words the vocabulary gained (every word for a fresh model).
    public var addedWords: [String]
    public var heldOut: EvaluationSet
    public var trainingConversations: Int
  }

  /// The sessions split by time: all but the most recent `holdOut` share, and that share (at
  /// least one session).
  public func split(_ conversations: [CorpusConversation]) -> (
    training: [CorpusConversation], heldOut: [CorpusConversation]
  ) {
    let held = min(conversations.count - 1, max(1, Int((Double(conversations.count) * holdOut).rounded())))
    return (Array(conversations.dropLast(held)), Array(conversations.suffix(held)))
  }

  /// The model training starts from: `start` with the new words of `conversations` added, or fresh
  /// weights (seeded) over their vocabulary.
  public static func startingModel(
    _ start: RankerModel?, for conversations: [CorpusConversation], seed: UInt64
  )
    -> (model: RankerModel, added: [String])
  {
    guard let start else {
      let config = RankerConfig()
      let vocabulary = TrainingData.vocabulary(conversations, config: config)
      return (RankerModel(config: config, vocabulary: vocabulary, seed: seed), vocabulary.words)
    }
    let added = start.vocabulary.newWords(in: conversations, config: start.config)
    return (start.growingVocabulary(with: added), added)
  }

  /// The plan for `conversations`: all but the held-out sessions encoded for training, from
  /// `start` (grown) or fresh weights.
  public func plan(_ conversations: [CorpusConversation], from start: RankerModel?) throws -> Plan {
    let (training, held) = split(conversations)
    let (model, added) = Self.startingModel(start, for: training, seed: options.seed)
    let data = TrainingData(training, vocabulary: model.vocabulary, config: model.config)
    guard data.count > 0 else {
      throw CommandFailure(
        "The \(training.count) sessions before the held-out ones have no reply after a customer turn to "
          + "learn from: record more chats, or lower --hold-out.")
    }
    return Plan(
      model: model, data: data, addedWords: added, heldOut: .fromConversations(held, limit: 2000),
      trainingConversations: training.count)
  }

  /// Trains the plan's model, keeping the weights with the best held-out R@1; `progress` gets a
  /// line per epoch.
  public func train(_ plan: Plan, progress: (String) -> Void) throws -> (RankerModel, TrainingReport) {
    try Trainer(options: options).train(plan.data, model: plan.model, dev: plan.heldOut, progress: progress)
  }

  /// Both figures of `model` on the held-out sessions and the grounding set.
  public func figures(_ model: RankerModel, heldOut: EvaluationSet) throws -> ModelFigures {
    try ModelFigures.measure(model, heldOut: heldOut, grounding: grounding)
  }
}
