import Foundation
import ReplyDeskCore

/// Which of a ranker's suggestions a chat shows: never a reply already sent in that chat (a second
/// Enter must not send it again), even while the list on screen predates the send. (The suggestion
/// pipeline itself leaves out replies already sent and offers only greetings before the customer
/// writes.)
enum ShownSuggestions {
  /// How many rows a list shows: nine, or eight when the generator's reply takes the last row.
  static func rows(_ state: ConsoleState) -> Int { state.generator.offersReplies ? 8 : 9 }

  /// `suggestions` as chat `chat` shows them, at most `rows(state)`.
  static func filter(_ suggestions: [Suggestion], in chat: ActiveChat, state: ConsoleState) -> [Suggestion] {
    Array(withoutSentReplies(suggestions, in: chat).prefix(rows(state)))
  }

  /// `list` without the suggestions whose text was already sent in `chat`.
  static func withoutSentReplies(_ list: [Suggestion], in chat: ActiveChat) -> [Suggestion] {
    let sent = sentReplies(in: chat)
    return list.filter { !sent.contains(normalized($0.text)) }
  }

  /// The texts the representative (or autopilot) already sent in `chat`, normalised.
  static func sentReplies(in chat: ActiveChat) -> Set<String> {
    Set(chat.conversation.turns.filter { $0.speaker == .agent }.map { normalized($0.text) })
  }

  /// True when `text` repeats a reply already sent in `chat`.
  static func repeatsSentReply(_ text: String, in chat: ActiveChat) -> Bool {
    sentReplies(in: chat).contains(normalized(text))
  }

  /// A reply's text as compared for repeats: without surrounding whitespace.
  static func normalized(_ text: String) -> String {
    text.trimmingCharacters(in: .whitespacesAndNewlines)
  }
}
