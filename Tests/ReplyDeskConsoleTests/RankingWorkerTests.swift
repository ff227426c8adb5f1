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
  private func request(_ generation: Int) -> RankingRequest {
    RankingRequest(chat: Fixture.chat, generation: generation, context: [], profile: SampleState.profile())
  }

  /// Waits on the wake pipe until a result of `generation` arrives, or five seconds pass.
  private func waitForResult(_ worker: RankingWorker, generation: Int) -> RankingResult? {
    let deadline = Date().addingTimeInterval(5)
    while Date() < deadline {
      var descriptor = pollfd(fd: worker.wakeDescriptor, events: Int16(POLLIN), revents: 0)
      _ = poll(&descriptor, 1, 100)
      if let result = worker.take(), result.request.generation == generation { return result }
    }
    return nil
  }

  @Test func pendingRequestsCoalesceToTheNewest() throws {
    let ranker = GatedRanker()
    let worker = try RankingWorker(ranker: ranker)
    worker.submit(request(1))
    #expect(ranker.entered.wait(timeout: .now() + 5) == .success)
    worker.submit(request(2))
    worker.submit(request(3))
    ranker.gate.signal()
    let result = waitForResult(worker, generation: 3)
    #expect(result?.rankerName == "gated")
    #expect(ranker.calls.withLock { $0 } == [1, 3])
  }

  @Test func takeWithNothingWaitingIsNil() throws {
    let worker = try RankingWorker(ranker: GatedRanker())
    #expect(worker.take() == nil)
  }
}
