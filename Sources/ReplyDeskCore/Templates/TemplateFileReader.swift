import Foundation
import Yams

/// Reads one template file: a mapping with an optional `topic` and a `templates` list whose entries
/// have `id`, `text` and optional `intents`. Reports problems with the line they are on.
struct TemplateFileReader {
  let file: String

  private static let fileKeys: Set<String> = ["topic", "templates"]
  private static let templateKeys: Set<String> = ["id", "text", "intents", "when", "asks"]

  func read(_ yaml: String) -> (templates: [ReplyTemplate], issues: [TemplateIssue]) {
    let root: Node?
    do {
      root = try Yams.compose(yaml: yaml)
    } catch {
      return ([], [Self.yamlIssue(error, file: file)])
    }
    guard let root, let mapping = root.mapping else {
      return ([], [issue(root, "expected a mapping with 'topic' and 'templates'")])
    }
    var issues: [TemplateIssue] = []
    for (key, _) in mapping where !Self.fileKeys.contains(key.string ?? "") {
      issues.append(issue(key, "unknown key '\(key.string ?? "?")' (expected topic, templates)"))
    }
    let stem = URL(fileURLWithPath: file).deletingPathExtension().lastPathComponent
    var topic = stem
    if let topicNode = mapping["topic"] {
      if let value = topicNode.scalar?.string, !value.isEmpty {
        topic = value
      } else {
        issues.append(issue(topicNode, "'topic' must be a non-empty string"))
      }
    }
    guard let list = mapping["templates"] else {
      return ([], issues + [issue(root, "missing 'templates' list")])
    }
    guard let entries = list.sequence else {
      return ([], issues + [issue(list, "'templates' must be a list")])
    }
    var templates: [ReplyTemplate] = []
    for entry in entries {
      switch template(from: entry, topic: topic) {
      case .success(let template): templates.append(template)
      case .failure(let problem): issues.append(problem)
      }
    }
    return (templates, issues)
  }

  private func template(from node: Node, topic: String) -> Result<ReplyTemplate, TemplateIssue> {
    guard let fields = node.mapping else { return .failure(issue(node, "a template must be a mapping")) }
    for (key, _) in fields where !Self.templateKeys.contains(key.string ?? "") {
      return .failure(
        issue(key, "unknown key '\(key.string ?? "?")' (expected id, text, intents, when, asks)"))
    }
    guard let idNode = fields["id"] else { return .failure(issue(node, "template has no 'id'")) }
    guard let id = idNode.scalar?.string, Self.isValidID(id) else {
      return .failure(issue(idNode, "'id' must be lowercase words joined by dots, like refund.status.issued"))
    }
    guard let textNode = fields["text"] else {
      return .failure(issue(node, "template '\(id)' has no 'text'"))
    }
    guard let text = textNode.scalar?.string, !text.trimmingCharacters(in: .whitespaces).isEmpty else {
      return .failure(issue(textNode, "'text' of '\(id)' must be a non-empty string"))
    }
    do {
      _ = try TemplateText(parsing: text)
    } catch {
      return .failure(issue(textNode, "text of '\(id)', \(error)"))
    }
    var intents: [String] = []
    if let intentsNode = fields["intents"] {
      guard let list = intentsNode.sequence, list.allSatisfy({ $0.scalar != nil }) else {
        return .failure(issue(intentsNode, "'intents' of '\(id)' must be a list of words"))
      }
      intents = list.compactMap { $0.scalar?.string }
    }
    let conditions: TemplateConditions
    switch TemplateConditionReader(file: file).read(when: fields["when"], asks: fields["asks"], id: id) {
    case .success(let read): conditions = read
    case .failure(let problem): return .failure(problem)
    }
    let location = SourceLocation(file: file, line: node.mark?.line ?? 1)
    return .success(
      ReplyTemplate(
        id: id, topic: topic, text: text, intents: intents, conditions: conditions, location: location))
  }

  private static func isValidID(_ id: String) -> Bool {
    let allowed = Set("abcdefghijklmnopqrstuvwxyz0123456789_.-")
    return !id.isEmpty && id.allSatisfy(allowed.contains) && !id.hasPrefix(".") && !id.hasSuffix(".")
  }

  private func issue(_ node: Node?, _ message: String) -> TemplateIssue {
    TemplateIssue(location: SourceLocation(file: file, line: node?.mark?.line ?? 1), message: message)
  }

  private static func yamlIssue(_ error: Error, file: String) -> TemplateIssue {
    let line: Int
    let problem: String
    switch error as? YamlError {
    case .scanner(_, let text, let mark, _), .parser(_, let text, let mark, _),
      .composer(_, let text, let mark, _):
      (line, problem) = (mark.line, text)
    case .duplicatedKeysInMapping(let duplicates, let context):
      (line, problem) = (context.mark.line, "duplicate key \(duplicates.joined(separator: ", "))")
    case .reader(let text, _, _, _):
      (line, problem) = (1, text)
    default:
      (line, problem) = (1, String(describing: error))
    }
    return TemplateIssue(
      location: SourceLocation(file: file, line: line), message: "invalid YAML: \(problem)")
  }
}
