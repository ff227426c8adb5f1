import Foundation
import ReplyDeskCore

/// Importers for each corpus's own shape.
enum CorpusFormats {
  /// The project's format: one `{"id", "profile", "turns": [{"speaker", "text"}], "intent"?, "time"?}`
  /// per line; a profile in the live protocol's format gives grounding features as of `time` (else now).
  static func jsonLines(_ data: Data, file: String) throws -> [CorpusConversation] {
    var out: [CorpusConversation] = []
    for (number, line) in data.split(separator: UInt8(ascii: "\n")).enumerated() {
      if line.allSatisfy({ $0 == 32 || $0 == 13 || $0 == 9 }) { continue }
      let value: JSONValue
      do { value = try JSONValue.parse(Data(line)) } catch {
        throw CorpusError("\(file):\(number + 1): not valid JSON")
      }
      guard let turns = value["turns"]?.array else {
        throw CorpusError("\(file):\(number + 1): missing \"turns\" array")
      }
      var parsed: [(speaker: Int, text: String)] = []
      for turn in turns {
        guard let name = turn["speaker"]?.string, let speaker = SpeakerCode.code(name),
          let text = turn["text"]?.string
        else {
          throw CorpusError(
            "\(file):\(number + 1): each turn needs \"speaker\" (customer|agent|system) and \"text\"")
        }
        parsed.append((speaker, text))
      }
      let id = value["id"]?.text ?? "\(file):\(number + 1)"
      var conversation = CorpusConversation(
        id: id, profile: value["profile"], turns: parsed, domain: value["intent"]?.text ?? "")
      if let time = value["time"].flatMap(LenientProfile.date) {
        conversation.times = Array(repeating: time, count: parsed.count)
      }
      out.append(conversation)
    }
    return out
  }

  /// Schema-Guided Dialogue: `[{"dialogue_id", "services", "turns": [{"speaker", "utterance"}]}]`.
  static func sgd(_ items: [JSONValue], file: String) throws -> [CorpusConversation] {
    try items.enumerated().map { index, item in
      guard let turns = item["turns"]?.array else {
        throw CorpusError("\(file): dialogue \(index) has no turns")
      }
      let services = item["services"] ?? .array([])
      return CorpusConversation(
        id: item["dialogue_id"]?.string ?? "\(index)", profile: .object(["services": services]),
        turns: turns.compactMap { turn in
          guard let name = turn["speaker"]?.string, let text = turn["utterance"]?.string else { return nil }
          return (name == "USER" ? 0 : 1, text)
        },
        domain: services.array?.compactMap(\.string).joined(separator: ",") ?? "")
    }
  }

  /// Taskmaster-4: `[{"conversation_id", "vertical", "utterances": [{"speaker", "text"}]}]`.
  static func taskmaster(_ items: [JSONValue], file: String) throws -> [CorpusConversation] {
    try items.enumerated().map { index, item in
      guard let utterances = item["utterances"]?.array else {
        throw CorpusError("\(file): conversation \(index) has no utterances")
      }
      return CorpusConversation(
        id: item["conversation_id"]?.string ?? "\(index)", profile: nil,
        turns: utterances.compactMap { turn in
          guard let name = turn["speaker"]?.string, let text = turn["text"]?.string else { return nil }
          return (SpeakerCode.code(name) ?? 1, text)
        },
        domain: item["scenario"]?.string ?? "")
    }
  }

  /// ABCD: `[{"convo_id", "scenario": {"personal", "order", "product", "flow"}, "original": [[speaker, text]]}]`.
  static func abcd(_ items: [JSONValue], file: String) throws -> [CorpusConversation] {
    try items.enumerated().map { index, item in
      guard let original = item["original"]?.array else {
        throw CorpusError("\(file): conversation \(index) has no \"original\" turns")
      }
      let scenario = item["scenario"]
      var profile: [String: JSONValue] = [:]
      for key in ["personal", "order", "product"] { profile[key] = scenario?[key] }
      return CorpusConversation(
        id: item["convo_id"]?.text ?? "\(index)", profile: .object(profile),
        turns: original.compactMap { pair in
          guard let parts = pair.array, parts.count == 2, let name = parts[0].string,
            let text = parts[1].string
          else { return nil }
          return (SpeakerCode.code(name) ?? 2, text)
        },
        domain: scenario?["flow"]?.string ?? "")
    }
  }
}
