import Foundation

/// One template a representative's reply may mean, filled from the chat's order in question the way
/// the suggestion list fills it.
public struct ReplyCandidate: Sendable, Equatable {
  public var templateID: String
  public var intents: [String]
  /// The template's text with its slots filled (a slot without a value reads `[name]`).
  public var text: String

  public init(templateID: String, intents: [String], text: String) {
    self.templateID = templateID
    self.intents = intents
    self.text = text
  }
}

/// What a reply means: the template it says, in whatever words, and how close it came.
public struct ReplyMeaning: Sendable, Equatable {
  public var templateID: String
  /// The template's filled text, as the candidate had it.
  public var text: String
  /// How alike the reply and the template are, from -1 to 1 (1 for the template's own text).
  public var similarity: Double

  public init(templateID: String, text: String, similarity: Double) {
    self.templateID = templateID
    self.text = text
    self.similarity = similarity
  }
}

/// Reads what a representative's reply means, by its meaning rather than its keywords: given the
/// chat (a ranking request: turns, profile, time) and the templates it could mean, the one it
/// means, or nil when none comes close enough.
public protocol ReplyReader: Sendable {
  /// Names the reader in reports ("neural v4").
  var name: String { get }
  /// The candidate `reply` means in `chat`, or nil when every candidate is below the reader's threshold.
  func meaning(of reply: String, in chat: RankingRequest, candidates: [ReplyCandidate]) -> ReplyMeaning?
}

/// A reader with the template library it reads replies against: every template is filled from the
/// chat's order in question by the suggestion builder, and the reader says which one a reply means.
public struct ReplyInterpreter: Sendable {
  public let reader: any ReplyReader
  public let builder: SuggestionBuilder

  public init(reader: any ReplyReader, templates: [ReplyTemplate]) {
    self.reader = reader
    self.builder = SuggestionBuilder(templates: templates)
  }

  /// The template `reply` means in `chat`, or nil when it means none of them.
  public func meaning(of reply: String, in chat: RankingRequest) -> ReplyMeaning? {
    reader.meaning(of: reply, in: chat, candidates: candidates(for: chat))
  }

  /// Every template, filled from the order in question of `chat` at its time.
  public func candidates(for chat: RankingRequest) -> [ReplyCandidate] {
    let facts = GroundingFacts(request: chat)
    let filler = SlotFiller(now: chat.time)
    return builder.templates.indices.map { index in
      let template = builder.templates[index]
      let text = builder.fill(index, filler: filler, facts: facts).map(\.plainText).joined()
      return ReplyCandidate(templateID: template.id, intents: template.intents, text: text)
    }
  }
}
