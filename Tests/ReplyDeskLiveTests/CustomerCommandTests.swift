import Foundation
import ReplyDeskCore
import ReplyDeskLive
import Testing

/// `$REPLYDESK_BIN`, else the debug build next to this package.
private let binaryPath: String = {
  if let explicit = ProcessInfo.processInfo.environment["REPLYDESK_BIN"], !explicit.isEmpty {
    return explicit
  }
  return URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent(".build/debug/replydesk").path
}()

@Test(.enabled(if: FileManager.default.isExecutableFile(atPath: binaryPath), "needs a built replydesk"))
func theCustomerCommandChatsOverTCPWithATokenAndAProfile() throws {
  let token = "5e3c9a1f0b7d2e846c1a9f03"
  let directory = makeTemporaryDirectory()
  defer { try? FileManager.default.removeItem(atPath: directory) }
  try Data("\(token)\n".utf8).write(to: URL(fileURLWithPath: directory + "/token"))
  try Data(#"{"id":"C-7","first_name":"Ines","last_name":"Moreau","membership":"silver"}"#.utf8)
    .write(to: URL(fileURLWithPath: directory + "/profile.json"))
  let listener = try SocketListener.tcp(host: "127.0.0.1", port: 0)
  let channel = try LiveCustomerChannel(listeners: [listener], token: try SharedToken(token))

  let process = Process()
  process.executableURL = URL(fileURLWithPath: binaryPath)
  process.arguments = [
    "customer", "--connect", listener.endpoint.description, "--token-file", directory + "/token",
    "--profile", directory + "/profile.json",
  ]
  let input = Pipe()
  let output = Pipe()
  process.standardInput = input
  process.standardOutput = output
  try process.run()
  input.fileHandleForWriting.write(Data("Is my refund through?\n".utf8))

  let events = pump(channel, timeout: 10) { !messages($0).isEmpty }
  let (chat, profile) = try #require(arrivals(events).first)
  #expect(profile.fullName == "Ines Moreau")
  #expect(profile.membership == .silver)
  #expect(messages(events).map(\.1) == ["Is my refund through?"])
  channel.send("Yes, it was issued today.", to: chat, now: Date())
  channel.close(chat, outcome: .resolved, now: Date())
  var asked = Data()
  let reader = output.fileHandleForReading.fileDescriptor
  _ = pump(channel, timeout: 10) { _ in
    var descriptors = [pollfd(fd: reader, events: Int16(POLLIN), revents: 0)]
    if poll(&descriptors, 1, 0) > 0 { asked += output.fileHandleForReading.availableData }
    return String(decoding: asked, as: UTF8.self).contains("press Enter alone to skip.")
  }
  input.fileHandleForWriting.write(Data("5 quick and clear\n".utf8))
  let rated = pump(channel, timeout: 10) { _ in !process.isRunning }
  process.waitUntilExit()
  let printed = String(decoding: asked + output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
  #expect(process.terminationStatus == 0)
  #expect(rated.map(\.kind) == [.rated(score: 5, comment: "quick and clear")])
  #expect(printed.contains("agent> Yes, it was issued today.\n"))
  #expect(
    printed.contains("The agent closed the chat (resolved).\nHow did we do? Type a rating from 1 (poor) to 5")
  )
  #expect(printed.hasSuffix("Thank you for rating this chat 5 out of 5.\n"))
}
