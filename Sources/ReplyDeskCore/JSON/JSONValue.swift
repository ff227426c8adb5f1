import Foundation

/// The project's one JSON value: profiles from peers and corpora, protocol lines and query files.
/// Read leniently: accessors return `nil` for a missing or mistyped value instead of failing, so a
/// peer's extra or odd fields never break a line.
public enum JSONValue: Sendable, Equatable, Codable {
  case null
  case bool(Bool)
  case number(Double)
  case string(String)
  case array([JSONValue])
  case object([String: JSONValue])

  public init(from decoder: any Decoder) throws {
    let container = try decoder.singleValueContainer()
    if container.decodeNil() {
      self = .null
    } else if let bool = try? container.decode(Bool.self) {
      self = .bool(bool)
    } else if let number = try? container.decode(Double.self) {
      self = .number(number)
    } else if let string = try? container.decode(String.self) {
      self = .string(string)
    } else if let array = try? container.decode([JSONValue].self) {
      self = .array(array)
    } else {
      self = .object(try container.decode([String: JSONValue].self))
    }
  }

  public func encode(to encoder: any Encoder) throws {
    var container = encoder.singleValueContainer()
    switch self {
    case .null: try container.encodeNil()
    case .bool(let value): try container.encode(value)
    case .number(let value): try container.encode(value)
    case .string(let value): try container.encode(value)
    case .array(let values): try container.encode(values)
    case .object(let members): try container.encode(members)
    }
  }

  /// Converts a `JSONSerialization` result (much faster than `Codable` on large corpora).
  public init?(serialized value: Any) {
    switch value {
    case let text as String: self = .string(text)
    case let number as NSNumber:
      self = String(cString: number.objCType) == "c" ? .bool(number.boolValue) : .number(number.doubleValue)
    case let items as [Any]: self = .array(items.compactMap { JSONValue(serialized: $0) })
    case let fields as [String: Any]: self = .object(fields.compactMapValues { JSONValue(serialized: $0) })
    case is NSNull: self = .null
    default: return nil
    }
  }

  /// Parses one JSON text; invalid UTF-8 is repaired with U+FFFD first.
  public static func parse(_ bytes: some Collection<UInt8>) throws -> JSONValue {
    let data = Data(bytes)
    let text =
      String(data: data, encoding: .utf8) == nil ? Data(String(decoding: data, as: UTF8.self).utf8) : data
    let object = try JSONSerialization.jsonObject(with: text, options: [.fragmentsAllowed])
    guard let value = JSONValue(serialized: object) else { throw JSONValueError.unsupported }
    return value
  }

  /// The member whose key matches `names` ignoring case, `_` and `-` (`first_name` = `firstName`).
  public subscript(_ names: String...) -> JSONValue? {
    guard case .object(let members) = self else { return nil }
    for name in names {
      if let exact = members[name] { return exact }
    }
    let wanted = Set(names.map(Self.normalizedKey))
    return members.first { wanted.contains(Self.normalizedKey($0.key)) }?.value
  }

  /// The value as text; numbers and booleans are written out, other kinds are `nil`.
  public var text: String? {
    switch self {
    case .string(let value): value
    case .number(let value):
      value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
    case .bool(let value): String(value)
    default: nil
    }
  }

  /// The value as a number; numeric strings such as `"12.50"` count.
  public var number: Double? {
    switch self {
    case .number(let value): value.isFinite ? value : nil
    case .string(let value):
      Double(value.trimmingCharacters(in: .whitespaces)).flatMap { $0.isFinite ? $0 : nil }
    default: nil
    }
  }

  /// The value as a whole number within ±1e12 (larger values are treated as missing).
  public var integer: Int? {
    guard let number, abs(number) <= 1e12 else { return nil }
    return Int(number.rounded())
  }

  /// The elements of an array; anything else is an empty list.
  public var elements: [JSONValue] {
    if case .array(let values) = self { values } else { [] }
  }

  /// Whether the value is an object.
  public var isObject: Bool {
    if case .object = self { true } else { false }
  }

  /// Every scalar leaf with the key it sits under (array items take their array's key) and its
  /// path of object keys from the root (`orders.refund.status`), in a stable order (object keys
  /// sorted).
  public var leaves: [(key: String, path: String, value: JSONValue)] {
    var out: [(key: String, path: String, value: JSONValue)] = []
    collectLeaves(key: "", path: "", into: &out)
    return out
  }

  private func collectLeaves(
    key: String, path: String, into out: inout [(key: String, path: String, value: JSONValue)]
  ) {
    switch self {
    case .array(let items): for item in items { item.collectLeaves(key: key, path: path, into: &out) }
    case .object(let fields):
      for name in fields.keys.sorted() {
        fields[name]!.collectLeaves(key: name, path: path.isEmpty ? name : path + "." + name, into: &out)
      }
    case .null: break
    default: out.append((key, path, self))
    }
  }

  private static func normalizedKey(_ key: String) -> String {
    key.lowercased().filter { $0 != "_" && $0 != "-" }
  }
}

/// Why a JSON text could not become a `JSONValue`.
public enum JSONValueError: Error, Equatable {
  case unsupported
}
