import Foundation

/// A non-blocking pipe a background worker writes a byte to so the console's `poll` wakes up.
final class WakePipe: Sendable {
  /// Readable whenever a byte was signalled and not drained yet.
  let readDescriptor: Int32
  private let writeDescriptor: Int32

  init(name: String) throws {
    var ends: [Int32] = [0, 0]
    guard pipe(&ends) == 0 else {
      throw ConsoleError("cannot create the \(name) pipe: errno \(errno)")
    }
    for end in ends { _ = fcntl(end, F_SETFL, fcntl(end, F_GETFL) | O_NONBLOCK) }
    readDescriptor = ends[0]
    writeDescriptor = ends[1]
  }

  deinit {
    close(readDescriptor)
    close(writeDescriptor)
  }

  /// Makes the read end readable.
  func signal() {
    var byte: UInt8 = 1
    _ = write(writeDescriptor, &byte, 1)
  }

  /// Reads every pending byte.
  func drain() {
    var buffer = [UInt8](repeating: 0, count: 64)
    while read(readDescriptor, &buffer, buffer.count) > 0 {}
  }
}
