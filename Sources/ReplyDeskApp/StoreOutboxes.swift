import Foundation
import ReplyDeskCore
import ReplyDeskStore

/// `replydesk store outbox`: the local outboxes a team store's consoles left on this machine, the
/// events the store refused from them and why, and putting those back to be saved once the cause
/// is fixed.
public struct StoreOutboxes {
  let opener: StoreOpener

  public init(opener: StoreOpener) {
    self.opener = opener
  }

  /// One line per outbox file holding events: how many wait and how many the store refused, and
  /// whether its console still runs.
  public func summary() throws -> String {
    let (base, address) = try outboxBase()
    let files = try OutboxInspection.files(base: base).filter { $0.pending + $0.refused > 0 }
    guard !files.isEmpty else { return "No outbox on this machine for \(address): nothing is waiting." }
    let lines = files.map { file in
      "\(file.path): \(file.pending) waiting, \(file.refused) refused, console \(Self.describe(file.owner))"
    }
    let refused = files.reduce(0) { $0 + $1.refused }
    let hint =
      refused == 0
      ? ""
      : "\n\(refused) refused: see why with `replydesk store outbox --refused`, fix it, then use --retry."
    return lines.joined(separator: "\n") + hint
  }

  /// Every refused event: its chat, time, kind and the store's reason.
  public func refusedReport() throws -> String {
    let (base, address) = try outboxBase()
    let formatter = ISO8601DateFormatter()
    var lines: [String] = []
    for file in try OutboxInspection.files(base: base) where file.refused > 0 {
      lines.append("\(file.path):")
      for event in try OutboxInspection.refused(path: file.path) {
        lines.append(
          "  \(event.chat.rawValue)  \(formatter.string(from: event.time))  \(event.kind): \(event.reason)")
      }
    }
    return lines.isEmpty ? "The store at \(address) refused no queued event." : lines.joined(separator: "\n")
  }

  /// Puts the refused events of every outbox whose console is gone back in its queue, then saves
  /// every queued event as a console does (in order, skipping what the store already holds),
  /// waiting up to `timeout` seconds.
  public func retry(timeout: TimeInterval) throws -> String {
    let (base, _) = try outboxBase()
    var requeued = 0
    for file in try OutboxInspection.files(base: base) where file.refused > 0 && file.owner == .gone {
      requeued += try OutboxInspection.requeueRefused(path: file.path)
    }
    let store = try opener.queueing(try opener.open(.readWrite, connectingLater: true))
    guard let queueing = store as? OutboxSessionStore else { return "Nothing to retry." }
    let drained = queueing.waitUntilDrained(timeout: timeout)
    let status = queueing.outboxStatus
    let outcome =
      drained
      ? "saved \(status.saved) queued events in \(store.location)"
      : "\(status.queued) events are still waiting (\(status.reason ?? "the store is slow")); run it again later"
    let refusedAgain =
      status.refused == 0 ? "" : "; the store refused \(status.refused) again (see --refused)"
    return "Put \(requeued) refused events back in the queue; \(outcome)\(refusedAgain)."
  }

  /// The outbox base of the PostgreSQL store the opener names; no server is reached.
  private func outboxBase() throws -> (base: String, address: String) {
    guard case .postgres(let address)? = try opener.resolve().location else {
      throw CommandFailure(
        "Only a PostgreSQL store has outboxes: an SQLite store is written directly. "
          + "Name the team store with --store postgres://user@host:port/db or store: in config.yaml.")
    }
    return (opener.outboxBase(postgres: address.description), address.description)
  }

  private static func describe(_ owner: ProcessIdentity.Liveness) -> String {
    switch owner {
    case .running: return "running"
    case .gone: return "gone (the next console started here takes its events over)"
    case .unknown: return "on another machine"
    }
  }
}
