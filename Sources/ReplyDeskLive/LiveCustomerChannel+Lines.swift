import Foundation
import ReplyDeskCore

extension LiveCustomerChannel {
  /// The scenario every live chat reports: the console learns the topic from the messages.
  public static let scenario = "live"

  /// Handles one complete line from `connection`: rate limit, token, then the protocol.
  func handle(_ bytes: [UInt8], from connection: LiveConnection, now: Date, into events: inout [ChannelEvent])
  {
    guard !bytes.allSatisfy({ $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") }) else { return }
    guard connection.limiter.admit(now: now) else {
      cutOff(connection, "Too many lines too fast; disconnected.", into: &events)
      return
    }
    let line: CustomerLine
    do {
      line = try CustomerLine.parse(bytes)
    } catch {
      if connection.needsToken {
        failLogin(connection, now: now, into: &events)
      } else {
        reply(.error(error.description), to: connection, into: &events)
      }
      return
    }
    if connection.needsToken {
      guard let token, token.matches(line.token) else {
        failLogin(connection, now: now, into: &events)
        return
      }
      connection.needsToken = false
      if let address = connection.address { backoff.recordSuccess(from: address) }
    }
    switch line {
    case .hello(let customer, let customerID, _):
      greet(connection, customer: customer, customerID: customerID, into: &events)
    case .message(let text):
      guard connection.isChatting else {
        let refusal =
          connection.isAwaitingRating
          ? "This chat is closed: send a rating from 1 to 5, or bye to leave."
          : "Say hello before sending messages."
        reply(.error(refusal), to: connection, into: &events)
        return
      }
      events.append(ChannelEvent(chat: connection.chat, kind: .message(text)))
    case .rating(let score, let comment):
      guard connection.isAwaitingRating else {
        reply(
          .error("Nothing to rate yet: a rating answers the rating_request sent when the chat closes."),
          to: connection, into: &events)
        return
      }
      events.append(ChannelEvent(chat: connection.chat, kind: .rated(score: score, comment: comment)))
      connection.close()
    case .typing:
      if connection.isChatting { events.append(ChannelEvent(chat: connection.chat, kind: .typing)) }
    case .bye:
      cutOff(connection, nil, into: &events)
    }
  }

  /// Cuts off a peer that showed a wrong token or none, and counts it against its address.
  private func failLogin(_ connection: LiveConnection, now: Date, into events: inout [ChannelEvent]) {
    var notice = "Authentication failed; check the token file and connect again."
    if let address = connection.address {
      let delay = backoff.recordFailure(from: address, now: now)
      if delay > 0 {
        notice = "Authentication failed; this address may try again in \(Int(delay.rounded(.up))) s."
      }
    }
    cutOff(connection, notice, into: &events)
  }

  private func greet(
    _ connection: LiveConnection, customer: JSONValue?, customerID: String?, into events: inout [ChannelEvent]
  ) {
    guard connection.phase == .greeting else {
      reply(.error("This chat has already said hello."), to: connection, into: &events)
      return
    }
    let profile: CustomerProfile
    if let customer {
      guard customer.isObject else {
        reply(.error("\"customer\" must be a JSON object."), to: connection, into: &events)
        return
      }
      profile = LenientProfile.profile(from: customer, fallbackID: customerID ?? connection.chat.rawValue)
    } else if let customerID {
      guard let profiles else {
        reply(
          .error("This console has no profiles file; send a \"customer\" object."), to: connection,
          into: &events)
        return
      }
      guard let found = profiles.profile(id: customerID) else {
        reply(.error("Unknown customer_id."), to: connection, into: &events)
        return
      }
      profile = found
    } else {
      reply(
        .error("A hello needs a \"customer\" object or a \"customer_id\"."), to: connection, into: &events)
      return
    }
    connection.phase = .chatting
    events.append(
      ChannelEvent(chat: connection.chat, kind: .arrived(profile: profile, scenario: Self.scenario)))
  }

  /// Sends `line`; a peer that cannot take it is cut off.
  private func reply(_ line: ConsoleLine, to connection: LiveConnection, into events: inout [ChannelEvent]) {
    if !connection.queue(line) { cutOff(connection, nil, into: &events) }
  }
}
