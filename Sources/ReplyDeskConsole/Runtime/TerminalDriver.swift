import CNcursesw
import Foundation

/// The only code that talks to ncurses: sets the terminal up, decodes keys, and flushes the
/// cells that changed between the previous grid and the next one. Use from one thread only.
final class TerminalDriver {
  /// What one read from the keyboard produced.
  enum Input: Equatable {
    case key(Key)
    case resize(Size)
  }

  private let window: UnsafeMutablePointer<WINDOW>
  private let screen: OpaquePointer?
  private var previous: CellGrid?
  private var cursorVisible: Int32 = -1
  private var attributes: [StyleRole: (attrs: attr_t, pair: Int16)] = [:]
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
    size = Size(width: Int(replydesk_cols()), height: Int(replydesk_lines()))
    configure(theme: theme, colorMode: colorMode)
  }

  /// Draws into a terminal of type `terminalType` whose output goes to `path` (for benchmarks).
  init(headless size: Size, terminalType: String, theme: Theme, output path: String = "/dev/null") throws {
    Self.prepareLocale()
    guard let output = fopen(path, "w"), let input = fopen("/dev/null", "r"),
      let screen = newterm(terminalType, output, input)
    else { throw ConsoleError("cannot open a \(terminalType) screen on \(path)") }
    set_term(screen)
    resizeterm(Int32(size.height), Int32(size.width))
    guard let window = replydesk_stdscr() else { throw ConsoleError("no screen window") }
    self.window = window
    self.screen = screen
    self.size = size
    configure(theme: theme, colorMode: .color)
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

  /// The next key or resize, or nil when no input is pending.
  func read() -> Input? {
    var code: wint_t = 0
    let status = wget_wch(window, &code)
    if status == KEY_CODE_YES {
      if Int32(code) == KEY_RESIZE {
        size = Size(width: Int(replydesk_cols()), height: Int(replydesk_lines()))
        keypad(window, true)
        nodelay(window, true)
        previous = nil
        return .resize(size)
      }
      return Self.functionKey(Int32(code)).map { .key($0) } ?? read()
    }
    guard status == OK else { return nil }
    if code == 27, let key = readAlt() { return .key(key) }
    return Self.characterKey(UInt32(code)).map { .key($0) } ?? read()
  }

  /// After an Escape, the key that arrived with it as Alt plus that key; nil (a plain Escape)
  /// when nothing followed. A function key that followed is pushed back for the next read.
  private func readAlt() -> Key? {
    var code: wint_t = 0
    let status = wget_wch(window, &code)
    if status == KEY_CODE_YES {
      ungetch(Int32(code))
      return nil
    }
    guard status == OK, code >= 32, code != 127, let scalar = Unicode.Scalar(UInt32(code)) else {
      if status == OK { unget_wch(wchar_t(bitPattern: UInt32(code))) }
      return nil
    }
    return .alt(Character(scalar))
  }

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

  private static func characterKey(_ code: UInt32) -> Key? {
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

  /// Gives the terminal back.
  func end() {
    endwin()
    if let screen { delscreen(screen) }
  }
}
