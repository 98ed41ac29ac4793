sleep 30
echo PROBE-OK
