# Writes a TRX file (the Visual Studio test results format dotnet test and MSTest's runner write) for checks that a
# tier script runs itself, so that ./test counts them with the rest (its count_trx reads <Counters>). Sourced.
#
#   trx_begin RUN_NAME
#   trx_result TEST_NAME Passed|Failed DURATION_MS OUTPUT [MESSAGE]    (once per check)
#   trx_end FILE                                                       (fails when nothing was recorded)

_trx_uuid() { cat /proc/sys/kernel/random/uuid; }
_trx_xml() { sed -e 's/&/\&amp;/g' -e 's/</\&lt;/g' -e 's/>/\&gt;/g' -e 's/"/\&quot;/g' <<<"$1"; }
_trx_time() { date -u +%Y-%m-%dT%H:%M:%S.%3NZ; }
_trx_duration() { # milliseconds -> hh:mm:ss.fffffff
  local ms=$1
  printf '%02d:%02d:%02d.%03d0000' $((ms / 3600000)) $((ms / 60000 % 60)) $((ms / 1000 % 60)) $((ms % 1000))
}

trx_begin() {
  TRX_NAME=$1 TRX_START=$(_trx_time) TRX_RESULTS="" TRX_DEFINITIONS="" TRX_ENTRIES=""
  TRX_TOTAL=0 TRX_PASSED=0 TRX_FAILED=0
}

trx_result() {
  local name outcome=$2 ms=$3 output message=${5:-} id exec list=8C84FA94-04C1-424b-9868-57A2D4851A1D
  name=$(_trx_xml "$1"); output=$(_trx_xml "$4"); message=$(_trx_xml "$message")
  id=$(_trx_uuid); exec=$(_trx_uuid)
  TRX_TOTAL=$((TRX_TOTAL + 1))
  if [ "$outcome" = Passed ]; then TRX_PASSED=$((TRX_PASSED + 1)); else outcome=Failed; TRX_FAILED=$((TRX_FAILED + 1)); fi
  local error=""
  [ "$outcome" = Failed ] && error="<ErrorInfo><Message>$message</Message></ErrorInfo>"
  TRX_RESULTS+="    <UnitTestResult executionId=\"$exec\" testId=\"$id\" testName=\"$name\" computerName=\"$(hostname)\" duration=\"$(_trx_duration "$ms")\" endTime=\"$(_trx_time)\" testType=\"13CDC9D9-DDB5-4fa4-A97D-D965CCFC6D4B\" outcome=\"$outcome\" testListId=\"$list\">
      <Output><StdOut>$output</StdOut>$error</Output>
    </UnitTestResult>
"
  TRX_DEFINITIONS+="    <UnitTest name=\"$name\" storage=\"$(_trx_xml "$TRX_NAME")\" id=\"$id\">
      <Execution id=\"$exec\" />
      <TestMethod codeBase=\"$(_trx_xml "$TRX_NAME")\" adapterTypeName=\"executor://tests/rig\" className=\"$(_trx_xml "$TRX_NAME")\" name=\"$name\" />
    </UnitTest>
"
  TRX_ENTRIES+="    <TestEntry testId=\"$id\" executionId=\"$exec\" testListId=\"$list\" />
"
}

trx_end() {
  [ "$TRX_TOTAL" -gt 0 ] || { echo "no check was recorded for $TRX_NAME" >&2; return 1; }
  local summary=Completed
  [ "$TRX_FAILED" -eq 0 ] || summary=Failed
  cat >"$1" <<EOF
<?xml version="1.0" encoding="utf-8"?>
<TestRun id="$(_trx_uuid)" name="$(_trx_xml "$TRX_NAME")" xmlns="http://microsoft.com/schemas/VisualStudio/TeamTest/2010">
  <Times creation="$TRX_START" queuing="$TRX_START" start="$TRX_START" finish="$(_trx_time)" />
  <Results>
${TRX_RESULTS}  </Results>
  <TestDefinitions>
${TRX_DEFINITIONS}  </TestDefinitions>
  <TestEntries>
${TRX_ENTRIES}  </TestEntries>
  <TestLists>
    <TestList name="Results Not in a List" id="8C84FA94-04C1-424b-9868-57A2D4851A1D" />
  </TestLists>
  <ResultSummary outcome="$summary">
    <Counters total="$TRX_TOTAL" executed="$TRX_TOTAL" passed="$TRX_PASSED" failed="$TRX_FAILED" error="0" timeout="0" aborted="0" inconclusive="0" passedButRunAborted="0" notRunnable="0" notExecuted="0" disconnected="0" warning="0" completed="0" inProgress="0" pending="0" />
  </ResultSummary>
</TestRun>
EOF
}
