import Foundation
import ReplyDeskCore
import ReplyDeskLive
import Testing

@Test func severalClientsEachGetTheirOwnChat() throws {
  let (channel, endpoint) = try makeUnixChannel()
  let peers = try ["ana", "ben", "cho"].map { name in
    let peer = try TestPeer(endpoint)
    peer.hello(name)
    return (name, peer)
  }
  var events = pump(channel) { arrivals($0).count == 3 }
  let chats = arrivals(events)
  #expect(Set(chats.values.map(\.firstName)) == ["ana", "ben", "cho"])
  #expect(chats.keys.allSatisfy { $0.rawValue.hasPrefix("live-") })
  #expect(
    events.allSatisfy { if case .arrived(_, let scenario) = $0.kind { scenario == "live" } else { true } })
  let chatOf = Dictionary(uniqueKeysWithValues: chats.map { ($0.value.firstName, $0.key) })

  for (name, peer) in peers { peer.send(#"{"type":"message","text":"I am \#(name)"}"#) }
  events = pump(channel) { messages($0).count == 3 }
  for (chat, text) in messages(events) { #expect(text == "I am \(chats[chat]!.firstName)") }

  channel.send("Hello Ben", to: chatOf["ben"]!, now: Date())
  channel.agentTyping(in: chatOf["cho"]!, now: Date())
  #expect(
    peers[1].1.readLine(pumping: channel, into: &events)
      == #"{"from":"agent","text":"Hello Ben","type":"message"}"#)
  #expect(peers[2].1.readLine(pumping: channel, into: &events) == #"{"type":"typing"}"#)
  #expect(peers[0].1.readLine(pumping: channel, into: &events, timeout: 0.2) == nil)

  channel.close(chatOf["ana"]!, outcome: .abandoned, now: Date())
  #expect(
    peers[0].1.readUntilClosed(pumping: channel, into: &events) == [
      #"{"outcome":"abandoned","text":"This chat is closed. Write again any time if you still need help.","type":"closed"}"#
    ])
  #expect(peers[0].1.sawEndOfStream)
  #expect(!events.contains { $0.kind == .left(settled: nil) })
  #expect(channel.descriptors.count == 3)
}

@Test func malformedLinesGetAnErrorAndTheConnectionStays() throws {
  let (channel, endpoint) = try makeUnixChannel()
  let peer = try TestPeer(endpoint)
  var events: [ChannelEvent] = []
  for bad in [
    "not json", "[1,2]", #"{"text":"x"}"#, #"{"type":"shout"}"#, #"{"type":"message","text":"early"}"#,
  ] {
    peer.send(bad)
    let reply = try #require(peer.readLine(pumping: channel, into: &events))
    #expect(reply.hasPrefix(#"{"message":""#) && reply.hasSuffix(#""type":"error"}"#))
  }
  peer.send(#"{"type":"hello"}"#)
  #expect(peer.readLine(pumping: channel, into: &events)?.contains("customer") == true)
  peer.hello("dee")
  peer.send(#"{"type":"message","text":""}"#)
  #expect(peer.readLine(pumping: channel, into: &events)?.contains("non-empty") == true)
  peer.hello("dee")
  #expect(peer.readLine(pumping: channel, into: &events)?.contains("already") == true)
  #expect(arrivals(events).count == 1)
  #expect(messages(events).isEmpty)
}

@Test func aFloodingPeerIsCutOffAndTheOthersCarryOn() throws {
  var limits = LiveChannelLimits()
  limits.burstLines = 10
  limits.linesPerSecond = 1
  let (channel, endpoint) = try makeUnixChannel(limits: limits)
  let calm = try TestPeer(endpoint)
  let flooder = try TestPeer(endpoint)
  calm.hello("calm")
  flooder.hello("flood")
  var events = pump(channel) { arrivals($0).count == 2 }
  let floodChat = try #require(arrivals(events).first { $0.value.firstName == "flood" }?.key)
  flooder.sendBytes(Array(String(repeating: #"{"type":"typing"}"# + "\n", count: 200).utf8))
  let lines = flooder.readUntilClosed(pumping: channel, into: &events)
  #expect(lines.last?.contains("Too many lines") == true)
  #expect(flooder.sawEndOfStream)
  #expect(events.contains(ChannelEvent(chat: floodChat, kind: .left(settled: nil))))
  #expect(events.filter { $0.chat == floodChat && $0.kind == .typing }.count <= 9)
  calm.send(#"{"type":"message","text":"still here"}"#)
  events = pump(channel) { !messages($0).isEmpty }
  #expect(messages(events).map(\.1) == ["still here"])
}

@Test func anOversizedLineIsCutOffBeforeItIsBufferedWhole() throws {
  let (channel, endpoint) = try makeUnixChannel()
  let peer = try TestPeer(endpoint)
  peer.hello("big")
  var events = pump(channel) { arrivals($0).count == 1 }
  let chat = try #require(arrivals(events).keys.first)
  let chunk = [UInt8](repeating: UInt8(ascii: "a"), count: 16 * 1024)
  var kernelBuffer: Int32 = 0
  var size = socklen_t(MemoryLayout<Int32>.size)
  getsockopt(peer.descriptor, SOL_SOCKET, SO_SNDBUF, &kernelBuffer, &size)
  var accepted = 0
  _ = fcntl(peer.descriptor, F_SETFL, fcntl(peer.descriptor, F_GETFL) | O_NONBLOCK)
  let deadline = Date().addingTimeInterval(5)
  while Date() < deadline, accepted < 4 << 20 {
    let written = chunk.withUnsafeBytes {
      send(peer.descriptor, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL))
    }
    if written < 0, errno != EAGAIN { break }
    accepted += max(written, 0)
    events += channel.poll(now: Date())
  }
  // The documented 64 KB line limit, one poll's read, and what the kernel holds in between.
  let documentedLine = 64 * 1024
  let bound = documentedLine + LiveChannelLimits().readBytesPerPoll + Int(kernelBuffer)
  #expect(accepted <= bound, "\(accepted) bytes taken before the cut-off; at most \(bound) allowed")
  #expect(events.contains(ChannelEvent(chat: chat, kind: .left(settled: nil))))
  #expect(channel.descriptors.count == 1)
}

@Test func aVanishedPeerEndsItsChatAndASilentOneEndsNothing() throws {
  let (channel, endpoint) = try makeUnixChannel()
  let talker = try TestPeer(endpoint)
  let silent = try TestPeer(endpoint)
  talker.hello("gone")
  var events = pump(channel) { arrivals($0).count == 1 }
  let chat = try #require(arrivals(events).keys.first)
  talker.hangUp()
  silent.hangUp()
  events = pump(channel) { _ in channel.descriptors.count == 1 }
  #expect(events == [ChannelEvent(chat: chat, kind: .left(settled: nil))])
  channel.send("anyone?", to: chat, now: Date())
  channel.close(chat, outcome: .abandoned, now: Date())
  #expect(channel.poll(now: Date()).isEmpty)
}

@Test func byeEndsTheChatAndInvalidUTF8IsReplaced() throws {
  let (channel, endpoint) = try makeUnixChannel()
  let peer = try TestPeer(endpoint)
  peer.hello("utf")
  peer.sendBytes(Array(#"{"type":"message","text":"caf"#.utf8) + [0xC3, 0x28, 0xFF] + Array("\"}\n".utf8))
  peer.send(#"{"type":"bye"}"#)
  let events = pump(channel) { $0.contains { $0.kind == .left(settled: nil) } }
  #expect(messages(events).map(\.1) == ["caf\u{FFFD}(\u{FFFD}"])
  #expect(events.last?.kind == .left(settled: nil))
}

@Test func aPeerThatNeverSaysHelloIsCutOffAfterTheTimeout() throws {
  var limits = LiveChannelLimits()
  limits.helloTimeout = 0.2
  let (channel, endpoint) = try makeUnixChannel(limits: limits)
  let peer = try TestPeer(endpoint)
  var events: [ChannelEvent] = []
  _ = channel.poll(now: Date())
  #expect(channel.nextDeadline() != nil)
  let lines = peer.readUntilClosed(pumping: channel, into: &events)
  #expect(lines.count == 1 && lines[0].contains("No hello"))
  #expect(events.isEmpty)
}

@Test func connectionsBeyondTheCapAreTurnedAway() throws {
  var limits = LiveChannelLimits()
  limits.maximumConnections = 2
  let (channel, endpoint) = try makeUnixChannel(limits: limits)
  let first = try TestPeer(endpoint)
  let second = try TestPeer(endpoint)
  _ = pump(channel) { _ in channel.descriptors.count == 3 }
  let third = try TestPeer(endpoint)
  var events: [ChannelEvent] = []
  #expect(third.readUntilClosed(pumping: channel, into: &events).first?.contains("busy") == true)
  #expect(channel.descriptors.count == 3)
  _ = (first, second)
}

@Test func aHelloCanNameACustomerFromTheProfilesFile() throws {
  let profiles = ProfileDirectory([CustomerProfile(id: "C-42", firstName: "Noor", lastName: "Haddad")])
  let (channel, endpoint) = try makeUnixChannel(profiles: profiles)
  let peer = try TestPeer(endpoint)
  var events: [ChannelEvent] = []
  peer.send(#"{"type":"hello","customer_id":"C-404"}"#)
  #expect(peer.readLine(pumping: channel, into: &events)?.contains("Unknown customer_id") == true)
  peer.send(#"{"type":"hello","customer_id":"C-42"}"#)
  events += pump(channel) { arrivals($0).count == 1 }
  #expect(arrivals(events).values.first?.fullName == "Noor Haddad")
}

@Test func stopTellsPeersAndRemovesTheSocketFile() throws {
  let (channel, endpoint) = try makeUnixChannel()
  guard case .unix(let path) = endpoint else { throw SocketError("expected a Unix endpoint") }
  let peer = try TestPeer(endpoint)
  _ = pump(channel) { _ in channel.descriptors.count == 2 }
  channel.stop()
  var events: [ChannelEvent] = []
  #expect(
    peer.readUntilClosed(pumping: channel, into: &events) == [
      #"{"message":"The console has closed.","type":"error"}"#
    ])
  #expect(!FileManager.default.fileExists(atPath: path))
  #expect(channel.descriptors.isEmpty)
}

@Test func repliesThatOutgrowTheSocketBufferStillArriveInOrder() throws {
  let (channel, endpoint) = try makeUnixChannel()
  let peer = try TestPeer(endpoint)
  peer.hello("slow")
  var events = pump(channel) { arrivals($0).count == 1 }
  let chat = try #require(arrivals(events).keys.first)
  let long = String(repeating: "x", count: 20_000)
  for number in 0..<30 { channel.send("\(number) \(long)", to: chat, now: Date()) }
  #expect(channel.nextDeadline() != nil)
  var received: [String] = []
  while received.count < 30, let line = peer.readLine(pumping: channel, into: &events) {
    received.append(line)
  }
  let numbers = received.compactMap { ConsoleLine.parse(Array($0.utf8)) }.compactMap { line -> Int? in
    if case .message(let text) = line { Int(text.prefix { $0 != " " }) } else { nil }
  }
  #expect(numbers == Array(0..<30))
  #expect(channel.nextDeadline() == nil)
  #expect(!events.contains { $0.kind == .left(settled: nil) })
}

@Test func aPeerThatStopsReadingIsCutOff() throws {
  let (channel, endpoint) = try makeUnixChannel()
  let peer = try TestPeer(endpoint)
  peer.hello("deaf")
  var events = pump(channel) { arrivals($0).count == 1 }
  let chat = try #require(arrivals(events).keys.first)
  let long = String(repeating: "y", count: 20_000)
  for _ in 0..<100 { channel.send(long, to: chat, now: Date()) }
  events = pump(channel) { !$0.isEmpty }
  #expect(events == [ChannelEvent(chat: chat, kind: .left(settled: nil))])
  #expect(channel.descriptors.count == 1)
}
