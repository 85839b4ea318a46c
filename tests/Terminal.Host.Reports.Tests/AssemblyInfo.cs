// In-memory tests on streams and temporary folders of their own: safe to run in parallel.
[assembly: Parallelize(Scope = ExecutionScope.MethodLevel)]
