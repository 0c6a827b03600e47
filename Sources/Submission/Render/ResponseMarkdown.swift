import Foundation
import SocialValue

/// `response.md`: the written response in Markdown, for those who keep documents in it. It
/// answers the tender's headlines in the framework's order: for each committed measure, what
/// will be delivered each year, how, with whom, and the evidence kept; then the delivery plan
/// or milestone tracker, and how the figures were valued. Every piece of the supplier's text
/// is escaped, so it can never become a heading, link, image, table or HTML; its own line
/// breaks are kept. (`response.txt` is the file to paste into a tender portal.)
public enum ResponseMarkdown {
    public static func render(_ document: SubmissionDocument) -> Data {
        render(ResponseWording(document))
    }

    static func render(_ wording: ResponseWording) -> Data {
        let document = wording.document
        let tender = document.tender
        let supplier = document.supplier
        let answers = document.commitments.reduce(document.deliveryDocument.text.utf8.count) {
            $0 + $1.delivery.utf8.count + $1.evidence.utf8.count
        }
        // Written straight into one buffer: the long answers are escaped into it once.
        var md = TextBuffer(capacity: 4_096 + answers + answers / 8 + document.commitments.count * 512)
        md.line("# Social value response: \(text(tender.reference)) \(text(tender.title))")
        md.line()
        md.line("**Supplier:** \(text(supplier.name)), \(text(supplier.postcode))\(supplier.isLocal ? " (a local supplier)" : ""), "
            + "a \(supplier.size.rawValue) \(supplier.kind.name).  ")
        md.line("**Buyer:** \(text(tender.buyer)). **Contract value:** \(tender.contractValue.wholePounds) over "
            + "\(Schedule.length(years: tender.years, months: tender.months)) from \(text(tender.startDate)).")
        md.line()
        md.line("## Summary")
        md.line()
        md.line("| Measure | Headline | Over the contract | Value |")
        md.line("| --- | --- | --- | --- |")
        for line in wording.lines {
            let value = line.total.map { $0 + (document.valuation.illustrative ? " (illustrative)" : "") } ?? "not valued"
            md.line("| \(line.spoken) | \(text(line.headline)) | \(line.totalQuantity) | \(value) |")
        }
        md.line()
        md.line(text(wording.totalSentence))
        var theme = ""
        var outcome = ""
        for item in wording.commitments {
            guard let summary = item.summary, let sentence = item.sentence else { continue }
            if summary.theme != theme {
                theme = summary.theme
                md.line()
                md.line("## \(text(theme))")
            }
            if summary.outcome != outcome {
                outcome = summary.outcome
                md.line()
                md.line("### \(text(outcome))")
            }
            md.line()
            md.line("#### \(text(summary.headline)) (\(item.commitment.measure.spoken))")
            md.line()
            commitment(item, summary: summary, sentence: sentence, into: &md)
        }
        md.line()
        md.line("## Our \(document.deliveryDocument.kind.name)")
        md.line()
        paragraphs(document.deliveryDocument.text, into: &md)
        md.line()
        md.line("## How the figures were valued")
        md.line()
        md.line(wording.valuation.map(text).joined(separator: "\n\n"))
        return md.data
    }

    private static func commitment(_ item: ResponseWording.CommitmentWording, summary: MeasureSummary, sentence: String,
                                   into md: inout TextBuffer) {
        let commitment = item.commitment
        md.line("*\(text(summary.wording))*")
        md.line()
        md.line("**What we commit:** " + text(sentence))
        for fact in item.facts { md.line(text(fact)) }
        md.line()
        md.line("**How we will deliver it:**")
        paragraphs(commitment.delivery, into: &md)
        if let partner = commitment.partner {
            md.line()
            md.line("**Local partner:** \(text(partner))")
        }
        md.line()
        md.line("**Evidence we will keep:**")
        paragraphs(commitment.evidence, into: &md)
    }

    /// `paragraphs(value)` and a line feed, written into `md`.
    private static func paragraphs(_ value: String, into md: inout TextBuffer) {
        md.write { appendParagraphs(value, to: &$0) }
        md.line()
    }

    /// Text made inert: every character Markdown (CommonMark and GitHub's tables) gives a
    /// meaning inside a line is escaped with a backslash, and so is whatever would start a
    /// list, quote or heading at the start of a line, so `<script>`, `[a](b)`, `![i](x)`,
    /// `# heading`, `| cell |`, `*bold*`, `1. item` and `&amp;` all show as typed.
    public static func text(_ value: String) -> String {
        let value = ShortText.inert(value)
        // Most short texts need nothing escaped: no special character, and a first character that
        // cannot start a block (a space, a list or quote mark, a digit). They are returned as they are.
        if let first = value.utf8.first, !" -+=>0123456789".utf8.contains(first),
           !value.utf8.contains(where: { special[Int($0)] }) {
            return value
        }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(value.utf8.count + 16)
        escape(value.utf8, into: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Escapes one line's UTF-8 into `bytes`, in one pass (every character escaped is ASCII).
    private static func escape(_ line: some Sequence<UInt8>, into bytes: inout [UInt8]) {
        let done: Void? = line.withContiguousStorageIfAvailable { escape($0, into: &bytes) }
        if done == nil { escape(Array(line), into: &bytes) }
    }

    /// The line start decides what starts a block (a list, quote or numbered item); past it,
    /// only special characters are escaped, and the runs between them are copied whole.
    private static func escape(_ line: UnsafeBufferPointer<UInt8>, into bytes: inout [UInt8]) {
        var atStart = true
        var leadingDigits = false
        var index = 0
        while index < line.count, atStart || leadingDigits {
            let byte = line[index]
            let startsBlock = atStart && (byte == UInt8(ascii: "-") || byte == UInt8(ascii: "+") || byte == UInt8(ascii: "=") || byte == UInt8(ascii: ">"))
            let endsNumber = leadingDigits && (byte == UInt8(ascii: ".") || byte == UInt8(ascii: ")"))
            if special[Int(byte)] || startsBlock || endsNumber { bytes.append(UInt8(ascii: "\\")) }
            leadingDigits = (atStart || leadingDigits) && byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
            atStart = atStart && byte == UInt8(ascii: " ")
            bytes.append(byte)
            index += 1
        }
        special.withUnsafeBufferPointer { special in
            var run = index
            while index < line.count {
                if special[Int(line[index])] {
                    bytes.append(contentsOf: UnsafeBufferPointer(rebasing: line[run..<index]))
                    bytes.append(UInt8(ascii: "\\"))
                    run = index
                }
                index += 1
            }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: line[run..<index]))
        }
    }

    /// Whether each byte is a Markdown special character, by value.
    private static let special: [Bool] = (0..<256).map { "\\`*_[]<>&!|~#".utf8.contains(UInt8($0)) }

    /// Several lines of the supplier's text: each escaped, without leading spaces (which
    /// Markdown would read as code), joined with hard line breaks so each break is kept.
    public static func paragraphs(_ value: String) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(value.utf8.count + 64)
        appendParagraphs(value, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Appends what `paragraphs` makes of `value` to `bytes`.
    private static func appendParagraphs(_ value: String, to bytes: inout [UInt8]) {
        var value = value
        value.makeContiguousUTF8()
        let start = bytes.count
        value.utf8.withContiguousStorageIfAvailable { source in
            // Split on the line-feed byte, as Foundation does (a Character may hold "\r\n").
            var lineStart = 0
            while true {
                let end = source[lineStart...].firstIndex(of: UInt8(ascii: "\n")) ?? source.count
                if lineStart > 0 {
                    bytes.append(UInt8(ascii: "\\"))
                    bytes.append(UInt8(ascii: "\n"))
                }
                appendTrimmedEscaped(UnsafeBufferPointer(rebasing: source[lineStart..<end]), into: &bytes)
                guard end < source.count else { break }
                lineStart = end + 1
            }
        }
        // A blank line between two lines is a paragraph break, not two hard breaks.
        collapseBlankBreaks(&bytes, from: start)
    }

    /// One line without its leading and trailing blanks, escaped. Spaces and tabs are trimmed
    /// byte by byte; a line that begins or ends with other characters after them is trimmed
    /// by Unicode scalars (other space separators count as blanks too).
    private static func appendTrimmedEscaped(_ line: UnsafeBufferPointer<UInt8>, into bytes: inout [UInt8]) {
        func blank(_ byte: UInt8) -> Bool { byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") }
        var first = 0
        var last = line.count
        while first < last, blank(line[first]) { first += 1 }
        while last > first, blank(line[last - 1]) { last -= 1 }
        if first < last, line[first] >= 0x80 || line[last - 1] >= 0x80 {
            escape(trimmingBlanks(Substring(String(decoding: line, as: UTF8.self))).utf8, into: &bytes)
        } else {
            escape(UnsafeBufferPointer(rebasing: line[first..<last]), into: &bytes)
        }
    }

    /// `bytes` from `start` on with each two hard breaks in a row (backslash, line feed, twice)
    /// made a blank line.
    private static func collapseBlankBreaks(_ result: inout [UInt8], from start: Int) {
        let slash = UInt8(ascii: "\\")
        let feed = UInt8(ascii: "\n")
        let kept = result.withUnsafeMutableBufferPointer { buffer -> Int in
            // In place: what is written never passes what is read. Up to the first break
            // nothing moves.
            guard var read = buffer[start...].firstIndex(of: slash) else { return buffer.count }
            var write = read
            while read < buffer.count {
                if buffer[read] == slash, read + 3 < buffer.count, buffer[read + 1] == feed, buffer[read + 2] == slash, buffer[read + 3] == feed {
                    buffer[write] = feed
                    buffer[write + 1] = feed
                    write += 2
                    read += 4
                } else {
                    buffer[write] = buffer[read]
                    write += 1
                    read += 1
                }
            }
            return write
        }
        result.removeLast(result.count - kept)
    }

    /// `line` without leading and trailing spaces and tabs (Foundation's `.whitespaces`).
    private static func trimmingBlanks(_ line: Substring) -> Substring {
        func blank(_ scalar: Unicode.Scalar) -> Bool { scalar == "\t" || scalar.properties.generalCategory == .spaceSeparator }
        let scalars = line.unicodeScalars
        guard let first = scalars.firstIndex(where: { !blank($0) }), let last = scalars.lastIndex(where: { !blank($0) }) else { return "" }
        return Substring(scalars[first...last])
    }
}
