-- wrk script: every request a different address, read from PATHS_FILE (one path a line). Thread t of n takes
-- lines t, t+n, t+2n, … starting at line PATHS_OFFSET, so no address is asked twice in a run (until the file runs out,
-- which the caller avoids by giving more lines than the run can ask for).
-- With COUNT_HITS=1 it also counts answers that came from the output cache (they carry an Age header) and 5xx.
local threads = {}
local counter = 0

function setup(thread)
  counter = counter + 1
  thread:set("id", counter)
  table.insert(threads, thread)
end

function init(args)
  local total = tonumber(os.getenv("WRK_THREADS") or "2")
  local offset = tonumber(os.getenv("PATHS_OFFSET") or "0")
  paths = {}
  local n = 0
  for line in io.lines(os.getenv("PATHS_FILE")) do
    if n >= offset and (n - offset) % total == id - 1 then
      table.insert(paths, line)
    end
    n = n + 1
  end
  index = 0
  hits = 0
  answers = 0
  server_errors = 0
  count_hits = os.getenv("COUNT_HITS") == "1"
end

function request()
  index = index + 1
  if index > #paths then
    index = 1
  end
  return wrk.format("GET", paths[index])
end

function response(status, headers, body)
  if count_hits then
    answers = answers + 1
    if headers["Age"] ~= nil or headers["age"] ~= nil then
      hits = hits + 1
    end
    if status >= 500 then
      server_errors = server_errors + 1
    end
  end
end

function done(summary, latency, requests)
  local h, a, e = 0, 0, 0
  for _, thread in ipairs(threads) do
    h = h + (thread:get("hits") or 0)
    a = a + (thread:get("answers") or 0)
    e = e + (thread:get("server_errors") or 0)
  end
  if a > 0 then
    io.write(string.format("cache-hits %d of %d answers (%.2f%%), 5xx %d\n", h, a, 100 * h / a, e))
  end
end
