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

/// Which issue lines a customer may state its issue with.
enum IssueNaming {
  /// Any line (a customer without the order number never writes one).
  case free
  /// Lines naming the order by number.
  case number
  /// Lines naming the order by an item.
  case item
  /// Lines naming the order by number (when the customer has it) or by an item.
  case numberOrItem
}

/// Writes a customer's messages: picks a paraphrase for an intent and persona, fills it from the
/// profile and the order the customer writes about, adds the persona's manner and the occasional
/// typo. Seeded through the caller's generator.
struct Phrasebook {
  var persona: Persona
  var profile: CustomerProfile
  /// The order the customer writes about.
  var order: Order?
  /// That order's id as this customer writes it ("#451884").
  var reference: String
  /// Whether the customer has the order number to hand.
  var knowsNumber: Bool
  var naming: IssueNaming
  var newAddress: String
  /// When the chat happens, for "I've waited 9 days".
  var now: Date
  /// Share of messages with a typo; nil uses the persona's usual rate.
  var typoRate: Double?

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
      lines = issueLines(issue)
    } else if let reply = Self.replyLines[intent] ?? Self.groundingLines[intent] {
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

  /// The lines of `issue` that name the order as `naming` asks, from the persona's lines or else the
  /// neutral ones; all the persona's lines when none does.
  private func issueLines(_ issue: PersonaLines) -> [String] {
    let fits: (String) -> Bool
    switch naming {
    case .free: fits = { knowsNumber || !$0.contains("{order}") }
    case .number: fits = { $0.contains("{order}") }
    case .item: fits = { $0.contains("{item}") && !$0.contains("{order}") }
    case .numberOrItem: fits = { (knowsNumber && $0.contains("{order}")) || $0.contains("{item}") }
    }
    for pool in [issue.lines(for: persona), issue.neutral] {
      let fitting = pool.filter(fits)
      if !fitting.isEmpty { return fitting }
    }
    return issue.lines(for: persona)
  }

  private func fill(_ line: String, random: inout SeededGenerator) -> String {
    let amount = order.map { ValueFormatter(now: .distantPast).string(from: $0.total, format: nil) }
    let waited = order.map { max(2, Int(now.timeIntervalSince($0.placedOn) / 86_400)) }
    let item = order?.items.first?.name.lowercased() ?? "order"
    let values = [
      "{order}": order == nil ? "my last order" : reference, "{item}": item,
      "{my_order}": knowsNumber && order != nil ? "order \(reference)" : "my \(item)",
      "{email}": profile.email ?? "\(profile.firstName.lowercased())@example.com",
      "{amount}": amount ?? "the full amount", "{days}": String(waited ?? random.int(5...12)),
      "{new_address}": newAddress, "{delivered_day}": deliveredDay,
    ]
    var text = line
    for (placeholder, value) in values where text.contains(placeholder) {
      text = text.replacingOccurrences(of: placeholder, with: value)
    }
    return text
  }

  /// The weekday the order was (or is due to be) delivered: "Monday".
  private var deliveredDay: String {
    guard let date = order?.deliveryDate else { return "the day it was due" }
    let weekday = ValueFormatter.posixCalendar.component(.weekday, from: date)
    return ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"][weekday - 1]
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
    let rate = typoRate ?? (persona == .terse || persona == .angry ? 0.25 : 0.1)
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
