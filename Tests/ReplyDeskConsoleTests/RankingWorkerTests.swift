import Foundation
import ReplyDeskCore
import Synchronization
import Testing

@testable import ReplyDeskConsole

/// A ranker whose first call announces itself and then waits for the gate, and which remembers
/// the generations it ranked.
private final class GatedRanker: SuggestionRanker {
  let entered = DispatchSemaphore(value: 0)
  let gate = DispatchSemaphore(value: 0)
  let calls = Mutex<[Int]>([])
  var name: String { "gated" }

  func rank(_ request: RankingRequest) -> RankingResult {
    if calls.withLock({ $0.isEmpty }) {
      entered.signal()
      gate.wait()
    }
    calls.withLock { $0.append(request.generation) }
    return RankingResult(request: request, suggestions: [], rankerName: name)
  }
}

@Suite struct RankingWorkerTests {
  private func request(_ generation: Int, chat: ChatID = Fixture.chat) -> RankingRequest {
    RankingRequest(chat: chat, generation: generation, context: [], profile: SampleState.profile())
  }

  /// Waits on the wake pipe, collecting results, until results of all `generations` have arrived
  /// or five seconds pass.
  private func waitForResults(_ worker: RankingWorker, generations: Set<Int>) -> [RankingResult] {
    let deadline = Date().addingTimeInterval(5)
    var results: [RankingResult] = []
    while Date() < deadline, !Set(results.map(\.request.generation)).isSuperset(of: generations) {
      var descriptor = pollfd(fd: worker.wakeDescriptor, events: Int16(POLLIN), revents: 0)
      _ = poll(&descriptor, 1, 100)
      results += worker.take()
    }
    return results
  }

  @Test func pendingRequestsCoalesceToTheNewest() throws {
    let ranker = GatedRanker()
    let worker = try RankingWorker(ranker: ranker)
    worker.submit(request(1))
    #expect(ranker.entered.wait(timeout: .now() + 5) == .success)
    worker.submit(request(2))
    worker.submit(request(3))
    ranker.gate.signal()
    let results = waitForResults(worker, generations: [3])
    #expect(results.last?.request.generation == 3)
    #expect(results.last?.rankerName == "gated")
    #expect(ranker.calls.withLock { $0 } == [1, 3])
  }

  @Test func requestsOfDifferentChatsAreNotCoalesced() throws {
    let ranker = GatedRanker()
    let worker = try RankingWorker(ranker: ranker)
    worker.submit(request(1))
    #expect(ranker.entered.wait(timeout: .now() + 5) == .success)
    worker.submit(request(2, chat: ChatID("chat-8")))
    worker.submit(request(3))
    worker.submit(request(4, chat: ChatID("chat-8")))
    ranker.gate.signal()
    let results = waitForResults(worker, generations: [3, 4])
    #expect(Set(results.map(\.request.chat)) == [Fixture.chat, ChatID("chat-8")])
    #expect(ranker.calls.withLock { $0 } == [1, 4, 3])
  }

  @Test func takeWithNothingWaitingIsEmpty() throws {
    let worker = try RankingWorker(ranker: GatedRanker())
    #expect(worker.take().isEmpty)
  }
}
