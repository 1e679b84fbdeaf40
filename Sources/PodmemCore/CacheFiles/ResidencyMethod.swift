/// How residency is measured. Neither reads, faults in or moves a page of the file.
public enum ResidencyMethod: String, Sendable {
    /// `cachestat(2)`, Linux 6.5+: cached, dirty, writeback and recently evicted pages, no mapping needed.
    case cachestat
    /// `mmap(PROT_READ)` + `mincore(2)`: residency only. The kernel answers honestly only for a file the caller
    /// owns or may write (otherwise it reports every page resident), so it is used only there.
    case mincore
}
