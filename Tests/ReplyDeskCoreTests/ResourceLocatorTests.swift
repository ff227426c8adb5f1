import Foundation
import ReplyDeskCore
import Testing

@Test func theEnvironmentOverridesEverything() throws {
  let fixtures = try FixtureDirectory()
  let found = ResourceLocator.templatesDirectory(
    environment: ["REPLYDESK_TEMPLATES": fixtures.url.path], currentDirectory: URL(fileURLWithPath: "/"),
    executable: nil)
  #expect(found?.path == fixtures.url.standardizedFileURL.path)
}

@Test func templatesInTheCurrentDirectoryAreFound() throws {
  let fixtures = try FixtureDirectory()
  try FileManager.default.createDirectory(
    at: fixtures.url.appendingPathComponent("Templates"), withIntermediateDirectories: true)
  let found = ResourceLocator.templatesDirectory(
    environment: [:], currentDirectory: fixtures.url, executable: nil)
  #expect(found?.lastPathComponent == "Templates")
  #expect(found?.deletingLastPathComponent().path == fixtures.url.path)
}

@Test func thePackageIsFoundByWalkingUpFromTheExecutable() throws {
  let fixtures = try FixtureDirectory()
  let binary = fixtures.url.appendingPathComponent(".build/debug/replydesk")
  try FileManager.default.createDirectory(
    at: binary.deletingLastPathComponent(), withIntermediateDirectories: true)
  try FileManager.default.createDirectory(
    at: fixtures.url.appendingPathComponent("Templates"), withIntermediateDirectories: true)
  try fixtures.write("Package.swift", "// package")
  let elsewhere = URL(fileURLWithPath: "/")
  let found = ResourceLocator.templatesDirectory(
    environment: [:], currentDirectory: elsewhere, executable: binary)
  #expect(found?.path == fixtures.url.appendingPathComponent("Templates").path)
}

@Test func nothingIsFoundWithoutAnyCandidate() throws {
  let fixtures = try FixtureDirectory()
  let found = ResourceLocator.templatesDirectory(
    environment: [:], currentDirectory: fixtures.url,
    executable: fixtures.url.appendingPathComponent("bin/tool"))
  #expect(found == nil)
}
