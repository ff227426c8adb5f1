import Foundation
import ReplyDeskCore

/// A line the customer side sends (see docs/live-protocol.md).
public enum CustomerLine: Sendable, Equatable {
  /// Opens the chat with an inline profile (`customer`) or an id to look up (`customer_id`).
  case hello(customer: JSONValue?, customerID: String?, token: String?)
  case message(String)
  case typing
  case bye

  /// Why a line was refused; the description is sent back to the peer as an `error` line.
  public enum Problem: Error, Equatable, CustomStringConvertible {
    case notJSON
    case notAnObject
    case missingType
    case unknownType
    case missingText
    /// `text` is a string JSON allows but Unicode does not (a lone surrogate escape like `\ud800`).
    case invalidText

    public var description: String {
      switch self {
      case .notJSON: "The line is not valid JSON."
      case .notAnObject: "Each line must be one JSON object."
      case .missingType: "The object has no \"type\" string."
      case .unknownType: "Unknown \"type\"; expected hello, message, typing or bye."
      case .missingText: "A message needs a non-empty \"text\" string."
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

    enum CodingKeys: String, CodingKey {
      case type, text, token, customer
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
    case "bye": return .bye
    default: throw .unknownType
    }
  }

  private struct Wire: Encodable {
    var type: String
    var customer: JSONValue?
    var customerID: String?
    var token: String?
    var text: String?

    enum CodingKeys: String, CodingKey {
      case type, customer, token, text
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
  case closed(SessionOutcome)
  case error(String)

  private struct Wire: Codable {
    var type: String
    var from: String?
    var text: String?
    var outcome: String?
    var message: String?
  }

  /// The line as UTF-8 JSON followed by `\n`.
  public var encoded: [UInt8] {
    let wire =
      switch self {
      case .message(let text): Wire(type: "message", from: "agent", text: text)
      case .typing: Wire(type: "typing")
      case .closed(let outcome): Wire(type: "closed", outcome: outcome.rawValue)
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
    case "closed":
      return .closed(value["outcome"]?.text.flatMap(SessionOutcome.init(rawValue:)) ?? .abandoned)
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
