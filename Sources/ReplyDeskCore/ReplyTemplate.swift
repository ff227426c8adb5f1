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
  /// When the template is true and what it asks for, as its file declares (`when:`, `asks:`).
  public var conditions: TemplateConditions
  public var location: SourceLocation?

  public init(
    id: String, topic: String, text: String, intents: [String] = [],
    conditions: TemplateConditions = TemplateConditions(), location: SourceLocation? = nil
  ) {
    self.id = id
    self.topic = topic
    self.text = text
    self.intents = intents
    self.conditions = conditions
    self.location = location
  }

  /// A greeting: what may be offered before the customer has written.
  public var isGreeting: Bool { topic == "greeting" || intents.first == "greet" }
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
  /// Whether it is true to the order in question (stored lists from before grounding read `unknown`).
  public var grounding: GroundingMark

  public init(
    source: SuggestionSource, segments: [TextSegment], score: Double, grounding: GroundingMark = .unknown
  ) {
    self.source = source
    self.segments = segments
    self.score = score
    self.grounding = grounding
  }

  private enum CodingKeys: String, CodingKey {
    case source, segments, score, grounding
  }

  public init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    source = try container.decode(SuggestionSource.self, forKey: .source)
    segments = try container.decode([TextSegment].self, forKey: .segments)
    score = try container.decode(Double.self, forKey: .score)
    grounding = try container.decodeIfPresent(GroundingMark.self, forKey: .grounding) ?? .unknown
  }

  public func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(source, forKey: .source)
    try container.encode(segments, forKey: .segments)
    try container.encode(score, forKey: .score)
    if grounding != .unknown { try container.encode(grounding, forKey: .grounding) }
  }

  public var id: String { source.description }
  public var text: String { segments.map(\.plainText).joined() }
  public var missingSlots: [String] {
    segments.compactMap { if case .missing(let name) = $0 { name } else { nil } }
  }
  /// A suggestion with a gap must be edited before it can be sent.
  public var isSendableUnedited: Bool { missingSlots.isEmpty }
}
