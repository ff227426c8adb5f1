import Foundation
import ReplyDeskCore
import ReplyDeskLive
import Testing

private func parse(_ text: String) throws -> CustomerLine {
  try CustomerLine.parse(Array(text.utf8))
}

@Test func customerLinesParseWithExtraFieldsIgnored() throws {
  #expect(try parse(#"{"type":"message","text":"hi","lang":"en"}"#) == .message("hi"))
  #expect(try parse(#"{"type":"typing","extra":[1,2]}"#) == .typing)
  #expect(try parse(#"{"type":"bye"}"#) == .bye)
  #expect(
    try parse(#"{"type":"hello","customer_id":42,"token":"t"}"#)
      == .hello(customer: nil, customerID: "42", token: "t"))
  guard case .hello(let customer, nil, nil) = try parse(#"{"type":"hello","customer":{"name":"A B"}}"#) else {
    Issue.record("expected a hello with a customer")
    return
  }
  #expect(customer?["name"] == .string("A B"))
}

@Test func badCustomerLinesSayWhatIsWrong() {
  #expect(throws: CustomerLine.Problem.notJSON) { try parse("{") }
  #expect(throws: CustomerLine.Problem.notAnObject) { try parse("\"hello\"") }
  #expect(throws: CustomerLine.Problem.missingType) { try parse(#"{"type":3}"#) }
  #expect(throws: CustomerLine.Problem.unknownType) { try parse(#"{"type":"HELLO"}"#) }
  #expect(throws: CustomerLine.Problem.missingText) { try parse(#"{"type":"message","text":"  "}"#) }
  #expect(throws: CustomerLine.Problem.missingText) { try parse(#"{"type":"message","text":7}"#) }
  #expect(throws: CustomerLine.Problem.invalidText) { try parse(#"{"type":"message","text":"\ud800"}"#) }
}

@Test func consoleLinesRoundTripAndEscapeHostileText() throws {
  let hostile = "line one\nline \"two\" \u{1B}[31m"
  for line in [ConsoleLine.message(hostile), .typing, .closed(.escalated), .error("nope")] {
    let encoded = line.encoded
    #expect(encoded.last == UInt8(ascii: "\n"))
    #expect(encoded.dropLast().allSatisfy { $0 != UInt8(ascii: "\n") && $0 != 0x1B })
    #expect(ConsoleLine.parse(encoded.dropLast()) == line)
  }
  #expect(ConsoleLine.parse(Array(#"{"type":"later"}"#.utf8)) == nil)
}

@Test func customerLinesEncodeToWhatTheChannelParses() throws {
  let hello = CustomerLine.hello(
    customer: .object(["first_name": .string("Ana"), "orders": .array([])]), customerID: "C-1",
    token: "secret")
  for line in [hello, .message("héllo\n\u{0}"), .typing, .bye] {
    #expect(try CustomerLine.parse(line.encoded.dropLast()) == line)
  }
}

@Test func deeplyNestedJSONIsRefusedWithoutCrashing() {
  let depth = 30_000
  let nested = String(repeating: "[", count: depth) + String(repeating: "]", count: depth)
  #expect(throws: CustomerLine.Problem.self) {
    try parse(#"{"type":"hello","customer":"# + nested + "}")
  }
  #expect(throws: CustomerLine.Problem.self) { try parse(nested) }
}
