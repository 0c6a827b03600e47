import Foundation
import Testing

/// The README's Getting started, followed as a newcomer would: a fresh clone into a temporary
/// folder, the steps run as written (the package install only checked when the packages are
/// already there), then the installed `svwizard` typed from another folder, as every message
/// the tool prints expects.
@Suite("Getting started, as the README gives it", .serialized)
struct GettingStartedTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The commands of the README's Getting started block, without their comments.
    static func steps() throws -> [String] {
        let readme = try String(contentsOf: root.appendingPathComponent("README.md"), encoding: .utf8)
        let section = try #require(readme.components(separatedBy: "## Getting started").dropFirst().first)
        let block = try #require(section.components(separatedBy: "```sh\n").dropFirst().first?.components(separatedBy: "```").first)
        return block.split(separator: "\n").map { line in
            let command = line.range(of: "  #").map { String(line[..<$0.lowerBound]) } ?? String(line)
            return command.trimmingCharacters(in: .whitespaces)
        }.filter { !$0.isEmpty }
    }

    /// Runs `command` with bash in `folder`; its status and what it printed.
    static func shell(_ command: String, in folder: URL, environment: [String: String] = [:]) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        process.arguments = ["-c", command]
        process.currentDirectoryURL = folder
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    @Test("the steps are: the packages, the build, the install, the tests; each package the build and the tests need is named")
    func stepsAreComplete() throws {
        let steps = try Self.steps()
        #expect(steps.count == 4, "\(steps)")
        let install = try #require(steps.first { $0.contains("apt-get install") })
        for package in ["libreadline-dev", "libsqlite3-dev", "zlib1g-dev", "chromium", "poppler-utils", "python3-jsonschema"] {
            #expect(install.split(separator: " ").contains(Substring(package)), "\(package) is missing from Getting started")
        }
        #expect(steps.last == "swift test")
        // .ci/run follows the same steps.
        let ci = try String(contentsOf: Self.root.appendingPathComponent(".ci/run"), encoding: .utf8).replacingOccurrences(of: "\"", with: "")
        for step in steps.dropFirst() where step != "swift test" {
            #expect(ci.contains(step.replacingOccurrences(of: "~/", with: "$HOME/").replacingOccurrences(of: "~", with: "$HOME")), "\(step)")
        }
    }

    @Test("a fresh clone builds with the README's commands, and the installed svwizard runs from any folder",
          .enabled(if: FileManager.default.fileExists(atPath: root.appendingPathComponent(".git").path), "not a git checkout"))
    func freshClone() throws {
        let steps = try Self.steps()
        let place = FileManager.default.temporaryDirectory.appendingPathComponent("svwizard-clone-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: place, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: place) }
        let clone = try Self.shell("git clone -q \"\(Self.root.path)\" svwizard", in: place)
        #expect(clone.status == 0, "\(clone.output)")
        let checkout = place.appendingPathComponent("svwizard")
        // A new person: their own home, so the install lands in it and nothing is cached there.
        let home = place.appendingPathComponent("home")
        try FileManager.default.createDirectory(at: home, withIntermediateDirectories: true)
        let path = home.appendingPathComponent(".local/bin").path + ":" + (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin")
        for step in steps {
            if step.contains("apt-get install") {
                // Installing needs root; the packages are checked instead (CI installs them).
                let packages = step.split(separator: " ").drop { $0 != "-y" }.dropFirst().map(String.init)
                let missing = packages.filter { package in
                    // Python's jsonschema may come from pip instead: what the tests need is the module.
                    let check = package == "python3-jsonschema" ? "python3 -c 'import jsonschema'"
                        : "dpkg-query -W -f='${Status}' \(package) | grep -q 'install ok installed'"
                    return (try? Self.shell(check, in: place).status) != 0
                }
                #expect(missing.isEmpty, "Getting started's packages are not installed here: \(missing.joined(separator: " "))")
                continue
            }
            if step == "swift test" { continue } // this run is that step
            // The build keeps the machine's own Swift package settings; the install goes to the new home.
            let environment = step.hasPrefix("install") ? ["HOME": home.path] : [:]
            let result = try Self.shell(step, in: checkout, environment: environment)
            #expect(result.status == 0, "\(step) failed:\n\(result.output.suffix(3000))")
            if result.status != 0 { return }
        }
        let elsewhere = place.appendingPathComponent("elsewhere")
        try FileManager.default.createDirectory(at: elsewhere, withIntermediateDirectories: true)
        let typed = try Self.shell("svwizard measures TOM10 && svwizard --version", in: elsewhere, environment: ["HOME": home.path, "PATH": path])
        #expect(typed.status == 0, "\(typed.output)")
        #expect(typed.output.contains("Apprenticeships") && typed.output.contains("svwizard"))
    }
}
