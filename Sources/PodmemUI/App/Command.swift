/// What a key asks the app to do.
public enum Command: Sendable, Equatable {
    case quit, help
    case moveUp, moveDown, pageUp, pageDown, top, bottom
    case openDetail, back
    case sortPrevious, sortNext, reverseSort, sortByCacheShare, sortByWorkingSet
    case widerSpan, narrowerSpan
    case startFilter
    case togglePause
    case snapshot
    case stepBack, stepForward, minuteBack, minuteForward, timeStart, timeEnd
}
