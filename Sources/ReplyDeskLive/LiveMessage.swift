import Foundation
import ReplyDeskCore

/// A line the customer side sends (see docs/live-protocol.md).
public enum CustomerLine: Sendable, Equatable {
  /// Opens the chat with an inline profile (`customer`) or an id to look up (`customer_id`).
  case hello(customer: JSONValue?, customerID: String?, token: String?)
  case message(String)
  case typing
  /// The customer's answer to a `rating_request`: a score on the requested scale and an optional comment.
  case rating(score: Int, comment: String?)
  case bye

  /// Why a line was refused; the description is sent back to the peer as an `error` line.
  public enum Problem: Error, Equatable, CustomStringConvertible {
    case notJSON
    case notAnObject
    case missingType
    case unknownType
    case missingText
    /// A rating without a whole-number `score` from 1 to 5.
    case invalidScore
    /// `text` is a string JSON allows but Unicode does not (a lone surrogate escape like `\ud800`).
    case invalidText

    public var description: String {
      switch self {
      case .notJSON: "The line is not valid JSON."
      case .notAnObject: "Each line must be one JSON object."
      case .missingType: "The object has no \"type\" string."
      case .unknownType: "Unknown \"type\"; expected hello, message, typing, rating or bye."
      case .missingText: "A message needs a non-empty \"text\" string."
      case .invalidScore: "A rating needs a whole-number \"score\" from 1 to 5; send it again."
      case .invalidText:
        "The \"text\" holds an escape that is not a character (a lone surrogate such as \\ud800); send it as UTF-8."
      }
    }
  }

  /// The fields of an incoming line, each read leniently: a mistyped field counts as absent.
  private struct IncomingWire: Decodable {
    var type: String?
    var text: String?
    /// `text` is there but neither a string nor any other JSON value Swift can read.
    var textIsUnreadable = false
    var token: String?
    var customerID: JSONValue?
    var customer: JSONValue?
    var score: Double?
    var comment: String?

    enum CodingKeys: String, CodingKey {
      case type, text, token, customer, score, comment
      case customerID = "customer_id"
    }

    init(from decoder: any Decoder) throws {
      let container = try decoder.container(keyedBy: CodingKeys.self)
      type = try? container.decodeIfPresent(String.self, forKey: .type)
      text = try? container.decodeIfPresent(String.self, forKey: .text)
      textIsUnreadable =
        text == nil && container.contains(.text)
        && (try? container.decode(JSONValue.self, forKey: .text)) == nil
      token = try? container.decodeIfPresent(String.self, forKey: .token)
      customerID = try container.decodeIfPresent(JSONValue.self, forKey: .customerID)
      customer = try container.decodeIfPresent(JSONValue.self, forKey: .customer)
      score = try? container.decodeIfPresent(Double.self, forKey: .score)
      comment = try? container.decodeIfPresent(String.self, forKey: .comment)
    }
  }

  /// Parses one line (without its newline).
  public static func parse(_ bytes: some Collection<UInt8>) throws(Problem) -> CustomerLine {
    let data = Data(String(decoding: bytes, as: UTF8.self).utf8)
    let wire: IncomingWire
    do {
      wire = try JSONDecoder().decode(IncomingWire.self, from: data)
    } catch {
      throw (try? JSONDecoder().decode(JSONValue.self, from: data)) == nil ? .notJSON : .notAnObject
    }
    guard let type = wire.type else { throw .missingType }
    switch type {
    case "hello":
      let customer = wire.customer == .null ? nil : wire.customer
      return .hello(customer: customer, customerID: wire.customerID?.text, token: wire.token)
    case "message":
      if wire.textIsUnreadable { throw .invalidText }
      guard let text = wire.text, !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
        throw .missingText
      }
      return .message(text)
    case "typing": return .typing
    case "rating": return try rating(wire)
    case "bye": return .bye
    default: throw .unknownType
    }
  }

  /// A rating line: the score must be a whole number on the scale; a blank comment counts as none.
  private static func rating(_ wire: IncomingWire) throws(Problem) -> CustomerLine {
    guard let score = wire.score, score == score.rounded(), SessionEventKind.ratingScale.contains(Int(score))
    else { throw .invalidScore }
    let comment = wire.comment?.trimmingCharacters(in: .whitespacesAndNewlines)
    return .rating(score: Int(score), comment: comment?.isEmpty == false ? comment : nil)
  }

  private struct Wire: Encodable {
    var type: String
    var customer: JSONValue?
    var customerID: String?
    var token: String?
    var text: String?
    var score: Int?
    var comment: String?

    enum CodingKeys: String, CodingKey {
      case type, customer, token, text, score, comment
      case customerID = "customer_id"
    }
  }

  /// The line as UTF-8 JSON followed by `\n` (what a customer client sends).
  public var encoded: [UInt8] {
    let wire =
      switch self {
      case .hello(let customer, let customerID, let token):
        Wire(type: "hello", customer: customer, customerID: customerID, token: token)
      case .message(let text): Wire(type: "message", text: text)
      case .typing: Wire(type: "typing")
      case .rating(let score, let comment): Wire(type: "rating", score: score, comment: comment)
      case .bye: Wire(type: "bye")
      }
    return jsonLine(wire)
  }

  /// The token a hello carries, if this is a hello.
  var token: String? {
    if case .hello(_, _, let token) = self { token } else { nil }
  }
}

/// A line the console sends to the customer side (see docs/live-protocol.md).
public enum ConsoleLine: Sendable, Equatable {
  /// A reply from the representative.
  case message(String)
  case typing
  /// The chat was handed over to a specialist; the customer stays connected. `text` says so to the customer.
  case handover(String)
  /// The chat is closed; a resolved chat's `closed` line is followed by a `rating_request`.
  case closed(SessionOutcome)
  /// Asks the customer to rate the closed chat from 1 to `scale`; the connection stays open for the
  /// answer for `seconds`.
  case ratingRequest(scale: Int, seconds: Int)
  case error(String)

  private struct Wire: Codable {
    var type: String
    var from: String?
    var text: String?
    var outcome: String?
    var message: String?
    var scale: Int?
    var seconds: Int?
  }

  /// What the `closed` line tells the customer, by outcome.
  public static func closingText(for outcome: SessionOutcome) -> String {
    switch outcome {
    case .resolved: "Thank you for contacting us. This chat is closed now; we hope we could help."
    case .escalated: "This chat was handed to a specialist, who will contact you about it."
    default: "This chat is closed. Write again any time if you still need help."
    }
  }

  /// What the `rating_request` line asks.
  public static let ratingQuestion = "How did we do? Rate this chat from 1 (poor) to 5 (excellent)."

  /// The line as UTF-8 JSON followed by `\n`.
  public var encoded: [UInt8] {
    let wire =
      switch self {
      case .message(let text): Wire(type: "message", from: "agent", text: text)
      case .typing: Wire(type: "typing")
      case .handover(let text): Wire(type: "handover", text: text)
      case .closed(let outcome):
        Wire(type: "closed", text: Self.closingText(for: outcome), outcome: outcome.rawValue)
      case .ratingRequest(let scale, let seconds):
        Wire(type: "rating_request", text: Self.ratingQuestion, scale: scale, seconds: seconds)
      case .error(let message): Wire(type: "error", message: message)
      }
    return jsonLine(wire)
  }

  /// Parses a console line (the customer client's side); `nil` for anything it does not know.
  public static func parse(_ bytes: some Collection<UInt8>) -> ConsoleLine? {
    guard let value = try? JSONValue.parse(bytes), case .string(let type) = value["type"] else { return nil }
    switch type {
    case "message": return value["text"]?.text.map(ConsoleLine.message)
    case "typing": return .typing
    case "handover": return .handover(value["text"]?.text ?? HandOverNotice.text)
    case "closed":
      return .closed(value["outcome"]?.text.flatMap(SessionOutcome.init(rawValue:)) ?? .abandoned)
    case "rating_request":
      return .ratingRequest(scale: value["scale"]?.integer ?? 5, seconds: value["seconds"]?.integer ?? 60)
    case "error": return .error(value["message"]?.text ?? "unknown error")
    default: return nil
    }
  }
}

/// `value` as one line of JSON; every protocol value encodes, so failure is not expected.
private func jsonLine(_ value: some Encodable) -> [UInt8] {
  let encoder = JSONEncoder()
  encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
  let data = (try? encoder.encode(value)) ?? Data(#"{"type":"error"}"#.utf8)
  return Array(data) + [UInt8(ascii: "\n")]
}
