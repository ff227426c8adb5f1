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
