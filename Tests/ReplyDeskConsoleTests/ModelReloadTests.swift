import Foundation
import ReplyDeskCore
import Synchronization
import Testing

@testable import ReplyDeskConsole

/// A ranker that only says its name, so a result shows which model ranked it.
private struct NamedRanker: SuggestionRanker {
  let name: String

  func rank(_ request: RankingRequest) -> RankingResult {
    RankingResult(request: request, suggestions: [], rankerName: name)
  }
}

/// A stand-in model file: "model N" loads as the ranker "model N" trained at second N; anything
/// else is refused as damaged. Counts the loads.
private final class FakeModelFile: Sendable {
  let path: String
  let loads = Mutex(0)

  init() {
    path =
      FileManager.default.temporaryDirectory
      .appendingPathComponent("replydesk-reload-\(UUID().uuidString).model").path
  }

  /// Writes `text` to a temporary file and renames it into place, as training does.
  func replace(with text: String) throws {
    let temporary = path + ".tmp"
    try Data(text.utf8).write(to: URL(fileURLWithPath: temporary))
    guard rename(temporary, path) == 0 else { throw ConsoleError("rename failed: errno \(errno)") }
  }

  func watched() -> WatchedModel {
    WatchedModel(
      path: path, identity: ModelIdentity(name: "neural v4", date: Date(timeIntervalSince1970: 1)),
      signature: FileSignature(path: path)
    ) { [self] in
      loads.withLock { $0 += 1 }
      let text = (try? String(contentsOfFile: path, encoding: .utf8)) ?? ""
      guard text.hasPrefix("model "), let second = Double(text.dropFirst(6)) else {
        throw ConsoleError("damaged model file (expected 1,024 bytes, found \(text.utf8.count))")
      }
      return (
        NamedRanker(name: text), ModelIdentity(name: "neural v4", date: Date(timeIntervalSince1970: second))
      )
    }
  }
}

@Suite struct ModelReloadTests {
  private let start = SampleState.start

  /// Polls at `now` until a reload finished (or five seconds pass), waiting on the wake pipe.
  private func reloads(_ reloader: ModelReloader, _ worker: RankingWorker, at now: Date) -> [ModelReload] {
    let deadline = Date().addingTimeInterval(5)
    var found: [ModelReload] = []
    while found.isEmpty, Date() < deadline {
      var descriptor = pollfd(fd: worker.wakeDescriptor, events: Int16(POLLIN), revents: 0)
      _ = poll(&descriptor, 1, 100)
      _ = worker.take()
      for case .modelReload(let reload, _) in reloader.poll(now: now) { found.append(reload) }
    }
    return found
  }

  /// The name of the ranker that ranks the next request.
  private func rankerInUse(_ worker: RankingWorker, generation: Int) -> String? {
    worker.submit(
      RankingRequest(chat: Fixture.chat, generation: generation, context: [], profile: SampleState.profile()))
    let deadline = Date().addingTimeInterval(5)
    while Date() < deadline {
      var descriptor = pollfd(fd: worker.wakeDescriptor, events: Int16(POLLIN), revents: 0)
      _ = poll(&descriptor, 1, 100)
      if let result = worker.take().last { return result.rankerName }
    }
    return nil
  }

  @Test func theWatcherLooksEveryTwoSecondsAndSeesOnlyAReplacedFile() throws {
    let file = FakeModelFile()
    defer { try? FileManager.default.removeItem(atPath: file.path) }
    try file.replace(with: "model 1")
    let watcher = ModelWatcher(path: file.path, loaded: FileSignature(path: file.path))
    #expect(!watcher.fileChanged(at: start), "the file as it was loaded")
    try file.replace(with: "model 2")
    #expect(!watcher.fileChanged(at: start + 1.5), "too soon to look again")
    #expect(watcher.fileChanged(at: start + 2))
    #expect(!watcher.fileChanged(at: start + 4), "already seen")
    try FileManager.default.removeItem(atPath: file.path)
    #expect(!watcher.fileChanged(at: start + 6), "a missing file is not a new model")
    try file.replace(with: "model 3")
    #expect(watcher.fileChanged(at: start + 8))
  }

  @Test func aGoodFileReloadsABrokenOneIsRefusedAndAFixedOneReloadsAgain() throws {
    let file = FakeModelFile()
    defer { try? FileManager.default.removeItem(atPath: file.path) }
    try file.replace(with: "model 1")
    let worker = try RankingWorker(ranker: NamedRanker(name: "model 1"))
    let reloader = ModelReloader(model: file.watched(), worker: worker)

    #expect(reloader.poll(now: start).isEmpty)
    #expect(file.loads.withLock { $0 } == 0, "an unchanged file is not read again")

    try file.replace(with: "model 1796133900")
    let reloaded = reloads(reloader, worker, at: start + 2)
    #expect(
      reloaded == [
        .reloaded(ModelIdentity(name: "neural v4", date: Date(timeIntervalSince1970: 1_796_133_900)))
      ])
    #expect(rankerInUse(worker, generation: 1) == "model 1796133900")

    try file.replace(with: "mode")
    let refused = reloads(reloader, worker, at: start + 4)
    #expect(
      refused == [.refused(path: file.path, reason: "damaged model file (expected 1,024 bytes, found 4)")])
    #expect(rankerInUse(worker, generation: 2) == "model 1796133900", "the model in use stays")
    #expect(reloader.poll(now: start + 6).isEmpty)
    #expect(file.loads.withLock { $0 } == 2, "a refused file is not read again until it changes")

    try file.replace(with: "model 1796220300")
    #expect(reloads(reloader, worker, at: start + 8).count == 1)
    #expect(rankerInUse(worker, generation: 3) == "model 1796220300")
  }

  @Test func aReloadedModelIsNamedOnTheStatusLineAndReranksEveryOpenChat() throws {
    var state = SampleState.busy(size: Size(width: 160, height: 48))
    state.modelIdentity = ModelIdentity(name: "neural v4", date: Date(timeIntervalSince1970: 1_796_031_000))
    let identity = ModelIdentity(name: "neural v4", date: Date(timeIntervalSince1970: 1_796_133_900))
    let effects = update(&state, .modelReload(.reloaded(identity), now: start + 60))
    #expect(state.status?.text.hasPrefix("Model reloaded: neural v4 · 2026-12-01 14:05") == true)
    #expect(state.status?.isWarning == false)
    #expect(Fixture.rankRequests(effects).map(\.chat) == [ChatID("chat-0042")])
    #expect(Fixture.rankRequests(effects).first?.generation == 2, "a new generation replaces the old list")
    let footer = render(state, size: state.size).plainText.split(separator: "\n").last.map(String.init) ?? ""
    #expect(footer.contains("Model reloaded: neural v4 · 2026-12-01 14:05"))
    #expect(footer.contains("neural v4 · 2026-12-01 14:05 · 2 waiting"))
  }

  @Test func aRefusedModelIsAWarningThatSaysWhatToDoAndKeepsTheModelInUse() throws {
    var state = SampleState.busy(size: Size(width: 160, height: 48))
    let inUse = ModelIdentity(name: "neural v4", date: Date(timeIntervalSince1970: 1_796_031_000))
    state.modelIdentity = inUse
    let effects = update(
      &state, .modelReload(.refused(path: "/m/new.model", reason: "checksum mismatch"), now: start + 60))
    #expect(effects.isEmpty)
    #expect(state.modelIdentity == inUse)
    #expect(state.status?.isWarning == true)
    #expect(
      state.status?.text
        == "The new model at /m/new.model cannot be read (checksum mismatch); keeping the one in use. "
        + "Write a complete model file there to try again")
  }

  @Test func at80ColumnsTheModelsDateGivesWayToTheKeyHints() throws {
    var state = SampleState.busy(size: Size(width: 80, height: 24))
    let lexical = render(state, size: state.size).plainText.split(separator: "\n").last.map(String.init)
    state.modelIdentity = ModelIdentity(name: "neural v4", date: Date(timeIntervalSince1970: 1_796_133_900))
    let neural = render(state, size: state.size).plainText.split(separator: "\n").last.map(String.init)
    #expect(neural == lexical?.replacingOccurrences(of: "  lexical ·", with: "neural v4 ·"))
    state.size = Size(width: 120, height: 40)
    let wide = render(state, size: state.size).plainText.split(separator: "\n").last.map(String.init) ?? ""
    #expect(wide.contains("neural v4 · 2026-12-01 14:05 · 2 waiting"))
  }
}
