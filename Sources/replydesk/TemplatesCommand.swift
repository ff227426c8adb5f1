import ArgumentParser
import Foundation
import ReplyDeskCore

/// `replydesk templates …`: tools for the hand-authored reply templates.
struct TemplatesCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "templates",
    abstract: "Work with the reply templates.",
    subcommands: [TemplatesCheckCommand.self]
  )
}

/// `replydesk templates check`: validates every template file and reports problems as `file:line`.
struct TemplatesCheckCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "check",
    abstract: "Validate every template file; exits non-zero when any has a problem.")

  @Option(
    name: .long, help: "Template directory (default: $REPLYDESK_TEMPLATES, ./Templates, or the package's).")
  var dir: String?

  func run() throws {
    let directory: URL
    if let dir {
      directory = URL(fileURLWithPath: dir)
    } else if let found = ResourceLocator.templatesDirectory() {
      directory = found
    } else {
      throw TemplateDirectoryError(
        path: "Templates", reason: "no template directory found; pass --dir or set REPLYDESK_TEMPLATES")
    }
    let library = try TemplateLibrary.load(directory: directory)
    let currentDirectory = FileManager.default.currentDirectoryPath + "/"
    for issue in library.issues {
      var file = issue.location.file
      if file.hasPrefix(currentDirectory) { file.removeFirst(currentDirectory.count) }
      print("\(file):\(issue.location.line): \(issue.message)")
    }
    let summary =
      "\(library.templates.count) templates in \(library.files.count) files, "
      + "\(library.topics.count) topics, \(library.issues.count) problem\(library.issues.count == 1 ? "" : "s")"
    print(summary)
    if !library.issues.isEmpty { throw ExitCode.failure }
  }
}
