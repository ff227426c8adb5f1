import CNcursesw
import Foundation
import Synchronization

/// True while a driver has bracketed paste on, so an exit that skips `end()` still turns it off.
private let bracketedPasteActive = Atomic<Bool>(false)

/// The only code that talks to ncurses: sets the terminal up, decodes keys and pastes, and flushes
/// the cells that changed between the previous grid and the next one. Use from one thread only.
final class TerminalDriver {
  /// What one read from the keyboard produced.
  enum Input: Equatable {
    case key(Key)
    /// Text the terminal delivered as one bracketed paste (raw: filter it before use).
    case paste(String)
    case resize(Size)
  }

  /// Asks the terminal to wrap pasted text in `ESC [ 200 ~` … `ESC [ 201 ~` (xterm's mode 2004).
  static let bracketedPasteOn = "\u{1B}[?2004h"
  static let bracketedPasteOff = "\u{1B}[?2004l"

  private let window: UnsafeMutablePointer<WINDOW>
  private let screen: OpaquePointer?
  private var previous: CellGrid?
  private var cursorVisible: Int32 = -1
  private var attributes: [StyleRole: (attrs: attr_t, pair: Int16)] = [:]
  private var decoder = TerminalInputDecoder()
  /// Inputs decoded but not returned yet (one code can complete several).
  private var decoded: [Input] = []
  private var pasteModeOn = false
  /// The keyboard's descriptor, read directly while a paste comes in (see `readPasteBlock`).
  private let inputDescriptor: Int32
  /// The first bytes of a character split between two blocks of a paste.
  private var splitCharacter: [UInt8] = []
  private(set) var size: Size

  /// Takes over the terminal on stdin/stdout.
  init(theme: Theme, colorMode: ColorMode) throws {
    Self.prepareLocale()
    guard isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1 else {
      throw ConsoleError("the console needs an interactive terminal")
    }
    guard let window = initscr() else { throw ConsoleError("cannot initialise the terminal") }
    self.window = window
    screen = nil
    inputDescriptor = STDIN_FILENO
    size = Size(width: Int(replydesk_cols()), height: Int(replydesk_lines()))
    configure(theme: theme, colorMode: colorMode)
    startBracketedPaste()
  }

  /// Draws into a terminal of type `terminalType` whose output goes to `path` and whose keyboard
  /// reads `inputPath` (for benchmarks).
  init(
    headless size: Size, terminalType: String, theme: Theme, output path: String = "/dev/null",
    input inputPath: String = "/dev/null"
  ) throws {
    Self.prepareLocale()
    guard let output = fopen(path, "w"), let input = fopen(inputPath, "r"),
      let screen = newterm(terminalType, output, input)
    else { throw ConsoleError("cannot open a \(terminalType) screen on \(path)") }
    set_term(screen)
    resizeterm(Int32(size.height), Int32(size.width))
    guard let window = replydesk_stdscr() else { throw ConsoleError("no screen window") }
    self.window = window
    self.screen = screen
    inputDescriptor = fileno(input)
    self.size = size
    configure(theme: theme, colorMode: .color)
  }

  /// Turns bracketed paste on; `end()` (or, failing that, process exit) turns it off again. The
  /// sequence goes straight to the terminal: ncurses' `putp` would leave it in stdio's buffer.
  private func startBracketedPaste() {
    _ = Self.turnOffAtExit
    Self.writeToTerminal(Self.bracketedPasteOn)
    pasteModeOn = true
    bracketedPasteActive.store(true, ordering: .relaxed)
  }

  /// Registered once: on `exit()` with bracketed paste still on, writes the sequence that ends it.
  private static let turnOffAtExit: Void = {
    atexit {
      guard bracketedPasteActive.exchange(false, ordering: .relaxed) else { return }
      TerminalDriver.writeToTerminal(TerminalDriver.bracketedPasteOff)
    }
  }()

  private static func writeToTerminal(_ sequence: String) {
    let bytes = Array(sequence.utf8)
    _ = bytes.withUnsafeBytes { write(STDOUT_FILENO, $0.baseAddress, $0.count) }
  }

  private static func prepareLocale() {
    setlocale(LC_ALL, "")
    let current = String(cString: setlocale(LC_CTYPE, nil)).lowercased()
    if !current.contains("utf-8"), !current.contains("utf8") { setlocale(LC_CTYPE, "C.UTF-8") }
  }

  private func configure(theme: Theme, colorMode: ColorMode) {
    raw()
    noecho()
    nonl()
    set_escdelay(25)
    keypad(window, true)
    nodelay(window, true)
    let noColorRequested = !(ProcessInfo.processInfo.environment["NO_COLOR"] ?? "").isEmpty
    let useColor =
      colorMode == .color || (colorMode == .auto && !noColorRequested)
    var colors = false
    if useColor, has_colors() {
      start_color()
      use_default_colors()
      colors = true
    }
    let available = Int(replydesk_colors())
    for role in StyleRole.allCases {
      let style = theme.style(for: role)
      var attrs = replydesk_attr_normal()
      if style.bold { attrs |= replydesk_attr_bold() }
      if style.underline { attrs |= replydesk_attr_underline() }
      if style.reverse { attrs |= replydesk_attr_reverse() }
      if style.dim { attrs |= replydesk_attr_dim() }
      var pair: Int16 = 0
      if colors {
        func index(_ color: Int?) -> Int16 { color.map { $0 < available ? Int16($0) : -1 } ?? -1 }
        pair = role.pairNumber
        init_pair(pair, index(style.foreground), index(style.background))
      }
      attributes[role] = (attrs, pair)
    }
  }

  /// Flushes the cells of `grid` that differ from the last flushed grid, then the cursor.
  func flush(_ grid: CellGrid) {
    if previous?.size != grid.size { werase(window) }
    var buffer: [wchar_t] = []
    for change in GridDiff.changes(from: previous, to: grid) {
      let style = attributes[change.cell.role] ?? (replydesk_attr_normal(), 0)
      buffer.removeAll(keepingCapacity: true)
      for scalar in change.cell.text.unicodeScalars { buffer.append(wchar_t(bitPattern: scalar.value)) }
      buffer.append(0)
      _ = replydesk_put_cell(
        window, Int32(change.position.y), Int32(change.position.x), buffer, style.attrs, style.pair)
    }
    let wantCursor: Int32 = grid.cursor == nil ? 0 : 1
    if wantCursor != cursorVisible {
      curs_set(wantCursor)
      cursorVisible = wantCursor
    }
    if let cursor = grid.cursor { wmove(window, Int32(cursor.y), Int32(cursor.x)) }
    wnoutrefresh(window)
    doupdate()
    previous = grid
  }

  /// The next key, paste or resize, or nil when no input is pending. Every code goes through the
  /// `TerminalInputDecoder`, which holds a paste until its end marker (and a pause) arrived.
  func read() -> Input? {
    if !decoded.isEmpty { return decoded.removeFirst() }
    while true {
      if decoder.isInPaste {
        let now = Date()
        let outputs: [TerminalInputDecoder.Output]
        if let block = readPasteBlock(at: now) {
          guard !block.isEmpty else { continue }
          outputs = block
        } else {
          outputs = decoder.idle(at: now)
          if !decoder.isInPaste { splitCharacter = [] }
          if outputs.isEmpty { return nil }
        }
        enqueue(outputs)
        return decoded.removeFirst()
      }
      var code: wint_t = 0
      let status = wget_wch(window, &code)
      let now = Date()
      let outputs: [TerminalInputDecoder.Output]
      if status == KEY_CODE_YES {
        if Int32(code) == KEY_RESIZE {
          size = Size(width: Int(replydesk_cols()), height: Int(replydesk_lines()))
          keypad(window, true)
          nodelay(window, true)
          previous = nil
          return .resize(size)
        }
        guard let key = Self.functionKey(Int32(code)) else { continue }
        outputs = decoder.feed(.key(key), at: now)
      } else if status == OK {
        outputs = decoder.feed(.scalar(UInt32(code)), at: now)
      } else {
        outputs = decoder.idle(at: now)
        if outputs.isEmpty { return nil }
      }
      guard !outputs.isEmpty else { continue }
      enqueue(outputs)
      return decoded.removeFirst()
    }
  }

  private func enqueue(_ outputs: [TerminalInputDecoder.Output]) {
    decoded += outputs.map { output -> Input in
      switch output {
      case .key(let key): return .key(key)
      case .paste(let text): return .paste(text)
      }
    }
  }

  /// While a paste comes in, reads the keyboard in blocks with `read(2)` instead of ncurses, which
  /// reads one byte per system call (two calls per character of a 30 KB paste), and decodes UTF-8
  /// here. ncurses holds nothing back at that point: the start marker's `~` ended its look-ahead for
  /// a key sequence. The block goes to the decoder; nil when no input is waiting.
  private func readPasteBlock(at now: Date) -> [TerminalInputDecoder.Output]? {
    guard hasPendingInput else { return nil }
    var block = [UInt8](repeating: 0, count: 65_536)
    let count = block.withUnsafeMutableBytes { Glibc.read(inputDescriptor, $0.baseAddress, $0.count) }
    guard count > 0 else { return nil }
    var bytes = splitCharacter + block[0..<count]
    splitCharacter = Self.incompleteTail(of: bytes)
    bytes.removeLast(splitCharacter.count)
    return decoder.feed(String(decoding: bytes, as: UTF8.self).unicodeScalars, at: now)
  }

  /// True when the keyboard has input waiting now (or has hung up).
  private var hasPendingInput: Bool {
    var descriptor = pollfd(fd: inputDescriptor, events: Int16(POLLIN), revents: 0)
    return poll(&descriptor, 1, 0) > 0 && descriptor.revents & Int16(POLLIN) != 0
  }

  /// The bytes at the end of `bytes` that begin a UTF-8 character whose remaining bytes have not
  /// arrived yet.
  static func incompleteTail(of bytes: [UInt8]) -> [UInt8] {
    guard !bytes.isEmpty else { return [] }
    for back in 1...min(3, bytes.count) {
      let byte = bytes[bytes.count - back]
      if byte & 0xC0 == 0x80 { continue }
      let length = byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : byte >= 0xC0 ? 2 : 1
      return length > back ? Array(bytes.suffix(back)) : []
    }
    return []
  }

  /// When a partial escape sequence or an unfinished paste is due to be delivered even if no more
  /// input comes: the runner wakes by then and reads again.
  var inputDeadline: Date? { decoder.deadline }

  /// Rings the terminal bell (or flashes the screen where the terminal has no bell).
  func ringBell() {
    beep()
  }

  private static func functionKey(_ code: Int32) -> Key? {
    switch code {
    case KEY_UP: return .up
    case KEY_DOWN: return .down
    case KEY_LEFT: return .left
    case KEY_RIGHT: return .right
    case KEY_HOME: return .home
    case KEY_END: return .end
    case KEY_PPAGE: return .pageUp
    case KEY_NPAGE: return .pageDown
    case KEY_BACKSPACE: return .backspace
    case KEY_DC: return .delete
    case KEY_BTAB: return .backTab
    case KEY_ENTER: return .enter
    default:
      return (1...12).first { replydesk_key_f(Int32($0)) == code }.map { .function($0) }
    }
  }

  /// Gives the terminal back.
  func end() {
    if pasteModeOn {
      Self.writeToTerminal(Self.bracketedPasteOff)
      pasteModeOn = false
      bracketedPasteActive.store(false, ordering: .relaxed)
    }
    endwin()
    if let screen { delscreen(screen) }
  }
}
