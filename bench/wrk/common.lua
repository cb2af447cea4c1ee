-- Shared by the wrk scripts (loaded with dofile from the repository root): the users' tokens from
-- $TOKENS ("<sub> <token>" lines), each wrk thread's own slice of them, and one RESULT line at the end.
users = {}
for line in io.lines(os.getenv("TOKENS")) do
  local sub, token = line:match("^(%S+) (%S+)$")
  if sub then
    users[#users + 1] = { sub = sub, auth = "Bearer " .. token }
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

function done(summary, latency, requests)
  local e = summary.errors
  local failed = e.status + e.connect + e.read + e.write + e.timeout
  local seconds = summary.duration / 1e6
  io.write(string.format("RESULT requests=%d seconds=%.2f rps=%.1f p50_ms=%.2f p99_ms=%.2f max_ms=%.2f non2xx=%d\n",
    summary.requests, seconds, summary.requests / seconds, latency:percentile(50) / 1000,
    latency:percentile(99) / 1000, latency.max / 1000, failed))
end
