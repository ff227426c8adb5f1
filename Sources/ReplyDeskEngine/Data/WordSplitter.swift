/// Splits text into lowercased words, digit runs and single punctuation marks. Template
/// placeholders `{order.id}` or `{amount|currency}` become slot tokens such as `<slot_id>`.
enum WordSplitter {
  static func words(_ text: String, templateSlots: Bool = false) -> [String] {
    let plain = templateSlots ? asciiWordsWithSlots(text) : asciiWords(text)
    return plain ?? unicodeWords(text, templateSlots: templateSlots)
  }

  /// The split read character by character, for any text.
  static func unicodeWords(_ text: String, templateSlots: Bool) -> [String] {
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

  /// The same split read byte by byte, for text that is plain ASCII without carriage returns (nil
  /// otherwise): what every request's context turns nearly always are.
  static func asciiWords(_ text: String) -> [String]? {
    var text = text
    return text.withUTF8 { bytes -> [String]? in
      guard !bytes.contains(where: { $0 >= 0x80 || $0 == 0x0D }) else { return nil }
      let lower = bytes.map { (0x41...0x5A).contains($0) ? $0 | 0x20 : $0 }
      var out: [String] = []
      var start: Int?
      var runIsDigit = false
      for (index, byte) in lower.enumerated() {
        let isDigit = (0x30...0x39).contains(byte)
        if isDigit || (0x61...0x7A).contains(byte) {
          if let first = start, runIsDigit != isDigit {
            out.append(String(decoding: lower[first..<index], as: UTF8.self))
            start = nil
          }
          if start == nil { (start, runIsDigit) = (index, isDigit) }
          continue
        }
        if let first = start { out.append(String(decoding: lower[first..<index], as: UTF8.self)) }
        start = nil
        if byte != 0x20 && !(0x09...0x0D).contains(byte) { out.append(String(UnicodeScalar(byte))) }
      }
      if let first = start { out.append(String(decoding: lower[first...], as: UTF8.self)) }
      return out
    }
  }

  /// The template split read byte by byte (`asciiWords` between the slots, each `{slot}` its
  /// token), for ASCII text without carriage returns whose every slot closes within 64 characters
  /// (nil otherwise): what template and reply texts nearly always are.
  static func asciiWordsWithSlots(_ text: String) -> [String]? {
    var out: [String] = []
    var rest = Substring(text)
    while let open = rest.firstIndex(of: "{") {
      guard let literal = asciiWords(String(rest[..<open])) else { return nil }
      let name = rest[rest.index(after: open)...].prefix { $0 != "}" }
      guard name.endIndex < rest.endIndex, name.utf8.count <= 64,
        !name.utf8.contains(where: { $0 >= 0x80 || $0 == 0x0D })
      else { return nil }
      out += literal
      out.append(slotToken(String(name)))
      rest = rest[rest.index(after: name.endIndex)...]
    }
    guard let tail = asciiWords(String(rest)) else { return nil }
    return out + tail
  }

  /// `<slot_name>` for a key path such as `order.tracking_number|title` (the last component,
  /// letters and digits only). A field of a refund is prefixed with `refund`
  /// (`order.refund.status` is `<slot_refundstatus>`), so a refund's status or amount never reads
  /// as the order's.
  static func slotToken(_ path: String) -> String {
    let name = path.split(separator: "|").first.map(String.init) ?? path
    let components = name.lowercased().split(separator: ".")
    let last = components.last.map(String.init) ?? name.lowercased()
    let clean = String(last.filter { $0.isLetter || $0.isNumber })
    let ofRefund = components.dropLast().contains { $0 == "refund" || $0 == "refunds" }
    return "<slot_\(ofRefund ? "refund" : "")\(clean)>"
  }
}

/// FNV-1a, 32 bits: the hash behind n-gram buckets and exact-match keys (stable across runs).
enum FNV1a {
  static func hash(_ text: String, seed: UInt32 = 2_166_136_261) -> UInt32 {
    hash(bytes: text.utf8, seed: seed)
  }

  /// The hash of `bytes`; hashing one piece after another (the last hash as the next seed) gives the
  /// hash of their concatenation.
  static func hash(bytes: some Sequence<UInt8>, seed: UInt32 = 2_166_136_261) -> UInt32 {
    var h = seed
    for byte in bytes {
      h = (h ^ UInt32(byte)) &* 16_777_619
    }
    return h
  }
}
