import Foundation
import ReplyDeskCore

@testable import ReplyDeskEngine

/// A tiny corpus where only the profile tells the replies apart: the customer asks the same
/// questions whatever the order's status, and the agent states the status; each reply's hard
/// negatives are the replies stating the other statuses.
enum GroundedCorpus {
  static let replies: [(status: OrderStatus, text: String)] = [
    (.processing, "Your order is still being packed at the warehouse."),
    (.shipped, "Your order is with the courier and on the way."),
    (.delivered, "Your order was handed over at your door."),
  ]
  static let questions = ["where is my order", "any news on my parcel?", "has it arrived yet"]
  static let now = Date(timeIntervalSince1970: 1_764_590_400)

  static func profile(_ status: OrderStatus) -> CustomerProfile {
    let order = Order(
      id: "RD-451884", items: [OrderItem(name: "Kettle", price: Money(minorUnits: 2500))], status: status,
      placedOn: now - 5 * 86_400, deliveryDate: now + (status == .delivered ? -2 : 2) * 86_400)
    return CustomerProfile(id: "c", firstName: "Ada", lastName: "Lovelace", orders: [order])
  }

  static func turns(_ question: String, reply: String? = nil) -> [Turn] {
    [Turn(id: 1, speaker: .customer, text: question, time: now)]
      + (reply.map { [Turn(id: 2, speaker: .agent, text: $0, time: now)] } ?? [])
  }

  static func conversations() -> [CorpusConversation] {
    replies.flatMap { status, text in
      questions.enumerated().map { index, question in
        var conversation = CorpusConversation(
          id: "\(status.rawValue)-\(index)", profile: profile(status), turns: turns(question, reply: text),
          domain: "status")
        conversation.negativeTexts[1] = replies.filter { $0.status != status }.map(\.text)
        return conversation
      }
    }
  }

  static func setUp(seed: UInt64 = 3) -> (TrainingData, RankerModel) {
    let conversations = conversations()
    let config = SyntheticCorpus.config()
    let vocabulary = TrainingData.vocabulary(conversations, config: config)
    let data = TrainingData(conversations, vocabulary: vocabulary, config: config)
    return (data, RankerModel(config: config, vocabulary: vocabulary, seed: seed))
  }
}
