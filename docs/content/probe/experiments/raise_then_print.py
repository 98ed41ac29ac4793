# An error, then the marker. The marker is built at run time, so that an error message quoting this file
# cannot contain it.
raise ValueError("an error before the marker")
print("PROBE" + "-OK")
