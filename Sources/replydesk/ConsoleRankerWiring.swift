import ArgumentParser
import Foundation
import ReplyDeskCore
import ReplyDeskSimulation

/// Chooses and wraps the console's ranker: the lexical ranker over the loaded templates, calibrated
/// when autopilot needs a confidence.
extension ConsoleLaunchOptions {
  /// How many simulated conversations a first-run calibration is fitted on.
  static let calibrationConversations = 200

  func ranker(templates: TemplateLibrary) throws -> any SuggestionRanker {
    let base: any SuggestionRanker = LexicalRanker(templates: templates.templates)
    guard autopilot != nil || calibration != nil else { return base }
    return CalibratedRanker(
      base: base, calibration: try confidenceCalibration(for: base, templates: templates))
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
        throw ValidationError("\(path.path) is not a confidence calibration: \(error.localizedDescription)")
      }
    }
    if calibration != nil { throw ValidationError("no calibration file at \(path.path)") }
    FileHandle.standardError.write(
      Data("Fitting the autopilot's confidence on \(Self.calibrationConversations) simulated chats…\n".utf8))
    let samples = CalibrationDataset.samples(
      ranker: ranker, templates: templates.templates, seed: 1, conversations: Self.calibrationConversations,
      start: Date())
    let fitted: ConfidenceCalibration
    do {
      fitted = try ConfidenceCalibration(fitting: samples)
    } catch {
      throw ValidationError("cannot fit a confidence calibration: \(error)")
    }
    try? home.createDirectoryIfNeeded()
    try? JSONEncoder().encode(fitted).write(to: kept)
    return fitted
  }
}
