import Foundation
import ReplyDeskCore
import ReplyDeskLive
import Testing

/// Polls `channel` with the same `now` until `count` customers arrived.
private func arrivalsAtOneInstant(
  _ channel: LiveCustomerChannel, count: Int, now: Date
) -> [ChatID] {
  var chats: [ChatID] = []
  let deadline = Date().addingTimeInterval(3)
  while chats.count < count, Date() < deadline {
    var descriptors = channel.descriptors.map { pollfd(fd: $0, events: Int16(POLLIN), revents: 0) }
    _ = poll(&descriptors, nfds_t(descriptors.count), 10)
    for event in channel.poll(now: now) {
      if case .arrived = event.kind { chats.append(event.chat) }
    }
  }
  return chats
}

@Test func twoConsolesAcceptingInTheSameMillisecondNeverShareAChatID() throws {
  let now = Date(timeIntervalSince1970: 1_764_579_000.123)
  var chats: [ChatID] = []
  var keepAlive: [(LiveCustomerChannel, [TestPeer])] = []
  for console in ["a", "b"] {
    let (channel, endpoint) = try makeUnixChannel()
    let peers = try (1...3).map { number in
      let peer = try TestPeer(endpoint)
      peer.hello("\(console)\(number)")
      return peer
    }
    chats += arrivalsAtOneInstant(channel, count: 3, now: now)
    keepAlive.append((channel, peers))
  }
  #expect(chats.count == 6)
  #expect(Set(chats).count == 6, "ids must differ across consoles: \(chats)")
  #expect(chats.allSatisfy { $0.rawValue.hasPrefix("live-1764579000123-") })
}

@Test func uniqueChatIDsAreShortAndReadable() {
  var generator = FixedGenerator(value: 0xAB)
  let id = ChatID.unique("live", at: Date(timeIntervalSince1970: 1.5), using: &generator)
  #expect(id.rawValue == "live-1500-00000000000000ab")
}

private struct FixedGenerator: RandomNumberGenerator {
  var value: UInt64
  mutating func next() -> UInt64 { value }
}
