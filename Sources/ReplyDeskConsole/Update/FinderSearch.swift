import Foundation
import ReplyDeskCore

/// The template finder's search, a pure function of the catalog, the query and the chat: fuzzy
/// matches over every template, ranked by match quality, then by the score the chat's current
/// suggestion list gave it, then in library order; the first rows filled from the order in question
/// through the one suggestion builder.
enum FinderSearch {
  static func search(
    _ query: String, in catalog: TemplateCatalog, chat: ActiveChat, now: Date,
    limit: Int = TemplateFinder.rowLimit
  ) -> (rows: [FinderRow], matches: Int) {
    let words = FuzzyMatch.words(query)
    var ranked: [String: Double] = [:]
    for suggestion in chat.suggestions.rows {
      if case .template(let id) = suggestion.source { ranked[id] = suggestion.score }
    }
    let templates = catalog.templates
    let scores = words.map { word in
      let mask = FuzzyMatch.mask(word)
      return zip(catalog.vocabulary, catalog.vocabularyMasks).map {
        FuzzyMatch.wordScore(word, mask: mask, $0.0, targetMask: $0.1)
      }
    }
    var found: [(index: Int, quality: Double, ranking: Double)] = []
    for (index, candidate) in catalog.searchWords.enumerated() {
      let quality = FuzzyMatch.score(scores, candidate: candidate)
      guard quality > 0 else { continue }
      found.append((index, quality, ranked[templates[index].id] ?? -.infinity))
    }
    found.sort {
      if $0.quality != $1.quality { return $0.quality > $1.quality }
      if $0.ranking != $1.ranking { return $0.ranking > $1.ranking }
      return $0.index < $1.index
    }
    let facts = GroundingFacts(
      turns: chat.conversation.turns, profile: chat.conversation.profile, now: now, pin: chat.orderPin)
    let filler = SlotFiller(now: now)
    let rows = found.prefix(limit).map { entry -> FinderRow in
      let template = templates[entry.index]
      let reason =
        template.conditions.isUnconditional ? nil : template.conditions.contradiction(with: facts)
      return FinderRow(
        templateID: template.id, intent: template.intents.first ?? template.topic,
        segments: catalog.builder.fill(entry.index, filler: filler, facts: facts),
        contradiction: reason, quality: entry.quality)
    }
    return (Array(rows), found.count)
  }
}
