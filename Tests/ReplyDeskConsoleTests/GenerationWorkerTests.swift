import Foundation
import ReplyDeskCore
import Synchronization
import Testing

@testable import ReplyDeskConsole

/// A writer that answers every request with the same reply and counts its calls.
private final class FixedWriter: ReplyWriter {
  let calls = Mutex(0)
  func reply(for request: RankingRequest) -> Suggestion? {
    calls.withLock { $0 += 1 }
    return Suggestion(source: .generated(model: "fixed"), segments: [.literal("Hello there.")], score: 0.5)
  }
}

/// The generation worker, the generator slot and saving a reply as a template through the executor.
@Suite struct GenerationWorkerTests {
  private func request(_ generation: Int) -> RankingRequest {
    RankingRequest(chat: Fixture.chat, generation: generation, context: [], profile: SampleState.profile())
  }

  private func waitForReplies(_ worker: GenerationWorker) -> [GeneratedReply] {
    let deadline = Date().addingTimeInterval(5)
    var replies: [GeneratedReply] = []
    while Date() < deadline, replies.isEmpty {
      var descriptor = pollfd(fd: worker.wakeDescriptor, events: Int16(POLLIN), revents: 0)
      _ = poll(&descriptor, 1, 100)
      replies += worker.take()
    }
    return replies
  }

  @Test func aReadyWriterAnswersOffTheCallersThread() throws {
    let writer = FixedWriter()
    let worker = try GenerationWorker(slot: GeneratorSlot(phase: .ready, writer: writer))
    worker.submit(request(4))
    let replies = waitForReplies(worker)
    #expect(replies.map(\.request.generation) == [4])
    #expect(replies.first?.suggestion?.text == "Hello there.")
  }

  @Test func nothingIsWrittenWhileTheGeneratorTrains() throws {
    let writer = FixedWriter()
    let slot = GeneratorSlot(phase: .training(0.2))
    let worker = try GenerationWorker(slot: slot)
    worker.submit(request(1))
    var descriptor = pollfd(fd: worker.wakeDescriptor, events: Int16(POLLIN), revents: 0)
    #expect(poll(&descriptor, 1, 300) == 0)
    #expect(writer.calls.withLock { $0 } == 0)
    slot.ready(writer)
    #expect(slot.phase == .ready)
    worker.submit(request(2))
    #expect(waitForReplies(worker).map(\.request.generation) == [2])
  }

  @Test func aSlotMarkedReadyWithoutAWriterIsNotReady() {
    #expect(GeneratorSlot(phase: .ready).phase == .failed("no writer"))
  }

  @Test func savingATemplateWritesItAndSwapsInARankerThatIncludesIt() throws {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("gen-save-\(UUID())")
    defer { try? FileManager.default.removeItem(at: directory) }
    let built = Mutex<[String]>([])
    let saver = TemplateSaver(directory: directory, templates: []) { templates in
      built.withLock { $0 = templates.map(\.text) }
      return SuggestionPipeline(scorer: LexicalRanker(templates: templates))
    }
    var replaced: [@Sendable () -> any SuggestionRanker] = []
    let executor = EffectExecutor(
      channel: RecordingChannel(), recorder: InMemorySessionRecorder(), clock: { Fixture.start },
      templateSaver: saver, replaceRanker: { replaced.append($0) }, submitRanking: { _ in })
    let draft = TemplateDraft(
      text: "Thanks Dana, order A1311 arrives soon.", profile: SampleState.profile(), time: Fixture.start)
    let events = executor.execute(.saveTemplate(draft))
    guard case .templateSaved(let template, let path, _) = try #require(events.first) else {
      Issue.record("expected templateSaved, got \(events)")
      return
    }
    #expect(template.id.hasPrefix("saved."))
    #expect(path == directory.path)
    let file = try String(contentsOf: directory.appendingPathComponent("saved.yaml"), encoding: .utf8)
    #expect(file.contains("{customer.first_name}"))
    #expect(file.contains("{order.id}"))
    let build = try #require(replaced.first)
    let ranker = build()
    #expect(built.withLock { $0 } == ["Thanks {customer.first_name}, order {order.id} arrives soon."])
    let result = ranker.rank(
      RankingRequest(
        chat: Fixture.chat, generation: 1,
        context: [
          Turn(id: 1, speaker: .customer, text: "Where is my order?", time: Date(timeIntervalSince1970: 0))
        ],
        profile: SampleState.profile(), draft: "arrives soon")
    )
    #expect(result.suggestions.first?.text == "Thanks Dana, order A1311 arrives soon.")
  }

  @Test func savingWithoutADirectoryFailsClearly() {
    let executor = EffectExecutor(
      channel: RecordingChannel(), recorder: InMemorySessionRecorder(), clock: { Fixture.start },
      submitRanking: { _ in })
    let draft = TemplateDraft(text: "Hi", profile: SampleState.profile(), time: Fixture.start)
    guard case .templateSaveFailed(let reason, _) = executor.execute(.saveTemplate(draft)).first else {
      Issue.record("expected a failure")
      return
    }
    #expect(reason.contains("no templates directory"))
  }
}
