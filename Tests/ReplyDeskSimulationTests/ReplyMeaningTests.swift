import Foundation
import ReplyDeskCore
import ReplyDeskSimulation
import Testing

/// A reader that knows which template each of the test's replies means, as a model would.
private struct LookupReader: ReplyReader {
  let name = "lookup"
  let meanings: [String: String]

  func meaning(of reply: String, in chat: RankingRequest, candidates: [ReplyCandidate]) -> ReplyMeaning? {
    guard let id = meanings[reply], let candidate = candidates.first(where: { $0.templateID == id }) else {
      return nil
    }
    return ReplyMeaning(templateID: id, text: candidate.text, similarity: 0.9)
  }
}

private func interpreter(_ meanings: [String: String]) -> ReplyInterpreter {
  ReplyInterpreter(reader: LookupReader(meanings: meanings), templates: ShippedTemplates.all)
}

/// A delivery-status customer whose order has shipped, having asked where it is.
private func shippedCustomer() throws -> ScriptedCustomer {
  for seed in UInt64(0)..<200 {
    var profiles = ProfileGenerator(seed: seed)
    let generated = profiles.customer(for: .deliveryStatus, now: fixedNow)
    var someone = ScriptedCustomer(
      profile: generated.profile, spec: .builtIn(.deliveryStatus), persona: .patient, seed: seed,
      now: fixedNow,
      orderID: generated.orderID)
    guard someone.order?.status == .shipped, someone.order?.trackingNumber != nil else { continue }
    _ = someone.opening()
    return someone
  }
  throw CustomerNotFound()
}

private struct CustomerNotFound: Error {}

private let paraphrase = "Good news, it left us yesterday and should be with you before the weekend."

@Test func aCustomerWithAnInterpreterAnswersAParaphraseAsItAnswersTheTemplate() throws {
  let template = try #require(ShippedTemplates.all.first { $0.id == "delivery.status.shipped" })
  let asked = try shippedCustomer()
  let order = try #require(asked.order)
  let filled = SlotFiller(now: fixedNow).fill(template, profile: asked.profile, order: order)
    .map(\.plainText).joined()

  var byTemplate = asked
  let templateSaid = byTemplate.respond(to: filled)
  var byKeywords = asked
  let keywordsSaid = byKeywords.respond(to: paraphrase)
  var byMeaning = asked
  byMeaning.interpreter = interpreter([paraphrase: template.id])
  let meaningSaid = byMeaning.respond(to: paraphrase)
  let (toTemplate, toKeywords, toMeaning) = try (
    #require(templateSaid), #require(keywordsSaid), #require(meaningSaid)
  )

  #expect(toKeywords.intent != toTemplate.intent, "read by its keywords the paraphrase is off topic")
  #expect(toMeaning.intent == toTemplate.intent)
  #expect(toMeaning.text == toTemplate.text)
  #expect(byMeaning.progress == byTemplate.progress)
}

@Test func aReplyThatMeansNoTemplateIsReadByItsKeywords() throws {
  let asked = try shippedCustomer()
  var plain = asked
  var reading = asked
  reading.interpreter = interpreter([:])
  let question = "Could you please give me your order number?"
  #expect(reading.respond(to: question) == plain.respond(to: question))
  #expect(reading.respond(to: paraphrase) == plain.respond(to: paraphrase))
}

private let chat = ChatID("practice-meaning")
private let offer = "Order RD-100200 hasn't shipped yet, so I can still cancel it. Shall I go ahead?"
private let ownWords = "It's still with us, so I can stop it now. Do you want me to call the whole thing off?"

/// A practice chat where the ranker's top suggestion is the cancellation offer and the trainee
/// writes `reply` instead.
private func practiceEvents(reply: String) -> [SessionEvent] {
  let profile = CustomerProfile(
    id: "cust-1", firstName: "Ada", lastName: "Byrne",
    orders: [
      Order(
        id: "RD-100200", items: [OrderItem(name: "Lamp", price: Money(minorUnits: 4500))],
        status: .processing, placedOn: fixedNow)
    ])
  let top = Suggestion(
    source: .template(id: "cancellation.offer.processing"), segments: [.literal(offer)], score: 0.8)
  let kinds: [SessionEventKind] = [
    .started(representative: "trainee", customer: profile, channel: "practice"),
    .customerMessage(text: "Please cancel my lamp order RD-100200."),
    .suggestionsShown(suggestions: [ShownSuggestion(rank: 1, suggestion: top)], ranker: "neural v4"),
    .decision(decision: .written(text: reply), responseSeconds: 9),
  ]
  return kinds.enumerated().map { SessionEvent(chat: chat, time: fixedNow + Double($0) * 5, kind: $1) }
}

@Test func theScorecardCountsAReplyMeaningTheTopSuggestionAsAgreement() {
  let reader = interpreter([
    ownWords: "cancellation.offer.processing", "Anything else?": "closing.anything_else",
  ])
  let agreeing = PracticeScorecard(
    chat: chat, events: practiceEvents(reply: ownWords), scenario: nil, interpreter: reader)
  #expect(agreeing.agreedWithRanker == 1)
  #expect(agreeing.score(suggestionsHidden: false).agreedWithRanker == 1)
  #expect(agreeing.text.contains("ranker: same meaning: Order RD-100200"))
  let unread = PracticeScorecard(chat: chat, events: practiceEvents(reply: ownWords), scenario: nil)
  #expect(unread.agreedWithRanker == 0, "without an interpreter only the same text agrees")
  let other = PracticeScorecard(
    chat: chat, events: practiceEvents(reply: "Anything else?"), scenario: nil, interpreter: reader)
  #expect(other.agreedWithRanker == 0, "a reply meaning another template does not agree")
  let same = PracticeScorecard(
    chat: chat, events: practiceEvents(reply: offer), scenario: nil, interpreter: reader)
  #expect(same.agreedWithRanker == 1)
}
