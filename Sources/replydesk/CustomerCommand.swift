import ArgumentParser
import Foundation
import ReplyDeskApp
import ReplyDeskCore
import ReplyDeskLive

/// `replydesk customer`: chat as a customer with a running console, one line per message.
struct CustomerCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "customer",
    abstract: "Chat as a customer with a running console (type a line to send it; /bye to leave).")

  @Option(help: "The console's Unix socket path or TCP HOST:PORT (default: the console's default socket).")
  var connect: String?

  @Option(help: "JSON file with this customer's profile object, sent in the hello.")
  var profile: String?

  @Option(
    name: .customLong("customer-id"), help: "Customer id for the console to look up in its --profiles file.")
  var customerID: String?

  @Option(help: "The customer's name when no --profile is given.")
  var name = "Guest Customer"

  @Option(help: "File whose first line is the console's TCP token (needed with HOST:PORT).")
  var tokenFile: String?

  func run() throws {
    signal(SIGPIPE, SIG_IGN)
    let endpoint: SocketEndpoint
    do {
      endpoint =
        try connect.map { text throws(SocketEndpoint.ParseError) in try SocketEndpoint.parse(text) }
        ?? .unix(path: ConsoleCommand.defaultSocketPath())
    } catch {
      throw CommandFailure(error.description)
    }
    let client = CustomerClient(endpoint: endpoint, hello: try hello(for: endpoint))
    if try client.run() == .disconnected { throw ExitCode(3) }
  }

  /// The hello line: the profile file's object, or an id, or just a name; the token for TCP.
  private func hello(for endpoint: SocketEndpoint) throws -> CustomerLine {
    var token: String?
    if case .tcp = endpoint {
      guard let tokenFile else { throw ValidationError("Connecting over TCP needs --token-file.") }
      token = try SharedToken.load(path: tokenFile).text
    }
    guard let profile else {
      let customer: JSONValue? = customerID == nil ? .object(["name": .string(name)]) : nil
      return .hello(customer: customer, customerID: customerID, token: token)
    }
    let value: JSONValue
    do {
      value = try JSONValue.parse(try Data(contentsOf: URL(fileURLWithPath: profile)))
    } catch {
      throw ProfileFileError(description: "Cannot read the profile \(profile): \(error.localizedDescription)")
    }
    guard value.isObject else { throw ProfileFileError(description: "\(profile) must hold one JSON object.") }
    return .hello(customer: value, customerID: customerID, token: token)
  }
}

/// A `--profile` file that cannot be sent.
private struct ProfileFileError: Error, CustomStringConvertible {
  var description: String
}
