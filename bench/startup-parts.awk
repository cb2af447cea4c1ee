# Splits an async-profiler profile of one start (collapsed stacks, recorded with its "threads" option) in two ways.
#   awk -v mode=threads -f bench/startup-parts.awk F   # the samples of each kind of thread (for a CPU profile)
#   awk -v mode=main -f bench/startup-parts.awk F      # the main thread's samples by Quarkus step (for a wall profile)
# A collapsed line is "[thread tid=N];frame;frame;... count". For the main thread each sample counts for the first
# recorded step on its stack (io/quarkus/runner/recorded/<Step>$...), under static init when
# ApplicationImpl.<clinit> is below it; the samples after the start (waiting for exit, stopping) are left out.
function thread_kind(name) {
  if (name ~ /^C2 Compiler/) return "JIT, C2 compiler"
  if (name ~ /^C1 Compiler/) return "JIT, C1 compiler"
  if (name ~ /^main$/) return "main (Quarkus' static and runtime init)"
  if (name ~ /^GC Thread/ || name ~ /^VM Thread/) return "GC and VM thread"
  if (name ~ /^vert\.x-/) return "Vert.x threads"
  return "other threads"
}
function step(stack,    n, frames, i, m, static) {
  static = index(stack, "ApplicationImpl.<clinit>") > 0
  n = split(stack, frames, ";")
  for (i = 1; i <= n; i++) {
    if (match(frames[i], /io\/quarkus\/runner\/recorded\/[A-Za-z0-9_]+/)) {
      m = substr(frames[i], RSTART + 27, RLENGTH - 27)
      sub(/[0-9]+$/, "", m)
      return (static ? "static init: " : "runtime init: ") m
    }
  }
  if (static) return "static init: config, logging (before the first step)"
  if (index(stack, "Config.createRunTimeConfig") > 0) return "runtime init: the runtime config"
  if (index(stack, "ApplicationImpl.doStart") > 0) return "runtime init: between steps"
  return "before Quarkus: the JVM's boot (AOT cache), the entry point"
}
{
  count = $NF
  stack = $0
  sub(/ [0-9]+$/, "", stack)
  name = substr(stack, 2, index(stack, "]") - 2)
  sub(/ tid=[0-9]+$/, "", name)
  if (mode == "threads") {
    key = thread_kind(name)
  } else {
    if (name != "main" || stack ~ /waitForExit|ApplicationImpl\.doStop|Application\.stop/) next
    key = step(stack)
  }
  counts[key] += count
  total += count
}
END {
  printf "   %-62s %7s %6s\n", (mode == "threads" ? "thread" : "main thread, by Quarkus step"), "samples", "share"
  sorter = "sort -t'\t' -k1,1nr | cut -f2-"
  for (key in counts) printf "%d\t   %-62s %7d %5.1f%%\n", counts[key], key, counts[key], 100 * counts[key] / total | sorter
  close(sorter)
}
