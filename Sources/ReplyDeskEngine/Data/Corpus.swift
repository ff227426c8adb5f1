import Foundation
import ReplyDeskCore

/// A training conversation from any corpus format: speaker codes 0 customer, 1 agent, 2 system.
public struct CorpusConversation: Sendable {
  public var id: String
  public var profile: JSONValue?
  public var turns: [(speaker: Int, text: String)]
  /// What groups conversations for hard negatives (services, intent or flow).
  var domain: String
  /// By turn index, the text the ranker learns as the reply there instead of the turn's own text:
  /// for a simulated agent turn, its template with the slots unfilled, exactly as ranked at run time.
  public var replyTexts: [Int: String] = [:]
  /// By turn index, replies that are wrong there (training only): for a simulated agent turn, the
  /// replies stating another state of the order in question, and asks for what the chat holds.
  public var negativeTexts: [Int: [String]] = [:]
  /// When each turn was written (empty when the corpus does not say): "now" for the grounding
  /// features of the reply at that turn.
  var times: [Date] = []

  public init(id: String, profile: JSONValue?, turns: [(speaker: Int, text: String)], domain: String) {
    self.id = id
    self.profile = profile
    self.turns = turns
    self.domain = domain
  }

  /// The reply the ranker learns at turn `index`: its `replyTexts` entry, else the turn's text.
  func replyText(_ index: Int) -> String { replyTexts[index] ?? turns[index].text }

  /// When turn `index` was written: its time, else now.
  func time(_ index: Int) -> Date { index < times.count ? times[index] : Date() }

  /// The grounding feature tokens of the reply at each agent turn after the first turn (the chat
  /// before it, at its time), by turn index; the profile is read once.
  func replyFeatures() -> [Int: [String]] {
    guard let customer = GroundingFeatures.customer(profile) else { return [:] }
    var features: [Int: [String]] = [:]
    for (index, turn) in turns.enumerated() where index > 0 && turn.speaker == 1 {
      features[index] = GroundingFeatures.tokens(
        customer: customer, turns: Array(turns[..<index]), now: time(index))
    }
    return features
  }
}

/// The corpus formats `replydesk train --format` reads.
public enum CorpusFormat: String, CaseIterable, Sendable {
  case jsonl, abcd, sgd, taskmaster
}

/// A corpus that cannot be read, with the file (and line) at fault.
public struct CorpusError: Error, LocalizedError, Equatable {
  var message: String
  public init(_ message: String) { self.message = message }
  public var errorDescription: String? { message }
}

/// Maps the speaker names of every supported format to speaker codes.
public enum SpeakerCode {
  public static func code(_ name: String) -> Int? {
    switch name.lowercased() {
    case "customer", "user": return 0
    case "agent", "system_agent", "assistant": return 1
    case "system", "action": return 2
    default: return nil
    }
  }
}

/// Reads corpora of every supported format from a file or a directory.
public enum CorpusLoader {
  public static func load(path: String, format: CorpusFormat) throws -> [CorpusConversation] {
    var conversations: [CorpusConversation] = []
    for file in try files(at: path, format: format) {
      let data: Data
      do { data = try Data(contentsOf: URL(fileURLWithPath: file)) } catch {
        throw CorpusError("\(file): cannot read (\(ErrorText.sentence(for: error)))")
      }
      switch format {
      case .jsonl: conversations += try CorpusFormats.jsonLines(data, file: file)
      case .sgd: conversations += try CorpusFormats.sgd(decodeArray(data, file: file), file: file)
      case .taskmaster:
        conversations += try CorpusFormats.taskmaster(decodeArray(data, file: file), file: file)
      case .abcd: conversations += try CorpusFormats.abcd(decodeArray(data, file: file), file: file)
      }
    }
    if conversations.isEmpty {
      throw CorpusError("\(path): no conversations found for format \(format.rawValue)")
    }
    return conversations
  }

  static func files(at path: String, format: CorpusFormat) throws -> [String] {
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
      throw CorpusError("\(path): no such file or directory")
    }
    guard isDirectory.boolValue else { return [path] }
    let names = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
    let wanted = names.filter { name in
      switch format {
      case .jsonl: return name.hasSuffix(".jsonl")
      case .sgd: return name.hasPrefix("dialogues_") && name.hasSuffix(".json")
      case .taskmaster: return name.hasPrefix("data_") && name.hasSuffix(".json")
      case .abcd: return name.hasSuffix(".json") && name.contains("abcd")
      }
    }
    return wanted.sorted().map { (path as NSString).appendingPathComponent($0) }
  }

  static func decodeArray(_ data: Data, file: String) throws -> [JSONValue] {
    do {
      if case .array(let items) = try JSONValue.parse(data) { return items }
    } catch {
      throw CorpusError("\(file): not valid JSON (\(ErrorText.sentence(for: error)))")
    }
    throw CorpusError("\(file): expected a JSON array of conversations")
  }
}

extension JSONValue {
  subscript(_ key: String) -> JSONValue? {
    if case .object(let fields) = self { return fields[key] }
    return nil
  }

  var string: String? {
    if case .string(let value) = self { return value }
    return nil
  }

  var array: [JSONValue]? {
    if case .array(let value) = self { return value }
    return nil
  }
}
