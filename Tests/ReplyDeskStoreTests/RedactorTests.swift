import Foundation
import ReplyDeskCore
import Testing

@testable import ReplyDeskStore

@Suite("Redaction of emails, phone numbers and card numbers")
struct RedactorTests {
  @Test(arguments: [
    ("my card is 4111 1111 1111 1111 thanks", "my card is [card] thanks"),
    ("4111-1111-1111-1111", "[card]"),
    ("card:4111111111111111.", "card:[card]."),
    ("mastercard 5500 0000 0000 0004", "mastercard [card]"),
    ("amex 3782 822463 10005 ok", "amex [card] ok"),
    ("order 12345 4111111111111111", "order 12345 [card]"),
  ])
  func luhnValidCardsAreHidden(text: String, expected: String) {
    #expect(Redactor.redact(text) == expected)
  }

  @Test(arguments: [
    "tracking 4111 1111 1111 1112",
    "ref 1234567812345678",
    "order A-1001 for $24.99 on 2026-03-01",
    "I ordered 2 kettles and 3 mugs",
    "call ext. 1234",
  ])
  func numbersThatAreNotCardsOrPhonesStay(text: String) {
    #expect(Redactor.redact(text) == text)
  }

  @Test(arguments: [
    ("call +1 (415) 555-0100 please", "call [phone] please"),
    ("(415) 555-0100", "[phone]"),
    ("415-555-0100", "[phone]"),
    ("415.555.0100.", "[phone]."),
    ("4155550100", "[phone]"),
    ("+44 20 7946 0958", "[phone]"),
    ("+4915112345678", "[phone]"),
    ("uk mobile 07700 900123", "uk mobile [phone]"),
    ("local 555-0100", "local [phone]"),
  ])
  func phoneFormatsAreHidden(text: String, expected: String) {
    #expect(Redactor.redact(text) == expected)
  }

  @Test func emailsAreHidden() {
    #expect(Redactor.redact("write to dana.reyes+shop@mail.example.co.uk now") == "write to [email] now")
    #expect(Redactor.redact("a@b.io, c_d@e-f.com") == "[email], [email]")
    #expect(Redactor.redact("at sign @ alone and me@localhost") == "at sign @ alone and me@localhost")
  }

  @Test func mixedTextKeepsEverythingElse() {
    let text = "Hi, I'm Dana (dana@example.com, 415-555-0100). Card 4111 1111 1111 1111 for order #4821 ❤️"
    #expect(Redactor.redact(text) == "Hi, I'm Dana ([email], [phone]). Card [card] for order #4821 ❤️")
  }

  @Test func luhnCheck() {
    #expect(Luhn.isValid([4, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1]))
    #expect(!Luhn.isValid([4, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 2]))
    #expect(Luhn.isValid([7, 9, 9, 2, 7, 3, 9, 8, 7, 1, 3]))
    #expect(!Luhn.isValid([]))
  }

  @Test func exportedEventsAreRedactedEverywhere() throws {
    let profile = Fixture.customer("c1")
    let started = SessionEventKind.started(representative: "ana", customer: profile, channel: "refund")
    guard case .started(_, let hidden, _) = started.redacted() else {
      Issue.record("started changed kind")
      return
    }
    #expect(hidden.email == "[email]" && hidden.phone == "[phone]" && hidden.address == "[address]")
    #expect(hidden.orders == profile.orders && hidden.firstName == "[name]")
    let shown = SessionEventKind.suggestionsShown(
      suggestions: Fixture.shown(["We emailed dana@example.com"]), ranker: "lexical")
    #expect(
      shown.redacted()
        == .suggestionsShown(suggestions: Fixture.shown(["We emailed [email]"]), ranker: "lexical"))
    let edited = SessionEventKind.decision(
      decision: .edited(
        suggestionID: "t1", rank: 1, original: "call 415-555-0100", final: "call +1 415 555 0100"),
      responseSeconds: 2)
    #expect(
      edited.redacted()
        == .decision(
          decision: .edited(suggestionID: "t1", rank: 1, original: "call [phone]", final: "call [phone]"),
          responseSeconds: 2))
    #expect(
      SessionEventKind.qaNote(text: "leaked a@b.io", rating: 2).redacted()
        == .qaNote(text: "leaked [email]", rating: 2))
  }
}
