import Foundation
import SocialValue

/// The limits every answer keeps, whichever way it arrives (typed, pasted, from an answers
/// file or a scenario), so a bundle made from the answers always passes `svwizard validate`.
public enum AnswerLimits {
    /// The longest one-line answer, in characters.
    public static let longestLine = 300
    /// The longest multi-line answer (a delivery plan, the evidence), in characters: about
    /// 1,500 words, more than any tender portal's social value box takes.
    public static let longestText = 10_000

    /// Whether `scalar` is a control character that must never be kept in an answer, because
    /// printed back to a terminal it would act as a command (Escape starts the terminal's own
    /// control sequences). Tab is allowed everywhere, line breaks in multi-line answers.
    public static func isForbidden(_ scalar: Unicode.Scalar, multiline: Bool) -> Bool {
        switch scalar.value {
        case 0x09: return false
        case 0x0A: return !multiline
        case 0x00...0x1F, 0x7F...0x9F: return true
        default: return false
        }
    }

    /// The problem with `text` as an answer, or nil when it keeps the limits.
    public static func problem(with text: String, multiline: Bool) -> AnswerProblem? {
        if let scalar = text.unicodeScalars.first(where: { isForbidden($0, multiline: multiline) }) {
            return AnswerProblem("The answer has a control character in it (\(Echo.controlName(scalar))), perhaps from a pasted "
                + "terminal code. Type the answer again without it.")
        }
        let limit = multiline ? longestText : longestLine
        let length = text.count
        if length > limit {
            return AnswerProblem("The answer is \(length.grouped) characters long; the limit is \(limit.grouped). "
                + (multiline ? "Shorten it, or put the detail in a document you attach to the tender." : "Keep it short."))
        }
        return nil
    }
}
