extension CgroupSource: CacheFileSource {
    /// Real files: `cachestat(2)`, or the method `PODMEM_CACHE_FILES_METHOD` forces.
    public func makeCacheFileMonitor(limits: CacheFileLimits) throws -> CacheFileMonitor {
        let method = try LocalFileResidencyProbe.methodFromEnvironment().get()
        return makeCacheFileMonitor(probe: LocalFileResidencyProbe(method: method), limits: limits)
    }

    func makeCacheFileMonitor(probe: any FileResidencyProbe, limits: CacheFileLimits) -> CacheFileMonitor {
        CacheFileMonitor(
            fileSystem: fileSystem, probe: probe, cgroupRoot: hierarchy.root, hostRoot: hostRoot,
            logRoot: logRoot, limits: limits)
    }
}
