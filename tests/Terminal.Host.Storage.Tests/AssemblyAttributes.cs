// Each test class works in its own database; the PostgreSQL ones share one server: one class at a time.
[assembly: Parallelize(Scope = ExecutionScope.ClassLevel)]
