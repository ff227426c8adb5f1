import Foundation
import ReplyDeskCore

/// A whole simulated conversation between a scripted customer and the ideal agent.
public struct SimulatedTranscript: Sendable, Equatable, Identifiable {
  public var id: String
  public var profile: CustomerProfile
  /// The id of the order the customer wrote about (one of the profile's orders).
  public var orderID: String?
  public var scenario: Scenario
  public var persona: Persona
  public var turns: [Turn]
  public var outcome: SessionOutcome
  /// The template each agent turn was filled from, by turn id: the label a ranker should learn.
  public var templateIDs: [Int: String]
  /// Agent turns that told the customer something untrue about its order (none, for the ideal agent).
  public var misinformation: [Misinformation]
  /// Agent turns that asked for a detail the customer had given (none, for the ideal agent).
  public var reAsks: [GivenDetail]
}

/// Plays scripted customers against an ideal agent to produce varied, labelled conversations,
/// for example as a training corpus for the neural ranker. Each transcript depends only on the
/// seed and its number, so runs are reproducible.
public struct TranscriptGenerator: Sendable {
  private let catalog: TemplateCatalog
  private let calendar: Calendar
  public let seed: UInt64
  /// The longest conversation, in turns, before the generator stops it.
  public var maximumTurns = 24

  private static let personas: [(Persona, Double)] = [
    (.patient, 0.4), (.terse, 0.2), (.angry, 0.2), (.confused, 0.2),
  ]

  public init(templates: [ReplyTemplate], seed: UInt64, calendar: Calendar = ValueFormatter.posixCalendar) {
    self.catalog = TemplateCatalog(templates: templates)
    self.calendar = calendar
    self.seed = seed
  }

  /// `count` transcripts, numbered from 0, starting at `start` and seven minutes apart.
  public func generate(count: Int, start: Date) -> [SimulatedTranscript] {
    (0..<max(0, count)).map { transcript(number: $0, start: start.addingTimeInterval(Double($0) * 420)) }
  }

  /// Transcript number `number`, starting at `start`; `scenario` defaults to a seeded choice.
  public func transcript(number: Int, start: Date, scenario: Scenario? = nil) -> SimulatedTranscript {
    var random = SeededGenerator(seed: seed, index: number)
    let scenario = scenario ?? random.pick(Scenario.allCases)
    let persona = random.pick(weighted: Self.personas)
    var profiles = ProfileGenerator(seed: random.next())
    let generated = profiles.customer(for: scenario, now: start)
    let profile = generated.profile
    var customer = ScriptedCustomer(
      profile: profile, spec: .builtIn(scenario), persona: persona, seed: random.next(), now: start,
      orderID: generated.orderID)
    var agent = IdealAgent(
      catalog: catalog, profile: profile, filler: SlotFiller(now: start, calendar: calendar))
    var conversation = Conversation(
      id: ChatID("sim-\(seed)-\(number)"), profile: profile, scenario: scenario.rawValue, startedAt: start)
    var templateIDs: [Int: String] = [:]
    var clock = start
    var utterance: CustomerUtterance? = customer.opening()
    while let said = utterance, conversation.turns.count < maximumTurns {
      clock += Self.typingSeconds(said.text, random: &random)
      conversation.append(.customer, said.text, at: clock)
      if said.endsChat { break }
      agent.follow(customerMessage: said.text)
      let replies = agent.reply(to: said.intent, random: &random)
      guard !replies.isEmpty else { break }
      let filler = SlotFiller(now: clock, calendar: calendar)
      var lastText = ""
      for reply in replies {
        if !lastText.isEmpty { customer.hear(lastText) }
        clock += Double(random.int(4...25))
        lastText = filler.fill(reply.text, profile: profile, order: agent.order).map(\.plainText).joined()
        let turn = conversation.append(.agent, lastText, at: clock)
        templateIDs[turn.id] = reply.template.id
      }
      utterance = customer.respond(to: lastText)
    }
    return SimulatedTranscript(
      id: conversation.id.rawValue, profile: profile, orderID: generated.orderID, scenario: scenario,
      persona: persona, turns: conversation.turns, outcome: customer.outcome, templateIDs: templateIDs,
      misinformation: customer.misinformation, reAsks: customer.reAsks)
  }

  private static func typingSeconds(_ text: String, random: inout SeededGenerator) -> Double {
    Double(random.int(3...12)) + Double(text.count) * 0.25
  }
}
