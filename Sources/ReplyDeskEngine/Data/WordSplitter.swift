/// Splits text into lowercased words, digit runs and single punctuation marks. Template
/// placeholders `{order.id}` or `{amount|currency}` become slot tokens such as `<slot_id>`.
public enum WordSplitter {
  public static func words(_ text: String, templateSlots: Bool = false) -> [String] {
    var out: [String] = []
    var current = ""
    var currentIsDigit = false
    var slot: String?
    func flush() {
      if !current.isEmpty { out.append(current) }
      current = ""
    }
    for character in text.lowercased() {
      if var open = slot {
        if character == "}" {
          out.append(slotToken(open))
          slot = nil
        } else {
          open.append(character)
          slot = open.count > 64 ? nil : open
        }
        continue
      }
      if templateSlots && character == "{" {
        flush()
        slot = ""
      } else if character.isLetter {
        if currentIsDigit { flush() }
        currentIsDigit = false
        current.append(character)
      } else if character.isNumber {
        if !currentIsDigit { flush() }
        currentIsDigit = true
        current.append(character)
      } else {
        flush()
        if !character.isWhitespace { out.append(String(character)) }
      }
    }
    flush()
    return out
  }

  /// `<slot_name>` for a key path such as `order.refund.amount|currency` (last component, letters
  /// and digits only).
  public static func slotToken(_ path: String) -> String {
    let name = path.split(separator: "|").first.map(String.init) ?? path
    let last = name.split(separator: ".").last.map(String.init) ?? name
    let clean = String(last.lowercased().filter { $0.isLetter || $0.isNumber })
    return "<slot_\(clean)>"
  }
}

/// FNV-1a, 32 bits: the hash behind n-gram buckets and exact-match keys (stable across runs).
public enum FNV1a {
  public static func hash(_ text: String, seed: UInt32 = 2_166_136_261) -> UInt32 {
    var h = seed
    for byte in text.utf8 {
      h = (h ^ UInt32(byte)) &* 16_777_619
    }
    return h
  }
}
