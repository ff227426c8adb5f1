import Foundation

/// Turns what the terminal sends, one code at a time, into keys and pastes. Pure and clock-free
/// (time arrives with every call), so the driver feeds it from ncurses and tests feed it directly.
///
/// With bracketed paste on, the terminal wraps pasted text in `ESC [ 2 0 0 ~` … `ESC [ 2 0 1 ~`.
/// Everything between the markers becomes one `.paste` and never a key, so a pasted digit is text
/// and a pasted newline is not Enter. Rules for what does not fit that shape:
/// - A marker split across reads waits `markerWaitSeconds` for the rest. So does an Escape that came
///   alone: the Escape key reaches the console that much later, the price of never taking the tail
///   of a split start marker (and the paste after it) for keys.
/// - A start marker inside a paste is dropped (nothing nests); an end marker followed by more input
///   before a pause was part of the pasted text (a clipboard holding `ESC [ 2 0 1 ~`), so the paste
///   goes on: a paste ends at an end marker and a pause.
/// - A paste with no end marker is delivered once no input came for `pasteIdleSeconds`, and in pieces
///   of `pasteChunkScalars` while it keeps coming: nothing is lost and nothing turns into keys.
/// - An end marker outside a paste is dropped.
/// The pasted text is raw (controls included); `ComposerInputFilter.pasted` makes it fit for a reply.
struct TerminalInputDecoder {
  /// One code from the terminal: a character (a Unicode scalar, controls included), or a function
  /// key the terminal library already decoded.
  enum Raw: Equatable, Sendable {
    case scalar(UInt32)
    case key(Key)
  }

  /// What the console receives.
  enum Output: Equatable, Sendable {
    case key(Key)
    case paste(String)
  }

  static let pasteStart: [UInt32] = [27, 91, 50, 48, 48, 126]  // ESC [ 2 0 0 ~
  static let pasteEnd: [UInt32] = [27, 91, 50, 48, 49, 126]  // ESC [ 2 0 1 ~
  /// How long a partial marker (`ESC [ 2 0`) waits for the rest before it counts as typed keys.
  static let markerWaitSeconds = 0.1
  /// How long a paste with no end marker waits for more input before it is delivered as it is.
  static let pasteIdleSeconds = 1.0
  /// A paste longer than this is delivered in pieces of this many scalars.
  static let pasteChunkScalars = 262_144

  private enum Mode: Equatable {
    case normal
    /// After an Escape: the codes of a possible marker so far (starting with ESC).
    case escape([UInt32], since: Date)
    /// Inside a paste: `marker` holds a possible end (or nested start) marker so far.
    case paste(marker: [UInt32], ended: Bool)
  }

  private var mode = Mode.normal
  private var pasted = String.UnicodeScalarView()
  /// How many scalars `pasted` holds (the view counts in linear time).
  private var pastedCount = 0
  private var lastInput = Date.distantPast

  /// True while a paste is being collected.
  var isInPaste: Bool {
    if case .paste = mode { return true }
    return false
  }

  /// When `idle(at:)` will next deliver something that is waiting (a partial marker, a paste whose
  /// end never came); nil when nothing waits.
  var deadline: Date? {
    switch mode {
    case .normal: return nil
    case .escape(_, let since): return since + Self.markerWaitSeconds
    case .paste(_, let ended): return ended ? lastInput : lastInput + Self.pasteIdleSeconds
    }
  }

  /// Feeds one code read at `now`; returns what it completed.
  mutating func feed(_ raw: Raw, at now: Date) -> [Output] {
    lastInput = now
    var output: [Output] = []
    consume(raw, at: now, into: &output)
    return output
  }

  /// Feeds a block of characters read at `now` (the driver reads a paste's body in blocks); the
  /// same as feeding them one by one, with plain pasted text appended without the per-code steps.
  mutating func feed(_ scalars: String.UnicodeScalarView, at now: Date) -> [Output] {
    lastInput = now
    var output: [Output] = []
    var plain = isInPlainPaste
    for scalar in scalars {
      if plain, scalar.value != 27 {
        pasted.append(scalar)
        pastedCount += 1
        if pastedCount >= Self.pasteChunkScalars { deliverPaste(into: &output) }
        continue
      }
      consume(.scalar(scalar.value), at: now, into: &output)
      plain = isInPlainPaste
    }
    return output
  }

  /// Inside a paste, with no possible marker pending and no end marker just seen.
  private var isInPlainPaste: Bool {
    guard case .paste(let marker, let ended) = mode else { return false }
    return marker.isEmpty && !ended
  }

  /// Says no input is pending at `now`: delivers a paste that ended, and whatever waited past its
  /// deadline (an Escape alone, a partial marker, a paste whose end never came).
  mutating func idle(at now: Date) -> [Output] {
    var output: [Output] = []
    switch mode {
    case .normal:
      break
    case .escape(let codes, let since):
      if now.timeIntervalSince(since) >= Self.markerWaitSeconds {
        mode = .normal
        flushAsKeys(codes, at: now, into: &output)
      }
    case .paste(let marker, let ended):
      if ended {
        mode = .normal
        deliverPaste(into: &output)
      } else if now.timeIntervalSince(lastInput) >= Self.pasteIdleSeconds {
        append(marker)
        mode = .normal
        deliverPaste(into: &output)
      }
    }
    return output
  }

  private mutating func consume(_ raw: Raw, at now: Date, into output: inout [Output]) {
    switch mode {
    case .normal:
      switch raw {
      case .key(let key): output.append(.key(key))
      case .scalar(27): mode = .escape([27], since: now)
      case .scalar(let code): Self.characterKey(code).map { output.append(.key($0)) }
      }
    case .escape(let codes, let since):
      consumeAfterEscape(codes, since: since, raw, at: now, into: &output)
    case .paste(let marker, let ended):
      consumeInPaste(marker: marker, ended: ended, raw, at: now, into: &output)
    }
  }

  /// After ESC: a printable character is Alt plus it; `[` may start a marker; anything else means
  /// the Escape was a key of its own.
  private mutating func consumeAfterEscape(
    _ codes: [UInt32], since: Date, _ raw: Raw, at now: Date, into output: inout [Output]
  ) {
    guard case .scalar(let code) = raw else {
      mode = .normal
      flushAsKeys(codes, at: now, into: &output)
      consume(raw, at: now, into: &output)
      return
    }
    let next = codes + [code]
    if next == Self.pasteStart {
      mode = .paste(marker: [], ended: false)
      pasted = String.UnicodeScalarView()
      pastedCount = 0
      return
    }
    if next == Self.pasteEnd {
      mode = .normal
      return
    }
    if Self.isMarkerPrefix(next) {
      mode = .escape(next, since: since)
      return
    }
    if codes.count == 1, code >= 32, code != 127, let scalar = Unicode.Scalar(code) {
      mode = .normal
      output.append(.key(.alt(Character(scalar))))
      return
    }
    mode = .normal
    flushAsKeys(codes, at: now, into: &output)
    consume(raw, at: now, into: &output)
  }

  /// Codes that looked like the start of a marker and were not: ESC alone is Escape, ESC `[` is
  /// Alt-`[`, the rest are typed characters.
  private mutating func flushAsKeys(_ codes: [UInt32], at now: Date, into output: inout [Output]) {
    guard codes.count > 1 else {
      output.append(.key(.escape))
      return
    }
    output.append(.key(.alt("[")))
    for code in codes.dropFirst(2) { consume(.scalar(code), at: now, into: &output) }
  }

  private mutating func consumeInPaste(
    marker: [UInt32], ended: Bool, _ raw: Raw, at now: Date, into output: inout [Output]
  ) {
    // More input right after an end marker: that marker was pasted text, so the paste goes on.
    guard case .scalar(let code) = raw else {
      append(marker)
      if case .key(.enter) = raw { append([10]) }
      mode = .paste(marker: [], ended: false)
      chunkIfFull(into: &output)
      return
    }
    if marker.isEmpty {
      if code == 27 {
        mode = .paste(marker: [27], ended: false)
      } else {
        append([code])
        mode = .paste(marker: [], ended: false)
        chunkIfFull(into: &output)
      }
      return
    }
    let next = marker + [code]
    if next == Self.pasteEnd {
      mode = .paste(marker: [], ended: true)
    } else if next == Self.pasteStart {
      mode = .paste(marker: [], ended: false)
    } else if Self.isMarkerPrefix(next) {
      mode = .paste(marker: next, ended: false)
    } else {
      append(marker)
      mode = .paste(marker: [], ended: false)
      consumeInPaste(marker: [], ended: false, raw, at: now, into: &output)
    }
  }

  private mutating func append(_ codes: [UInt32]) {
    for code in codes {
      guard let scalar = Unicode.Scalar(code) else { continue }
      pasted.append(scalar)
      pastedCount += 1
    }
  }

  private mutating func chunkIfFull(into output: inout [Output]) {
    guard pastedCount >= Self.pasteChunkScalars else { return }
    deliverPaste(into: &output)
  }

  private mutating func deliverPaste(into output: inout [Output]) {
    if !pasted.isEmpty { output.append(.paste(String(pasted))) }
    pasted = String.UnicodeScalarView()
    pastedCount = 0
  }

  /// True when `codes` begin one of the two markers.
  private static func isMarkerPrefix(_ codes: [UInt32]) -> Bool {
    codes.count < pasteStart.count
      && (pasteStart.starts(with: codes) || pasteEnd.starts(with: codes))
  }

  /// The key a character code is outside a paste; nil for codes no key stands for.
  static func characterKey(_ code: UInt32) -> Key? {
    switch code {
    case 9: return .tab
    case 13: return .enter
    case 27: return .escape
    case 8, 127: return .backspace
    case 1...26: return .control(Character(Unicode.Scalar(code + 96)!))
    case 0, 28...31: return nil
    default: return Unicode.Scalar(code).map { .character(Character($0)) }
    }
  }
}
