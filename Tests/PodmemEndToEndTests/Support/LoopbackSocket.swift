import Foundation

/// A raw TCP client socket on 127.0.0.1, for clients that misbehave on purpose (pipelining without reading,
/// half-sent requests) and for scrapes timed to the millisecond. Sends never raise SIGPIPE.
struct LoopbackSocket {
    let descriptor: Int32

    /// A connected blocking socket, or a non-blocking one whose connection may still be in progress.
    static func open(port: Int, blocking: Bool) -> LoopbackSocket? {
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard descriptor >= 0 else { return nil }
        if !blocking { _ = fcntl(descriptor, F_SETFL, fcntl(descriptor, F_GETFL) | O_NONBLOCK) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let result = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard result == 0 || (!blocking && errno == EINPROGRESS) else {
            Glibc.close(descriptor)
            return nil
        }
        return LoopbackSocket(descriptor: descriptor)
    }

    /// Bytes sent, or -1 with `errno` set (EAGAIN when a non-blocking socket's buffer is full).
    func send(_ text: String) -> Int {
        Array(text.utf8).withUnsafeBytes { Glibc.send(descriptor, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
    }

    /// Whether the peer has closed or reset the connection, without blocking and without reading what it sent.
    var closedByPeer: Bool {
        let peerHangUp: Int16 = 0x2000  // POLLRDHUP (Linux), which Glibc's module does not import
        var descriptorPoll = pollfd(fd: descriptor, events: peerHangUp, revents: 0)
        return poll(&descriptorPoll, 1, 0) > 0
            && descriptorPoll.revents & (peerHangUp | Int16(POLLHUP) | Int16(POLLERR)) != 0
    }

    /// Reads until end of file or `deadline`; nil when the deadline passed first.
    func readToEnd(deadline: Date) -> [UInt8]? {
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 65536)
        while true {
            let remaining = deadline.timeIntervalSinceNow
            guard remaining > 0 else { return nil }
            var descriptorPoll = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
            guard poll(&descriptorPoll, 1, Int32(remaining * 1000) + 1) > 0 else { continue }
            let count = recv(descriptor, &chunk, chunk.count, 0)
            if count <= 0 { return bytes }
            bytes += chunk[..<count]
        }
    }

    func close() { Glibc.close(descriptor) }
}
