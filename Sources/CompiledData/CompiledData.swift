/// The built-in data set, checked and converted to JSON when svwizard was built: each part
/// (framework, catalogue, valuePacks, flows, workshops) as one JSON text.
public enum CompiledData {
    public static var parts: [String: String] { generated }
}
