import FoundationEssentials
import Glibc

/// One recording file, indexed without decoding it: the header line, then each record's place, type, time and
/// keyframe flag, read with small `pread`s so a day-long file opens in a fraction of a second. Sample values are
/// decoded only when asked for, from the nearest keyframe.
final class RecordingSegment {
    struct Entry {
        /// Offset of the payload in the file.
        let offset: Int
        let length: Int
        let timestamp: Double
        let isKeyframe: Bool
    }

    let path: String
    let header: RecordingHeader
    private(set) var entries: [Entry] = []
    /// What was skipped while indexing (a torn last record, damage).
    private(set) var warnings: [String] = []
    private let fd: Int32
    private var decoder: RecordingDecoder
    /// The entry the decoder's delta state stands after, when decoding runs forward.
    private var decodedThrough: Int?

    /// nil when the file is not a recording (its first line is not a recording header).
    init?(path: String) throws(CommandFailure) {
        self.path = path
        fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw CommandFailure("cannot open \(path): \(FileOutput.describe(errno))") }
        var info = stat()
        guard fstat(fd, &info) == 0 else {
            let code = errno
            close(fd)
            throw CommandFailure("cannot read \(path): \(FileOutput.describe(code))")
        }
        let size = Int(info.st_size)
        let start = Self.pread(fd, offset: 0, count: min(size, 64 * 1024))
        // The schema name is looked for first: a compact snapshot is one long line, not worth decoding as a header.
        guard let newline = start.firstIndex(of: 0x0A),
            ReplayInput.contains(start[..<newline], ReplayInput.schemaStem(RecordingHeader.schemaName)),
            let header = try? JSONDecoder().decode(RecordingHeader.self, from: Data(start[..<newline])),
            RecordingHeader.readableSchemas.contains(header.schema)
        else {
            close(fd)
            return nil
        }
        if let problem = InputLimits.intervalProblem(header.intervalSeconds).map({ "intervalSeconds \($0)" })
            ?? InputLimits.timeProblem(header.startedAt).map({ "startedAt \($0)" })
            ?? header.counterFields.flatMap({ count in
                (CounterFields.version2Count...RecordingHeader.maximumCounterFields).contains(count)
                    ? nil : "counterFields \(count) is outside \(CounterFields.version2Count)…64"
            })
        {
            close(fd)
            throw CommandFailure("\(path): damaged recording header (\(problem)) at byte 0")
        }
        self.header = header
        decoder = RecordingDecoder(header: header)
        // Throwing from here on, deinit closes the file.
        try index(from: newline + 1, size: size)
    }

    deinit {
        close(fd)
    }

    /// A record whose checksum holds but whose content cannot be real was crafted or written by a broken podmem:
    /// an error. Damage the checksum catches (a torn tail, flipped bits) ends the index with a warning.
    private func index(from start: Int, size: Int) throws(CommandFailure) {
        var offset = start
        while offset < size {
            let head = Self.pread(fd, offset: offset, count: RecordFrame.headerSize + 9)
            var reader = BinaryReader(head)
            guard head.count >= RecordFrame.headerSize,
                let kind = RecordFrame.Kind(rawValue: (try? reader.byte()) ?? 0),
                let length = try? Int(reader.uint32()), length <= RecordFrame.maximumPayload,
                let checksum = try? reader.uint32()
            else {
                warnings.append(
                    "\(path): damaged record at byte \(offset); the last \(size - offset) bytes are skipped")
                return
            }
            let payloadOffset = offset + RecordFrame.headerSize
            guard payloadOffset + length <= size else {
                warnings.append(
                    "\(path): the last record is torn (\(size - offset) of \(RecordFrame.headerSize + length) bytes; the recorder was stopped mid-write); skipped"
                )
                return
            }
            switch kind {
            case .identity:
                let payload = Self.pread(fd, offset: payloadOffset, count: length)
                guard CRC32.checksum(payload) == checksum else {
                    warnings.append(
                        "\(path): damaged record at byte \(offset); the last \(size - offset) bytes are skipped")
                    return
                }
                do {
                    try decoder.addIdentity(payload)
                } catch {
                    throw damaged(at: offset, error)
                }
            case .sample:
                var payload = BinaryReader(Array(head[RecordFrame.headerSize...]))
                guard let flags = try? payload.byte(), let time = try? payload.uint64() else {
                    warnings.append(
                        "\(path): damaged record at byte \(offset); the last \(size - offset) bytes are skipped")
                    return
                }
                let timestamp = Double(bitPattern: time)
                if let problem = InputLimits.timeProblem(timestamp) {
                    guard CRC32.checksum(Self.pread(fd, offset: payloadOffset, count: length)) == checksum else {
                        warnings.append(
                            "\(path): damaged record at byte \(offset); the last \(size - offset) bytes are skipped")
                        return
                    }
                    throw damaged(at: offset, RecordingDecoder.Damage(reason: "time \(problem)"))
                }
                entries.append(
                    Entry(offset: payloadOffset, length: length, timestamp: timestamp, isKeyframe: flags & 1 == 1))
            }
            offset = payloadOffset + length
        }
    }

    /// The sample of entry `index`, decoding forward from the decoder's position or the nearest keyframe before it.
    /// A damaged record (checksum) throws.
    func sample(at index: Int) throws(CommandFailure) -> Sample {
        var from = index
        while from > 0 && !entries[from].isKeyframe { from -= 1 }
        if let through = decodedThrough, through < index, through >= from { from = through + 1 }
        for position in from...index {
            let entry = entries[position]
            // The stored checksum (the frame header's last 4 bytes) and the payload, in one read.
            let stored = Self.pread(fd, offset: entry.offset - 4, count: entry.length + 4)
            var checksum = BinaryReader(stored)
            let payload = Array(stored.dropFirst(4))
            decodedThrough = nil
            let offset = entry.offset - RecordFrame.headerSize
            guard payload.count == entry.length, CRC32.checksum(payload) == (try? checksum.uint32()) else {
                throw CommandFailure("\(path): damaged record at byte \(offset)")
            }
            let sample: Sample
            do {
                sample = try decoder.sample(payload)
            } catch {
                throw damaged(at: offset, error)
            }
            decodedThrough = position
            if position == index { return sample }
        }
        throw CommandFailure("\(path): no record \(index)")
    }

    private func damaged(at offset: Int, _ error: Error) -> CommandFailure {
        let reason =
            switch error {
            case let damage as RecordingDecoder.Damage: damage.reason
            case is BinaryReader.Malformed: "malformed or cut short"
            default: "not a series identity"
            }
        return CommandFailure("\(path): damaged record (\(reason)) at byte \(offset)")
    }

    static func pread(_ fd: Int32, offset: Int, count: Int) -> [UInt8] {
        guard count > 0 else { return [] }
        var buffer = [UInt8](repeating: 0, count: count)
        var got = 0
        while got < count {
            let n = buffer.withUnsafeMutableBytes {
                Glibc.pread(fd, $0.baseAddress! + got, count - got, off_t(offset + got))
            }
            if n < 0 && errno == EINTR { continue }
            if n <= 0 { break }
            got += n
        }
        return got == count ? buffer : Array(buffer[..<got])
    }
}
