import Foundation

/// A one-line progress bar on standard error, redrawn in place.
public struct ProgressBar {
  public let title: String
  private var lastPercent = -1

  public init(title: String) { self.title = title }

  public mutating func show(_ fraction: Double) {
    let percent = Int((min(1, max(0, fraction)) * 100).rounded(.down))
    guard percent != lastPercent else { return }
    lastPercent = percent
    let filled = percent * 30 / 100
    let bar = String(repeating: "█", count: filled) + String(repeating: "·", count: 30 - filled)
    FileHandle.standardError.write(Data("\r\(title) [\(bar)] \(percent)%".utf8))
  }

  public func finish(_ message: String) {
    FileHandle.standardError.write(Data("\r\(title) done. \(message)\u{1B}[K\n".utf8))
  }
}
