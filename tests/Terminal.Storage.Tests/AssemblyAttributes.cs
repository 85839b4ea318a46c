// Store tests use their own folders, but the crash harness spawns processes: one class at a time.
[assembly: Parallelize(Scope = ExecutionScope.ClassLevel)]
