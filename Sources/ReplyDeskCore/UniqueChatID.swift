import Foundation

extension ChatID {
  /// A chat id no other process or machine makes: `<prefix>-<unix ms>-<16 hex digits>`, the
  /// digits a random 64-bit number from the system's generator. Many consoles may write one store,
  /// so a counter or the clock alone is never enough.
  public static func unique(_ prefix: String, at time: Date) -> ChatID {
    var generator = SystemRandomNumberGenerator()
    return unique(prefix, at: time, using: &generator)
  }

  /// `unique(_:at:)` with the random part drawn from `generator`.
  public static func unique(
    _ prefix: String, at time: Date, using generator: inout some RandomNumberGenerator
  ) -> ChatID {
    let milliseconds = Int64((time.timeIntervalSince1970 * 1000).rounded(.down))
    let random = String(generator.next() as UInt64, radix: 16)
    let padded = String(repeating: "0", count: 16 - random.count) + random
    return ChatID("\(prefix)-\(milliseconds)-\(padded)")
  }
}
