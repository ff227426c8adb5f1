import Foundation

/// What a ranker is asked: the chat so far, the profile and the representative's unsent draft.
public struct RankingRequest: Sendable, Equatable {
  public var chat: ChatID
  /// Increases with every customer turn or draft change; results for an older generation are dropped.
  public var generation: Int
  public var context: [Turn]
  public var profile: CustomerProfile
  public var draft: String
  public var limit: Int
  /// The order the representative picked for this chat, if any (see `OrderInQuestion.resolve`).
  public var pin: OrderInQuestion.Pin?
  /// When the event that asked for suggestions happened: dates in replies are written relative to it.
  public var time: Date

  /// `time` defaults to the newest turn's time (the distant past for an empty chat).
  public init(
    chat: ChatID, generation: Int, context: [Turn], profile: CustomerProfile, draft: String = "",
    limit: Int = 9, pin: OrderInQuestion.Pin? = nil, time: Date? = nil
  ) {
    self.chat = chat
    self.generation = generation
    self.context = context
    self.profile = profile
    self.draft = draft
    self.limit = limit
    self.pin = pin
    self.time = time ?? context.last?.time ?? .distantPast
  }
}

/// A template with the score a ranker gave it.
public struct ScoredTemplate: Sendable, Equatable {
  public var template: ReplyTemplate
  public var score: Double

  public init(template: ReplyTemplate, score: Double) {
    self.template = template
    self.score = score
  }
}

/// A context word the top suggestion attended to, for the console's highlight toggle.
public struct AttendedWord: Sendable, Equatable, Hashable {
  public var turnID: Int
  public var word: String
  public var weight: Double

  public init(turnID: Int, word: String, weight: Double) {
    self.turnID = turnID
    self.word = word
    self.weight = weight
  }
}

/// A ranker's answer to one request.
public struct RankingResult: Sendable, Equatable {
  public var request: RankingRequest
  public var suggestions: [Suggestion]
  public var attended: [AttendedWord]
  /// The ranker's name as the status line shows it, for example "lexical" or "neural v1".
  public var rankerName: String
  public var elapsedMilliseconds: Double
  /// The calibrated probability that the top suggestion is right, when a calibrator filled it.
  public var confidence: Double?

  public init(
    request: RankingRequest, suggestions: [Suggestion], attended: [AttendedWord] = [],
    rankerName: String, elapsedMilliseconds: Double = 0, confidence: Double? = nil
  ) {
    self.request = request
    self.suggestions = suggestions
    self.attended = attended
    self.rankerName = rankerName
    self.elapsedMilliseconds = elapsedMilliseconds
    self.confidence = confidence
  }
}

/// Anything that turns a chat into ranked, slot-filled suggestions. Called off the UI thread.
public protocol SuggestionRanker: Sendable {
  var name: String { get }
  func rank(_ request: RankingRequest) -> RankingResult
}
