import Foundation

/// Writes dates and money the way templates show them, in English, independent of the machine's
/// locale: the calendar (and its time zone) and "now" are passed in, so output is deterministic.
public struct ValueFormatter: Sendable {
  public var calendar: Calendar
  /// The moment `relative` dates are measured from.
  public var now: Date

  private static let months = [
    "January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
    "November", "December",
  ]
  private static let weekdays = [
    "Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday",
  ]
  private static let symbols = ["USD": "$", "EUR": "€", "GBP": "£", "JPY": "¥", "CAD": "CA$", "AUD": "A$"]
  private static let zeroDecimalCurrencies: Set<String> = ["JPY", "KRW"]

  /// A Gregorian calendar in UTC with the `en_US_POSIX` locale: the default for tests and the demo.
  public static var posixCalendar: Calendar {
    var calendar = Calendar(identifier: .gregorian)
    calendar.locale = Locale(identifier: "en_US_POSIX")
    calendar.timeZone = TimeZone(identifier: "UTC")!
    return calendar
  }

  public init(calendar: Calendar = ValueFormatter.posixCalendar, now: Date) {
    self.calendar = calendar
    self.now = now
  }

  /// Writes `date` in `format` (`date` when nil); non-date formats fall back to `date`.
  public func string(from date: Date, format: SlotFormat?) -> String {
    let parts = calendar.dateComponents([.year, .month, .day, .weekday], from: date)
    let month = Self.months[(parts.month ?? 1) - 1]
    let day = parts.day ?? 1
    switch format {
    case .weekday:
      return "\(Self.weekdays[(parts.weekday ?? 1) - 1]), \(month) \(day)"
    case .short:
      return "\(month.prefix(3)) \(day)"
    case .relative:
      return relative(date)
    default:
      return "\(month) \(day), \(parts.year ?? 1970)"
    }
  }

  private func relative(_ date: Date) -> String {
    let today = calendar.startOfDay(for: now)
    let days = calendar.dateComponents([.day], from: today, to: calendar.startOfDay(for: date)).day ?? 0
    switch days {
    case 0: return "today"
    case 1: return "tomorrow"
    case -1: return "yesterday"
    case 2...6: return "on \(Self.weekdays[(calendar.component(.weekday, from: date)) - 1])"
    case 7...: return "in \(days) days"
    default: return "\(-days) days ago"
    }
  }

  /// Writes `money` as "$1,042.50" (`money`, the default) or "1,042.50 USD" (`code`).
  public func string(from money: Money, format: SlotFormat?) -> String {
    let decimals = Self.zeroDecimalCurrencies.contains(money.currency) ? 0 : 2
    let scale = decimals == 0 ? 1 : 100
    let magnitude = money.minorUnits.magnitude
    var number = Self.grouped(magnitude / UInt(scale))
    if decimals > 0 {
      let cents = magnitude % UInt(scale)
      number += "." + (cents < 10 ? "0" : "") + String(cents)
    }
    let sign = money.minorUnits < 0 ? "-" : ""
    if format == .code { return "\(sign)\(number) \(money.currency)" }
    guard let symbol = Self.symbols[money.currency] else { return "\(sign)\(money.currency) \(number)" }
    return "\(sign)\(symbol)\(number)"
  }

  private static func grouped(_ value: UInt) -> String {
    let digits = Array(String(value))
    var result = ""
    for (index, digit) in digits.enumerated() {
      if index > 0 && (digits.count - index) % 3 == 0 { result.append(",") }
      result.append(digit)
    }
    return result
  }

  /// Applies a text format (`upper`, `lower`, `capitalized`); other formats leave `text` unchanged.
  public func string(from text: String, format: SlotFormat?) -> String {
    switch format {
    case .upper: return text.uppercased()
    case .lower: return text.lowercased()
    case .capitalized: return text.prefix(1).uppercased() + text.dropFirst()
    default: return text
    }
  }
}
