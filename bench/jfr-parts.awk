# Splits the execution samples of `jfr print --stack-depth 64 --events jdk.ExecutionSample` by part:
# each sample counts for the first frame outside the JDK (so RSA's modPow counts for jose4j, which
# called it). Usage: jfr print --stack-depth 64 --events jdk.ExecutionSample F.jfr | awk -f bench/jfr-parts.awk
function part(frame) {
  if (frame ~ /^software\.amazon\.awssdk\./) return "AWS SDK"
  if (frame ~ /^org\.jose4j\./) return "jose4j"
  if (frame ~ /^io\.quarkus\.oidc\./ || frame ~ /^io\.smallrye\.jwt\./) return "quarkus-oidc, smallrye-jwt"
  if (frame ~ /^io\.netty\./) return "netty"
  if (frame ~ /^com\.fasterxml\.jackson\./) return "Jackson"
  if (frame ~ /^io\.vertx\./ || frame ~ /^io\.quarkus\.vertx\./) return "Vert.x"
  if (frame ~ /^dev\.profileservice\./) return "the project's own code"
  if (frame ~ /^com\.google\.(crypto\.tink|protobuf)\./) return "Tink"
  if (frame ~ /^io\.smallrye\.faulttolerance\./) return "SmallRye Fault Tolerance"
  if (frame ~ /^io\.smallrye\.mutiny\./) return "Mutiny"
  if (frame ~ /^org\.jboss\.resteasy\./ || frame ~ /^io\.quarkus\.resteasy\./) return "Quarkus REST"
  if (frame ~ /^org\.jboss\.log/ || frame ~ /^io\.quarkus\.logging\./) return "logging"
  if (frame ~ /^io\.micrometer\./ || frame ~ /^io\.quarkus\.micrometer\./) return "Micrometer"
  if (frame ~ /^org\.hibernate\.validator\./) return "Hibernate Validator"
  if (frame ~ /^io\.quarkus\./ || frame ~ /^io\.smallrye\./) return "Quarkus, SmallRye (other)"
  return "other"
}
/stackTrace = \[/ { inside = 1; found = ""; next }
inside && /^[[:space:]]*\]/ {
  inside = 0; total++
  counts[found == "" ? "JDK only (GC, JIT, I/O)" : found]++
  next
}
inside && found == "" {
  frame = $1
  if (frame !~ /^(java|javax|jdk|sun|com\.sun)\./ && frame != "...") found = part(frame)
}
END {
  if (total == 0) { print "no execution samples"; exit }
  printf "%-34s %7s %6s\n", "part (first frame outside the JDK)", "samples", "share"
  n = 0
  for (p in counts) order[++n] = p
  for (i = 1; i <= n; i++) for (j = i + 1; j <= n; j++) if (counts[order[j]] > counts[order[i]]) { t = order[i]; order[i] = order[j]; order[j] = t }
  for (i = 1; i <= n; i++) printf "%-34s %7d %5.1f%%\n", order[i], counts[order[i]], 100 * counts[order[i]] / total
}
