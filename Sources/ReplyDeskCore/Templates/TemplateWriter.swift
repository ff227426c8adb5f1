import Foundation

/// Why a reply could not be saved as a template; nothing was written.
public struct TemplateWriterError: Error, Sendable, Equatable, CustomStringConvertible {
  public var message: String
  public init(_ message: String) { self.message = message }
  public var description: String { message }
}

/// Saves a (usually edited) reply as a new template at the end of a topic file such as
/// `Templates/saved.yaml`: profile values become slots again, other entries and the rest of the
/// file stay byte for byte, and the result is checked with the template reader before it is written.
public struct TemplateWriter: Sendable {
  public var directory: URL

  public init(directory: URL) { self.directory = directory }

  /// Slots whose values are ordinary words ("shipped", "gold") and never turned back into slots.
  static let wordValuedSlots: Set<String> = ["order.status", "refund.status", "customer.membership"]

  /// Appends `reply` to `<topic>.yaml` and returns the new template (its id is `<topic>.<words>`).
  /// Values of `order` (else the profile's focus order) and the profile become slots; `when` holds
  /// the template's conditions as `key: value` entries of its `when:` mapping, such as
  /// `order.status: [delivered]`.
  @discardableResult
  public func save(
    reply: String, profile: CustomerProfile?, now: Date, topic: String = "saved", intents: [String] = [],
    when: [String] = [], order: Order? = nil
  ) throws(TemplateWriterError) -> ReplyTemplate {
    guard topic.allSatisfy({ $0.isLowercase || $0.isNumber || $0 == "_" }), !topic.isEmpty else {
      throw TemplateWriterError("topic '\(topic)' must be lowercase letters, digits or _")
    }
    guard intents.allSatisfy({ !$0.isEmpty && $0.allSatisfy { $0.isLetter || $0.isNumber || $0 == "_" } })
    else {
      throw TemplateWriterError("intents must be words of letters, digits or _")
    }
    let trimmed = reply.trimmingCharacters(in: .whitespacesAndNewlines)
    guard !trimmed.isEmpty else { throw TemplateWriterError("the reply is empty") }
    let text =
      profile.map { Self.templateText(from: trimmed, profile: $0, now: now, order: order) }
      ?? Self.escaped(trimmed)
    let library: TemplateLibrary
    do { library = try TemplateLibrary.load(directory: directory) } catch {
      throw TemplateWriterError(error.description)
    }
    let file = directory.appendingPathComponent("\(topic).yaml")
    let existing = FileManager.default.contents(atPath: file.path).flatMap {
      String(data: $0, encoding: .utf8)
    }
    if FileManager.default.fileExists(atPath: file.path) && existing == nil {
      throw TemplateWriterError("\(file.path): cannot read the file as UTF-8 text")
    }
    let id = Self.uniqueID(topic: topic, text: text, taken: Set(library.templates.map(\.id)))
    let (updated, template) = try Self.appending(
      Entry(id: id, text: text, intents: intents, when: when), to: existing, topic: topic, file: file.path)
    do { try Data(updated.utf8).write(to: file, options: .atomic) } catch {
      throw TemplateWriterError("\(file.path): cannot write (\(ErrorText.sentence(for: error)))")
    }
    return template
  }

  /// One new entry of a template file.
  struct Entry {
    var id: String
    var text: String
    var intents: [String] = []
    var when: [String] = []
  }

  /// The file's text with the new entry at the end of its `templates` list, verified by reading it
  /// back, and the template as read back.
  static func appending(
    _ new: Entry, to existing: String?, topic: String, file: String
  ) throws(TemplateWriterError) -> (text: String, template: ReplyTemplate) {
    var before = TemplateLibrary()
    if let existing {
      before.add(yaml: existing, file: file)
      if let issue = before.issues.first {
        throw TemplateWriterError("\(issue) (fix the file before saving into it)")
      }
    }
    var base = existing ?? "topic: \(topic)\ntemplates:\n"
    if !base.isEmpty && !base.hasSuffix("\n") { base += "\n" }
    let indent =
      base.split(separator: "\n").first { $0.trimmingCharacters(in: .whitespaces).hasPrefix("- ") }
      .map { String($0.prefix { $0 == " " }) } ?? "  "
    var entry = "\(indent)- id: \(new.id)\n"
    if !new.when.isEmpty { entry += "\(indent)  when: {\(new.when.joined(separator: ", "))}\n" }
    if !new.intents.isEmpty { entry += "\(indent)  intents: [\(new.intents.joined(separator: ", "))]\n" }
    entry += "\(indent)  text: \(quoted(new.text))\n"
    let updated = base + entry
    var after = TemplateLibrary()
    after.add(yaml: updated, file: file)
    if let issue = after.issues.first { throw TemplateWriterError("the new entry is not valid: \(issue)") }
    guard after.templates.map(\.id) == before.templates.map(\.id) + [new.id],
      let template = after.templates.last, template.text == new.text
    else {
      throw TemplateWriterError(
        "\(file): the new entry cannot be appended safely (is 'templates' the last key?)")
    }
    return (updated, template)
  }

  /// `reply` with literal braces doubled and profile values replaced by their slots, longest first.
  public static func templateText(
    from reply: String, profile: CustomerProfile, now: Date, order: Order? = nil
  ) -> String {
    let filler = SlotFiller(now: now)
    var replacements: [(value: String, slot: String)] = []
    for slot in SlotCatalog.all where !wordValuedSlots.contains(slot.name) {
      let formats: [SlotFormat?] =
        switch slot.kind {
        case .date: [nil, .weekday, .short]
        case .money: [nil, .code]
        case .text: [nil]
        }
      for format in formats {
        guard
          let value = filler.value(
            of: slot.name, format: format, profile: profile, order: order ?? profile.focusOrder),
          value.count >= 3
        else { continue }
        replacements.append((value, format.map { "{\(slot.name)|\($0.rawValue)}" } ?? "{\(slot.name)}"))
      }
    }
    var parts: [(text: String, isSlot: Bool)] = [(reply, false)]
    for replacement in replacements.sorted(by: { $0.value.count > $1.value.count }) {
      parts = parts.flatMap { part in
        part.isSlot ? [part] : split(part.text, on: replacement.value, slot: replacement.slot)
      }
    }
    return parts.map { $0.isSlot ? $0.text : escaped($0.text) }.joined()
  }

  /// Splits `text` around whole-word occurrences of `value`.
  static func split(_ text: String, on value: String, slot: String) -> [(text: String, isSlot: Bool)] {
    var out: [(text: String, isSlot: Bool)] = []
    var rest = text[...]
    while let range = rest.range(of: value) {
      let before = range.lowerBound == rest.startIndex ? nil : rest[rest.index(before: range.lowerBound)]
      let after = range.upperBound == rest.endIndex ? nil : rest[range.upperBound]
      let isWord: (Character?) -> Bool = { $0.map { $0.isLetter || $0.isNumber } ?? false }
      if isWord(before) || isWord(after) {
        out.append((String(rest[..<range.upperBound]), false))
      } else {
        out.append((String(rest[..<range.lowerBound]), false))
        out.append((slot, true))
      }
      rest = rest[range.upperBound...]
    }
    out.append((String(rest), false))
    return out.filter { !$0.text.isEmpty }
  }

  static func escaped(_ text: String) -> String {
    text.replacingOccurrences(of: "{", with: "{{").replacingOccurrences(of: "}", with: "}}")
  }

  /// A YAML double-quoted scalar.
  static func quoted(_ text: String) -> String {
    var out = "\""
    for scalar in text.unicodeScalars {
      switch scalar {
      case "\\": out += "\\\\"
      case "\"": out += "\\\""
      case "\n": out += "\\n"
      case "\t": out += "\\t"
      case "\r": out += "\\r"
      default:
        out += scalar.value < 0x20 ? String(format: "\\x%02X", scalar.value) : String(scalar)
      }
    }
    return out + "\""
  }

  /// `<topic>.<first literal words>` of a template text (slots left out, so no customer's data
  /// ends up in an id), made unique with `-2`, `-3`, … against `taken`.
  static func uniqueID(topic: String, text: String, taken: Set<String>) -> String {
    let literal = text.replacing(/\{[^}]*\}/, with: " ")
    let words = literal.lowercased().split { !($0.isLetter || $0.isNumber) }.prefix(4)
      .map {
        String(
          $0.unicodeScalars.filter {
            $0.isASCII && ($0.properties.isAlphabetic || $0.properties.numericType != nil)
          })
      }
      .filter { !$0.isEmpty }
    let base = "\(topic).\(words.isEmpty ? "reply" : words.joined(separator: "_"))"
    var id = base
    var number = 2
    while taken.contains(id) {
      id = "\(base)-\(number)"
      number += 1
    }
    return id
  }
}
