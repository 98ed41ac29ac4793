import Evident
print(EvidentVersion.current)
