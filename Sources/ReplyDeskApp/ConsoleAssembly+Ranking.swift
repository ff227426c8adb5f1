import Foundation
import ReplyDeskConsole
import ReplyDeskCore
import ReplyDeskEngine
import ReplyDeskSimulation

/// Where the console's suggestions come from.
public enum RankerChoice: String, CaseIterable, Sendable {
  /// The neural model when one is present or can be trained now; the lexical ranker otherwise.
  case auto
  case neural
  case lexical
}

/// The console's ranker, and how to build it again over a changed template list without retraining
/// (a saved template joins the running ranker this way).
public struct ConsoleRanking {
  public var ranker: any SuggestionRanker
  public var rebuild: @Sendable ([ReplyTemplate]) -> any SuggestionRanker
  /// Reads replies by meaning with the neural model; nil with the lexical ranker.
  public var reader: (any ReplyReader)?
  /// The neural model's file, watched while the console runs; nil with the lexical ranker.
  public var model: WatchedModel?
}

/// Chooses and wraps the console's ranker: the neural ranker when a model is present (the default
/// model is trained on first run), the lexical ranker otherwise; calibrated when autopilot needs a
/// confidence.
extension ConsoleAssembly {
  /// How many simulated conversations a first-run calibration is fitted on.
  static let calibrationConversations = 200

  public func ranking(templates: TemplateLibrary) throws -> ConsoleRanking {
    let base = try baseRanking(templates: templates)
    guard autopilot != nil || calibration != nil else { return base }
    let calibration = try confidenceCalibration(for: base.ranker, templates: templates)
    let rebuild = base.rebuild
    return ConsoleRanking(
      ranker: CalibratedRanker(base: base.ranker, calibration: calibration),
      rebuild: { CalibratedRanker(base: rebuild($0), calibration: calibration) }, reader: base.reader,
      model: base.model?.wrapping { CalibratedRanker(base: $0, calibration: calibration) })
  }

  private func baseRanking(templates: TemplateLibrary) throws -> ConsoleRanking {
    let lexical = ConsoleRanking(
      ranker: SuggestionPipeline(scorer: LexicalRanker(templates: templates.templates)),
      rebuild: { SuggestionPipeline(scorer: LexicalRanker(templates: $0)) })
    guard ranker != .lexical else { return lexical }
    let path = model.map { URL(fileURLWithPath: $0) } ?? DefaultModel.url(home: home.directory)
    do {
      if model == nil && !FileManager.default.fileExists(atPath: path.path) {
        var bar = ProgressBar(title: "Training the default neural ranker (first run only)")
        let report = try DefaultModel.train(templates: templates.templates, to: path) { bar.show($0) }
        bar.finish(String(format: "%.0f examples/s; saved %@", report.examplesPerSecond, path.path))
      }
      let signature = FileSignature(path: path.path)
      let inUse = try ModelInUse(path: path.path, templates: templates.templates)
      return ConsoleRanking(
        ranker: SuggestionPipeline(scorer: inUse.ranker(templates: templates.templates)),
        rebuild: { SuggestionPipeline(scorer: inUse.ranker(templates: $0)) },
        reader: NeuralReplyReader(model: inUse.model), model: inUse.watched(signature: signature))
    } catch {
      let reason = (error as? any LocalizedError)?.errorDescription ?? String(describing: error)
      if ranker == .neural {
        throw CommandFailure(
          "Cannot use the neural ranker: \(reason). Pass another --model or --ranker lexical.")
      }
      FileHandle.standardError.write(
        Data(
          ("warning: the neural ranker cannot be used (\(reason)), so suggestions come from the lexical "
            + "ranker; pass --model with a working model file to use the neural one.\n").utf8))
      return lexical
    }
  }

  /// The calibration from `--calibration`, else the one kept in the home directory for this ranker,
  /// else a new one fitted on simulated conversations (and kept for next time).
  private func confidenceCalibration(
    for ranker: any SuggestionRanker, templates: TemplateLibrary
  ) throws -> ConfidenceCalibration {
    let kept = home.directory.appendingPathComponent("calibration-\(ranker.name).json")
    let path = calibration.map { URL(fileURLWithPath: $0) } ?? kept
    if FileManager.default.fileExists(atPath: path.path) {
      do {
        return try JSONDecoder().decode(ConfidenceCalibration.self, from: Data(contentsOf: path))
      } catch {
        throw CommandFailure("\(path.path) is not a confidence calibration: \(error.localizedDescription)")
      }
    }
    if calibration != nil { throw CommandFailure("no calibration file at \(path.path)") }
    FileHandle.standardError.write(
      Data("Fitting the autopilot's confidence on \(Self.calibrationConversations) simulated chats…\n".utf8))
    let samples = CalibrationDataset.samples(
      ranker: ranker, templates: templates.templates, seed: 1, conversations: Self.calibrationConversations,
      start: Date())
    let fitted: ConfidenceCalibration
    do {
      fitted = try ConfidenceCalibration(fitting: samples)
    } catch {
      throw CommandFailure("cannot fit a confidence calibration", error)
    }
    try? home.createDirectoryIfNeeded()
    try? JSONEncoder().encode(fitted).write(to: kept)
    return fitted
  }
}
