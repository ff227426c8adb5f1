import Foundation
import ReplyDeskCore
import Synchronization

/// Writes a free-form reply for a chat (the neural generator); called off the UI thread.
public protocol ReplyWriter: Sendable {
  /// The generated suggestion for the chat in `request`, or nil when the writer has nothing safe
  /// to offer. Its source is `.generated(model:)`.
  func reply(for request: RankingRequest) -> Suggestion?
}

/// Where the console's reply generator is: off, still training in the background, ready, or
/// unavailable (training or loading failed).
public enum GeneratorPhase: Equatable, Sendable {
  case off
  /// Training; the fraction done, 0...1.
  case training(Double)
  case ready
  case failed(String)

  /// What the status line says about the generator, if anything.
  var label: String? {
    switch self {
    case .off, .failed: return nil
    case .training(let fraction):
      return "generator: training \(Int((min(max(fraction, 0), 1) * 100).rounded(.down)))%"
    case .ready: return "generator ready"
    }
  }

  /// The label in a few cells, for a narrow footer.
  var shortLabel: String? {
    switch self {
    case .off, .failed: return nil
    case .training(let fraction): return "gen \(Int((min(max(fraction, 0), 1) * 100).rounded(.down)))%"
    case .ready: return "gen ready"
    }
  }

  /// True when generated replies are or will soon be offered, so the ranked list leaves them a row.
  var offersReplies: Bool {
    switch self {
    case .training, .ready: return true
    case .off, .failed: return false
    }
  }
}

/// The generator as the console sees it: a phase a background trainer updates, and the writer once
/// it is ready. Shared between the trainer's thread, the generation worker and the UI loop.
public final class GeneratorSlot: Sendable {
  private let state: Mutex<(phase: GeneratorPhase, writer: (any ReplyWriter)?)>

  /// A slot that starts in `phase` (`.ready` with `writer` when a model was loaded at start-up).
  public init(phase: GeneratorPhase = .off, writer: (any ReplyWriter)? = nil) {
    state = Mutex((writer == nil && phase == .ready ? .failed("no writer") : phase, writer))
  }

  /// Reports training progress.
  public func training(_ fraction: Double) {
    state.withLock { $0.phase = .training(fraction) }
  }

  /// Offers generated replies from now on.
  public func ready(_ writer: any ReplyWriter) {
    state.withLock { $0 = (.ready, writer) }
  }

  /// Stops offering generated replies and says why.
  public func failed(_ reason: String) {
    state.withLock { $0 = (.failed(reason), nil) }
  }

  public var phase: GeneratorPhase { state.withLock { $0.phase } }

  /// The writer, once the generator is ready.
  var writer: (any ReplyWriter)? { state.withLock { $0.writer } }
}
