def target():
    return 1


x = y = target
y()
