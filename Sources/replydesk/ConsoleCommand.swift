import ArgumentParser
import Foundation
import ReplyDeskConsole
import ReplyDeskCore
import ReplyDeskLive
import ReplyDeskStore

/// `replydesk console` (the default): the console for live customers, who connect over a local
/// Unix socket or, with `--listen`, over TCP with a shared token. See docs/live-protocol.md.
struct ConsoleCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "console",
    abstract: "Open the console for live customers connecting over a socket (the default command).")

  @Option(
    help:
      "Unix socket to listen on (default: $XDG_RUNTIME_DIR/replydesk/console.sock, else under $REPLYDESK_HOME/run)."
  )
  var socket: String?

  @Option(help: "Also listen on TCP HOST:PORT, for example 127.0.0.1:7070 (needs --token-file).")
  var listen: String?

  @Option(help: "File whose first line is the token TCP customers must send in their hello.")
  var tokenFile: String?

  @Option(help: "Profiles file (JSON array or JSON lines) that a hello can name by customer_id.")
  var profiles: String?

  @OptionGroup var launch: ConsoleLaunchOptions

  func validate() throws {
    if listen != nil, tokenFile == nil { throw ValidationError("--listen needs --token-file") }
    if listen == nil, tokenFile != nil { throw ValidationError("--token-file is only used with --listen") }
    if let listen {
      do {
        _ = try SocketEndpoint.tcp(listen)
      } catch {
        throw ValidationError("--listen: \(ErrorText.sentence(for: error))")
      }
    }
  }

  func run() throws {
    signal(SIGPIPE, SIG_IGN)
    let channel = try makeChannel()
    defer { channel.stop() }
    for listener in channel.listeners {
      FileHandle.standardError.write(Data("Listening for customers on \(listener.endpoint)\n".utf8))
    }
    try launch.assembly.runConsole(channelName: "live") { _ in channel }
  }

  /// The Unix listener, the TCP one if asked for, and the profiles and token they need.
  private func makeChannel() throws -> LiveCustomerChannel {
    let directory = try profiles.map { path throws(ProfileDirectory.LoadError) in
      try ProfileDirectory.load(path: path)
    }
    let token = try tokenFile.map { path throws(SharedToken.LoadError) in try Self.loadToken(path: path) }
    let tcpEndpoint = try listen.map { text throws(SocketEndpoint.ParseError) in try SocketEndpoint.tcp(text)
    }
    var listeners = [try unixListener()]
    if case .tcp(let host, let port) = tcpEndpoint {
      if tcpEndpoint?.isLoopback == false {
        Self.warn("--listen \(host):\(port) accepts other machines; the token and chats travel unencrypted.")
      }
      do {
        listeners.append(try SocketListener.tcp(host: host, port: port))
      } catch {
        listeners[0].close()
        throw error
      }
    }
    return try LiveCustomerChannel(listeners: listeners, profiles: directory, token: token)
  }

  private func unixListener() throws -> SocketListener {
    guard let socket else {
      let path = Self.defaultSocketPath()
      try LiveSocketLocation.preparePrivateDirectory(for: path)
      return try SocketListener.unix(path: path)
    }
    return try SocketListener.unix(path: socket)
  }

  /// The socket the console listens on and the customer client connects to by default.
  static func defaultSocketPath() -> String {
    LiveSocketLocation.defaultPath(
      environment: ProcessInfo.processInfo.environment, home: ReplyDeskHome().directory)
  }

  private static func loadToken(path: String) throws(SharedToken.LoadError) -> SharedToken {
    var status = stat()
    if stat(path, &status) == 0, status.st_mode & 0o077 != 0 {
      warn("\(path) is readable by other users; chmod 600 it.")
    }
    return try SharedToken.load(path: path)
  }

  private static func warn(_ message: String) {
    FileHandle.standardError.write(Data("warning: \(message)\n".utf8))
  }
}
