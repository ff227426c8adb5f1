import Foundation
import ReplyDeskCore
import ReplyDeskLive
import Synchronization
import Testing

/// A pipe's two ends.
private func makePipe() -> (read: Int32, write: Int32) {
  var ends: [Int32] = [0, 0]
  _ = pipe(&ends)
  return (ends[0], ends[1])
}

private func write(_ text: String, to descriptor: Int32) {
  _ = Array(text.utf8).withUnsafeBytes { Glibc.write(descriptor, $0.baseAddress, $0.count) }
}

private func readAll(_ descriptor: Int32) -> String {
  var bytes: [UInt8] = []
  var buffer = [UInt8](repeating: 0, count: 4096)
  while true {
    let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
    guard count > 0 else { break }
    bytes += buffer[..<count]
  }
  return String(decoding: bytes, as: UTF8.self)
}

/// Reads `descriptor` while pumping `channel` until the text read contains `marker` (or 5 s pass).
private func read(_ descriptor: Int32, until marker: String, pumping channel: LiveCustomerChannel) -> String {
  var bytes: [UInt8] = []
  var buffer = [UInt8](repeating: 0, count: 4096)
  let deadline = Date().addingTimeInterval(5)
  while !String(decoding: bytes, as: UTF8.self).contains(marker), Date() < deadline {
    _ = channel.poll(now: Date())
    var descriptors = [pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)]
    guard poll(&descriptors, 1, 10) > 0 else { continue }
    let count = buffer.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress, $0.count) }
    guard count > 0 else { break }
    bytes += buffer[..<count]
  }
  return String(decoding: bytes, as: UTF8.self)
}

/// Runs `client` on its own thread with pipes for its input and output.
private final class ClientRun: Sendable {
  let input = makePipe()
  let output = makePipe()
  let ending = Mutex<Result<CustomerClient.Ending, SocketError>?>(nil)

  init(_ client: CustomerClient) {
    Thread.detachNewThread { [self] in
      let result = Result { () throws(SocketError) in try client.run(input: input.read, output: output.write)
      }
      close(output.write)
      ending.withLock { $0 = result }
    }
  }

  func waitForEnding(pumping channel: LiveCustomerChannel) -> Result<CustomerClient.Ending, SocketError>? {
    _ = pump(channel) { _ in self.ending.withLock { $0 != nil } }
    return ending.withLock { $0 }
  }
}

@Test func theClientRelaysLinesAndPrintsAgentTextInert() throws {
  let (channel, endpoint) = try makeUnixChannel()
  let hello = CustomerLine.hello(
    customer: .object(["name": .string("Rui Costa")]), customerID: nil, token: nil)
  let run = ClientRun(CustomerClient(endpoint: endpoint, hello: hello))
  write("Where is my parcel?\n\n   \n", to: run.input.write)
  let events = pump(channel) { !messages($0).isEmpty }
  let chat = try #require(arrivals(events).first { $0.value.fullName == "Rui Costa" }?.key)
  #expect(messages(events).map(\.1) == ["Where is my parcel?"])
  channel.send("It ships today.\n\u{1B}[2JThanks", to: chat, now: Date())
  channel.close(chat, outcome: .resolved, now: Date())
  var printed = read(run.output.read, until: "press Enter alone to skip.", pumping: channel)
  write("\n", to: run.input.write)
  #expect(try run.waitForEnding(pumping: channel)?.get() == .closed(.resolved))
  printed += readAll(run.output.read)
  #expect(printed.contains("agent> It ships today.\n       ^[[2JThanks\n"))
  #expect(printed.contains("The agent closed the chat (resolved).\nHow did we do?"))
  #expect(!printed.contains("\u{1B}"))
}

@Test func anOverlongInputLineIsNotSentAndEndOfInputSaysBye() throws {
  let (channel, endpoint) = try makeUnixChannel()
  let run = ClientRun(
    CustomerClient(endpoint: endpoint, hello: .hello(customer: .object([:]), customerID: nil, token: nil)))
  write(String(repeating: "long ", count: 5000) + "\none last thing\n", to: run.input.write)
  close(run.input.write)
  let events = pump(channel) { $0.contains { $0.kind == .left(settled: nil) } }
  #expect(messages(events).map(\.1) == ["one last thing"])
  #expect(try run.waitForEnding(pumping: channel)?.get() == .customerLeft)
  #expect(readAll(run.output.read).contains("That line is too long"))
}

@Test func connectingToNothingIsAClearError() {
  let client = CustomerClient(endpoint: .unix(path: makeTemporaryDirectory() + "/absent.sock"), hello: .bye)
  #expect(throws: SocketError.self) { try client.run() }
}
