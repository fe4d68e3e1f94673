import GRDB
import MEABridgeCore

/// An input as the state remembers it from the last completed run, with its report, which is replayed when the
/// input is unchanged.
///
/// The report's totals are kept in columns and its JSON only when it has diagnostics, so replaying the report of
/// thousands of clean inputs costs no parsing.
struct InputMemory: Sendable, Hashable {
    var path: String
    var container: String?
    var fingerprint: String
    var output: String?
    var format: String?
    var bytes = 0
    /// Records per entity: `decision=3;meeting=2`.
    var records = ""
    /// Diagnostics per severity, in `Severity.allCases` order.
    var counts = [0, 0, 0, 0]
    /// Records new or changed when it was converted.
    var changed: Int?
    /// The report as JSON when it keeps diagnostics.
    var report: String?
    /// Where the output of a pending input waits (`StagedOutput.text`).
    var staged: String?

    init(path: String, container: String?) {
        self.path = path
        self.container = container
        fingerprint = ""
    }

    /// What to remember of a converted input.
    init(report: BatchFileReport, fingerprint: String, staged: StagedOutput) {
        path = report.input
        container = report.container
        self.fingerprint = fingerprint
        output = report.output
        format = report.format
        bytes = report.bytes
        records = EntityKind.allCases.compactMap { kind in report.records[kind].map { "\(kind.rawValue)=\($0)" } }
            .joined(separator: ";")
        counts = Severity.allCases.map { report.counts[$0] ?? 0 }
        changed = report.changedRecords
        self.report = report.diagnostics.isEmpty ? nil : report.jsonText
        self.staged = staged.text
    }

    /// The remembered report, with a new status.
    func fileReport(status: BatchFileStatus) -> BatchFileReport {
        var result = report.flatMap(BatchFileReport.from(jsonText:)) ?? BatchFileReport(input: path, status: status)
        result.input = path
        result.container = container
        result.output = output
        result.format = format
        result.bytes = bytes
        result.status = status
        result.changedRecords = changed
        result.records = [:]
        for pair in records.split(separator: ";") {
            let parts = pair.split(separator: "=")
            if parts.count == 2, let kind = EntityKind(rawValue: String(parts[0])), let count = Int(parts[1]) {
                result.records[kind] = count
            }
        }
        result.counts = [:]
        for (severity, count) in zip(Severity.allCases, counts) where count > 0 { result.counts[severity] = count }
        return result
    }
}

/// A run that was started and not finished: converting (resumable) or committing (to be completed first).
struct PendingRun: Sendable, Hashable {
    enum Phase: String, Sendable {
        case converting
        case committing
    }

    var configuration: String
    var now: Int64
    var phase: Phase
    var output: String
    var outputKind: String
    var tombstones: Bool
    var staging: String
}

/// A record the state no longer sees: its source, entity, id and when it disappeared.
public struct DeletedRecord: Sendable, Hashable {
    /// The input it was read from.
    public var source: String
    /// Its entity.
    public var entity: String
    /// Its id.
    public var id: String
    /// When it disappeared, in milliseconds since 1970.
    public var deleted: Int64

    /// Creates a deleted record.
    /// - Parameters:
    ///   - source: The input it was read from.
    ///   - entity: Its entity.
    ///   - id: Its id.
    ///   - deleted: When it disappeared.
    public init(source: String, entity: String, id: String, deleted: Int64) {
        self.source = source
        self.entity = entity
        self.id = id
        self.deleted = deleted
    }
}

/// One input's contribution to the pending run: what to remember about it and its records.
struct PendingInput: Sendable {
    var memory: InputMemory
    var stamps: [RecordStamp]
}

/// The incremental state of `batch --state`: an SQLite file (through GRDB) holding, for every record, its source,
/// entity, id, content hash and the time it last changed (or disappeared); for every input its fingerprint, output
/// and report; and the run in progress, so a run that was killed is resumed or completed by the next one.
///
/// Writes of a run go to `pending_*` tables and are applied in one transaction when the run commits, so the state
/// always describes the output that is in place.
///
/// A class because it owns the database connections.
final class StateStore: Sendable {
    let path: String
    private let pool: DatabasePool

    /// Opens (creating if needed) the state file.
    /// - Throws: `IOFailure` when the file cannot be opened or is not a state file.
    init(path: String) throws(IOFailure) {
        self.path = path
        do {
            var configuration = Configuration()
            configuration.prepareDatabase { db in
                try db.execute(sql: "PRAGMA synchronous = NORMAL")
            }
            configuration.busyMode = .timeout(10)
            pool = try DatabasePool(path: path, configuration: configuration)
            try Self.migrator.migrate(pool)
        } catch {
            throw IOFailure(operation: .open, path: path, message: "not a usable state database: \(error)")
        }
    }

    private static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1") { db in
            try db.execute(
                sql: """
                    CREATE TABLE meta (key TEXT PRIMARY KEY NOT NULL, value TEXT NOT NULL);
                    CREATE TABLE inputs (
                        path TEXT PRIMARY KEY NOT NULL, container TEXT, fingerprint TEXT NOT NULL, output TEXT,
                        format TEXT, bytes INTEGER NOT NULL, records TEXT NOT NULL, notes INTEGER NOT NULL,
                        warnings INTEGER NOT NULL, errors INTEGER NOT NULL, fatals INTEGER NOT NULL, changed INTEGER,
                        report TEXT);
                    CREATE INDEX inputs_container ON inputs(container);
                    CREATE TABLE containers (path TEXT PRIMARY KEY NOT NULL, fingerprint TEXT NOT NULL);
                    CREATE TABLE records (
                        source TEXT NOT NULL, entity TEXT NOT NULL, id TEXT NOT NULL, hash TEXT NOT NULL,
                        changed INTEGER NOT NULL, deleted INTEGER,
                        PRIMARY KEY (source, entity, id)) WITHOUT ROWID;
                    CREATE TABLE run (
                        id INTEGER PRIMARY KEY CHECK (id = 1), configuration TEXT NOT NULL, now INTEGER NOT NULL,
                        phase TEXT NOT NULL, output TEXT NOT NULL, output_kind TEXT NOT NULL,
                        tombstones INTEGER NOT NULL, staging TEXT NOT NULL);
                    CREATE TABLE pending_inputs (
                        path TEXT PRIMARY KEY NOT NULL, container TEXT, fingerprint TEXT NOT NULL, output TEXT,
                        format TEXT, bytes INTEGER NOT NULL, records TEXT NOT NULL, notes INTEGER NOT NULL,
                        warnings INTEGER NOT NULL, errors INTEGER NOT NULL, fatals INTEGER NOT NULL, changed INTEGER,
                        report TEXT, staged TEXT);
                    CREATE TABLE pending_records (
                        source TEXT NOT NULL, entity TEXT NOT NULL, id TEXT NOT NULL, hash TEXT NOT NULL,
                        changed INTEGER NOT NULL, PRIMARY KEY (source, entity, id)) WITHOUT ROWID;
                    CREATE TABLE pending_containers (path TEXT PRIMARY KEY NOT NULL, fingerprint TEXT NOT NULL);
                    CREATE TABLE removed_inputs (path TEXT PRIMARY KEY NOT NULL);
                    """
            )
        }
        return migrator
    }

    private func failure(_ error: any Error) -> IOFailure {
        IOFailure(operation: .write, path: path, message: "state database: \(error)")
    }

    private func reading<T>(_ body: (Database) throws -> T) throws(IOFailure) -> T {
        do {
            return try pool.read(body)
        } catch {
            throw failure(error)
        }
    }

    private func writing<T>(_ body: (Database) throws -> T) throws(IOFailure) -> T {
        do {
            return try pool.write(body)
        } catch {
            throw failure(error)
        }
    }

    // MARK: - Meta

    /// A value of the `meta` table.
    func meta(_ key: String) throws(IOFailure) -> String? {
        try reading { db in try String.fetchOne(db, sql: "SELECT value FROM meta WHERE key = ?", arguments: [key]) }
    }

    // MARK: - Runs

    /// The unfinished run, if any.
    func pendingRun() throws(IOFailure) -> PendingRun? {
        try reading { db in
            guard let row = try Row.fetchOne(db, sql: "SELECT * FROM run WHERE id = 1") else { return nil }
            return PendingRun(
                configuration: row["configuration"],
                now: row["now"],
                phase: PendingRun.Phase(rawValue: row["phase"]) ?? .converting,
                output: row["output"],
                outputKind: row["output_kind"],
                tombstones: (row["tombstones"] as Int) != 0,
                staging: row["staging"]
            )
        }
    }

    /// Starts a run, discarding whatever an abandoned one left pending.
    func beginRun(_ run: PendingRun) throws(IOFailure) {
        try writing { db in
            try db.execute(
                sql: """
                    DELETE FROM pending_inputs; DELETE FROM pending_records; DELETE FROM pending_containers;
                    DELETE FROM removed_inputs; DELETE FROM run;
                    """
            )
            try db.execute(
                sql: """
                    INSERT INTO run (id, configuration, now, phase, output, output_kind, tombstones, staging)
                    VALUES (1, ?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: [
                    run.configuration, run.now, run.phase.rawValue, run.output, run.outputKind,
                    run.tombstones ? 1 : 0, run.staging,
                ]
            )
        }
    }

    /// Moves the run to its commit phase: drops pending inputs that were not seen again (a resumed run whose inputs
    /// went away) and records which remembered inputs disappeared.
    /// - Parameters:
    ///   - seen: Every input this run saw.
    ///   - removed: The remembered inputs that disappeared.
    /// - Throws: `IOFailure` when the database cannot be written.
    func beginCommit(seen: Set<String>, removed: [String]) throws(IOFailure) {
        try writing { db in
            let pending = try String.fetchAll(db, sql: "SELECT path FROM pending_inputs")
            for path in pending where !seen.contains(path) {
                try db.execute(sql: "DELETE FROM pending_inputs WHERE path = ?", arguments: [path])
                try db.execute(sql: "DELETE FROM pending_records WHERE source = ?", arguments: [path])
            }
            try db.execute(sql: "DELETE FROM removed_inputs")
            let insert = try db.cachedStatement(sql: "INSERT OR IGNORE INTO removed_inputs (path) VALUES (?)")
            for path in removed { try insert.execute(arguments: [path]) }
            try db.execute(sql: "UPDATE run SET phase = 'committing'")
        }
    }

    // MARK: - Inputs

    private static let inputColumns =
        "path, container, fingerprint, output, format, bytes, records, notes, warnings, errors, fatals, changed, report"

    private static func inputs(_ db: Database, table: String, ordered: Bool = false) throws -> [InputMemory] {
        let staged = table == "pending_inputs" ? "staged" : "NULL AS staged"
        let sql =
            "SELECT \(inputColumns), \(staged) FROM \(table)" + (ordered ? " ORDER BY path" : "")
        // A cursor and columns by index: copying rows and looking columns up by name cost more than the decoding.
        var memories: [InputMemory] = []
        let rows = try Row.fetchCursor(db, sql: sql)
        while let row = try rows.next() {
            var memory = InputMemory(path: row[0], container: row[1])
            memory.fingerprint = row[2]
            memory.output = row[3]
            memory.format = row[4]
            memory.bytes = row[5]
            memory.records = row[6]
            memory.counts = [row[7], row[8], row[9], row[10]]
            memory.changed = row[11]
            memory.report = row[12]
            memory.staged = row[13]
            memories.append(memory)
        }
        return memories
    }

    /// Every input remembered from the last completed run, sorted by path (SQLite's binary order: by bytes).
    func inputs() throws(IOFailure) -> [InputMemory] {
        try reading { db in try Self.inputs(db, table: "inputs", ordered: true) }
    }

    /// Every input converted by the unfinished run, by path.
    func pendingInputs() throws(IOFailure) -> [String: InputMemory] {
        try reading { db in
            var table: [String: InputMemory] = [:]
            for memory in try Self.inputs(db, table: "pending_inputs") { table[memory.path] = memory }
            return table
        }
    }

    /// The remembered fingerprints of archives, by path.
    func containers() throws(IOFailure) -> [String: String] {
        try reading { db in
            var table: [String: String] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT path, fingerprint FROM containers") {
                table[row["path"]] = row["fingerprint"]
            }
            return table
        }
    }

    // MARK: - Records

    /// The live records of one input, by key (`entity<TAB>id`).
    func records(of source: String) throws(IOFailure) -> [String: RecordMemory] {
        try reading { db in
            var table: [String: RecordMemory] = [:]
            let rows = try Row.fetchCursor(
                db,
                sql: "SELECT entity, id, hash, changed FROM records WHERE source = ? AND deleted IS NULL",
                arguments: [source]
            )
            while let row = try rows.next() {
                let entity: String = row["entity"]
                let id: String = row["id"]
                let hash: String = row["hash"]
                table[entity + "\t" + id] = RecordMemory(hash: UInt64(hash, radix: 16) ?? 0, changed: row["changed"])
            }
            return table
        }
    }

    /// Records what the run learned about some inputs (replacing what it learned before about the same inputs).
    /// - Parameters:
    ///   - inputs: The inputs and their records.
    ///   - containers: Archives read to the end, with their fingerprints.
    /// - Throws: `IOFailure` when the database cannot be written.
    func addPending(_ inputs: [PendingInput], containers: [(path: String, fingerprint: String)]) throws(IOFailure) {
        guard !inputs.isEmpty || !containers.isEmpty else { return }
        try writing { db in
            let clear = try db.cachedStatement(sql: "DELETE FROM pending_records WHERE source = ?")
            let record = try db.cachedStatement(
                sql: "INSERT OR REPLACE INTO pending_records (source, entity, id, hash, changed) VALUES (?, ?, ?, ?, ?)"
            )
            let input = try db.cachedStatement(
                sql: """
                    INSERT OR REPLACE INTO pending_inputs (\(Self.inputColumns), staged)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """
            )
            for pending in inputs {
                let memory = pending.memory
                try clear.execute(arguments: [memory.path])
                for stamp in pending.stamps {
                    let (entity, id) = Self.split(stamp.key)
                    try record.execute(
                        arguments: [memory.path, entity, id, StableHash.hex(stamp.hash), stamp.changed]
                    )
                }
                var arguments: StatementArguments = [
                    memory.path, memory.container, memory.fingerprint, memory.output, memory.format, memory.bytes,
                    memory.records,
                ]
                arguments += StatementArguments(memory.counts)
                arguments += [memory.changed, memory.report, memory.staged]
                try input.execute(arguments: arguments)
            }
            let container = try db.cachedStatement(
                sql: "INSERT OR REPLACE INTO pending_containers (path, fingerprint) VALUES (?, ?)"
            )
            for (path, fingerprint) in containers { try container.execute(arguments: [path, fingerprint]) }
        }
    }

    private static func split(_ key: String) -> (String, String) {
        guard let tab = key.firstIndex(of: "\t") else { return ("", key) }
        return (String(key[..<tab]), String(key[key.index(after: tab)...]))
    }

    // MARK: - Commit

    /// What the state will hold once the pending run is applied: the outputs of every live input, and every tombstone.
    ///
    /// Computed inside a savepoint that is rolled back, so nothing changes.
    func preview(now: Int64) throws(IOFailure) -> (outputs: [String], tombstones: [DeletedRecord]) {
        try writing { db in
            var result: (outputs: [String], tombstones: [DeletedRecord]) = ([], [])
            try db.inSavepoint {
                try Self.apply(db, now: now, removeInputs: true)
                result.outputs = try String.fetchAll(db, sql: "SELECT output FROM inputs WHERE output IS NOT NULL")
                result.tombstones = try Self.tombstones(db, only: nil)
                return .rollback
            }
            return result
        }
    }

    /// The outputs of the inputs that disappeared (to remove from a directory output), and the outputs of the inputs
    /// converted by the pending run (to move into place).
    func commitFiles() throws(IOFailure) -> (removed: [String], converted: [(output: String, staged: StagedOutput)]) {
        try reading { db in
            let removed = try String.fetchAll(
                db,
                sql: """
                    SELECT output FROM inputs WHERE output IS NOT NULL AND path IN (SELECT path FROM removed_inputs)
                    """
            )
            let converted = try Row.fetchAll(
                db,
                sql: "SELECT output, staged FROM pending_inputs WHERE output IS NOT NULL"
            ).map { row in (output: row["output"] as String, staged: StagedOutput(text: row["staged"])) }
            return (removed, converted)
        }
    }

    /// Applies the pending run in one transaction and ends it.
    /// - Parameters:
    ///   - now: The run's time (records that disappeared get it as their deletion time).
    ///   - removeInputs: Whether inputs that disappeared are removed now (at the end of the run) or kept (after each
    ///     file with `--commit-each`).
    ///   - finish: Whether the run ends (its row and pending tables are cleared).
    ///   - meta: Values to store in `meta`.
    /// - Throws: `IOFailure` when the database cannot be written.
    func apply(now: Int64, removeInputs: Bool, finish: Bool, meta: [String: String]) throws(IOFailure) {
        try writing { db in
            try Self.apply(db, now: now, removeInputs: removeInputs)
            let setMeta = try db.cachedStatement(sql: "INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)")
            for (key, value) in meta.sorted(by: { $0.key < $1.key }) { try setMeta.execute(arguments: [key, value]) }
            try db.execute(
                sql: "DELETE FROM pending_inputs; DELETE FROM pending_records; DELETE FROM pending_containers;"
            )
            if finish { try db.execute(sql: "DELETE FROM removed_inputs; DELETE FROM run;") }
        }
    }

    private static func apply(_ db: Database, now: Int64, removeInputs: Bool) throws {
        try db.execute(
            sql: """
                UPDATE records SET deleted = :now
                WHERE deleted IS NULL AND source IN (SELECT path FROM pending_inputs)
                AND NOT EXISTS (
                    SELECT 1 FROM pending_records p
                    WHERE p.source = records.source AND p.entity = records.entity AND p.id = records.id);
                INSERT INTO records (source, entity, id, hash, changed, deleted)
                SELECT source, entity, id, hash, changed, NULL FROM pending_records WHERE true
                ON CONFLICT (source, entity, id) DO UPDATE
                SET hash = excluded.hash, changed = excluded.changed, deleted = NULL;
                INSERT OR REPLACE INTO inputs (\(inputColumns))
                SELECT \(inputColumns) FROM pending_inputs;
                INSERT OR REPLACE INTO containers (path, fingerprint) SELECT path, fingerprint FROM pending_containers;
                """,
            arguments: ["now": now]
        )
        if removeInputs {
            try db.execute(
                sql: """
                    UPDATE records SET deleted = :now
                    WHERE deleted IS NULL AND source IN (SELECT path FROM removed_inputs);
                    DELETE FROM inputs WHERE path IN (SELECT path FROM removed_inputs);
                    DELETE FROM containers
                    WHERE path NOT IN (SELECT container FROM inputs WHERE container IS NOT NULL);
                    """,
                arguments: ["now": now]
            )
        }
    }

    private static func tombstones(_ db: Database, only time: Int64?) throws -> [DeletedRecord] {
        let filter = time == nil ? "deleted IS NOT NULL" : "deleted = ?"
        let rows = try Row.fetchAll(
            db,
            sql: "SELECT source, entity, id, deleted FROM records WHERE \(filter) ORDER BY source, entity, id",
            arguments: time.map { [$0] } ?? []
        )
        return rows.map { row in
            DeletedRecord(source: row["source"], entity: row["entity"], id: row["id"], deleted: row["deleted"])
        }
    }

    /// The records that disappeared at `time` (this run's deletions).
    func deleted(at time: Int64) throws(IOFailure) -> [DeletedRecord] {
        try reading { db in try Self.tombstones(db, only: time) }
    }

    /// Whether any record was added, changed, revived or deleted at `time` (by `--commit-each` saves of this run).
    func recordsTouched(at time: Int64) throws(IOFailure) -> Bool {
        try reading { db in
            try Bool.fetchOne(
                db,
                sql: "SELECT EXISTS (SELECT 1 FROM records WHERE deleted = ? OR changed = ?)",
                arguments: [time, time]
            ) ?? true
        }
    }

    /// How many live records the state holds.
    func liveRecordCount() throws(IOFailure) -> Int {
        try reading { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM records WHERE deleted IS NULL") ?? 0 }
    }
}
