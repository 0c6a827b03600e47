import ArgumentParser
import Foundation
import Terminal
import Wizard

/// Options every command takes.
struct GlobalOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp(
        "Use a council's own data folder (holding Questionnaires/ and Guidance/) instead of the built-in data; SVWIZARD_DATA does the same.",
        valueName: "folder"))
    var data: String?

    @Flag(name: .customLong("no-color"), help: "Never use colour (also set by the NO_COLOR environment variable).")
    var noColour = false

    /// Builds the context, or fails with a message and the right exit status.
    func context() throws -> AppContext {
        try CommandRunner.guarded { try AppContext.make(dataOption: data, noColour: noColour) }
    }
}

/// Turns svwizard's failures into a message on standard error and an exit status.
enum CommandRunner {
    static func guarded<T>(_ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as WizardError {
            // Wrapped at words for the terminal, each line of the message on its own.
            let text = ("svwizard: " + error.message).split(separator: "\n", omittingEmptySubsequences: false)
                .map { TextWrapper.wrap(String($0), width: HelpText.width) }.joined(separator: "\n")
            FileHandle.standardError.write(Data((text + "\n").utf8))
            throw ExitCode(error.status.rawValue)
        }
    }
}
