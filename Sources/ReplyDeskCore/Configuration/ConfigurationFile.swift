import Foundation
import Yams

/// Reads `config.yaml` node by node, so every problem is reported with its line: YAML syntax,
/// a top level that is not a mapping, settings that are not text, and unknown settings (a typo
/// would otherwise silently record the wrong representative).
enum ConfigurationFile {
  static let settings = ["representative", "theme", "store", "password_file"]

  /// The settings in `text`; throws a reason listing every problem found.
  static func parse(_ text: String) throws(ParseFailure) -> [String: String] {
    let root: Node?
    do {
      root = try Yams.compose(yaml: text)
    } catch {
      throw ParseFailure(problems: [syntaxProblem(error)])
    }
    guard let root else { return [:] }
    guard let mapping = root.mapping else {
      throw ParseFailure(problems: [
        "\(lineText(root)) the file must be a list of settings such as `theme: light`."
      ])
    }
    var values: [String: String] = [:]
    var problems: [String] = []
    for (key, value) in mapping {
      let name = key.string ?? "\(key)"
      guard settings.contains(name) else {
        problems.append(
          "\(lineText(key)) unknown setting \"\(name)\"; the settings are "
            + settings.dropLast().joined(separator: ", ") + " and " + (settings.last ?? "") + ".")
        continue
      }
      guard let scalar = value.scalar, value.tag.description != Tag.Name.null.rawValue else {
        problems.append(
          "\(lineText(value)) \(name) must be a piece of text, such as `\(name): \(example(name))`.")
        continue
      }
      values[name] = scalar.string
    }
    guard problems.isEmpty else { throw ParseFailure(problems: problems) }
    return values
  }

  /// Every problem in a configuration file, each naming its line.
  struct ParseFailure: Error {
    var problems: [String]
  }

  private static func example(_ name: String) -> String {
    switch name {
    case "theme": return "light"
    case "store": return "postgres://dana@db.example.com/replydesk"
    case "password_file": return "~/.config/replydesk/db-password"
    default: return "Dana"
    }
  }

  private static func lineText(_ node: Node) -> String {
    node.mark.map { "line \($0.line):" } ?? "at the top:"
  }

  private static func syntaxProblem(_ error: any Error) -> String {
    if let yaml = error as? YamlError, case .scanner(_, let problem, let mark, _) = yaml {
      return "line \(mark.line): \(problem); fix the YAML there."
    }
    if let yaml = error as? YamlError, case .parser(_, let problem, let mark, _) = yaml {
      return "line \(mark.line): \(problem); fix the YAML there."
    }
    return "\(error); fix the YAML."
  }
}
