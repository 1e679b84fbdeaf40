import Foundation

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// Blocking HTTP GET on loopback for the serve tests.
enum HTTPFetch {
    struct Reply {
        let status: Int
        let body: Data
        let contentType: String?
        var text: String { String(decoding: body, as: UTF8.self) }
    }

    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    static func get(_ url: String, timeout: TimeInterval = 10) throws -> Reply {
        var request = URLRequest(url: URL(string: url)!)
        request.timeoutInterval = timeout
        let done = DispatchSemaphore(value: 0)
        nonisolated(unsafe) var result: Result<Reply, Error> = .failure(Failure(description: "GET \(url): no answer"))
        URLSession.shared.dataTask(with: request) { data, response, error in
            if let error {
                result = .failure(error)
            } else if let response = response as? HTTPURLResponse {
                result = .success(
                    Reply(
                        status: response.statusCode, body: data ?? Data(),
                        contentType: response.value(forHTTPHeaderField: "Content-Type")))
            }
            done.signal()
        }.resume()
        _ = done.wait(timeout: .now() + timeout + 1)
        return try result.get()
    }
}
