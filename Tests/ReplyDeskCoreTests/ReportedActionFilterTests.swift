import ReplyDeskCore
import Testing

/// `OrderStateReading.mayReportAction` lets `ReportedActions` skip a reply's reading only when the
/// reading would report no action.
@Suite struct ReportedActionFilterTests {
  @Test(arguments: [
    "Done: order RD-451884 is cancelled.", "I've cancelled it for you.", "I\u{2019}ve canceled order RD-1.",
    "Your order IS NOW CANCELLED, and I've started a refund.", "I opened a refund for you just now.",
    "Is it cancelled?", "If it is cancelled, the money comes back.", "It has shipped.", "",
  ])
  func skipsOnlyRepliesWhoseReadingReportsNoAction(text: String) {
    #expect(OrderStateReading(text).actions.isEmpty || OrderStateReading.mayReportAction(text))
  }

  @Test func letsThroughRepliesWithAnActionPhraseOnly() {
    #expect(OrderStateReading.mayReportAction("Done: order RD-451884 is cancelled."))
    #expect(OrderStateReading.mayReportAction("I\u{2019}VE STARTED A REFUND."))
    #expect(!OrderStateReading.mayReportAction("Your order has shipped and should arrive on Friday."))
  }
}
