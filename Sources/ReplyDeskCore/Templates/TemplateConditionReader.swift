import Yams

/// Reads a template's `when:` mapping and `asks:` list, reporting each problem with its line.
struct TemplateConditionReader {
  let file: String

  /// Every `when:` key, as the README lists them.
  static let whenKeys = [
    "order.status", "refund.status", "refund", "order", "order.late", "order.named", "customer.membership",
    "given", "unmatched", "after",
  ]

  func read(when whenNode: Node?, asks asksNode: Node?, id: String) -> Result<
    TemplateConditions, TemplateIssue
  > {
    var conditions = TemplateConditions()
    if let whenNode {
      guard let mapping = whenNode.mapping else {
        return .failure(
          issue(whenNode, "'when' of '\(id)' must be a mapping, like {order.status: [shipped]}"))
      }
      for (keyNode, valueNode) in mapping {
        if let problem = apply(keyNode.string ?? "", valueNode, to: &conditions, keyNode: keyNode, id: id) {
          return .failure(problem)
        }
      }
    }
    if let asksNode {
      if let problem = facts(asksNode, key: "asks", id: id, into: &conditions.asks) {
        return .failure(problem)
      }
    }
    return .success(conditions)
  }

  /// A list of asked facts (`asks:`, `given:`).
  private func facts(_ node: Node, key: String, id: String, into target: inout [AskedFact]) -> TemplateIssue?
  {
    guard let values = strings(node) else {
      return issue(node, "'\(key)' of '\(id)' must be a list, like [order.id]")
    }
    for value in values {
      guard let fact = AskedFact(rawValue: value) else {
        let known = AskedFact.allCases.map(\.rawValue).joined(separator: ", ")
        return issue(node, "'\(key)' of '\(id)': unknown fact '\(value)' (expected \(known))")
      }
      target.append(fact)
    }
    return nil
  }

  private func apply(
    _ key: String, _ value: Node, to conditions: inout TemplateConditions, keyNode: Node, id: String
  ) -> TemplateIssue? {
    switch key {
    case "given":
      return facts(value, key: key, id: id, into: &conditions.given)
    case "after":
      guard let ids = strings(value), !ids.isEmpty else {
        return issue(value, "'after' of '\(id)' must list template ids, like [refund.none.found]")
      }
      conditions.after = ids
      return nil
    case "order.status":
      return set(value, key: key, into: &conditions.orderStatus)
    case "refund.status":
      return set(value, key: key, into: &conditions.refundStatus)
    case "customer.membership":
      return set(value, key: key, into: &conditions.membership)
    case "refund", "order":
      guard let text = value.scalar?.string, let presence = TemplateConditions.Presence(rawValue: text) else {
        return issue(value, "'\(key)' must be present or absent")
      }
      if key == "refund" { conditions.refund = presence } else { conditions.order = presence }
      return nil
    case "order.late", "order.named", "unmatched":
      guard let flag = value.bool else { return issue(value, "'\(key)' must be true or false") }
      switch key {
      case "order.late": conditions.orderLate = flag
      case "order.named": conditions.orderNamed = flag
      default: conditions.unmatched = flag
      }
      return nil
    default:
      return issue(keyNode, "unknown condition '\(key)' (expected \(Self.whenKeys.joined(separator: ", ")))")
    }
  }

  /// A list of enum values (a single value is a list of one).
  private func set<Value: RawRepresentable & CaseIterable & Hashable>(
    _ node: Node, key: String, into target: inout Set<Value>?
  ) -> TemplateIssue? where Value.RawValue == String {
    let known = Value.allCases.map(\.rawValue).joined(separator: ", ")
    guard let values = strings(node), !values.isEmpty else {
      return issue(node, "'\(key)' must list one or more of \(known)")
    }
    var parsed = Set<Value>()
    for text in values {
      guard let value = Value(rawValue: text) else {
        return issue(node, "'\(key)': unknown value '\(text)' (expected \(known))")
      }
      parsed.insert(value)
    }
    target = parsed
    return nil
  }

  private func strings(_ node: Node) -> [String]? {
    if let scalar = node.scalar { return [scalar.string] }
    guard let list = node.sequence, list.allSatisfy({ $0.scalar != nil }) else { return nil }
    return list.compactMap { $0.scalar?.string }
  }

  private func issue(_ node: Node, _ message: String) -> TemplateIssue {
    TemplateIssue(location: SourceLocation(file: file, line: node.mark?.line ?? 1), message: message)
  }
}
