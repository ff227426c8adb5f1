/// Where a template was read from, for error messages and for saving edits back.
public struct SourceLocation: Codable, Sendable, Equatable, Hashable, CustomStringConvertible {
  public var file: String
  public var line: Int

  public init(file: String, line: Int) {
    self.file = file
    self.line = line
  }

  public var description: String { "\(file):\(line)" }
}

/// A hand-authored reply with `{slot}` or `{slot|format}` placeholders filled from the profile.
public struct ReplyTemplate: Codable, Sendable, Equatable, Hashable, Identifiable {
  /// Unique across all template files, for example "refund.status.issued".
  public var id: String
  /// The topic of the file it came from, for example "refund".
  public var topic: String
  public var text: String
  /// Customer intents this template answers; extra evidence for rankers, never required.
  public var intents: [String]
  public var location: SourceLocation?

  public init(
    id: String, topic: String, text: String, intents: [String] = [], location: SourceLocation? = nil
  ) {
    self.id = id
    self.topic = topic
    self.text = text
    self.intents = intents
    self.location = location
  }
}

/// One run of a suggestion's text: literal words, a filled slot, or a slot the profile cannot fill.
public enum TextSegment: Codable, Sendable, Equatable, Hashable {
  case literal(String)
  case slot(name: String, value: String)
  case missing(name: String)

  /// What the segment reads as in plain text; a missing slot shows as `[name]`.
  public var plainText: String {
    switch self {
    case .literal(let text): return text
    case .slot(_, let value): return value
    case .missing(let name): return "[\(name)]"
    }
  }
}

/// Where a suggestion came from.
public enum SuggestionSource: Codable, Sendable, Equatable, Hashable, CustomStringConvertible {
  case template(id: String)
  case generated(model: String)

  public var description: String {
    switch self {
    case .template(let id): return id
    case .generated: return "generated"
    }
  }
}

/// A ranked reply the representative can send, with its slots already filled.
public struct Suggestion: Codable, Sendable, Equatable, Hashable, Identifiable {
  public var source: SuggestionSource
  public var segments: [TextSegment]
  /// The ranker's score, normalised to 0...1 for display.
  public var score: Double

  public init(source: SuggestionSource, segments: [TextSegment], score: Double) {
    self.source = source
    self.segments = segments
    self.score = score
  }

  public var id: String { source.description }
  public var text: String { segments.map(\.plainText).joined() }
  public var missingSlots: [String] {
    segments.compactMap { if case .missing(let name) = $0 { name } else { nil } }
  }
  /// A suggestion with a gap must be edited before it can be sent.
  public var isSendableUnedited: Bool { missingSlots.isEmpty }
}
