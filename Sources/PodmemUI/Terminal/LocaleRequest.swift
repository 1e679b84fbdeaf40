/// Which character set the user asked for, read from the environment the way `setlocale(LC_ALL, "")` reads it.
public enum LocaleRequest {
    /// The setting that decides LC_CTYPE: `LC_ALL`, else `LC_CTYPE`, else `LANG` (POSIX precedence; an empty
    /// variable counts as unset). nil when none is set.
    public static func characterTypeSetting(_ environment: [String: String]) -> String? {
        for name in ["LC_ALL", "LC_CTYPE", "LANG"] {
            if let value = environment[name], !value.isEmpty { return value }
        }
        return nil
    }

    /// True only when no locale is set at all (an ssh session often forwards none): then `C.UTF-8` is worth a try.
    /// An explicit locale, `C` and `POSIX` included, is the user's choice: a non-UTF-8 one means ASCII glyphs.
    public static func shouldTryUTF8(_ environment: [String: String]) -> Bool {
        characterTypeSetting(environment) == nil
    }
}
