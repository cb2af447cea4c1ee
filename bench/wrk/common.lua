-- Shared by the wrk scripts (loaded with dofile from the repository root): the users' tokens from
-- $TOKENS ("<sub> <token>" lines), each wrk thread's own slice of them, and one RESULT line at the end.
users = {}
for line in io.lines(os.getenv("TOKENS")) do
  local sub, token = line:match("^(%S+) (%S+)$")
  if sub then
    users[#users + 1] = { sub = sub, auth = "Bearer " .. token }
  end
end

-- PACE_MS: each connection waits this long before its next request, so two services are compared at about the
-- same request rate instead of each at its own saturation (wrk keeps a fixed number of connections busy, so a
-- faster service otherwise also puts more load on dynalite). Unset: no pause.
local pace = tonumber(os.getenv("PACE_MS") or "")
if pace and pace > 0 then
  function delay()
    return pace
  end
end

local threads = {}
local next_id = 0

function setup(thread)
  thread:set("thread_id", next_id)
  thread:set("thread_count", 2)
  next_id = next_id + 1
  threads[#threads + 1] = thread
end

-- Users owned by this thread: with 2 threads and 50 users, 25 each, so no two threads PATCH one user.
function my_users()
  local mine = {}
  for i, user in ipairs(users) do
    if (i - 1) % thread_count == thread_id then
      mine[#mine + 1] = user
    end
  end
  return mine
end

-- Scripts with a response() count the statuses of failed answers here, so RESULT can say which they were.
failures = {}

function count_failure(status)
  if status >= 400 then
    failures[status] = (failures[status] or 0) + 1
  end
end

function done(summary, latency, requests)
  local e = summary.errors
  local failed = e.status + e.connect + e.read + e.write + e.timeout
  local seconds = summary.duration / 1e6
  local statuses = {}
  for _, thread in ipairs(threads) do
    for status, count in pairs(thread:get("failures") or {}) do
      statuses[status] = (statuses[status] or 0) + count
    end
  end
  local detail = ""
  for status, count in pairs(statuses) do
    detail = detail .. string.format(" status_%d=%d", status, count)
  end
  io.write(string.format("RESULT requests=%d seconds=%.2f rps=%.1f p50_ms=%.2f p99_ms=%.2f max_ms=%.2f non2xx=%d%s"
    .. " socket_errors=%d\n", summary.requests, seconds, summary.requests / seconds, latency:percentile(50) / 1000,
    latency:percentile(99) / 1000, latency.max / 1000, failed, detail, e.connect + e.read + e.write + e.timeout))
end
