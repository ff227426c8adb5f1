import Foundation
import ReplyDeskCore
import Synchronization

/// Something that stopped the console from starting or running.
public struct ConsoleError: Error, CustomStringConvertible {
  public var description: String

  public init(_ description: String) { self.description = description }
}

/// Set by SIGTERM, SIGHUP and SIGINT so the loop ends and gives the terminal back.
private let terminationRequested = Atomic<Bool>(false)

/// Runs the console: one synchronous loop on the calling thread that polls the keyboard, the
/// ranking and generation workers' pipes and the channel's descriptors, feeds events to `update`,
/// executes the effects and flushes the changed cells.
public final class ConsoleRunner {
  private let channel: any CustomerChannel
  private let recorder: any SessionRecorder
  private let ranker: any SuggestionRanker
  private let options: ConsoleOptions
  private let generator: GeneratorSlot?
  private let templateSaver: TemplateSaver?
  private let spill: UnsavedEventsFile?
  /// How often the clock ticks while nothing else happens.
  private let tickSeconds = 1.0

  public init(
    channel: any CustomerChannel, ranker: any SuggestionRanker, recorder: any SessionRecorder,
    options: ConsoleOptions, generator: GeneratorSlot? = nil, templateSaver: TemplateSaver? = nil,
    spill: UnsavedEventsFile? = nil
  ) {
    self.spill = spill
    self.generator = generator
    self.templateSaver = templateSaver
    self.channel = channel
    self.ranker = ranker
    self.recorder = recorder
    self.options = options
  }

  /// Takes over the terminal until the representative quits (or a termination signal arrives).
  public func run() throws {
    Self.prepareSignals()
    let worker = try RankingWorker(ranker: ranker)
    let reloader = options.model.map { ModelReloader(model: $0, worker: worker) }
    let writer = try generator.map { try GenerationWorker(slot: $0) }
    let driver = try TerminalDriver(theme: options.theme, colorMode: options.colorMode)
    defer { driver.end() }
    let executor = EffectExecutor(
      channel: channel, recorder: recorder, ringBell: driver.ringBell, spill: spill,
      submitGeneration: { writer?.submit($0) },
      templateSaver: templateSaver, replaceRanker: { worker.replaceRanker($0) }
    ) { worker.submit($0) }
    var state = ConsoleState(
      size: driver.size, now: Date(), representative: options.representativeName,
      channelName: options.channelName, timeZone: options.timeZone,
      escalationReasons: options.escalationReasons, waitAlertSeconds: options.waitAlertSeconds,
      autopilotThreshold: options.autopilotThreshold)
    state.generator = generator?.phase ?? .off
    state.hideSuggestions = options.hideSuggestions
    state.takesFirstCustomer = options.takeFirstCustomer
    state.templates = TemplateCatalog(templates: options.templates)
    state.modelIdentity = options.model?.identity
    if let warning = options.startupWarning { state.say(warning, warning: true, seconds: 30) }
    while !state.hasQuit, !Self.terminationWasRequested {
      let frame = drawFrame(state, size: state.size)
      driver.flush(frame.grid)
      if frame.extents != state.extents {
        dispatch(.measured(frame.extents, now: Date()), to: &state, executor)
      }
      let wake = [state.nextSettleTime, driver.inputDeadline].compactMap { $0 }.min()
      waitForInput([worker.wakeDescriptor] + (writer.map { [$0.wakeDescriptor] } ?? []), until: wake)
      let now = Date()
      while let input = driver.read() {
        switch input {
        case .key(let key): dispatch(.key(key, now: now), to: &state, executor)
        case .paste(let text): dispatch(.paste(text, now: now), to: &state, executor)
        case .resize(let size): dispatch(.resize(size, now: now), to: &state, executor)
        }
      }
      for result in worker.take() { dispatch(.ranked(result, now: now), to: &state, executor) }
      for reply in writer?.take() ?? [] { dispatch(.generated(reply, now: now), to: &state, executor) }
      if let phase = generator?.phase, phase != state.generator {
        dispatch(.generatorPhase(phase, now: now), to: &state, executor)
      }
      for event in channel.poll(now: now) { dispatch(.channel(event, now: now), to: &state, executor) }
      if channel.isFinished && state.channelFinishedAt == nil {
        dispatch(.channelFinished(now: now), to: &state, executor)
      }
      for outcome in executor.retryUnsaved() + executor.pollOutbox() {
        dispatch(outcome, to: &state, executor)
      }
      for event in reloader?.poll(now: now) ?? [] { dispatch(event, to: &state, executor) }
      dispatch(.tick(now: now), to: &state, executor)
    }
    if !state.hasQuit { endOpenChats(state, executor) }
    recordStillWaiting(state, executor)
  }

  /// Customers still queued when the console stops are sessions too, ended as "left the queue".
  private func recordStillWaiting(_ state: ConsoleState, _ executor: EffectExecutor) {
    for customer in state.waiting {
      let effects = recordLeftQueue(
        customer, representative: state.representative, channel: state.channelName, at: Date())
      for effect in effects { _ = executor.execute(effect) }
    }
  }

  /// True once SIGTERM, SIGHUP or SIGINT arrived.
  static var terminationWasRequested: Bool { terminationRequested.load(ordering: .relaxed) }

  /// Blocks until a descriptor is readable (the keyboard, a worker's pipe, the channel), the
  /// channel's next deadline, `wake` (a suggestion list settles, or the keyboard decoder must
  /// deliver a paste or an escape sequence that stopped short), or the next tick.
  private func waitForInput(_ workers: [Int32], until wake: Date?) {
    var descriptors = ([STDIN_FILENO] + workers + channel.descriptors).map {
      pollfd(fd: $0, events: Int16(POLLIN), revents: 0)
    }
    var timeout = tickSeconds
    for deadline in [channel.nextDeadline(), wake].compactMap({ $0 }) {
      timeout = min(timeout, max(deadline.timeIntervalSinceNow, 0))
    }
    _ = poll(&descriptors, nfds_t(descriptors.count), Int32((timeout * 1000).rounded(.up)))
  }

  /// Applies an event and every event its effects feed back.
  private func dispatch(_ event: ConsoleEvent, to state: inout ConsoleState, _ executor: EffectExecutor) {
    var queue = [event]
    while !queue.isEmpty {
      let next = queue.removeFirst()
      for effect in update(&state, next) {
        queue.append(contentsOf: executor.execute(effect))
      }
    }
  }

  /// On a termination signal, ends every open or escalated chat as abandoned so the log is complete.
  private func endOpenChats(_ state: ConsoleState, _ executor: EffectExecutor) {
    for chat in state.openChats + state.escalations {
      _ = executor.execute(
        .record(SessionEvent(chat: chat.id, time: Date(), kind: .ended(outcome: .abandoned))))
      channel.close(chat.id, outcome: .abandoned, now: Date())
    }
  }

  /// Unblocks the signals a Dispatch-spawned parent may have masked, and turns termination
  /// signals into a clean exit that restores the terminal.
  static func prepareSignals() {
    var set = sigset_t()
    sigemptyset(&set)
    for signal in [SIGWINCH, SIGTERM, SIGINT, SIGHUP, SIGTSTP, SIGCONT] { sigaddset(&set, signal) }
    pthread_sigmask(SIG_UNBLOCK, &set, nil)
    for signalNumber in [SIGTERM, SIGHUP, SIGINT] {
      signal(signalNumber) { _ in terminationRequested.store(true, ordering: .relaxed) }
    }
  }
}
