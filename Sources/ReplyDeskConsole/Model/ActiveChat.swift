import Foundation
import ReplyDeskCore

/// A chat the representative has taken, with everything kept per chat while another has focus.
struct ActiveChat: Equatable, Sendable {
  var conversation: Conversation
  /// Sanitised, capped text of each turn by turn id, computed once at ingest.
  var displayTexts: [Int: String] = [:]
  /// The newest ranking generation asked for in this chat; older results are dropped.
  var generation = 0
  /// The suggestion list on screen, its highlight and what was recorded of it.
  var suggestions = ChatSuggestions()
  /// When the latest customer turn appeared, for response times.
  var customerTurnShownAt: Date?
  var customerTypingUntil: Date?
  var agentReplied = false
  /// How far the conversation and profile panes are scrolled.
  var scroll = ChatScroll()
  /// Customer messages (and a departure) that arrived while another chat had focus.
  var unread = 0
  /// Whether the customer waits for a reply, since when, and whether the wait alert rang.
  var wait = ReplyWait.none
  /// The draft, parked while another chat has focus.
  var parked = ParkedDraft()
  /// What autopilot sent in this chat and where it stands.
  var autopilot = ChatAutopilot()
  /// The generated reply: asked for which turn, and shown after the ranked suggestions.
  var generatedReply = GeneratedReplyPhase.none
  /// The last reply sent from a generated suggestion, until it is saved as a template.
  var savableReply: TemplateDraft?
  /// The order the representative picked, until the customer names another one.
  var orderPin: OrderInQuestion.Pin?
  /// The order in question as last resolved, with what it was resolved from.
  var resolvedOrder: ResolvedOrder?
  /// Set once the chat was handed over; its summary stays at the top of the conversation pane.
  var handOver: HandOver?

  var isOpen: Bool { conversation.status == .open }
  /// When the oldest customer message still without a reply arrived.
  var awaitingReplySince: Date? { wait.since }
  var id: ChatID { conversation.id }

  /// True when the customer has waited for a reply for `seconds` or more at `now`.
  func isOverdue(now: Date, after seconds: Double) -> Bool {
    guard isOpen, let since = awaitingReplySince else { return false }
    return now.timeIntervalSince(since) >= seconds
  }
}

/// How far a chat's panes are scrolled.
struct ChatScroll: Equatable, Sendable {
  /// Lines scrolled up from the newest conversation line.
  var conversation = 0
  /// Lines scrolled down from the profile's first line.
  var profile = 0
}

/// A chat's draft while another chat has focus: the composer and where its text came from.
struct ParkedDraft: Equatable, Sendable {
  var composer = Composer()
  var origin: EditOrigin?
}

/// Whether a chat's customer waits for a reply.
enum ReplyWait: Equatable, Sendable {
  /// Every customer message has a reply (or none came yet).
  case none
  /// Since the oldest customer message still without a reply; `alerted` once the wait alert rang.
  case waiting(since: Date, alerted: Bool)

  var since: Date? {
    if case .waiting(let since, _) = self { since } else { nil }
  }

  var alerted: Bool {
    if case .waiting(_, let alerted) = self { alerted } else { false }
  }

  /// A customer message arrived at `time`: the wait starts, unless one already runs.
  mutating func begin(at time: Date) {
    if case .none = self { self = .waiting(since: time, alerted: false) }
  }

  /// The wait alert rang for this wait.
  mutating func markAlerted() {
    if case .waiting(let since, _) = self { self = .waiting(since: since, alerted: true) }
  }
}

extension ConsoleState {
  /// The chat on screen. Setting it replaces that chat, or adds and focuses one when none is.
  var active: ActiveChat? {
    get { focusedChat.map { chats[$0] } }
    set {
      switch (newValue, focusedChat) {
      case (let chat?, let index?): chats[index] = chat
      case (let chat?, nil):
        chats.append(chat)
        focusedChat = chats.count - 1
      case (nil, let index?):
        chats.remove(at: index)
        focusedChat = nil
      case (nil, nil): break
      }
    }
  }

  /// Where chat `id` is in `chats`.
  func index(of id: ChatID) -> Int? { chats.firstIndex { $0.id == id } }

  /// True when chat `index` is the one on screen.
  func isFocused(_ index: Int) -> Bool { focusedChat == index }

  /// The chats still open.
  var openChats: [ActiveChat] { chats.filter(\.isOpen) }

  /// Where chat `id` waits in the escalation queue.
  func escalationIndex(of id: ChatID) -> Int? { escalations.firstIndex { $0.id == id } }

  /// The draft of chat `index`: the composer when it has focus, its parked text otherwise.
  func draft(of index: Int) -> Composer {
    isFocused(index) ? composer : chats[index].parked.composer
  }
}
