-- Erases one visitor's session and leaves in its place a marker of the erasure, atomically: the key holds
-- only the field 'erased', the instant of the visitor's latest erasure, and lives for the session timeout.
-- record-page-view.lua records no page view at or before that instant, and a reader of the session fields
-- finds none. One key per call, so that erasing several visitors never spans hash slots of a cluster.
--
-- KEYS[1]  the session key
-- ARGV[1]  the instant of the erasure, epoch milliseconds
-- ARGV[2]  how long the marker lives, milliseconds: the session timeout
--
-- Returns 1.
local erasedAt = tonumber(ARGV[1])
if redis.call('TYPE', KEYS[1]).ok == 'hash' then
	local earlier = tonumber(redis.call('HGET', KEYS[1], 'erased'))
	if earlier and earlier > erasedAt then
		erasedAt = earlier
	end
end
redis.call('DEL', KEYS[1])
redis.call('HSET', KEYS[1], 'erased', string.format('%.0f', erasedAt))
redis.call('PEXPIRE', KEYS[1], ARGV[2])
return 1
