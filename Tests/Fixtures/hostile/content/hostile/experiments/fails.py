raise ValueError("<script>alert(1)</script> \" ' & </textarea>")
