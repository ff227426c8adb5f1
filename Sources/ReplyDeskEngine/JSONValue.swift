import Foundation

/// Any JSON value, for profiles that are arbitrary JSON objects.
public enum JSONValue: Sendable, Equatable, Codable {
  case string(String)
  case number(Double)
  case bool(Bool)
  case null
  case array([JSONValue])
  case object([String: JSONValue])

  public init(from decoder: Decoder) throws {
    let container = try decoder.singleValueContainer()
    if container.decodeNil() {
      self = .null
    } else if let value = try? container.decode(Bool.self) {
      self = .bool(value)
    } else if let value = try? container.decode(Double.self) {
      self = .number(value)
    } else if let value = try? container.decode(String.self) {
      self = .string(value)
    } else if let value = try? container.decode([JSONValue].self) {
      self = .array(value)
    } else {
      self = .object(try container.decode([String: JSONValue].self))
    }
  }

  /// Converts a `JSONSerialization` result (much faster than `Codable` on large corpora).
  public init?(serialized value: Any) {
    switch value {
    case let text as String: self = .string(text)
    case let number as NSNumber:
      if String(cString: number.objCType) == "c" {
        self = .bool(number.boolValue)
      } else {
        self = .number(number.doubleValue)
      }
    case let items as [Any]: self = .array(items.compactMap { JSONValue(serialized: $0) })
    case let fields as [String: Any]: self = .object(fields.compactMapValues { JSONValue(serialized: $0) })
    case is NSNull: self = .null
    default: return nil
    }
  }

  /// Parses JSON text with `JSONSerialization`.
  public static func parse(_ data: Data) throws -> JSONValue {
    let object = try JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed])
    guard let value = JSONValue(serialized: object) else { throw CorpusError("unsupported JSON value") }
    return value
  }

  public func encode(to encoder: Encoder) throws {
    var container = encoder.singleValueContainer()
    switch self {
    case .string(let value): try container.encode(value)
    case .number(let value): try container.encode(value)
    case .bool(let value): try container.encode(value)
    case .null: try container.encodeNil()
    case .array(let value): try container.encode(value)
    case .object(let value): try container.encode(value)
    }
  }

  /// Every scalar leaf with the key it sits under (array items take their array's key),
  /// in a stable order (object keys sorted).
  public var leaves: [(key: String, value: JSONValue)] {
    var out: [(key: String, value: JSONValue)] = []
    collectLeaves(key: "", into: &out)
    return out
  }

  private func collectLeaves(key: String, into out: inout [(key: String, value: JSONValue)]) {
    switch self {
    case .array(let items): for item in items { item.collectLeaves(key: key, into: &out) }
    case .object(let fields):
      for name in fields.keys.sorted() { fields[name]!.collectLeaves(key: name, into: &out) }
    case .null: break
    default: out.append((key, self))
    }
  }

  /// The leaf as text: numbers without a trailing ".0" when integral.
  public var scalarText: String? {
    switch self {
    case .string(let value): return value
    case .number(let value):
      if value.rounded() == value && abs(value) < 1e15 { return String(Int64(value)) }
      return String(value)
    case .bool(let value): return value ? "true" : "false"
    default: return nil
    }
  }
}
