import Foundation
import ReplyDeskCore

/// The scenarios simulated customers follow, read from a directory of `*.yaml` files. A broken file
/// is reported and skipped; the other files still load.
public struct ScenarioLibrary: Sendable {
  public var scenarios: [ScenarioSpec]
  /// Problems found while loading, each with its file and line.
  public var issues: [ScenarioIssue]

  /// The environment variable that overrides where scenario files are looked for.
  public static let environmentKey = "REPLYDESK_SCENARIOS"

  public init(scenarios: [ScenarioSpec], issues: [ScenarioIssue] = []) {
    self.scenarios = scenarios
    self.issues = issues
  }

  /// The built-in scenarios, for running without a `Scenarios/` directory.
  public static let builtIn = ScenarioLibrary(scenarios: ScenarioSpec.builtInLibrary)

  /// Every `*.yaml` file in `directory`, in name order. Throws only when the directory can't be read.
  public static func load(directory: URL) throws -> ScenarioLibrary {
    let names = try FileManager.default.contentsOfDirectory(atPath: directory.path)
      .filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") }.sorted()
    var library = ScenarioLibrary(scenarios: [])
    for name in names {
      let path = directory.appendingPathComponent(name).path
      guard let data = FileManager.default.contents(atPath: path),
        let text = String(data: data, encoding: .utf8)
      else {
        library.issues.append(ScenarioIssue(file: path, line: 1, message: "not a readable UTF-8 file"))
        continue
      }
      switch ScenarioFileReader(file: path).read(text) {
      case .success(let spec) where library.scenarios.contains { $0.name == spec.name }:
        library.issues.append(
          ScenarioIssue(file: path, line: 1, message: "duplicate scenario name '\(spec.name)'"))
      case .success(let spec): library.scenarios.append(spec)
      case .failure(let issue): library.issues.append(issue)
      }
    }
    return library
  }

  /// The scenarios the executable uses: `directory` when given, else `$REPLYDESK_SCENARIOS`,
  /// `./Scenarios` or the package's `Scenarios/`, else the built-in ones. An empty result (every file
  /// broken) falls back to the built-in scenarios too, keeping the issues.
  public static func locate(
    directory: String? = nil, environment: [String: String] = ProcessInfo.processInfo.environment,
    currentDirectory: URL = URL(fileURLWithPath: FileManager.default.currentDirectoryPath),
    executable: URL? = Bundle.main.executableURL
  ) throws -> ScenarioLibrary {
    let found =
      directory.map { URL(fileURLWithPath: $0, relativeTo: currentDirectory) }
      ?? ResourceLocator.directory(
        named: "Scenarios", environmentKey: environmentKey, environment: environment,
        currentDirectory: currentDirectory, executable: executable)
    guard let found else { return builtIn }
    var library = try load(directory: found)
    if library.scenarios.isEmpty { library.scenarios = ScenarioSpec.builtInLibrary }
    return library
  }
}
