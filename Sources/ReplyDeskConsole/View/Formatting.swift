import Foundation
import ReplyDeskCore

/// Short, locale-independent renderings of times, dates and money for the panes.
enum Formatting {
  static let monthNames = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
  ]

  /// "HH:mm" in `zone`.
  static func clock(_ date: Date, in zone: TimeZone) -> String {
    let seconds = Int(date.timeIntervalSince1970.rounded(.down)) + zone.secondsFromGMT(for: date)
    let minutesOfDay = ((seconds / 60) % 1440 + 1440) % 1440
    return String(format: "%02d:%02d", minutesOfDay / 60, minutesOfDay % 60)
  }

  /// "2026-12-01 14:05" in `zone`.
  static func dateTime(_ date: Date, in zone: TimeZone) -> String {
    let parts = components(date, zone)
    return String(format: "%04d-%02d-%02d ", parts.year, parts.month, parts.day) + clock(date, in: zone)
  }

  /// "Nov 28" in `zone`.
  static func day(_ date: Date, in zone: TimeZone, today: Date) -> String {
    let parts = components(date, zone)
    let day = "\(monthNames[parts.month - 1]) \(parts.day)"
    return parts.year == components(today, zone).year ? day : "\(day) \(parts.year)"
  }

  /// "Mar 2021" in `zone`.
  static func month(_ date: Date, in zone: TimeZone) -> String {
    let parts = components(date, zone)
    return "\(monthNames[parts.month - 1]) \(parts.year)"
  }

  private static let utcCalendar: Calendar = {
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = TimeZone(identifier: "UTC")!
    return calendar
  }()

  /// The local date in `zone`, read off a UTC calendar shifted by the zone's offset.
  private static func components(_ date: Date, _ zone: TimeZone) -> (year: Int, month: Int, day: Int) {
    let local = date.addingTimeInterval(Double(zone.secondsFromGMT(for: date)))
    let parts = utcCalendar.dateComponents([.year, .month, .day], from: local)
    return (parts.year ?? 1970, parts.month ?? 1, parts.day ?? 1)
  }

  /// "$54.98", "€3.50", "£0.99", or "12.00 CHF" for other currencies.
  static func money(_ money: Money) -> String {
    let sign = money.minorUnits < 0 ? "-" : ""
    let units = abs(money.minorUnits)
    let amount = "\(units / 100).\(String(format: "%02d", units % 100))"
    switch money.currency.uppercased() {
    case "USD": return "\(sign)$\(amount)"
    case "EUR": return "\(sign)€\(amount)"
    case "GBP": return "\(sign)£\(amount)"
    default: return "\(sign)\(amount) \(DisplayText.singleLine(money.currency))"
    }
  }

  /// "Gold", "Standard", … for a membership level.
  static func membership(_ level: Membership) -> String { level.rawValue.capitalized }
}
