import Testing

@testable import ReplyDeskEngine

/// Training examples: which text is learned as the reply, and which replies count as the same.
struct TrainingDataTests {
  static let template = "Your refund of {refund.amount} reaches you by {refund.date}."

  /// Two chats whose agents sent the same template filled with different amounts and dates.
  static func conversations(labelled: Bool) -> [CorpusConversation] {
    [("$12.00", "June 3"), ("$80.50", "May 29")].enumerated().map { index, values in
      var conversation = CorpusConversation(
        id: "c\(index)", profile: .object(["name": .string("Ada")]),
        turns: [
          (0, "where is my refund"), (1, "Your refund of \(values.0) reaches you by \(values.1)."),
        ], domain: "refund")
      if labelled { conversation.replyTexts[1] = template }
      return conversation
    }
  }

  static func data(labelled: Bool) -> TrainingData {
    let conversations = conversations(labelled: labelled)
    let config = SyntheticCorpus.config()
    return TrainingData(
      conversations, vocabulary: TrainingData.vocabulary(conversations, config: config), config: config)
  }

  @Test func filledRepliesOfOneTemplateAreOneCandidateWhenLabelled() {
    let filled = Self.data(labelled: false)
    #expect(filled.replyIDs == [0, 1])
    #expect(filled.replies[0] != filled.replies[1])

    var labelled = Self.data(labelled: true)
    #expect(labelled.replyIDs == [0, 0])
    #expect(labelled.replies[0] == labelled.replies[1])
    let encoder = RankerInputEncoder(config: SyntheticCorpus.config())
    #expect(
      labelled.replies[0]
        == encoder.encodeReply(Self.template, profile: ProfileText(nil), table: &labelled.table))
  }

  @Test func evaluationQueriesUseTheLearnedReplyText() {
    let set = EvaluationSet.fromConversations(Self.conversations(labelled: true), limit: 5, negatives: 0)
    #expect(set.queries.count == 2)
    #expect(set.queries.allSatisfy { $0.candidates == [Self.template] })
  }

  @Test func aSmallPoolGivesEveryOtherDistinctReplyAsANegative() {
    let conversations = Self.conversations(labelled: false)
    let set = EvaluationSet.fromConversations(conversations, limit: 5)
    #expect(set.queries.count == 2)
    for (query, answer) in zip(set.queries, set.answers) {
      #expect(query.candidates.count == 2 && Set(query.candidates).count == 2)
      let turn = conversations.first { query.id.hasPrefix($0.id + ":") }?.turns[1].text
      #expect(query.candidates[answer] == turn)
    }
  }
}
