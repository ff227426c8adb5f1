import Foundation
import ReplyDeskCore
import Yams

/// A problem in a scenario file, with the line it is on.
public struct ScenarioIssue: Error, Sendable, Equatable, CustomStringConvertible {
  public var file: String
  public var line: Int
  public var message: String

  public var description: String { "\(file):\(line): \(message)" }
}

/// Reads one scenario file: a mapping with `scenario` and `goal`, and optional `name`,
/// `opening_intents`, `knows`, `names_order`, `persona`, `typo_rate`, `follow_ups`, `policy` and `seed`.
struct ScenarioFileReader {
  let file: String

  private static let keys: Set<String> = [
    "name", "scenario", "opening_intents", "goal", "knows", "names_order", "persona", "typo_rate",
    "follow_ups", "policy",
    "seed",
  ]

  func read(_ yaml: String) -> Result<ScenarioSpec, ScenarioIssue> {
    let root: Node?
    do {
      root = try Yams.compose(yaml: yaml)
    } catch {
      return .failure(yamlIssue(error))
    }
    guard let root, let fields = root.mapping else {
      return .failure(issue(root, "expected a mapping with 'scenario' and 'goal'"))
    }
    do {
      return .success(try spec(from: fields, root: root))
    } catch let problem as ScenarioIssue {
      return .failure(problem)
    } catch {
      return .failure(issue(root, "\(error)"))
    }
  }

  private func spec(from fields: Node.Mapping, root: Node) throws -> ScenarioSpec {
    for (key, _) in fields where !Self.keys.contains(key.string ?? "") {
      throw issue(
        key, "unknown key '\(key.string ?? "?")' (expected \(Self.keys.sorted().joined(separator: ", ")))")
    }
    let stem = URL(fileURLWithPath: file).deletingPathExtension().lastPathComponent
    let name = try fields["name"].map { try text($0, "name") } ?? stem
    guard let scenarioNode = fields["scenario"] else { throw issue(root, "missing 'scenario'") }
    let scenario = try choice(
      scenarioNode, "scenario", Scenario.init(rawValue:), Scenario.allCases.map(\.rawValue))
    guard let goalNode = fields["goal"] else { throw issue(root, "missing 'goal'") }
    var spec = ScenarioSpec(name: name, scenario: scenario, goal: try text(goalNode, "goal"))
    if let node = fields["opening_intents"] {
      spec.openingIntents = try words(node, "opening_intents")
      if spec.openingIntents.isEmpty { throw issue(node, "'opening_intents' must not be empty") }
    }
    if let node = fields["knows"] {
      guard let items = node.sequence else { throw issue(node, "'knows' must be a list of facts") }
      let facts = CustomerFact.allCases.map(\.rawValue)
      spec.knows = Set(try items.map { try choice($0, "knows", CustomerFact.init(rawValue:), facts) })
    }
    if let node = fields["names_order"] {
      spec.namesOrder = try choice(
        node, "names_order", OrderNaming.init(rawValue:), OrderNaming.allCases.map(\.rawValue))
    }
    if let node = fields["persona"], node.string != "any" {
      spec.persona = try choice(
        node, "persona", Persona.init(rawValue:), Persona.allCases.map(\.rawValue) + ["any"])
    }
    if let node = fields["typo_rate"] {
      guard let rate = node.scalar.flatMap({ Double($0.string) }), (0...1).contains(rate) else {
        throw issue(node, "'typo_rate' must be a number from 0 to 1")
      }
      spec.typoRate = rate
    }
    if let node = fields["follow_ups"] { spec.followUps = try words(node, "follow_ups") }
    if let node = fields["policy"] { spec.policy = try policy(node) }
    if let node = fields["seed"] {
      guard let seed = node.string.flatMap(UInt64.init) else {
        throw issue(node, "'seed' must be a whole number from 0 to \(UInt64.max)")
      }
      spec.seed = seed
    }
    return spec
  }

  private func policy(_ node: Node) throws -> [PolicyRule] {
    guard let items = node.sequence else { throw issue(node, "'policy' must be a list of rules") }
    return try items.map { item in
      if item.string == "ask_anything_else_before_closing" { return .askAnythingElseBeforeClosing }
      if let rule = item.mapping, rule.count == 1, let (key, value) = rule.first,
        key.string == "verify_identity_before"
      {
        let actions = PolicyAction.allCases.map(\.rawValue)
        return .verifyIdentityBefore(
          try choice(value, "verify_identity_before", PolicyAction.init(rawValue:), actions))
      }
      throw issue(
        item,
        "unknown policy rule (expected 'ask_anything_else_before_closing' or 'verify_identity_before: ACTION')"
      )
    }
  }

  private func text(_ node: Node, _ key: String) throws -> String {
    guard let value = node.scalar?.string, !value.trimmingCharacters(in: .whitespaces).isEmpty else {
      throw issue(node, "'\(key)' must be a non-empty string")
    }
    return value
  }

  private func words(_ node: Node, _ key: String) throws -> [String] {
    guard let list = node.sequence, list.allSatisfy({ $0.scalar != nil }) else {
      throw issue(node, "'\(key)' must be a list of words")
    }
    return list.compactMap { $0.scalar?.string }
  }

  private func choice<T>(_ node: Node, _ key: String, _ make: (String) -> T?, _ allowed: [String]) throws -> T
  {
    guard let raw = node.scalar?.string, let value = make(raw) else {
      throw issue(node, "'\(key)' must be one of \(allowed.joined(separator: ", "))")
    }
    return value
  }

  private func issue(_ node: Node?, _ message: String) -> ScenarioIssue {
    ScenarioIssue(file: file, line: node?.mark?.line ?? 1, message: message)
  }

  private func yamlIssue(_ error: Error) -> ScenarioIssue {
    switch error as? YamlError {
    case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _),
      .composer(_, let problem, let mark, _):
      return ScenarioIssue(file: file, line: mark.line, message: "invalid YAML: \(problem)")
    case .duplicatedKeysInMapping(let duplicates, let context):
      return ScenarioIssue(
        file: file, line: context.mark.line,
        message: "invalid YAML: duplicate key \(duplicates.joined(separator: ", "))")
    default:
      return ScenarioIssue(file: file, line: 1, message: "invalid YAML: \(error)")
    }
  }
}
