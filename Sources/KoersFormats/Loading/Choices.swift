/// How a message names the valid values for a reference that matches none of them: first a guess
/// at what was meant (a misspelt `"directietaem"` is most likely `"directieteam"`), then the whole
/// list; and when there is nothing to choose from, where such values are defined instead of an
/// empty list.
package enum Choices {
    /// `did you mean "x"? expected one of: "a", "b"`, or `none` when `known` is empty.
    package static func expected(_ given: String, among known: [String], none: String) -> String {
        guard !known.isEmpty else { return none }
        let list = "expected one of: " + known.map { "\"\($0)\"" }.joined(separator: ", ")
        return closest(to: given, among: known).map { "did you mean \"\($0)\"? " + list } ?? list
    }

    /// The known value nearest to `given` when it is near enough to be a slip: at most 3 edits
    /// (insert, delete, replace or swap two neighbours) and fewer than a third of its characters.
    /// Ties go to the earlier value, so the answer does not depend on anything but the list.
    static func closest(to given: String, among known: [String]) -> String? {
        let a = Array(given.lowercased().unicodeScalars)
        let limit = min(3, max(1, (a.count - 1) / 3))
        var best: (value: String, distance: Int)?
        for candidate in known where candidate != given {
            let d = distance(a, Array(candidate.lowercased().unicodeScalars), limit: limit)
            if d <= limit, d < best?.distance ?? Int.max { best = (candidate, d) }
        }
        return best?.value
    }

    /// Optimal string alignment distance (Damerau–Levenshtein without repeated edits of one
    /// place); anything above `limit` comes back as `limit + 1`, so long texts cost little.
    private static func distance(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar], limit: Int) -> Int {
        guard abs(a.count - b.count) <= limit else { return limit + 1 }
        guard !a.isEmpty, !b.isEmpty else { return max(a.count, b.count) }
        var beforePrevious = [Int](repeating: 0, count: b.count + 1)
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            var rowMinimum = i
            for j in 1...b.count {
                var d = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] { d = min(d, beforePrevious[j - 2] + 1) }
                current[j] = d
                rowMinimum = min(rowMinimum, d)
            }
            if rowMinimum > limit { return limit + 1 }
            (beforePrevious, previous, current) = (previous, current, beforePrevious)
        }
        return min(previous[b.count], limit + 1)
    }
}
