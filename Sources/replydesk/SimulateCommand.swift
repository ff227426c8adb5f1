import ArgumentParser
import Foundation
import ReplyDeskApp
import ReplyDeskCore
import ReplyDeskEngine
import ReplyDeskSimulation

/// `replydesk simulate`: simulated customers against a ranker with no UI, the top suggestion always
/// sent; or, with `--calibration`, a confidence calibration fitted and checked on held-out chats.
struct SimulateCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "simulate",
    abstract: "Play simulated customers against a ranker (top suggestion always sent) and report figures.")

  @Option(help: "How many chats to simulate (re-contacts included).")
  var chats = 200

  @Option(help: "Seed; the same seed, scenarios and ranker give the same run.")
  var seed: UInt64 = 1

  @Option(
    help: "Ranker: lexical, neural, or auto (neural when a model is given or the default model exists).")
  var ranker: RankerChoice = .lexical

  @Option(help: "Neural model file (used with --ranker neural).")
  var model: String?

  @Option(help: "Scenario directory (default: $REPLYDESK_SCENARIOS, ./Scenarios, or the built-in ones).")
  var scenarios: String?

  @Option(help: "Template directory (default: $REPLYDESK_TEMPLATES, ./Templates, or the package's).")
  var templates: String?

  @Option(
    help: ArgumentHelp(
      "After the figures, list the N most frequent replies the strict customer objected to, by template.",
      valueName: "N"))
  var showSlips = 0

  @Option(
    help: """
      How the customers read replies: by meaning (the neural model's encoder; the default when a \
      model is at hand) or by keywords.
      """)
  var customerReading: CustomerReading?

  @Flag(
    help: """
      Also send each correct top suggestion in other words (ReplyParaphrases) to a copy of the \
      customer and report how often it is understood as its template.
      """)
  var paraphrased = false

  @Flag(help: "After the figures, how the chats of each scenario ended.")
  var byScenario = false

  @Option(help: "Write every simulated chat (scenario, outcome, messages) to this file, one JSON line each.")
  var transcripts: String?

  @Flag(help: "Print the figures as one JSON object.")
  var json = false

  @Flag(help: "Fit a confidence calibration and print top-1 accuracy per confidence band on held-out chats.")
  var calibration = false

  @Option(help: "Conversations to fit the calibration on; as many again are held out to check it.")
  var calibrationConversations = 400

  @Option(help: "Write the fitted calibration as JSON to this file (for CalibratedRanker).")
  var saveCalibration: String?

  func validate() throws {
    if model != nil && ranker == .lexical { throw ValidationError("--model needs --ranker neural") }
    guard chats > 0, chats <= 1_000_000 else { throw ValidationError("--chats must be from 1 to 1000000") }
    guard showSlips >= 0 else { throw ValidationError("--show-slips must be 0 or more") }
    if (showSlips > 0 || byScenario) && json {
      throw ValidationError("--show-slips and --by-scenario print tables; leave out --json to see them")
    }
    guard calibrationConversations >= 10 else {
      throw ValidationError("--calibration-conversations must be at least 10")
    }
  }

  func run() throws {
    BLASThreads.use(BLASThreads.interactive)
    let library = try loadTemplates()
    let ranker = try HeadlessRanker.make(ranker, model: model, templates: library)
    if calibration {
      try runCalibration(ranker: ranker, templates: library)
    } else {
      try runSimulation(ranker: ranker, templates: library)
    }
  }

  private func runSimulation(ranker: any SuggestionRanker, templates: [ReplyTemplate]) throws {
    let scenarioLibrary = try CommandResources.scenarioLibrary(directory: scenarios)
    var simulation = RankerSimulation(
      ranker: ranker, templates: templates, scenarios: scenarioLibrary.scenarios, seed: seed)
    simulation.interpreter = try interpreter(templates: templates)
    if paraphrased { simulation.paraphrases = ReplyParaphrases.byTemplate }
    let records = simulation.run(chats: chats, start: Self.start)
    let summary = SimulationSummary(ranker: ranker.name, chats: records)
    print(json ? try Self.json(summary) : summary.text)
    if byScenario { print("\n" + ScenarioOutcomes(records).text) }
    if showSlips > 0 { print(Self.slipTable(records, limit: showSlips)) }
    if let transcripts {
      do {
        try SimulatedChatLine.jsonLines(records).write(
          to: URL(fileURLWithPath: transcripts), options: .atomic)
      } catch {
        throw CommandFailure(
          "Could not write the transcripts to \(transcripts): \(error.localizedDescription)")
      }
    }
  }

  /// The most frequent (template, problem, order state) slips of a run, one line each with its count.
  static func slipTable(_ records: [SimulatedChat], limit: Int) -> String {
    let slips = records.flatMap { chat in chat.slips.map { (chat.scenario, $0) } }
    let counted = Dictionary(grouping: slips) {
      "\($1.templateID)  \($1.problem)  [\($1.order); \($0)]  listed: \($1.listed)"
    }
    .map { (line: $0.key, count: $0.value.count) }
    .sorted { $0.count != $1.count ? $0.count > $1.count : $0.line < $1.line }
    guard !counted.isEmpty else { return "\nNo reply misinformed a customer or asked again for a detail." }
    let lines = counted.prefix(limit).map { String(format: "%5d  ", $0.count) + $0.line }
    return
      (["", "Replies the strict customer objected to (\(slips.count)): template  problem  [order; scenario]"]
      + lines).joined(separator: "\n")
  }

  private func runCalibration(ranker: any SuggestionRanker, templates: [ReplyTemplate]) throws {
    let fitting = CalibrationDataset.samples(
      ranker: ranker, templates: templates, seed: seed, conversations: calibrationConversations,
      start: Self.start)
    let heldOut = CalibrationDataset.samples(
      ranker: ranker, templates: templates, seed: seed &+ 0x0FF5E7, conversations: calibrationConversations,
      start: Self.start)
    let fitted: ConfidenceCalibration
    do {
      fitted = try ConfidenceCalibration(fitting: fitting)
    } catch {
      throw CommandFailure(error)
    }
    if let saveCalibration {
      try JSONEncoder().encode(fitted).write(to: URL(fileURLWithPath: saveCalibration))
    }
    let report = CalibrationReport(samples: heldOut, calibration: fitted)
    if json {
      print(try Self.json(CalibrationFigures(ranker: ranker.name, fitted: fitting.count, report: report)))
    } else {
      print(
        "ranker \(ranker.name): fitted on \(fitting.count) rankings, checked on \(heldOut.count) held-out")
      print(report.table)
    }
  }

  /// The customers' reader: by meaning with `--model` or the default model when present (required
  /// with `--customer-reading meaning`), by keywords otherwise.
  private func interpreter(templates: [ReplyTemplate]) throws -> ReplyInterpreter? {
    guard customerReading != .keywords else { return nil }
    let path: String
    do {
      path = try DefaultModel.path(explicit: model)
    } catch {
      if customerReading == .meaning { throw error }
      return nil
    }
    return try CustomerReading.interpreter(modelPath: path, templates: templates)
  }

  private func loadTemplates() throws -> [ReplyTemplate] {
    guard let directory = templates.map({ URL(fileURLWithPath: $0) }) ?? ResourceLocator.templatesDirectory()
    else {
      throw CommandFailure("No Templates directory found; pass --templates or set REPLYDESK_TEMPLATES.")
    }
    do {
      let library = try TemplateLibrary.load(directory: directory)
      for issue in library.issues {
        FileHandle.standardError.write(Data("warning: \(issue)\n".utf8))
      }
      return library.templates
    } catch {
      throw CommandFailure(error.description)
    }
  }

  /// Simulated time starts at a fixed moment so runs are reproducible: Monday, June 1, 2026, 09:00 UTC.
  static let start = Date(timeIntervalSince1970: 1_780_304_400)

  private static func json<T: Encodable>(_ value: T) throws -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys]
    return String(decoding: try encoder.encode(value), as: UTF8.self)
  }
}

/// The calibration figures `simulate --calibration --json` prints.
struct CalibrationFigures: Encodable {
  struct Band: Encodable {
    var lower: Double
    var upper: Double
    var count: Int
    var accuracy: Double?
    var meanConfidence: Double?
  }

  var ranker: String
  var fitted: Int
  var heldOut: Int
  var bands: [Band]
  var expectedCalibrationError: Double

  init(ranker: String, fitted: Int, report: CalibrationReport) {
    self.ranker = ranker
    self.fitted = fitted
    heldOut = report.bands.reduce(0) { $0 + $1.count }
    bands = report.bands.map {
      Band(
        lower: $0.lower, upper: $0.upper, count: $0.count, accuracy: $0.accuracy,
        meanConfidence: $0.meanConfidence)
    }
    expectedCalibrationError = report.expectedCalibrationError
  }
}
