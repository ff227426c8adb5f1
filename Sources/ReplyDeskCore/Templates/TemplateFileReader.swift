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
      if let template = template(from: entry, topic: topic, issues: &issues) { templates.append(template) }
    }
    return (templates, issues)
  }

  /// The template in `node`, or `nil` with its problems added to `issues`.
  private func template(from node: Node, topic: String, issues: inout [TemplateIssue]) -> ReplyTemplate? {
    guard let fields = node.mapping else {
      issues.append(issue(node, "a template must be a mapping"))
      return nil
    }
    if let key = fields.keys.first(where: { !Self.templateKeys.contains($0.string ?? "") }) {
      issues.append(issue(key, "unknown key '\(key.string ?? "?")' (expected id, text, intents, when, asks)"))
      return nil
    }
    guard let idNode = fields["id"] else {
      issues.append(issue(node, "template has no 'id'"))
      return nil
    }
    guard let id = Self.quotableString(idNode), Self.isValidID(id) else {
      issues.append(
        issue(
          idNode,
          Self.isUnquotedNonString(idNode)
            ? "'id' must be a string in quotes, like \"refund.status.issued\""
            : "'id' must be lowercase words joined by dots, like refund.status.issued"))
      return nil
    }
    guard let text = self.text(of: fields, in: node, id: id, issues: &issues) else { return nil }
    var intents: [String] = []
    if let intentsNode = fields["intents"] {
      guard let list = intentsNode.sequence, list.allSatisfy({ $0.scalar != nil }) else {
        issues.append(issue(intentsNode, "'intents' of '\(id)' must be a list of words"))
        return nil
      }
      intents = list.compactMap { $0.scalar?.string }
    }
    let conditions: TemplateConditions
    switch TemplateConditionReader(file: file).read(when: fields["when"], asks: fields["asks"], id: id) {
    case .success(let read): conditions = read
    case .failure(let problem):
      issues.append(problem)
      return nil
    }
    let location = SourceLocation(file: file, line: node.mark?.line ?? 1)
    return ReplyTemplate(
      id: id, topic: topic, text: text, intents: intents, conditions: conditions, location: location)
  }

  /// The template's text, or `nil` with every problem in it added to `issues`.
  private func text(of fields: Node.Mapping, in node: Node, id: String, issues: inout [TemplateIssue])
    -> String?
  {
    guard let textNode = fields["text"] else {
      issues.append(issue(node, "template '\(id)' has no 'text'"))
      return nil
    }
    if Self.isUnquotedNonString(textNode) {
      issues.append(
        issue(textNode, "'text' of '\(id)' must be a string in quotes, not a number or true/false"))
      return nil
    }
    guard let text = textNode.scalar?.string, !text.trimmingCharacters(in: .whitespaces).isEmpty else {
      issues.append(issue(textNode, "'text' of '\(id)' must be a non-empty string"))
      return nil
    }
    let problems = TemplateText.problems(in: text)
    issues += problems.map { issue(textNode, "text of '\(id)', \($0)") }
    return problems.isEmpty ? text : nil
  }

  /// The scalar's text when it is a string (quoted, or plain and not a number, boolean or null).
  private static func quotableString(_ node: Node) -> String? {
    isUnquotedNonString(node) ? nil : node.scalar?.string
  }

  /// Whether `node` is a plain scalar YAML reads as a number, boolean or null, not a string.
  private static func isUnquotedNonString(_ node: Node) -> Bool {
    guard let scalar = node.scalar, scalar.style == .plain else { return false }
    return [Tag.Name.int, .float, .bool, .null].map(\.rawValue).contains(node.tag.description)
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
