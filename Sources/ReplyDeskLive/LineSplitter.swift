/// Cuts a byte stream into lines without ever holding more than `maximumLineBytes` of one line.
///
/// A line longer than the cap is reported as `.overlong` as soon as the cap is passed, so a peer
/// sending a 10 MB line costs at most the cap plus one read of memory.
public struct LineSplitter: Sendable {
  /// What feeding a chunk produced.
  public enum Output: Sendable, Equatable {
    /// A complete line, without its `\n` (and without a trailing `\r`).
    case line([UInt8])
    /// The current line passed the cap; the splitter must not be fed again.
    case overlong
  }

  public let maximumLineBytes: Int
  private var partial: [UInt8] = []
  private var isOverlong = false

  public init(maximumLineBytes: Int) {
    self.maximumLineBytes = maximumLineBytes
  }

  /// Bytes of the unfinished line held so far.
  public var bufferedBytes: Int { partial.count }

  /// Adds `chunk` and returns the complete lines in order; `.overlong` ends the output.
  public mutating func feed<Bytes: Collection<UInt8>>(_ chunk: Bytes) -> [Output] {
    guard !isOverlong else { return [.overlong] }
    var outputs: [Output] = []
    var start = chunk.startIndex
    while let newline = chunk[start...].firstIndex(of: UInt8(ascii: "\n")) {
      guard partial.count + chunk.distance(from: start, to: newline) <= maximumLineBytes else {
        return overflow(outputs)
      }
      partial.append(contentsOf: chunk[start..<newline])
      if partial.last == UInt8(ascii: "\r") { partial.removeLast() }
      outputs.append(.line(partial))
      partial.removeAll(keepingCapacity: true)
      start = chunk.index(after: newline)
    }
    guard partial.count + chunk.distance(from: start, to: chunk.endIndex) <= maximumLineBytes else {
      return overflow(outputs)
    }
    partial.append(contentsOf: chunk[start...])
    return outputs
  }

  private mutating func overflow(_ outputs: [Output]) -> [Output] {
    isOverlong = true
    partial = []
    return outputs + [.overlong]
  }
}
