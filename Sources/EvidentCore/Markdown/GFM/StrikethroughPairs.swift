/// Matches the `~` delimiters of one inline container into strikethroughs, as cmark-gfm's delimiter stack does:
/// each closer, left to right, takes the nearest opener before it; an opener and closer of different lengths
/// match but make no strikethrough; the delimiters between a matched pair become text.
enum StrikethroughPairs {
    /// What a token turns into.
    enum Role {
        case opener
        case closer
        /// Text as written (a tilde run left unmatched, or any token that is not a tilde run).
        case text
    }

    /// The role of each token, per run.
    static func roles(_ tokens: [[InlineToken]]) -> [[Role]] {
        var roles = tokens.map { [Role](repeating: .text, count: $0.count) }
        var delimiters: [(run: Int, token: Int, length: Int, canOpen: Bool, canClose: Bool)] = []
        for (run, runTokens) in tokens.enumerated() {
            for (index, token) in runTokens.enumerated() {
                if case .tilde(let canOpen, let canClose) = token.kind {
                    delimiters.append((run, index, token.range.count, canOpen, canClose))
                }
            }
        }
        // A doubly linked list over `delimiters`, as cmark's stack, so that removing is constant time.
        var previous = Array(-1..<delimiters.count - 1)
        var next = Array(1...max(1, delimiters.count))
        func remove(_ index: Int) {
            if previous[index] >= 0 { next[previous[index]] = next[index] }
            if next[index] < delimiters.count { previous[next[index]] = previous[index] }
        }
        var bottom = [-1, -1, -1]  // per closer length % 3: no opener at or below this index matches
        var closer = 0
        while closer < delimiters.count {
            let following = next[closer]
            let current = delimiters[closer]
            guard current.canClose else {
                closer = following
                continue
            }
            var opener = previous[closer]
            while opener > bottom[current.length % 3] {
                let candidate = delimiters[opener]
                if candidate.canOpen
                    && (!(current.canOpen || candidate.canClose) || current.length % 3 == 0
                        || (candidate.length + current.length) % 3 != 0)
                {
                    break
                }
                opener = previous[opener]
            }
            if opener > bottom[current.length % 3] {
                if delimiters[opener].length == current.length {
                    roles[delimiters[opener].run][delimiters[opener].token] = .opener
                    roles[current.run][current.token] = .closer
                }
                var between = previous[closer]
                while between != opener {
                    let before = previous[between]
                    remove(between)
                    between = before
                }
                remove(opener)
                remove(closer)
            } else {
                bottom[current.length % 3] = previous[closer]
            }
            closer = following
        }
        return roles
    }
}
