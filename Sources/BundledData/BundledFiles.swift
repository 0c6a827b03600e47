/// The default data files built into the binary: the paths and texts of every file under the
/// package's `Questionnaires/` and `Guidance/` folders at build time.
public enum BundledFiles {
    /// Each file's text, keyed by its path relative to the package root
    /// (for example `Questionnaires/framework.yaml`).
    public static var all: [String: String] { generated }
}
