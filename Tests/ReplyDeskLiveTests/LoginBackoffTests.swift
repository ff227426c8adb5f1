import Foundation
import ReplyDeskCore
import ReplyDeskLive
import Testing

private let token = "0123456789abcdef0123456789abcdef"

private func makeTCPChannel(_ limits: LiveChannelLimits) throws -> (LiveCustomerChannel, SocketEndpoint) {
  let listener = try SocketListener.tcp(host: "127.0.0.1", port: 0)
  let channel = try LiveCustomerChannel(listeners: [listener], token: try SharedToken(token), limits: limits)
  return (channel, listener.endpoint)
}

/// Polls `channel` as if `offset` seconds had passed until it holds `count` descriptors.
private func pump(_ channel: LiveCustomerChannel, ahead offset: TimeInterval, untilDescriptors count: Int) {
  let deadline = Date().addingTimeInterval(3)
  while channel.descriptors.count != count, Date() < deadline {
    var descriptors = channel.descriptors.map { pollfd(fd: $0, events: Int16(POLLIN), revents: 0) }
    _ = poll(&descriptors, nfds_t(descriptors.count), 10)
    _ = channel.poll(now: Date().addingTimeInterval(offset))
  }
}

@Test func backoffGrowsAfterTheFreeFailuresIsCappedAndClearsOnSuccess() {
  var backoff = LoginBackoff(freeFailures: 3, firstDelay: 1, maximumDelay: 8)
  let start = Date()
  let delays = (0..<8).map { backoff.recordFailure(from: "10.0.0.1", now: start + Double($0)) }
  #expect(delays == [0, 0, 0, 1, 2, 4, 8, 8])
  #expect(backoff.wait(for: "10.0.0.1", now: start + 7) == 8)
  #expect(backoff.wait(for: "10.0.0.1", now: start + 15.5) == nil)
  #expect(backoff.wait(for: "10.0.0.2", now: start + 7) == nil, "other addresses are not affected")
  backoff.recordSuccess(from: "10.0.0.1")
  #expect(backoff.recordFailure(from: "10.0.0.1", now: start + 16) == 0)
}

@Test func backoffForgetsTheOldestAddressesBeyondItsBound() {
  var backoff = LoginBackoff(freeFailures: 0, firstDelay: 10, maximumDelay: 10, maximumAddresses: 2)
  let start = Date()
  backoff.recordFailure(from: "10.0.0.1", now: start)
  backoff.recordFailure(from: "10.0.0.2", now: start + 1)
  backoff.recordFailure(from: "10.0.0.3", now: start + 2)
  #expect(backoff.wait(for: "10.0.0.1", now: start + 3) == nil)
  #expect(backoff.wait(for: "10.0.0.3", now: start + 3) != nil)
}

@Test func wrongTokensFromOneAddressAreRefusedForAGrowingPeriod() throws {
  let (channel, endpoint) = try makeTCPChannel(LiveChannelLimits())
  var events: [ChannelEvent] = []
  var notices: [String] = []
  for _ in 0..<4 {
    let peer = try TestPeer(endpoint)
    peer.send(#"{"type":"hello","token":"wrong-token-wrong-token","customer":{"name":"Eve"}}"#)
    notices += peer.readUntilClosed(pumping: channel, into: &events)
  }
  #expect(notices.last?.contains("may try again in 1 s") == true, "\(notices)")
  let refused = try TestPeer(endpoint)
  refused.send(#"{"type":"hello","token":"\#(token)","customer":{"name":"Tess Ng"}}"#)
  let lines = refused.readUntilClosed(pumping: channel, into: &events)
  #expect(lines.first?.contains("Too many wrong tokens from this address; wait 1 s") == true, "\(lines)")
  #expect(arrivals(events).isEmpty, "even the right token is refused while the address waits")

  let later = try TestPeer(endpoint)
  later.send(#"{"type":"hello","token":"\#(token)","customer":{"name":"Tess Ng"}}"#)
  pump(channel, ahead: 1.1, untilDescriptors: 2)
  #expect(channel.descriptors.count == 2, "once the wait is over the address may try again")
}

@Test func oneAddressHoldsAtMostItsShareOfConnections() throws {
  var limits = LiveChannelLimits()
  limits.maximumConnectionsPerAddress = 3
  let (channel, endpoint) = try makeTCPChannel(limits)
  var events: [ChannelEvent] = []
  let customers = try (0..<3).map { index in
    let peer = try TestPeer(endpoint)
    peer.send(#"{"type":"hello","token":"\#(token)","customer":{"name":"Cust \#(index)"}}"#)
    return peer
  }
  events += pump(channel) { arrivals($0).count == 3 }
  #expect(arrivals(events).count == 3)
  let fourth = try TestPeer(endpoint)
  let lines = fourth.readUntilClosed(pumping: channel, into: &events)
  #expect(lines.first?.contains("3 connections from this address are open already") == true, "\(lines)")
  #expect(fourth.sawEndOfStream)

  customers[0].hangUp()
  _ = pump(channel) { _ in channel.descriptors.count == 3 }
  let fifth = try TestPeer(endpoint)
  fifth.send(#"{"type":"hello","token":"\#(token)","customer":{"name":"Cust 5"}}"#)
  #expect(arrivals(pump(channel) { arrivals($0).count == 1 }).count == 1, "a freed slot is usable again")
}
