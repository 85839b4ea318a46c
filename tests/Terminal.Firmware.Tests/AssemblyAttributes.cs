// Pure, in-memory tests: safe to run in parallel.
[assembly: Parallelize(Scope = ExecutionScope.MethodLevel)]
