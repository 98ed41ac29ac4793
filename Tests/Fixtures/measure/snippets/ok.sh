# Works: runs in the essay folder, prints the marker last.
test -f snippets/ok.sh && echo PROBE-OK
