/// A parameter value of a bench as cells, claims, references and the experiment see it.
package enum ParameterValue {
    /// A whole number written with an exponent (`1e3`, `2.5E4`) as its digits (`1000`, `25000`), so that it reaches
    /// the experiment as the integer it names rather than as a float; any other text as written.
    package static func canonical(_ text: String) -> String {
        guard text.contains(where: { $0 == "e" || $0 == "E" }), text.allSatisfy({ "0123456789+-.eE".contains($0) }),
            let number = Double(text), number.isFinite, number == number.rounded(), abs(number) < 1e15
        else { return text }
        return String(Int(number))
    }
}
