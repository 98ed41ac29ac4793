print("<script>alert(1)</script> \" ' & </textarea>")
print("PROBE-OK")
