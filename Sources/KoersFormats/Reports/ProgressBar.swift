import KoersModel

/// Divides a bar of a given width over counts in proportion (largest remainder), so the parts add up
/// to the width exactly and every non-zero count gets at least one cell when the width allows.
public enum ProgressBar {
    public static func cells(_ counts: [Int], width: Int) -> [Int] {
        let total = counts.reduce(0, +)
        guard total > 0, width > 0 else { return counts.map { _ in 0 } }
        var cells = counts.map { $0 * width / total }
        var remainders = counts.indices.map { (index: $0, rest: counts[$0] * width % total) }
        remainders.sort { $0.rest != $1.rest ? $0.rest > $1.rest : $0.index < $1.index }
        var left = width - cells.reduce(0, +)
        for r in remainders where left > 0 {
            cells[r.index] += 1
            left -= 1
        }
        // Give a visible cell to small non-zero counts, taken from the largest part.
        for i in counts.indices where counts[i] > 0 && cells[i] == 0 {
            guard let largest = cells.indices.max(by: { cells[$0] < cells[$1] }), cells[largest] > 1 else { break }
            cells[largest] -= 1
            cells[i] = 1
        }
        return cells
    }

    /// The five categories of `counts` as cells of `width`, in `StepCategory.allCases` order.
    public static func cells(_ counts: StatusCounts, width: Int) -> [(category: StepCategory, cells: Int)] {
        let parts = cells(StepCategory.allCases.map { counts[$0] }, width: width)
        return zip(StepCategory.allCases, parts).map { ($0, $1) }
    }

    /// The character that fills a category's part of a text bar.
    public static func character(_ category: StepCategory) -> Character {
        switch category {
        case .done: "█"
        case .inProgress: "▓"
        case .postponed: "▒"
        case .dropped: "×"
        case .open: "░"
        }
    }

    /// A bar of characters, e.g. `████▓▓▒░░░`; an empty period gives spaces.
    public static func text(_ counts: StatusCounts, width: Int) -> String {
        guard counts.planned > 0 else { return String(repeating: " ", count: width) }
        return cells(counts, width: width).map { String(repeating: character($0.category), count: $0.cells) }.joined()
    }

    /// "█ afgerond  ▓ in uitvoering  ▒ uitgesteld  × vervallen  ░ open"
    public static var legend: String {
        StepCategory.allCases.map { "\(character($0)) \($0.dutch)" }.joined(separator: " · ")
    }
}
