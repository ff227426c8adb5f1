import Foundation
import ReplyDeskCore
import Synchronization

/// The console's neural scorer: template encodings are computed once at start-up, so each request
/// encodes only the context and scores every template with a few matrix products. A library larger
/// than `shortlistSize` is scored in two stages (`RankerModel.scoreShortlisted`); a smaller one by
/// the full scorer alone. Scores are the softmax over all templates; `SuggestionPipeline` turns
/// them into suggestions.
public final class NeuralRanker: TemplateScorer {
  public let name: String
  let model: RankerModel
  public let templates: [ReplyTemplate]
  let candidates: CandidateEncodings  // [templates] encoded once
  /// How many attended context words a result carries.
  let attendedWordLimit = 8
  /// Libraries larger than this are shortlisted before the full scorer runs.
  public let shortlistSize: Int
  /// The lower-cased words of each template, for matching the representative's draft.
  private let templateWords: [Set<String>]
  /// The last profile's masking patterns: a chat asks again for every customer turn.
  private let lastProfile = Mutex<(profile: CustomerProfile, text: ProfileText)?>(nil)
  /// Logit added per unit of draft overlap: a draft whose words all appear in a template lifts it
  /// well above the model's usual margins, so typing steers the list.
  static let draftWeight: Float = 6

  /// Loads the model file and encodes the templates.
  public convenience init(modelPath: String, templates: [ReplyTemplate]) throws {
    self.init(model: try ModelFile.load(modelPath), templates: templates)
  }

  public init(
    model: RankerModel, templates: [ReplyTemplate], shortlistSize: Int = RankerModel.shortlistSize
  ) {
    self.model = model
    self.templates = templates
    self.shortlistSize = shortlistSize
    name = "neural v\(ModelFile.version)"
    var table = TypeTable(vocabulary: model.vocabulary)
    let encoder = RankerInputEncoder(config: model.config)
    let replies = templates.map { encoder.encodeReply($0.text, profile: ProfileText(nil), table: &table) }
    candidates = model.encodeCandidates(replies, bags: table.bags)
    templateWords = templates.map { Set(Self.words($0.text)) }
  }

  public func score(_ request: RankingRequest, facts: GroundingFacts) -> TemplateScores {
    guard !templates.isEmpty else { return TemplateScores(scores: []) }
    var table = TypeTable(vocabulary: model.vocabulary)  // context words only: templates are encoded
    let context = encode(request, facts: facts, table: &table)
    let boost = draftBoost(request.draft)  // [templates] or empty
    let logits: [Float]  // [templates]
    let attention: Matrix  // [scored, contextWords]
    let rows: [Int?]  // [templates] row of each template in `attention`
    if templates.count <= shortlistSize {
      let scored = model.score(context, bags: table.bags, candidates: candidates)
      logits = boost.isEmpty ? scored.scores : zip(scored.scores, boost).map { $0 + $1 }
      (attention, rows) = (scored.attention, Array(0..<templates.count))
    } else {
      let scored = model.scoreShortlisted(
        context, bags: table.bags, candidates: candidates, size: shortlistSize, boost: boost)
      (logits, attention, rows) = (scored.scores, scored.attention, scored.positions)
    }
    let top = logits.max() ?? 0
    let total = logits.reduce(Float(0)) { $0 + expf($1 - top) }
    let scores = logits.map { Double(expf($0 - top) / total) }
    let chat = request.context
    return TemplateScores(scores: scores) { [self] candidate in
      guard let row = rows[candidate] else { return [] }
      return attendedWords(attention, candidate: row, context: context, turns: chat)
    }
  }

  /// The request's context as the model reads it (its words go into `table`).
  func encode(_ request: RankingRequest, facts: GroundingFacts, table: inout TypeTable) -> EncodedContext {
    let turns = request.context.map { (speaker: Self.code($0.speaker), text: $0.text) }
    return RankerInputEncoder(config: model.config).encodeContext(
      turns, profile: profileText(request.profile), features: GroundingFeatures.tokens(facts), table: &table)
  }

  /// The masking patterns of `profile`, kept for the next request of the same customer.
  func profileText(_ profile: CustomerProfile) -> ProfileText {
    if let kept = lastProfile.withLock({ $0?.profile == profile ? $0?.text : nil }) { return kept }
    let text = ProfileText(Self.profileJSON(profile))
    lastProfile.withLock { $0 = (profile, text) }
    return text
  }

  /// The context words the candidate attended to most (letters or digits only), heaviest first.
  func attendedWords(_ attention: Matrix, candidate: Int, context: EncodedContext, turns: [Turn])
    -> [AttendedWord]
  {
    guard attention.cols == context.words.count else { return [] }
    var weights: [AttendedWord] = []
    for k in 0..<attention.cols {
      let word = context.words[k]
      guard word.first.map({ $0.isLetter || $0.isNumber }) == true else { continue }
      let weight = Double(attention[candidate, k])
      let turnID = turns[context.turnIndices[k]].id
      if let existing = weights.firstIndex(where: { $0.turnID == turnID && $0.word == word }) {
        weights[existing].weight += weight
      } else {
        weights.append(AttendedWord(turnID: turnID, word: word, weight: weight))
      }
    }
    return Array(weights.sorted { $0.weight > $1.weight }.prefix(attendedWordLimit))
  }

  static func code(_ speaker: Speaker) -> Int {
    switch speaker {
    case .customer: return 0
    case .agent: return 1
    case .system: return 2
    }
  }

  /// The profile in the live protocol's format (dates as Unix seconds), as corpora and queries
  /// carry it: `ProfileText` masks its values and `LenientProfile` reads it back unchanged.
  static func profileJSON(_ profile: CustomerProfile) -> JSONValue? {
    let encoder = JSONEncoder()
    encoder.dateEncodingStrategy = .secondsSince1970
    guard let data = try? encoder.encode(profile) else { return nil }
    return try? JSONValue.parse(data)
  }
}

extension NeuralRanker {
  /// The representative's unsent draft as extra evidence: each template gains `draftWeight` times the
  /// share of the draft's words it contains. [templates], or empty when the draft has no words.
  func draftBoost(_ draft: String) -> [Float] {
    let typed = Set(Self.words(draft))
    guard !typed.isEmpty else { return [] }
    return templateWords.map { words in
      Self.draftWeight * Float(typed.intersection(words).count) / Float(typed.count)
    }
  }

  static func words(_ text: String) -> [String] {
    TextRuns.runs(text, of: .alphanumerics, lowercased: true).filter { $0.count > 1 }
  }
}
