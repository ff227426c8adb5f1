import Foundation
import ReplyDeskCore

/// Which pane receives keys. Tab cycles suggestions → composer → conversation → profile.
enum Focus: String, CaseIterable, Equatable, Sendable {
  case suggestions
  case composer
  case conversation
  case profile
}

/// A modal screen drawn over the panes.
enum Overlay: Equatable, Sendable {
  case help(scroll: Int)
  case escalation(EscalationDraft)
  /// Asks what becomes of the open chats before quitting: hand them over or resolve them.
  case confirmQuit
  /// Asks before sending a reply that repeats one already sent or contradicts the profile.
  case confirmSend(HeldReply)
  /// Searches every template of the library and inserts one into the draft.
  case finder(TemplateFinder)
  /// Asks for the intent and conditions of a reply about to be saved as a template.
  case saveTemplate(TemplateSavePrompt)
}

/// A reply held back until the representative confirms it, why, and when the question opened.
struct HeldReply: Equatable, Sendable {
  /// Why a reply needs a confirmation.
  enum Reason: Equatable, Sendable {
    /// The exact text was already sent in this chat.
    case repeated
    /// The suggestion contradicts the order in question, for example "order RD-451884 is delivered".
    case contradicts(String)
  }

  var decision: Decision
  var openedAt: Date
  var reason: Reason = .repeated
}

/// The escalation picker: a reason, then an optional note.
struct EscalationDraft: Equatable, Sendable {
  var reasonIndex = 0
  var writingNote = false
  var note = Composer()
}

/// Where the composer text came from, so a send is recorded as accepted, edited or written.
struct EditOrigin: Equatable, Sendable {
  var suggestionID: String
  var rank: Int
  var original: String
  var missingSlots: [String]
}

/// How many events the store refused and why; they are retried until stored.
struct UnsavedEvents: Equatable, Sendable {
  var count: Int
  var reason: String
}

/// A customer who arrived and waits to be taken, with any messages sent while waiting.
struct WaitingCustomer: Equatable, Sendable {
  var chat: ChatID
  var profile: CustomerProfile
  var scenario: String
  var arrivedAt: Date
  var messages: [PendingMessage] = []
  /// True once the wait alert rang for this customer.
  var waitAlerted = false
}

/// A customer message that arrived before the chat was taken.
struct PendingMessage: Equatable, Sendable {
  var text: String
  var time: Date
}

/// The whole console as a plain value: `update` changes it, `render` draws it.
struct ConsoleState: Equatable, Sendable {
  var size: Size
  var now: Date
  var representative: String
  var channelName: String
  var timeZone: TimeZone
  var escalationReasons: [String]
  var focus: Focus = .suggestions
  var overlay: Overlay?
  /// The scrollable panes as the last frame drew them; scroll keys stay within them.
  var extents = ScrollExtents()
  /// Every chat taken and not yet left behind, in the order taken; closed ones stay until focus moves.
  var chats: [ActiveChat] = []
  /// The index in `chats` of the chat on screen.
  var focusedChat: Int?
  var waiting: [WaitingCustomer] = []
  /// Chats handed over and waiting for a specialist, oldest first; their customers stay connected.
  var escalations: [ActiveChat] = []
  var composer = Composer()
  var editOrigin: EditOrigin?
  var rankerName: String?
  /// The neural model the ranker uses (its name and date), for the status line; nil without one.
  var modelIdentity: ModelIdentity?
  var highlightAttention = false
  var statusLine = StatusLine()
  var lastTypingNotice: Date?
  /// The last ranking generation handed out, across chats, so newer requests always compare greater.
  var lastGeneration = 0
  var hasQuit = false
  /// When the channel said no customer will come any more; the console closes a moment later.
  var channelFinishedAt: Date?
  /// Seconds a customer may wait for a reply before the console rings and highlights the chat.
  var waitAlertSeconds: Double
  /// When set, the top suggestion is sent without the representative at this confidence or above.
  var autopilotThreshold: Double?
  /// Where the reply generator is; generated replies are asked for only when it is ready.
  var generator: GeneratorPhase = .off
  /// Suggestions are ranked but not shown (practice without help).
  var hideSuggestions = false
  /// Events the store refused and the console keeps retrying, with why; nil when all are stored.
  var unsaved: UnsavedEvents?
  /// Events committed to the recorder's local outbox while the store is away; nil when none wait.
  var outbox: OutboxStatus?
  /// Every template of the library, for the template finder and the near-duplicate warning.
  var templates = TemplateCatalog()
  /// The next customer to arrive is taken without a key while no chat is open (the demo's first).
  var takesFirstCustomer = false

  init(
    size: Size, now: Date, representative: String, channelName: String = "chat",
    timeZone: TimeZone = .current, escalationReasons: [String] = ConsoleOptions.defaultEscalationReasons,
    waitAlertSeconds: Double = ConsoleOptions.defaultWaitAlertSeconds, autopilotThreshold: Double? = nil
  ) {
    self.size = size
    self.now = now
    self.representative = representative
    self.channelName = channelName
    self.timeZone = timeZone
    self.escalationReasons = escalationReasons
    self.waitAlertSeconds = waitAlertSeconds
    self.autopilotThreshold = autopilotThreshold
  }

  /// Where keys go now: an overlay first, then the focused pane.
  var context: BindingContext {
    switch overlay {
    case .help: return .help
    case .escalation(let draft): return draft.writingNote ? .escalationNote : .escalationReason
    case .confirmQuit: return .confirmQuit
    case .confirmSend: return .confirmSend
    case .finder: return .templateFinder
    case .saveTemplate(let prompt): return prompt.choosingConditions ? .templateConditions : .templateIntent
    case nil:
      switch focus {
      case .suggestions: return .suggestions
      case .composer: return .composer
      case .conversation: return .conversation
      case .profile: return .profile
      }
    }
  }

  /// The message the status line shows now.
  var status: StatusMessage? { statusLine.message }

  /// Shows `text` on the status line for `seconds` (`StatusLine.say`).
  mutating func say(_ text: String, warning: Bool = false, seconds: Double = 5) {
    statusLine.say(text, warning: warning, seconds: seconds, now: now)
  }
}
