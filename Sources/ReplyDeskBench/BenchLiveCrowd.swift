import Foundation
import ReplyDeskCore
import ReplyDeskLive
import ReplyDeskSimulation
import Synchronization

/// Simulated customers on real sockets, for `replydesk bench load`: each connects, says hello with
/// a generated profile and talks as a scripted customer, answering every agent message after
/// `thinkSeconds`. A customer who leaves (or whose chat is closed) is replaced at once by a new one,
/// so `count` customers stay connected. Runs on its own thread until `stop()`.
final class SocketCustomerCrowd: Sendable {
  private let endpoint: SocketEndpoint
  private let count: Int
  private let scenarios: [ScenarioSpec]
  private let seed: UInt64
  private let thinkSeconds: Double
  private let stopping = Atomic<Bool>(false)
  private let finished = DispatchSemaphore(value: 0)
  private let failure = Mutex<String?>(nil)
  private let sent = Atomic<Int>(0)

  init(endpoint: SocketEndpoint, count: Int, scenarios: [ScenarioSpec], seed: UInt64, thinkSeconds: Double) {
    self.endpoint = endpoint
    self.count = count
    self.scenarios = scenarios.isEmpty ? ScenarioSpec.builtInLibrary : scenarios
    self.seed = seed
    self.thinkSeconds = thinkSeconds
  }

  /// Messages the customers have sent so far.
  var messagesSent: Int { sent.load(ordering: .relaxed) }

  func start() {
    Thread { [self] in
      do {
        try run()
      } catch {
        failure.withLock { $0 = ErrorText.sentence(for: error) }
      }
      finished.signal()
    }.start()
  }

  /// Stops the customers, closes their sockets, and reports why they stopped early, if they did.
  func stop() throws {
    stopping.store(true, ordering: .relaxed)
    finished.wait()
    if let problem = failure.withLock({ $0 }) {
      throw SocketError("the simulated customers stopped: \(problem)")
    }
  }

  /// One connected customer: the scripted brain, the connection, and the next message it will send.
  private struct Member {
    var connection: CustomerConnection
    var customer: ScriptedCustomer
    var due: (text: String, at: Double, ends: Bool)?
  }

  private func run() throws {
    var profiles = ProfileGenerator(seed: seed)
    var random = SystemRandomNumberGenerator()
    var number = 0
    func newMember() throws -> Member {
      number += 1
      let spec = scenarios[number % scenarios.count]
      let generated = profiles.customer(for: spec.scenario, now: Date())
      let profile = generated.profile
      var customer = ScriptedCustomer(
        profile: profile, spec: spec, persona: spec.persona ?? .patient, seed: seed &+ UInt64(number),
        now: Date(), orderID: generated.orderID)
      let hello = CustomerLine.hello(customer: ProfileJSON.value(of: profile), customerID: nil, token: nil)
      let connection = try CustomerConnection(endpoint: endpoint, hello: hello)
      let opening = customer.opening()
      let jitter = Double.random(in: 0...max(thinkSeconds, 0.001), using: &random)
      return Member(
        connection: connection, customer: customer, due: (opening.text, Self.now + jitter, opening.endsChat))
    }
    var members = try (0..<count).map { _ in try newMember() }
    defer { members.forEach { $0.connection.close() } }
    while !stopping.load(ordering: .relaxed) {
      let nextDue = members.compactMap { $0.due?.at }.min() ?? Self.now + 0.05
      let timeout = Int32(max(0, min(50, (nextDue - Self.now) * 1000)).rounded(.up))
      var descriptors = members.map {
        pollfd(fd: $0.connection.descriptor, events: Int16(POLLIN), revents: 0)
      }
      guard poll(&descriptors, nfds_t(descriptors.count), timeout) >= 0 || errno == EINTR else {
        throw SocketError("poll failed: errno \(errno)")
      }
      for index in members.indices {
        var replace = descriptors[index].revents != 0 && !receive(&members[index])
        if !replace, let due = members[index].due, due.at <= Self.now {
          members[index].due = nil
          replace = !members[index].connection.send(.message(due.text))
          if !replace { sent.add(1, ordering: .relaxed) }
          if due.ends || members[index].customer.hasLeft {
            _ = members[index].connection.send(.bye)
            replace = true
          }
        }
        if replace {
          members[index].connection.close()
          members[index] = try newMember()
        }
      }
    }
  }

  /// Reads what the console sent; schedules the customer's answer to a reply. False when the chat
  /// is over (closed by the console, or the connection is gone).
  private func receive(_ member: inout Member) -> Bool {
    guard let lines = member.connection.receive() else { return false }
    for line in lines {
      switch line {
      case .message(let text):
        let answer = member.customer.respond(to: text) ?? member.customer.nudge()
        member.due = (answer.text, Self.now + thinkSeconds, answer.endsChat)
      case .closed: return false
      case .typing, .error, .handover, .ratingRequest: continue
      }
    }
    return true
  }

  private static var now: Double { Double(DispatchTime.now().uptimeNanoseconds) / 1e9 }
}
