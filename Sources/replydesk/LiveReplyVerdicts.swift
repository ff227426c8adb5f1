import Foundation
import ReplyDeskConsole
import ReplyDeskCore
import ReplyDeskSimulation

/// What each reply of one `eval live` customer did: whether it stated a wrong state of the order the
/// customer wrote about, asked again for an order number the chat already settled, and whether the
/// first reply asked for identification instead of answering.
struct LiveReplyVerdicts {
  var script: LiveCustomerScript
  var replies: [String?]
  var wrongStates: [String] = []
  var reAsks = 0
  var firstAsksForIdentity = false

  init(script: LiveCustomerScript, replies: [String?]) {
    self.script = script
    self.replies = replies
    let profile = LenientProfile.profile(from: script.profile, fallbackID: "eval")
    var judge = ReplyJudge(
      order: profile.orders.first { $0.id == script.orderID }, profile: profile, now: Date())
    for (index, reply) in replies.enumerated() {
      judge.customerSaid(script.messages[index])
      guard let reply else { continue }
      let verdict = judge.judge(reply)
      if let wrong = verdict.misinformation {
        wrongStates.append("says \(wrong.kind.rawValue) \(wrong.stated), but it is \(wrong.actual)")
      }
      let said = script.messages.prefix(index + 1)
      let settled =
        profile.orders.count == 1
        || said.contains { !OrderMentions(orders: profile.orders).orderIDs(in: $0).isEmpty }
      if verdict.reAsk != nil || (Self.asksForOrderNumber(reply) && settled) { reAsks += 1 }
      if index == 0 && settled && (Self.asksForOrderNumber(reply) || Self.asksForEmail(reply)) {
        firstAsksForIdentity = true
      }
    }
  }

  static func asksForOrderNumber(_ reply: String) -> Bool {
    questions(reply).contains { $0.contains("order number") }
  }

  static func asksForEmail(_ reply: String) -> Bool {
    questions(reply).contains { $0.contains("email address") || $0.contains("your email") }
  }

  private static func questions(_ text: String) -> [String] {
    text.lowercased().split(separator: "?", omittingEmptySubsequences: false).dropLast().map { sentence in
      String(sentence.split(whereSeparator: { ".!".contains($0) }).last ?? "")
    }
  }

  /// The reply-by-reply record, for `--verbose`.
  var transcript: String {
    var lines = ["— order \(script.orderID)"]
    for (message, reply) in zip(script.messages, replies) {
      lines.append("  customer: \(message)")
      lines.append("  agent:    \(reply ?? "(no reply: handed over)")")
    }
    lines += wrongStates.map { "  WRONG: \($0)" }
    if reAsks > 0 { lines.append("  RE-ASK: asked for the order number the chat settles") }
    return lines.joined(separator: "\n")
  }

  static func report(_ verdicts: [LiveReplyVerdicts], ranker: String, tally: HeadlessAutopilot.Tally)
    -> String
  {
    let replies = verdicts.reduce(0) { $0 + $1.replies.compactMap { $0 }.count }
    let stated = verdicts.reduce(0) { total, verdict in
      total + verdict.replies.compactMap { $0 }.filter { OrderStateReading($0).statesAnything }.count
    }
    let wrong = verdicts.reduce(0) { $0 + $1.wrongStates.count }
    let reAsks = verdicts.reduce(0) { $0 + $1.reAsks }
    let firsts = verdicts.filter { $0.replies.first != nil }
    let asking = firsts.filter(\.firstAsksForIdentity).count
    func share(_ part: Int, _ whole: Int) -> String {
      whole == 0
        ? "n/a" : String(format: "%.1f%% (%d of %d)", 100 * Double(part) / Double(whole), part, whole)
    }
    return """
      eval live: \(verdicts.count) customers over the live protocol, \(ranker) ranker, autopilot on every turn
        replies sent \(replies), handed over unanswered \(tally.handedOver)
        replies stating an order or refund state: \(stated); wrong: \(share(wrong, stated))
        replies asking again for an order number the chat settles: \(share(reAsks, replies))
        first replies asking for identification the profile settles: \(share(asking, firsts.count))
        first replies that answer: \(share(firsts.count - asking, verdicts.count))
      """
  }
}
