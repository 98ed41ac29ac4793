echo "starting" >&2
echo "NameError: name 'undefined_thing' is not defined" >&2
echo "giving up" >&2
