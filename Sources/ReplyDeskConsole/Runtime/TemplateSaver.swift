import Foundation
import ReplyDeskCore
import Synchronization

/// Saves sent replies as templates in the representative's templates directory and keeps the
/// running ranker up to date: after each save it asks for a ranker built over every template so far
/// (no retraining: the neural ranker encodes the new template, the lexical one re-indexes).
public final class TemplateSaver: Sendable {
  /// Where new templates are written (`saved.yaml` in it).
  public let directory: URL
  private let templates: Mutex<[ReplyTemplate]>
  private let makeRanker: @Sendable ([ReplyTemplate]) -> any SuggestionRanker

  /// `templates` are the ones the console ranks now; `makeRanker` builds a ranker over a new list.
  public init(
    directory: URL, templates: [ReplyTemplate],
    makeRanker: @escaping @Sendable ([ReplyTemplate]) -> any SuggestionRanker
  ) {
    self.directory = directory
    self.templates = Mutex(templates)
    self.makeRanker = makeRanker
  }

  /// Writes `draft` as a new template (values of the profile and the order in question turned back
  /// into slots, with its intents and conditions) and returns it with
  /// a builder of the ranker that includes it. Nothing changes when writing fails.
  func save(_ draft: TemplateDraft) throws -> (
    template: ReplyTemplate, ranker: @Sendable () -> any SuggestionRanker
  ) {
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    let template = try TemplateWriter(directory: directory).save(
      reply: draft.text, profile: draft.profile, now: draft.time, intents: draft.intents, when: draft.when,
      order: draft.order)
    let all = templates.withLock { list -> [ReplyTemplate] in
      list.append(template)
      return list
    }
    let makeRanker = makeRanker
    return (template, { makeRanker(all) })
  }
}
