import Foundation
import ReplyDeskCore

/// Every template of the library the console ranks, with what the template finder searches (each
/// template's words, id and intents, split once into one shared vocabulary, so a query word is
/// compared with each distinct word once) and the one suggestion builder that fills them.
/// Templates saved during the session are added, so the finder offers them at once.
struct TemplateCatalog: Equatable, Sendable {
  private(set) var builder: SuggestionBuilder
  /// Every distinct word of every template.
  private(set) var vocabulary: [[UInt8]] = []
  /// Each vocabulary word's `FuzzyMatch.mask`.
  private(set) var vocabularyMasks: [UInt64] = []
  /// Per template, its words (the text's, slot names included, the id's and the intents') as
  /// indices into `vocabulary`.
  private(set) var searchWords: [[Int32]] = []

  init(templates: [ReplyTemplate] = []) {
    builder = SuggestionBuilder(templates: templates)
    var index: [[UInt8]: Int32] = [:]
    for template in templates {
      searchWords.append(
        Self.words(template).map { word in
          if let known = index[word] { return known }
          let next = Int32(vocabulary.count)
          vocabulary.append(word)
          vocabularyMasks.append(FuzzyMatch.mask(word))
          index[word] = next
          return next
        })
    }
  }

  var templates: [ReplyTemplate] { builder.templates }

  /// Topics whose templates answer any matter (greetings, identity checks, apologies, closings), so
  /// they do not say what the customer wants.
  static let conversationalTopics: Set<String> = ["greeting", "identity", "apology", "closing"]

  /// The intent a ranked list resolves the customer's turn to: the first intent of its highest
  /// ranked template outside the conversational topics, if any.
  func intent(of suggestions: [Suggestion]) -> String? {
    for suggestion in suggestions {
      guard let index = builder.index(of: suggestion) else { continue }
      let template = templates[index]
      if !Self.conversationalTopics.contains(template.topic), let intent = template.intents.first {
        return intent
      }
    }
    return nil
  }

  /// Adds (or, with the same id, replaces) a template.
  mutating func add(_ template: ReplyTemplate) {
    var all = templates
    if let index = all.firstIndex(where: { $0.id == template.id }) {
      all[index] = template
    } else {
      all.append(template)
    }
    self = TemplateCatalog(templates: all)
  }

  private static func words(_ template: ReplyTemplate) -> [[UInt8]] {
    var seen = Set<[UInt8]>()
    let all =
      FuzzyMatch.words(template.text) + FuzzyMatch.words(template.id)
      + template.intents.flatMap(FuzzyMatch.words)
    return all.filter { seen.insert($0).inserted }
  }

  static func == (lhs: TemplateCatalog, rhs: TemplateCatalog) -> Bool {
    lhs.templates == rhs.templates
  }
}

/// One template the finder lists: filled from the order in question, with why it contradicts
/// that order when it does.
struct FinderRow: Equatable, Sendable {
  var templateID: String
  /// The template's first intent, or its topic.
  var intent: String
  var segments: [TextSegment]
  var contradiction: String?
  /// How well it matched the query, 0...1.
  var quality: Double

  var text: String { segments.map(\.plainText).joined() }
}

/// The template finder overlay: the query, the matching templates (best first, at most
/// `TemplateFinder.rowLimit` filled) and the highlighted row.
struct TemplateFinder: Equatable, Sendable {
  /// How many matches are filled and listed; the rest are only counted.
  static let rowLimit = 50
  var query = Composer()
  var rows: [FinderRow] = []
  /// Every template that matches, listed or not.
  var matches = 0
  var selected = 0
}
