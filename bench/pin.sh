# Sourced by the bench scripts: PIN0 / PIN1 are command prefixes that pin a measured process to
# CPU 0 / CPU 1. BENCH_RT=1 also runs it at the highest priority (nice -20, needs root), so other
# work on a shared machine takes less of its CPU (it cannot remove wake-up delays: a quiet
# machine is still the reference); the comparison stays side by side.
# (Arrays rather than a function, so `$!` of a background command is the measured process.)
PIN0=(taskset -c 0)
PIN1=(taskset -c 1)
if [[ ${BENCH_RT:-0} == 1 ]]; then
  PIN0=(nice -n -20 "${PIN0[@]}")
  PIN1=(nice -n -20 "${PIN1[@]}")
fi
