#!/usr/bin/env bash
# Prints the conformance table from status.tsv: per module the number of examples, how many run
# (and pass: every `runs` case is a test in //conformance/...), how many are not yet runnable;
# then every not-yet-runnable example with its reason; totals at the end.
set -euo pipefail
status=conformance/status.tsv
[[ -f $status ]] || status="$(dirname "$0")/status.tsv"
awk -F'\t' '
NR == 1 { next }
{
  if (!($1 in total)) order[n++] = $1
  total[$1]++
  if ($4 == "runs") runs[$1]++
  else { nyr[$1]++; missing[m++] = sprintf("  %-46s %s", $1 " " $2 " #" $3, $5) }
}
END {
  printf "%-16s %9s %9s %17s\n", "module", "examples", "passing", "not yet runnable"
  for (i = 0; i < n; i++) {
    k = order[i]
    printf "%-16s %9d %9d %17d\n", k, total[k], runs[k], nyr[k]
    t += total[k]; r += runs[k]; x += nyr[k]
  }
  printf "\nnot yet runnable:\n"
  for (i = 0; i < m; i++) print missing[i]
  printf "\n%-16s %9d %9d %17d\n", "total", t, r, x
}' "$status"
