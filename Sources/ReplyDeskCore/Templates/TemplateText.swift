import Foundation

/// One piece of a template's text: literal words or a `{slot|format}` placeholder.
public enum TemplatePart: Sendable, Equatable, Hashable {
  case literal(String)
  case slot(name: String, format: SlotFormat?)
}

/// A problem in a template's text, with the 1-based column of the offending character.
public struct TemplateTextError: Error, Sendable, Equatable, CustomStringConvertible {
  public var column: Int
  public var message: String

  public var description: String { "column \(column): \(message)" }
}

/// A template's text split into literal runs and slots. `{{` and `}}` stand for literal braces.
public struct TemplateText: Sendable, Equatable, Hashable {
  public var parts: [TemplatePart]

  /// The names of the slots in the order they appear.
  public var slotNames: [String] {
    parts.compactMap { if case .slot(let name, _) = $0 { name } else { nil } }
  }

  /// Parses `text`, checking braces, slot names against `SlotCatalog` and formats against slot kinds;
  /// throws the first problem (`problems(in:)` lists them all).
  public init(parsing text: String) throws(TemplateTextError) {
    let scanned = Self.scan(text)
    if let first = scanned.problems.first { throw first }
    parts = scanned.parts
  }

  /// Every problem in `text`, in the order they appear; empty when it parses.
  public static func problems(in text: String) -> [TemplateTextError] {
    scan(text).problems
  }

  /// Splits `text` into parts, going on past each problem (a stray brace is kept as a literal).
  private static func scan(_ text: String) -> (parts: [TemplatePart], problems: [TemplateTextError]) {
    var parts: [TemplatePart] = []
    var problems: [TemplateTextError] = []
    var literal = ""
    var characters = Array(text)[...]
    var column = 1
    while let character = characters.popFirst() {
      let start = column
      column += 1
      if character == "}" {
        if characters.first == "}" {
          characters.removeFirst()
          column += 1
        } else {
          problems.append(
            TemplateTextError(column: start, message: "unbalanced '}' (write '}}' for a literal brace)"))
        }
        literal.append("}")
      } else if character == "{" {
        if characters.first == "{" {
          characters.removeFirst()
          column += 1
          literal.append("{")
          continue
        }
        guard let close = characters.firstIndex(where: { $0 == "}" || $0 == "{" }), characters[close] == "}"
        else {
          problems.append(
            TemplateTextError(column: start, message: "unbalanced '{': slot is not closed with '}'"))
          literal.append("{")
          continue
        }
        let body = String(characters[..<close])
        column += body.count + 1
        characters = characters[characters.index(after: close)...]
        if !literal.isEmpty { parts.append(.literal(literal)) }
        literal = ""
        do {
          parts.append(try parseSlot(body, column: start))
        } catch {
          problems.append(error)
        }
      } else {
        literal.append(character)
      }
    }
    if !literal.isEmpty { parts.append(.literal(literal)) }
    return (parts, problems)
  }

  private static func parseSlot(_ body: String, column: Int) throws(TemplateTextError) -> TemplatePart {
    let pieces = body.split(separator: "|", omittingEmptySubsequences: false)
      .map { $0.trimmingCharacters(in: .whitespaces) }
    guard pieces.count <= 2, let name = pieces.first, !name.isEmpty else {
      throw TemplateTextError(column: column, message: "malformed slot '{\(body)}'")
    }
    guard let definition = SlotCatalog.definition(named: name) else {
      throw TemplateTextError(column: column, message: "unknown slot '\(name)'")
    }
    guard pieces.count == 2 else { return .slot(name: name, format: nil) }
    guard let format = SlotFormat(rawValue: pieces[1]) else {
      throw TemplateTextError(column: column, message: "unknown format '\(pieces[1])' in '{\(body)}'")
    }
    guard format.kind == definition.kind else {
      throw TemplateTextError(
        column: column,
        message: "format '\(format.rawValue)' does not apply to \(definition.kind.rawValue) slot '\(name)'")
    }
    return .slot(name: name, format: format)
  }
}
