// Each test class works in its own temporary folders and ports; the child-process hosts are heavy on two cores.
[assembly: Parallelize(Scope = ExecutionScope.ClassLevel, Workers = 2)]
