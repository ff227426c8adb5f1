import Foundation
import ReplyDeskCore
import ReplyDeskEngine
import ReplyDeskSimulation

/// What commands load from disk before they start, found the same way by every command: the
/// templates, the scenarios, and a private directory for sockets.
public enum CommandResources {
  /// The templates in `directory`, else `$REPLYDESK_TEMPLATES`, `./Templates` or the package's.
  public static func templates(directory: String?) throws -> [ReplyTemplate] {
    guard let url = directory.map({ URL(fileURLWithPath: $0) }) ?? ResourceLocator.templatesDirectory() else {
      throw CommandFailure("No Templates directory found; pass --templates or set REPLYDESK_TEMPLATES.")
    }
    do {
      return try TemplateLibrary.load(directory: url).templates
    } catch {
      throw CommandFailure(error.description)
    }
  }

  /// The scenarios from `directory`, `$REPLYDESK_SCENARIOS`, `./Scenarios` or the package's, with every
  /// file problem reported on standard error; the built-in ones when none load.
  public static func scenarioLibrary(directory: String?) throws -> ScenarioLibrary {
    let library: ScenarioLibrary
    do {
      library = try ScenarioLibrary.locate(directory: directory)
    } catch {
      throw CommandFailure("cannot read scenarios: \(error.localizedDescription)")
    }
    for issue in library.issues {
      FileHandle.standardError.write(Data("warning: \(issue)\n".utf8))
    }
    return library
  }

  /// A new directory under /tmp, short enough for a Unix socket path.
  public static func socketDirectory() throws -> String {
    var template = Array("/tmp/rdload-XXXXXX".utf8CString)
    guard let made = template.withUnsafeMutableBufferPointer({ mkdtemp($0.baseAddress!) }) else {
      throw CommandFailure("cannot create a temporary directory: errno \(errno)")
    }
    return String(cString: made)
  }
}

/// The grounding dev split: queries from simulated chats of a seed the default model never trains
/// on, for tuning without touching the held-out set.
public enum GroundingDevSplit {
  /// The dev split's seed: the default model trains on seed 1.
  public static let seed: UInt64 = 0xDE7

  /// Grounding queries from `chats` held-out simulated chats (`GroundedReplies.devQueries`).
  public static func queries(chats: Int) throws -> [GroundingQuery] {
    let templates = try CommandResources.templates(directory: nil)
    var grounded = GroundedReplies(templates: templates, seed: seed, split: .dev)
    return TranscriptGenerator(templates: templates, seed: seed).generate(count: chats, start: Date())
      .flatMap {
        grounded.devQueries(id: $0.id, profile: $0.profile, turns: $0.turns, templateIDs: $0.templateIDs)
      }
  }
}
