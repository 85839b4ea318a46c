// Protocol and pty tests share no state but the pty tier opens real devices: one class at a time.
[assembly: Parallelize(Scope = ExecutionScope.ClassLevel)]
