import CSQLite

extension Database {
    /// Runs `body` atomically: all of its writes commit, or none do.
    ///
    /// The outermost call uses `BEGIN IMMEDIATE`, taking the write lock up
    /// front, so two writers never deadlock upgrading from read to write (the
    /// loser gets `StoreError.busy` after the busy timeout instead). Nested
    /// calls use savepoints: an inner failure undoes only the inner work, and
    /// the outer body may catch it and carry on.
    ///
    /// If `body` throws, the work is rolled back and the body's error is
    /// rethrown, even if the rollback itself fails.
    public func transaction<T>(_ body: () throws -> T) throws -> T {
        let savepoint = "koers_savepoint_\(transactionDepth)"
        let isOutermost = !isInTransaction
        try execute(isOutermost ? "BEGIN IMMEDIATE" : "SAVEPOINT \(savepoint)")
        transactionDepth += 1
        defer { transactionDepth -= 1 }

        let result: T
        do {
            result = try body()
        } catch {
            rollBack(isOutermost: isOutermost, savepoint: savepoint)
            throw error
        }
        do throws(StoreError) {
            try execute(isOutermost ? "COMMIT" : "RELEASE SAVEPOINT \(savepoint)")
        } catch {
            // A failed COMMIT (e.g. a deferred foreign key) leaves the transaction open.
            rollBack(isOutermost: isOutermost, savepoint: savepoint)
            throw error
        }
        return result
    }

    /// Best effort: errors are ignored so the caller sees the original failure.
    /// SQLite may already have rolled back by itself (SQLITE_FULL, I/O errors).
    private func rollBack(isOutermost: Bool, savepoint: String) {
        if isOutermost {
            if isInTransaction { try? execute("ROLLBACK") }
        } else {
            try? execute("ROLLBACK TO SAVEPOINT \(savepoint)")
            try? execute("RELEASE SAVEPOINT \(savepoint)")
        }
    }
}
