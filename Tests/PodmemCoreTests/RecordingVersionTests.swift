import Foundation
import PodmemTestSupport
import XCTest

@testable import PodmemCore

/// `podmem.recording/2` carries v1 kernel memory as a 27th counter field; `podmem.recording/1` files still open.
final class RecordingVersionTests: XCTestCase {
    /// The demo node with v1 kernel memory on every workload and container.
    final class KernelMemorySource: MemorySource {
        let demo = DemoNode()
        func sample(at timestamp: Double) -> Sample {
            var sample = demo.sample(at: timestamp)
            for index in sample.workloads.indices {
                sample.workloads[index].counters.kernelUsageBytes =
                    UInt64(3000 + index) * 4096 + UInt64(timestamp) % 7 * 4096
                for container in sample.workloads[index].containers.indices {
                    sample.workloads[index].containers[container].counters.kernelUsageBytes =
                        UInt64(100 + container) * 4096
                }
            }
            return sample
        }
    }

    /// `source` with only the counters an older version recorded: the first `slots` stat slots, and v1 kernel
    /// memory only when `kernel`.
    final class OlderFieldsSource: MemorySource {
        let source: MemorySource
        let slots: Int
        let kernel: Bool
        init(_ source: MemorySource, slots: Int = 13, kernel: Bool) {
            (self.source, self.slots, self.kernel) = (source, slots, kernel)
        }
        func older(_ counters: MemoryCounters) -> MemoryCounters {
            var counters = counters
            let values = counters.stat.slotValues
            counters.stat = MemoryStat(slots: values.indices.map { $0 < slots ? values[$0] : nil })
            if !kernel { counters.kernelUsageBytes = nil }
            return counters
        }
        func sample(at timestamp: Double) -> Sample {
            var sample = source.sample(at: timestamp)
            sample.node.root = older(sample.node.root)
            for index in sample.workloads.indices {
                sample.workloads[index].counters = older(sample.workloads[index].counters)
                for container in sample.workloads[index].containers.indices {
                    sample.workloads[index].containers[container].counters = older(
                        sample.workloads[index].containers[container].counters)
                }
            }
            return sample
        }
    }

    func record(_ source: MemorySource, count: Int, to path: String) throws -> [Sample] {
        var samples: [Sample] = []
        var writer: RecordingWriter?
        for index in 0..<count {
            let sample = source.sample(at: 1_800_000_000 + Double(index))
            if writer == nil {
                writer = try RecordingWriter(
                    path: path,
                    header: RecordingHeader(
                        recordingId: "test", host: sample.host, cgroupVersion: sample.cgroupVersion, root: sample.root,
                        intervalSeconds: 1, startedAt: sample.timestamp), maximumBytes: 1 << 30)
            }
            try writer!.append(sample)
            samples.append(sample)
        }
        try writer?.finish()
        return samples
    }

    /// Rewrites the header's schema in place (same length), as a podmem of that version would have written it.
    func relabel(_ path: String, as schema: String) throws {
        let text = try XCTUnwrap(String(data: try Data(contentsOf: URL(fileURLWithPath: path)), encoding: .isoLatin1))
        // JSONEncoder writes the header's "/" as "\/".
        let escaped = { (name: String) in name.replacingOccurrences(of: "/", with: "\\/") }
        let relabelled = text.replacingOccurrences(of: escaped(RecordingHeader.schemaName), with: escaped(schema))
            .replacingOccurrences(of: RecordingHeader.schemaName, with: schema)
        XCTAssertNotEqual(relabelled, text, "the header names \(RecordingHeader.schemaName)")
        XCTAssertEqual(relabelled.utf8.count, text.utf8.count)
        try XCTUnwrap(relabelled.data(using: .isoLatin1)).write(to: URL(fileURLWithPath: path))
    }

    func testKernelMemoryComesBackFromAVersion2Recording() throws {
        let tree = TempTree()
        let path = tree.path + "/kernel.pmrec"
        let samples = try record(KernelMemorySource(), count: 40, to: path)
        let firstLine = try String(contentsOfFile: path, encoding: .isoLatin1).prefix { $0 != "\n" }
        XCTAssertTrue(
            firstLine.contains("\"schema\":\"podmem.recording\\/2\"")
                || firstLine.contains("\"schema\":\"podmem.recording/2\""), String(firstLine))
        let recording = try XCTUnwrap(try Recording(path: path))
        for index in [0, 1, 39, 20] {
            let decoded = try recording.sample(at: index)
            XCTAssertTrue(decoded == samples[index], "sample \(index)")
            XCTAssertEqual(
                decoded.workloads[0].counters.kernelUsageBytes, samples[index].workloads[0].counters.kernelUsageBytes)
            XCTAssertNotNil(decoded.workloads[0].counters.kernelUsageBytes)
        }
    }

    /// A version-1 file is what this encoder writes when fields 26 and on are absent, under the old header.
    func testVersion1RecordingsStillOpen() throws {
        let tree = TempTree()
        let path = tree.path + "/old.pmrec"
        let samples = try record(OlderFieldsSource(DemoNode(), kernel: false), count: 40, to: path)
        try relabel(path, as: "podmem.recording/1")
        let recording = try XCTUnwrap(try Recording(path: path), "a podmem.recording/1 file is a recording")
        XCTAssertEqual(recording.header.schema, "podmem.recording/1")
        XCTAssertEqual(recording.count, 40)
        for index in [0, 39, 17] {
            XCTAssertTrue(try recording.sample(at: index) == samples[index], "sample \(index)")
        }
    }

    /// Version 2 files written before the header said how many counter fields they hold have 27; a header that
    /// declares more than a 64-bit presence bitmap can mark is damaged.
    func testTheHeaderSaysHowManyCounterFields() throws {
        let tree = TempTree()
        let path = tree.path + "/fields.pmrec"
        let samples = try record(OlderFieldsSource(KernelMemorySource(), kernel: true), count: 5, to: path)
        let original = try Data(contentsOf: URL(fileURLWithPath: path))
        let text = try XCTUnwrap(String(data: original, encoding: .isoLatin1))
        let declared = "\"counterFields\":\(CounterFields.count)"
        XCTAssertTrue(text.prefix { $0 != "\n" }.contains(declared), String(text.prefix { $0 != "\n" }))

        try XCTUnwrap(text.replacingOccurrences(of: "," + declared, with: "").data(using: .isoLatin1)).write(
            to: URL(fileURLWithPath: path))
        let older = try XCTUnwrap(try Recording(path: path))
        XCTAssertTrue(try older.sample(at: 4) == samples[4], "a header without counterFields: 27 fields")

        try XCTUnwrap(text.replacingOccurrences(of: declared, with: "\"counterFields\":65").data(using: .isoLatin1))
            .write(to: URL(fileURLWithPath: path))
        XCTAssertThrowsError(try Recording(path: path)) { error in
            XCTAssertTrue(
                (error as? CommandFailure)?.message.contains("damaged recording header (counterFields 65") ?? false,
                "\(error)")
        }
    }

    /// Version 1 has 26 fields: a presence bit for a 27th is damage there, not a value.
    func testVersion1FileWithA27thFieldIsDamaged() throws {
        let tree = TempTree()
        let path = tree.path + "/forged.pmrec"
        _ = try record(KernelMemorySource(), count: 3, to: path)
        try relabel(path, as: "podmem.recording/1")
        let recording = try XCTUnwrap(try Recording(path: path))
        XCTAssertThrowsError(try recording.sample(at: 0)) { error in
            XCTAssertTrue((error as? CommandFailure)?.message.contains("damaged record") ?? false, "\(error)")
        }
    }
}
