-- PATCH /api/profile with a fresh If-Match, alone ("patch") or in the soak's mix ("mix": 80 % GET
-- /api/profile, 10 % PATCH, 10 % an address page); a second argument paces each connection to one
-- request every that many milliseconds (the soak's fixed rate). Each thread writes only its own users, at most
-- one write in flight per user, and learns each user's ETag from the answers (the owner view
-- carries userId), so no PATCH should ever meet a 412.
dofile("bench/wrk/common.lua")

local mode, mine, by_sub, etag, busy, n, pace

-- busy[i] is the version user i's in-flight PATCH writes; it is free again once an answer shows that version.

function init(args)
  mode = args[1] or "patch"
  pace = tonumber(args[2])
  if pace then
    -- defined only when pacing: wrk checks for delay() after init(), and a delay() of 0 still costs a timer
    delay = function()
      return pace
    end
  end
  mine = my_users()
  by_sub, etag, busy = {}, {}, {}
  for i, user in ipairs(mine) do
    by_sub[user.sub] = i
  end
  n = 0
end

local function version(tag)
  return tonumber(tag and tag:match('"(%d+)"') or -1)
end

local function get(i, path)
  return wrk.format("GET", path, { Authorization = mine[i].auth })
end

local function patch()
  for _ = 1, #mine do
    n = n % #mine + 1
    if etag[n] == nil then
      return get(n, "/api/profile")
    end
    if not busy[n] then
      busy[n] = version(etag[n]) + 1
      local body = string.format('{"displayName":"Bench User %d","preferences":{"theme":"t%d"}}', n, math.random(1000))
      return wrk.format("PATCH", "/api/profile", { Authorization = mine[n].auth, ["If-Match"] = etag[n],
        ["Content-Type"] = "application/merge-patch+json" }, body)
    end
  end
  return get(n, "/api/profile")
end

local turn = 0

function request()
  if mode == "patch" then
    return patch()
  end
  turn = turn % 10 + 1
  if turn == 1 then
    return patch()
  end
  n = n % #mine + 1
  return get(n, turn == 2 and "/api/profile/addresses?limit=20" or "/api/profile")
end

function response(status, headers, body)
  local sub = body and body:match('"userId":"([^"]+)"')
  local i = sub and by_sub[sub]
  if i then
    local tag = headers["ETag"] or headers["etag"]
    if version(tag) > version(etag[i]) then
      etag[i] = tag
    end
    if busy[i] and version(etag[i]) >= busy[i] then
      busy[i] = nil
    end
  end
end
