import KoersModel

/// Places the steps of one synthetic theme in the horizon's half-years: each activity's steps in
/// order, mostly one half-year apart and sometimes two in the same one, each activity starting
/// where the previous one stopped and the sweep starting over at the beginning once it reaches the
/// end. Steps never go back within an activity (the numbering check would warn), and while the
/// first sweep lasts a step only stays in its half-year when enough steps are left to reach the
/// end, so a theme with at least as many steps as half-years has something planned in every one.
struct PeriodSweep {
    let first: HalfYear
    let count: Int
    private var stepsLeft: Int
    private var last = -1
    private var firstPass = true

    init(first: HalfYear, count: Int, stepsLeft: Int) {
        self.first = first
        self.count = count
        self.stepsLeft = stepsLeft
    }

    /// The half-years of the next activity's `steps` steps.
    mutating func next(_ steps: Int, _ rng: inout SplitMix64) -> [HalfYear] {
        var current = last + 1
        if current >= count {
            current = 0
            firstPass = false
        }
        var result: [HalfYear] = []
        for index in 0..<steps {
            if index > 0 {
                let stillToCover = firstPass ? count - 1 - current : 0
                let mayStay = stepsLeft - 1 >= stillToCover
                if !(mayStay && rng.chance(0.25)) { current = min(current + 1, count - 1) }
            }
            result.append(HalfYear(index: first.index + current))
            stepsLeft -= 1
        }
        last = current
        return result
    }
}
