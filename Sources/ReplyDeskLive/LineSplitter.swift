/// Cuts a byte stream into lines without ever holding more than `maximumLineBytes` of one line.
///
/// A line longer than the cap is reported as `.overlong` as soon as the cap is passed, so a peer
/// sending a 10 MB line costs at most the cap plus one read of memory. By default that ends the
/// stream; a splitter that `skipsOverlongLines` drops the rest of that line and carries on.
public struct LineSplitter: Sendable {
  /// What feeding a chunk produced.
  public enum Output: Sendable, Equatable {
    /// A complete line, without its `\n` (and without a trailing `\r`).
    case line([UInt8])
    /// A line passed the cap.
    case overlong
  }

  public let maximumLineBytes: Int
  public let skipsOverlongLines: Bool
  private var partial: [UInt8] = []
  /// Ended by an overlong line (when not skipping them).
  private var isOverlong = false
  /// Dropping the rest of an overlong line up to its newline.
  private var isSkipping = false

  public init(maximumLineBytes: Int, skipsOverlongLines: Bool = false) {
    self.maximumLineBytes = maximumLineBytes
    self.skipsOverlongLines = skipsOverlongLines
  }

  /// Bytes of the unfinished line held so far.
  public var bufferedBytes: Int { partial.count }

  /// Adds `chunk` and returns what it completed, in order. Once a splitter that does not skip
  /// has reported `.overlong`, it reports only that.
  public mutating func feed<Bytes: Collection<UInt8>>(_ chunk: Bytes) -> [Output] {
    guard !isOverlong else { return [.overlong] }
    var outputs: [Output] = []
    var start = chunk.startIndex
    while start < chunk.endIndex {
      let newline = chunk[start...].firstIndex(of: UInt8(ascii: "\n"))
      let end = newline ?? chunk.endIndex
      if !isSkipping {
        if partial.count + chunk.distance(from: start, to: end) > maximumLineBytes {
          outputs.append(.overlong)
          partial = []
          guard skipsOverlongLines else {
            isOverlong = true
            return outputs
          }
          isSkipping = true
        } else {
          partial.append(contentsOf: chunk[start..<end])
        }
      }
      guard let newline else { break }
      if isSkipping {
        isSkipping = false
      } else {
        if partial.last == UInt8(ascii: "\r") { partial.removeLast() }
        outputs.append(.line(partial))
        partial.removeAll(keepingCapacity: true)
      }
      start = chunk.index(after: newline)
    }
    return outputs
  }
}
