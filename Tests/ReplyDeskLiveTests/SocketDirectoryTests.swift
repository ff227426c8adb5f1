import Foundation
import ReplyDeskLive
import Testing

private func refusal(_ path: String) -> String? {
  do {
    let listener = try SocketListener.unix(path: path)
    listener.close()
    return nil
  } catch {
    return error.description
  }
}

@Test func aSocketInAWorldWritableDirectoryIsRefused() throws {
  let directory = makeTemporaryDirectory()
  defer { rmdir(directory) }
  chmod(directory, 0o777)
  let message = try #require(refusal(directory + "/console.sock"))
  #expect(message.contains("is writable by other users"))
  #expect(
    message.hasSuffix("choose a directory only you can write to for --socket (the default is private)."))
  #expect(!FileManager.default.fileExists(atPath: directory + "/console.sock"))
  #expect(refusal("/tmp/replydesk-\(getpid()).sock") != nil, "/tmp is world-writable, sticky or not")
  chmod(directory, 0o775)
  #expect(refusal(directory + "/console.sock") != nil, "group-writable is refused too")
}

@Test func aSocketInAnotherUsersDirectoryIsRefused() throws {
  let directory = makeTemporaryDirectory()
  defer { rmdir(directory) }
  // As root, hand a private directory to "nobody"; as anyone else, "/" is root's.
  let foreign = getuid() == 0 && chown(directory, 65534, 65534) == 0 ? directory : ""
  let message = try #require(refusal(foreign + "/console.sock"))
  #expect(message.contains("belongs to another user"))
}

@Test func quittingRemovesOnlyTheSocketThisConsoleCreated() throws {
  let directory = makeTemporaryDirectory()
  let path = directory + "/console.sock"
  let mine = try SocketListener.unix(path: path)
  #expect(rename(path, directory + "/moved-away.sock") == 0)
  let theirs = try SocketListener.unix(path: path)
  mine.close()
  var status = stat()
  #expect(lstat(path, &status) == 0, "the other socket at the path is left alone")
  theirs.close()
  #expect(lstat(path, &status) != 0, "a listener removes its own socket")
  unlink(directory + "/moved-away.sock")
  rmdir(directory)
}

@Test func aTokenOfOneRepeatedLetterIsRefused() throws {
  for weak in [String(repeating: "a", count: 40), String(repeating: "ab", count: 20), "aaaaabbbbbcccccddddd"]
  {
    let error = #expect(throws: SharedToken.LoadError.self) { try SharedToken(weak) }
    #expect(error?.description.hasSuffix("make one with `openssl rand -hex 24`.") == true)
  }
  _ = try SharedToken("3f9a0c1b2d4e5f60718293a4b5c6d7e8")
}
