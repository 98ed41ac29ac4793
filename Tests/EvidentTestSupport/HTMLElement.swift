extension String {
    /// The first element of this HTML whose start tag begins with `start` (`<table`, `<ul class="claims"`), from
    /// its start tag to its matching end tag, nested elements of the same name included; nil when there is none
    /// or it is not closed. For snapshots of one part of a rendered block.
    package func element(startingWith start: String) -> String? {
        guard start.hasPrefix("<"), let opening = range(of: start) else { return nil }
        let name = start.dropFirst().prefix { $0.isLetter || $0.isNumber }
        var depth = 0
        var position = opening.lowerBound
        while let tag = self[position...].range(of: "</?\(name)[\\s>]", options: .regularExpression) {
            depth += self[tag].hasPrefix("</") ? -1 : 1
            position = tag.upperBound
            if depth == 0 { return String(self[opening.lowerBound..<position]) }
        }
        return nil
    }
}
