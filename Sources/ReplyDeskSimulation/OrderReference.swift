import ReplyDeskCore

/// How simulated customers write an order's id, and which of a profile's orders a message names.
/// Customers write `RD-451884` as `RD-451884`, `451884` ("order 451884"), `#451884`, `rd451884` or
/// `rd-451884`; a message names an order by its digits in any of these forms, or by an item name no
/// other order of the profile has ("my desk lamp").
public enum OrderReference {
  /// The ways a customer may write `id`: the id itself first, then the other forms for an
  /// `RD-######` id (none for ids of other shapes).
  public static func forms(of id: String) -> [String] {
    guard let digits = digits(of: id) else { return [id] }
    return [id, digits, "#\(digits)", "rd\(digits)", "rd-\(digits)"]
  }

  /// The digits of an `RD-######` id, nil for other ids.
  static func digits(of id: String) -> String? {
    let parts = id.split(separator: "-", maxSplits: 1)
    guard parts.count == 2, parts[0] == "RD", !parts[1].isEmpty,
      parts[1].allSatisfy({ $0.isASCII && $0.isNumber })
    else {
      return nil
    }
    return String(parts[1])
  }

  /// The orders of `profile` that `text` names, by id in any form or by a distinctive item name, in
  /// the profile's order.
  public static func orders(namedIn text: String, profile: CustomerProfile) -> [Order] {
    let lowered = OrderStateLexicon.normalized(text)
    let numbers = digitRuns(in: lowered)
    return profile.orders.filter { order in
      if let digits = digits(of: order.id) {
        if numbers.contains(digits) { return true }
      } else if lowered.position(of: Array(order.id.lowercased().utf8)) != nil {
        return true
      }
      return distinctiveItems(of: order, in: profile).contains { lowered.position(of: Array($0.utf8)) != nil }
    }
  }

  /// Whether `text` writes `order`'s id in any form (an item name does not count).
  static func writesNumber(of order: Order, in text: String) -> Bool {
    let lowered = OrderStateLexicon.normalized(text)
    guard let digits = digits(of: order.id) else {
      return lowered.position(of: Array(order.id.lowercased().utf8)) != nil
    }
    return digitRuns(in: lowered).contains(digits)
  }

  /// Lowercased names of `order`'s items that no other order of `profile` has.
  static func distinctiveItems(of order: Order, in profile: CustomerProfile) -> [String] {
    let others = Set(
      profile.orders.filter { $0.id != order.id }.flatMap { $0.items.map { $0.name.lowercased() } })
    return order.items.map { $0.name.lowercased() }.filter { !others.contains($0) }
  }

  /// Every maximal run of ASCII digits in `text`.
  private static func digitRuns(in text: [UInt8]) -> Set<String> {
    var runs = Set<String>()
    var run: [UInt8] = []
    for byte in text + [32] {
      if (48...57).contains(byte) {
        run.append(byte)
      } else if !run.isEmpty {
        runs.insert(String(decoding: run, as: UTF8.self))
        run = []
      }
    }
    return runs
  }
}
