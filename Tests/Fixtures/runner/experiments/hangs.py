# An experiment that never finishes.
import time

time.sleep(60)
