import ReplyDeskCore
import Testing

@testable import ReplyDeskStore

@Suite("Redaction beyond emails, phones and cards")
struct SensitivePatternTests {
  @Test(arguments: [
    ("pay to DE89 3704 0044 0532 0130 00 please", "pay to [iban] please"),
    ("IBAN GB82WEST12345698765432.", "IBAN [iban]."),
    ("my ssn is 123-45-6789", "my ssn is [ssn]"),
    ("card ４１１１ １１１１ １１１１ １１１１ ok", "card [card] ok"),
    ("write to john at example dot com today", "write to [email] today"),
    ("mail john.doe (at) example (dot) co (dot) uk", "mail [email]"),
    ("the CVV is 123", "the CVV is [redacted]"),
    ("DOB: 04/07/1985, thanks", "DOB: [redacted], thanks"),
    ("date of birth 1985-07-04", "date of birth [redacted]"),
    ("my password is hunter2!", "my password is [redacted]"),
  ])
  func personalDataIsHidden(text: String, expected: String) {
    #expect(Redactor.redact(text) == expected)
  }

  @Test(arguments: [
    "order RD-123456 arrives on 2026-03-01",
    "I am at home, look at that",
    "the pin on the map",
  ])
  func ordinaryTextStays(text: String) {
    #expect(Redactor.redact(text) == text)
  }

  @Test func profileValuesAreHiddenWhereverTheyAppear() {
    let profile = CustomerProfile(
      id: "c1", firstName: "Ana", lastName: "Reyes", email: "ana.r@example.org", phone: "0170 55 123",
      address: "12 Harbour Road, Leith")
    let shown = Fixture.shown(["Is it 12 Harbour Road, Leith? We call 0170 55 123."])[0]
    let hidden = SessionEventKind.suggestionsShown(suggestions: [shown], ranker: "lexical")
      .redacted(hiding: profile.redactedValues)
    guard case .suggestionsShown(let suggestions, _) = hidden else {
      Issue.record("kind changed")
      return
    }
    #expect(suggestions[0].text == "Is it [address]? We call [phone].")
    let reply = SessionEventKind.decision(
      decision: .written(text: "Sent to 12 HARBOUR ROAD, LEITH"), responseSeconds: 1
    ).redacted(hiding: profile.redactedValues)
    #expect(reply == .decision(decision: .written(text: "Sent to [address]"), responseSeconds: 1))
  }

  @Test func theCustomersNameIsHiddenAsWholeWords() {
    let profile = CustomerProfile(id: "c1", firstName: "Ana", lastName: "Reyes")
    let reply = SessionEventKind.decision(
      decision: .written(text: "Thanks, ANA REYES. Ana, Mrs Reyes: banana stays."), responseSeconds: 1
    ).redacted(hiding: profile.redactedValues, names: profile.redactedNames)
    #expect(
      reply
        == .decision(
          decision: .written(text: "Thanks, [name]. [name], Mrs [name]: banana stays."), responseSeconds: 1))
    let started = SessionEventKind.started(representative: "Rep", customer: profile, channel: "chat")
      .redacted(names: profile.redactedNames)
    guard case .started(_, let customer, _) = started else {
      Issue.record("kind changed")
      return
    }
    #expect(customer.firstName == "[name]" && customer.lastName == "[name]")
  }
}
