import Foundation
import PostgresNIO
import ReplyDeskStore

/// One connection to the server, used by one caller at a time, with blocking calls: every
/// method waits on its future from the caller's thread (never an event-loop thread) and turns
/// failures into `StoreError` sentences. A dropped connection is opened again on the next call.
/// `lock` guards `connection`, hence the unchecked sendability.
final class PostgresLink: @unchecked Sendable {
  let address: PostgresAddress
  let configuration: PostgresConnection.Configuration
  private let lock = NSLock()
  private var connection: PostgresConnection?
  /// How long a statement may go unanswered before the connection counts as lost.
  private var answerTimeout: TimeInterval = 30
  /// Runs on the first connection that opens (the schema's migration), then never again.
  private var preparation: ((PostgresSession) throws -> Void)?
  /// Quiet: failures come back as errors, and nothing may print under the console's screen.
  private let logger: Logger = {
    var logger = Logger(label: "replydesk.postgres-store")
    logger.logLevel = .critical
    return logger
  }()

  init(address: PostgresAddress, password: String?) throws {
    self.address = address
    var configuration = PostgresConnection.Configuration(
      host: address.host, port: address.port, username: address.user, password: password,
      database: address.database, tls: try Self.tls(for: address.host))
    configuration.options.connectTimeout = .seconds(5)
    self.configuration = configuration
  }

  /// A link with a configuration made already (a second connection to the same server).
  init(address: PostgresAddress, configuration: PostgresConnection.Configuration) {
    self.address = address
    self.configuration = configuration
  }

  deinit {
    // The connection must outlive its closing (PostgresNIO checks), so the callback keeps it.
    guard let open = connection else { return }
    open.close().whenComplete { _ in withExtendedLifetime(open) {} }
  }

  /// Sets how long a statement may go unanswered before the connection counts as lost.
  func answer(within seconds: TimeInterval) {
    lock.withLock { answerTimeout = seconds }
  }

  /// Runs `prepare` on the first session that reaches the server, before its body; until it has
  /// succeeded once, every new session tries it again.
  func prepareOnFirstUse(_ prepare: @escaping (PostgresSession) throws -> Void) {
    lock.withLock { preparation = prepare }
  }

  /// Runs `body` with the connection held, so its statements are not interleaved with another
  /// thread's (a transaction is one `withSession`).
  func withSession<T>(_ body: (PostgresSession) throws -> T) throws -> T {
    lock.lock()
    defer { lock.unlock() }
    let open: PostgresConnection
    if let connection, !connection.isClosed {
      open = connection
    } else {
      do {
        open = try PostgresConnection.connect(
          on: PostgresConnection.defaultEventLoopGroup.next(), configuration: configuration, id: 1,
          logger: logger
        ).wait()
      } catch {
        throw StoreError.unreachable(location: address.description, detail: Self.reason(error))
      }
      connection = open
    }
    do {
      let session = PostgresSession(
        connection: open, logger: logger, location: address.description, answerTimeout: answerTimeout)
      if let preparation {
        try preparation(session)
        self.preparation = nil
      }
      return try body(session)
    } catch StoreError.unreachable(let location, let detail) {
      // A connection that failed or stopped answering is not used again.
      connection = nil
      open.close().whenComplete { _ in withExtendedLifetime(open) {} }
      throw StoreError.unreachable(location: location, detail: detail)
    }
  }

  /// Runs `body` between BEGIN and COMMIT; any error rolls back and is rethrown.
  func transaction<T>(_ body: (PostgresSession) throws -> T) throws -> T {
    try withSession { try $0.transaction(body) }
  }

  /// What went wrong, in words: the server's message, or the network's.
  static func reason(_ error: any Error) -> String {
    guard let psql = error as? PSQLError else { return String(describing: error) }
    if let message = psql.serverInfo?[.message] { return message }
    if let underlying = psql.underlying { return String(describing: underlying) }
    return psql.code.description
  }

  private static func tls(for host: String) throws -> PostgresConnection.Configuration.TLS {
    if ["127.0.0.1", "localhost", "::1"].contains(host) { return .disable }
    return .prefer(try NIOSSLContext(configuration: .makeClientConfiguration()))
  }
}

/// The held connection inside `PostgresLink.withSession`: blocking statements with errors as
/// `StoreError`s that name the store.
struct PostgresSession {
  let connection: PostgresConnection
  let logger: Logger
  let location: String
  /// How long a statement may go without an answer before the connection counts as lost: a
  /// server killed mid-query can leave a query unanswered forever (postgres-nio issue #487), and
  /// so can a network that drops packets; the outbox's writer must get on with a new connection.
  let answerTimeout: TimeInterval

  /// Runs one statement and returns its rows.
  @discardableResult
  func query(_ query: PostgresQuery) throws -> [PostgresRow] {
    let answer = Answer<[PostgresRow]>()
    connection.query(query, logger: logger).whenComplete { answer.set($0.map(\.rows)) }
    return try wait(for: answer)
  }

  /// Runs a prepared statement (the connection prepares it on first use) and returns its rows.
  func execute<Statement: PostgresPreparedStatement>(_ statement: Statement) throws -> [Statement.Row]
  where Statement.Row: Sendable {
    let answer = Answer<[Statement.Row]>()
    let (connection, logger) = (connection, logger)
    // On the connection's event loop, not the shared pool: a caller blocked here may be one of
    // the pool's few threads, and the task must run all the same.
    Task(executorPreference: EventLoopExecutor(loop: connection.eventLoop)) {
      do {
        var rows: [Statement.Row] = []
        for try await row in try await connection.execute(statement, logger: logger) { rows.append(row) }
        answer.set(.success(rows))
      } catch {
        answer.set(.failure(error))
      }
    }
    return try wait(for: answer)
  }

  /// The statement's result, once it came within `answerTimeout`.
  private func wait<Value>(for answer: Answer<Value>) throws -> Value {
    guard let result = answer.wait(seconds: answerTimeout) else {
      throw StoreError.unreachable(
        location: location, detail: "the server did not answer within \(Int(answerTimeout)) s")
    }
    do {
      return try result.get()
    } catch {
      throw storeError(error)
    }
  }

  /// Runs `body` between BEGIN and COMMIT; any error rolls back and is rethrown.
  func transaction<T>(_ body: (PostgresSession) throws -> T) throws -> T {
    try execute("BEGIN")
    do {
      let value = try body(self)
      try execute("COMMIT")
      return value
    } catch {
      try? execute("ROLLBACK")
      throw error
    }
  }

  /// Runs statements without parameters, one after the other.
  func execute(_ statements: String...) throws {
    try execute(statements)
  }

  /// Runs statements without parameters, one after the other.
  func execute(_ statements: [String]) throws {
    for sql in statements { try query(PostgresQuery(unsafeSQL: sql)) }
  }

  /// Maps a server or network error onto a store error.
  func storeError(_ error: any Error) -> StoreError {
    if let storeError = error as? StoreError { return storeError }
    let reason = PostgresLink.reason(error)
    guard let psql = error as? PSQLError else { return .writeFailed(path: location, detail: reason) }
    guard psql.code == .server else { return .unreachable(location: location, detail: reason) }
    let state = psql.serverInfo?[.sqlState] ?? ""
    // Class 08 is a broken connection, 57P a server shutting down, crashing or starting up.
    if state.hasPrefix("08") || state.hasPrefix("57P") {
      return .unreachable(location: location, detail: reason)
    }
    switch state {
    case "42501": return .notPermitted(location: location, detail: reason)
    case "23503": return .invalidEvent("a session must start before its other events (\(reason))")
    default: return .writeFailed(path: location, detail: reason)
    }
  }
}

/// The answer to one statement, handed from the event loop to the waiting caller.
private final class Answer<Value>: @unchecked Sendable {
  private let lock = NSLock()
  private let answered = DispatchSemaphore(value: 0)
  private var result: Result<Value, any Error>?

  func set(_ result: Result<Value, any Error>) {
    lock.withLock { self.result = result }
    answered.signal()
  }

  /// The result, or nil when none came within `seconds`.
  func wait(seconds: TimeInterval) -> Result<Value, any Error>? {
    guard answered.wait(timeout: .now() + seconds) == .success else { return nil }
    return lock.withLock { result }
  }
}

/// Runs a task's jobs on a NIO event loop.
private final class EventLoopExecutor: TaskExecutor {
  let loop: any EventLoop

  init(loop: any EventLoop) { self.loop = loop }

  func enqueue(_ job: consuming ExecutorJob) {
    let job = UnownedJob(job)
    let executor = asUnownedTaskExecutor()
    loop.execute { job.runSynchronously(on: executor) }
  }
}
