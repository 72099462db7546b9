#!/usr/bin/env bash
# Checks conformance/status.tsv against the examples catalogue (conformance/catalogue.tsv, a copy
# of reference/node-v0.6.3-api-examples.tsv): the same rows (module, doc_file, example_index) in
# the same order, each with a known status, and a case file for every `runs` row.
set -u
dir=conformance
fail=0
keys() { awk -F'\t' 'NR > 1 { print $1 "\t" $2 "\t" $3 }' "$1"; }
if ! diff <(keys $dir/catalogue.tsv) <(keys $dir/status.tsv); then
  echo "status.tsv rows differ from the catalogue (diff above: < catalogue, > status)"
  fail=1
fi
rows=$(keys $dir/status.tsv | wc -l)
if [[ $rows -ne 177 ]]; then
  echo "status.tsv has $rows rows, expected 177"
  fail=1
fi
if [[ "$(head -1 $dir/status.tsv)" != $'module\tdoc_file\texample_index\tstatus\treason\tcase' ]]; then
  echo "status.tsv header is not: module doc_file example_index status reason case"
  fail=1
fi
# (tabs are turned into '|' first: read would merge the empty reason field of a runs row.)
while IFS='|' read -r module doc index status reason case; do
  case $status in
    runs)
      if [[ -z $case || ! -f $case ]]; then
        echo "$module $doc #$index: status runs but case file '$case' missing"; fail=1
      fi ;;
    "not yet runnable")
      if [[ -z $reason ]]; then
        echo "$module $doc #$index: not yet runnable without a reason"; fail=1
      fi ;;
    *) echo "$module $doc #$index: unknown status '$status'"; fail=1 ;;
  esac
done < <(tail -n +2 $dir/status.tsv | tr '\t' '|')
# Every case file is listed in status.tsv.
for f in $(find $dir/cases -name '*.js' | sort); do
  if ! cut -f6 $dir/status.tsv | grep -qxF "$f"; then
    echo "$f is not listed in status.tsv"; fail=1
  fi
done
[[ $fail -eq 0 ]] && echo "status.tsv: $rows rows match the catalogue"
exit $fail
