import Foundation
import ReplyDeskCore
import ReplyDeskSimulation
import ReplyDeskStore

/// The scorecards of a practice run: one per chat the trainee took, each stored with its session
/// (its summary as a QA note, shown in replays, and its figures as a practice score, for stats). A
/// reply agrees with the ranker when `interpreter` reads it as the top suggestion's template.
public struct PracticeScorecards {
  public let store: any SessionStoring
  public let interpreter: ReplyInterpreter?
  public let suggestionsHidden: Bool

  public init(store: any SessionStoring, interpreter: ReplyInterpreter?, suggestionsHidden: Bool) {
    self.store = store
    self.interpreter = interpreter
    self.suggestionsHidden = suggestionsHidden
  }

  /// Scores every chat `channel` started, hands each card to `show`, stores it (a store that refuses
  /// it is warned about on standard error) and returns the totals line.
  public func record(for channel: SimulatedCustomerChannel, show: (PracticeScorecard) -> Void) -> String {
    var cards: [PracticeScorecard] = []
    for chat in channel.startedChats {
      guard let events = try? store.events(of: chat), !events.isEmpty else { continue }
      let card = PracticeScorecard(
        chat: chat, events: events, scenario: channel.scenario(of: chat), interpreter: interpreter)
      cards.append(card)
      show(card)
      let now = Date()
      do {
        try store.record(contentsOf: [
          SessionEvent(chat: chat, time: now, kind: .qaNote(text: card.summary, rating: nil)),
          SessionEvent(
            chat: chat, time: now,
            kind: .practiceScore(score: card.score(suggestionsHidden: suggestionsHidden))),
        ])
      } catch {
        FileHandle.standardError.write(
          Data("warning: scorecard not stored for \(chat): \(ErrorText.sentence(for: error))\n".utf8))
      }
    }
    return cards.isEmpty ? "No practice chat was taken." : PracticeScorecard.totals(cards)
  }
}
