import Foundation
import ReplyDeskConsole
import ReplyDeskCore
import ReplyDeskEngine

/// Whether the console offers a generated reply.
public enum GeneratorChoice: String, CaseIterable, Sendable {
  case on
  case off
}

/// Provisions the console's reply generator: loads the model at once when it exists, else trains the
/// default generator on one background thread after the console opens (the status line shows the
/// progress) and offers generated replies once it is saved.
extension ConsoleAssembly {
  func generatorSlot(templates: [ReplyTemplate]) throws -> GeneratorSlot? {
    guard generator == .on else { return nil }
    let blocklist: String
    do {
      blocklist = try DefaultGenerator.blocklistPath()
    } catch {
      warn("no generated replies: \(ErrorText.sentence(for: error))")
      return nil
    }
    let path = generatorModel.map { URL(fileURLWithPath: $0) } ?? DefaultGenerator.url(home: home.directory)
    if FileManager.default.fileExists(atPath: path.path) {
      do {
        return GeneratorSlot(
          phase: .ready, writer: try GeneratedReplyWriter(modelPath: path.path, blocklistPath: blocklist))
      } catch {
        if generatorModel != nil { throw CommandFailure("cannot use the generator", error) }
        warn("no generated replies: \(ErrorText.sentence(for: error))")
        return nil
      }
    }
    if generatorModel != nil { throw CommandFailure("no generator model at \(path.path)") }
    let slot = GeneratorSlot(phase: .training(0))
    Self.trainInBackground(templates: templates, to: path, blocklist: blocklist, slot: slot)
    return slot
  }

  /// Trains the default generator on a thread of its own and reports to `slot`.
  private static func trainInBackground(
    templates: [ReplyTemplate], to path: URL, blocklist: String, slot: GeneratorSlot
  ) {
    let thread = Thread {
      do {
        try DefaultGenerator.train(templates: templates, to: path) { slot.training($0) }
        slot.ready(try GeneratedReplyWriter(modelPath: path.path, blocklistPath: blocklist))
      } catch {
        slot.failed(ErrorText.sentence(for: error))
      }
    }
    thread.name = "replydesk.generator-training"
    thread.qualityOfService = .utility
    thread.start()
  }

  private func warn(_ message: String) {
    FileHandle.standardError.write(Data("warning: \(message)\n".utf8))
  }
}
