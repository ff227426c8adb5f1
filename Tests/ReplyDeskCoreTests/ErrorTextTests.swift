import Foundation
import Testing

@testable import ReplyDeskCore

/// Foundation's errors reach the user as sentences with the path, never as a domain/code dump.
@Suite struct ErrorTextTests {
  @Test func aMissingFileNamesThePathAndNoDomain() {
    let sentence: String
    do {
      _ = try String(contentsOfFile: "/nonexistent-replydesk/model.json", encoding: .utf8)
      Issue.record("read a file that does not exist")
      return
    } catch {
      sentence = ErrorText.sentence(for: error)
    }
    #expect(sentence == "/nonexistent-replydesk/model.json: no such file or directory; check the path")
  }

  @Test func malformedJSONSaysSo() {
    do {
      _ = try JSONSerialization.jsonObject(with: Data("{x".utf8))
      Issue.record("parsed malformed JSON")
    } catch {
      let sentence = ErrorText.sentence(for: error)
      #expect(sentence.hasPrefix("not valid JSON"))
      #expect(!sentence.contains("Domain"))
    }
  }

  @Test func posixErrorsAreReasons() {
    #expect(ErrorText.sentence(for: POSIXError(.ENOSPC)) == "the disk is full; free some space and try again")
    #expect(ErrorText.sentence(for: POSIXError(.EACCES)) == "permission denied; check the file's owner and mode")
  }

  @Test func ownErrorsKeepTheirDescription() {
    struct Refused: Error, CustomStringConvertible {
      var description: String { "the model file is damaged; delete it and run again" }
    }
    #expect(ErrorText.sentence(for: Refused()) == "the model file is damaged; delete it and run again")
  }
}
