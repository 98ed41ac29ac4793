#!/bin/sh
# Leaves a grandchild that holds stdout open for a minute, prints its pid, and exits at once.
sleep 60 &
echo "$!"
exit 0
