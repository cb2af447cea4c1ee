-- dynalite's own rate for the GetItem the service sends for GET /api/profile (same key and
-- projection), as the ceiling. dynalite wants an Authorization header but checks no signature.
-- wrk ... -s bench/wrk/dynalite.lua http://127.0.0.1:DYNALITE_PORT/ -- UserProfiles
dofile("bench/wrk/common.lua")

local bodies, headers, n
local PROJECTION = '"ProjectionExpression":"#p0, #p1, #p2, #p3, #p4, #p5, #p6, #p7, #p8, #p9, #p10",'
  .. '"ExpressionAttributeNames":{"#p0":"user_id","#p1":"display_name","#p2":"avatar_url","#p3":"email",'
  .. '"#p4":"phone","#p5":"locale","#p6":"preferences","#p7":"ssn_last4","#p8":"created_at","#p9":"updated_at","#p10":"version"}'

function init(args)
  local table_name = args[1] or "UserProfiles"
  bodies = {}
  for i, user in ipairs(my_users()) do
    bodies[i] = string.format('{"TableName":"%s","Key":{"user_id":{"S":"%s"},"sk":{"S":"PROFILE"}},%s,"ConsistentRead":false}',
      table_name, user.sub, PROJECTION)
  end
  headers = { ["Content-Type"] = "application/x-amz-json-1.0", ["X-Amz-Target"] = "DynamoDB_20120810.GetItem",
    ["X-Amz-Date"] = "20250101T000000Z",
    Authorization = "AWS4-HMAC-SHA256 Credential=local/20250101/us-east-1/dynamodb/aws4_request, "
      .. "SignedHeaders=content-type;host;x-amz-date;x-amz-target, Signature=0000" }
  n = 0
end

function request()
  n = n % #bodies + 1
  return wrk.format("POST", "/", headers, bodies[n])
end
