import Foundation
import ReplyDeskCore
import ReplyDeskEngine
import ReplyDeskStore

/// A ranker model's two figures before it may replace another: R@1 on held-out queries (as the
/// trainer's dev report counts it) and grounding accuracy, the share of grounding queries whose
/// state-true reply it puts first (as `replydesk eval --grounding` counts it).
public struct ModelFigures: Sendable, Equatable {
  public var recallAt1: Double
  public var queries: Int
  public var grounding: Double
  public var groundingQueries: Int

  public init(recallAt1: Double, queries: Int, grounding: Double, groundingQueries: Int) {
    self.recallAt1 = recallAt1
    self.queries = queries
    self.grounding = grounding
    self.groundingQueries = groundingQueries
  }

  /// Both figures of `model` on `heldOut` and `grounding`.
  public static func measure(_ model: RankerModel, heldOut: EvaluationSet, grounding: [GroundingQuery]) throws
    -> ModelFigures
  {
    let neural = QueryRanker(model: model)
    let evaluation = try GroundingEvaluation(
      queries: grounding, scorers: [("neural", { try neural.scores(for: $0.rankingQuery) })])
    let tally = evaluation.tallies["neural"]?["all"]
    return ModelFigures(
      recallAt1: try heldOut.evaluate(model).recallAt1, queries: heldOut.queries.count,
      grounding: tally?.share ?? 0, groundingQueries: tally?.queries ?? 0)
  }

  /// Worse than `other` on either figure.
  public func isWorse(than other: ModelFigures) -> Bool {
    recallAt1 < other.recallAt1 || grounding < other.grounding
  }

  /// "R@1 0.412 of 87 held-out queries, grounding 81.2% of 250".
  public var description: String {
    String(
      format: "R@1 %.3f of %d held-out queries, grounding %.1f%% of %d", recallAt1, queries, 100 * grounding,
      groundingQueries)
  }

  /// The held-out grounding set, `Evaluation/grounding/queries.jsonl` (found as Templates/ is).
  public static func groundingSetPath() throws -> String {
    guard
      let directory = ResourceLocator.directory(named: "Evaluation", environmentKey: "REPLYDESK_EVALUATION")
    else {
      throw CommandFailure(
        "No Evaluation/ directory found: run from the package's folder or set REPLYDESK_EVALUATION to it "
          + "(eval also takes --queries).")
    }
    return directory.appendingPathComponent("grounding/queries.jsonl").path
  }

  /// The queries of the held-out grounding set.
  public static func groundingSet() throws -> [GroundingQuery] {
    let path = try groundingSetPath()
    do { return try JSONLines.read(GroundingQuery.self, path: path) } catch {
      throw CommandFailure("Cannot read the grounding set \(path)", error)
    }
  }
}

/// Whether a newly trained model may take the place of the model in use, and where it is written.
public enum ModelReplacement {
  /// Whether `path` names the model the console ranks with when none is named (the default model's
  /// file under `home`): the model in use.
  public static func isInUse(_ path: String, home: URL = ReplyDeskHome().directory) -> Bool {
    URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath().path
      == DefaultModel.url(home: home).standardizedFileURL.resolvingSymlinksInPath().path
  }

  /// The file a refused model is written to instead of `path`.
  public static func rejectedPath(_ path: String) -> String { path + ".rejected" }

  /// Writes `model` to `path` (atomically), unless `path` is the model in use, `before` is that
  /// model's figures and `after` is worse on either without `force`: then the model is written beside
  /// it (`rejectedPath`) and the refusal is thrown, with both figures. Returns the path written.
  @discardableResult
  public static func save(
    _ model: RankerModel, to path: String, inUse: Bool, before: ModelFigures?, after: ModelFigures,
    force: Bool
  ) throws -> String {
    guard inUse, !force, let before, after.isWorse(than: before) else {
      try ModelFile.save(model, to: path)
      return path
    }
    let rejected = rejectedPath(path)
    try ModelFile.save(model, to: rejected)
    throw CommandFailure(
      "Kept the model in use at \(path): the new model is worse on held-out R@1 or on grounding "
        + String(
          format: "(R@1 %.3f against %.3f, grounding %.1f%% against %.1f%%)", after.recallAt1,
          before.recallAt1,
          100 * after.grounding, 100 * before.grounding)
        + ". It is written to \(rejected); pass --force to replace the model in use with it anyway.")
  }
}
