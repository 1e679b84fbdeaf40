#ifndef C_FILE_SAFETY_H
#define C_FILE_SAFETY_H

/// Renames `from` to `to`, both relative to the directory `directory`, failing with EEXIST when `to` exists in any
/// form (file, directory, symlink, dangling or not): renameat2(RENAME_NOREPLACE), which the Swift Glibc module does not
/// export. On file systems without that flag (EINVAL: NFS, some FUSE) a hard link then unlink does the same check
/// atomically. Returns 0, or -1 with errno set.
int podmem_rename_noreplace(int directory, const char *from, const char *to);

#endif
