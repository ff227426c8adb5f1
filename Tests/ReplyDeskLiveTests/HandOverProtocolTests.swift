import Foundation
import ReplyDeskCore
import ReplyDeskLive
import Testing

/// The hand-over and rating lines: how they encode and parse, and what the channel does with them.
@Suite struct HandOverProtocolTests {
  private func parse(_ text: String) throws -> CustomerLine {
    try CustomerLine.parse(Array(text.utf8))
  }

  @Test func ratingLinesParseLenientlyAndRefuseScoresOffTheScale() throws {
    #expect(try parse(#"{"type":"rating","score":5}"#) == .rating(score: 5, comment: nil))
    #expect(
      try parse(#"{"type":"rating","score":4.0,"comment":" quick "}"#) == .rating(score: 4, comment: "quick"))
    #expect(try parse(#"{"type":"rating","score":3,"comment":"  "}"#) == .rating(score: 3, comment: nil))
    for bad in [
      #"{"type":"rating"}"#, #"{"type":"rating","score":0}"#, #"{"type":"rating","score":6}"#,
      #"{"type":"rating","score":4.5}"#, #"{"type":"rating","score":"5"}"#,
    ] {
      #expect(throws: CustomerLine.Problem.invalidScore) { try parse(bad) }
    }
    let line = CustomerLine.rating(score: 2, comment: "slow")
    #expect(try CustomerLine.parse(line.encoded.dropLast()) == line)
  }

  @Test func consoleHandOverClosedAndRatingRequestLinesRoundTrip() throws {
    for line in [
      ConsoleLine.handover(HandOverNotice.text), .ratingRequest(scale: 5, seconds: 60), .closed(.resolved),
    ] {
      #expect(ConsoleLine.parse(line.encoded.dropLast()) == line)
    }
    let request = try JSONValue.parse(ConsoleLine.ratingRequest(scale: 5, seconds: 60).encoded.dropLast())
    #expect(request["type"] == .string("rating_request"))
    #expect(request["scale"]?.integer == 5)
    let closed = try JSONValue.parse(ConsoleLine.closed(.resolved).encoded.dropLast())
    #expect(closed["text"]?.text?.hasPrefix("Thank you for contacting us.") == true)
  }

  @Test func typedRatingsReadANumberAndAnOptionalComment() {
    #expect(CustomerClient.rating(from: "5")! == (5, nil))
    #expect(CustomerClient.rating(from: " 4 quick and kind ")! == (4, "quick and kind"))
    #expect(CustomerClient.rating(from: "2: slow")! == (2, "slow"))
    for bad in ["", "6", "0", "five", "45", "5stars"] { #expect(CustomerClient.rating(from: bad) == nil) }
  }

  @Test func aHandOverKeepsTheCustomerConnectedAndTheChatOpen() throws {
    let (channel, endpoint) = try makeUnixChannel()
    let peer = try TestPeer(endpoint)
    peer.hello("maya")
    var events = pump(channel) { arrivals($0).count == 1 }
    let chat = try #require(arrivals(events).keys.first)
    channel.handOver(chat, now: Date())
    let line = try #require(peer.readLine(pumping: channel, into: &events))
    #expect(ConsoleLine.parse(Array(line.utf8)) == .handover(HandOverNotice.text))
    peer.send(#"{"type":"message","text":"Still here"}"#)
    events = pump(channel) { !messages($0).isEmpty }
    #expect(messages(events).map(\.1) == ["Still here"])
    #expect(!peer.sawEndOfStream)
  }

  @Test func aResolvedChatAsksForARatingAndRecordsItAfterTheClose() throws {
    let (channel, endpoint) = try makeUnixChannel()
    let peer = try TestPeer(endpoint)
    peer.hello("ana")
    var events = pump(channel) { arrivals($0).count == 1 }
    let chat = try #require(arrivals(events).keys.first)
    channel.close(chat, outcome: .resolved, now: Date())
    let closed = try #require(peer.readLine(pumping: channel, into: &events))
    let request = try #require(peer.readLine(pumping: channel, into: &events))
    #expect(ConsoleLine.parse(Array(closed.utf8)) == .closed(.resolved))
    #expect(ConsoleLine.parse(Array(request.utf8)) == .ratingRequest(scale: 5, seconds: 60))
    peer.send(#"{"type":"message","text":"one more thing"}"#)
    let refusal = try #require(peer.readLine(pumping: channel, into: &events))
    #expect(refusal.contains("This chat is closed: send a rating from 1 to 5"))
    peer.send(#"{"type":"rating","score":5,"comment":"great"}"#)
    events = pump(channel) { $0.contains { $0.kind == .rated(score: 5, comment: "great") } }
    #expect(events.map(\.kind) == [.rated(score: 5, comment: "great")])
    #expect(peer.readUntilClosed(pumping: channel, into: &events).isEmpty)
    #expect(peer.sawEndOfStream)
  }

  @Test func anUnansweredRatingRequestClosesAfterItsWaitAndOtherOutcomesCloseAtOnce() throws {
    var limits = LiveChannelLimits()
    limits.ratingWait = 0.2
    let (channel, endpoint) = try makeUnixChannel(limits: limits)
    let quiet = try TestPeer(endpoint)
    let escalated = try TestPeer(endpoint)
    quiet.hello("quiet")
    escalated.hello("esc")
    var events = pump(channel) { arrivals($0).count == 2 }
    let chats = arrivals(events)
    let quietChat = try #require(chats.first { $0.value.id == "quiet" }?.key)
    let escalatedChat = try #require(chats.first { $0.value.id == "esc" }?.key)
    channel.close(quietChat, outcome: .resolved, now: Date())
    channel.close(escalatedChat, outcome: .escalated, now: Date())
    #expect(escalated.readUntilClosed(pumping: channel, into: &events).count == 1)
    #expect(quiet.readUntilClosed(pumping: channel, into: &events).count == 2)
    #expect(quiet.sawEndOfStream)
    #expect(!events.contains { if case .left = $0.kind { true } else { false } })
  }

  @Test func aRatingBeforeTheChatClosesIsRefused() throws {
    let (channel, endpoint) = try makeUnixChannel()
    let peer = try TestPeer(endpoint)
    peer.hello("early")
    var events = pump(channel) { arrivals($0).count == 1 }
    peer.send(#"{"type":"rating","score":5}"#)
    let line = try #require(peer.readLine(pumping: channel, into: &events))
    #expect(line.contains("Nothing to rate yet"))
    #expect(!events.contains { if case .rated = $0.kind { true } else { false } })
  }
}
