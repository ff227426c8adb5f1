import Foundation
import ReplyDeskCore

/// How a simulated customer writes.
public enum Persona: String, Sendable, CaseIterable, Codable {
  case patient
  case terse
  case angry
  case confused
}

/// Paraphrases of one intent: neutral lines any persona may use, plus persona-specific ones.
struct PersonaLines: Sendable {
  var neutral: [String]
  var terse: [String] = []
  var angry: [String] = []
  var confused: [String] = []

  func lines(for persona: Persona) -> [String] {
    switch persona {
    case .patient: return neutral
    case .terse: return terse.isEmpty ? neutral : terse
    case .angry: return angry + neutral
    case .confused: return confused + neutral
    }
  }
}

/// Writes a customer's messages: picks a paraphrase for an intent and persona, fills it from the
/// profile, adds the persona's manner and the occasional typo. Seeded through the caller's generator.
struct Phrasebook {
  var persona: Persona
  var profile: CustomerProfile
  var newAddress: String
  /// When the chat happens, for "I've waited 9 days".
  var now: Date

  private static let patientOpeners = ["", "", "Hi! ", "Hello. ", "Good afternoon. "]
  private static let patientClosers = ["", "", " Thanks in advance!", " Thank you so much.", " Many thanks."]
  private static let angryClosers = ["", " This is really frustrating.", " Not impressed.", ""]
  private static let confusedClosers = ["", " Sorry if this is a silly question.", " I'm a bit lost.", ""]

  /// A message for `intent`, or nil when the phrasebook has no lines for it. Follow-up lines win
  /// over issue lines of the same intent when `followUp` is set.
  func line(_ intent: String, followUp: Bool = false, random: inout SeededGenerator) -> String? {
    let lines: [String]
    if followUp, let followUpLines = Self.followUpLines[intent] {
      lines = followUpLines
    } else if let issue = Self.issueLines[intent] {
      lines = issue.lines(for: persona)
    } else if let reply = Self.replyLines[intent] {
      lines = reply.lines(for: persona)
    } else if let followUp = Self.followUpLines[intent] {
      lines = followUp
    } else {
      return nil
    }
    var text = typos(in: random.pick(lines), random: &random)
    if !followUp && Self.issueLines[intent] != nil { text = decorate(text, random: &random) }
    return fill(text, random: &random)
  }

  private func fill(_ line: String, random: inout SeededGenerator) -> String {
    let order = profile.focusOrder
    let amount = order.map { ValueFormatter(now: .distantPast).string(from: $0.total, format: nil) }
    let waited = order.map { max(2, Int(now.timeIntervalSince($0.placedOn) / 86_400)) }
    let values = [
      "{order}": order?.id ?? "my last order", "{item}": order?.items.first?.name.lowercased() ?? "order",
      "{email}": profile.email ?? "\(profile.firstName.lowercased())@example.com",
      "{amount}": amount ?? "the full amount", "{days}": String(waited ?? random.int(5...12)),
      "{new_address}": newAddress,
    ]
    var text = line
    for (placeholder, value) in values where text.contains(placeholder) {
      text = text.replacingOccurrences(of: placeholder, with: value)
    }
    return text
  }

  private func decorate(_ text: String, random: inout SeededGenerator) -> String {
    switch persona {
    case .patient:
      let opener = text.hasPrefix("H") ? "" : random.pick(Self.patientOpeners)
      return opener + text + random.pick(Self.patientClosers)
    case .terse: return text
    case .angry: return text + random.pick(Self.angryClosers)
    case .confused: return text + random.pick(Self.confusedClosers)
    }
  }

  /// Swaps, drops or doubles a letter now and then (never inside a `{placeholder}`); terse and angry
  /// customers slip more often.
  private func typos(in text: String, random: inout SeededGenerator) -> String {
    let rate = persona == .terse || persona == .angry ? 0.25 : 0.1
    guard random.chance(rate) else { return text }
    var characters = Array(text)
    var insidePlaceholder = false
    var spots: [Int] = []
    for index in characters.indices.dropLast() {
      if characters[index] == "{" { insidePlaceholder = true }
      if characters[index] == "}" { insidePlaceholder = false }
      if !insidePlaceholder && characters[index].isLetter && characters[index + 1].isLetter {
        spots.append(index)
      }
    }
    guard !spots.isEmpty else { return text }
    let spot = random.pick(spots)
    switch random.int(0...2) {
    case 0: characters.swapAt(spot, spot + 1)
    case 1: characters.remove(at: spot)
    default: characters.insert(characters[spot], at: spot)
    }
    return String(characters)
  }
}
