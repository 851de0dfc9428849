import Foundation
import Testing
@testable import KoersModel

@Suite("Status transitions")
struct StatusTransitionTests {
    let key = StepKey(themeCode: "LL", stepID: "A1")
    let h23 = HalfYear("2023-H1")!

    func check(_ from: StepStatus, _ to: StepStatus.Kind, target: HalfYear? = nil, now: HalfYear? = nil) throws(StatusTransition.Refusal) -> StepStatus {
        try StatusTransition.check(key, from: from, to: to, target: target, period: h23, now: now ?? h23)
    }

    @Test("A planned step can start, finish, move or be dropped")
    func fromPlanned() throws {
        #expect(try check(.planned, .inProgress) == .inProgress)
        #expect(try check(.planned, .done) == .done)
        #expect(try check(.planned, .dropped) == .dropped)
        #expect(try check(.planned, .postponed, target: HalfYear("2023-H2")) == .postponed(to: HalfYear("2023-H2")!))
    }

    @Test("Recording the status a step already has is refused")
    func unchanged() {
        #expect(throws: StatusTransition.Refusal.unchanged(key, .done)) { try check(.done, .done) }
        #expect(throws: StatusTransition.Refusal.unchanged(key, .planned)) { try check(.planned, .planned) }
    }

    @Test("A done step can only be reopened; a dropped one only put back")
    func finalStates() {
        #expect(throws: StatusTransition.Refusal.notAllowed(key, from: .done, to: .postponed)) {
            try check(.done, .postponed, target: HalfYear("2024-H1"))
        }
        #expect(throws: StatusTransition.Refusal.notAllowed(key, from: .dropped, to: .done)) { try check(.dropped, .done) }
        #expect((try? check(.done, .inProgress)) == .inProgress)
        #expect((try? check(.dropped, .planned)) == .planned)
        let message = StatusTransition.Refusal.notAllowed(key, from: .done, to: .dropped).description
        #expect(message.contains("reopened"))
    }

    @Test("Postponing needs a later half-year that has not ended")
    func postponing() {
        #expect(throws: StatusTransition.Refusal.postponeNeedsTarget(key)) { try check(.planned, .postponed) }
        #expect(throws: StatusTransition.Refusal.postponeNotLater(key, current: h23, target: h23)) {
            try check(.planned, .postponed, target: h23)
        }
        #expect(throws: StatusTransition.Refusal.postponeIntoPast(key, target: HalfYear("2023-H2")!, now: HalfYear("2024-H1")!)) {
            try check(.planned, .postponed, target: HalfYear("2023-H2"), now: HalfYear("2024-H1"))
        }
        #expect(throws: StatusTransition.Refusal.targetOnlyForPostpone(key)) { try check(.planned, .done, target: HalfYear("2024-H1")) }
    }

    @Test("The status as of a moment is the last change at or before it")
    func history() {
        let t = { (s: String) in Timestamp.parse(s)! }
        let events = [
            StatusEvent(agenda: "x", step: key, status: .inProgress, at: t("2023-02-01T10:00Z"), recordedAt: t("2023-02-01T10:00Z")),
            StatusEvent(agenda: "x", step: key, status: .postponed(to: HalfYear("2023-H2")!), at: t("2023-06-20T10:00Z"), recordedAt: t("2023-06-20T10:00Z")),
            StatusEvent(agenda: "x", step: key, status: .done, at: t("2023-10-02T10:00Z"), recordedAt: t("2023-10-02T10:00Z")),
        ]
        let history = StepHistory(events: events.reversed())
        let step = Step(id: "A1", text: "x", period: h23)
        #expect(history.status(asOf: t("2023-01-01T00:00Z")) == .planned)
        #expect(history.status(asOf: t("2023-03-01T00:00Z")) == .inProgress)
        #expect(history.status(asOf: t("2023-07-01T00:00Z")) == .postponed(to: HalfYear("2023-H2")!))
        #expect(history.period(of: step, asOf: t("2023-01-01T00:00Z")) == h23)
        #expect(history.period(of: step, asOf: t("2023-07-01T00:00Z")) == HalfYear("2023-H2"))
        #expect(history.doneAt(asOf: t("2024-01-01T00:00Z")) == t("2023-10-02T10:00Z"))
    }
}
