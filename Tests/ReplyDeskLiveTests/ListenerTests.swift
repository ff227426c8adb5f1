import Foundation
import ReplyDeskCore
import ReplyDeskLive
import Testing

private let token = "0123456789abcdef0123456789abcdef"

private func mode(_ path: String) -> mode_t {
  var status = stat()
  return lstat(path, &status) == 0 ? status.st_mode : 0
}

private func makeTCPChannel() throws -> (LiveCustomerChannel, SocketEndpoint) {
  let listener = try SocketListener.tcp(host: "127.0.0.1", port: 0)
  return (try LiveCustomerChannel(listeners: [listener], token: try SharedToken(token)), listener.endpoint)
}

@Test func theDefaultDirectoryIsPrivateAndTheSocketIsOwnerOnly() throws {
  let home = makeTemporaryDirectory()
  let path = LiveSocketLocation.defaultPath(environment: [:], home: URL(fileURLWithPath: home))
  #expect(path == home + "/run/console.sock")
  #expect(
    LiveSocketLocation.defaultPath(
      environment: ["XDG_RUNTIME_DIR": "/run/user/7"], home: URL(fileURLWithPath: home))
      == "/run/user/7/replydesk/console.sock")
  try LiveSocketLocation.preparePrivateDirectory(for: path)
  chmod(home + "/run", 0o755)
  try LiveSocketLocation.preparePrivateDirectory(for: path)
  #expect(mode(home + "/run") & 0o777 == 0o700)
  let listener = try SocketListener.unix(path: path)
  defer { listener.close() }
  #expect(mode(path) & S_IFMT == S_IFSOCK)
  #expect(mode(path) & 0o777 == 0o600)
}

@Test func aStaleSocketIsReplacedButALiveOneOrAPlainFileIsNot() throws {
  let directory = makeTemporaryDirectory()
  let path = directory + "/console.sock"
  let first = try SocketListener.unix(path: path)
  #expect(throws: SocketError.self) { try SocketListener.unix(path: path) }
  _ = close(first.descriptor)
  let second = try SocketListener.unix(path: path)
  second.close()
  let plain = directory + "/notes.txt"
  try Data("keep me".utf8).write(to: URL(fileURLWithPath: plain))
  #expect(throws: SocketError.self) { try SocketListener.unix(path: plain) }
  #expect(try String(contentsOfFile: plain, encoding: .utf8) == "keep me")
  let long = directory + "/" + String(repeating: "x", count: 120)
  #expect(throws: SocketError.self) { try SocketListener.unix(path: long) }
}

@Test func tcpNeedsATokenToStart() throws {
  let listener = try SocketListener.tcp(host: "127.0.0.1", port: 0)
  defer { listener.close() }
  #expect(throws: LiveCustomerChannel.ConfigurationError.self) {
    try LiveCustomerChannel(listeners: [listener])
  }
  #expect(throws: SharedToken.LoadError.self) { try SharedToken("short") }
}

@Test func tcpWithTheRightTokenOpensAChat() throws {
  let (channel, endpoint) = try makeTCPChannel()
  guard case .tcp(_, let port) = endpoint else { throw SocketError("expected TCP") }
  #expect(port != 0)
  let peer = try TestPeer(endpoint)
  peer.send(#"{"type":"hello","token":"\#(token)","customer":{"name":"Tess Ng"}}"#)
  peer.send(#"{"type":"message","text":"hi over tcp"}"#)
  let events = pump(channel) { messages($0).count == 1 }
  #expect(arrivals(events).values.first?.firstName == "Tess")
  #expect(arrivals(events).values.first?.lastName == "Ng")
  #expect(messages(events).first?.1 == "hi over tcp")
}

@Test func tcpWithAWrongOrMissingTokenIsRefused() throws {
  let (channel, endpoint) = try makeTCPChannel()
  let wrong = try TestPeer(endpoint)
  let missing = try TestPeer(endpoint)
  let garbage = try TestPeer(endpoint)
  wrong.send(#"{"type":"hello","token":"\#(token.dropLast())X","customer":{"name":"Eve"}}"#)
  missing.send(#"{"type":"message","text":"let me in"}"#)
  garbage.send("GET / HTTP/1.1")
  var events: [ChannelEvent] = []
  for peer in [wrong, missing, garbage] {
    #expect(
      peer.readUntilClosed(pumping: channel, into: &events) == [
        #"{"message":"Authentication failed; check the token file and connect again.","type":"error"}"#
      ])
    #expect(peer.sawEndOfStream)
  }
  #expect(events.isEmpty)
}

@Test func theTokenComparisonChecksEveryByteAndTheLength() throws {
  let shared = try SharedToken(token)
  #expect(shared.matches(token))
  #expect(!shared.matches(nil))
  #expect(!shared.matches(""))
  #expect(!shared.matches(String(token.dropLast())))
  #expect(!shared.matches(token + "0"))
  #expect(!shared.matches("1" + token.dropFirst()))
}

@Test func aTokenFileIsReadFromItsFirstLine() throws {
  let path = makeTemporaryDirectory() + "/token"
  try Data("  \(token)  \nsecond line\n".utf8).write(to: URL(fileURLWithPath: path))
  #expect(try SharedToken.load(path: path).text == token)
  #expect(throws: SharedToken.LoadError.self) { try SharedToken.load(path: path + ".missing") }
}

@Test func endpointsParseAsPathsOrIPv4HostAndPort() throws {
  #expect(try SocketEndpoint.parse("/tmp/a.sock") == .unix(path: "/tmp/a.sock"))
  #expect(try SocketEndpoint.parse("console.sock") == .unix(path: "console.sock"))
  #expect(try SocketEndpoint.parse("127.0.0.1:7070") == .tcp(host: "127.0.0.1", port: 7070))
  #expect(try SocketEndpoint.parse("localhost:0") == .tcp(host: "127.0.0.1", port: 0))
  #expect(throws: SocketEndpoint.ParseError.self) { try SocketEndpoint.parse("example.com:80") }
  #expect(throws: SocketEndpoint.ParseError.self) { try SocketEndpoint.tcp("127.0.0.1:99999") }
  #expect(throws: SocketEndpoint.ParseError.self) { try SocketEndpoint.tcp("127.0.0.1") }
  #expect(try SocketEndpoint.tcp("0.0.0.0:80").isLoopback == false)
}

@Test func idleUnauthenticatedPeersHoldFewSlotsAndOnlyForSeconds() throws {
  let (channel, endpoint) = try makeTCPChannel()
  let limits = LiveChannelLimits()
  let idle = try (0..<limits.maximumUnauthenticated).map { _ in try TestPeer(endpoint) }
  _ = pump(channel) { _ in channel.descriptors.count == 1 + idle.count }
  #expect(channel.descriptors.count == 1 + idle.count)
  let late = try TestPeer(endpoint)
  var events: [ChannelEvent] = []
  #expect(late.readLine(pumping: channel, into: &events)?.contains("The console is busy") == true)
  #expect(channel.descriptors.count == 1 + idle.count, "the other slots stay for authenticated peers")

  events += channel.poll(now: Date().addingTimeInterval(limits.authenticationTimeout + 0.1))
  #expect(channel.descriptors.count == 1, "idle peers are cut off after \(limits.authenticationTimeout) s")
  #expect(idle[0].readLine(pumping: channel, into: &events)?.contains("No token in time") == true)
  let customer = try TestPeer(endpoint)
  customer.send(#"{"type":"hello","token":"\#(token)","customer":{"name":"Tess Ng"}}"#)
  #expect(arrivals(pump(channel) { arrivals($0).count == 1 }).count == 1)
}
