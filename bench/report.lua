-- wrk reporter: one machine-readable line that bench/run.py parses (latencies in microseconds).
done = function(summary, latency, requests)
  local errors = summary.errors
  io.write(string.format(
    "BENCH requests=%d duration=%d connect=%d read=%d write=%d status=%d timeout=%d p50=%d p95=%d\n",
    summary.requests, summary.duration, errors.connect, errors.read, errors.write,
    errors.status, errors.timeout, latency:percentile(50), latency:percentile(95)))
end
