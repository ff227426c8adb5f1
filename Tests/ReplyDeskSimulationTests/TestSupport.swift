import Foundation
import ReplyDeskCore

/// Loads the shipped templates from the repository's `Templates/` directory.
enum ShippedTemplates {
  static let directory = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("Templates")

  static let all: [ReplyTemplate] = {
    (try? TemplateLibrary.load(directory: directory))?.templates ?? []
  }()
}

/// A fixed moment for deterministic tests: Tuesday, June 2, 2026, 14:00 UTC.
let fixedNow = Date(timeIntervalSince1970: 1_780_408_800)
