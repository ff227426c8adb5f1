import ReplyDeskCore
import Testing

@Test(arguments: [
  ("refunded", "refund"), ("refunds", "refund"), ("refunding", "refund"), ("cancelled", "cancel"),
  ("cancellation", "cancel"), ("canceled", "cancel"), ("deliveries", "deliver"), ("delivery", "deliver"),
  ("delivered", "deliver"), ("shipped", "ship"), ("shipping", "ship"), ("addresses", "address"),
  ("status", "status"), ("charged", "charg"), ("charges", "charg"), ("orders", "order"),
])
func stemsMergeWordForms(word: String, stem: String) {
  #expect(TextAnalyzer.stem(word) == stem)
}

@Test func tokensAreLowercasedWithoutStopWordsAndKeepTheirSurface() {
  let tokens = TextAnalyzer.tokens("Hi, I'd like THE refund for my Orders!")
  #expect(tokens.map(\.stem) == ["hi", "refund", "order"])
  #expect(tokens.map(\.surface) == ["hi", "refund", "orders"])
}

@Test func numbersAndApostrophesSurvive() {
  #expect(TextAnalyzer.terms("order RD-482913 hasn't shipped") == ["order", "rd", "482913", "hasnt", "ship"])
}

@Test func nonASCIITextIsLowercasedAndSplitTheSameWay() {
  let words = TextAnalyzer.words("Ünë CAFÉ — it’s 42€, naïve!")
  #expect(words.map(\.word) == ["ünë", "café", "its", "42", "naïve"])
  #expect(words.map(\.surface) == ["ünë", "café", "it's", "42", "naïve"])
  #expect(TextAnalyzer.words("It's CAFE 42").map(\.surface) == ["it's", "cafe", "42"])
}
