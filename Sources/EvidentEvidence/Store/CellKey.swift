/// Which cell of a directive's evidence a number belongs to: a variant in one set of parameter values. Cells and
/// ratios are found by it, and `description` is its one text form (`gather at n=100, transport=tcp`, or the
/// variant alone when the directive has no parameters).
package struct CellKey: Hashable, Sendable, Codable, CustomStringConvertible {
    package var variant: String
    package var params: CellParams

    package var description: String {
        params.values.isEmpty ? variant : "\(variant) at \(MeasurementUnit.cellText(params.values))"
    }
}
