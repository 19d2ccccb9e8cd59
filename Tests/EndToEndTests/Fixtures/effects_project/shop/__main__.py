from shop import effects

effects.shout("module")
