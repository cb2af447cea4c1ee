-- GET one path of the API for every user in turn:  wrk ... -s bench/wrk/get.lua URL -- /api/profile
dofile("bench/wrk/common.lua")

local path, mine, n

function init(args)
  path = args[1] or "/api/profile"
  mine = my_users()
  n = 0
end

function request()
  n = n % #mine + 1
  return wrk.format("GET", path, { Authorization = mine[n].auth })
end
