import Foundation
import ReplyDeskCore

/// One run of `ConsoleBenchmark.underLoad`: the console loop without a terminal, its representative
/// taking every customer and sending suggestion 1, timed per suggestion and per frame.
final class ConsoleLoadRun {
  private let channel: any CustomerChannel
  private let worker: RankingWorker
  private let executor: EffectExecutor
  private let size: Size
  private var state: ConsoleState
  private var previous: CellGrid
  /// When each chat's newest customer message arrived (or the chat was taken), in uptime nanoseconds.
  private var receivedAt: [ChatID: UInt64] = [:]
  private var latencies: [Double] = []
  private var frameTimes: [Double] = []
  private var report = ConsoleBenchmark.LoadReport(
    seconds: 0, customerMessages: 0, replies: 0, chatsTaken: 0, mostWaiting: 0,
    suggestionLatency: LatencyStatistics([]), frame: LatencyStatistics([]), frames: 0)

  init(channel: any CustomerChannel, ranker: any SuggestionRanker, recorder: any SessionRecorder, size: Size)
    throws
  {
    let worker = try RankingWorker(ranker: ranker)
    self.channel = channel
    self.worker = worker
    self.size = size
    executor = EffectExecutor(channel: channel, recorder: recorder) { worker.submit($0) }
    state = ConsoleState(size: size, now: Date(), representative: "bench", channelName: "bench-load")
    previous = render(state, size: size)
  }

  func run(seconds: Double) -> ConsoleBenchmark.LoadReport {
    let start = Self.uptime
    let end = start + UInt64(seconds * 1e9)
    while Self.uptime < end {
      waitForWork()
      let now = Date()
      answerRankings(now: now)
      takeChannelEvents(now: now)
      takeWaitingCustomers(now: now)
      report.mostWaiting = max(report.mostWaiting, state.waiting.count)
      drive(update(&state, .tick(now: now)))
      drawFrame()
    }
    report.seconds = Double(Self.uptime - start) / 1e9
    report.suggestionLatency = LatencyStatistics(latencies)
    report.frame = LatencyStatistics(frameTimes)
    report.frames = frameTimes.count
    return report
  }

  private static var uptime: UInt64 { DispatchTime.now().uptimeNanoseconds }

  /// Applies effects and every event they feed back.
  private func drive(_ effects: [ConsoleEffect]) {
    var queue = effects.flatMap(executor.execute)
    while !queue.isEmpty {
      queue += update(&state, queue.removeFirst()).flatMap(executor.execute)
    }
  }

  private func waitForWork() {
    var descriptors = ([worker.wakeDescriptor] + channel.descriptors).map {
      pollfd(fd: $0, events: Int16(POLLIN), revents: 0)
    }
    var timeout = 0.05
    if let deadline = channel.nextDeadline() { timeout = min(timeout, max(deadline.timeIntervalSinceNow, 0)) }
    _ = poll(&descriptors, nfds_t(descriptors.count), Int32((timeout * 1000).rounded(.up)))
  }

  /// Shows each current ranking and sends its suggestion 1 (or a reply of the representative's own).
  private func answerRankings(now: Date) {
    for result in worker.take() {
      let chat = result.request.chat
      guard let index = state.index(of: chat), result.request.generation >= state.chats[index].generation
      else { continue }
      if let received = receivedAt.removeValue(forKey: chat) {
        latencies.append(Double(Self.uptime - received) / 1e6)
      }
      drive(update(&state, .ranked(result, now: now)))
      guard let index = state.index(of: chat), state.chats[index].isOpen,
        state.chats[index].awaitingReplySince != nil, let top = state.chats[index].suggestions.rows.first
      else { continue }
      state.now = now
      let decision: Decision =
        top.isSendableUnedited
        ? .accepted(suggestionID: top.id, rank: 1, text: top.text)
        : .written(text: "Let me check that for you.")
      drive(commit(&state, decision, in: index))
      report.replies += 1
    }
  }

  private func takeChannelEvents(now: Date) {
    for event in channel.poll(now: now) {
      if case .message = event.kind {
        report.customerMessages += 1
        receivedAt[event.chat] = Self.uptime
      }
      drive(update(&state, .channel(event, now: now)))
    }
  }

  private func takeWaitingCustomers(now: Date) {
    while let next = state.waiting.first, state.openChats.count < maximumOpenChats {
      if receivedAt[next.chat] != nil { receivedAt[next.chat] = Self.uptime }
      drive(update(&state, .key(.control("o"), now: now)))
      guard state.index(of: next.chat) != nil else { break }
      report.chatsTaken += 1
    }
  }

  /// Renders and diffs a frame, timing both.
  private func drawFrame() {
    let frameStart = Self.uptime
    let grid = render(state, size: size)
    _ = GridDiff.changes(from: previous, to: grid)
    frameTimes.append(Double(Self.uptime - frameStart) / 1e6)
    previous = grid
  }
}
