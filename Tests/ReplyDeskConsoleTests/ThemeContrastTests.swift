import Foundation
import Testing

@testable import ReplyDeskConsole

/// Every coloured theme keeps text readable: at least 4.5:1 (WCAG AA) between each role's text and
/// its background, computed from the theme files on the terminals each theme is meant for.
@Suite struct ThemeContrastTests {
  /// An sRGB colour, 0-255 per channel.
  private typealias RGB = (red: Double, green: Double, blue: Double)

  /// The terminal's own colours a role without `fg` or `bg` falls back to: dark themes are checked
  /// on black and on a dark grey, the light theme on white and on a light grey.
  private static let terminals: [String: [(text: RGB, background: RGB)]] = [
    "dark": [((208, 208, 208), (0, 0, 0)), ((208, 208, 208), (28, 28, 28))],
    "high-contrast": [((208, 208, 208), (0, 0, 0)), ((208, 208, 208), (28, 28, 28))],
    "light": [((0, 0, 0), (255, 255, 255)), ((0, 0, 0), (238, 238, 238))],
  ]

  /// xterm's 256-colour palette.
  private static func rgb(_ index: Int) -> RGB {
    let system: [RGB] = [
      (0, 0, 0), (205, 0, 0), (0, 205, 0), (205, 205, 0), (0, 0, 238), (205, 0, 205), (0, 205, 205),
      (229, 229, 229), (127, 127, 127), (255, 0, 0), (0, 255, 0), (255, 255, 0), (92, 92, 255),
      (255, 0, 255), (0, 255, 255), (255, 255, 255),
    ]
    if index < 16 { return system[index] }
    if index < 232 {
      let levels: [Double] = [0, 95, 135, 175, 215, 255]
      let cube = index - 16
      return (levels[cube / 36], levels[cube / 6 % 6], levels[cube % 6])
    }
    let grey = Double(8 + 10 * (index - 232))
    return (grey, grey, grey)
  }

  private static func luminance(_ colour: RGB) -> Double {
    func linear(_ channel: Double) -> Double {
      let value = channel / 255
      return value <= 0.03928 ? value / 12.92 : pow((value + 0.055) / 1.055, 2.4)
    }
    return 0.2126 * linear(colour.red) + 0.7152 * linear(colour.green) + 0.0722 * linear(colour.blue)
  }

  private static func ratio(_ first: RGB, _ second: RGB) -> Double {
    let (a, b) = (luminance(first), luminance(second))
    return (max(a, b) + 0.05) / (min(a, b) + 0.05)
  }

  @Test(arguments: ["dark", "light", "high-contrast"])
  func everyRoleReachesFourAndAHalfToOne(name: String) throws {
    let theme = try Theme.load(named: name, searchPaths: [ThemeTests.themesDirectory])
    for (role, style) in theme.styles {
      #expect(!style.dim, "\(name).\(role) is dim: its contrast depends on the terminal")
      for terminal in Self.terminals[name] ?? [] {
        var text = style.foreground.map(Self.rgb) ?? terminal.text
        var background = style.background.map(Self.rgb) ?? terminal.background
        if style.reverse { swap(&text, &background) }
        let contrast = Self.ratio(text, background)
        #expect(contrast >= 4.5, "\(name).\(role): \(String(format: "%.2f", contrast)):1")
      }
    }
  }

  @Test func theCheckCatchesALowContrastRole() throws {
    let theme = try Theme.parse(yaml: "name: t\nroles:\n  status: { fg: 238, reverse: true }\n", file: "t.yaml")
    let style = theme.style(for: .status)
    let contrast = Self.ratio(Self.rgb(0), Self.rgb(style.foreground ?? 0))
    #expect(contrast < 4.5, "the footer colour the review measured at about 2.2:1")
  }
}
