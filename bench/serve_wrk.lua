-- wrk's done() for bench/serve_bench.py: one line with what the text output rounds or lacks
-- (the 95th percentile, exact bytes and the error counts), parsed by bench/serve_report.py.
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    "wrk-summary requests=%d bytes=%d duration_us=%d p95_us=%d "
      .. "status=%d connect=%d read=%d write=%d timeout=%d\n",
    summary.requests, summary.bytes, summary.duration, latency:percentile(95),
    e.status, e.connect, e.read, e.write, e.timeout))
end
