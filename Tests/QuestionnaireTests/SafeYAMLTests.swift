import Foundation
import Questionnaire
import Testing

/// YAML from outside cannot make svwizard do unbounded work.
@Suite("YAML from outside is parsed safely")
struct SafeYAMLTests {
    static let billionLaughs = """
        a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]
        b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]
        c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]
        d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]
        e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]
        f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]
        g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]
        h: &h [*g,*g,*g,*g,*g,*g,*g,*g,*g]
        i: &i [*h,*h,*h,*h,*h,*h,*h,*h,*h]
        """

    @Test("an alias bomb is refused at its first anchor, at once, naming the line")
    func aliasBomb() throws {
        let started = Date()
        #expect(throws: SafeYAMLError.self) { try SafeYAML.compose(Self.billionLaughs) }
        #expect(Date().timeIntervalSince(started) < 1)
        do {
            _ = try SafeYAML.compose("x: 1\ny: &anchor 2\nz: *anchor\n")
        } catch let error as SafeYAMLError {
            #expect(error.line == 2)
            #expect(error.message.contains("anchor (&anchor)"))
        }
    }

    @Test("ten thousand nested brackets are refused without exhausting the stack")
    func deepNesting() {
        #expect(throws: SafeYAMLError.self) { try SafeYAML.compose(String(repeating: "[", count: 100_000)) }
        #expect(throws: SafeYAMLError.self) { try SafeYAML.compose("a: " + String(repeating: "{b: ", count: 70) + "1" + String(repeating: "}", count: 70)) }
    }

    @Test("ordinary YAML, lists and sections included, is read as before")
    func ordinary() throws {
        let node = try #require(try SafeYAML.compose("supplier:\n  name: Acme\nquantity: [52, 52]\n"))
        #expect(node["supplier"]?["name"]?.string == "Acme")
    }

    @Test("a syntax error names its line but never echoes a long line")
    func syntaxErrorIsShort() {
        let long = "a: \"" + String(repeating: "x", count: 20_000) + "\n  b: [\n"
        do {
            _ = try SafeYAML.compose(long)
            Issue.record("expected a syntax error")
        } catch {
            let problem = SafeYAMLError(error)
            #expect(problem.message.count < 300)
        }
    }

    @Test("every published schema loads, with every keyword it uses implemented")
    func publishedSchemas() throws {
        let set = try PublishedSchemas.set()
        for name in ["tender.schema.json", "draft.schema.json", "submission.schema.json", "answers.schema.json"] {
            #expect(set.violations(of: .object([:]), against: name).allSatisfy { !$0.message.contains("no schema") }, "\(name)")
        }
    }
}
